"""Cases a review found: public pages and unpublished work, remarks of open rounds,
circulations beside a meeting, and results of circulations shown before write-back."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from empfehlungen.models import Handlungsempfehlung
from steuerungsgruppe import services
from steuerungsgruppe.models import Runde
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.steuerungsgruppe.factories import (
    MitgliedFactory,
    RundeFactory,
    TagesordnungspunktFactory,
)
from tests.steuerungsgruppe.test_services import punkte_fuer

pytestmark = pytest.mark.django_db


def test_rounds_only_for_published_recommendations():
    entwurf = HandlungsempfehlungFactory(status=Handlungsempfehlung.Status.ENTWURF)
    runde = RundeFactory.build(
        handlungsempfehlung=entwurf, sitzung=RundeFactory().sitzung, status="vorbereitet"
    )
    with pytest.raises(ValidationError, match="nur veröffentlichte Handlungsempfehlungen"):
        runde.full_clean()


def _mit_tagesordnung(runde):
    # The protocol lists the recommendations under their agenda item.
    TagesordnungspunktFactory(sitzung=runde.sitzung, art="empfehlungen", titel="Einschätzung")
    return runde


def test_public_protocol_never_shows_an_unpublished_recommendation(client):
    runde = _mit_tagesordnung(RundeFactory(handlungsempfehlung__titel="Später zurückgezogen"))
    url = reverse("steuerungsgruppe:protokoll", args=[runde.sitzung_id])
    assert "Später zurückgezogen" in client.get(url).content.decode()
    Handlungsempfehlung.objects.filter(pk=runde.handlungsempfehlung_id).update(
        status=Handlungsempfehlung.Status.ENTWURF
    )
    for name in ["steuerungsgruppe:protokoll", "steuerungsgruppe:ergebnisse"]:
        html = client.get(reverse(name, args=[runde.sitzung_id])).content.decode()
        assert "Später zurückgezogen" not in html


def test_remarks_appear_only_once_the_round_is_closed(client):
    runde = _mit_tagesordnung(RundeFactory())
    services.einschaetzung_submit(
        runde=runde,
        mitglied=MitgliedFactory(),
        punkte=punkte_fuer(runde, 4),
        anmerkung="Sehr wichtig für die Kitas.",
    )
    url = reverse("steuerungsgruppe:protokoll", args=[runde.sitzung_id])
    assert "Sehr wichtig für die Kitas." not in client.get(url).content.decode()
    services.runde_close(runde=runde)
    assert "Sehr wichtig für die Kitas." in client.get(url).content.decode()


def test_a_circulation_does_not_block_the_next_meeting_round():
    vorbereitet = RundeFactory(status=Runde.Status.VORBEREITET)
    services.umlauf_open(
        handlungsempfehlungen=[vorbereitet.handlungsempfehlung],
        frist=timezone.now() + datetime.timedelta(days=7),
        sitzung=vorbereitet.sitzung,
    )
    naechste = RundeFactory(sitzung=vorbereitet.sitzung, status=Runde.Status.VORBEREITET)
    assert services.runde_open(runde=naechste).status == Runde.Status.OFFEN


def test_public_pages_write_back_a_circulation_once_its_deadline_passed(client):
    runde = RundeFactory(status=Runde.Status.VORBEREITET)
    (umlauf,) = services.umlauf_open(
        handlungsempfehlungen=[runde.handlungsempfehlung],
        frist=timezone.now() + datetime.timedelta(days=7),
    )
    services.einschaetzung_submit(
        runde=umlauf, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 5)
    )
    Runde.objects.filter(pk=runde.pk).update(frist=timezone.now() - datetime.timedelta(minutes=1))

    client.get(reverse("steuerungsgruppe:index"))

    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    assert (empfehlung.steuerungsrelevanz, empfehlung.im_dossier) == ("hoch", True)
