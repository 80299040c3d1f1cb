"""The cycle moves one phase at a time, through the service, with its preconditions."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from empfehlungen.models import Handlungsempfehlung, Steuerungsrelevanz
from sozialplanung import services
from sozialplanung.models import Phase, PhasenWechsel, Planungsjahr
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.handlungsfelder.factories import HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jahr():
    HandlungsfeldFactory(gueltig_von=2017)
    return PlanungsjahrFactory(jahr=2025)


def test_advance_moves_exactly_one_phase_and_records_who_and_when(jahr, sozialplanung_user):
    wechsel = services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)

    jahr.refresh_from_db()
    assert jahr.phase == Phase.VORSCHLAEGE
    assert wechsel.von_phase == Phase.STRATEGISCHE_ANALYSE
    assert wechsel.nach_phase == Phase.VORSCHLAEGE
    assert wechsel.user == sozialplanung_user
    assert wechsel.zeitpunkt is not None
    assert PhasenWechsel.objects.filter(planungsjahr=jahr).count() == 1


def test_advance_needs_a_valid_handlungsfeld(sozialplanung_user):
    HandlungsfeldFactory(gueltig_von=2017, gueltig_bis=2020)
    jahr = PlanungsjahrFactory(jahr=2025)

    with pytest.raises(ValidationError, match="kein Handlungsfeld gültig"):
        services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)
    jahr.refresh_from_db()
    assert jahr.phase == Phase.STRATEGISCHE_ANALYSE
    assert not PhasenWechsel.objects.exists()


def test_bewertung_needs_a_submitted_proposal(jahr, sozialplanung_user):
    services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)
    HandlungsempfehlungFactory(planungsjahr=jahr, status=Handlungsempfehlung.Status.ENTWURF)

    with pytest.raises(ValidationError, match="noch kein Vorschlag eingereicht"):
        services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)

    HandlungsempfehlungFactory(planungsjahr=jahr, status=Handlungsempfehlung.Status.EINGEREICHT)
    services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)
    jahr.refresh_from_db()
    assert jahr.phase == Phase.BEWERTUNG


def test_dossier_needs_every_published_proposal_scored(jahr, sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory(planungsjahr=jahr)
    services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)
    services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)

    with pytest.raises(
        ValidationError, match="1 veröffentlichter Vorschlag ist noch nicht eingeschätzt"
    ):
        services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)

    empfehlung.steuerungsrelevanz = Steuerungsrelevanz.HOCH
    empfehlung.im_dossier = True
    empfehlung.save()
    services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)
    jahr.refresh_from_db()
    assert jahr.phase == Phase.PLANUNGSDOSSIER


def test_entscheidung_is_the_last_phase(sozialplanung_user):
    jahr = PlanungsjahrFactory(jahr=2025, phase=Phase.ENTSCHEIDUNG)
    with pytest.raises(ValidationError, match="letzte Phase"):
        services.planungsjahr_advance(planungsjahr=jahr, user=sozialplanung_user)


def test_a_stale_page_cannot_skip_a_phase(jahr, sozialplanung_user):
    # Two staff see "Strategische Analyse" and both click "next": only one step happens.
    HandlungsempfehlungFactory(planungsjahr=jahr)
    services.planungsjahr_advance(
        planungsjahr=jahr, user=sozialplanung_user, erwartete_phase=Phase.STRATEGISCHE_ANALYSE
    )
    with pytest.raises(ValidationError, match="inzwischen von jemand anderem"):
        services.planungsjahr_advance(
            planungsjahr=jahr,
            user=sozialplanung_user,
            erwartete_phase=Phase.STRATEGISCHE_ANALYSE,
        )
    jahr.refresh_from_db()
    assert jahr.phase == Phase.VORSCHLAEGE


def test_revert_requires_a_written_reason(sozialplanung_user):
    jahr = PlanungsjahrFactory(jahr=2025, phase=Phase.BEWERTUNG)
    with pytest.raises(ValidationError) as info:
        services.planungsjahr_revert(planungsjahr=jahr, user=sozialplanung_user, begruendung="  ")
    assert "begruendung" in info.value.message_dict
    jahr.refresh_from_db()
    assert jahr.phase == Phase.BEWERTUNG


def test_revert_goes_back_one_phase_and_keeps_the_reason(sozialplanung_user):
    jahr = PlanungsjahrFactory(jahr=2025, phase=Phase.BEWERTUNG)
    wechsel = services.planungsjahr_revert(
        planungsjahr=jahr, user=sozialplanung_user, begruendung="Fokusgruppe reicht nach."
    )
    jahr.refresh_from_db()
    assert jahr.phase == Phase.VORSCHLAEGE
    assert wechsel.ist_ruecksprung
    assert wechsel.begruendung == "Fokusgruppe reicht nach."
    assert wechsel.user == sozialplanung_user


def test_revert_from_the_first_phase_is_refused(sozialplanung_user):
    jahr = PlanungsjahrFactory(jahr=2025)
    with pytest.raises(ValidationError, match="erste Phase"):
        services.planungsjahr_revert(planungsjahr=jahr, user=sozialplanung_user, begruendung="x")


def test_create_starts_with_the_strategische_analyse(sozialplanung_user):
    jahr = services.planungsjahr_create(jahr=2026, user=sozialplanung_user)
    assert jahr.phase == Phase.STRATEGISCHE_ANALYSE
    assert jahr.phasenwechsel.get().user == sozialplanung_user


def test_a_year_exists_only_once(sozialplanung_user):
    services.planungsjahr_create(jahr=2026, user=sozialplanung_user)
    with pytest.raises(ValidationError) as info:
        services.planungsjahr_create(jahr=2026, user=sozialplanung_user)
    assert "jahr" in info.value.message_dict


def test_a_year_added_in_the_admin_starts_with_a_logged_first_phase(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:sozialplanung_planungsjahr_add"),
        {"jahr": 2027, "phasenwechsel-TOTAL_FORMS": 0, "phasenwechsel-INITIAL_FORMS": 0},
    )
    assert response.status_code == 302
    jahr = Planungsjahr.objects.get(jahr=2027)
    assert jahr.phase == Phase.STRATEGISCHE_ANALYSE
    assert jahr.phasenwechsel.get().user == admin_user
