"""Handlungsempfehlungen: the public list, detail and exports; entry and workflow."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, RedirectView
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from empfehlungen import selectors, selectors_wirkung, services
from empfehlungen.charts_wirkung import fortschritt_diagramm
from empfehlungen.filters import SORTIERUNGEN, HandlungsempfehlungFilter
from empfehlungen.forms import HandlungsempfehlungForm, MassnahmeFormSet, StatusForm
from empfehlungen.models import Handlungsempfehlung
from sozialplanung import protokoll
from sozialplanung.models import Planungsjahr
from sozialplanung.roles import FOKUSGRUPPE, SOZIALPLANUNG, RoleRequiredMixin


class GefilterteEmpfehlungenMixin:
    """The list's queryset after the filters in the query string; the exports share it."""

    def get_filterset(self) -> HandlungsempfehlungFilter:
        if not hasattr(self, "filterset"):
            self.filterset = HandlungsempfehlungFilter(
                self.request.GET or None,
                queryset=selectors.empfehlungen_sichtbar_fuer(self.request.user)
                .for_table()
                .mit_raengen(),
                user=self.request.user,
            )
        return self.filterset

    def get_queryset(self):
        return self.get_filterset().qs


class HandlungsempfehlungListView(GefilterteEmpfehlungenMixin, ListView):
    template_name = "empfehlungen/handlungsempfehlung_list.html"
    context_object_name = "empfehlungen"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        aktiv = filterset.form.cleaned_data.get("sortierung") if filterset.is_bound else None
        aktiv = aktiv[0] if aktiv else ""
        context["filter"] = filterset
        context["spalten"] = [
            {
                "param": param,
                "titel": titel,
                "naechste": param if aktiv != param else f"-{param}",
                "richtung": (
                    "ascending" if aktiv == param else "descending" if aktiv == f"-{param}" else ""
                ),
            }
            for param, (_orm, titel) in SORTIERUNGEN.items()
        ]
        context["gefiltert"] = filterset.is_bound and any(
            filterset.form.cleaned_data.get(name)
            for name in filterset.filters
            if name != "sortierung"
        )
        return context


def _zeilen(empfehlungen, request):
    """The exported rows: the list's columns, and the link behind "mehr"."""
    for empfehlung in empfehlungen:
        yield [
            empfehlung.handlungsfeld.name,
            empfehlung.titel,
            empfehlung.get_steuerungsrelevanz_display(),
            empfehlung.planungsjahr.jahr,
            empfehlung.get_kreistag_status_display(),
            request.build_absolute_uri(empfehlung.get_absolute_url()),
        ]


def _kopf():
    return [
        _("Handlungsfeld"),
        _("Handlungsempfehlung"),
        _("Steuerungsrelevanz"),
        _("Jahr"),
        _("Status"),
        _("Link"),
    ]


def _dateiname(endung: str) -> str:
    return f"handlungsempfehlungen-{timezone.localdate():%Y-%m-%d}.{endung}"


def _zelle(wert):
    if not isinstance(wert, str):
        return wert
    # Control characters pasted from word processors are not allowed in XLSX cells.
    wert = ILLEGAL_CHARACTERS_RE.sub("", wert)
    # A cell starting with = + - or @ would run as a formula in Excel (CSV injection).
    if wert[:1] in ("=", "+", "-", "@"):
        return "'" + wert
    return wert


