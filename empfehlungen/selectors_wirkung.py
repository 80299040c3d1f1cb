"""Reads of the Wirkungsorientierung: goals with their values, progress and traffic light.

``wirkungsziele_fuer`` is the one entry point for /wirkung/, the detail page and the
Planungsdossier; it needs at most three queries however many goals and values there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.db.models import Prefetch

from empfehlungen.models import (
    Dialognotiz,
    Handlungsempfehlung,
    Wirkungsmessung,
    Wirkungsziel,
)
from empfehlungen.selectors import empfehlungen_sichtbar_fuer
from empfehlungen.wirkung import (
    AMPEL_SYMBOL,
    Ampel,
    Ebene,
    Stufe,
    ampel,
    ebene,
    fortschritt,
    korrekturfrist_offen,
    prozent,
    zeitanteil,
)
from handlungsfelder.charts import zahl
from handlungsfelder.models import Indikator, Messwert

# The fields that decide how progress is measured. Changing one that already had a value
# after the six weeks of KORREKTURFRIST needs a reason (services_wirkung).
MESSLATTE = (
    "indikator",
    "eigener_indikator",
    "ausgangswert",
    "ausgangsdatum",
    "zielwert",
    "zieldatum",
    "richtung",
)

# What else staff edit; the log names these without their old text.
WEITERE_FELDER = ("text", "stufe", "zielgruppe", "einheit", "verantwortlich")


@dataclass(frozen=True)
class Messpunkt:
    datum: datetime.date
    wert: Decimal
    notiz: str = ""


@dataclass
class ZielStand:
    """A goal with its values and what they mean; everything a page or the dossier shows."""

    ziel: Wirkungsziel
    messpunkte: list[Messpunkt] = field(default_factory=list)
    letzter: Messpunkt | None = None
    fortschritt: Fraction | None = None
    zeitanteil: Fraction | None = None
    ampel: Ampel = Ampel.OFFEN

    @property
    def fehlende_angaben(self) -> list[str]:
        return self.ziel.fehlende_angaben

    @property
    def messbar(self) -> bool:
        return not self.fehlende_angaben

    @property
    def fortschritt_prozent(self) -> int | None:
        return prozent(self.fortschritt)

    @property
    def zeitanteil_prozent(self) -> int | None:
        return prozent(self.zeitanteil)

    @property
    def balken(self) -> int:
        """The progress for a <progress> bar, which cannot show below 0 or above 100."""
        return max(0, min(100, self.fortschritt_prozent or 0))

    @property
    def ziel_erreicht(self) -> bool:
        return self.fortschritt is not None and self.fortschritt >= 1

    @property
    def ampel_text(self) -> str:
        return str(self.ampel.label)

    @property
    def ampel_symbol(self) -> str:
        return AMPEL_SYMBOL[self.ampel]

    def ohne_endwert(self, heute: datetime.date) -> bool:
        """The target date has passed and no value from that date on is known yet."""
        zieldatum = self.ziel.zieldatum
        return (
            zieldatum is not None
            and zieldatum < heute
            and (self.letzter is None or self.letzter.datum < zieldatum)
        )

    @property
    def werte_nach_ausgang(self) -> list[Messpunkt]:
        if self.ziel.ausgangsdatum is None:
            return list(self.messpunkte)
        return [m for m in self.messpunkte if m.datum > self.ziel.ausgangsdatum]


def zielstand(ziel: Wirkungsziel, messpunkte: list[Messpunkt]) -> ZielStand:
    """Progress and traffic light of ``ziel`` at its newest value after the baseline."""
    stand = ZielStand(ziel=ziel, messpunkte=sorted(messpunkte, key=lambda m: m.datum))
    if not ziel.messbar:
        return stand
    danach = stand.werte_nach_ausgang
    if not danach:
        return stand
    stand.letzter = danach[-1]
    stand.fortschritt = fortschritt(
        ausgangswert=ziel.ausgangswert,
        zielwert=ziel.zielwert,
        istwert=stand.letzter.wert,
        richtung=ziel.richtung,
    )
    # The time share at the date of the value, not today: statistics arrive a year or two
    # late, and a goal must not turn red only because the next figure is not out yet.
    stand.zeitanteil = zeitanteil(
        ausgangsdatum=ziel.ausgangsdatum, zieldatum=ziel.zieldatum, stichtag=stand.letzter.datum
    )
    stand.ampel = ampel(fortschritt=stand.fortschritt, zeitanteil=stand.zeitanteil)
    return stand


def messwert_datum(jahr: int, stichtag: datetime.date | None) -> datetime.date:
    """A statistic's date: its Stichtag, or the end of its year for annual figures."""
    return stichtag or datetime.date(jahr, 12, 31)


