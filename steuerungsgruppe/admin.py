from django.contrib import admin

from steuerungsgruppe.models import Zielvorschlag


@admin.register(Zielvorschlag)
class ZielvorschlagAdmin(admin.ModelAdmin):
    list_display = ["titel", "planungsjahr", "stimmen_zu", "stimmen_passt_nicht"]
    list_filter = ["planungsjahr"]
    search_fields = ["titel", "anmerkungen"]
