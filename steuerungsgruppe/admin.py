"""Data maintenance of the Steuerungsgruppe: members, Sitzungen with agenda and rounds, schemes.

Assessments are never edited here: members enter them, staff transfer paper forms in
the portal, so that every entry goes through the same checks.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from steuerungsgruppe.models import (
    Bewertungskriterium,
    Bewertungsschema,
    Mitglied,
    Runde,
    RundeGeschlossen,
    Sitzung,
    Tagesordnungspunkt,
    Zielvorschlag,
    ergebnis_unveraenderlich_pruefen,
)


@admin.register(Mitglied)
class MitgliedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "bank", "mitglied_von", "mitglied_bis"]
    list_filter = ["bank"]
    search_fields = ["organisation", "user__username", "user__last_name"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]


class TagesordnungspunktInline(admin.StackedInline):
    model = Tagesordnungspunkt
    extra = 1


class RundeFormSet(BaseInlineFormSet):
    """A closed round can be neither changed nor deleted here; the form says which one."""

    def clean(self):
        super().clean()
        fehler = []
        for form in self.forms:
            runde = form.instance
            if runde.pk is None or not (form.has_changed() or self._should_delete_form(form)):
                continue
            try:
                ergebnis_unveraenderlich_pruefen(runde.pk)
            except RundeGeschlossen as geschlossen:
                fehler.extend(geschlossen.messages)
        if fehler:
            raise ValidationError(fehler, code="geschlossen")


class RundeInline(admin.TabularInline):
    model = Runde
    formset = RundeFormSet
    fields = ["reihenfolge", "handlungsempfehlung", "art", "status", "frist"]
    readonly_fields = ["status"]
    autocomplete_fields = ["handlungsempfehlung"]
    extra = 1


@admin.register(Sitzung)
class SitzungAdmin(admin.ModelAdmin):
    list_display = ["__str__", "ort", "planungsjahr"]
    list_filter = ["planungsjahr"]
    inlines = [TagesordnungspunktInline, RundeInline]


class KriteriumInline(admin.TabularInline):
    model = Bewertungskriterium
    extra = 0

    def _gesperrt(self, obj) -> bool:
        return obj is not None and obj.ist_gesperrt

    def has_add_permission(self, request, obj=None):
        return not self._gesperrt(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._gesperrt(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._gesperrt(obj) and super().has_delete_permission(request, obj)


@admin.register(Bewertungsschema)
class BewertungsschemaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "schwelle_relevant", "schwelle_hoch"]
    inlines = [KriteriumInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.ist_gesperrt:
            return ["planungsjahr", "schwelle_relevant", "schwelle_hoch"]
        return []


@admin.register(Zielvorschlag)
class ZielvorschlagAdmin(admin.ModelAdmin):
    list_display = ["titel", "planungsjahr", "stimmen_zu", "stimmen_passt_nicht"]
    list_filter = ["planungsjahr"]
    search_fields = ["titel", "anmerkungen"]
