"""Every list and detail view of the Steuerungsgruppe costs the same queries for 3 and 30 rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sozialplanung.models import Phase
from steuerungsgruppe import services
from steuerungsgruppe.models import (
    Einschaetzung,
    FachkraefteEinschaetzung,
    Runde,
    Sitzung,
    Tagesordnungspunkt,
    Zielvorschlag,
    Zielvorschlagsstimme,
)
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.sozialplanung.factories import PlanungsjahrFactory
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory, SitzungFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def welt(sozialplanung_user):
    jahr = PlanungsjahrFactory(jahr=2023, phase=Phase.BEWERTUNG)
    schema = services.bewertungsschema_ensure(planungsjahr=jahr)
    kriterien = list(schema.kriterien.all())
    sitzung = SitzungFactory(planungsjahr=jahr)
    Tagesordnungspunkt.objects.create(
        sitzung=sitzung, titel="Handlungsempfehlungen", art=Tagesordnungspunkt.Art.EMPFEHLUNGEN
    )
    Tagesordnungspunkt.objects.create(
        sitzung=sitzung, titel="Ziele", art=Tagesordnungspunkt.Art.ZIELVORSCHLAEGE
    )
    mitglieder = [MitgliedFactory() for _ in range(3)]
    return {
        "jahr": jahr,
        "sitzung": sitzung,
        "kriterien": kriterien,
        "mitglieder": mitglieder,
        "staff": sozialplanung_user,
        "anzahl": 0,
    }


def _befuellen(welt, bis: int) -> None:
    """Grow every list to ``bis`` rows: rounds with entries, circulations, goals, Sitzungen."""
    jahr, sitzung = welt["jahr"], welt["sitzung"]
    for nr in range(welt["anzahl"], bis):
        # Scored while open, then closed: a closed round takes no more entries.
        runde = RundeFactory(sitzung=sitzung, status=Runde.Status.OFFEN, reihenfolge=nr)
        for i, mitglied in enumerate(welt["mitglieder"]):
            punkte = {str(k.pk): (nr + i) % 6 for k in welt["kriterien"]}
            Einschaetzung.objects.create(
                runde=runde,
                handlungsempfehlung=runde.handlungsempfehlung,
                mitglied=mitglied,
                punkte=punkte,
                summe=sum(punkte.values()),
                anmerkung=f"Anmerkung {nr}",
            )
        FachkraefteEinschaetzung.objects.create(
            runde=runde, punkte={}, summe=40, erfasst_von=welt["staff"]
        )
        runde.status = Runde.Status.GESCHLOSSEN
        runde.save()
        Runde.objects.create(
            handlungsempfehlung=HandlungsempfehlungFactory(planungsjahr=jahr),
            art=Runde.Art.UMLAUF,
            status=Runde.Status.OFFEN,
            frist=timezone.now() + datetime.timedelta(days=3),
        )
        HandlungsempfehlungFactory(planungsjahr=jahr)  # a candidate for circulation
        ziel = Zielvorschlag.objects.create(planungsjahr=jahr, titel=f"Ziel {nr}", reihenfolge=nr)
        Zielvorschlagsstimme.objects.create(
            zielvorschlag=ziel, mitglied=welt["mitglieder"][0], stimme="zu", anmerkung="Ja"
        )
        Sitzung.objects.create(planungsjahr=jahr, datum=datetime.date(2023, 1, 1), ort=f"Ort {nr}")
    welt["anzahl"] = bis


def _runde(welt):
    return Runde.objects.filter(sitzung=welt["sitzung"]).first().pk


VIEWS = [
    # (url name, kwargs, who)
    ("steuerungsgruppe:index", lambda w: {}, None),
    ("steuerungsgruppe:protokoll", lambda w: {"pk": w["sitzung"].pk}, None),
    ("steuerungsgruppe:protokoll_pdf", lambda w: {"pk": w["sitzung"].pk}, None),
    ("steuerungsgruppe:ergebnisse", lambda w: {"pk": w["sitzung"].pk}, None),
    ("steuerungsgruppe:portfolio", lambda w: {"jahr": 2023}, None),
    ("steuerungsgruppe:moderation", lambda w: {"pk": w["sitzung"].pk}, "staff"),
    ("steuerungsgruppe:moderation_stand", lambda w: {"pk": w["sitzung"].pk}, "staff"),
    ("steuerungsgruppe:umlauf", lambda w: {}, "staff"),
    ("steuerungsgruppe:papierbogen", lambda w: {"pk": _runde(w)}, "staff"),
    ("steuerungsgruppe:fachkraefte", lambda w: {"pk": _runde(w)}, "staff"),
    ("steuerungsgruppe:mitwirken", lambda w: {}, "mitglied"),
    ("steuerungsgruppe:einschaetzung", lambda w: {"pk": _runde(w)}, "mitglied"),
    ("steuerungsgruppe:zielvorschlaege_abstimmen", lambda w: {"jahr": 2023}, "mitglied"),
]


@pytest.mark.parametrize(("url_name", "kwargs", "wer"), VIEWS, ids=[v[0] for v in VIEWS])
def test_query_count_is_the_same_for_3_and_30_rows(
    client, welt, django_assert_max_num_queries, url_name, kwargs, wer
):
    if wer == "staff":
        client.force_login(welt["staff"])
    elif wer == "mitglied":
        client.force_login(welt["mitglieder"][0].user)

    def zaehlen() -> int:
        url = reverse(url_name, kwargs=kwargs(welt))
        with django_assert_max_num_queries(40) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(ctx.captured_queries)

    _befuellen(welt, 3)
    drei = zaehlen()
    _befuellen(welt, 30)
    assert zaehlen() == drei
