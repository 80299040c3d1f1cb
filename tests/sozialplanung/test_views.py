"""The start page shows the cycle; staff move it forward and back from there."""

import pytest
from django.urls import reverse

from sozialplanung.models import Phase, Planungsjahr
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.handlungsfelder.factories import HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db

PHASEN_IN_REIHENFOLGE = [
    "Strategische Analyse",
    "Vorschläge",
    "Bewertung",
    "Planungsdossier",
    "Entscheidung",
]


def test_start_page_shows_the_five_phases_in_order_and_marks_the_current(client, demo_data):
    response = client.get(reverse("start"))
    html = response.content.decode()

    assert response.status_code == 200
    positions = [
        html.index(f'<span class="phase-name">{name}</span>') for name in PHASEN_IN_REIHENFOLGE
    ]
    assert positions == sorted(positions)
    assert html.count('aria-current="step"') == 1
    aktuell = html[html.index('aria-current="step"') :]
    assert aktuell.index("Strategische Analyse") < aktuell.index("</li>")
    assert "Planungsjahr 2024" in html


def test_start_page_counts_what_each_phase_holds(client, demo_data):
    response = client.get(reverse("zyklus", kwargs={"jahr": 2023}))
    stand = {eintrag.phase: eintrag for eintrag in response.context["stand"]}

    assert stand[Phase.VORSCHLAEGE].kennzahlen[0][0] == 7
    assert stand[Phase.BEWERTUNG].kennzahlen[0][0] == 6
    assert stand[Phase.PLANUNGSDOSSIER].kennzahlen[0][0] == 5
    assert stand[Phase.ENTSCHEIDUNG].zustand == "aktuell"


def test_drafts_are_not_counted_on_the_public_dashboard(client):
    HandlungsfeldFactory()
    jahr = PlanungsjahrFactory(jahr=2025, phase=Phase.VORSCHLAEGE)
    HandlungsempfehlungFactory(planungsjahr=jahr, status="entwurf")
    HandlungsempfehlungFactory(planungsjahr=jahr, status="eingereicht")

    response = client.get(reverse("start"))
    stand = {eintrag.phase: eintrag for eintrag in response.context["stand"]}
    assert stand[Phase.VORSCHLAEGE].kennzahlen[0][0] == 1


def test_start_page_without_any_year_explains_itself(client, db):
    response = client.get(reverse("start"))
    assert "Es ist noch kein Planungsjahr angelegt." in response.content.decode()


def test_public_sees_no_phase_controls(client, demo_data):
    html = client.get(reverse("start")).content.decode()
    assert "Phase steuern" not in html


def test_staff_advance_the_phase_from_the_dashboard(client, demo_data, sozialplanung_user):
    client.force_login(sozialplanung_user)
    html = client.get(reverse("start")).content.decode()
    assert "Phase „Vorschläge“ beginnen" in html

    response = client.post(
        reverse("phase_weiter", kwargs={"jahr": 2024}),
        {"erwartete_phase": Phase.STRATEGISCHE_ANALYSE},
        follow=True,
    )
    assert "ist jetzt in der Phase „Vorschläge“" in response.content.decode()
    assert Planungsjahr.objects.get(jahr=2024).phase == Phase.VORSCHLAEGE


def test_staff_see_why_the_next_phase_cannot_begin(client, demo_data, sozialplanung_user):
    Planungsjahr.objects.filter(jahr=2024).update(phase=Phase.VORSCHLAEGE)
    client.force_login(sozialplanung_user)
    html = client.get(reverse("start")).content.decode()
    assert "Die Phase „Bewertung“ kann noch nicht beginnen" in html
    assert "noch kein Vorschlag eingereicht" in html


def test_a_refused_advance_explains_the_reason(client, demo_data, sozialplanung_user):
    Planungsjahr.objects.filter(jahr=2024).update(phase=Phase.VORSCHLAEGE)
    client.force_login(sozialplanung_user)
    response = client.post(
        reverse("phase_weiter", kwargs={"jahr": 2024}),
        {"erwartete_phase": Phase.VORSCHLAEGE},
        follow=True,
    )
    assert "noch kein Vorschlag eingereicht" in response.content.decode()
    assert Planungsjahr.objects.get(jahr=2024).phase == Phase.VORSCHLAEGE


def test_revert_form_shows_a_german_error_next_to_the_empty_reason(
    client, demo_data, sozialplanung_user
):
    client.force_login(sozialplanung_user)
    url = reverse("phase_zurueck", kwargs={"jahr": 2023})
    response = client.post(url, {"erwartete_phase": Phase.ENTSCHEIDUNG, "begruendung": ""})

    assert response.status_code == 200
    assert "Bitte begründen Sie, warum die Phase zurückgesetzt wird." in response.content.decode()
    assert Planungsjahr.objects.get(jahr=2023).phase == Phase.ENTSCHEIDUNG


def test_revert_with_reason_is_shown_in_the_history(client, demo_data, sozialplanung_user):
    client.force_login(sozialplanung_user)
    url = reverse("phase_zurueck", kwargs={"jahr": 2023})
    response = client.post(
        url,
        {"erwartete_phase": Phase.ENTSCHEIDUNG, "begruendung": "Dossier wird ergänzt."},
        follow=True,
    )
    html = response.content.decode()
    assert Planungsjahr.objects.get(jahr=2023).phase == Phase.PLANUNGSDOSSIER
    assert "Dossier wird ergänzt." in html
    assert "Entscheidung → Planungsdossier" in html


def test_unknown_year_answers_404(client, db):
    assert client.get(reverse("zyklus", kwargs={"jahr": 1999})).status_code == 404


def test_dashboard_query_count_is_flat(
    client, django_assert_num_queries, django_assert_max_num_queries, sozialplanung_user
):
    HandlungsfeldFactory()
    for jahr in range(2020, 2023):
        PlanungsjahrFactory(jahr=jahr)
    client.force_login(sozialplanung_user)
    client.get(reverse("start"))  # warm the session
    with django_assert_max_num_queries(12) as ctx:
        client.get(reverse("start"))
    wenige = len(ctx.captured_queries)

    for jahr in range(2000, 2020):
        planungsjahr = PlanungsjahrFactory(jahr=jahr)
        HandlungsempfehlungFactory.create_batch(2, planungsjahr=planungsjahr)
    with django_assert_num_queries(wenige):
        client.get(reverse("start"))


def test_last_phase_offers_no_next_step(client, demo_data, sozialplanung_user):
    client.force_login(sozialplanung_user)
    html = client.get(reverse("zyklus", kwargs={"jahr": 2023})).content.decode()
    assert "Der Zyklus dieses Jahres ist in seiner letzten Phase." in html
    assert "kann noch nicht beginnen" not in html


def test_revert_page_of_the_first_phase_explains_and_returns(
    client, demo_data, sozialplanung_user
):
    client.force_login(sozialplanung_user)
    response = client.get(reverse("phase_zurueck", kwargs={"jahr": 2024}), follow=True)
    assert "Die Strategische Analyse ist die erste Phase des Zyklus." in response.content.decode()
    assert Planungsjahr.objects.get(jahr=2024).phase == Phase.STRATEGISCHE_ANALYSE
