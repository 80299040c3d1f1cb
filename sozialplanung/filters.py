"""Filters of the change log; their state lives in the query string."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sozialplanung import roles
from sozialplanung.anzeige import person
from sozialplanung.protokoll import AENDERUNGSARTEN, ARTEN

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AenderungenFilter(django_filters.FilterSet):
    """Applied to each history table in turn: the fields it filters on are the same in all.

    Type and free text depend on the table, so ``fuer`` applies them per type.
    """

    art = django_filters.ChoiceFilter(
        label=_("Art des Objekts"), choices=[], method="pro_art", empty_label=_("alle")
    )
    q = django_filters.CharFilter(
        label=_("Objekt"),
        method="pro_art",
        max_length=200,
        help_text=_("Sucht im Namen des Objekts, z. B. im Titel der Handlungsempfehlung."),
    )
    wer = django_filters.ModelChoiceFilter(
        label=_("Wer"),
        field_name="history_user",
        # Those who edit: staff and Fokusgruppen. Steuerungsgruppe members only score, and
        # their scores are confidential, so they are not offered here.
        queryset=get_user_model()
        .objects.filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(groups__name__in=[roles.SOZIALPLANUNG, roles.FOKUSGRUPPE])
        )
        .distinct()
        .order_by("last_name", "first_name", "username"),
        empty_label=_("alle"),
        null_label=_("System"),
        help_text=_("Einschätzungen von Mitgliedern sind vertraulich und erscheinen hier nicht."),
    )
    aenderung = django_filters.ChoiceFilter(
        label=_("Änderung"),
        field_name="history_type",
        choices=AENDERUNGSARTEN,
        empty_label=_("alle"),
    )
    von = django_filters.DateFilter(
        label=_("von"), field_name="history_date", lookup_expr="date__gte", widget=DATUM
    )
    bis = django_filters.DateFilter(
        label=_("bis"), field_name="history_date", lookup_expr="date__lte", widget=DATUM
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["art"].extra["choices"] = sorted(
            ((schluessel, art.bezeichnung) for schluessel, art in ARTEN.items()),
            key=lambda paar: paar[1],
        )
        self.form.fields["wer"].label_from_instance = person
        for name, feld in self.form.fields.items():
            klasse = "form-select" if name in ("art", "wer", "aenderung") else "form-control"
            if self.is_bound and name in self.form.errors:
                klasse += " is-invalid"
            feld.widget.attrs["class"] = klasse
        self.form.fields["q"].widget.input_type = "search"

    def pro_art(self, queryset, name, value):
        return queryset  # see teilabfragen()

    def teilabfragen(self) -> dict:
        """The filtered queryset of every history table the filter asks for, by type."""
        if self.is_bound and not self.form.is_valid():
            return {}  # the form shows what is wrong; no rows rather than unfiltered ones
        daten = self.form.cleaned_data if self.is_bound else {}
        arten = [ARTEN[daten["art"]]] if daten.get("art") else list(ARTEN.values())
        if daten.get("wer"):
            # Filtering by person would tell whose scores these are.
            arten = [art for art in arten if not art.vertraulich]
        teile = {}
        for art in arten:
            qs = self.filter_queryset(art.history.objects.all()) if daten else art.history.objects
            if daten.get("q"):
                suche = Q()
                for lookup in art.suche:
                    suche |= Q(**{f"{lookup}__icontains": daten["q"]})
                qs = qs.filter(suche)
            teile[art.schluessel] = qs.all()
        return teile
