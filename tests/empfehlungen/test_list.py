"""The public list: each filter, filters combined, sorting, search, exports, query counts."""

import csv
import io

import pytest
from django.db import connection  # noqa: F401 - used by the skipif condition
from django.urls import reverse
from openpyxl import load_workbook

from empfehlungen.models import Handlungsempfehlung
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.handlungsfelder.factories import HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db
K = Handlungsempfehlung.KreistagStatus


@pytest.fixture
def bestand():
    """Four published recommendations that differ in every filterable column."""
    bildung = HandlungsfeldFactory(name="Bildung", slug="bildung")
    wohnen = HandlungsfeldFactory(name="Wohnen", slug="wohnen")
    j2022, j2023 = PlanungsjahrFactory(jahr=2022), PlanungsjahrFactory(jahr=2023)
    return {
        "kita": HandlungsempfehlungFactory(
            titel="Sprachstandserhebung in Kitas",
            handlungsfeld=bildung,
            planungsjahr=j2023,
            steuerungsrelevanz="hoch",
            kreistag_status=K.BESCHLOSSEN,
            ausgangslage="Viele Kinder brauchen Sprachförderung.",
        ),
        "schule": HandlungsempfehlungFactory(
            titel="Schulbegleitung ausbauen",
            handlungsfeld=bildung,
            planungsjahr=j2022,
            steuerungsrelevanz="relevant",
            kreistag_status=K.NICHT_BERATEN,
        ),
        "wohnraum": HandlungsempfehlungFactory(
            titel="Wohnraum für Auszubildende",
            handlungsfeld=wohnen,
            planungsjahr=j2023,
            steuerungsrelevanz="weniger",
            kreistag_status=K.ABGELEHNT,
        ),
        "offen": HandlungsempfehlungFactory(
            titel="Wohnungslosenhilfe vernetzen",
            handlungsfeld=wohnen,
            planungsjahr=j2023,
            steuerungsrelevanz="",
            kreistag_status=K.BERATUNG,
        ),
    }


def _titel(client, **params):
    antwort = client.get(reverse("empfehlungen:list"), params)
    assert antwort.status_code == 200
    return [e.titel for e in antwort.context["empfehlungen"]]


@pytest.mark.parametrize(
    ("params", "erwartet"),
    [
        ({"handlungsfeld": "wohnen"}, {"wohnraum", "offen"}),
        ({"jahr": "2022"}, {"schule"}),
        ({"status": "beschlossen"}, {"kita"}),
        ({"status": "abgelehnt"}, {"wohnraum"}),
        ({"steuerungsrelevanz": "hoch"}, {"kita"}),
        ({"steuerungsrelevanz": "offen"}, {"offen"}),
        ({"q": "Sprachförderung"}, {"kita"}),  # found in a section, not in the title
        ({"q": "wohn"}, {"wohnraum", "offen"}),
        ({"handlungsfeld": "bildung", "jahr": "2023"}, {"kita"}),
        ({"handlungsfeld": "wohnen", "jahr": "2023", "status": "beratung"}, {"offen"}),
        ({"handlungsfeld": "bildung", "steuerungsrelevanz": "weniger"}, set()),
    ],
)
def test_each_filter_and_combinations(client, bestand, params, erwartet):
    assert set(_titel(client, **params)) == {bestand[name].titel for name in erwartet}


def test_unknown_filter_values_show_a_message_not_an_error(client, bestand):
    antwort = client.get(reverse("empfehlungen:list"), {"jahr": "1999", "status": "egal"})
    assert antwort.status_code == 200
    form = antwort.context["filter"].form
    assert "gültige Auswahl" in form.errors["jahr"][0]
    assert "gültige Auswahl" in form.errors["status"][0]
    assert form.errors["jahr"][0] in antwort.content.decode()
    # The invalid filters are ignored rather than emptying the list.
    assert len(antwort.context["empfehlungen"]) == 4


def test_public_never_finds_drafts_even_by_search(client, bestand):
    HandlungsempfehlungFactory(titel="Geheimer Wohnentwurf", status="entwurf")
    assert "Geheimer Wohnentwurf" not in _titel(client, q="Wohn")