def kreiswerte(indikator_ids) -> dict[int, list[Messpunkt]]:
    """The own Kreis's values of the indicators, in one query, as measurements."""
    werte: dict[int, list[Messpunkt]] = defaultdict(list)
    if not indikator_ids:
        return werte
    zeilen = Messwert.objects.filter(
        indikator_id__in=indikator_ids,
        gebiet__schluessel=settings.TRAEGER["kreis_schluessel"],
        wert__isnull=False,
    ).values_list("indikator_id", "jahr", "stichtag", "wert")
    for indikator_id, jahr, stichtag, wert in zeilen:
        werte[indikator_id].append(Messpunkt(messwert_datum(jahr, stichtag), wert))
    return werte


def wirkungsziele_fuer(empfehlungen) -> dict[int, list[ZielStand]]:
    """``{empfehlung_id: [ZielStand, …]}`` for a list or queryset of recommendations.

    Goals are ordered by their level on the Wirkungstreppe. Recommendations without goals
    are missing from the dict. Three queries at most: the goals with their indicators, the
    values staff entered, and the Sozialmonitoring's values for the own Kreis.
    """
    ziele = list(
        Wirkungsziel.objects.filter(handlungsempfehlung__in=empfehlungen)
        .select_related("indikator")
        .prefetch_related(
            Prefetch("messungen", queryset=Wirkungsmessung.objects.order_by("datum", "pk"))
        )
        .order_by("handlungsempfehlung_id", "stufe", "pk")
    )
    monitoring = kreiswerte({z.indikator_id for z in ziele if z.indikator_id})
    ergebnis: dict[int, list[ZielStand]] = defaultdict(list)
    for ziel in ziele:
        if ziel.automatisch:
            punkte = monitoring.get(ziel.indikator_id, [])
        else:
            punkte = [Messpunkt(m.datum, m.wert, m.notiz) for m in ziel.messungen.all()]
        ergebnis[ziel.handlungsempfehlung_id].append(zielstand(ziel, punkte))
    return dict(ergebnis)


def wirkungsziel_stand(ziel: Wirkungsziel) -> ZielStand:
    """One goal's values and state, for its staff page (one query for the values)."""
    if ziel.automatisch:
        punkte = kreiswerte([ziel.indikator_id]).get(ziel.indikator_id, [])
    else:
        punkte = [
            Messpunkt(m.datum, m.wert, m.notiz) for m in ziel.messungen.order_by("datum", "pk")
        ]
    return zielstand(ziel, punkte)


def ampel_zaehlen(staende) -> list[tuple[Ampel, int]]:
    """How many goals show each light, in the order of the legend."""
    anzahl = dict.fromkeys(Ampel, 0)
    for stand in staende:
        anzahl[stand.ampel] += 1
    return list(anzahl.items())


# --- The detail page's Wirkungslogik -------------------------------------------------


@dataclass
class Treppenstufe:
    stufe: int
    name: str
    ebene: Ebene
    ziele: list[ZielStand]


@dataclass
class Wirkungslogik:
    """Input → Output → Outcome → Impact of one recommendation, with its goals."""

    ziele: list[ZielStand]
    mitteleinsatz: Decimal | None
    massnahmen_anzahl: int
    massnahmen_budget: Decimal | None
    treppe: list[Treppenstufe]


