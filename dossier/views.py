"""The annual Planungsdossier „Sozialplanung Fokus <Jahr>“: index, web report, PDF, texts."""

import io
from itertools import count

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from dossier import pdf, services
from dossier.forms import DossierForm
from dossier.models import Dossier
from dossier.selectors import dossier_inhalt
from empfehlungen.models import Handlungsempfehlung
from sozialplanung.anzeige import DeutschesDokumentMixin
from sozialplanung.models import Phase, Planungsjahr
from sozialplanung.roles import RoleRequiredMixin, is_sozialplanung


def sichtbares_planungsjahr(user, jahr: int) -> Planungsjahr:
    """The year whose dossier ``user`` may read: public from its phase on, staff earlier."""
    planungsjahr = get_object_or_404(Planungsjahr, jahr=jahr)
    if planungsjahr.ist_dossier_entwurf and not is_sozialplanung(user):
        raise Http404(_("Dieses Planungsdossier ist noch nicht veröffentlicht."))
    return planungsjahr


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
        jahre = Planungsjahr.objects.order_by("-jahr")
        if not is_sozialplanung(self.request.user):
            jahre = jahre.mit_oeffentlichem_dossier()
        return jahre.prefetch_related(
            Prefetch("handlungsempfehlungen", queryset=aufgenommen, to_attr="aufgenommen")
        )


class DossierDetailView(TemplateView):
    """The web report: the PDF's content, with interactive charts and links."""

    template_name = "dossier/dossier_detail.html"

    def get_context_data(self, **kwargs):
        planungsjahr = sichtbares_planungsjahr(self.request.user, kwargs["jahr"])
        inhalt = dossier_inhalt(planungsjahr)
        nummer = count(1)
        return super().get_context_data(
            inhalt=inhalt,
            kapitel_mit_diagrammen=[
                (k, [(next(nummer), z.diagramm(inhalt.raum)) for z in k.zeitreihen])
                for k in inhalt.kapitel
            ],
            section="dossier",
            # The analysis closes with the phase "Entscheidung"; its form then refuses.
            texte_bearbeitbar=is_sozialplanung(self.request.user)
            and planungsjahr.phase < Phase.ENTSCHEIDUNG,
            **kwargs,
        )


class DossierPdfView(DeutschesDokumentMixin, View):
    """The PDF, built once per content and then served from the cache."""

    def get(self, request, jahr: int):
        planungsjahr = sichtbares_planungsjahr(request.user, jahr)
        inhalt = dossier_inhalt(planungsjahr)
        try:
            ergebnis = pdf.dossier_pdf(inhalt)
        except pdf.DossierFehler as fehler:
            return render(
                request,
                "dossier/pdf_fehler.html",
                {"inhalt": inhalt, "fehler": str(fehler)},
                status=503,
            )
        name = f"Sozialplanung-Fokus-{jahr}{'-Entwurf' if inhalt.ist_entwurf else ''}.pdf"
        antwort = FileResponse(
            io.BytesIO(ergebnis.daten), content_type="application/pdf", filename=name
        )
        # A draft is for staff only; the published dossier may sit in any cache briefly.
        antwort["Cache-Control"] = "private, no-store" if inhalt.ist_entwurf else "max-age=300"
        return antwort


class DossierBearbeitenView(RoleRequiredMixin, FormView):
    """Staff write the dossier's Zusammenfassung."""

    template_name = "dossier/dossier_form.html"
    form_class = DossierForm

    def prepare(self, request, *args, **kwargs):
        self.planungsjahr = get_object_or_404(Planungsjahr, jahr=kwargs["jahr"])
        if self.planungsjahr.phase == Phase.ENTSCHEIDUNG:
            messages.info(
                request,
                _("Das Planungsdossier %(jahr)s liegt dem Kreistag vor und ist abgeschlossen.")
                % {"jahr": self.planungsjahr.jahr},
            )
            return redirect("dossier:detail", jahr=self.planungsjahr.jahr)
        self.dossier = Dossier.objects.filter(planungsjahr=self.planungsjahr).first()

    def get_initial(self):
        if self.dossier is None:
            return {"version": 0}
        return {"zusammenfassung": self.dossier.zusammenfassung, "version": self.dossier.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            planungsjahr=self.planungsjahr, dossier=self.dossier, **kwargs
        )

    def form_valid(self, form):
        try:
            services.dossier_speichern(
                planungsjahr=self.planungsjahr,
                zusammenfassung=form.cleaned_data["zusammenfassung"],
                version=form.cleaned_data["version"],
                user=self.request.user,
            )
        except ValidationError as fehler:
            # Keep what was typed, show the newer text beside it; the next save replaces it.
            # Without a saved text yet (a stale form), the next save starts at version 0.
            self.dossier = Dossier.objects.filter(planungsjahr=self.planungsjahr).first()
            daten = form.data.copy()
            daten["version"] = self.dossier.version if self.dossier else 0
            form = self.get_form_class()(daten)
            form.is_valid()
            form.add_error(None, fehler.messages[0])
            return self.render_to_response(
                self.get_context_data(form=form, konflikt=fehler.code == "veraltet")
            )
        messages.success(
            self.request,
            _("Die Zusammenfassung des Planungsdossiers %(jahr)s ist gespeichert.")
            % {"jahr": self.planungsjahr.jahr},
        )
        return redirect("dossier:detail", jahr=self.planungsjahr.jahr)
