"""Pages of the Wirkungsorientierung: /wirkung/, the Wirkungslogik, the staff's goal pages."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from empfehlungen.models import Dialognotiz, Handlungsempfehlung, Wirkungsmessung, Wirkungsziel
from empfehlungen.selectors_wirkung import wirkungsziele_fuer
from empfehlungen.services_kreistag import kreistag_status_update
from tests.empfehlungen.factories import (
    BeratungFactory,
    DialognotizFactory,
    HandlungsempfehlungFactory,
    MassnahmeFactory,
    VorlageFactory,
    WirkungsmessungFactory,
    WirkungszielFactory,
)
from tests.handlungsfelder.factories import (
    GebietFactory,
    HandlungsfeldFactory,
    IndikatorFactory,
    MesswertFactory,
)
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db
D = datetime.date
REGEL = "Auf Kurs: Am Tag des neuesten Werts ist der Fortschritt zum Ziel mindestens so groß"


def _beschlossen(**kwargs) -> Handlungsempfehlung:
    empfehlung = HandlungsempfehlungFactory(**kwargs)
    vorlage = VorlageFactory()
    vorlage.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(
        vorlage=vorlage, authoritative=True, ergebnis="beschlossen", gremium="Kreistag"
    )
    kreistag_status_update(empfehlung=empfehlung)
    empfehlung.refresh_from_db()
    return empfehlung


def _ziel(empfehlung, text, wert, **kwargs) -> Wirkungsziel:
    """A goal 40 → 60 from 2022 to 2026 with one value on 1.1.2024 (half the time)."""
    ziel = WirkungszielFactory(handlungsempfehlung=empfehlung, text=text, **kwargs)
    if wert is not None:
        WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2024, 1, 1), wert=Decimal(wert))
    return ziel


def _text(seite: str) -> str:
    """What a reader sees: tags dropped, entities and no-break spaces as plain spaces."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", seite)).replace("\xa0", " "))


# --- /wirkung/ ------------------------------------------------------------------------------


@pytest.fixture
def bestand():
    bildung = HandlungsfeldFactory(name="Bildung", slug="bildung", reihenfolge=1)
    wohnen = HandlungsfeldFactory(name="Wohnen", slug="wohnen", reihenfolge=2)
    j2023, j2024 = PlanungsjahrFactory(jahr=2023), PlanungsjahrFactory(jahr=2024)
    kita = _beschlossen(titel="Kitas 2023", handlungsfeld=bildung, planungsjahr=j2023)
    schule = _beschlossen(titel="Schulen 2024", handlungsfeld=bildung, planungsjahr=j2024)
    wohnung = _beschlossen(titel="Wohnungen 2024", handlungsfeld=wohnen, planungsjahr=j2024)
    _ziel(kita, "Kita-Ziel grün", "52")  # 60 % at 50 % of the time
    _ziel(kita, "Kita-Ziel gelb", "46")  # 30 %
    _ziel(schule, "Schul-Ziel rot", "44")  # 20 %
    _ziel(wohnung, "Wohn-Ziel offen", None)
    _ziel(wohnung, "Wohn-Ziel grün", "50")  # 50 %, exactly on the time share
    HandlungsempfehlungFactory(
        titel="Nicht beschlossen", handlungsfeld=bildung, planungsjahr=j2023
    )
    _ziel(Handlungsempfehlung.objects.get(titel="Nicht beschlossen"), "Vorschlag-Ziel", "60")
    entwurf = _beschlossen(
        titel="Beschlossener Entwurf", status=Handlungsempfehlung.Status.ENTWURF
    )
    _ziel(entwurf, "Entwurf-Ziel", "60")
    _beschlossen(titel="Ohne Ziele", handlungsfeld=wohnen, planungsjahr=j2023)
    return {"bildung": bildung, "wohnen": wohnen}


def _liste(client, **params):
    # The context exists only when the page is built, not when it comes from the cache.
    cache.clear()
    return client.get(reverse("wirkung"), params)


def _ziele(client, **params) -> list[str]:
    antwort = _liste(client, **params)
    assert antwort.status_code == 200
    return [z.ziel.text for e in antwort.context["eintraege"] for z in e["ziele"]]


