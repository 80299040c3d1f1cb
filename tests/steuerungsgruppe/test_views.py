"""The public Steuerungsgruppe page and the Dossier index."""

import pytest
from django.urls import reverse

from sozialplanung.models import Planungsjahr
from steuerungsgruppe.models import Zielvorschlag
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db


def test_zielvorschlaege_table_shows_votes_and_remarks(client, demo_data):
    html = client.get(reverse("steuerungsgruppe:index")).content.decode()
    assert "Sozialpolitische Zielvorschläge 2023" in html
    assert "Fachkräftegewinnung und -bindung nachhaltig betreiben" in html
    assert "Es ist ein Muss!" in html
    assert "ab 52 Punkten" in html


def test_dossier_index_lists_what_was_taken_in(client, demo_data):
    response = client.get(reverse("dossier:index"))
    html = response.content.decode()
    assert "Sozialplanung Fokus 2023" in html
    assert "Sprachstandserhebung von Kindern in Kindertageseinrichtungen" in html
    # Weniger steuerungsrelevant: not taken into the dossier.
    assert "ÖPNV-Fahrtkosten" not in html
    # 2024 has not reached the dossier phase yet.
    assert "Sozialplanung Fokus 2024" not in html


@pytest.mark.parametrize("url_name", ["steuerungsgruppe:index", "dossier:index"])
def test_query_counts_stay_flat_across_years(
    client, demo_data, django_assert_max_num_queries, url_name
):
    def count():
        with django_assert_max_num_queries(20) as ctx:
            client.get(reverse(url_name))
        return len(ctx.captured_queries)

    vorher = count()
    for jahr in range(2000, 2010):
        planungsjahr = PlanungsjahrFactory(jahr=jahr, phase=5)
        HandlungsempfehlungFactory(
            planungsjahr=planungsjahr, im_dossier=True, steuerungsrelevanz="hoch"
        )
        Zielvorschlag.objects.create(planungsjahr=planungsjahr, titel="Ziel", stimmen_zu=3)
    assert Planungsjahr.objects.count() == 18
    assert count() == vorher
