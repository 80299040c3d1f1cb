from django.contrib import admin

from empfehlungen.models import Handlungsempfehlung, Massnahme


class MassnahmeInline(admin.TabularInline):
    model = Massnahme
    extra = 0


@admin.register(Handlungsempfehlung)
class HandlungsempfehlungAdmin(admin.ModelAdmin):
    list_display = [
        "titel",
        "handlungsfeld",
        "planungsjahr",
        "status",
        "steuerungsrelevanz",
        "im_dossier",
        "kreistag_status",
    ]
    list_filter = [
        "planungsjahr",
        "handlungsfeld",
        "status",
        "steuerungsrelevanz",
        "im_dossier",
        "kreistag_status",
        "herkunft",
    ]
    search_fields = ["titel", "beschreibung", "ausgangslage", "ziele"]
    list_select_related = ["handlungsfeld", "planungsjahr"]
    inlines = [MassnahmeInline]


@admin.register(Massnahme)
class MassnahmeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "handlungsempfehlung", "status", "budget", "zeitpunkt"]
    list_filter = ["status", "handlungsempfehlung__planungsjahr"]
    search_fields = ["massnahme", "ziele", "verantwortung", "handlungsempfehlung__titel"]
    list_select_related = ["handlungsempfehlung"]
