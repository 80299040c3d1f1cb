"""Public index of the annual Planungsdossiers „Sozialplanung Fokus <Jahr>“."""

from django.db.models import Prefetch
from django.views.generic import ListView

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import Phase, Planungsjahr


class DossierIndexView(ListView):
    template_name = "dossier/index.html"
    context_object_name = "jahre"

    def get_queryset(self):
        aufgenommen = (
            Handlungsempfehlung.objects.veroeffentlicht()
            .filter(im_dossier=True)
            .select_related("handlungsfeld")
            .order_by("handlungsfeld__reihenfolge", "titel")
        )
        return (
            Planungsjahr.objects.filter(phase__gte=Phase.PLANUNGSDOSSIER)
            .order_by("-jahr")
            .prefetch_related(
                Prefetch("handlungsempfehlungen", queryset=aufgenommen, to_attr="aufgenommen")
            )
        )
