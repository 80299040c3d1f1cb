from django.contrib import admin, messages
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

ERGEBNIS_GESPERRT = _(
    "Die Einschätzungsrunde zu dieser Handlungsempfehlung ist geschlossen. Steuerungsrelevanz "
    "und Aufnahme in das Planungsdossier sind ihr Ergebnis und können nicht geändert werden."
)


def ergebnis_ist_abgeschlossen(empfehlung: Handlungsempfehlung) -> bool:
    # Through the reverse relation by name: empfehlungen does not import steuerungsgruppe.
    return Handlungsempfehlung.objects.filter(
        pk=empfehlung.pk, steuerungsgruppe_runde__status="geschlossen"
    ).exists()


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

    def get_readonly_fields(self, request, obj=None):
        # The Kreistag status is derived from the Beratungen by services_kreistag; the
        # result of a closed scoring round is the Steuerungsgruppe's and stays as it is.
        felder = ["kreistag_status"]
        if obj is not None and ergebnis_ist_abgeschlossen(obj):
            felder += ["steuerungsrelevanz", "im_dossier"]
        return felder

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and ergebnis_ist_abgeschlossen(obj):
            self.message_user(request, ERGEBNIS_GESPERRT, messages.INFO)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


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