class ExportCsvView(GefilterteEmpfehlungenMixin, View):
    def get(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{_dateiname("csv")}"'
        # The byte-order mark makes German Excel read UTF-8; it expects ";" between cells.
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(_kopf())
        for zeile in _zeilen(self.get_queryset(), request):
            writer.writerow([_zelle(wert) for wert in zeile])
        return response


class ExportXlsxView(GefilterteEmpfehlungenMixin, View):
    def get(self, request):
        mappe = Workbook()
        blatt = mappe.active
        blatt.title = _("Handlungsempfehlungen")
        blatt.append(_kopf())
        for zelle in blatt[1]:
            zelle.font = Font(bold=True)
        for zeile in _zeilen(self.get_queryset(), request):
            blatt.append([_zelle(wert) for wert in zeile])
        for spalte, breite in zip("ABCDEF", (32, 60, 32, 8, 24, 50), strict=True):
            blatt.column_dimensions[spalte].width = breite
        blatt.freeze_panes = "A2"
        blatt.auto_filter.ref = blatt.dimensions
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{_dateiname("xlsx")}"'
        mappe.save(response)
        return response


class HandlungsempfehlungDetailView(DetailView):
    template_name = "empfehlungen/handlungsempfehlung_detail.html"
    context_object_name = "empfehlung"

    def get_queryset(self):
        # Drafts answer 404 to the public, so that not even their title leaks.
        return selectors.empfehlung_detail_queryset(self.request.user)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs["slug"] != self.object.slug:
            return redirect(self.object)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        darf_bearbeiten = user.is_authenticated and selectors.darf_bearbeiten(user, self.object)
        if darf_bearbeiten or self.object.status != Handlungsempfehlung.Status.VEROEFFENTLICHT:
            context["bearbeitung"] = {
                "darf_bearbeiten": darf_bearbeiten,
                "aktionen": selectors.moegliche_aktionen(user, self.object),
                "letzte_aenderung": self.object.statusaenderungen.select_related(
                    "geaendert_von"
                ).first(),
                "form": StatusForm(initial={"version": self.object.version}),
            }
        wirkung = selectors_wirkung.wirkungslogik(self.object)
        context["wirkung"] = wirkung
        context["wirkung_karten"] = [(s, fortschritt_diagramm(s)) for s in wirkung.ziele]
        context["wirkung_diagramme"] = any(d for _s, d in context["wirkung_karten"])
        return context


class HandlungsempfehlungRedirectView(RedirectView):
    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        empfehlung = get_object_or_404(
            selectors.empfehlungen_sichtbar_fuer(self.request.user), pk=kwargs["pk"]
        )
        return empfehlung.get_absolute_url()


class EmpfehlungFormMixin(RoleRequiredMixin):
    """Entry and editing, for staff and for members of Fokusgruppen."""

    required_role = (SOZIALPLANUNG, FOKUSGRUPPE)
    template_name = "empfehlungen/handlungsempfehlung_form.html"
    empfehlung: Handlungsempfehlung | None = None

    def formulare(self, data=None):
        form = HandlungsempfehlungForm(
            data, instance=self.empfehlung, user=self.request.user, initial=self.initial()
        )
        massnahmen = MassnahmeFormSet(data, instance=self.empfehlung, prefix="massnahmen")
        return form, massnahmen

    def initial(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        form, massnahmen = self.formulare()
        return self.render(form, massnahmen)

    def render(self, form, massnahmen, **extra):
        context = {"form": form, "massnahmen": massnahmen, "empfehlung": self.empfehlung, **extra}
        return TemplateResponse(self.request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        form, massnahmen = self.formulare(request.POST)
        if not (form.is_valid() and massnahmen.is_valid()):
            messages.error(
                request,
                _("Bitte prüfen Sie die markierten Felder. Es wurde noch nichts gespeichert."),
            )
            return self.render(form, massnahmen)
        try:
            empfehlung = self.speichern(form, massnahmen)
        except services.VersionKonflikt as konflikt:
            return self.konflikt(form, massnahmen, konflikt.aktuell)
        except ValidationError as fehler:
            form.add_error(None, fehler)
            return self.render(form, massnahmen)
        messages.success(request, _("Die Handlungsempfehlung wurde gespeichert."))
        return redirect(empfehlung)

    def konflikt(self, form, massnahmen, aktuell):
        gesehen = form.cleaned_data["version"]
        # Keep everything the user typed; the hidden version moves on, so that saving
        # again is a deliberate decision to replace the other person's changes.
        data = self.request.POST.copy()
        data["version"] = aktuell.version
        form = HandlungsempfehlungForm(data, instance=aktuell, user=self.request.user)
        return self.render(
            form,
            massnahmen,
            konflikt={
                "aktuell": aktuell,
                "wer": getattr(
                    aktuell.history.select_related("history_user").first(), "history_user", None
                ),
                "aenderungen": selectors.empfehlung_aenderungen_seit(aktuell, gesehen),
            },
        )


class HandlungsempfehlungCreateView(EmpfehlungFormMixin, View):
    def initial(self) -> dict:
        initial = {"planungsjahr": Planungsjahr.objects.aktuell()}
        gruppe = self.request.user.fokusgruppen.first()
        if gruppe is not None:
            initial["herkunft"] = gruppe
        return initial

    def speichern(self, form, massnahmen):
        return services.empfehlung_create(
            daten=form.daten(), user=self.request.user, massnahmen=massnahmen
        )


class HandlungsempfehlungUpdateView(EmpfehlungFormMixin, View):
    def prepare(self, request, *args, **kwargs):
        # What the user may not see is 404; what they see but may not change is 403.
        self.empfehlung = get_object_or_404(
            selectors.empfehlung_detail_queryset(request.user), pk=kwargs["pk"]
        )
        if not selectors.darf_bearbeiten(request.user, self.empfehlung):
            raise PermissionDenied

    def speichern(self, form, massnahmen):
        return services.empfehlung_update(
            empfehlung_id=self.empfehlung.pk,
            version=form.cleaned_data["version"],
            daten=form.daten(),
            user=self.request.user,
            massnahmen=massnahmen,
        )


class HandlungsempfehlungStatusView(RoleRequiredMixin, View):
    """One workflow step from the detail page's Bearbeitung panel."""

    required_role = (SOZIALPLANUNG, FOKUSGRUPPE)
    SERVICES = {
        "einreichen": (
            services.empfehlung_submit,
            _("Die Handlungsempfehlung wurde eingereicht."),
        ),
        "veroeffentlichen": (
            services.empfehlung_publish,
            _("Die Handlungsempfehlung ist jetzt auf der Informationsplattform veröffentlicht."),
        ),
        "zurueckgeben": (
            services.empfehlung_return,
            _("Die Handlungsempfehlung wurde an die Fokusgruppe zurückgegeben."),
        ),
    }

    def prepare(self, request, *args, **kwargs):
        self.empfehlung = get_object_or_404(
            selectors.empfehlungen_sichtbar_fuer(request.user), pk=kwargs["pk"]
        )

    def post(self, request, *args, **kwargs):
        form = StatusForm(request.POST)
        if not form.is_valid():
            # Only a tampered request lacks a known step; the page always sends one.
            return HttpResponseBadRequest(_("Unbekannter Bearbeitungsschritt."))
        service, erfolg = self.SERVICES[form.cleaned_data["aktion"]]
        try:
            service(
                empfehlung_id=self.empfehlung.pk,
                version=form.cleaned_data["version"],
                user=request.user,
                kommentar=form.cleaned_data["kommentar"],
            )
        except services.VersionKonflikt:
            messages.error(
                request,
                _(
                    "Die Handlungsempfehlung wurde inzwischen geändert. Bitte prüfen Sie den "
                    "neuen Stand und wiederholen Sie den Schritt."
                ),
            )
        except ValidationError as fehler:
            for meldung in fehler.messages:
                messages.error(request, meldung)
        else:
            messages.success(request, erfolg)
        return redirect(self.empfehlung)


class HandlungsempfehlungVerlaufView(RoleRequiredMixin, DetailView):
    """Staff see every status change with its comment, and every edit with its fields."""

    template_name = "empfehlungen/handlungsempfehlung_verlauf.html"
    context_object_name = "empfehlung"
    queryset = Handlungsempfehlung.objects.for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statusaenderungen"] = self.object.statusaenderungen.select_related(
            "geaendert_von"
        )
        context["zeilen"] = protokoll.objekt_verlauf(
            protokoll.ARTEN["handlungsempfehlung"], self.object.pk
        )
        context["verwandte"] = protokoll.verwandte_verlaeufe(self.object)
        return context


class VorschlaegeView(RoleRequiredMixin, ListView):
    """Unpublished work: staff review submissions, Fokusgruppen follow their drafts."""

    required_role = (SOZIALPLANUNG, FOKUSGRUPPE)
    template_name = "empfehlungen/vorschlaege.html"
    context_object_name = "empfehlungen"

    def get_queryset(self):
        return selectors.empfehlungen_in_bearbeitung_fuer(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["neu_url"] = reverse("empfehlungen:create")
        return context
