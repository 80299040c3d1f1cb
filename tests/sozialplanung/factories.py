import factory
from django.contrib.auth import get_user_model

from sozialplanung.models import Phase, Planungsjahr

PASSWORT = "Geheim-und-lang-genug-2024"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    password = factory.django.Password(PASSWORT)


class PlanungsjahrFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Planungsjahr
        django_get_or_create = ["jahr"]

    jahr = factory.Sequence(lambda n: 2030 + n)
    phase = Phase.STRATEGISCHE_ANALYSE