def _empfehlungen(client, **params) -> list[str]:
    antwort = _liste(client, **params)
    return [e["empfehlung"].titel for e in antwort.context["eintraege"]]


def test_wirkung_lists_decided_published_recommendations_by_handlungsfeld(client, bestand):
    html = client.get(reverse("wirkung")).content.decode()
    assert _empfehlungen(client) == ["Schulen 2024", "Kitas 2023", "Wohnungen 2024", "Ohne Ziele"]
    assert "Nicht beschlossen" not in html and "Entwurf-Ziel" not in html
    assert html.index('<h2 id="feld-bildung">Bildung</h2>') < html.index(
        '<h2 id="feld-wohnen">Wohnen</h2>'
    )
    assert "Für diese Empfehlung sind noch keine Wirkungsziele vereinbart." in html


def test_wirkung_shows_baseline_target_latest_value_progress_and_light(client, bestand):
    text = _text(client.get(reverse("wirkung")).content.decode())
    # Kita-Ziel grün: 40 on 01.01.2022 → 60 by 01.01.2026; 52 on 01.01.2024.
    assert (
        "Kita-Ziel grün Zielgruppe: Familien 4 · Outcome Zielgruppen verändern Bewusstsein bzw. "
        "Fähigkeiten Anteil erreichter Familien (Prozent) Werte erhebt die Sozialplanung · "
        "steigend ist besser 40 01.01.2022 60 bis 01.01.2026 52 01.01.2024 60 % bei 50 % der "
        "Zeit ✔ auf Kurs"
    ) in text
    assert "Schul-Ziel rot" in text and "✖ nicht auf Kurs" in text
    assert "Wohn-Ziel offen" in text and "○ noch nicht bewertbar" in text
    assert "5 Wirkungsziele in dieser Auswahl" in text
    assert REGEL in text
    assert "noch keinen Wert nach dem Ausgangswert hat" in text  # the rule in full


def test_each_entry_links_to_its_detail_page(client, bestand):
    html = client.get(reverse("wirkung")).content.decode()
    kita = Handlungsempfehlung.objects.get(titel="Kitas 2023")
    ziel = kita.wirkungsziele.get(text="Kita-Ziel grün")
    assert f'href="{kita.get_absolute_url()}#wirkungslogik-titel">Kitas 2023</a>' in html
    assert f'href="{kita.get_absolute_url()}#wirkungsziel-{ziel.pk}">Kita-Ziel grün</a>' in html


@pytest.mark.parametrize(
    ("params", "erwartet"),
    [
        (
            {},
            [
                "Schul-Ziel rot",
                "Kita-Ziel grün",
                "Kita-Ziel gelb",
                "Wohn-Ziel offen",
                "Wohn-Ziel grün",
            ],
        ),
        ({"ampel": "auf_kurs"}, ["Kita-Ziel grün", "Wohn-Ziel grün"]),
        ({"ampel": "gefaehrdet"}, ["Kita-Ziel gelb"]),
        ({"ampel": "nicht_auf_kurs"}, ["Schul-Ziel rot"]),
        ({"ampel": "offen"}, ["Wohn-Ziel offen"]),
        ({"handlungsfeld": "wohnen"}, ["Wohn-Ziel offen", "Wohn-Ziel grün"]),
        ({"jahr": 2023}, ["Kita-Ziel grün", "Kita-Ziel gelb"]),
        ({"jahr": 2024, "handlungsfeld": "bildung"}, ["Schul-Ziel rot"]),
        ({"jahr": 2024, "ampel": "auf_kurs"}, ["Wohn-Ziel grün"]),
        ({"jahr": 2023, "handlungsfeld": "wohnen", "ampel": "auf_kurs"}, []),
    ],
)
def test_wirkung_filters_by_light_handlungsfeld_and_year(client, bestand, params, erwartet):
    assert _ziele(client, **params) == erwartet


def test_the_light_filter_hides_recommendations_without_such_goals(client, bestand):
    assert _empfehlungen(client, ampel="nicht_auf_kurs") == ["Schulen 2024"]
    html = client.get(reverse("wirkung"), {"ampel": "nicht_auf_kurs"}).content.decode()
    assert "Ohne Ziele" not in html
    assert "1 Wirkungsziel in dieser Auswahl" in _text(html)


