"""Public pages of the Handlungsfelder and the Sozialmonitoring; the staff's import."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Min, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder import charts, selectors, services
from handlungsfelder.forms import (
    IndikatorImportBestaetigenForm,
    IndikatorUploadForm,
    StrategischeAnalyseForm,
)
from handlungsfelder.importer import ImportFehler
from handlungsfelder.models import (
    Handlungsfeld,
    Indikator,
    IndikatorImport,
    StrategischeAnalyse,
)
from sozialplanung.models import Phase, Planungsjahr
from sozialplanung.roles import RoleRequiredMixin, is_sozialplanung


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
        context["kuenftige"] = [f for f in felder if jahr is not None and f.gueltig_von > jahr]
        context["fruehere"] = [
            f
            for f in felder
            if jahr is not None and f.gueltig_bis is not None and f.gueltig_bis < jahr
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
        analyse = selectors.aktuelle_analyse(
            self.object, mit_entwurf=is_sozialplanung(self.request.user)
        )
        context["analyse"] = analyse
        context["diagramme"] = _zeitreihen(analyse.indikatoren.all()) if analyse else []
        context["weitere_indikatoren"] = self.object.indikatoren.order_by("tabelle", "name")
        context["aktuelles_jahr"] = Planungsjahr.objects.aktuell()
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
        reihen = selectors.reihen([self.object], [raum.kreis, raum.land]).get(self.object.pk, {})
        diagramme = []
        if reihen:
            diagramme.append(charts.zeitreihe(self.object, raum.kreis, raum.land, reihen))
        if raum.land:
            jahr, werte = selectors.kreise_des_landes(self.object, raum.land)
            if len(werte) > 1:
                diagramme.append(
                    charts.kreisvergleich(self.object, raum.kreis, raum.land, jahr, werte)
                )
        context["ohne_eigenen_kreis"] = not (raum.kreis and reihen.get(raum.kreis.pk))
        context["diagramme"] = diagramme
        return context


class IndikatorUploadView(RoleRequiredMixin, FormView):
    template_name = "handlungsfelder/indikator_import.html"
    form_class = IndikatorUploadForm

    def form_valid(self, form):
        try:
            vorgang = services.indikator_import_hochladen(
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

    def prepare(self, request, *args, **kwargs):
        self.vorgang = get_object_or_404(IndikatorImport, pk=kwargs["pk"])

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
            context["frueher"] = (
                IndikatorImport.objects.filter(
                    sha256=self.vorgang.sha256, status=IndikatorImport.Status.IMPORTIERT
                )
                .order_by("-importiert_am")
                .first()
            )
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


class StrategischeAnalyseView(RoleRequiredMixin, FormView):
    """Staff write a Handlungsfeld's analysis for a year and choose its indicators."""

    template_name = "handlungsfelder/strategische_analyse_form.html"
    form_class = StrategischeAnalyseForm

    def prepare(self, request, *args, **kwargs):
        self.handlungsfeld = get_object_or_404(Handlungsfeld, slug=kwargs["slug"])
        self.planungsjahr = get_object_or_404(Planungsjahr, jahr=kwargs["jahr"])
        if not self.handlungsfeld.ist_gueltig_in(self.planungsjahr.jahr):
            raise Http404(_("Das Handlungsfeld gilt in diesem Planungsjahr nicht."))
        if self.planungsjahr.phase == Phase.ENTSCHEIDUNG:
            messages.info(
                request,
                _(
                    "Das Planungsjahr %(jahr)s ist in der Phase „Entscheidung“; seine "
                    "Strategische Analyse ist abgeschlossen."
                )
                % {"jahr": self.planungsjahr.jahr},
            )
            return redirect(self.handlungsfeld)
        self.analyse = self._analyse()

    def _analyse(self) -> StrategischeAnalyse | None:
        return (
            StrategischeAnalyse.objects.filter(
                handlungsfeld=self.handlungsfeld, planungsjahr=self.planungsjahr
            )
            .select_related("geaendert_von")
            .prefetch_related("indikatoren")
            .first()
        )

    def get_initial(self):
        if self.analyse is None:
            return {"version": 0}
        return {
            **{feld: getattr(self.analyse, feld) for feld in StrategischeAnalyse.TEXTFELDER},
            "indikatoren": list(self.analyse.indikatoren.all()),
            "version": self.analyse.version,
        }

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["handlungsfeld"] = self.handlungsfeld
        kwargs["gewaehlt"] = list(self.analyse.indikatoren.all()) if self.analyse else []
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            handlungsfeld=self.handlungsfeld,
            planungsjahr=self.planungsjahr,
            analyse=self.analyse,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.analyse_speichern(
                handlungsfeld=self.handlungsfeld,
                planungsjahr=self.planungsjahr,
                texte={feld: form.cleaned_data[feld] for feld in StrategischeAnalyse.TEXTFELDER},
                indikatoren=form.cleaned_data["indikatoren"],
                version=form.cleaned_data["version"],
                user=self.request.user,
            )
        except ValidationError as fehler:
            # Keep what was typed, show the newer stand beside it, and let the next save
            # knowingly replace it.
            self.analyse = self._analyse()
            daten = form.data.copy()
            daten["version"] = self.analyse.version if self.analyse else 0
            form = self.get_form_class()(
                daten,
                handlungsfeld=self.handlungsfeld,
                gewaehlt=self.analyse.indikatoren.all() if self.analyse else (),
            )
            form.is_valid()
            form.add_error(None, fehler.messages[0])
            return self.render_to_response(self.get_context_data(form=form, konflikt=True))
        messages.success(
            self.request,
            _("Die Strategische Analyse %(jahr)s für „%(feld)s“ ist gespeichert.")
            % {"jahr": self.planungsjahr.jahr, "feld": self.handlungsfeld.name},
        )
        return redirect(self.handlungsfeld)
