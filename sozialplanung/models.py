"""The annual planning cycle: Planungsjahr and the log of its phase changes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class VersionierterText(models.Model):
    """Texts staff write together: who saved last, when, and a version number.

    A save names the version it started from; ``sozialplanung.versionen`` refuses it
    when somebody else saved in between (optimistic locking).
    """

    version = models.PositiveIntegerField(_("Version"), default=0)
    geaendert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zuletzt geändert von"),
    )
    geaendert_am = models.DateTimeField(_("zuletzt geändert am"), null=True, blank=True)

    class Meta:
        abstract = True


class Phase(models.IntegerChoices):
    """The five phases of the cycle, in the order they run every year."""

    STRATEGISCHE_ANALYSE = 1, _("Strategische Analyse")
    VORSCHLAEGE = 2, _("Vorschläge")
    BEWERTUNG = 3, _("Bewertung")
    PLANUNGSDOSSIER = 4, _("Planungsdossier")
    ENTSCHEIDUNG = 5, _("Entscheidung")


class PlanungsjahrQuerySet(models.QuerySet):
    def aktuell(self) -> "Planungsjahr | None":
        """The year whose cycle is running: the newest one."""
        return self.order_by("-jahr").first()

    def mit_oeffentlichem_dossier(self) -> "PlanungsjahrQuerySet":
        """Years whose Planungsdossier the public may read (see ``ist_dossier_entwurf``)."""
        return self.filter(phase__gte=Phase.PLANUNGSDOSSIER)


class Planungsjahr(models.Model):
    jahr = models.PositiveSmallIntegerField(
        _("Jahr"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    phase = models.PositiveSmallIntegerField(
        _("Phase"), choices=Phase.choices, default=Phase.STRATEGISCHE_ANALYSE
    )
    created = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = PlanungsjahrQuerySet.as_manager()

    class Meta:
        ordering = ["-jahr"]
        verbose_name = _("Planungsjahr")
        verbose_name_plural = _("Planungsjahre")

    def __str__(self) -> str:
        return str(self.jahr)

    def get_absolute_url(self) -> str:
        return reverse("zyklus", kwargs={"jahr": self.jahr})

    @property
    def dossier_titel(self) -> str:
        return _("Sozialplanung Fokus %(jahr)s") % {"jahr": self.jahr}

    @property
    def ist_dossier_entwurf(self) -> bool:
        """Before the phase Planungsdossier, its dossier is a draft for staff only."""
        return self.phase < Phase.PLANUNGSDOSSIER

    @property
    def naechste_phase(self) -> Phase | None:
        return Phase(self.phase + 1) if self.phase < Phase.ENTSCHEIDUNG else None

    @property
    def vorherige_phase(self) -> Phase | None:
        return Phase(self.phase - 1) if self.phase > Phase.STRATEGISCHE_ANALYSE else None


class PhasenWechsel(models.Model):
    """One change of a Planungsjahr's phase: who, when, from where to where and why."""

    planungsjahr = models.ForeignKey(
        Planungsjahr,
        on_delete=models.CASCADE,
        related_name="phasenwechsel",
        verbose_name=_("Planungsjahr"),
    )
    von_phase = models.PositiveSmallIntegerField(
        _("von Phase"), choices=Phase.choices, null=True, blank=True
    )
    nach_phase = models.PositiveSmallIntegerField(_("nach Phase"), choices=Phase.choices)
    zeitpunkt = models.DateTimeField(_("Zeitpunkt"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geändert von"),
    )
    begruendung = models.TextField(_("Begründung"), blank=True)

    class Meta:
        ordering = ["planungsjahr", "zeitpunkt", "pk"]
        verbose_name = _("Phasenwechsel")
        verbose_name_plural = _("Phasenwechsel")

    def __str__(self) -> str:
        von = self.get_von_phase_display() or "–"
        return f"{self.planungsjahr}: {von} → {self.get_nach_phase_display()}"

    @property
    def ist_ruecksprung(self) -> bool:
        return self.von_phase is not None and self.nach_phase < self.von_phase


class BarrierefreiheitRueckmeldung(models.Model):
    """A barrier somebody reported through the Erklärung zur Barrierefreiheit.

    Name and e-mail are optional: the least personal data that still lets staff answer.
    """

    seite = models.CharField(_("Betroffene Seite"), max_length=300, blank=True)
    nachricht = models.TextField(_("Ihre Nachricht"), max_length=5000)
    name = models.CharField(_("Name"), max_length=150, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254, blank=True)
    created = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    erledigt = models.BooleanField(_("erledigt"), default=False)
    erledigt_am = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    class Meta:
        ordering = ["erledigt", "-created", "-pk"]
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")

    def __str__(self) -> str:
        return f"{self.created:%d.%m.%Y}: {self.nachricht[:60]}"
