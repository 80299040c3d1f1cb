"""The cycle dashboard and the phase changes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from sozialplanung import selectors, services
from sozialplanung.filters import AenderungenFilter
from sozialplanung.forms import (
    BarrierefreiheitRueckmeldungForm,
    PhasenWechselForm,
    PhaseZurueckForm,
    fehler_ins_formular,
)
from sozialplanung.models import BarrierefreiheitRueckmeldung, Planungsjahr
from sozialplanung.protokoll import ARTEN, ProtokollSeite, empfehlung_id, objekt_verlauf
from sozialplanung.roles import RoleRequiredMixin, is_sozialplanung


class ZyklusView(TemplateView):
    """The start page: the cycle of one Planungsjahr, the newest by default."""

    template_name = "sozialplanung/zyklus.html"

    def get_planungsjahr(self, jahre: list[Planungsjahr]) -> Planungsjahr | None:
        """From the annotated years (newest first): the asked-for one, or the newest."""
        if "jahr" not in self.kwargs:
            return jahre[0] if jahre else None
        for planungsjahr in jahre:
            if planungsjahr.jahr == self.kwargs["jahr"]:
                return planungsjahr
        raise Http404(_("Dieses Planungsjahr gibt es nicht."))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jahre = list(selectors.planungsjahre_mit_zahlen())
        planungsjahr = self.get_planungsjahr(jahre)
        context["planungsjahr"] = planungsjahr
        context["jahre"] = jahre
        if planungsjahr is None:
            return context
        context["stand"] = selectors.zyklus_stand(planungsjahr)
        if is_sozialplanung(self.request.user):
            if planungsjahr.naechste_phase:
                context["fehlt"] = services.vorbedingungen_naechste_phase(planungsjahr)
            context["verlauf"] = planungsjahr.phasenwechsel.select_related("user").order_by(
                "-zeitpunkt", "-pk"
            )
            context["weiter_form"] = PhasenWechselForm(
                initial={"erwartete_phase": planungsjahr.phase}
            )
        return context


class PhaseWeiterView(RoleRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, jahr: int):
        planungsjahr = get_object_or_404(Planungsjahr, jahr=jahr)
        form = PhasenWechselForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Die Anfrage war unvollständig. Bitte erneut versuchen."))
            return HttpResponseRedirect(planungsjahr.get_absolute_url())
        try:
            wechsel = services.planungsjahr_advance(
                planungsjahr=planungsjahr,
                user=request.user,
                erwartete_phase=form.cleaned_data["erwartete_phase"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Das Planungsjahr %(jahr)s ist jetzt in der Phase „%(phase)s“.")
                % {"jahr": jahr, "phase": wechsel.get_nach_phase_display()},
            )
        return HttpResponseRedirect(planungsjahr.get_absolute_url())


class PhaseZurueckView(RoleRequiredMixin, FormView):
    template_name = "sozialplanung/phase_zurueck.html"
    form_class = PhaseZurueckForm

    def prepare(self, request, *args, **kwargs):
        self.planungsjahr = get_object_or_404(Planungsjahr, jahr=kwargs["jahr"])
        if self.planungsjahr.vorherige_phase is None:
            messages.info(request, _("Die Strategische Analyse ist die erste Phase des Zyklus."))
            return HttpResponseRedirect(self.planungsjahr.get_absolute_url())
        return None

    def get_initial(self):
        return {"erwartete_phase": self.planungsjahr.phase}

    def get_context_data(self, **kwargs):
        return super().get_context_data(planungsjahr=self.planungsjahr, **kwargs)

    def form_valid(self, form):
        try:
            wechsel = services.planungsjahr_revert(
                planungsjahr=self.planungsjahr,
                user=self.request.user,
                begruendung=form.cleaned_data["begruendung"],
                erwartete_phase=form.cleaned_data["erwartete_phase"],
            )
        except ValidationError as error:
            fehler_ins_formular(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Das Planungsjahr %(jahr)s ist zurück in der Phase „%(phase)s“.")
            % {"jahr": self.planungsjahr.jahr, "phase": wechsel.get_nach_phase_display()},
        )
        return HttpResponseRedirect(self.planungsjahr.get_absolute_url())


def favicon(request):
    # Browsers ask for /favicon.ico regardless of the <link>. Resolved per request, and
    # temporary, because the hashed name exists only after collectstatic and changes.
    return HttpResponseRedirect(static("img/favicon.svg"))


class BarrierefreiheitView(FormView):
    """The Erklärung zur Barrierefreiheit with its feedback form; anyone may send one."""

    template_name = "seiten/barrierefreiheit.html"
    form_class = BarrierefreiheitRueckmeldungForm

    def get_initial(self):
        # Links "Barriere auf dieser Seite melden" may pass the page along.
        return {"seite": self.request.GET.get("seite", "")[:300]}

    def form_valid(self, form):
        daten = form.cleaned_data
        services.rueckmeldung_create(
            nachricht=daten["nachricht"],
            seite=daten["seite"],
            name=daten["name"],
            email=daten["email"],
        )
        messages.success(
            self.request,
            _(
                "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen. Wenn Sie eine "
                "E-Mail-Adresse angegeben haben, antworten wir Ihnen innerhalb von zwei Wochen."
            ),
        )
        return HttpResponseRedirect(reverse("barrierefreiheit") + "#rueckmeldung")


class RueckmeldungListView(RoleRequiredMixin, ListView):
    """Staff read the reported barriers, the open ones first."""

    model = BarrierefreiheitRueckmeldung
    template_name = "sozialplanung/rueckmeldung_list.html"
    context_object_name = "rueckmeldungen"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            offen=BarrierefreiheitRueckmeldung.objects.filter(erledigt=False).count(), **kwargs
        )


class RueckmeldungErledigtView(RoleRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        rueckmeldung = get_object_or_404(BarrierefreiheitRueckmeldung, pk=pk)
        if request.POST.get("erledigt") not in ("0", "1"):
            # Only a tampered request sends anything else; the page always sends 0 or 1.
            return HttpResponseBadRequest(_("Unbekannter Bearbeitungsschritt."))
        erledigt = request.POST.get("erledigt") == "1"
        services.rueckmeldung_set_erledigt(rueckmeldung=rueckmeldung, erledigt=erledigt)
        if erledigt:
            messages.success(request, _("Die Rückmeldung ist als erledigt markiert."))
        else:
            messages.success(request, _("Die Rückmeldung ist wieder offen."))
        return HttpResponseRedirect(reverse("barrierefreiheit_rueckmeldungen"))


class AenderungsprotokollView(RoleRequiredMixin, ListView):
    """Staff see every change of the audited objects, newest first, filtered and paged."""

    template_name = "sozialplanung/aenderungsprotokoll.html"
    context_object_name = "zeilen"
    paginate_by = 25

    def get_filterset(self) -> AenderungenFilter:
        if not hasattr(self, "filterset"):
            self.filterset = AenderungenFilter(
                self.request.GET or None,
                queryset=ARTEN["handlungsempfehlung"].history.objects.none(),
            )
        return self.filterset

    def get_queryset(self):
        return ProtokollSeite(self.get_filterset().teilabfragen())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.get_filterset()
        return context


class AenderungsverlaufView(RoleRequiredMixin, TemplateView):
    """Every change of one audited object, also after it was deleted."""

    template_name = "sozialplanung/aenderungsverlauf.html"

    def prepare(self, request, *args, **kwargs):
        self.art = ARTEN.get(kwargs["art"])
        if self.art is None:
            raise Http404(_("Diese Art von Objekten wird nicht protokolliert."))
        self.zeilen = objekt_verlauf(self.art, kwargs["pk"])
        if not self.zeilen:
            raise Http404(_("Zu diesem Objekt sind keine Änderungen aufgezeichnet."))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["art"] = self.art
        context["zeilen"] = self.zeilen
        context["name"] = self.zeilen[0].name
        context["empfehlung_id"] = empfehlung_id(self.art, self.zeilen)
        return context
