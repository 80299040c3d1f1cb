import factory

from empfehlungen.models import Handlungsempfehlung, Massnahme
from tests.handlungsfelder.factories import FokusgruppeFactory, HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory


class HandlungsempfehlungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handlungsempfehlung

    titel = factory.Sequence(lambda n: f"Empfehlung Nummer {n}")
    handlungsfeld = factory.SubFactory(HandlungsfeldFactory)
    herkunft = factory.SubFactory(FokusgruppeFactory)
    planungsjahr = factory.SubFactory(PlanungsjahrFactory, jahr=2023)
    beschreibung = "Beschreibung der Empfehlung."
    status = Handlungsempfehlung.Status.VEROEFFENTLICHT


class MassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Massnahme

    handlungsempfehlung = factory.SubFactory(HandlungsempfehlungFactory)
    massnahme = factory.Sequence(lambda n: f"Maßnahme {n}")
    budget = "12500.00"
