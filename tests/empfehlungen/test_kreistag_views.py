"""Kreistag pages: timeline on the detail, /umsetzung/, sync button, CSV, Maßnahmen, PDF."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from empfehlungen.models import Beratung, Handlungsempfehlung, Massnahme
from empfehlungen.oparl import DEMO_ORDNER
from empfehlungen.services_kreistag import kreistag_status_update, massnahme_status_update
from tests.empfehlungen.factories import (
    BeratungFactory,
    HandlungsempfehlungFactory,
    MassnahmeFactory,
    VorlageFactory,
)
from tests.handlungsfelder.factories import HandlungsfeldFactory

pytestmark = pytest.mark.django_db
S = Handlungsempfehlung.KreistagStatus
D = datetime.date


def _beschlossen(**kwargs):
    empfehlung = HandlungsempfehlungFactory(**kwargs)
    vorlage = VorlageFactory()
    vorlage.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(
        vorlage=vorlage, authoritative=True, ergebnis="beschlossen", gremium="Kreistag"
    )
    kreistag_status_update(empfehlung=empfehlung)
    return empfehlung


# --- The timeline on the detail page ------------------------------------------------------


def test_detail_shows_the_beratungsverlauf_as_an_ordered_timeline(client):
    empfehlung = HandlungsempfehlungFactory()
    vorlage = VorlageFactory(reference="DrS 2023/117", web_url="https://ris.example.org/117")
    vorlage.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(
        vorlage=vorlage,
        gremium="Sozialausschuss",
        sitzungsdatum=D(2023, 9, 14),
        ergebnis="empfohlen",
    )
    BeratungFactory(
        vorlage=vorlage,
        gremium="Kreistag",
        sitzungsdatum=D(2023, 10, 11),
        rolle="Entscheidung",
        authoritative=True,
        ergebnis="geändert beschlossen",
        beschlusstext="Der Kreistag beschließt …",
    )
    kreistag_status_update(empfehlung=empfehlung)

    html = client.get(empfehlung.get_absolute_url()).content.decode()

    assert '<h2 id="beratungsverlauf-titel">Beratung im Kreistag</h2>' in html
    assert '<ol class="beratungsverlauf"' in html
    assert html.index("Sozialausschuss") < html.index("<strong>Kreistag</strong>")
    assert '<time datetime="2023-09-14">14.09.2023</time>' in html
    assert "Entscheidung (entscheidende Beratung)" in html
    assert "geändert beschlossen" in html
    assert "Der Kreistag beschließt …" in html
    assert "Aktueller Status: <strong>beraten und beschlossen</strong> (seit 11.10.2023)" in html
    assert "ab 11.10.2023: beraten und beschlossen" in html
    assert 'href="https://ris.example.org/117"' in html


def test_detail_without_vorlage_says_so(client):
    empfehlung = HandlungsempfehlungFactory()
    html = client.get(empfehlung.get_absolute_url()).content.decode()
    assert "noch mit keiner Vorlage in den Kreistag eingebracht" in html


def test_detail_shows_how_far_the_massnahmen_have_got(client):
    empfehlung = _beschlossen()
    erste, zweite, _dritte = MassnahmeFactory.create_batch(
        3, handlungsempfehlung=empfehlung, budget="1000.00"
    )
    massnahme_status_update(
        massnahme=erste, status="umgesetzt", datum=D(2024, 5, 1), budget_ausgegeben="900.00"
    )
    massnahme_status_update(
        massnahme=zweite, status="in_umsetzung", datum=D(2024, 6, 1), budget_ausgegeben="250.00"
    )

    html = client.get(empfehlung.get_absolute_url()).content.decode()

    assert "1 von 3 Maßnahmen umgesetzt" in html
    assert 'value="33"' in html
    assert "geplant: 1" in html and "in Umsetzung: 1" in html and "umgesetzt: 1" in html
    assert "Budget geplant: 3.000,00\u00a0€; ausgegeben: 1.150,00\u00a0€" in html
    # Staff links only for staff.
    assert "Umsetzungsstand von" not in html


def _detail_mit(n: int) -> Handlungsempfehlung:
    empfehlung = _beschlossen()
    for _ in range(n):
        vorlage = VorlageFactory()
        vorlage.handlungsempfehlungen.add(empfehlung)
        BeratungFactory(vorlage=vorlage)
        massnahme = MassnahmeFactory(handlungsempfehlung=empfehlung)
        massnahme_status_update(massnahme=massnahme, status="in_umsetzung", datum=D(2024, 1, 1))
    return empfehlung


def test_detail_query_count_is_flat_for_3_and_30_beratungen(abfragen):
    wenige = abfragen(_detail_mit(3).get_absolute_url())
    viele = abfragen(_detail_mit(30).get_absolute_url())
    assert wenige == viele


# --- /umsetzung/ ------------------------------------------------------------------------------


def test_umsetzung_lists_only_decided_recommendations(client):
    _beschlossen(titel="Beschlossene Empfehlung")
    HandlungsempfehlungFactory(titel="Noch nicht beraten")
    html = client.get(reverse("umsetzung")).content.decode()
    assert "Beschlossene Empfehlung" in html
    assert "Noch nicht beraten" not in html
    assert "1 beschlossene Handlungsempfehlung" in html


def test_umsetzung_filters_by_handlungsfeld_year_and_status(client):
    bildung = HandlungsfeldFactory(name="Bildung", slug="bildung")
    wohnen = HandlungsfeldFactory(name="Wohnen", slug="wohnen")
    a = _beschlossen(titel="A Bildung 2023", handlungsfeld=bildung)
    b = _beschlossen(titel="B Wohnen 2023", handlungsfeld=wohnen, planungsjahr=a.planungsjahr)
    MassnahmeFactory(handlungsempfehlung=a, status=Massnahme.Status.UMGESETZT)
    MassnahmeFactory(handlungsempfehlung=b, status=Massnahme.Status.IN_UMSETZUNG)
    MassnahmeFactory(handlungsempfehlung=b, status=Massnahme.Status.IN_UMSETZUNG)

    def titel(**params):
        response = client.get(reverse("umsetzung"), params)
        return [e.titel for e in response.context["empfehlungen"]]

    assert titel() == ["A Bildung 2023", "B Wohnen 2023"]
    assert titel(handlungsfeld=bildung.pk) == ["A Bildung 2023"]
    assert titel(jahr=2023) == ["A Bildung 2023", "B Wohnen 2023"]
    assert titel(jahr=2019) == []
    assert titel(status="in_umsetzung") == ["B Wohnen 2023"]  # once, not per Maßnahme
    assert titel(status="umgesetzt", handlungsfeld=wohnen.pk) == []
    html = client.get(reverse("umsetzung"), {"status": "in_umsetzung"}).content.decode()
    assert "in Umsetzung: 2" in html and "0 von 2 umgesetzt" in html


def test_umsetzung_rejects_an_unknown_status_with_a_message(client):
    response = client.get(reverse("umsetzung"), {"status": "fertig"})
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()


def test_umsetzung_query_count_is_flat_for_3_and_30_rows(abfragen):
    for _ in range(3):
        MassnahmeFactory(handlungsempfehlung=_beschlossen())
    wenige = abfragen(reverse("umsetzung"))
    for _ in range(27):
        MassnahmeFactory(handlungsempfehlung=_beschlossen())
    assert abfragen(reverse("umsetzung")) == wenige


# --- Staff: the sync button ------------------------------------------------------------------


def test_sync_button_runs_the_sync_and_shows_the_report(client, sozialplanung_user, demo_data):
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:oparl_sync")
    html = client.post(url, {"quelle": str(DEMO_ORDNER)}).content.decode()
    assert "Ergebnis des Abgleichs" in html
    assert "Beratungen neu: 0, geändert: 0, unverändert: 14, gelöscht: 0" in html


def test_sync_button_reports_an_unreachable_url(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    html = client.post(
        reverse("empfehlungen:oparl_sync"), {"quelle": "http://127.0.0.1:9/oparl"}
    ).content.decode()
    assert "ist nicht erreichbar" in html


def test_sync_button_refuses_server_folders(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    html = client.post(reverse("empfehlungen:oparl_sync"), {"quelle": "/etc"}).content.decode()
    assert "mit http:// oder https:// beginnt" in html


def test_sync_page_query_count_is_flat_for_3_and_30_vorlagen(client, sozialplanung_user, abfragen):
    client.force_login(sozialplanung_user)
    VorlageFactory.create_batch(3)
    wenige = abfragen(reverse("empfehlungen:oparl_sync"))
    VorlageFactory.create_batch(27)
    assert abfragen(reverse("empfehlungen:oparl_sync")) == wenige


# --- Staff: the CSV bulk update ----------------------------------------------------------------


def _csv(text: str, name="beratungen.csv"):
    datei = io.BytesIO(text.encode("utf-8"))
    datei.name = name
    return datei


CSV_GUT = (
    "Drucksache;Gremium;Datum;Rolle;Ergebnis\n"
    "DrS 2023/117;Sozialausschuss;14.09.2023;Vorberatung;empfohlen\n"
    "DrS 2023/117;Kreistag;11.10.2023;Entscheidung;geändert beschlossen\n"
)


@pytest.fixture
def vorlage_117():
    empfehlung = HandlungsempfehlungFactory()
    vorlage = VorlageFactory(reference="DrS 2023/117")
    vorlage.handlungsempfehlungen.add(empfehlung)
    return vorlage


def test_csv_preview_then_confirm(client, sozialplanung_user, vorlage_117):
    client.force_login(sozialplanung_user)
    response = client.post(reverse("empfehlungen:beratungen_import"), {"datei": _csv(CSV_GUT)})
    assert response.status_code == 302
    html = client.get(reverse("empfehlungen:beratungen_import_vorschau")).content.decode()
    assert "Noch ist nichts gespeichert. 2 neu, 0 geändert, 0 unverändert." in html
    assert Beratung.objects.count() == 0

    client.post(reverse("empfehlungen:beratungen_import_vorschau"))

    beratungen = list(Beratung.objects.order_by("sitzungsdatum"))
    assert [(b.gremium, b.authoritative, b.ergebnis) for b in beratungen] == [
        ("Sozialausschuss", False, "empfohlen"),
        ("Kreistag", True, "geändert beschlossen"),
    ]
    empfehlung = vorlage_117.handlungsempfehlungen.get()
    assert empfehlung.kreistag_status == S.BESCHLOSSEN
    # The same file again changes nothing.
    client.post(reverse("empfehlungen:beratungen_import"), {"datei": _csv(CSV_GUT)})
    html = client.get(reverse("empfehlungen:beratungen_import_vorschau")).content.decode()
    assert "0 neu, 0 geändert, 2 unverändert" in html


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        ("", "Datei ist leer."),
        (
            "Drucksache;Gremium;Datum\nDrS 2023/117;A;01.01.2023\n",
            "Zeile 1: Es fehlen die Spalten Rolle, Ergebnis",
        ),
        (
            CSV_GUT + "DrS 2099/1;Kreistag;11.10.2023;Entscheidung;beschlossen\n",
            "Zeile 4: Die Drucksache „DrS 2099/1“ gibt es im Portal nicht.",
        ),
        (
            CSV_GUT + "DrS 2023/117;Kreistag;nächste Woche;Entscheidung;beschlossen\n",
            "Zeile 4: „nächste Woche“ ist kein Datum wie 12.05.2023.",
        ),
        (
            CSV_GUT + "DrS 2023/117;;11.10.2023;Entscheidung;beschlossen\n",
            "Zeile 4: Das Gremium fehlt.",
        ),
        (CSV_GUT + "DrS 2023/117;Kreistag\n", "Zeile 4: 2 statt 5 Spalten."),
    ],
)
def test_broken_csv_names_the_line_and_writes_nothing(
    client, sozialplanung_user, vorlage_117, inhalt, meldung
):
    client.force_login(sozialplanung_user)
    response = client.post(reverse("empfehlungen:beratungen_import"), {"datei": _csv(inhalt)})
    assert response.status_code == 200
    assert meldung in response.content.decode()
    assert Beratung.objects.count() == 0


def test_csv_in_windows_1252_with_comma_is_read(client, sozialplanung_user, vorlage_117):
    client.force_login(sozialplanung_user)
    datei = io.BytesIO(CSV_GUT.replace(";", ",").encode("cp1252"))
    datei.name = "x.csv"
    client.post(reverse("empfehlungen:beratungen_import"), {"datei": datei})
    client.post(reverse("empfehlungen:beratungen_import_vorschau"))
    assert Beratung.objects.filter(ergebnis="geändert beschlossen").exists()


def test_preview_without_upload_redirects(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    response = client.get(reverse("empfehlungen:beratungen_import_vorschau"))
    assert response.url == reverse("empfehlungen:beratungen_import")


# --- Staff: a Maßnahme's implementation ---------------------------------------------------------


def test_staff_record_a_step_and_the_history_is_kept(client, sozialplanung_user):
    massnahme = MassnahmeFactory(handlungsempfehlung=_beschlossen())
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:massnahme_status", args=[massnahme.pk])
    client.post(
        url,
        {
            "status": "in_umsetzung",
            "datum": "2024-02-01",
            "budget_ausgegeben": "100",
            "notiz": "Start",
        },
    )
    client.post(url, {"status": "umgesetzt", "datum": "2024-09-30", "budget_ausgegeben": "1200"})
    massnahme.refresh_from_db()
    assert massnahme.status == Massnahme.Status.UMGESETZT
    html = client.get(url).content.decode()
    assert html.index("30.09.2024: umgesetzt") < html.index("01.02.2024: in Umsetzung")
    assert "Start" in html


def test_a_late_step_for_an_earlier_date_keeps_the_newer_status(sozialplanung_user):
    massnahme = MassnahmeFactory()
    massnahme_status_update(massnahme=massnahme, status="umgesetzt", datum=D(2024, 9, 1))
    massnahme_status_update(massnahme=massnahme, status="in_umsetzung", datum=D(2024, 3, 1))
    massnahme.refresh_from_db()
    assert massnahme.status == Massnahme.Status.UMGESETZT


def test_eingestellt_is_a_status(client, sozialplanung_user):
    massnahme = MassnahmeFactory()
    client.force_login(sozialplanung_user)
    client.post(
        reverse("empfehlungen:massnahme_status", args=[massnahme.pk]),
        {"status": "eingestellt", "datum": "2024-02-01"},
    )
    massnahme.refresh_from_db()
    assert massnahme.get_status_display() == "eingestellt"


# --- Staff: the draft of a Vorlage ------------------------------------------------------------


@pytest.mark.parametrize(
    ("art", "titel"),
    [("beschlussvorlage", "Beschlussvorlage"), ("mitteilungsvorlage", "Mitteilungsvorlage")],
)
def test_draft_pdf_carries_a_beschlussformulierung(client, sozialplanung_user, art, titel):
    empfehlung = HandlungsempfehlungFactory(
        titel="Ämterlotsinnen/Ämterlotsen", steuerungsrelevanz="relevant"
    )
    MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Lotsen ausbilden")
    client.force_login(sozialplanung_user)
    response = client.get(
        reverse("empfehlungen:vorlage_entwurf", args=[empfehlung.pk]), {"art": art}
    )
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert titel in text and "Beschlussformulierung" in text
    assert "„Ämterlotsinnen/Ämterlotsen“" in text and "Lotsen ausbilden" in text


def test_no_draft_for_a_recommendation_not_steuerungsrelevant(client, sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory(steuerungsrelevanz="weniger")
    client.force_login(sozialplanung_user)
    response = client.get(reverse("empfehlungen:vorlage_entwurf", args=[empfehlung.pk]))
    assert response.status_code == 404
