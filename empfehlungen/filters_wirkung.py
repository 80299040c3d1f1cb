"""Filters of the public overview /wirkung/ ("Wirkt's schon?")."""

import django_filters
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Handlungsempfehlung, Wirkungsziel
from empfehlungen.wirkung import Ampel
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import Planungsjahr


class WirkungFilter(django_filters.FilterSet):
    handlungsfeld = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.order_by("reihenfolge", "name"),
        to_field_name="slug",
        empty_label=_("alle"),
    )
    jahr = django_filters.ChoiceFilter(
        field_name="planungsjahr__jahr", label=_("Jahr"), empty_label=_("alle")
    )
    ampel = django_filters.ChoiceFilter(
        label=_("Ampel"),
        choices=Ampel.choices,
        empty_label=_("alle"),
        method="filter_ampel",
    )

    class Meta:
        model = Handlungsempfehlung
        fields = ["handlungsfeld", "jahr", "ampel"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jahre = Planungsjahr.objects.order_by("-jahr").values_list("jahr", flat=True)
        self.filters["jahr"].extra["choices"] = [(j, str(j)) for j in jahre]

    def filter_ampel(self, queryset, name, value):
        # The light comes from the values, which SQL does not see: the view keeps the goals
        # in this state. Here only recommendations without any goal drop out.
        return queryset.filter(pk__in=Wirkungsziel.objects.values("handlungsempfehlung"))
