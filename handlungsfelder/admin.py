from django.contrib import admin

from handlungsfelder.models import Fokusgruppe, Handlungsfeld


@admin.register(Handlungsfeld)
class HandlungsfeldAdmin(admin.ModelAdmin):
    list_display = ["name", "reihenfolge", "priorisiert", "gueltig_von", "gueltig_bis"]
    list_filter = ["priorisiert", "gueltig_von", "gueltig_bis"]
    search_fields = ["name", "beschreibung"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Fokusgruppe)
class FokusgruppeAdmin(admin.ModelAdmin):
    list_display = ["name", "art"]
    list_filter = ["art", "handlungsfelder"]
    search_fields = ["name", "beschreibung"]
    filter_horizontal = ["handlungsfelder", "mitglieder"]
