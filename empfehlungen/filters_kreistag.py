"""Filters of the public implementation overview /umsetzung/."""

import django_filters
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Handlungsempfehlung, Massnahme
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import Planungsjahr


class UmsetzungFilter(django_filters.FilterSet):
    handlungsfeld = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.order_by("reihenfolge"),
        empty_label=_("alle"),
    )
    jahr = django_filters.ChoiceFilter(
        field_name="planungsjahr__jahr", label=_("Jahr"), empty_label=_("alle")
    )
    status = django_filters.ChoiceFilter(
        label=_("Maßnahmenstatus"),
        choices=Massnahme.Status.choices,
        empty_label=_("alle"),
        method="filter_status",
        help_text=_("Empfehlungen mit mindestens einer Maßnahme in diesem Status."),
    )

    class Meta:
        model = Handlungsempfehlung
        fields = ["handlungsfeld", "jahr", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jahre = Planungsjahr.objects.order_by("-jahr").values_list("jahr", flat=True)
        self.filters["jahr"].extra["choices"] = [(j, str(j)) for j in jahre]

    def filter_status(self, queryset, name, value):
        # A subquery, not a join: a join would multiply the per-status counts of the rows.
        return queryset.filter(
            pk__in=Massnahme.objects.filter(status=value).values("handlungsempfehlung")
        )
