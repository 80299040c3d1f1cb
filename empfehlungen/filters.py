"""The public list's filters and sorting; their state lives in the query string."""

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Handlungsempfehlung, Steuerungsrelevanz
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import Planungsjahr
from sozialplanung.roles import FOKUSGRUPPE, has_role, is_sozialplanung

OFFEN = "offen"
TEXTFELDER = (
    "titel",
    "beschreibung",
    "ausgangslage",
    "ziele",
    "mitteleinsatz_erlaeuterung",
    "auswirkungen_ressourcen",
    "zielrichtung",
)

# Query parameter → (ORM field, column heading); the list's headers link to these.
SORTIERUNGEN = {
    "handlungsfeld": ("handlungsfeld__name", _("Handlungsfeld")),
    "titel": ("titel", _("Handlungsempfehlung")),
    "steuerungsrelevanz": ("relevanz_rang", _("Steuerungsrelevanz")),
    "jahr": ("planungsjahr__jahr", _("Jahr")),
    "status": ("status_rang", _("Status")),
}


class Sortierung(django_filters.OrderingFilter):
    """Column sorting with a stable tie-break, so that pages never overlap."""

    def filter(self, qs, value):
        if not value:
            return qs
        felder = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*felder, "-planungsjahr__jahr", "titel", "pk")


class HandlungsempfehlungFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suche"),
        method="suche",
        max_length=200,
        help_text=_("Sucht im Titel und in allen Abschnitten."),
    )
    handlungsfeld = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=Handlungsfeld.objects.order_by("reihenfolge", "name"),
        to_field_name="slug",
        empty_label=_("alle"),
    )
    steuerungsrelevanz = django_filters.ChoiceFilter(
        label=_("Steuerungsrelevanz"),
        choices=[*Steuerungsrelevanz.choices, (OFFEN, _("noch nicht eingeschätzt"))],
        method="nach_relevanz",
        empty_label=_("alle"),
    )
    jahr = django_filters.ModelChoiceFilter(
        label=_("Jahr"),
        field_name="planungsjahr",
        queryset=Planungsjahr.objects.order_by("-jahr"),
        to_field_name="jahr",
        empty_label=_("alle"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="kreistag_status",
        choices=Handlungsempfehlung.KreistagStatus.choices,
        empty_label=_("alle"),
    )
    bearbeitung = django_filters.ChoiceFilter(
        label=_("Bearbeitungsstand"),
        field_name="status",
        choices=Handlungsempfehlung.Status.choices,
        empty_label=_("alle"),
    )
    sortierung = Sortierung(
        label=_("Sortieren nach"),
        fields={orm: param for param, (orm, _label) in SORTIERUNGEN.items()},
        field_labels=dict(SORTIERUNGEN.values()),
        empty_label=_("Jahr, Handlungsfeld"),
    )

    class Meta:
        model = Handlungsempfehlung
        fields = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only those who see unpublished work can filter by where it stands.
        if user is None or not (is_sozialplanung(user) or has_role(user, FOKUSGRUPPE)):
            del self.filters["bearbeitung"]
        for name, feld in self.form.fields.items():
            klasse = "form-control" if name == "q" else "form-select"
            if self.is_bound and name in self.form.errors:
                klasse += " is-invalid"
            feld.widget.attrs["class"] = klasse
        self.form.fields["q"].widget.input_type = "search"

    def nach_relevanz(self, queryset, name, value):
        return queryset.filter(steuerungsrelevanz="" if value == OFFEN else value)

    def suche(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        im_titel = Q(titel__icontains=value)
        if connection.vendor == "postgresql":
            # German stemming finds "Kinder" in "Kindern"; the title's substring match
            # keeps compound words such as "Sprachstandserhebung" findable by "Sprach".
            vektor = SearchVector(*TEXTFELDER, config="german")
            anfrage = SearchQuery(value, config="german", search_type="websearch")
            return queryset.annotate(suchtext=vektor).filter(Q(suchtext=anfrage) | im_titel)
        treffer = Q()
        for feld in TEXTFELDER:
            treffer |= Q(**{f"{feld}__icontains": value})
        return queryset.filter(treffer)
