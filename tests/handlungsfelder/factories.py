import factory

from handlungsfelder.models import Fokusgruppe, Handlungsfeld


class HandlungsfeldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handlungsfeld

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    reihenfolge = factory.Sequence(lambda n: n)
    gueltig_von = 2017
    gueltig_bis = None


class FokusgruppeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fokusgruppe

    name = factory.Sequence(lambda n: f"Fokusgruppe {n}")
