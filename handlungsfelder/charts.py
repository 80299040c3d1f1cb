"""Plotly figures of the Sozialmonitoring, shared by the web pages and the dossier.

Every figure comes with a table of the same numbers, for screen readers and for print.
"""

import textwrap
from dataclasses import dataclass, field

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from plotly.subplots import make_subplots

from handlungsfelder.projektion import linearer_trend

FARBE_KREIS = "#0b4a6f"
FARBE_LAND = "#8a5a00"
FARBE_ANDERE = "#9aa5ad"
FARBE_PROJEKTION = "rgba(11, 74, 111, 0.15)"
SCHRIFT = "DejaVu Sans, Verdana, sans-serif"
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class Diagramm:
    titel: str
    beschreibung: str
    figure: go.Figure
    tabelle_kopf: list[str]
    tabelle_zeilen: list[list[str]]
    quelle: str = ""
    hinweise: list[str] = field(default_factory=list)

    @property
    def json(self) -> str:
        """The figure as JSON that is safe inside a <script> element."""
        return mark_safe(self.figure.to_json().translate(JSON_ESCAPES))  # noqa: S308


def _nachkommastellen(wert: float) -> int:
    # Small shares keep their digits: 0,04 must not read as 0,0.
    if wert.is_integer():
        return 0
    return 1 if abs(wert) >= 10 else 2 if abs(wert) >= 0.1 else 3


def zahl(wert: float | None, kennzeichen: str = "") -> str:
    if wert is None:
        return kennzeichen or "–"
    wert = float(wert)
    stellen = _nachkommastellen(wert)
    return number_format(round(wert, stellen), stellen, use_l10n=True, force_grouping=True)


def _umbrechen(text: str, breite: int = 42) -> str:
    # Plotly does not wrap titles; on a phone a long indicator name would be cut off.
    return "<br>".join(textwrap.wrap(text, breite)) or text


def kurzname(name: str) -> str:
    """„Pinneberg, Landkreis“ → „Pinneberg“, „Kiel, Landeshauptstadt, Kreisfreie Stadt“ →
    „Kiel (Stadt)“: short enough for a bar label; tables keep the full name."""
    kurz = name.split(",")[0].strip()
    return f"{kurz} ({_('Stadt')})" if "Kreisfreie Stadt" in name else kurz


