"""Public pages of the Handlungsfelder."""

from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import Planungsjahr


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
        return context
