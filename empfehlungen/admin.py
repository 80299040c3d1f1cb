from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import (
    Beratung,
    Dialognotiz,
    Handlungsempfehlung,
    KreistagStatusAenderung,
    Massnahme,
    MassnahmeStatusAenderung,
    Vorlage,
    Wirkungsmessung,
    Wirkungsziel,
)
from empfehlungen.selectors_wirkung import MESSLATTE
from empfehlungen.services_kreistag import kreistag_status_update_fuer_vorlagen


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
    # Derived from the Beratungen by services_kreistag; never typed in by hand.
    readonly_fields = ["kreistag_status"]


@admin.register(Massnahme)
class MassnahmeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "handlungsempfehlung", "status", "budget", "zeitpunkt"]
    list_filter = ["status", "handlungsempfehlung__planungsjahr"]
    search_fields = ["massnahme", "ziele", "verantwortung", "handlungsempfehlung__titel"]
    list_select_related = ["handlungsempfehlung"]


class BeratungInline(admin.TabularInline):
    model = Beratung
    extra = 0


@admin.register(Vorlage)
class VorlageAdmin(admin.ModelAdmin):
    list_display = ["reference", "titel", "art", "datum"]
    list_filter = ["art"]
    search_fields = ["reference", "titel"]
    filter_horizontal = ["handlungsempfehlungen"]
    inlines = [BeratungInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        kreistag_status_update_fuer_vorlagen(
            vorlagen=[form.instance.pk], anlass=_("Änderung in der Datenverwaltung")
        )


@admin.register(KreistagStatusAenderung)
class KreistagStatusAenderungAdmin(admin.ModelAdmin):
    list_display = ["handlungsempfehlung", "von_status", "nach_status", "datum", "anlass"]
    list_select_related = ["handlungsempfehlung"]
    # The log is written by the status service only.
    readonly_fields = [f.name for f in KreistagStatusAenderung._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(MassnahmeStatusAenderung)
class MassnahmeStatusAenderungAdmin(admin.ModelAdmin):
    list_display = ["massnahme", "status", "datum", "budget_ausgegeben"]
    list_select_related = ["massnahme"]


# --- Wirkungsorientierung -----------------------------------------------------------------


class WirkungsmessungInline(admin.TabularInline):
    model = Wirkungsmessung
    extra = 0
    fields = ["datum", "wert", "notiz", "erfasst_von"]
    readonly_fields = ["erfasst_von"]


@admin.register(Wirkungsziel)
class WirkungszielAdmin(admin.ModelAdmin):
    """For looking up and deleting; the yardstick changes on the goal's own page.

    There the six-week rule asks for a reason; here the yardstick is read-only, so that
    the Datenverwaltung is no way around it. Mistyped values can be corrected below.
    """

    list_display = ["__str__", "handlungsempfehlung", "stufe", "indikator", "zieldatum"]
    list_filter = ["stufe", "handlungsempfehlung__planungsjahr"]
    search_fields = ["text", "zielgruppe", "eigener_indikator", "handlungsempfehlung__titel"]
    list_select_related = ["handlungsempfehlung", "indikator"]
    inlines = [WirkungsmessungInline]

    def get_readonly_fields(self, request, obj=None):
        return [*MESSLATTE, "handlungsempfehlung"] if obj else []

    def save_model(self, request, obj, form, change):
        # A change here counts like one on the goal's page: a form opened before it is
        # refused instead of silently overwriting it.
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(Dialognotiz)
class DialognotizAdmin(admin.ModelAdmin):
    list_display = ["wirkungsziel", "datum", "seite", "von"]
    list_select_related = ["wirkungsziel"]
    readonly_fields = ["erfasst_von"]