@pytest.mark.parametrize(
    ("sortierung", "erwartet"),
    [
        ("titel", ["schule", "kita", "wohnraum", "offen"]),
        ("-jahr", ["kita", "wohnraum", "offen", "schule"]),
        ("-steuerungsrelevanz", ["kita", "schule", "wohnraum", "offen"]),
        ("status", ["schule", "offen", "kita", "wohnraum"]),
        ("handlungsfeld", ["kita", "schule", "wohnraum", "offen"]),
    ],
)
def test_sorting_by_column(client, bestand, sortierung, erwartet):
    assert _titel(client, sortierung=sortierung) == [bestand[n].titel for n in erwartet]


def test_filter_state_lives_in_links(client, bestand):
    html = client.get(reverse("empfehlungen:list"), {"handlungsfeld": "wohnen"}).content.decode()
    assert 'href="?handlungsfeld=wohnen&amp;sortierung=titel"' in html
    assert 'href="/empfehlungen/export.csv?handlungsfeld=wohnen"' in html
    assert "2 Handlungsempfehlungen gefunden" in html
    assert "<title>2 Treffer – Handlungsempfehlungen" in html


def test_pagination_keeps_the_filters(client):
    feld = HandlungsfeldFactory(slug="armut")
    HandlungsempfehlungFactory.create_batch(30, handlungsfeld=feld)
    html = client.get(reverse("empfehlungen:list"), {"handlungsfeld": "armut"}).content.decode()
    assert 'href="?handlungsfeld=armut&amp;page=2"' in html
    zweite = client.get(reverse("empfehlungen:list"), {"handlungsfeld": "armut", "page": 2})
    assert len(zweite.context["empfehlungen"]) == 5


