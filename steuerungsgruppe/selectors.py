"""Reads of the Steuerungsgruppe: results per round and Sitzung, Zielvorschläge, portfolio.

Results are always computed from the stored assessments with ``scoring.score_result``;
nothing here returns who gave which points.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from empfehlungen.models import Handlungsempfehlung, Steuerungsrelevanz
from sozialplanung.models import Planungsjahr
from steuerungsgruppe import scoring
from steuerungsgruppe.models import (
    Bewertungskriterium,
    Bewertungsschema,
    Einschaetzung,
    Mitglied,
    Runde,
    Sitzung,
    Tagesordnungspunkt,
    Zielvorschlag,
    Zielvorschlagsstimme,
)


def mitglied_fuer(user) -> Mitglied | None:
    """The user's current membership, or None for everybody who is not a member today."""
    if not user.is_authenticated:
        return None
    return (
        Mitglied.objects.aktiv_am(timezone.localdate())
        .filter(user=user)
        .select_related("user")
        .first()
    )


def schemata_fuer(planungsjahr_ids) -> dict[int, Bewertungsschema]:
    schemata = Bewertungsschema.objects.filter(planungsjahr_id__in=set(planungsjahr_ids))
    schemata = schemata.select_related("planungsjahr").prefetch_related(
        Prefetch("kriterien", queryset=Bewertungskriterium.objects.order_by("reihenfolge", "pk"))
    )
    return {schema.planungsjahr_id: schema for schema in schemata}


def ergebnis_satz(empfehlung: Handlungsempfehlung) -> str:
    """The protocol's sentence for a recommendation's category; empty while it is open."""
    titel = empfehlung.titel
    dossier = empfehlung.planungsjahr.dossier_titel
    if empfehlung.steuerungsrelevanz == Steuerungsrelevanz.HOCH:
        satz = _(
            "Die Handlungsempfehlung „%(titel)s“ wird als in hohem Maße steuerungsrelevant "
            "eingeschätzt und in das Planungsdossier „%(dossier)s“ aufgenommen."
        )
    elif empfehlung.steuerungsrelevanz == Steuerungsrelevanz.RELEVANT:
        satz = _(
            "Die Handlungsempfehlung „%(titel)s“ wird als steuerungsrelevant eingeschätzt und "
            "in das Planungsdossier „%(dossier)s“ aufgenommen."
        )
    elif empfehlung.steuerungsrelevanz == Steuerungsrelevanz.WENIGER:
        satz = _(
            "Die Handlungsempfehlung „%(titel)s“ wird als weniger steuerungsrelevant "
            "eingeschätzt und nicht in das Planungsdossier „%(dossier)s“ aufgenommen."
        )
    else:
        return ""
    return satz % {"titel": titel, "dossier": dossier}


@dataclass
class RundenErgebnis:
    runde: Runde
    ergebnis: scoring.Ergebnis
    anmerkungen: list[str]
    fachkraefte_summe: int | None
    fachkraefte_kategorie: str | None
    kategorie_text: str
    satz: str
    mittel_je_achse: dict[str, float] = field(default_factory=dict)


KATEGORIE_TEXT = dict(Steuerungsrelevanz.choices)


def _runden_ergebnisse(runden, schemata) -> list[RundenErgebnis]:
    ergebnisse = []
    for runde in runden:
        schema = schemata.get(runde.handlungsempfehlung.planungsjahr_id)
        schwellen = {
            "schwelle_relevant": schema.schwelle_relevant if schema else 40,
            "schwelle_hoch": schema.schwelle_hoch if schema else 52,
        }
        einschaetzungen = list(runde.einschaetzungen.all())
        # While a round is open only the count is known; the result waits for its close.
        if runde.ist_abgeschlossen:
            ergebnis = scoring.score_result([e.summe for e in einschaetzungen], **schwellen)
        else:
            ergebnis = scoring.Ergebnis(len(einschaetzungen), 0, None, None, None, None, None)
        fachkraefte = getattr(runde, "fachkraefte", None)
        fk_kategorie = (
            scoring.kategorie_fuer(fachkraefte.summe, **schwellen) if fachkraefte else None
        )
        achsen = {}
        if schema and ergebnis.kategorie:
            for kriterium in schema.kriterien.all():
                if not kriterium.portfolio_achse:
                    continue
                werte = [
                    e.punkte[str(kriterium.pk)]
                    for e in einschaetzungen
                    if not e.enthaltung and str(kriterium.pk) in e.punkte
                ]
                if werte:
                    achsen[kriterium.portfolio_achse] = float(Fraction(sum(werte), len(werte)))
        empfehlung = runde.handlungsempfehlung
        ergebnisse.append(
            RundenErgebnis(
                runde=runde,
                ergebnis=ergebnis,
                # Remarks in the protocol carry no names and no order of submission.
                # ... and only once the round is closed, so that a remark cannot be tied to
                # the member who has just submitted.
                anmerkungen=(
                    sorted(e.anmerkung for e in einschaetzungen if e.anmerkung)
                    if runde.ist_abgeschlossen
                    else []
                ),
                fachkraefte_summe=fachkraefte.summe if fachkraefte else None,
                fachkraefte_kategorie=str(KATEGORIE_TEXT.get(fk_kategorie, "")),
                kategorie_text=str(KATEGORIE_TEXT.get(ergebnis.kategorie, "")),
                satz=ergebnis_satz(empfehlung) if ergebnis.kategorie else "",
                mittel_je_achse=achsen,
            )
        )
    return ergebnisse


