"""The small progress chart per impact goal, in the style of the Sozialmonitoring's charts.

Actual values against the straight path from baseline to target, with a table of the
same numbers (handlungsfelder.charts.Diagramm) for screen readers and print.
"""

import datetime

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from empfehlungen.selectors_wirkung import ZielStand
from empfehlungen.wirkung import fortschritt, prozent
from handlungsfelder.charts import FARBE_KREIS, FARBE_LAND, Diagramm, _layout, zahl

HOVER = "%{x|%d.%m.%Y}: %{y:,}<extra>%{fullData.name}</extra>"


def _prozent(stand: ZielStand, wert) -> str:
    ziel = stand.ziel
    anteil = prozent(
        fortschritt(
            ausgangswert=ziel.ausgangswert,
            zielwert=ziel.zielwert,
            istwert=wert,
            richtung=ziel.richtung,
        )
    )
    return f"{anteil}\u00a0%"


def fortschritt_diagramm(stand: ZielStand) -> Diagramm | None:
    """Baseline, the values since, and the target; None while the goal is not messbar."""
    if not stand.messbar:
        return None
    ziel = stand.ziel
    werte = stand.werte_nach_ausgang
    ist = [(ziel.ausgangsdatum, ziel.ausgangswert), *((m.datum, m.wert) for m in werte)]
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=[d.isoformat() for d, _w in ist],
            y=[float(w) for _d, w in ist],
            name=_("Istwert"),
            mode="lines+markers",
            line={"color": FARBE_KREIS, "width": 3},
            hovertemplate=HOVER,
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[ziel.ausgangsdatum.isoformat(), ziel.zieldatum.isoformat()],
            y=[float(ziel.ausgangswert), float(ziel.zielwert)],
            name=_("Zielpfad"),
            mode="lines",
            line={"color": FARBE_LAND, "width": 2, "dash": "dash"},
            hovertemplate=HOVER,
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[ziel.zieldatum.isoformat()],
            y=[float(ziel.zielwert)],
            name=_("Zielwert"),
            mode="markers",
            marker={"color": FARBE_LAND, "size": 14, "symbol": "star"},
            hovertemplate=HOVER,
        )
    )
    titel = ziel.indikator_name
    _layout(figure, titel, 320)
    figure.update_layout(hovermode="closest", margin={"l": 60, "r": 40, "t": 60, "b": 30})
    # Ticks at the values' own dates: a year tick on 1 January would put a value of
    # 31.12.2002 under "2003".
    daten = sorted({ziel.ausgangsdatum, ziel.zieldatum, *(m.datum for m in werte)})
    # Room beside the first and last point, so that the target's star is not cut off.
    rand = datetime.timedelta(days=max(30, (ziel.zieldatum - ziel.ausgangsdatum).days // 20))
    figure.update_xaxes(
        type="date",
        tickmode="array",
        tickvals=[d.isoformat() for d in daten],
        ticktext=[f"{d:%d.%m.%Y}" for d in daten],
        hoverformat="%d.%m.%Y",
        range=[(ziel.ausgangsdatum - rand).isoformat(), (ziel.zieldatum + rand).isoformat()],
    )
    if ziel.einheit_anzeige:
        figure.update_yaxes(title_text=ziel.einheit_anzeige)

    zeilen = [
        [
            _("%(datum)s (Ausgangswert)") % {"datum": f"{ziel.ausgangsdatum:%d.%m.%Y}"},
            zahl(ziel.ausgangswert),
            "0\u00a0%",
        ]
    ]
    zeilen += [[f"{m.datum:%d.%m.%Y}", zahl(m.wert), _prozent(stand, m.wert)] for m in werte]
    zeilen.append(
        [
            _("%(datum)s (Ziel)") % {"datum": f"{ziel.zieldatum:%d.%m.%Y}"},
            zahl(ziel.zielwert),
            "100\u00a0%",
        ]
    )
    if stand.letzter:
        zuletzt = _("Zuletzt %(wert)s am %(datum)s, Fortschritt %(prozent)s %%.") % {
            "wert": zahl(stand.letzter.wert),
            "datum": f"{stand.letzter.datum:%d.%m.%Y}",
            "prozent": stand.fortschritt_prozent,
        }
    else:
        zuletzt = _("Seit dem Ausgangswert liegt noch kein neuer Wert vor.")
    beschreibung = " ".join(
        [
            _(
                "Liniendiagramm: %(indikator)s vom Ausgangswert %(ausgang)s am %(von)s zum "
                "Zielwert %(ziel)s bis %(bis)s."
            )
            % {
                "indikator": titel,
                "ausgang": zahl(ziel.ausgangswert),
                "von": f"{ziel.ausgangsdatum:%d.%m.%Y}",
                "ziel": zahl(ziel.zielwert),
                "bis": f"{ziel.zieldatum:%d.%m.%Y}",
            },
            zuletzt,
        ]
    )
    quelle = ziel.indikator.quelle if ziel.automatisch else _("Erhebung der Sozialplanung")
    return Diagramm(
        titel=titel,
        beschreibung=beschreibung,
        figure=figure,
        tabelle_kopf=[_("Stichtag"), ziel.einheit_anzeige or _("Wert"), _("Fortschritt")],
        tabelle_zeilen=zeilen,
        quelle=quelle,
    )
