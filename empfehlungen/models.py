"""Handlungsempfehlung with the seven sections of the county's detail view, and Maßnahmen."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from empfehlungen.wirkung import (
    KORREKTURFRIST,
    Ebene,
    Richtung,
    Stufe,
    ebene,
    fehlende_angaben,
    korrekturfrist_offen,
)
from handlungsfelder.models import Fokusgruppe, Handlungsfeld, Indikator
from sozialplanung.models import Planungsjahr


class Steuerungsrelevanz(models.TextChoices):
    """The categories of the Steuerungsgruppe's scoring (thresholds 40 and 52 by default)."""

    WENIGER = "weniger", _("weniger steuerungsrelevant")
    RELEVANT = "relevant", _("steuerungsrelevant")
    HOCH = "hoch", _("in hohem Maße steuerungsrelevant")


class ArtDerLeistung(models.TextChoices):
    PFLICHT = "pflicht", _("Pflichtleistung")
    PFLICHT_GESTALTBAR = "pflicht_gestaltbar", _("Pflichtleistung mit Gestaltungsspielraum")
    FREIWILLIG = "freiwillig", _("Freiwillige Leistung")


class ModifiedQuerySet(models.QuerySet):
    """Bulk updates count as changes too: the guest cache keys on the latest `modified`
    of these tables (selectors._stand), so ``update()`` sets it like ``save()`` does."""

    def update(self, **kwargs) -> int:
        kwargs.setdefault("modified", timezone.now())
        return super().update(**kwargs)


class HandlungsempfehlungQuerySet(ModifiedQuerySet):
    def mit_raengen(self) -> "HandlungsempfehlungQuerySet":
        """``relevanz_rang`` and ``status_rang`` in the order of the process, not of the
        stored codes: open 0, weniger 1, relevant 2, hoch 3; Kreistag status likewise."""
        return self.annotate(
            relevanz_rang=models.Case(
                models.When(steuerungsrelevanz=Steuerungsrelevanz.WENIGER, then=1),
                models.When(steuerungsrelevanz=Steuerungsrelevanz.RELEVANT, then=2),
                models.When(steuerungsrelevanz=Steuerungsrelevanz.HOCH, then=3),
                default=0,
                output_field=models.IntegerField(),
            ),
            status_rang=models.Case(
                *(
                    models.When(kreistag_status=wert, then=rang)
                    for rang, wert in enumerate(Handlungsempfehlung.KreistagStatus.values)
                ),
                output_field=models.IntegerField(),
            ),
        )

    def veroeffentlicht(self) -> "HandlungsempfehlungQuerySet":
        return self.filter(status=Handlungsempfehlung.Status.VEROEFFENTLICHT)

    def eingereicht_oder_veroeffentlicht(self) -> "HandlungsempfehlungQuerySet":
        return self.filter(
            status__in=[
                Handlungsempfehlung.Status.EINGEREICHT,
                Handlungsempfehlung.Status.VEROEFFENTLICHT,
            ]
        )

    def for_list(self) -> "HandlungsempfehlungQuerySet":
        return self.select_related("handlungsfeld", "planungsjahr", "herkunft")

    def for_table(self) -> "HandlungsempfehlungQuerySet":
        """Only the columns of the public list and its exports.

        The long section texts stay in the database: sorting 2,000 rows that carry them
        cost the list most of its time.
        """
        return self.select_related("handlungsfeld", "planungsjahr").only(
            "titel",
            "status",
            "steuerungsrelevanz",
            "kreistag_status",
            "handlungsfeld__name",
            "handlungsfeld__slug",
            "handlungsfeld__reihenfolge",
            "planungsjahr__jahr",
        )