def test_csv_export_read_back_equals_the_list(client, bestand):
    params = {"jahr": "2023", "sortierung": "titel"}
    liste = client.get(reverse("empfehlungen:list"), params).context["empfehlungen"]

    antwort = client.get(reverse("empfehlungen:export_csv"), params)

    assert antwort["Content-Type"] == "text/csv; charset=utf-8"
    assert antwort.content.startswith("\ufeff".encode())
    zeilen = list(csv.reader(io.StringIO(antwort.content.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0] == [
        "Handlungsfeld",
        "Handlungsempfehlung",
        "Steuerungsrelevanz",
        "Jahr",
        "Status",
        "Link",
    ]
    assert zeilen[1:] == [
        [
            e.handlungsfeld.name,
            e.titel,
            e.get_steuerungsrelevanz_display(),
            str(e.planungsjahr.jahr),
            e.get_kreistag_status_display(),
            f"http://testserver{e.get_absolute_url()}",
        ]
        for e in liste
    ]
    assert len(zeilen) == 4


def test_xlsx_export_holds_the_filtered_rows(client, bestand):
    antwort = client.get(reverse("empfehlungen:export_xlsx"), {"handlungsfeld": "bildung"})
    blatt = load_workbook(io.BytesIO(antwort.content)).active
    werte = list(blatt.iter_rows(values_only=True))
    assert werte[0][:2] == ("Handlungsfeld", "Handlungsempfehlung")
    assert {(z[1], z[3]) for z in werte[1:]} == {
        ("Sprachstandserhebung in Kitas", 2023),
        ("Schulbegleitung ausbauen", 2022),
    }


def test_export_neutralises_formulas(client):
    HandlungsempfehlungFactory(titel='=HYPERLINK("http://böse.example")')
    text = client.get(reverse("empfehlungen:export_csv")).content.decode("utf-8-sig")
    zeile = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert zeile[1] == '\'=HYPERLINK("http://böse.example")'


@pytest.mark.parametrize("angemeldet", [False, True])
def test_filtered_list_and_export_query_counts_stay_flat(
    client, sozialplanung_user, abfragen, angemeldet
):
    if angemeldet:
        client.force_login(sozialplanung_user)
    feld = HandlungsfeldFactory(slug="arbeit")
    jahr = PlanungsjahrFactory(jahr=2023)
    urls = [
        reverse("empfehlungen:list") + "?handlungsfeld=arbeit&jahr=2023&sortierung=-status",
        reverse("empfehlungen:export_csv") + "?handlungsfeld=arbeit",
        reverse("empfehlungen:export_xlsx") + "?handlungsfeld=arbeit",
    ]
    HandlungsempfehlungFactory.create_batch(3, handlungsfeld=feld, planungsjahr=jahr)
    drei = [abfragen(u, hoechstens=12) for u in urls]
    HandlungsempfehlungFactory.create_batch(27, handlungsfeld=feld, planungsjahr=jahr)
    dreissig = [abfragen(u, hoechstens=12) for u in urls]
    assert drei == dreissig


def test_detail_query_count_stays_flat_for_staff(client, sozialplanung_user, abfragen):
    from tests.empfehlungen.factories import MassnahmeFactory

    client.force_login(sozialplanung_user)
    empfehlung = HandlungsempfehlungFactory()
    MassnahmeFactory.create_batch(3, handlungsempfehlung=empfehlung)
    drei = abfragen(empfehlung.get_absolute_url(), hoechstens=12)
    MassnahmeFactory.create_batch(27, handlungsempfehlung=empfehlung)
    dreissig = abfragen(empfehlung.get_absolute_url(), hoechstens=12)
    assert drei == dreissig


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="German stemming needs PostgreSQL's full-text search; SQLite searches substrings.",
)
def test_postgres_search_uses_german_stemming(client, bestand):
    # "Sprachförderungen" is not a substring of "Sprachförderung", but the same stem.
    assert _titel(client, q="Sprachförderungen") == [bestand["kita"].titel]


def test_guests_get_cached_pages_that_change_with_the_data(
    client, django_assert_num_queries, sozialplanung_user
):
    from tests.empfehlungen.factories import BeratungFactory, MassnahmeFactory, VorlageFactory

    erste = HandlungsempfehlungFactory(titel="Erste Empfehlung")
    massnahme = MassnahmeFactory(handlungsempfehlung=erste, massnahme="Räume suchen")
    liste = reverse("empfehlungen:list")
    assert "Erste Empfehlung" in client.get(liste).content.decode()
    client.get(erste.get_absolute_url())
    # Served again from the cache: only the query for the Datenstand.
    with django_assert_num_queries(1):
        client.get(liste)
    with django_assert_num_queries(1):
        client.get(erste.get_absolute_url())

    HandlungsempfehlungFactory(titel="Zweite Empfehlung")
    assert "Zweite Empfehlung" in client.get(liste).content.decode()
    # Bulk updates count, as the Steuerungsgruppe's and the Kreistag's results use them.
    Handlungsempfehlung.objects.filter(pk=erste.pk).update(kreistag_status=K.BESCHLOSSEN)
    assert "beraten und beschlossen" in client.get(liste).content.decode()
    type(massnahme).objects.filter(pk=massnahme.pk).update(status="umgesetzt")
    assert "umgesetzt" in client.get(erste.get_absolute_url()).content.decode()
    # A Vorberatung's result leaves the status as it is, and still shows at once.
    vorlage = VorlageFactory(reference="DrS 2024/001")
    vorlage.handlungsempfehlungen.add(erste)
    beratung = BeratungFactory(vorlage=vorlage, gremium="Sozialausschuss", ergebnis="")
    assert "Sozialausschuss" in client.get(erste.get_absolute_url()).content.decode()
    beratung.ergebnis = "einstimmig empfohlen"
    beratung.save()
    assert "einstimmig empfohlen" in client.get(erste.get_absolute_url()).content.decode()

    # Logged-in users never get the guests' page.
    client.force_login(sozialplanung_user)
    assert "Abmelden" in client.get(liste).content.decode()


def test_xlsx_export_drops_control_characters_pasted_from_word(client):
    HandlungsempfehlungFactory(titel="Kita\x0bplätze ausbauen")
    antwort = client.get(reverse("empfehlungen:export_xlsx"))
    assert antwort.status_code == 200
    blatt = load_workbook(io.BytesIO(antwort.content)).active
    assert blatt["B2"].value == "Kitaplätze ausbauen"