def _layout(figure: go.Figure, titel: str, hoehe: int) -> go.Figure:
    figure.update_layout(
        title={"text": _umbrechen(titel), "x": 0, "xanchor": "left", "font": {"size": 15}},
        separators=",.",
        font={"family": SCHRIFT, "size": 13, "color": "#1b1b1b"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=hoehe,
        margin={"l": 60, "r": 20, "t": 60, "b": 40},
        legend={"orientation": "h", "y": -0.15, "x": 0},
        hovermode="x unified",
    )
    figure.update_xaxes(showgrid=False, linecolor="#6c757d", tickformat="d")
    figure.update_yaxes(gridcolor="#e3e7ea", zeroline=False, tickformat=",~r")
    return figure


def _punkte(reihe) -> list[tuple[int, float]]:
    return [(jahr, wert) for jahr, wert, _k in reihe if wert is not None]


def _linie(punkte, name: str, farbe: str, breite: int, symbol: str = "circle") -> go.Scatter:
    return go.Scatter(
        x=[j for j, _w in punkte],
        y=[w for _j, w in punkte],
        name=name,
        mode="lines+markers",
        line={"color": farbe, "width": breite},
        marker={"symbol": symbol},
    )


def zeitreihe(indikator, kreis, land, reihen: dict, *, projektion: bool = True) -> Diagramm:
    """The Kreis beside the Land over the years, with a projection of the Kreis's trend.

    Shares (Prozent) share one axis; counts get one panel each, because a Kreis and its
    Land differ by an order of magnitude.
    """
    kreis_reihe = reihen.get(kreis.pk, []) if kreis else []
    land_reihe = reihen.get(land.pk, []) if land else []
    gemeinsam = indikator.einheit.lower() in {"prozent", "%"} or not land_reihe
    titel = indikator.name
    if gemeinsam:
        figure = go.Figure()
        zeilen_kreis, zeilen_land = (1, 1), (1, 1)
    else:
        figure = make_subplots(
            rows=2,
            cols=1,
            shared_xaxes=True,
            vertical_spacing=0.14,
            subplot_titles=[kreis.name if kreis else "", land.name],
        )
        zeilen_kreis, zeilen_land = (1, 1), (2, 1)

    def add(trace, ort):
        if gemeinsam:
            figure.add_trace(trace)
        else:
            figure.add_trace(trace, row=ort[0], col=ort[1])

    hinweise = []
    trend = linearer_trend(_punkte(kreis_reihe)) if projektion and kreis_reihe else None
    if kreis_reihe:
        punkte = _punkte(kreis_reihe)
        add(_linie(punkte, kreis.name, FARBE_KREIS, 3), zeilen_kreis)
        if trend:
            add(
                go.Scatter(
                    x=trend.jahre + trend.jahre[::-1],
                    y=trend.oben + trend.unten[::-1],
                    fill="toself",
                    fillcolor=FARBE_PROJEKTION,
                    mode="lines",
                    line={"width": 0},
                    name=_("95-%-Intervall der Projektion"),
                    hoverinfo="skip",
                ),
                zeilen_kreis,
            )
            add(
                go.Scatter(
                    x=[punkte[-1][0], *trend.jahre],
                    y=[punkte[-1][1], *trend.werte],
                    name=_("Projektion (linearer Trend)"),
                    mode="lines",
                    line={"color": FARBE_KREIS, "width": 2, "dash": "dash"},
                ),
                zeilen_kreis,
            )
            hinweise.append(trend.methode)
    if land_reihe:
        add(_linie(_punkte(land_reihe), land.name, FARBE_LAND, 2, "square"), zeilen_land)
    _layout(figure, titel, 360 if gemeinsam else 520)
    if indikator.einheit:
        figure.update_yaxes(title_text=indikator.einheit)

    jahre = sorted({j for j, _w, _k in kreis_reihe} | {j for j, _w, _k in land_reihe})
    kreis_werte = {j: (w, k) for j, w, k in kreis_reihe}
    land_werte = {j: (w, k) for j, w, k in land_reihe}
    kopf = [_("Jahr")] + [g.name for g in (kreis, land) if g]
    zeilen = []
    for jahr in jahre:
        zeile = [str(jahr)]
        if kreis:
            zeile.append(zahl(*kreis_werte.get(jahr, (None, ""))))
        if land:
            zeile.append(zahl(*land_werte.get(jahr, (None, ""))))
        zeilen.append(zeile)
    if trend:
        for jahr, wert, unten, oben in zip(
            trend.jahre, trend.werte, trend.unten, trend.oben, strict=True
        ):
            zeile = [
                _("%(jahr)s (Projektion)") % {"jahr": jahr},
                _("%(wert)s (%(unten)s bis %(oben)s)")
                % {"wert": zahl(wert), "unten": zahl(unten), "oben": zahl(oben)},
            ]
            if land:
                zeile.append("–")
            zeilen.append(zeile)
    beschreibung = _("Zeitreihe %(name)s für %(orte)s, %(von)s bis %(bis)s.") % {
        "name": indikator.name,
        "orte": _(" und ").join(g.name for g in (kreis, land) if g),
        "von": jahre[0] if jahre else "–",
        "bis": jahre[-1] if jahre else "–",
    }
    return Diagramm(titel, beschreibung, figure, kopf, zeilen, indikator.quelle, hinweise)


def kreisvergleich(indikator, kreis, land, jahr: int | None, werte: list) -> Diagramm:
    """All Kreise of the Land in the latest year, the own Kreis highlighted."""
    namen = [n for _s, n, _w in werte]
    zahlen = [w for _s, _n, w in werte]
    farben = [
        FARBE_KREIS if kreis and s == kreis.schluessel else FARBE_ANDERE for s, _n, _w in werte
    ]
    titel = _("%(name)s: Kreise in %(land)s, %(jahr)s") % {
        "name": indikator.name,
        "land": land.name if land else "",
        "jahr": jahr or "–",
    }
    figure = go.Figure(
        go.Bar(
            x=zahlen,
            y=namen,
            orientation="h",
            marker={"color": farben},
            hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )
    _layout(figure, titel, max(300, 28 * len(werte) + 100))
    figure.update_layout(margin={"l": 10, "r": 20, "t": 60, "b": 40}, showlegend=False)
    # Full names stay the categories (and the hover text); the axis shows short ones.
    figure.update_yaxes(
        automargin=True, tickmode="array", tickvals=namen, ticktext=[kurzname(n) for n in namen]
    )
    figure.update_xaxes(showgrid=True, gridcolor="#e3e7ea", tickformat=",~r")
    zeilen = [
        [
            name + (_(" (eigener Kreis)") if kreis and s == kreis.schluessel else ""),
            str(rang),
            zahl(w),
        ]
        for rang, (s, name, w) in enumerate(reversed(werte), 1)
    ]
    beschreibung = _(
        "Balkendiagramm: %(anzahl)s Kreise und kreisfreie Städte im Vergleich, %(kreis)s "
        "hervorgehoben."
    ) % {"anzahl": len(werte), "kreis": kreis.name if kreis else ""}
    return Diagramm(
        titel,
        beschreibung,
        figure,
        [_("Kreis"), _("Rang"), indikator.einheit or _("Wert")],
        zeilen,
        indikator.quelle,
    )
