"""Public pages of the Handlungsfelder."""

import pytest
from django.urls import reverse

from handlungsfelder.models import Handlungsfeld
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.handlungsfelder.factories import HandlungsfeldFactory

pytestmark = pytest.mark.django_db


def test_list_separates_current_from_former_handlungsfelder(client, demo_data):
    response = client.get(reverse("handlungsfelder:list"))
    gueltige = [feld.name for feld in response.context["gueltige"]]
    fruehere = [feld.name for feld in response.context["fruehere"]]

    assert len(gueltige) == 10
    assert "Gesundheitsversorgung und Pflege" in gueltige
    assert fruehere == ["Gesundheit", "Ärztliche Versorgung und Pflege"]


def test_detail_lists_only_published_recommendations(client):
    feld = HandlungsfeldFactory(name="Wohnen")
    HandlungsempfehlungFactory(handlungsfeld=feld, titel="Sichtbar")
    HandlungsempfehlungFactory(handlungsfeld=feld, titel="Unsichtbar", status="entwurf")

    html = client.get(feld.get_absolute_url()).content.decode()
    assert "Sichtbar" in html
    assert "Unsichtbar" not in html


def test_list_and_detail_query_counts_stay_flat(client, abfragen):
    feld = HandlungsfeldFactory()
    HandlungsempfehlungFactory.create_batch(3, handlungsfeld=feld)
    HandlungsfeldFactory.create_batch(2)
    urls = [reverse("handlungsfelder:list"), feld.get_absolute_url()]
    vorher = [abfragen(url, hoechstens=30) for url in urls]

    HandlungsempfehlungFactory.create_batch(27, handlungsfeld=feld)
    HandlungsfeldFactory.create_batch(27)
    nachher = [abfragen(url, hoechstens=30) for url in urls]
    assert vorher == nachher
    assert Handlungsfeld.objects.count() == 30
