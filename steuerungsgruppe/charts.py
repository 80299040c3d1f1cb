"""The portfolio of a year's recommendations: target-group importance against strategic size."""

import textwrap

import plotly.graph_objects as go
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from handlungsfelder.charts import SCHRIFT, Diagramm

FARBEN = {"hoch": "#0b4a6f", "relevant": "#2f8fc5", "weniger": "#8a5a00"}
SYMBOLE = {"hoch": "circle", "relevant": "diamond", "weniger": "square"}


def _zwei_stellen(wert: float) -> str:
    return number_format(round(wert, 2), 2, use_l10n=True)


def portfolio_diagramm(planungsjahr, ergebnisse) -> Diagramm:
    """One point per recommendation at its mean points on the two portfolio criteria."""
    figure = go.Figure()
    hoechst = 5
    for kategorie in ("hoch", "relevant", "weniger"):
        punkte = [e for e in ergebnisse if e.ergebnis.kategorie == kategorie]
        if not punkte:
            continue
        figure.add_trace(
            go.Scatter(
                x=[e.mittel_je_achse["zielgruppe"] for e in punkte],
                y=[e.mittel_je_achse["strategie"] for e in punkte],
                mode="markers",
                name=punkte[0].kategorie_text,
                marker={
                    "size": 16,
                    "color": FARBEN[kategorie],
                    "symbol": SYMBOLE[kategorie],
                    "line": {"width": 1, "color": "#1b1b1b"},
                },
                text=[
                    "<br>".join(textwrap.wrap(e.runde.handlungsempfehlung.titel, 40))
                    for e in punkte
                ],
                hovertemplate="%{text}<br>x: %{x:.2f} · y: %{y:.2f}<extra></extra>",
            )
        )
    titel = _("Portfolio der Handlungsempfehlungen %(jahr)s") % {"jahr": planungsjahr.jahr}
    figure.update_layout(
        title={"text": titel, "x": 0, "xanchor": "left", "font": {"size": 15}},
        separators=",.",
        font={"family": SCHRIFT, "size": 13, "color": "#1b1b1b"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=440,
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
        legend={"orientation": "h", "y": -0.2, "x": 0},
    )
    achse = {
        "range": [0, hoechst + 0.2],
        "gridcolor": "#e3e7ea",
        "linecolor": "#6c757d",
        "dtick": 1,
    }
    figure.update_xaxes(title={"text": _("Bedeutung für die Zielgruppe (Mittelwert)")}, **achse)
    figure.update_yaxes(title={"text": _("Strategische Größe (Mittelwert)")}, **achse)
    zeilen = [
        [
            e.runde.handlungsempfehlung.titel,
            _zwei_stellen(e.mittel_je_achse["zielgruppe"]),
            _zwei_stellen(e.mittel_je_achse["strategie"]),
            e.kategorie_text,
        ]
        for e in ergebnisse
    ]
    beschreibung = _(
        "Punktdiagramm: %(anzahl)s Handlungsempfehlungen nach dem Mittelwert der Punkte für "
        "„Bedeutung für die Zielgruppe“ (waagerecht) und „Strategische Größe“ (senkrecht), "
        "eingefärbt nach Steuerungsrelevanz. Die Tabelle daneben enthält dieselben Werte."
    ) % {"anzahl": len(ergebnisse)}
    return Diagramm(
        titel,
        beschreibung,
        figure,
        [
            _("Handlungsempfehlung"),
            _("Zielgruppe"),
            _("Strategische Größe"),
            _("Steuerungsrelevanz"),
        ],
        zeilen,
    )
