"""Handlungsfelder with their period of validity, and the Fokusgruppen working in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sozialplanung.anzeige import zeilen
from sozialplanung.models import VersionierterText


class HandlungsfeldQuerySet(models.QuerySet):
    def gueltig_in(self, jahr: int) -> "HandlungsfeldQuerySet":
        """The Handlungsfelder valid in ``jahr``: they change with the Sozialplanungskonferenz."""
        return self.filter(gueltig_von__lte=jahr).filter(
            Q(gueltig_bis__isnull=True) | Q(gueltig_bis__gte=jahr)
        )


class Handlungsfeld(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=200, unique=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    priorisiert = models.BooleanField(
        _("priorisiert"),
        default=False,
        help_text=_("Besonders herausgehobenes Handlungsfeld mit eigenem Schwerpunkt."),
    )
    gueltig_von = models.PositiveSmallIntegerField(_("gültig ab Jahr"))
    gueltig_bis = models.PositiveSmallIntegerField(
        _("gültig bis Jahr"), null=True, blank=True, help_text=_("Leer lassen, wenn unbefristet.")
    )

    objects = HandlungsfeldQuerySet.as_manager()

    class Meta:
        ordering = ["reihenfolge", "name"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        constraints = [
            models.CheckConstraint(
                condition=Q(gueltig_bis__isnull=True)
                | Q(gueltig_bis__gte=models.F("gueltig_von")),
                name="handlungsfeld_gueltigkeit_geordnet",
                violation_error_message=_("„gültig bis“ darf nicht vor „gültig ab“ liegen."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("handlungsfelder:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.gueltig_bis is not None and self.gueltig_bis < self.gueltig_von:
            raise ValidationError(
                {"gueltig_bis": _("„gültig bis“ darf nicht vor „gültig ab“ liegen.")},
                code="gueltigkeit",
            )

    def ist_gueltig_in(self, jahr: int) -> bool:
        return self.gueltig_von <= jahr and (self.gueltig_bis is None or jahr <= self.gueltig_bis)

    @property
    def gueltigkeit(self) -> str:
        if self.gueltig_bis is None:
            return _("seit %(von)s") % {"von": self.gueltig_von}
        return _("%(von)s bis %(bis)s") % {"von": self.gueltig_von, "bis": self.gueltig_bis}


class Fokusgruppe(models.Model):
    """A Fokusgruppe or another working structure that proposes Handlungsempfehlungen."""

    class Art(models.TextChoices):
        FOKUSGRUPPE = "fokusgruppe", _("Fokusgruppe")
        ARBEITSSTRUKTUR = "arbeitsstruktur", _("Ergänzende Arbeitsstruktur")
        VERWALTUNG = "verwaltung", _("Verwaltung")

    name = models.CharField(_("Name"), max_length=200, unique=True)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.FOKUSGRUPPE)
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="fokusgruppen", blank=True, verbose_name=_("Handlungsfelder")
    )
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    mitglieder = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="fokusgruppen",
        blank=True,
        verbose_name=_("Mitglieder"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Fokusgruppe")
        verbose_name_plural = _("Fokusgruppen")

    def __str__(self) -> str:
        return self.name


class Gebiet(models.Model):
    """A region by its official key (AGS): 2 digits Land, 5 Kreis, 8 Gemeinde."""

    class Ebene(models.TextChoices):
        BUND = "bund", _("Bund")
        LAND = "land", _("Land")
        REGION = "region", _("Regierungsbezirk/Statistische Region")
        KREIS = "kreis", _("Kreis")
        GEMEINDE = "gemeinde", _("Gemeinde")

    schluessel = models.CharField(_("Schlüssel (AGS)"), max_length=12, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    ebene = models.CharField(_("Ebene"), max_length=10, choices=Ebene.choices)

    class Meta:
        ordering = ["schluessel"]
        verbose_name = _("Gebiet")
        verbose_name_plural = _("Gebiete")

    def __str__(self) -> str:
        return f"{self.name} ({self.schluessel})"

    @staticmethod
    def ebene_fuer(schluessel: str) -> str:
        if schluessel in {"DG", "0"}:
            return Gebiet.Ebene.BUND
        return {
            2: Gebiet.Ebene.LAND,
            3: Gebiet.Ebene.REGION,
            5: Gebiet.Ebene.KREIS,
        }.get(len(schluessel), Gebiet.Ebene.GEMEINDE)

    @property
    def land_schluessel(self) -> str:
        return self.schluessel[:2]


class Indikator(models.Model):
    class Richtung(models.TextChoices):
        HOEHER_BESSER = "hoeher_besser", _("höher ist besser")
        HOEHER_SCHLECHTER = "hoeher_schlechter", _("höher ist schlechter")
        NEUTRAL = "neutral", _("ohne Wertung")

    name = models.CharField(_("Name"), max_length=300)
    tabelle = models.CharField(
        _("Tabelle"),
        max_length=40,
        blank=True,
        help_text=_("Code der GENESIS-Tabelle, aus der die Reihe stammt."),
    )
    definition = models.TextField(_("Definition"), blank=True)
    berechnung = models.TextField(_("Berechnung"), blank=True)
    einheit = models.CharField(_("Einheit"), max_length=50, blank=True)
    quelle = models.CharField(_("Quelle"), max_length=500, blank=True)
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="indikatoren", blank=True, verbose_name=_("Handlungsfelder")
    )
    richtung = models.CharField(
        _("Wertung"), max_length=20, choices=Richtung.choices, default=Richtung.NEUTRAL
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        constraints = [
            models.UniqueConstraint(fields=["tabelle", "name"], name="indikator_je_tabelle")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("handlungsfelder:indikator", kwargs={"pk": self.pk})


class Messwert(models.Model):
    """One value of an indicator for a region and year; missing values keep their marker."""

    MARKER = ("-", ".", "/", "x", "...")

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="messwerte", verbose_name=_("Indikator")
    )
    gebiet = models.ForeignKey(
        Gebiet, on_delete=models.PROTECT, related_name="messwerte", verbose_name=_("Gebiet")
    )
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    stichtag = models.DateField(_("Stichtag"), null=True, blank=True)
    wert = models.DecimalField(_("Wert"), max_digits=18, decimal_places=4, null=True, blank=True)
    fehlkennzeichen = models.CharField(
        _("Fehlkennzeichen"),
        max_length=3,
        blank=True,
        help_text=_("Zeichen der Statistik für fehlende Werte: - . / x oder ..."),
    )

    class Meta:
        ordering = ["indikator", "gebiet", "jahr"]
        verbose_name = _("Messwert")
        verbose_name_plural = _("Messwerte")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "gebiet", "jahr"], name="messwert_je_jahr"
            ),
            models.CheckConstraint(
                condition=Q(wert__isnull=False) | ~Q(fehlkennzeichen=""),
                name="messwert_wert_oder_kennzeichen",
            ),
        ]

    def __str__(self) -> str:
        wert = self.fehlkennzeichen if self.wert is None else self.wert
        return f"{self.indikator} · {self.gebiet.schluessel} · {self.jahr}: {wert}"


class StrategischeAnalyse(VersionierterText):
    """Phase 1 of the cycle: the analysis of one Handlungsfeld in one Planungsjahr.

    Its texts are also the Handlungsfeld's chapter in the year's Planungsdossier.
    """

    TEXTFELDER = ("text", "erkenntnisse", "fakten", "fakten_quellen")

    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.CASCADE,
        related_name="analysen",
        verbose_name=_("Handlungsfeld"),
    )
    planungsjahr = models.ForeignKey(
        "sozialplanung.Planungsjahr",
        on_delete=models.CASCADE,
        related_name="analysen",
        verbose_name=_("Planungsjahr"),
    )
    text = models.TextField(_("Zusammenfassung"), blank=True)
    erkenntnisse = models.TextField(_("Erkenntnisse partizipativer Prozesse"), blank=True)
    # The dossier's bullet points under "Zahlen, Daten, Fakten", one per line, and the
    # sources they quote besides the Sozialmonitoring (seed 004: "Quellenangaben").
    fakten = models.TextField(_("Zahlen, Daten, Fakten: Kernaussagen"), blank=True)
    fakten_quellen = models.CharField(
        _("Quellenangaben zu den Kernaussagen"), max_length=500, blank=True
    )
    indikatoren = models.ManyToManyField(
        Indikator, related_name="analysen", blank=True, verbose_name=_("Indikatoren")
    )

    class Meta:
        ordering = ["-planungsjahr__jahr", "handlungsfeld__reihenfolge"]
        verbose_name = _("Strategische Analyse")
        verbose_name_plural = _("Strategische Analysen")
        constraints = [
            models.UniqueConstraint(
                fields=["handlungsfeld", "planungsjahr"], name="analyse_je_feld_und_jahr"
            )
        ]

    def __str__(self) -> str:
        return f"{self.handlungsfeld} {self.planungsjahr}"

    @property
    def fakten_liste(self) -> list[str]:
        return zeilen(self.fakten, " -•\t")


class IndikatorImport(models.Model):
    """An uploaded statistics file: previewed first, imported only when confirmed."""

    class Status(models.TextChoices):
        VORSCHAU = "vorschau", _("Vorschau")
        IMPORTIERT = "importiert", _("importiert")

    datei = models.FileField(_("Datei"), upload_to="importe/")
    dateiname = models.CharField(_("Dateiname"), max_length=255)
    sha256 = models.CharField(_("Prüfsumme"), max_length=64)
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.VORSCHAU
    )
    hochgeladen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hochgeladen von"),
    )
    hochgeladen_am = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)
    importiert_am = models.DateTimeField(_("importiert am"), null=True, blank=True)
    anzahl_werte = models.PositiveIntegerField(_("Anzahl Werte"), default=0)

    class Meta:
        ordering = ["-hochgeladen_am"]
        verbose_name = _("Indikator-Import")
        verbose_name_plural = _("Indikator-Importe")

    def __str__(self) -> str:
        return self.dateiname
