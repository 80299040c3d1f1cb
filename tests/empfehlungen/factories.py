import datetime
from decimal import Decimal

import factory

from empfehlungen.models import (
    Beratung,
    Dialognotiz,
    Handlungsempfehlung,
    Massnahme,
    Vorlage,
    Wirkungsmessung,
    Wirkungsziel,
)
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


class WirkungszielFactory(factory.django.DjangoModelFactory):
    """A messbar goal with an indicator of its own: 40 → 60 from 2022 to 2026."""

    class Meta:
        model = Wirkungsziel

    handlungsempfehlung = factory.SubFactory(HandlungsempfehlungFactory)
    text = factory.Sequence(lambda n: f"Wirkungsziel Nummer {n}")
    stufe = 4
    zielgruppe = "Familien"
    eigener_indikator = "Anteil erreichter Familien"
    einheit = "Prozent"
    ausgangswert = Decimal("40")
    ausgangsdatum = datetime.date(2022, 1, 1)
    zielwert = Decimal("60")
    zieldatum = datetime.date(2026, 1, 1)
    richtung = "steigend"
    verantwortlich = "Fachdienst Jugend"


class WirkungsmessungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wirkungsmessung

    wirkungsziel = factory.SubFactory(WirkungszielFactory)
    datum = datetime.date(2024, 1, 1)
    wert = Decimal("50")


class DialognotizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialognotiz

    wirkungsziel = factory.SubFactory(WirkungszielFactory)
    datum = datetime.date(2024, 3, 1)
    seite = Dialognotiz.Seite.TRAEGER
    text = "Der Träger berichtet von längeren Wartezeiten."
    erfasst_von = factory.SubFactory("tests.sozialplanung.factories.UserFactory")