def test_the_counts_per_light_link_to_the_filter_and_keep_the_others(client, bestand):
    html = client.get(reverse("wirkung"), {"handlungsfeld": "bildung"}).content.decode()
    text = _text(html)
    assert "3 Wirkungsziele in dieser Auswahl" in text
    assert (
        "✔ auf Kurs : 1" in text and "▲ gefährdet : 1" in text and "✖ nicht auf Kurs : 1" in text
    )
    assert 'href="?handlungsfeld=bildung&amp;ampel=gefaehrdet"' in html


def test_unknown_filter_values_give_a_message_not_an_error(client, bestand):
    antwort = client.get(reverse("wirkung"), {"ampel": "grün", "handlungsfeld": "gibts-nicht"})
    assert antwort.status_code == 200
    assert antwort.content.decode().count("Bitte eine gültige Auswahl treffen") == 2


def test_wirkung_query_count_is_flat_for_3_and_30_recommendations(abfragen):
    kreis = GebietFactory(schluessel="01056")
    feld = HandlungsfeldFactory()

    def hinzu(n):
        for _ in range(n):
            empfehlung = _beschlossen(handlungsfeld=feld)
            indikator = IndikatorFactory()
            MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2024, wert=50)
            _ziel(empfehlung, "Mit Indikator", None, indikator=indikator, eigener_indikator="")
            _ziel(empfehlung, "Eigener Indikator", "50")

    hinzu(3)
    wenige = abfragen(reverse("wirkung"), hoechstens=12)
    hinzu(27)
    assert abfragen(reverse("wirkung"), hoechstens=12) == wenige


def test_guests_get_wirkung_from_the_cache_until_a_value_changes(
    client, django_assert_num_queries
):
    ziel = _ziel(_beschlossen(), "Gecachtes Ziel", "52")
    assert "✔ auf Kurs" in _text(client.get(reverse("wirkung")).content.decode())
    with django_assert_num_queries(1):
        client.get(reverse("wirkung"))
    Wirkungsmessung.objects.filter(wirkungsziel=ziel).update(wert=Decimal("41"))
    assert "✖ nicht auf Kurs" in _text(client.get(reverse("wirkung")).content.decode())
    WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2024, 6, 1), wert=Decimal("60"))
    assert "✔ auf Kurs" in _text(client.get(reverse("wirkung")).content.decode())


# --- The detail page's Wirkungslogik --------------------------------------------------------


def test_detail_shows_the_wirkungslogik_from_input_to_impact(client):
    empfehlung = _beschlossen(titel="Frühe Hilfen", mitteleinsatz_jaehrlich=Decimal("45000"))
    MassnahmeFactory(handlungsempfehlung=empfehlung, budget="12500.00")
    _ziel(empfehlung, "Familien werden erreicht", "52", stufe=2)
    _ziel(empfehlung, "Kinder wachsen gesünder auf", None, stufe=7, zielwert=None)
    html = client.get(empfehlung.get_absolute_url()).content.decode()
    text = _text(html)

    assert '<h2 id="wirkungslogik-titel">Wirkungslogik</h2>' in html
    for ebene in ("Input", "Output", "Outcome", "Impact"):
        assert f'<h3 class="ebene-titel">{ebene}</h3>' in html
    assert "Mitteleinsatz (jährlich) 45.000,00 € 1 Maßnahme, Budget 12.500,00 €" in text
    # The goals sit on their level of the Wirkungstreppe.
    stufe2 = html[html.index('class="stufe stufe-2') : html.index('class="stufe stufe-3')]
    assert "Familien werden erreicht" in stufe2 and "✔" in stufe2
    stufe7 = html[html.index('class="stufe stufe-7') :]
    assert "Kinder wachsen gesünder auf" in stufe7.split("Wirkungsziele im Einzelnen")[0]
    assert "Fortschritt 60 % bei 50 % der Zeit" in text
    assert "Noch nicht messbar, es fehlen: Zielwert" in text
    assert REGEL in text


def test_detail_says_when_a_target_date_passed_without_a_final_value(client):
    empfehlung = _beschlossen()
    _ziel(empfehlung, "Abgelaufen", "52", zieldatum=D(2024, 6, 30))
    text = _text(client.get(empfehlung.get_absolute_url()).content.decode())
    assert (
        "Das Zieldatum 30.06.2024 ist verstrichen; ein Wert von diesem Tag oder später liegt "
        "noch nicht vor. Die Ampel zeigt den Stand des letzten Werts."
    ) in text