def _runden_queryset():
    # Only published recommendations are scored, and only they may appear on these pages.
    return (
        Runde.objects.filter(
            handlungsempfehlung__status=Handlungsempfehlung.Status.VEROEFFENTLICHT
        )
        .select_related(
            "handlungsempfehlung__planungsjahr",
            "handlungsempfehlung__handlungsfeld",
            "fachkraefte",
        )
        .prefetch_related(
            Prefetch(
                "einschaetzungen",
                queryset=Einschaetzung.objects.only(
                    "pk", "runde_id", "summe", "punkte", "anmerkung", "enthaltung"
                ),
            )
        )
    )


def sitzung_ergebnisse(sitzung: Sitzung) -> list[RundenErgebnis]:
    runden = list(_runden_queryset().filter(sitzung=sitzung).order_by("reihenfolge", "pk"))
    return _runden_ergebnisse(runden, schemata_fuer([sitzung.planungsjahr_id]))


def umlauf_ergebnisse() -> list[RundenErgebnis]:
    runden = list(_runden_queryset().filter(art=Runde.Art.UMLAUF).order_by("-frist", "pk"))
    return _runden_ergebnisse(
        runden, schemata_fuer(r.handlungsempfehlung.planungsjahr_id for r in runden)
    )


def portfolio_ergebnisse(planungsjahr: Planungsjahr) -> list[RundenErgebnis]:
    runden = (
        _runden_queryset()
        .filter(handlungsempfehlung__planungsjahr=planungsjahr)
        .order_by("sitzung", "pk")
    )
    ergebnisse = _runden_ergebnisse(list(runden), schemata_fuer([planungsjahr.pk]))
    return [e for e in ergebnisse if len(e.mittel_je_achse) == 2]


def sitzungen_liste():
    return Sitzung.objects.select_related("planungsjahr").annotate(anzahl_runden=Count("runden"))


def sitzung_protokoll_queryset():
    return Sitzung.objects.select_related("planungsjahr").prefetch_related(
        Prefetch("tagesordnung", queryset=Tagesordnungspunkt.objects.order_by("reihenfolge", "pk"))
    )


def moderation_stand(sitzung: Sitzung) -> list[Runde]:
    """The rounds of a Sitzung with the number of entries only: never whose they are."""
    return list(
        Runde.objects.filter(sitzung=sitzung)
        .select_related("handlungsempfehlung")
        .annotate(
            anzahl=Count("einschaetzungen"),
            anzahl_papier=Count(
                "einschaetzungen", filter=Q(einschaetzungen__vom_papierbogen=True)
            ),
        )
        .order_by("reihenfolge", "pk")
    )


def offene_runden_fuer(mitglied: Mitglied) -> list[Runde]:
    """Rounds a member can score now, each marked with whether they have already."""
    runden = [
        runde
        for runde in Runde.objects.filter(status=Runde.Status.OFFEN)
        .select_related("handlungsempfehlung", "sitzung")
        .annotate(meine=Count("einschaetzungen", filter=Q(einschaetzungen__mitglied=mitglied)))
        .order_by("art", "frist", "reihenfolge", "pk")
        if runde.ist_offen
    ]
    return runden


@dataclass
class ZielvorschlagErgebnis:
    zielvorschlag: Zielvorschlag
    stimmen_zu: int
    stimmen_passt_nicht: int
    anmerkungen: list[str]


def zielvorschlaege_ergebnis(planungsjahr_ids) -> dict[int, list[ZielvorschlagErgebnis]]:
    """Seed 004's table per year: paper counts plus the members' online votes."""
    ziele = (
        Zielvorschlag.objects.filter(planungsjahr_id__in=planungsjahr_ids)
        .order_by("reihenfolge", "pk")
        .prefetch_related(
            Prefetch(
                "stimmen",
                queryset=Zielvorschlagsstimme.objects.only(
                    "pk", "zielvorschlag_id", "stimme", "anmerkung"
                ),
            )
        )
    )
    je_jahr: dict[int, list[ZielvorschlagErgebnis]] = defaultdict(list)
    for ziel in ziele:
        stimmen = list(ziel.stimmen.all())
        je_jahr[ziel.planungsjahr_id].append(
            ZielvorschlagErgebnis(
                zielvorschlag=ziel,
                stimmen_zu=ziel.stimmen_zu
                + sum(s.stimme == Zielvorschlagsstimme.Stimme.ZU for s in stimmen),
                stimmen_passt_nicht=ziel.stimmen_passt_nicht
                + sum(s.stimme == Zielvorschlagsstimme.Stimme.PASST_NICHT for s in stimmen),
                anmerkungen=ziel.anmerkungen_liste
                + sorted(s.anmerkung for s in stimmen if s.anmerkung),
            )
        )
    return je_jahr