def wirkungslogik(empfehlung: Handlungsempfehlung) -> Wirkungslogik:
    """The recommendation's goals on the Wirkungstreppe; reads its prefetched Maßnahmen."""
    ziele = wirkungsziele_fuer([empfehlung]).get(empfehlung.pk, [])
    massnahmen = list(empfehlung.massnahmen.all())
    budgets = [m.budget for m in massnahmen if m.budget is not None]
    treppe = [
        Treppenstufe(
            stufe=stufe.value,
            name=str(stufe.label),
            ebene=ebene(stufe.value),
            ziele=[z for z in ziele if z.ziel.stufe == stufe.value],
        )
        for stufe in Stufe
    ]
    return Wirkungslogik(
        ziele=ziele,
        mitteleinsatz=empfehlung.mitteleinsatz_jaehrlich,
        massnahmen_anzahl=len(massnahmen),
        massnahmen_budget=sum(budgets) if budgets else None,
        treppe=treppe,
    )


# --- /wirkung/ and the staff pages ----------------------------------------------------


def wirkung_queryset(user):
    """The decided recommendations ``user`` may see, by Handlungsfeld, newest year first."""
    return (
        empfehlungen_sichtbar_fuer(user)
        .filter(kreistag_status=Handlungsempfehlung.KreistagStatus.BESCHLOSSEN)
        .select_related("handlungsfeld", "planungsjahr")
        .order_by(
            "handlungsfeld__reihenfolge", "handlungsfeld__name", "-planungsjahr__jahr", "titel"
        )
    )


def dialognotizen(ziel: Wirkungsziel):
    return Dialognotiz.objects.filter(wirkungsziel=ziel).select_related("erfasst_von")


@dataclass(frozen=True)
class Zielaenderung:
    """One saved version of a goal, as the staff's change log shows it."""

    zeitpunkt: datetime.datetime
    wer: object
    angelegt: bool
    aenderungen: list[tuple[str, str, str]]  # yardstick field, before, after
    weitere: list[str]  # other fields that changed (text, level, …), by name
    in_frist: bool
    begruendung: str


def _anzeige(wert) -> str:
    if wert is None or wert == "":
        return "–"
    if isinstance(wert, Decimal):
        return zahl(wert)
    if isinstance(wert, datetime.date):
        return f"{wert:%d.%m.%Y}"
    return str(wert)


def zielaenderungen(ziel: Wirkungsziel) -> list[Zielaenderung]:
    """Every version of ``ziel``, newest first, with the changes of its yardstick.

    Read from django-simple-history, with the names of every indicator the goal ever had,
    in two queries.
    """
    eintraege = list(ziel.history.select_related("history_user").order_by("history_date"))
    indikatoren = dict(
        Indikator.objects.filter(pk__in={e.indikator_id for e in eintraege}).values_list(
            "pk", "name"
        )
    )
    felder = {f.name: f for f in Wirkungsziel._meta.fields}
    ergebnis = []
    vorher = None
    for eintrag in eintraege:
        aenderungen, weitere = [], []
        if vorher is not None:
            weitere = [
                str(felder[name].verbose_name)
                for name in WEITERE_FELDER
                if getattr(vorher, name) != getattr(eintrag, name)
            ]
            for name in MESSLATTE:
                spalte = felder[name].attname
                alt, neu = getattr(vorher, spalte), getattr(eintrag, spalte)
                if alt == neu:
                    continue
                if felder[name].choices:
                    choices = dict(felder[name].flatchoices)
                    alt, neu = choices.get(alt, alt), choices.get(neu, neu)
                elif name == "indikator":
                    alt, neu = indikatoren.get(alt), indikatoren.get(neu)
                aenderungen.append((str(felder[name].verbose_name), _anzeige(alt), _anzeige(neu)))
        ergebnis.append(
            Zielaenderung(
                zeitpunkt=eintrag.history_date,
                wer=eintrag.history_user,
                angelegt=vorher is None,
                aenderungen=aenderungen,
                weitere=weitere,
                in_frist=korrekturfrist_offen(angelegt=ziel.created, jetzt=eintrag.history_date),
                begruendung=eintrag.history_change_reason or "",
            )
        )
        vorher = eintrag
    return list(reversed(ergebnis))