def test_detail_draws_one_chart_per_messbar_goal_with_its_table(client):
    empfehlung = _beschlossen()
    ziel = _ziel(empfehlung, "Mit Werten", "52")
    _ziel(empfehlung, "Nicht messbar", None, zieldatum=None)
    html = client.get(empfehlung.get_absolute_url()).content.decode()
    assert html.count('class="diagramm-flaeche"') == 1
    assert f'id="diagramm-{ziel.pk}-daten"' in html
    assert "vendor/plotly/plotly.min.js" in html
    text = _text(html)
    assert "01.01.2022 (Ausgangswert) 40 0 %" in text
    assert "01.01.2024 52 60 %" in text
    assert "01.01.2026 (Ziel) 60 100 %" in text


def test_detail_without_goals_loads_no_chart_script(client):
    html = client.get(HandlungsempfehlungFactory().get_absolute_url()).content.decode()
    assert "noch keine Wirkungsziele vereinbart" in html
    assert "plotly" not in html
    assert "Wirkungsziel hinzufügen" not in html  # staff only


def test_goals_of_a_recommendation_not_yet_decided_are_marked_as_proposed(client):
    empfehlung = HandlungsempfehlungFactory()
    _ziel(empfehlung, "Vorgeschlagenes Ziel", None)
    text = _text(client.get(empfehlung.get_absolute_url()).content.decode())
    assert "Vorgeschlagenes Ziel" in text
    assert "die Wirkungsziele sind vorgeschlagen" in text


def test_goals_of_drafts_stay_hidden_from_the_public(client):
    entwurf = HandlungsempfehlungFactory(status=Handlungsempfehlung.Status.ENTWURF)
    _ziel(entwurf, "Geheimes Ziel", "50")
    assert client.get(f"/empfehlungen/{entwurf.pk}/x/").status_code == 404
    assert "Geheimes Ziel" not in client.get(reverse("wirkung")).content.decode()


def test_detail_query_count_is_flat_for_3_and_30_goals(abfragen, client, sozialplanung_user):
    kreis = GebietFactory(schluessel="01056")
    empfehlung = _beschlossen()

    def hinzu(n):
        for _ in range(n):
            indikator = IndikatorFactory()
            MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2024, wert=50)
            _ziel(empfehlung, "Mit Indikator", None, indikator=indikator, eigener_indikator="")
            _ziel(empfehlung, "Eigener Indikator", "50")

    hinzu(3)
    wenige = abfragen(empfehlung.get_absolute_url(), hoechstens=16)
    hinzu(27)
    assert abfragen(empfehlung.get_absolute_url(), hoechstens=16) == wenige
    client.force_login(sozialplanung_user)
    angemeldet = abfragen(empfehlung.get_absolute_url(), hoechstens=20)
    hinzu(3)
    assert abfragen(empfehlung.get_absolute_url(), hoechstens=20) == angemeldet


# --- Staff pages -------------------------------------------------------------------------


def _formular(ziel=None, **aenderungen) -> dict:
    daten = {
        "text": "Mehr Familien nutzen die Frühen Hilfen.",
        "stufe": "2",
        "zielgruppe": "Familien mit Säuglingen",
        "indikator": "",
        "eigener_indikator": "Familien in den Frühen Hilfen",
        "einheit": "Anzahl",
        "ausgangswert": "1.120",
        "ausgangsdatum": "2023-12-31",
        "zielwert": "1.250,5",
        "zieldatum": "2026-12-31",
        "richtung": "",
        "verantwortlich": "Netzwerk Frühe Hilfen",
    }
    if ziel is not None:
        daten["version"] = str(ziel.version)
    return daten | aenderungen


