"""The Steuerungsgruppe's arithmetic: one pure function from the members' totals to a result.

No database here, so that it can be tested exhaustively and reused for meetings,
written circulation and the Fachkräfte alike.
"""

import statistics
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real

WENIGER = "weniger"
RELEVANT = "relevant"
HOCH = "hoch"


@dataclass(frozen=True)
class Ergebnis:
    n: int
    enthaltungen: int
    mittelwert: float | None
    median: float | None
    minimum: int | None
    maximum: int | None
    kategorie: str | None


def kategorie_fuer(mittelwert: Real, *, schwelle_relevant: Real, schwelle_hoch: Real) -> str:
    """The category of an unrounded mean: below 40 weniger, from 40 relevant, from 52 hoch."""
    wert = Fraction(mittelwert)
    if wert >= Fraction(schwelle_hoch):
        return HOCH
    if wert >= Fraction(schwelle_relevant):
        return RELEVANT
    return WENIGER


def score_result(
    summen,
    *,
    schwelle_relevant: int = 40,
    schwelle_hoch: int = 52,
    hoechstsumme: int | None = None,
) -> Ergebnis:
    """The group result from the members' totals; ``None`` stands for an abstention.

    The category comes from the exact mean (a Fraction), so 51.999… never rounds up
    into „in hohem Maße“. Without a single non-abstaining assessment there is no result.
    """
    if schwelle_relevant >= schwelle_hoch:
        raise ValueError("schwelle_relevant must lie below schwelle_hoch")
    werte: list[int] = []
    enthaltungen = 0
    for summe in summen:
        if summe is None:
            enthaltungen += 1
            continue
        if summe < 0 or (hoechstsumme is not None and summe > hoechstsumme):
            raise ValueError(f"total {summe} outside 0..{hoechstsumme}")
        werte.append(summe)
    if not werte:
        return Ergebnis(0, enthaltungen, None, None, None, None, None)
    exakt = Fraction(sum(Fraction(w) for w in werte), len(werte))
    return Ergebnis(
        n=len(werte),
        enthaltungen=enthaltungen,
        mittelwert=float(exakt),
        median=float(statistics.median(Fraction(w) for w in werte)),
        minimum=min(werte),
        maximum=max(werte),
        kategorie=kategorie_fuer(
            exakt, schwelle_relevant=schwelle_relevant, schwelle_hoch=schwelle_hoch
        ),
    )
