"""Views of the Kreistag phase: OParl sync, CSV of Beratungen, Maßnahmen, /umsetzung/, PDF."""

import base64

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from django_filters.views import FilterView

from empfehlungen import oparl
from empfehlungen.filters_kreistag import UmsetzungFilter
from empfehlungen.forms_kreistag import BeratungenCsvForm, MassnahmeStatusForm, OParlSyncForm
from empfehlungen.models import Massnahme, Steuerungsrelevanz, Vorlage
from empfehlungen.selectors import empfehlungen_sichtbar_fuer
from empfehlungen.selectors_kreistag import massnahme_schritte, umsetzung_queryset
from empfehlungen.services_kreistag import (
    CsvFehler,
    beratungen_csv_anwenden,
    beratungen_csv_lesen,
    massnahme_status_update,
)
from sozialplanung.anzeige import DeutschesDokumentMixin
from sozialplanung.roles import RoleRequiredMixin

CSV_SITZUNG = "kreistag_beratungen_csv"


class OParlSyncView(RoleRequiredMixin, FormView):
    """The sync of ``manage.py sync_oparl`` as a button; the report shows on the page."""

    template_name = "empfehlungen/oparl_sync.html"
    form_class = OParlSyncForm

    def form_valid(self, form):
        try:
            bericht = oparl.oparl_sync(quelle=form.cleaned_data["quelle"])
        except oparl.OParlFehler as fehler:
            form.add_error("quelle", str(fehler))
            return self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form, bericht=bericht))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_ordner"] = str(oparl.DEMO_ORDNER)
        context["vorlagen"] = Vorlage.objects.order_by("-datum", "reference")[:50]
        return context


class BeratungenCsvView(RoleRequiredMixin, FormView):
    template_name = "empfehlungen/beratungen_import.html"
    form_class = BeratungenCsvForm

    def form_valid(self, form):
        inhalt = form.cleaned_data["datei"].read()
        try:
            beratungen_csv_lesen(inhalt=inhalt)
        except CsvFehler as fehler:
            return self.render_to_response(self.get_context_data(form=form, fehler=fehler.fehler))
        # The file waits in the session until staff confirm the preview (max. 1 MB).
        self.request.session[CSV_SITZUNG] = base64.b64encode(inhalt).decode("ascii")
        return redirect("empfehlungen:beratungen_import_vorschau")


class BeratungenCsvVorschauView(RoleRequiredMixin, TemplateView):
    template_name = "empfehlungen/beratungen_import_vorschau.html"

    def prepare(self, request, *args, **kwargs):
        gespeichert = request.session.get(CSV_SITZUNG)
        if not gespeichert:
            messages.info(request, _("Bitte zuerst eine CSV-Datei hochladen."))
            return redirect("empfehlungen:beratungen_import")
        self.inhalt = base64.b64decode(gespeichert)
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["bilanz"] = beratungen_csv_lesen(inhalt=self.inhalt)
        except CsvFehler as fehler:
            context["fehler"] = fehler.fehler
        return context

    def post(self, request, *args, **kwargs):
        try:
            bilanz = beratungen_csv_anwenden(inhalt=self.inhalt)
        except CsvFehler as fehler:
            return self.render_to_response(self.get_context_data() | {"fehler": fehler.fehler})
        del request.session[CSV_SITZUNG]
        messages.success(
            request,
            _(
                "Beratungen übernommen: %(neu)s neu, %(geaendert)s geändert, %(gleich)s "
                "unverändert. Kreistag-Status geändert: %(status)s."
            )
            % {
                "neu": bilanz.neu,
                "geaendert": bilanz.geaendert,
                "gleich": bilanz.unveraendert,
                "status": bilanz.status_geaendert,
            },
        )
        return redirect("empfehlungen:oparl_sync")


class MassnahmeStatusView(RoleRequiredMixin, FormView):
    """Staff record a step of a Maßnahme's implementation; earlier steps stay visible."""

    template_name = "empfehlungen/massnahme_status.html"
    form_class = MassnahmeStatusForm

    def prepare(self, request, *args, **kwargs):
        self.massnahme = get_object_or_404(
            Massnahme.objects.select_related("handlungsempfehlung"), pk=kwargs["pk"]
        )

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"massnahme": self.massnahme}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["massnahme"] = self.massnahme
        context["schritte"] = massnahme_schritte(massnahme=self.massnahme)
        return context

    def form_valid(self, form):
        massnahme_status_update(massnahme=self.massnahme, **form.cleaned_data)
        messages.success(self.request, _("Der Umsetzungsstand wurde gespeichert."))
        return redirect(self.massnahme.handlungsempfehlung)


class UmsetzungListView(FilterView):
    """Public: the decided recommendations and how far their Maßnahmen have got."""

    template_name = "empfehlungen/umsetzung_list.html"
    filterset_class = UmsetzungFilter
    context_object_name = "empfehlungen"
    paginate_by = 25

    def get_queryset(self):
        return umsetzung_queryset(self.request.user)


class VorlageEntwurfView(RoleRequiredMixin, DeutschesDokumentMixin, View):
    """The text of a Mitteilungs- or Beschlussvorlage for a steuerungsrelevant recommendation.

    As the 2023 protocol's "Verbindlichere Handlungsempfehlungen" asks, it carries a
    Beschlussformulierung; staff copy it into the council system, so it is a PDF draft.
    """

    ARTEN = {"mitteilungsvorlage": "Mitteilungsvorlage", "beschlussvorlage": "Beschlussvorlage"}

    def prepare(self, request, *args, **kwargs):
        self.empfehlung = get_object_or_404(
            empfehlungen_sichtbar_fuer(request.user).for_list().prefetch_related("massnahmen"),
            pk=kwargs["pk"],
        )
        if self.empfehlung.steuerungsrelevanz not in (
            Steuerungsrelevanz.RELEVANT,
            Steuerungsrelevanz.HOCH,
        ):
            raise Http404(_("Entwürfe gibt es nur für steuerungsrelevante Empfehlungen."))

    def get(self, request, *args, **kwargs):
        from weasyprint import HTML  # imported here: loading it costs a second per process

        art = request.GET.get("art", "beschlussvorlage")
        if art not in self.ARTEN:
            art = "beschlussvorlage"
        html = render_to_string(
            "empfehlungen/vorlage_entwurf.html",
            {"empfehlung": self.empfehlung, "art": art, "art_name": self.ARTEN[art]},
            request=request,
        )
        pdf = HTML(string=html).write_pdf()
        antwort = HttpResponse(pdf, content_type="application/pdf")
        name = f"{art}-{slugify(self.empfehlung.titel)[:60]}.pdf"
        antwort["Content-Disposition"] = f'attachment; filename="{name}"'
        return antwort
