"""Rules a Handlungsempfehlung keeps whatever form it is entered through."""

import pytest
from django.core.exceptions import ValidationError

from empfehlungen.models import Steuerungsrelevanz
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.handlungsfelder.factories import HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db


def test_handlungsfeld_must_be_valid_in_the_recommendations_year():
    feld = HandlungsfeldFactory(name="Gesundheit", gueltig_von=2017, gueltig_bis=2023)
    empfehlung = HandlungsempfehlungFactory.build(
        handlungsfeld=feld, planungsjahr=PlanungsjahrFactory(jahr=2024), herkunft=None
    )
    with pytest.raises(ValidationError) as info:
        empfehlung.full_clean()
    assert info.value.message_dict["handlungsfeld"] == [
        "Das Handlungsfeld „Gesundheit“ gilt 2017 bis 2023 und nicht im Planungsjahr 2024."
    ]


def test_handlungsfeld_valid_in_the_year_is_accepted():
    feld = HandlungsfeldFactory(gueltig_von=2017, gueltig_bis=2023)
    empfehlung = HandlungsempfehlungFactory.build(
        handlungsfeld=feld, planungsjahr=PlanungsjahrFactory(jahr=2023), herkunft=None
    )
    empfehlung.full_clean()


def test_money_must_not_be_negative():
    empfehlung = HandlungsempfehlungFactory(mitteleinsatz_jaehrlich="-1.00")
    with pytest.raises(ValidationError) as info:
        empfehlung.full_clean()
    assert "mitteleinsatz_jaehrlich" in info.value.message_dict


def test_weniger_steuerungsrelevant_cannot_go_into_the_dossier():
    empfehlung = HandlungsempfehlungFactory(
        steuerungsrelevanz=Steuerungsrelevanz.WENIGER, im_dossier=True
    )
    with pytest.raises(ValidationError) as info:
        empfehlung.full_clean()
    assert "im_dossier" in info.value.message_dict


def test_handlungsfeld_validity_must_be_ordered():
    feld = HandlungsfeldFactory.build(gueltig_von=2024, gueltig_bis=2020)
    with pytest.raises(ValidationError) as info:
        feld.full_clean()
    assert "gueltig_bis" in info.value.message_dict
