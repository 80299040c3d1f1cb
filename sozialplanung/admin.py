from django.contrib import admin

from sozialplanung.models import PhasenWechsel, Planungsjahr


class PhasenWechselInline(admin.TabularInline):
    model = PhasenWechsel
    extra = 0
    can_delete = False
    readonly_fields = ["von_phase", "nach_phase", "zeitpunkt", "user", "begruendung"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Planungsjahr)
class PlanungsjahrAdmin(admin.ModelAdmin):
    list_display = ["jahr", "phase", "created"]
    list_filter = ["phase"]
    search_fields = ["jahr"]
    inlines = [PhasenWechselInline]

    def get_readonly_fields(self, request, obj=None):
        # The phase changes only through the services, which check and log it.
        return ["phase"] if obj else []


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
