"""The feedback form of the Erklärung zur Barrierefreiheit and the staff's list of reports."""

import re
from html import unescape

import pytest
from django.urls import reverse

from sozialplanung.models import BarrierefreiheitRueckmeldung

pytestmark = pytest.mark.django_db

URL = "/barrierefreiheit/"
LISTE = "/barrierefreiheit/rueckmeldungen/"


def _senden(client, **daten):
    return client.post(URL, {"nachricht": "", "seite": "", "name": "", "email": ""} | daten)


def test_feedback_is_stored_with_a_thank_you_and_staff_see_it(client, sozialplanung_user):
    antwort = _senden(
        client,
        nachricht="Das Diagramm auf der Seite Bildung liest mein Screenreader nicht vor.",
        seite="/handlungsfelder/bildung/",
        email="erika@example.de",
    )

    assert antwort.status_code == 302
    assert antwort["Location"] == "/barrierefreiheit/#rueckmeldung"
    gespeichert = BarrierefreiheitRueckmeldung.objects.get()
    assert gespeichert.seite == "/handlungsfelder/bildung/"
    assert gespeichert.email == "erika@example.de"
    assert gespeichert.name == ""
    assert not gespeichert.erledigt
    assert "Ihre Rückmeldung ist bei uns eingegangen" in client.get(URL).content.decode()

    client.force_login(sozialplanung_user)
    html = client.get(LISTE).content.decode()
    assert "1 Rückmeldung ist offen." in html
    assert "liest mein Screenreader nicht vor" in html
    assert 'href="mailto:erika@example.de"' in html
    assert f"Rückmeldung vom {gespeichert.created.astimezone():%d.%m.%Y}" in html


def test_feedback_without_message_is_refused_at_the_field_and_nothing_is_stored(client):
    antwort = _senden(client, name="Erika", email="kein-at-zeichen")

    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Ihre Rückmeldung wurde noch nicht gesendet" in html
    assert "Bitte beschreiben Sie die Barriere im Feld „Ihre Nachricht“." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in html
    # What was typed is kept, so nobody has to type it again.
    assert 'value="Erika"' in html
    assert 'aria-invalid="true"' in html
    assert BarrierefreiheitRueckmeldung.objects.count() == 0


def test_feedback_longer_than_5000_characters_is_refused_with_the_limit(client):
    antwort = _senden(client, nachricht="x" * 5001, seite="s" * 301)

    html = antwort.content.decode()
    assert "höchstens 5000 Zeichen, Sie haben 5001 eingegeben" in html
    assert "Die Angabe zur Seite ist zu lang: höchstens 300 Zeichen." in html
    assert BarrierefreiheitRueckmeldung.objects.count() == 0


def test_filled_honeypot_stores_nothing(client):
    antwort = _senden(client, nachricht="Billige Uhren", homepage="http://spam.example")

    assert antwort.status_code == 200
    assert "Ihre Rückmeldung konnte nicht gespeichert werden." in antwort.content.decode()
    assert BarrierefreiheitRueckmeldung.objects.count() == 0


def test_every_page_links_to_the_form_naming_itself(client):
    seite = client.get("/empfehlungen/").content.decode()
    link = re.search(r'href="([^"]*)"[^>]*>Barriere auf dieser Seite melden<', seite)
    assert link, "Link im Fuß der Seite fehlt"
    html = client.get(unescape(link.group(1))).content.decode()
    assert 'name="seite" value="/empfehlungen/"' in html


def test_staff_mark_a_report_done_and_open_it_again(client, sozialplanung_user):
    rueckmeldung = BarrierefreiheitRueckmeldung.objects.create(nachricht="Kontrast zu schwach")
    client.force_login(sozialplanung_user)
    url = reverse("barrierefreiheit_rueckmeldung_erledigt", kwargs={"pk": rueckmeldung.pk})

    antwort = client.post(url, {"erledigt": "1"}, follow=True)
    rueckmeldung.refresh_from_db()
    assert rueckmeldung.erledigt
    assert rueckmeldung.erledigt_am is not None
    html = antwort.content.decode()
    assert "Die Rückmeldung ist als erledigt markiert." in html
    assert "0 Rückmeldungen sind offen." in html
    assert "Wieder öffnen" in html

    client.post(url, {"erledigt": "0"})
    rueckmeldung.refresh_from_db()
    assert not rueckmeldung.erledigt
    assert rueckmeldung.erledigt_am is None


def test_open_reports_come_before_done_ones(client, sozialplanung_user):
    BarrierefreiheitRueckmeldung.objects.create(nachricht="Alt und offen")
    BarrierefreiheitRueckmeldung.objects.create(nachricht="Erledigt", erledigt=True)
    BarrierefreiheitRueckmeldung.objects.create(nachricht="Neu und offen")
    client.force_login(sozialplanung_user)

    html = client.get(LISTE).content.decode()
    assert html.index("Neu und offen") < html.index("Alt und offen") < html.index("Erledigt<")


def test_members_may_neither_read_nor_close_reports(client, steuerungsgruppe_user):
    rueckmeldung = BarrierefreiheitRueckmeldung.objects.create(nachricht="Vertraulich")
    client.force_login(steuerungsgruppe_user)
    url = reverse("barrierefreiheit_rueckmeldung_erledigt", kwargs={"pk": rueckmeldung.pk})

    assert client.get(LISTE).status_code == 403
    assert client.post(url, {"erledigt": "1"}).status_code == 403
    rueckmeldung.refresh_from_db()
    assert not rueckmeldung.erledigt


def test_staff_list_queries_do_not_grow_with_rows(client, sozialplanung_user, abfragen):
    client.force_login(sozialplanung_user)
    zaehlung = []
    for anzahl in (3, 27):
        BarrierefreiheitRueckmeldung.objects.bulk_create(
            BarrierefreiheitRueckmeldung(nachricht=f"Meldung {nr}") for nr in range(anzahl)
        )
        zaehlung.append(abfragen(LISTE, hoechstens=8))
    assert zaehlung[0] == zaehlung[1]
