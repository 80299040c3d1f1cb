"""The Steuerungsgruppe: members, meetings, the scoring scheme, assessments and Zielvorschläge."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.anzeige import person, zeilen
from sozialplanung.models import Planungsjahr


class Bank(models.TextChoices):
    """Where a member sits in the Steuerungsgruppe (seed 002: the county's stakeholder groups)."""

    POLITIK = "politik", _("Kreispolitik")
    WOHLFAHRT = "wohlfahrt", _("Wohlfahrtsverbände")
    INTERESSEN = "interessen", _("Interessenvertretungen")
    KOMMUNEN = "kommunen", _("Kommunen")
    KOOPERATION = "kooperation", _("Kooperationspartner")
    VERWALTUNG = "verwaltung", _("Verwaltung")


class MitgliedQuerySet(models.QuerySet):
    def aktiv_am(self, datum) -> "MitgliedQuerySet":
        return self.filter(Q(mitglied_bis__isnull=True) | Q(mitglied_bis__gte=datum)).filter(
            mitglied_von__lte=datum
        )


class Mitglied(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="steuerungsgruppe_mitgliedschaften",
        verbose_name=_("Benutzer"),
    )
    organisation = models.CharField(_("Organisation"), max_length=200)
    bank = models.CharField(_("Bank"), max_length=20, choices=Bank.choices)
    mitglied_von = models.DateField(_("Mitglied seit"))
    mitglied_bis = models.DateField(_("Mitglied bis"), null=True, blank=True)

    objects = MitgliedQuerySet.as_manager()

    class Meta:
        ordering = ["bank", "organisation", "pk"]
        verbose_name = _("Mitglied der Steuerungsgruppe")
        verbose_name_plural = _("Mitglieder der Steuerungsgruppe")
        constraints = [
            models.CheckConstraint(
                condition=Q(mitglied_bis__isnull=True)
                | Q(mitglied_bis__gte=models.F("mitglied_von")),
                name="mitglied_zeitraum_gueltig",
            )
        ]

    def __str__(self) -> str:
        return f"{person(self.user)} ({self.organisation})"

    def clean(self) -> None:
        if self.mitglied_bis and self.mitglied_von and self.mitglied_bis < self.mitglied_von:
            raise ValidationError(
                {"mitglied_bis": _("„Mitglied bis“ darf nicht vor „Mitglied seit“ liegen.")},
                code="zeitraum",
            )


class Sitzung(models.Model):
    planungsjahr = models.ForeignKey(
        Planungsjahr,
        on_delete=models.PROTECT,
        related_name="sitzungen",
        verbose_name=_("Planungsjahr"),
    )
    datum = models.DateField(_("Datum"))
    ort = models.CharField(_("Ort"), max_length=200)
    naechste_sitzung = models.DateTimeField(_("Nächste Sitzung"), null=True, blank=True)
    naechste_sitzung_ort = models.CharField(
        _("Ort der nächsten Sitzung"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")

    def __str__(self) -> str:
        return _("Sitzung am %(datum)s") % {"datum": self.datum.strftime("%d.%m.%Y")}

    def get_absolute_url(self) -> str:
        return reverse("steuerungsgruppe:protokoll", kwargs={"pk": self.pk})


class Tagesordnungspunkt(models.Model):
    class Art(models.TextChoices):
        """What the protocol shows under the item, beside its free text."""

        TEXT = "text", _("nur Text")
        ZIELVORSCHLAEGE = "zielvorschlaege", _("Tabelle der Zielvorschläge")
        EMPFEHLUNGEN = "empfehlungen", _("Einschätzung der Handlungsempfehlungen")

    sitzung = models.ForeignKey(
        Sitzung, on_delete=models.CASCADE, related_name="tagesordnung", verbose_name=_("Sitzung")
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    titel = models.CharField(_("Titel"), max_length=300)
    text = models.TextField(_("Text"), blank=True, help_text=_("Ein Punkt je Zeile."))
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.TEXT)

    class Meta:
        ordering = ["sitzung", "reihenfolge", "pk"]
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")

    def __str__(self) -> str:
        return self.titel

    @property
    def absaetze(self) -> list[str]:
        return zeilen(self.text)


class Bewertungsschema(models.Model):
    """The criteria and thresholds of one Planungsjahr (DOMAIN.md: data, not code)."""

    planungsjahr = models.OneToOneField(
        Planungsjahr,
        on_delete=models.PROTECT,
        related_name="bewertungsschema",
        verbose_name=_("Planungsjahr"),
    )
    schwelle_relevant = models.PositiveSmallIntegerField(
        _("Schwelle „steuerungsrelevant“"), default=40, help_text=_("ab dieser Punktzahl")
    )
    schwelle_hoch = models.PositiveSmallIntegerField(
        _("Schwelle „in hohem Maße steuerungsrelevant“"),
        default=52,
        help_text=_("ab dieser Punktzahl"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Bewertungsschema")
        verbose_name_plural = _("Bewertungsschemata")

    def __str__(self) -> str:
        return _("Bewertungsschema %(jahr)s") % {"jahr": self.planungsjahr.jahr}

    def clean(self) -> None:
        if self.schwelle_relevant >= self.schwelle_hoch:
            raise ValidationError(
                {
                    "schwelle_hoch": _(
                        "Die Schwelle „in hohem Maße steuerungsrelevant“ muss über der Schwelle "
                        "„steuerungsrelevant“ liegen."
                    )
                },
                code="schwellen",
            )
        if self.pk and self.ist_gesperrt:
            alt = Bewertungsschema.objects.get(pk=self.pk)
            if (alt.schwelle_relevant, alt.schwelle_hoch) != (
                self.schwelle_relevant,
                self.schwelle_hoch,
            ):
                raise ValidationError(GESPERRT_MELDUNG, code="gesperrt")

    @property
    def ist_gesperrt(self) -> bool:
        """Locked once the first assessment of the year exists, so all are scored alike."""
        return (
            Einschaetzung.objects.filter(
                runde__handlungsempfehlung__planungsjahr_id=self.planungsjahr_id
            ).exists()
            or FachkraefteEinschaetzung.objects.filter(
                runde__handlungsempfehlung__planungsjahr_id=self.planungsjahr_id
            ).exists()
        )

    @property
    def maximum(self) -> int:
        return sum(k.maximum for k in self.kriterien.all())


GESPERRT_MELDUNG = _(
    "Das Bewertungsschema ist gesperrt, weil bereits Einschätzungen vorliegen. Kriterien, "
    "Höchstpunkte und Schwellen bleiben für dieses Jahr unverändert."
)


class Bewertungskriterium(models.Model):
    class Achse(models.TextChoices):
        """Which axis of the portfolio chart the criterion gives, if any."""

        KEINE = "", _("keine")
        ZIELGRUPPE = "zielgruppe", _("Bedeutung für die Zielgruppe (x-Achse)")
        STRATEGIE = "strategie", _("Strategische Größe (y-Achse)")

    schema = models.ForeignKey(
        Bewertungsschema,
        on_delete=models.CASCADE,
        related_name="kriterien",
        verbose_name=_("Bewertungsschema"),
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    name = models.CharField(_("Name"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    maximum = models.PositiveSmallIntegerField(_("Höchstpunktzahl"), default=5)
    portfolio_achse = models.CharField(
        _("Achse im Portfolio"), max_length=20, choices=Achse.choices, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["schema", "reihenfolge", "pk"]
        verbose_name = _("Bewertungskriterium")
        verbose_name_plural = _("Bewertungskriterien")
        constraints = [
            models.UniqueConstraint(fields=["schema", "name"], name="kriterium_name_je_schema"),
            models.CheckConstraint(condition=Q(maximum__gte=1), name="kriterium_maximum_positiv"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.maximum is not None and self.maximum < 1:
            raise ValidationError(
                {"maximum": _("Die Höchstpunktzahl muss mindestens 1 sein.")}, code="maximum"
            )
        if self.schema_id and self.schema.ist_gesperrt:
            raise ValidationError(GESPERRT_MELDUNG, code="gesperrt")


class Runde(models.Model):
    """The scoring of one recommendation: in a meeting or by written circulation."""

    class Art(models.TextChoices):
        SITZUNG = "sitzung", _("in der Sitzung")
        UMLAUF = "umlauf", _("im Umlaufverfahren")

    class Status(models.TextChoices):
        VORBEREITET = "vorbereitet", _("vorbereitet")
        OFFEN = "offen", _("offen")
        GESCHLOSSEN = "geschlossen", _("geschlossen")

    handlungsempfehlung = models.OneToOneField(
        Handlungsempfehlung,
        on_delete=models.PROTECT,
        related_name="steuerungsgruppe_runde",
        verbose_name=_("Handlungsempfehlung"),
    )
    sitzung = models.ForeignKey(
        Sitzung,
        on_delete=models.PROTECT,
        related_name="runden",
        null=True,
        blank=True,
        verbose_name=_("Sitzung"),
    )
    art = models.CharField(_("Art"), max_length=10, choices=Art.choices, default=Art.SITZUNG)
    status = models.CharField(
        _("Status"), max_length=15, choices=Status.choices, default=Status.VORBEREITET
    )
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    frist = models.DateTimeField(_("Frist"), null=True, blank=True)
    geoeffnet = models.DateTimeField(_("geöffnet am"), null=True, blank=True)
    geschlossen = models.DateTimeField(_("geschlossen am"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sitzung", "reihenfolge", "pk"]
        verbose_name = _("Einschätzungsrunde")
        verbose_name_plural = _("Einschätzungsrunden")
        constraints = [
            models.CheckConstraint(
                condition=~Q(art="umlauf") | Q(frist__isnull=False), name="umlauf_hat_frist"
            )
        ]

    def __str__(self) -> str:
        return str(self.handlungsempfehlung)

    def save(self, *args, **kwargs) -> None:
        # The last line behind the services and the admin: a closed round stays as it is.
        if self.pk:
            ergebnis_unveraenderlich_pruefen(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        ergebnis_unveraenderlich_pruefen(self.pk)
        return super().delete(*args, **kwargs)

    def clean(self) -> None:
        if self.art == self.Art.UMLAUF and not self.frist:
            raise ValidationError(
                {"frist": _("Für das Umlaufverfahren ist eine Frist nötig.")}, code="frist"
            )
        if (
            self.handlungsempfehlung_id
            and self.handlungsempfehlung.status != Handlungsempfehlung.Status.VEROEFFENTLICHT
        ):
            raise ValidationError(
                {
                    "handlungsempfehlung": _(
                        "Eingeschätzt werden nur veröffentlichte Handlungsempfehlungen."
                    )
                },
                code="nicht_veroeffentlicht",
            )
        if self.art == self.Art.SITZUNG and not self.sitzung_id:
            raise ValidationError(
                {"sitzung": _("Eine Runde in der Sitzung braucht eine Sitzung.")}, code="sitzung"
            )

    @property
    def planungsjahr(self) -> Planungsjahr:
        return self.handlungsempfehlung.planungsjahr

    @property
    def frist_abgelaufen(self) -> bool:
        return self.frist is not None and self.frist <= timezone.now()

    @property
    def ist_offen(self) -> bool:
        """Open for entries: opened, not closed, and (in circulation) before the deadline."""
        return self.status == self.Status.OFFEN and not self.frist_abgelaufen

    @property
    def ist_abgeschlossen(self) -> bool:
        return self.status == self.Status.GESCHLOSSEN or (
            self.status == self.Status.OFFEN and self.frist_abgelaufen
        )


class TeilDerRundeMixin:
    """An assessment belonging to a round: unchangeable once the round is closed."""

    def save(self, *args, **kwargs) -> None:
        ergebnis_unveraenderlich_pruefen(self.runde_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        ergebnis_unveraenderlich_pruefen(self.runde_id)
        return super().delete(*args, **kwargs)


class Einschaetzung(TeilDerRundeMixin, models.Model):
    """One member's points for one recommendation. Confidential: never shown with a name."""

    runde = models.ForeignKey(
        Runde, on_delete=models.CASCADE, related_name="einschaetzungen", verbose_name=_("Runde")
    )
    handlungsempfehlung = models.ForeignKey(
        Handlungsempfehlung,
        on_delete=models.PROTECT,
        related_name="einschaetzungen",
        verbose_name=_("Handlungsempfehlung"),
    )
    mitglied = models.ForeignKey(
        Mitglied,
        on_delete=models.PROTECT,
        related_name="einschaetzungen",
        verbose_name=_("Mitglied"),
    )
    # {kriterium_id: points}; validated against the scheme by the service.
    punkte = models.JSONField(_("Punkte je Kriterium"), default=dict, blank=True)
    summe = models.PositiveSmallIntegerField(_("Punktsumme"), null=True, blank=True)
    anmerkung = models.TextField(_("Anmerkung"), blank=True)
    enthaltung = models.BooleanField(_("Enthaltung"), default=False)
    vom_papierbogen = models.BooleanField(_("vom Papierbogen übertragen"), default=False)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("übertragen von"),
    )
    erstellt = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    geaendert = models.DateTimeField(_("geändert am"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["erstellt", "geaendert"])

    class Meta:
        ordering = ["runde", "pk"]
        verbose_name = _("Einschätzung")
        verbose_name_plural = _("Einschätzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["mitglied", "handlungsempfehlung"], name="eine_einschaetzung_je_mitglied"
            ),
            models.CheckConstraint(
                condition=Q(enthaltung=True, summe__isnull=True)
                | Q(enthaltung=False, summe__isnull=False),
                name="einschaetzung_summe_oder_enthaltung",
            ),
            models.CheckConstraint(
                condition=Q(vom_papierbogen=False) | Q(erfasst_von__isnull=False),
                name="papierbogen_mit_erfasser",
            ),
        ]

    def __str__(self) -> str:
        return _("Einschätzung zu „%(titel)s“") % {"titel": self.handlungsempfehlung}


class FachkraefteEinschaetzung(TeilDerRundeMixin, models.Model):
    """The Sozialplanungsfachkräfte's own assessment: shown beside the group's, never in it."""

    runde = models.OneToOneField(
        Runde, on_delete=models.CASCADE, related_name="fachkraefte", verbose_name=_("Runde")
    )
    punkte = models.JSONField(_("Punkte je Kriterium"), default=dict)
    summe = models.PositiveSmallIntegerField(_("Punktsumme"))
    anmerkung = models.TextField(_("Anmerkung"), blank=True)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    geaendert = models.DateTimeField(_("geändert am"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["geaendert"])

    class Meta:
        verbose_name = _("Einschätzung der Sozialplanungsfachkräfte")
        verbose_name_plural = _("Einschätzungen der Sozialplanungsfachkräfte")

    def __str__(self) -> str:
        return str(self.runde)


RUNDE_GESCHLOSSEN_MELDUNG = _(
    "Die Einschätzungsrunde zu „%(titel)s“ ist geschlossen. Ihre Einschätzungen und ihr "
    "Ergebnis können nicht mehr geändert werden."
)


class RundeGeschlossen(ValidationError):
    """A write to the assessments or the result of a closed round."""

    def __init__(self, titel: str):
        super().__init__(RUNDE_GESCHLOSSEN_MELDUNG % {"titel": titel}, code="geschlossen")


def ergebnis_unveraenderlich_pruefen(runde_id: int | None) -> None:
    """Raise ``RundeGeschlossen`` if the round ``runde_id`` is closed in the database.

    Kept in the models although the house style keeps rules out of ``save()``: the
    services and the admin check first and answer with a message, this is the last line
    for any other way in (shell, a future view, a script), so that no result of a closed
    round changes unnoticed. It reads the stored status, not the instance's.
    """
    if not runde_id:
        return
    titel = (
        Runde.objects.filter(pk=runde_id, status=Runde.Status.GESCHLOSSEN)
        .values_list("handlungsempfehlung__titel", flat=True)
        .first()
    )
    if titel is not None:
        raise RundeGeschlossen(titel)


class Zielvorschlag(models.Model):
    planungsjahr = models.ForeignKey(
        Planungsjahr,
        on_delete=models.PROTECT,
        related_name="zielvorschlaege",
        verbose_name=_("Planungsjahr"),
    )
    titel = models.CharField(_("Zielvorschlag"), max_length=300)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    # The counts as recorded on paper in the meeting (seed 004's table); the members'
    # online votes (Zielvorschlagsstimme) are added to these in the results table.
    stimmen_zu = models.PositiveIntegerField(_("Stimme zu"), default=0)
    stimmen_passt_nicht = models.PositiveIntegerField(_("Passt für mich nicht"), default=0)
    anmerkungen = models.TextField(
        _("Anmerkungen"), blank=True, help_text=_("Eine Anmerkung je Zeile.")
    )

    class Meta:
        ordering = ["planungsjahr", "reihenfolge", "pk"]
        verbose_name = _("Sozialpolitischer Zielvorschlag")
        verbose_name_plural = _("Sozialpolitische Zielvorschläge")
        constraints = [
            models.UniqueConstraint(
                fields=["planungsjahr", "titel"], name="zielvorschlag_titel_je_jahr"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def anmerkungen_liste(self) -> list[str]:
        return zeilen(self.anmerkungen)


class Zielvorschlagsstimme(models.Model):
    class Stimme(models.TextChoices):
        ZU = "zu", _("Stimme zu")
        PASST_NICHT = "passt_nicht", _("Passt für mich nicht")

    zielvorschlag = models.ForeignKey(
        Zielvorschlag,
        on_delete=models.CASCADE,
        related_name="stimmen",
        verbose_name=_("Zielvorschlag"),
    )
    mitglied = models.ForeignKey(
        Mitglied, on_delete=models.PROTECT, related_name="stimmen", verbose_name=_("Mitglied")
    )
    stimme = models.CharField(_("Stimme"), max_length=15, choices=Stimme.choices)
    anmerkung = models.TextField(_("Meine Anmerkung"), blank=True)
    geaendert = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["zielvorschlag", "pk"]
        verbose_name = _("Stimme zu einem Zielvorschlag")
        verbose_name_plural = _("Stimmen zu Zielvorschlägen")
        constraints = [
            models.UniqueConstraint(
                fields=["zielvorschlag", "mitglied"], name="eine_stimme_je_mitglied"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zielvorschlag}: {self.get_stimme_display()}"
