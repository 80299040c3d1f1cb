from django.contrib import admin

from sozialplanung.models import BarrierefreiheitRueckmeldung, PhasenWechsel, Planungsjahr
from sozialplanung.services import planungsjahr_create, rueckmeldung_set_erledigt


class PhasenWechselInline(admin.TabularInline):
    model = PhasenWechsel
    extra = 0
    can_delete = False
    readonly_fields = ["von_phase", "nach_phase", "zeitpunkt", "user", "begruendung"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Planungsjahr)
class PlanungsjahrAdmin(admin.ModelAdmin):
    list_display = ["jahr", "phase", "created"]
    list_filter = ["phase"]
    search_fields = ["jahr"]
    inlines = [PhasenWechselInline]

    # The phase changes only through the services, which check and log it.
    readonly_fields = ["phase"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            neu = planungsjahr_create(jahr=obj.jahr, user=request.user)
            obj.pk = neu.pk


@admin.register(PhasenWechsel)
class PhasenWechselAdmin(admin.ModelAdmin):
    list_display = ["planungsjahr", "von_phase", "nach_phase", "zeitpunkt", "user"]
    list_filter = ["planungsjahr", "nach_phase"]
    search_fields = ["begruendung", "user__username"]
    list_select_related = ["planungsjahr", "user"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BarrierefreiheitRueckmeldung)
class BarrierefreiheitRueckmeldungAdmin(admin.ModelAdmin):
    list_display = ["created", "seite", "nachricht", "erledigt"]
    list_filter = ["erledigt"]
    search_fields = ["nachricht", "seite"]
    readonly_fields = ["created", "erledigt_am"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "erledigt" in form.changed_data:
            rueckmeldung_set_erledigt(rueckmeldung=obj, erledigt=obj.erledigt)