class Handlungsempfehlung(models.Model):
    class Status(models.TextChoices):
        """Workflow from the Fokusgruppe's draft to publication on the platform."""

        ENTWURF = "entwurf", _("Entwurf")
        EINGEREICHT = "eingereicht", _("eingereicht")
        VEROEFFENTLICHT = "veroeffentlicht", _("veröffentlicht")
        ZURUECKGEGEBEN = "zurueckgegeben", _("zurückgegeben")

    # A Fokusgruppe may change its proposal until it is submitted, and again once returned.
    BEARBEITBAR_FUER_FOKUSGRUPPE = (Status.ENTWURF, Status.ZURUECKGEGEBEN)

    class KreistagStatus(models.TextChoices):
        NICHT_BERATEN = "nicht_beraten", _("nicht beraten")
        BERATUNG = "beratung", _("Beratung")
        BESCHLOSSEN = "beschlossen", _("beraten und beschlossen")
        ABGELEHNT = "abgelehnt", _("abgelehnt")

    titel = models.CharField(_("Titel"), max_length=300)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        related_name="handlungsempfehlungen",
        verbose_name=_("Handlungsfeld"),
    )
    herkunft = models.ForeignKey(
        Fokusgruppe,
        on_delete=models.PROTECT,
        related_name="handlungsempfehlungen",
        null=True,
        blank=True,
        verbose_name=_("Herkunft"),
        help_text=_("Die Fokusgruppe oder ergänzende Arbeitsstruktur, die sie erarbeitet hat."),
    )
    planungsjahr = models.ForeignKey(
        Planungsjahr,
        on_delete=models.PROTECT,
        related_name="handlungsempfehlungen",
        verbose_name=_("Planungsjahr"),
    )

    beschreibung = models.TextField(_("Beschreibung der Empfehlung"), blank=True)
    ausgangslage = models.TextField(_("Ausgangslage"), blank=True)
    ziele = models.TextField(_("Ziele/Effekte/Wirkungen"), blank=True)
    mitteleinsatz_jaehrlich = models.DecimalField(
        _("Mitteleinsatz (jährlich)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In Euro pro Jahr."),
    )
    mitteleinsatz_erlaeuterung = models.TextField(_("Erläuterung zum Mitteleinsatz"), blank=True)
    art_der_leistung = models.CharField(
        _("Art der Leistung"), max_length=30, choices=ArtDerLeistung.choices, blank=True
    )
    auswirkungen_ressourcen = models.TextField(_("Auswirkungen auf Ressourcen"), blank=True)
    zielrichtung = models.TextField(
        _("Zielrichtung und Bezug zu den strategischen Zielen"), blank=True
    )

    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ENTWURF
    )
    kreistag_status = models.CharField(
        _("Kreistag-Status"),
        max_length=20,
        choices=KreistagStatus.choices,
        default=KreistagStatus.NICHT_BERATEN,
    )
    steuerungsrelevanz = models.CharField(
        _("Steuerungsrelevanz"),
        max_length=10,
        choices=Steuerungsrelevanz.choices,
        blank=True,
        help_text=_("Ergebnis der Einschätzung durch die Steuerungsgruppe."),
    )
    im_dossier = models.BooleanField(_("in das Planungsdossier aufgenommen"), default=False)

    # Optimistic locking: every save through the services raises it by one, and a save
    # that started from an older number is refused instead of overwriting.
    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)
    created = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    modified = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = HandlungsempfehlungQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified"])

    class Meta:
        ordering = ["-planungsjahr__jahr", "handlungsfeld__reihenfolge", "titel"]
        verbose_name = _("Handlungsempfehlung")
        verbose_name_plural = _("Handlungsempfehlungen")
        indexes = [
            models.Index(fields=["status", "planungsjahr"]),
            models.Index(fields=["modified"]),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("empfehlungen:detail", kwargs={"pk": self.pk, "slug": self.slug})

    def clean(self) -> None:
        if (
            self.handlungsfeld_id
            and self.planungsjahr_id
            and not self.handlungsfeld.ist_gueltig_in(self.planungsjahr.jahr)
        ):
            raise ValidationError(
                {
                    "handlungsfeld": _(
                        "Das Handlungsfeld „%(feld)s“ gilt %(gueltigkeit)s und nicht im "
                        "Planungsjahr %(jahr)s."
                    )
                    % {
                        "feld": self.handlungsfeld,
                        "gueltigkeit": self.handlungsfeld.gueltigkeit,
                        "jahr": self.planungsjahr.jahr,
                    }
                },
                code="handlungsfeld_ungueltig",
            )
        if self.im_dossier and self.steuerungsrelevanz not in (
            Steuerungsrelevanz.RELEVANT,
            Steuerungsrelevanz.HOCH,
        ):
            raise ValidationError(
                {
                    "im_dossier": _(
                        "In das Planungsdossier kommen nur Handlungsempfehlungen, die als "
                        "steuerungsrelevant oder in hohem Maße steuerungsrelevant eingeschätzt "
                        "sind."
                    )
                },
                code="dossier_weniger_relevant",
            )

    @property
    def slug(self) -> str:
        slug = slugify(self.titel)
        if len(slug) > 80:
            # Cut at a word boundary so the URL stays readable.
            slug = slug[:81].rsplit("-", 1)[0]
        return slug or "empfehlung"


class Massnahme(models.Model):
    class Status(models.TextChoices):
        GEPLANT = "geplant", _("geplant")
        IN_UMSETZUNG = "in_umsetzung", _("in Umsetzung")
        UMGESETZT = "umgesetzt", _("umgesetzt")
        ZURUECKGESTELLT = "zurueckgestellt", _("zurückgestellt")
        EINGESTELLT = "eingestellt", _("eingestellt")

    handlungsempfehlung = models.ForeignKey(
        Handlungsempfehlung,
        on_delete=models.CASCADE,
        related_name="massnahmen",
        verbose_name=_("Handlungsempfehlung"),
    )
    massnahme = models.TextField(_("Maßnahme"))
    ziele = models.TextField(_("Maßnahmenziele"), blank=True)
    verantwortung = models.CharField(_("Maßnahmenverantwortung"), max_length=300, blank=True)
    budget = models.DecimalField(
        _("Maßnahmenbudget"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In Euro."),
    )
    zeitpunkt = models.CharField(
        _("Maßnahmenzeitpunkt"), max_length=100, blank=True, help_text=_("z. B. „ab 2024“")
    )
    status = models.CharField(
        _("Maßnahmenstatus"), max_length=20, choices=Status.choices, default=Status.GEPLANT
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    modified = models.DateTimeField(_("geändert am"), auto_now=True, db_index=True)

    objects = ModifiedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified"])

    class Meta:
        ordering = ["handlungsempfehlung", "reihenfolge", "pk"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")

    def __str__(self) -> str:
        return self.massnahme[:80]


class StatusAenderung(models.Model):
    """One step of the workflow: who moved a recommendation from which status to which."""

    handlungsempfehlung = models.ForeignKey(
        Handlungsempfehlung,
        on_delete=models.CASCADE,
        related_name="statusaenderungen",
        verbose_name=_("Handlungsempfehlung"),
    )
    von_status = models.CharField(
        _("bisheriger Status"), max_length=20, choices=Handlungsempfehlung.Status.choices
    )
    nach_status = models.CharField(
        _("neuer Status"), max_length=20, choices=Handlungsempfehlung.Status.choices
    )
    kommentar = models.TextField(_("Kommentar"), blank=True)
    geaendert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("geändert von"),
    )
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now_add=True)

    class Meta:
        ordering = ["-geaendert_am", "-pk"]
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusänderungen")

    def __str__(self) -> str:
        return f"{self.handlungsempfehlung}: {self.von_status} → {self.nach_status}"


# --- Kreistag (issue 7): Vorlagen, Beratungsfolge, derived status, implementation -------


class Vorlage(models.Model):
    """A Drucksache of the council information system that carries recommendations."""

    class Art(models.TextChoices):
        MITTEILUNGSVORLAGE = "mitteilungsvorlage", _("Mitteilungsvorlage")
        BESCHLUSSVORLAGE = "beschlussvorlage", _("Beschlussvorlage")

    reference = models.CharField(
        _("Drucksachennummer"),
        max_length=100,
        unique=True,
        help_text=_("Wie im Ratsinformationssystem, z. B. „DrS 2023/117“."),
    )
    titel = models.CharField(_("Titel"), max_length=500)
    art = models.CharField(
        _("Art"), max_length=20, choices=Art.choices, default=Art.BESCHLUSSVORLAGE
    )
    datum = models.DateField(_("Datum"), null=True, blank=True)
    web_url = models.URLField(_("Adresse im Ratsinformationssystem"), max_length=500, blank=True)
    oparl_id = models.URLField(_("OParl-ID"), max_length=500, blank=True)
    handlungsempfehlungen = models.ManyToManyField(
        Handlungsempfehlung,
        related_name="vorlagen",
        blank=True,
        verbose_name=_("Handlungsempfehlungen"),
    )

    # The public detail page's cache keys on the latest change (selectors.detailstand).
    modified = models.DateTimeField(_("geändert am"), auto_now=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["modified"])

    class Meta:
        ordering = ["-datum", "reference"]
        verbose_name = _("Vorlage")
        verbose_name_plural = _("Vorlagen")

    def __str__(self) -> str:
        return f"{self.reference} {self.titel}"


class Beratung(models.Model):
    """One consultation of a Vorlage in a Gremium (OParl: Consultation + AgendaItem)."""

    vorlage = models.ForeignKey(
        Vorlage, on_delete=models.CASCADE, related_name="beratungen", verbose_name=_("Vorlage")
    )
    gremium = models.CharField(_("Gremium"), max_length=300)
    sitzungsdatum = models.DateField(
        _("Sitzungsdatum"), null=True, blank=True, help_text=_("Leer, solange kein Termin steht.")
    )
    rolle = models.CharField(
        _("Rolle"), max_length=100, blank=True, help_text=_("z. B. Vorberatung, Entscheidung")
    )
    authoritative = models.BooleanField(
        _("entscheidend"),
        default=False,
        help_text=_("Diese Beratung entscheidet abschließend über die Vorlage."),
    )
    ergebnis = models.CharField(_("Ergebnis"), max_length=300, blank=True)
    beschlusstext = models.TextField(_("Beschlusstext"), blank=True)
    oparl_id = models.URLField(_("OParl-ID der Beratung"), max_length=500, blank=True)

    # The public detail page's cache keys on the latest change (selectors.detailstand).
    modified = models.DateTimeField(_("geändert am"), auto_now=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["modified"])

    class Meta:
        ordering = [models.F("sitzungsdatum").asc(nulls_last=True), "pk"]
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungen")
        constraints = [
            models.UniqueConstraint(
                fields=["oparl_id"],
                condition=~models.Q(oparl_id=""),
                name="beratung_oparl_id_eindeutig",
            )
        ]

    def __str__(self) -> str:
        return f"{self.vorlage.reference}: {self.gremium}"


class KreistagStatusAenderung(models.Model):
    """Every change of a recommendation's derived Kreistag status, with its date."""

    handlungsempfehlung = models.ForeignKey(
        Handlungsempfehlung,
        on_delete=models.CASCADE,
        related_name="kreistag_statusaenderungen",
        verbose_name=_("Handlungsempfehlung"),
    )
    von_status = models.CharField(
        _("bisheriger Status"),
        max_length=20,
        choices=Handlungsempfehlung.KreistagStatus.choices,
    )
    nach_status = models.CharField(
        _("neuer Status"), max_length=20, choices=Handlungsempfehlung.KreistagStatus.choices
    )
    datum = models.DateField(
        _("wirksam seit"), help_text=_("Das Sitzungsdatum, das den Status ergab.")
    )
    anlass = models.CharField(_("Anlass"), max_length=200, blank=True)
    erfasst = models.DateTimeField(_("erfasst am"), auto_now_add=True)

    class Meta:
        ordering = ["handlungsempfehlung", "erfasst", "pk"]
        verbose_name = _("Änderung des Kreistag-Status")
        verbose_name_plural = _("Änderungen des Kreistag-Status")

    def __str__(self) -> str:
        return f"{self.get_von_status_display()} → {self.get_nach_status_display()}"


class MassnahmeStatusAenderung(models.Model):
    """A step of a Maßnahme's implementation: its status from a date, spent budget, a note."""

    massnahme = models.ForeignKey(
        Massnahme,
        on_delete=models.CASCADE,
        related_name="statusaenderungen",
        verbose_name=_("Maßnahme"),
    )
    status = models.CharField(
        _("Maßnahmenstatus"), max_length=20, choices=Massnahme.Status.choices
    )
    datum = models.DateField(_("Datum"))
    budget_ausgegeben = models.DecimalField(
        _("ausgegebenes Budget"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In Euro, bis zu diesem Datum insgesamt."),
    )
    notiz = models.TextField(_("Notiz"), blank=True)
    erfasst = models.DateTimeField(_("erfasst am"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["erfasst"])

    class Meta:
        ordering = ["massnahme", "datum", "pk"]
        verbose_name = _("Umsetzungsschritt einer Maßnahme")
        verbose_name_plural = _("Umsetzungsschritte von Maßnahmen")

    def __str__(self) -> str:
        return f"{self.massnahme}: {self.get_status_display()}"


# What the detail page's Beratungsverlauf and Umsetzungsstand read, prefetched by
# selectors.empfehlung_detail_queryset so the page's query count stays flat.
KREISTAG_DETAIL_PREFETCH = (
    "vorlagen__beratungen",
    "kreistag_statusaenderungen",
    "massnahmen__statusaenderungen",
)


# --- Wirkungsorientierung (issue 8): impact goals, their measurements and dialogue ------


class Wirkungsziel(models.Model):
    """A measurable impact goal of a recommendation, placed on the Wirkungstreppe.

    Its indicator is either one of the Sozialmonitoring, whose values for the own Kreis
    count as measurements, or one of its own, whose values staff enter.
    """

    handlungsempfehlung = models.ForeignKey(
        Handlungsempfehlung,
        on_delete=models.CASCADE,
        related_name="wirkungsziele",
        verbose_name=_("Handlungsempfehlung"),
    )
    text = models.TextField(
        _("Wirkungsziel"), help_text=_("Was soll sich ändern? Ein Satz, der das Ziel nennt.")
    )
    stufe = models.PositiveSmallIntegerField(
        _("Stufe der Wirkungstreppe"),
        choices=Stufe.choices,
        help_text=_("Stufen 1–3 sind Output, 4–6 Outcome, 7 Impact."),
    )
    zielgruppe = models.CharField(_("Zielgruppe"), max_length=300, blank=True)
    indikator = models.ForeignKey(
        Indikator,
        on_delete=models.PROTECT,
        related_name="wirkungsziele",
        null=True,
        blank=True,
        verbose_name=_("Indikator des Sozialmonitorings"),
        help_text=_("Seine Werte für den Kreis werden automatisch als Istwerte übernommen."),
    )
    eigener_indikator = models.CharField(
        _("eigener Indikator"),
        max_length=300,
        blank=True,
        help_text=_(
            "Nur ohne Indikator des Sozialmonitorings; die Werte erfasst dann die Sozialplanung."
        ),
    )
    einheit = models.CharField(
        _("Einheit"), max_length=50, blank=True, help_text=_("z. B. Prozent, Anzahl, Plätze")
    )
    ausgangswert = models.DecimalField(
        _("Ausgangswert"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    ausgangsdatum = models.DateField(_("Datum des Ausgangswerts"), null=True, blank=True)
    zielwert = models.DecimalField(
        _("Zielwert"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    zieldatum = models.DateField(_("Zieldatum"), null=True, blank=True)
    richtung = models.CharField(
        _("Richtung"), max_length=10, choices=Richtung.choices, default=Richtung.STEIGEND
    )
    verantwortlich = models.CharField(_("Verantwortlich"), max_length=300, blank=True)

    # Optimistic locking as for recommendations: a save from an older version is refused.
    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)
    created = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    modified = models.DateTimeField(_("geändert am"), auto_now=True, db_index=True)

    objects = ModifiedQuerySet.as_manager()
    # The change log of the six-week rule; a reason may be longer than 100 characters.
    history = HistoricalRecords(
        excluded_fields=["modified"], history_change_reason_field=models.TextField(null=True)
    )

    class Meta:
        ordering = ["handlungsempfehlung_id", "stufe", "pk"]
        verbose_name = _("Wirkungsziel")
        verbose_name_plural = _("Wirkungsziele")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("empfehlungen:wirkungsziel_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        fehler = {}
        if self.indikator_id and self.eigener_indikator.strip():
            fehler["eigener_indikator"] = ValidationError(
                _(
                    "Bitte entweder einen Indikator des Sozialmonitorings wählen oder einen "
                    "eigenen nennen, nicht beides."
                ),
                code="zwei_indikatoren",
            )
        if self.ausgangsdatum and self.zieldatum and self.zieldatum <= self.ausgangsdatum:
            fehler["zieldatum"] = ValidationError(
                _("Das Zieldatum muss nach dem Datum des Ausgangswerts liegen."),
                code="zieldatum_vor_ausgang",
            )
        if self.ausgangswert is not None and self.zielwert is not None:
            if self.richtung == Richtung.STEIGEND and self.zielwert < self.ausgangswert:
                fehler["zielwert"] = ValidationError(
                    _(
                        "Der Zielwert liegt unter dem Ausgangswert, obwohl steigende Werte "
                        "besser sind. Bitte Zielwert oder Richtung prüfen."
                    ),
                    code="richtung_widerspricht",
                )
            elif self.richtung == Richtung.FALLEND and self.zielwert > self.ausgangswert:
                fehler["zielwert"] = ValidationError(
                    _(
                        "Der Zielwert liegt über dem Ausgangswert, obwohl fallende Werte "
                        "besser sind. Bitte Zielwert oder Richtung prüfen."
                    ),
                    code="richtung_widerspricht",
                )
        if fehler:
            raise ValidationError(fehler)

    @property
    def ebene(self) -> Ebene:
        return ebene(self.stufe)

    @property
    def indikator_name(self) -> str:
        return self.indikator.name if self.indikator_id else self.eigener_indikator

    @property
    def einheit_anzeige(self) -> str:
        if self.indikator_id and self.indikator.einheit:
            return self.indikator.einheit
        return self.einheit

    @property
    def automatisch(self) -> bool:
        """Whether the values come from the Sozialmonitoring rather than from staff."""
        return self.indikator_id is not None

    @property
    def fehlende_angaben(self) -> list[str]:
        return fehlende_angaben(
            hat_indikator=bool(self.indikator_id or self.eigener_indikator.strip()),
            ausgangswert=self.ausgangswert,
            ausgangsdatum=self.ausgangsdatum,
            zielwert=self.zielwert,
            zieldatum=self.zieldatum,
        )

    @property
    def korrekturfrist_bis(self):
        return self.created + KORREKTURFRIST

    @property
    def korrekturfrist_offen(self) -> bool:
        """Within six weeks of its creation the yardstick may change without a reason."""
        return korrekturfrist_offen(angelegt=self.created, jetzt=timezone.now())

    @property
    def messbar(self) -> bool:
        return not self.fehlende_angaben


class Wirkungsmessung(models.Model):
    """A value staff entered for a goal with an indicator of its own."""

    wirkungsziel = models.ForeignKey(
        Wirkungsziel,
        on_delete=models.CASCADE,
        related_name="messungen",
        verbose_name=_("Wirkungsziel"),
    )
    datum = models.DateField(_("Stichtag"))
    wert = models.DecimalField(_("Wert"), max_digits=18, decimal_places=4)
    notiz = models.TextField(
        _("Notiz"), blank=True, help_text=_("z. B. Quelle oder Art der Erhebung")
    )
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    erfasst = models.DateTimeField(_("erfasst am"), auto_now_add=True)
    modified = models.DateTimeField(_("geändert am"), auto_now=True, db_index=True)

    objects = ModifiedQuerySet.as_manager()

    class Meta:
        ordering = ["wirkungsziel_id", "datum", "pk"]
        verbose_name = _("Messwert eines Wirkungsziels")
        verbose_name_plural = _("Messwerte von Wirkungszielen")
        constraints = [
            models.UniqueConstraint(
                fields=["wirkungsziel", "datum"],
                name="wirkungsmessung_je_stichtag",
                violation_error_message=_("Für diesen Stichtag ist schon ein Wert erfasst."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.wirkungsziel}: {self.datum:%d.%m.%Y} {self.wert}"


class Dialognotiz(models.Model):
    """A dated note of the Wirksamkeitsdialog between Träger and Verwaltung on a goal."""

    class Seite(models.TextChoices):
        TRAEGER = "traeger", _("Träger")
        VERWALTUNG = "verwaltung", _("Verwaltung")

    wirkungsziel = models.ForeignKey(
        Wirkungsziel,
        on_delete=models.CASCADE,
        related_name="dialognotizen",
        verbose_name=_("Wirkungsziel"),
    )
    datum = models.DateField(_("Datum"))
    seite = models.CharField(_("von Seiten"), max_length=20, choices=Seite.choices)
    von = models.CharField(
        _("Name"),
        max_length=300,
        blank=True,
        help_text=_("Träger oder Stelle, z. B. „AWO Kreisverband“ oder „Fachdienst Jugend“."),
    )
    text = models.TextField(_("Notiz"))
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    erfasst = models.DateTimeField(_("erfasst am"), auto_now_add=True)

    class Meta:
        ordering = ["wirkungsziel_id", "-datum", "-pk"]
        verbose_name = _("Notiz zum Wirksamkeitsdialog")
        verbose_name_plural = _("Notizen zum Wirksamkeitsdialog")

    def __str__(self) -> str:
        return f"{self.datum:%d.%m.%Y} {self.get_seite_display()}: {self.text[:60]}"
