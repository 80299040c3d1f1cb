import factory

from handlungsfelder.models import (
    Fokusgruppe,
    Gebiet,
    Handlungsfeld,
    Indikator,
    IndikatorImport,
    Messwert,
)


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


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    name = factory.Sequence(lambda n: f"Indikator {n}")
    einheit = "Anzahl"
    quelle = "Testquelle"


class GebietFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebiet
        django_get_or_create = ["schluessel"]

    schluessel = factory.Sequence(lambda n: f"01{n:03d}")
    name = factory.Sequence(lambda n: f"Kreis {n}")
    ebene = factory.LazyAttribute(lambda o: Gebiet.ebene_fuer(o.schluessel))


class MesswertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Messwert

    indikator = factory.SubFactory(IndikatorFactory)
    gebiet = factory.SubFactory(GebietFactory)
    jahr = 2020
    wert = 100


TIDY_CSV = "indikator;gebiet_schluessel;jahr;wert\nKitaquote;01056;2022;59,1\n"


class IndikatorImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorImport

    dateiname = "kita.csv"
    sha256 = "0" * 64
    datei = factory.django.FileField(filename="kita.csv", data=TIDY_CSV.encode())
    hochgeladen_von = factory.SubFactory("tests.sozialplanung.factories.UserFactory")
