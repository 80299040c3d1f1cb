"""Charts, projection and the public pages of the Sozialmonitoring."""

import pytest
from django.urls import reverse

from handlungsfelder import charts, selectors
from handlungsfelder.models import StrategischeAnalyse
from handlungsfelder.projektion import linearer_trend
from tests.handlungsfelder.factories import (
    GebietFactory,
    HandlungsfeldFactory,
    IndikatorFactory,
    MesswertFactory,
)
from tests.sozialplanung.factories import PlanungsjahrFactory


def test_projection_of_a_straight_line_continues_it_without_uncertainty():
    trend = linearer_trend([(2010 + i, 100 + 5 * i) for i in range(6)], horizont=3)
    assert trend.jahre == [2016, 2017, 2018]
    assert trend.werte == pytest.approx([130, 135, 140])
    assert trend.oben == pytest.approx(trend.unten)
    assert "lineare Fortschreibung des Trends der Jahre 2010–2015" in trend.methode
    assert "keine amtliche Vorausberechnung" in trend.methode


def test_projection_band_widens_with_the_distance():
    punkte = [(2010, 10), (2011, 14), (2012, 11), (2013, 16), (2014, 15), (2015, 19)]
    trend = linearer_trend(punkte)
    breiten = [o - u for o, u in zip(trend.oben, trend.unten, strict=True)]
    assert all(b > 0 for b in breiten)
    assert breiten == sorted(breiten)
    assert trend.steigung > 0


def test_no_projection_from_fewer_than_four_years():
    assert linearer_trend([(2010, 1), (2011, 2), (2012, 3)]) is None


@pytest.fixture
def raum(db):
    land = GebietFactory(schluessel="01", name="Schleswig-Holstein")
    kreis = GebietFactory(schluessel="01056", name="Pinneberg, Landkreis")
    andere = GebietFactory(schluessel="01060", name="Segeberg, Landkreis")
    return land, kreis, andere


def _reihe(indikator, gebiet, werte):
    for jahr, wert in werte.items():
        MesswertFactory(indikator=indikator, gebiet=gebiet, jahr=jahr, wert=wert)


def test_time_series_shows_kreis_beside_land_with_projection_and_table(raum):
    land, kreis, _andere = raum
    indikator = IndikatorFactory(name="Lebendgeborene", einheit="Anzahl")
    _reihe(indikator, kreis, {2010 + i: 2400 + 20 * i for i in range(6)})
    _reihe(indikator, land, {2010 + i: 22000 + 100 * i for i in range(6)})

    daten = selectors.reihen([indikator], [kreis, land])
    diagramm = charts.zeitreihe(indikator, kreis, land, daten[indikator.pk])
    namen = [trace.name for trace in diagramm.figure.data]
    assert namen == [
        "Pinneberg, Landkreis",
        "95-%-Intervall der Projektion",
        "Projektion (linearer Trend)",
        "Schleswig-Holstein",
    ]
    assert diagramm.tabelle_kopf == ["Jahr", "Pinneberg, Landkreis", "Schleswig-Holstein"]
    assert diagramm.tabelle_zeilen[0] == ["2010", "2.400", "22.000"]
    assert diagramm.tabelle_zeilen[6][0] == "2016 (Projektion)"
    assert diagramm.hinweise and "Projektion" in diagramm.hinweise[0]
    assert "<" not in diagramm.json.replace("\\u003C", "")


def test_bar_chart_highlights_the_own_kreis(raum):
    land, kreis, andere = raum
    indikator = IndikatorFactory()
    MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2015, wert=300)
    MesswertFactory(indikator=indikator, gebiet=andere, jahr=2015, wert=200)
    MesswertFactory(indikator=indikator, gebiet=andere, jahr=2014, wert=999)
    jahr, werte = selectors.kreise_des_landes(indikator, land)
    diagramm = charts.kreisvergleich(indikator, kreis, land, jahr, werte)

    assert jahr == 2015
    balken = diagramm.figure.data[0]
    assert list(balken.y) == ["Segeberg, Landkreis", "Pinneberg, Landkreis"]
    assert list(diagramm.figure.layout.yaxis.ticktext) == ["Segeberg", "Pinneberg"]
    assert balken.marker.color[1] == charts.FARBE_KREIS
    assert balken.marker.color[0] != charts.FARBE_KREIS
    assert diagramm.tabelle_zeilen[0] == ["Pinneberg, Landkreis (eigener Kreis)", "1", "300"]


@pytest.mark.django_db
def test_indicator_page_shows_charts_source_and_tables(client, raum):
    land, kreis, andere = raum
    indikator = IndikatorFactory(name="Bevölkerung", quelle="Regionalstatistik 12411")
    _reihe(indikator, kreis, {2010 + i: 300000 + i for i in range(5)})
    _reihe(indikator, land, {2010 + i: 2800000 + i for i in range(5)})
    _reihe(indikator, andere, {2014: 270000})

    html = client.get(indikator.get_absolute_url()).content.decode()
    assert html.count('class="diagramm mb-4"') == 2
    assert "Quelle: Regionalstatistik 12411" in html
    assert "Tabelle: Bevölkerung" in html
    assert "vendor/plotly/plotly.min.js" in html


@pytest.mark.django_db
def test_indicator_pages_query_counts_stay_flat(client, raum, abfragen):
    land, kreis, andere = raum
    indikator = IndikatorFactory()
    feld = HandlungsfeldFactory()
    analyse = StrategischeAnalyse.objects.create(
        handlungsfeld=feld, planungsjahr=PlanungsjahrFactory(jahr=2023), text="Analyse"
    )
    analyse.indikatoren.add(indikator)
    urls = [
        reverse("handlungsfelder:indikator_list"),
        indikator.get_absolute_url(),
        feld.get_absolute_url(),
    ]
    _reihe(indikator, kreis, {2010 + i: i for i in range(3)})
    vorher = [abfragen(url, hoechstens=40) for url in urls]

    _reihe(indikator, kreis, {2000 + i: i for i in range(10)})
    _reihe(indikator, land, {2000 + i: i for i in range(13)})
    _reihe(indikator, andere, {2000 + i: i for i in range(13)})
    for _ in range(27):
        IndikatorFactory()
    nachher = [abfragen(url, hoechstens=40) for url in urls]
    assert vorher == nachher


@pytest.mark.django_db
def test_handlungsfeld_page_shows_the_analysis_and_its_figures(client, demo_statistik):
    html = client.get(reverse("handlungsfelder:detail", args=["infrastruktur-sozialer-angebote"]))
    text = html.content.decode()
    assert "Strategische Analyse 2023" in text
    assert "Die soziale Angebotsstruktur hat sich insbesondere in Krisenzeiten" in text
    assert "Zahlen, Daten, Fakten" in text
    assert "Bevölkerungsstand – Insgesamt" in text
    assert "Tabelle 12411-01-01-4" in text


def test_short_names_for_bar_labels():
    assert charts.kurzname("Pinneberg, Landkreis") == "Pinneberg"
    assert charts.kurzname("Kiel, Landeshauptstadt, Kreisfreie Stadt") == "Kiel (Stadt)"
