from django.contrib import admin

from handlungsfelder.models import (
    Fokusgruppe,
    Gebiet,
    Handlungsfeld,
    Indikator,
    IndikatorImport,
    Messwert,
    StrategischeAnalyse,
)


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


@admin.register(Gebiet)
class GebietAdmin(admin.ModelAdmin):
    list_display = ["schluessel", "name", "ebene"]
    list_filter = ["ebene"]
    search_fields = ["schluessel", "name"]


@admin.register(Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ["name", "tabelle", "einheit", "richtung"]
    list_filter = ["tabelle", "richtung", "handlungsfelder"]
    search_fields = ["name", "definition", "quelle"]
    filter_horizontal = ["handlungsfelder"]


@admin.register(Messwert)
class MesswertAdmin(admin.ModelAdmin):
    list_display = ["indikator", "gebiet", "jahr", "wert", "fehlkennzeichen"]
    list_filter = ["jahr", "gebiet__ebene", "fehlkennzeichen"]
    search_fields = ["indikator__name", "gebiet__name", "gebiet__schluessel"]
    list_select_related = ["indikator", "gebiet"]
    raw_id_fields = ["indikator", "gebiet"]


@admin.register(StrategischeAnalyse)
class StrategischeAnalyseAdmin(admin.ModelAdmin):
    list_display = ["handlungsfeld", "planungsjahr"]
    list_filter = ["planungsjahr", "handlungsfeld"]
    search_fields = ["text", "handlungsfeld__name"]
    filter_horizontal = ["indikatoren"]
    list_select_related = ["handlungsfeld", "planungsjahr"]


@admin.register(IndikatorImport)
class IndikatorImportAdmin(admin.ModelAdmin):
    list_display = ["dateiname", "status", "anzahl_werte", "hochgeladen_von", "hochgeladen_am"]
    list_filter = ["status"]
    search_fields = ["dateiname", "sha256"]
    readonly_fields = ["sha256", "importiert_am"]
