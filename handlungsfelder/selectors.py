"""Reads of the Sozialmonitoring: the series of indicators for the own Kreis and its Land."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from handlungsfelder.models import Gebiet, Indikator, Messwert, StrategischeAnalyse
from sozialplanung.models import Phase


@dataclass(frozen=True)
class Vergleichsraum:
    kreis: Gebiet | None
    land: Gebiet | None


def vergleichsraum() -> Vergleichsraum:
    """The own Kreis (from the settings) and its Land, where their data exist."""
    kreis_schluessel = settings.TRAEGER["kreis_schluessel"]
    gebiete = {
        g.schluessel: g
        for g in Gebiet.objects.filter(schluessel__in=[kreis_schluessel, kreis_schluessel[:2]])
    }
    return Vergleichsraum(gebiete.get(kreis_schluessel), gebiete.get(kreis_schluessel[:2]))


Punkt = tuple[int, float | None, str]  # year, value, missing-value marker


def reihen(indikatoren: list[Indikator], gebiete: list[Gebiet]) -> dict:
    """``{indikator_id: {gebiet_id: [(jahr, wert, kennzeichen), …]}}`` in one query."""
    ergebnis: dict = defaultdict(lambda: defaultdict(list))
    zeilen = Messwert.objects.filter(
        indikator__in=indikatoren, gebiet__in=[g for g in gebiete if g]
    ).values_list("indikator_id", "gebiet_id", "jahr", "wert", "fehlkennzeichen")
    for indikator_id, gebiet_id, jahr, wert, kennzeichen in zeilen.order_by("jahr"):
        ergebnis[indikator_id][gebiet_id].append(
            (jahr, float(wert) if wert is not None else None, kennzeichen)
        )
    return ergebnis


def kreise_des_landes(indikator: Indikator, land: Gebiet) -> tuple[int | None, list]:
    """The latest year with values, and every Kreis of the Land with its value then."""
    kreise = Messwert.objects.filter(
        indikator=indikator,
        gebiet__ebene=Gebiet.Ebene.KREIS,
        gebiet__schluessel__startswith=land.schluessel,
        wert__isnull=False,
    )
    jahr = kreise.order_by("-jahr").values_list("jahr", flat=True).first()
    if jahr is None:
        return None, []
    zeilen = (
        kreise.filter(jahr=jahr)
        .select_related("gebiet")
        .order_by("wert")
        .values_list("gebiet__schluessel", "gebiet__name", "wert")
    )
    return jahr, [(s, n, float(w)) for s, n, w in zeilen]


def aktuelle_analyse(handlungsfeld, *, mit_entwurf: bool = False) -> StrategischeAnalyse | None:
    """The newest analysis; the public sees it once its year has left the analysis phase."""
    analysen = StrategischeAnalyse.objects.filter(handlungsfeld=handlungsfeld)
    if not mit_entwurf:
        analysen = analysen.filter(planungsjahr__phase__gt=Phase.STRATEGISCHE_ANALYSE)
    return (
        analysen.select_related("planungsjahr")
        .prefetch_related("indikatoren")
        .order_by("-planungsjahr__jahr")
        .first()
    )
