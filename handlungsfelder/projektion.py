"""A transparent projection of an indicator: the linear trend, with its 95 % interval.

Deliberately simple so that every reader can follow it: ordinary least squares over
the last years, and the classical prediction interval of a linear regression.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Two-sided 95 % quantiles of Student's t distribution by degrees of freedom; beyond
# 30 the normal quantile is close enough. A table keeps scipy out of the dependencies.
T_95 = {
    1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
    9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131,
    16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 25: 2.060, 30: 2.042,
}  # fmt: skip
MIN_PUNKTE = 4


def _t_quantil(freiheitsgrade: int) -> float:
    if freiheitsgrade in T_95:
        return T_95[freiheitsgrade]
    kleinere = [f for f in T_95 if f < freiheitsgrade]
    return T_95[max(kleinere)] if freiheitsgrade <= 30 else 1.96


@dataclass(frozen=True)
class Projektion:
    jahre: list[int]
    werte: list[float]
    unten: list[float]
    oben: list[float]
    basis_von: int
    basis_bis: int
    steigung: float

    @property
    def methode(self) -> str:
        return _(
            "Projektion: lineare Fortschreibung des Trends der Jahre %(von)s–%(bis)s "
            "(Methode der kleinsten Quadrate). Das Band zeigt das 95-%%-Prognoseintervall. "
            "Eine Projektion ist keine amtliche Vorausberechnung; sie zeigt, wohin die Werte "
            "gehen, wenn der bisherige Trend anhält."
        ) % {"von": self.basis_von, "bis": self.basis_bis}


def linearer_trend(
    punkte: list[tuple[int, float]], *, horizont: int = 5, stuetzjahre: int = 10
) -> Projektion | None:
    """Project ``horizont`` years beyond the last point; None with fewer than 4 points."""
    punkte = sorted((int(j), float(w)) for j, w in punkte if w is not None)[-stuetzjahre:]
    n = len(punkte)
    if n < MIN_PUNKTE:
        return None
    xs = [j for j, _w in punkte]
    ys = [w for _j, w in punkte]
    x_mittel = sum(xs) / n
    y_mittel = sum(ys) / n
    sxx = sum((x - x_mittel) ** 2 for x in xs)
    if sxx == 0:
        return None
    steigung = sum((x - x_mittel) * (y - y_mittel) for x, y in zip(xs, ys, strict=True)) / sxx
    achse = y_mittel - steigung * x_mittel
    rest = sum((y - (achse + steigung * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    s = math.sqrt(rest / (n - 2))
    t = _t_quantil(n - 2)
    jahre = list(range(xs[-1] + 1, xs[-1] + horizont + 1))
    werte, unten, oben = [], [], []
    for x in jahre:
        schaetzung = achse + steigung * x
        breite = t * s * math.sqrt(1 + 1 / n + (x - x_mittel) ** 2 / sxx)
        werte.append(schaetzung)
        unten.append(schaetzung - breite)
        oben.append(schaetzung + breite)
    return Projektion(jahre, werte, unten, oben, xs[0], xs[-1], steigung)