def test_staff_add_a_goal_typed_the_german_way(client, sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory()
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsziel_create", args=[empfehlung.pk])
    assert "Messbar (SMART)?" in client.get(url).content.decode()

    antwort = client.post(url, _formular(), follow=True)

    ziel = Wirkungsziel.objects.get()
    assert (ziel.ausgangswert, ziel.zielwert) == (Decimal("1120"), Decimal("1250.5"))
    assert antwort.redirect_chain[-1][0] == ziel.get_absolute_url()
    html = antwort.content.decode()
    assert "Das Wirkungsziel wurde gespeichert." in html
    assert "1.250,5" in html


def test_the_form_says_which_smart_parts_are_missing(client, sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory()
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsziel_create", args=[empfehlung.pk])
    antwort = client.post(
        url, _formular(zielwert="", zieldatum="", eigener_indikator=""), follow=True
    )
    text = _text(antwort.content.decode())
    assert "Das Ziel ist noch nicht messbar. Es fehlen: Indikator, Zielwert und Zieldatum." in text

    bearbeiten = client.get(
        reverse("empfehlungen:wirkungsziel_update", args=[Wirkungsziel.objects.get().pk])
    )
    text = _text(bearbeiten.content.decode())
    assert "Indikator: fehlt" in text and "Zielwert: fehlt" in text and "Zieldatum: fehlt" in text
    assert "Ausgangswert: vorhanden" in text


@pytest.mark.parametrize(
    ("feld", "wert", "meldung"),
    [
        ("zielwert", "1,250.5", "Bitte geben Sie eine Zahl ein, zum Beispiel 1.250 oder 59,1"),
        ("zieldatum", "2020-01-01", "Das Zieldatum muss nach dem Datum des Ausgangswerts liegen."),
        ("stufe", "8", "Bitte eine gültige Auswahl treffen"),
        ("richtung", "fallend", "obwohl fallende Werte besser sind"),
    ],
)
def test_bad_input_is_named_at_its_field_and_nothing_is_saved(
    client, sozialplanung_user, feld, wert, meldung
):
    empfehlung = HandlungsempfehlungFactory()
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsziel_create", args=[empfehlung.pk])
    antwort = client.post(url, _formular(**{feld: wert}))
    assert antwort.status_code == 200
    fehler = antwort.context["form"].errors
    assert meldung in " ".join(fehler.get(feld if feld != "richtung" else "zielwert", []))
    assert not Wirkungsziel.objects.exists()


def test_a_late_target_change_asks_for_a_reason_at_the_field_and_logs_it(
    client, sozialplanung_user
):
    ziel = WirkungszielFactory()
    Wirkungsziel.objects.filter(pk=ziel.pk).update(
        created=timezone.now() - datetime.timedelta(days=60)
    )
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsziel_update", args=[ziel.pk])
    assert "Die Korrekturfrist endete am" in client.get(url).content.decode()
    formular = {
        **_formular(ziel),
        "text": ziel.text,
        "eigener_indikator": ziel.eigener_indikator,
        "ausgangswert": "40",
        "ausgangsdatum": "2022-01-01",
        "zielwert": "55",
        "zieldatum": "2026-01-01",
    }

    antwort = client.post(url, formular)
    assert antwort.status_code == 200
    assert (
        "Bitte begründen Sie, warum Sie „Zielwert“ ändern."
        in antwort.context["form"].errors["begruendung"][0]
    )
    ziel.refresh_from_db()
    assert ziel.zielwert == 60

    antwort = client.post(url, formular | {"begruendung": "Mittel gekürzt."}, follow=True)
    ziel.refresh_from_db()
    assert ziel.zielwert == 55
    protokoll = _text(antwort.content.decode()).split("Änderungsprotokoll")[-1]
    assert "Zielwert: 60 → 55" in protokoll
    assert "nach der Korrekturfrist Mittel gekürzt." in protokoll


def test_a_stale_edit_form_is_refused_and_keeps_the_input(client, sozialplanung_user):
    ziel = WirkungszielFactory()
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsziel_update", args=[ziel.pk])
    alt = _formular(ziel, text="Meine Fassung")
    client.post(url, _formular(ziel, text="Erste Fassung"))
    antwort = client.post(url, alt)
    assert (
        "Jemand anderes hat dieses Wirkungsziel inzwischen gespeichert" in antwort.content.decode()
    )
    assert antwort.context["form"]["text"].value() == "Meine Fassung"
    ziel.refresh_from_db()
    assert ziel.text == "Erste Fassung"


def test_staff_enter_values_and_see_errors_at_the_field(client, sozialplanung_user):
    ziel = WirkungszielFactory()
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:wirkungsmessung_create", args=[ziel.pk])
    antwort = client.post(url, {"messung-datum": "2021-06-30", "messung-wert": "45"})
    assert antwort.status_code == 200
    assert (
        "muss nach dem Datum des Ausgangswerts"
        in antwort.context["messung_form"].errors["datum"][0]
    )
    assert not Wirkungsmessung.objects.exists()

    antwort = client.post(
        url,
        {"messung-datum": "2024-01-01", "messung-wert": "52,5", "messung-notiz": "Befragung"},
        follow=True,
    )
    assert Wirkungsmessung.objects.get().wert == Decimal("52.5")
    text = _text(antwort.content.decode())
    assert "Der Messwert wurde gespeichert." in text
    assert "01.01.2024 52,5 Befragung" in text


def test_staff_keep_dialogue_notes_that_the_public_never_sees(client, sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory()
    ziel = WirkungszielFactory(handlungsempfehlung=empfehlung)
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:dialognotiz_create", args=[ziel.pk])
    antwort = client.post(url, {"notiz-datum": "2024-03-01", "notiz-seite": "", "notiz-text": ""})
    assert set(antwort.context["notiz_form"].errors) == {"seite", "text"}

    client.post(
        url,
        {
            "notiz-datum": "2024-03-01",
            "notiz-seite": "traeger",
            "notiz-von": "AWO",
            "notiz-text": "Lange Wartezeiten.",
        },
    )
    assert Dialognotiz.objects.get().erfasst_von == sozialplanung_user
    text = _text(client.get(ziel.get_absolute_url()).content.decode())
    assert "01.03.2024, Träger (AWO)" in text and "Lange Wartezeiten." in text
    client.logout()
    assert "Lange Wartezeiten" not in client.get(empfehlung.get_absolute_url()).content.decode()


def test_goal_page_query_count_is_flat_for_3_and_30_values_and_notes(
    client, sozialplanung_user, abfragen
):
    ziel = WirkungszielFactory(ausgangsdatum=D(2000, 1, 1))
    client.force_login(sozialplanung_user)

    def hinzu(start, n):
        for i in range(start, start + n):
            WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2001 + i // 12, 1 + i % 12, 1))
            DialognotizFactory(wirkungsziel=ziel)

    hinzu(0, 3)
    wenige = abfragen(ziel.get_absolute_url(), hoechstens=20)
    hinzu(3, 27)
    assert abfragen(ziel.get_absolute_url(), hoechstens=20) == wenige


def test_the_datenverwaltung_shows_the_yardstick_read_only(client, admin_user):
    ziel = WirkungszielFactory()
    WirkungsmessungFactory(wirkungsziel=ziel)
    client.force_login(admin_user)
    seite = client.get(reverse("admin:empfehlungen_wirkungsziel_change", args=[ziel.pk]))
    assert seite.status_code == 200
    felder = seite.context["adminform"].form.fields
    assert "zielwert" not in felder and "ausgangswert" not in felder and "text" in felder
    assert 'name="messungen-0-wert"' in seite.content.decode()  # values stay correctable


def test_the_dossier_table_renders_plain_with_light_as_text_and_symbol():
    empfehlung = _beschlossen(titel="Für das Dossier")
    _ziel(empfehlung, "Gelbes Ziel", "46")
    _ziel(empfehlung, "Unvollständiges Ziel", None, zieldatum=None)
    vorlage = Template(
        "{% load wirkung %}{% ziele_von staende empfehlung as ziele %}"
        '{% include "empfehlungen/includes/wirkungsziele_tabelle.html" with ziele=ziele '
        'caption="Wirkungsziele der Empfehlung" only %}'
    )
    seite = vorlage.render(
        Context({"staende": wirkungsziele_fuer([empfehlung]), "empfehlung": empfehlung})
    )
    assert "<script" not in seite and "<a " not in seite
    assert "<caption>Wirkungsziele der Empfehlung</caption>" in seite
    text = _text(seite)
    assert "Gelbes Ziel" in text and "30 % bei 50 % der Zeit ▲ gefährdet" in text
    assert "Noch nicht messbar, es fehlen: Zieldatum" in text and "○ noch nicht bewertbar" in text
