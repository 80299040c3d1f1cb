"""Public page of the Steuerungsgruppe: its task and the Zielvorschläge with their votes."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from sozialplanung.models import Planungsjahr
from steuerungsgruppe.models import Zielvorschlag


class SteuerungsgruppeView(TemplateView):
    template_name = "steuerungsgruppe/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jahre"] = (
            Planungsjahr.objects.filter(zielvorschlaege__isnull=False)
            .distinct()
            .order_by("-jahr")
            .prefetch_related(
                Prefetch("zielvorschlaege", queryset=Zielvorschlag.objects.order_by("reihenfolge"))
            )
        )
        return context
