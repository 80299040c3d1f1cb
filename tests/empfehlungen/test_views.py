"""The public list and detail of Handlungsempfehlungen."""

import re

import pytest
from django.urls import reverse

from empfehlungen.models import Handlungsempfehlung
from tests.empfehlungen.factories import HandlungsempfehlungFactory, MassnahmeFactory

pytestmark = pytest.mark.django_db


def test_public_list_hides_drafts(client):
    HandlungsempfehlungFactory(titel="Öffentliche Empfehlung")
    HandlungsempfehlungFactory(titel="Geheimer Entwurf", status=Handlungsempfehlung.Status.ENTWURF)

    html = client.get(reverse("empfehlungen:list")).content.decode()
    assert "Öffentliche Empfehlung" in html
    assert "Geheimer Entwurf" not in html
    assert "1 Handlungsempfehlung" in html


def test_public_list_shows_the_countys_columns(client, demo_data):
    html = client.get(reverse("empfehlungen:list")).content.decode()
    koepfe = re.findall(r'<th scope="col"[^>]*><a class="sortier-link"[^>]*>([^<]+)<', html)
    assert koepfe == [
        "Handlungsfeld",
        "Handlungsempfehlung",
        "Steuerungsrelevanz",
        "Jahr",
        "Status",
    ]
    assert "Methoden der Wirkungsmessung" in html
    assert "beraten und beschlossen" in html
    assert "17 Handlungsempfehlungen" in html


def test_draft_detail_answers_404_to_the_public(client):
    entwurf = HandlungsempfehlungFactory(status=Handlungsempfehlung.Status.ENTWURF)
    response = client.get(entwurf.get_absolute_url())
    assert response.status_code == 404
    assert entwurf.titel not in response.content.decode()
    assert client.get(reverse("empfehlungen:detail_kurz", args=[entwurf.pk])).status_code == 404


def test_short_url_and_wrong_slug_redirect_to_the_canonical_detail(client):
    empfehlung = HandlungsempfehlungFactory(titel="Ämterlotsinnen/Ämterlotsen")
    kurz = client.get(reverse("empfehlungen:detail_kurz", args=[empfehlung.pk]))
    assert kurz.status_code == 302
    assert kurz["Location"] == empfehlung.get_absolute_url()
    falsch = client.get(reverse("empfehlungen:detail", args=[empfehlung.pk, "alter-titel"]))
    assert falsch["Location"] == empfehlung.get_absolute_url()


def test_detail_shows_sections_and_massnahmen_with_german_money(client):
    empfehlung = HandlungsempfehlungFactory(
        ausgangslage="Die Lage ist ernst.", mitteleinsatz_jaehrlich="12500.00"
    )
    MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Standort finden", budget="1234.56")

    html = client.get(empfehlung.get_absolute_url()).content.decode()
    for abschnitt in [
        "Beschreibung der Empfehlung",
        "Ausgangslage",
        "Ziele/Effekte/Wirkungen",
        "Mitteleinsatz (jährlich)",
        "Art der Leistung",
        "Auswirkungen auf Ressourcen",
        "Zielrichtung und Bezug zu den strategischen Zielen",
    ]:
        assert f"<summary>{abschnitt}</summary>" in html
    assert "Die Lage ist ernst." in html
    assert "12.500,00\u00a0€" in html
    assert "1.234,56\u00a0€" in html
    assert "Standort finden" in html


def test_rucksack_kita_detail_uses_the_seed_text(client, demo_data):
    empfehlung = Handlungsempfehlung.objects.get(titel__startswith="Ausweitung des Modellprojekts")
    html = client.get(empfehlung.get_absolute_url()).content.decode()
    assert "Eltern-Cafés strukturell mit in das Modellprojekt überführt" in html


def test_list_query_count_stays_flat(client, abfragen):
    HandlungsempfehlungFactory.create_batch(3)
    drei = abfragen(reverse("empfehlungen:list"), hoechstens=50)
    HandlungsempfehlungFactory.create_batch(27)
    dreissig = abfragen(reverse("empfehlungen:list"), hoechstens=50)
    assert drei == dreissig


def test_detail_query_count_stays_flat(client, abfragen):
    empfehlung = HandlungsempfehlungFactory()
    MassnahmeFactory.create_batch(3, handlungsempfehlung=empfehlung)
    drei = abfragen(empfehlung.get_absolute_url(), hoechstens=50)
    MassnahmeFactory.create_batch(27, handlungsempfehlung=empfehlung)
    dreissig = abfragen(empfehlung.get_absolute_url(), hoechstens=50)
    assert drei == dreissig
