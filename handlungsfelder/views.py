"""Public pages of the Handlungsfelder and the Sozialmonitoring; the staff's import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Min, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder import charts, selectors, services
from handlungsfelder.forms import IndikatorImportBestaetigenForm, IndikatorUploadForm
from handlungsfelder.importer import ImportFehler
from handlungsfelder.models import Handlungsfeld, Indikator, IndikatorImport
from sozialplanung.models import Planungsjahr
from sozialplanung.roles import RoleRequiredMixin


class HandlungsfeldListView(ListView):
    template_name = "handlungsfelder/handlungsfeld_list.html"
    context_object_name = "handlungsfelder"

    def get_queryset(self):
        veroeffentlicht = Q(
            handlungsempfehlungen__status=Handlungsempfehlung.Status.VEROEFFENTLICHT
        )
        return Handlungsfeld.objects.annotate(
            anzahl_empfehlungen=Count("handlungsempfehlungen", filter=veroeffentlicht)
        ).order_by("reihenfolge", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aktuell = Planungsjahr.objects.aktuell()
        jahr = aktuell.jahr if aktuell else None
        felder = context["handlungsfelder"]
        context["jahr"] = jahr
        context["gueltige"] = [f for f in felder if jahr is None or f.ist_gueltig_in(jahr)]
        context["fruehere"] = [
            f for f in felder if jahr is not None and not f.ist_gueltig_in(jahr)
        ]
        return context


def _zeitreihen(indikatoren) -> list[charts.Diagramm]:
    raum = selectors.vergleichsraum()
    daten = selectors.reihen(list(indikatoren), [raum.kreis, raum.land])
    return [
        charts.zeitreihe(indikator, raum.kreis, raum.land, daten.get(indikator.pk, {}))
        for indikator in indikatoren
        if indikator.pk in daten
    ]


class HandlungsfeldDetailView(DetailView):
    template_name = "handlungsfelder/handlungsfeld_detail.html"
    context_object_name = "handlungsfeld"

    def get_queryset(self):
        return Handlungsfeld.objects.prefetch_related("fokusgruppen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["empfehlungen"] = (
            self.object.handlungsempfehlungen.veroeffentlicht()
            .select_related("planungsjahr", "herkunft")
            .order_by("-planungsjahr__jahr", "titel")
        )
        analyse = selectors.aktuelle_analyse(self.object)
        context["analyse"] = analyse
        context["diagramme"] = _zeitreihen(analyse.indikatoren.all()) if analyse else []
        context["weitere_indikatoren"] = self.object.indikatoren.order_by("tabelle", "name")
        return context


class IndikatorListView(ListView):
    template_name = "handlungsfelder/indikator_list.html"
    context_object_name = "indikatoren"

    def get_queryset(self):
        return (
            Indikator.objects.annotate(
                anzahl_werte=Count("messwerte"),
                von=Min("messwerte__jahr"),
                bis=Max("messwerte__jahr"),
            )
            .prefetch_related("handlungsfelder")
            .order_by("tabelle", "name")
        )


class IndikatorDetailView(DetailView):
    template_name = "handlungsfelder/indikator_detail.html"
    context_object_name = "indikator"
    queryset = Indikator.objects.prefetch_related("handlungsfelder")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raum = selectors.vergleichsraum()
        daten = selectors.reihen([self.object], [raum.kreis, raum.land])
        diagramme = [
            charts.zeitreihe(self.object, raum.kreis, raum.land, daten.get(self.object.pk, {}))
        ]
        if raum.land:
            jahr, werte = selectors.kreise_des_landes(self.object, raum.land)
            if len(werte) > 1:
                diagramme.append(
                    charts.kreisvergleich(self.object, raum.kreis, raum.land, jahr, werte)
                )
        context["raum"] = raum
        context["diagramme"] = diagramme
        return context


class IndikatorUploadView(RoleRequiredMixin, FormView):
    template_name = "handlungsfelder/indikator_import.html"
    form_class = IndikatorUploadForm

    def form_valid(self, form):
        try:
            vorgang, _ergebnis = services.indikator_import_hochladen(
                datei=form.cleaned_data["datei"], user=self.request.user
            )
        except ImportFehler as fehler:
            form.add_error("datei", str(fehler))
            return self.form_invalid(form)
        return redirect("handlungsfelder:import_vorschau", pk=vorgang.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letzte"] = IndikatorImport.objects.select_related("hochgeladen_von")[:10]
        return context


class IndikatorImportVorschauView(RoleRequiredMixin, FormView):
    template_name = "handlungsfelder/indikator_import_vorschau.html"
    form_class = IndikatorImportBestaetigenForm

    def dispatch(self, request, *args, **kwargs):
        self.vorgang = get_object_or_404(IndikatorImport, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        aktuell = Planungsjahr.objects.aktuell()
        kwargs["jahr"] = aktuell.jahr if aktuell else None
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vorgang"] = self.vorgang
        if self.vorgang.status == IndikatorImport.Status.VORSCHAU:
            ergebnis = services.indikator_import_lesen(vorgang=self.vorgang)
            context["ergebnis"] = ergebnis
            context["bilanz"] = services.indikatoren_bilanz(ergebnis=ergebnis)
        return context

    def form_valid(self, form):
        try:
            bilanz = services.indikator_import_bestaetigen(
                vorgang=self.vorgang, handlungsfelder=form.cleaned_data["handlungsfelder"]
            )
        except ValidationError as fehler:
            messages.error(self.request, " ".join(fehler.messages))
            return redirect("handlungsfelder:import")
        messages.success(
            self.request,
            _(
                "„%(datei)s“ wurde importiert: %(neu)s Werte neu, %(geaendert)s geändert, "
                "%(gleich)s unverändert."
            )
            % {
                "datei": self.vorgang.dateiname,
                "neu": bilanz.neu,
                "geaendert": bilanz.geaendert,
                "gleich": bilanz.unveraendert,
            },
        )
        return redirect("handlungsfelder:indikator_list")
