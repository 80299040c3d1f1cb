import datetime

import factory
from django.contrib.auth.models import Group

from sozialplanung.roles import STEUERUNGSGRUPPE
from steuerungsgruppe.models import Bank, Mitglied, Runde, Sitzung, Tagesordnungspunkt
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.sozialplanung.factories import PlanungsjahrFactory, UserFactory


class MitgliedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mitglied
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    bank = Bank.WOHLFAHRT
    mitglied_von = datetime.date(2020, 1, 1)

    @factory.post_generation
    def rolle(self, create, extracted, **kwargs):
        if create:
            self.user.groups.add(Group.objects.get_or_create(name=STEUERUNGSGRUPPE)[0])


class SitzungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sitzung

    planungsjahr = factory.SubFactory(PlanungsjahrFactory, jahr=2023)
    datum = datetime.date(2023, 5, 12)
    ort = "Kreishaus"


class TagesordnungspunktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tagesordnungspunkt

    sitzung = factory.SubFactory(SitzungFactory)
    titel = factory.Sequence(lambda n: f"Punkt {n}")


class RundeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Runde

    sitzung = factory.SubFactory(SitzungFactory)
    handlungsempfehlung = factory.SubFactory(
        HandlungsempfehlungFactory, planungsjahr=factory.SelfAttribute("..sitzung.planungsjahr")
    )
    art = Runde.Art.SITZUNG
    status = Runde.Status.OFFEN
