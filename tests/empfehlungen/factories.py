import datetime

import factory

from empfehlungen.models import Beratung, Handlungsempfehlung, Massnahme, Vorlage
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


class VorlageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vorlage

    reference = factory.Sequence(lambda n: f"DrS 2023/{100 + n}")
    titel = factory.Sequence(lambda n: f"Vorlage Nummer {n}")


class BeratungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beratung

    vorlage = factory.SubFactory(VorlageFactory)
    gremium = "Sozialausschuss"
    sitzungsdatum = datetime.date(2023, 9, 14)
    rolle = "Vorberatung"
