"""Views of the Steuerungsgruppe: public protocols and results, meeting mode, circulation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.anzeige import DeutschesDokumentMixin
from sozialplanung.forms import fehler_ins_formular
from sozialplanung.models import Phase, Planungsjahr
from sozialplanung.roles import STEUERUNGSGRUPPE, RoleRequiredMixin
from steuerungsgruppe import selectors, services
from steuerungsgruppe.charts import portfolio_diagramm
from steuerungsgruppe.forms import (
    FachkraefteForm,
    PapierbogenForm,
    PunkteForm,
    UmlaufForm,
    ZielvorschlaegeForm,
)
from steuerungsgruppe.models import Mitglied, Runde, Sitzung, Zielvorschlag


class UmlaufAbschliessenMixin:
    """Public result pages first close circulations whose deadline has passed, so that a
    result is never shown before it has been written back to its recommendation."""

    def get(self, request, *args, **kwargs):
        services.umlauf_close_due()
        return super().get(request, *args, **kwargs)


class SteuerungsgruppeView(UmlaufAbschliessenMixin, TemplateView):
    """The public page: how scoring works, the Sitzungen with protocols, the Zielvorschläge."""

    template_name = "steuerungsgruppe/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jahre = list(
            Planungsjahr.objects.filter(zielvorschlaege__isnull=False).distinct().order_by("-jahr")
        )
        ergebnisse = selectors.zielvorschlaege_ergebnis([j.pk for j in jahre])
        context["jahre"] = [(jahr, ergebnisse[jahr.pk]) for jahr in jahre]
        context["sitzungen"] = selectors.sitzungen_liste()
        context["ist_mitglied"] = selectors.mitglied_fuer(self.request.user) is not None
        return context


class ProtokollView(UmlaufAbschliessenMixin, DetailView):
    template_name = "steuerungsgruppe/protokoll.html"
    context_object_name = "sitzung"

    def get_queryset(self):
        return selectors.sitzung_protokoll_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sitzung = self.object
        context["ergebnisse"] = selectors.sitzung_ergebnisse(sitzung)
        context["zielvorschlaege"] = selectors.zielvorschlaege_ergebnis([sitzung.planungsjahr_id])[
            sitzung.planungsjahr_id
        ]
        return context


class ProtokollPdfView(DeutschesDokumentMixin, ProtokollView):
    template_name = "steuerungsgruppe/protokoll_pdf.html"

    def render_to_response(self, context, **response_kwargs):
        # Imported here: WeasyPrint loads Pango, which only this view needs.
        from weasyprint import HTML

        html = render_to_string(self.template_name, context, request=self.request)
        pdf = HTML(string=html, base_url=self.request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        datum = self.object.datum.strftime("%Y-%m-%d")
        response["Content-Disposition"] = (
            f'inline; filename="protokoll-steuerungsgruppe-{datum}.pdf"'
        )
        return response


class ErgebnisseView(UmlaufAbschliessenMixin, DetailView):
    """All results of a Sitzung: n, mean, median, min, max, category. Never single points."""

    template_name = "steuerungsgruppe/sitzung_ergebnisse.html"
    context_object_name = "sitzung"

    def get_queryset(self):
        return Sitzung.objects.select_related("planungsjahr")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ergebnisse"] = selectors.sitzung_ergebnisse(self.object)
        return context


class PortfolioView(UmlaufAbschliessenMixin, TemplateView):
    template_name = "steuerungsgruppe/portfolio.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        planungsjahr = get_object_or_404(Planungsjahr, jahr=self.kwargs["jahr"])
        ergebnisse = selectors.portfolio_ergebnisse(planungsjahr)
        context["planungsjahr"] = planungsjahr
        context["ergebnisse"] = ergebnisse
        context["diagramm"] = portfolio_diagramm(planungsjahr, ergebnisse) if ergebnisse else None
        return context


# --- Meeting mode: the moderator (Sozialplanung staff) ---------------------------------


class SitzungStaffMixin(RoleRequiredMixin):
    def prepare(self, request, *args, **kwargs):
        self.sitzung = get_object_or_404(
            Sitzung.objects.select_related("planungsjahr"), pk=kwargs["pk"]
        )


class ModerationView(SitzungStaffMixin, TemplateView):
    template_name = "steuerungsgruppe/moderation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitzung"] = self.sitzung
        context["ergebnisse"] = [
            e for e in selectors.sitzung_ergebnisse(self.sitzung) if e.runde.ist_abgeschlossen
        ]
        context["stand"] = selectors.moderation_stand(self.sitzung)
        context["offene"] = [r for r in context["stand"] if r.status == Runde.Status.OFFEN]
        return context


class ModerationStandView(SitzungStaffMixin, TemplateView):
    """The fragment htmx polls: counts of entries per round, nothing else."""

    template_name = "steuerungsgruppe/includes/moderation_stand.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitzung"] = self.sitzung
        context["stand"] = selectors.moderation_stand(self.sitzung)
        context["offene"] = [r for r in context["stand"] if r.status == Runde.Status.OFFEN]
        return context


class RundeActionView(RoleRequiredMixin, View):
    http_method_names = ["post"]

    def prepare(self, request, *args, **kwargs):
        self.runde = get_object_or_404(
            Runde.objects.select_related("handlungsempfehlung"), pk=kwargs["pk"]
        )

    def ziel(self) -> str:
        if self.runde.sitzung_id and self.runde.art == Runde.Art.SITZUNG:
            return reverse("steuerungsgruppe:moderation", kwargs={"pk": self.runde.sitzung_id})
        return reverse("steuerungsgruppe:umlauf")

    def post(self, request, *args, **kwargs):
        try:
            text = self.ausfuehren()
        except ValidationError as fehler:
            for meldung in fehler.messages:
                messages.error(request, meldung)
        else:
            messages.success(request, text)
        return redirect(self.ziel())


class RundeOeffnenView(RundeActionView):
    def ausfuehren(self) -> str:
        services.runde_open(runde=self.runde)
        return _("Die Runde zu „%(titel)s“ ist geöffnet.") % {
            "titel": self.runde.handlungsempfehlung.titel
        }


class RundeSchliessenView(RundeActionView):
    def ausfuehren(self) -> str:
        ergebnis = services.runde_close(runde=self.runde)
        if ergebnis.kategorie is None:
            return _(
                "Die Runde zu „%(titel)s“ ist geschlossen; es liegt keine Einschätzung vor."
            ) % {"titel": self.runde.handlungsempfehlung.titel}
        return _("Die Runde zu „%(titel)s“ ist geschlossen.") % {
            "titel": self.runde.handlungsempfehlung.titel
        }


class RundeFormMixin(RoleRequiredMixin):
    """Loads the round and its year's criteria for the point forms."""

    form_class = PunkteForm

    def prepare(self, request, *args, **kwargs):
        self.runde = get_object_or_404(
            Runde.objects.select_related("handlungsempfehlung__planungsjahr", "sitzung"),
            pk=kwargs["pk"],
        )
        schema = services.bewertungsschema_ensure(planungsjahr=self.runde.planungsjahr)
        self.schema = selectors.schemata_fuer([schema.planungsjahr_id])[schema.planungsjahr_id]
        self.kriterien = list(self.schema.kriterien.all())

    def form_kwargs(self) -> dict:
        return {"kriterien": self.kriterien}

    def antwort(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {"runde": self.runde, "schema": self.schema, "form": form, **self.extra_context_()},
            status=status,
        )

    def extra_context_(self) -> dict:
        return {}


class MitgliedMixin(RoleRequiredMixin):
    """Members only: the Steuerungsgruppe role and a current Mitglied record."""

    required_role = STEUERUNGSGRUPPE

    def prepare(self, request, *args, **kwargs):
        self.mitglied = selectors.mitglied_fuer(request.user)
        if self.mitglied is None:
            raise PermissionDenied(_("Sie sind derzeit kein Mitglied der Steuerungsgruppe."))
        return super().prepare(request, *args, **kwargs)


class MitwirkenView(MitgliedMixin, TemplateView):
    """The member's start page: the rounds open for them now, and the Zielvorschläge."""

    template_name = "steuerungsgruppe/mitwirken.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mitglied"] = self.mitglied
        context["runden"] = selectors.offene_runden_fuer(self.mitglied)
        context["abstimmungen"] = (
            Planungsjahr.objects.filter(phase__lte=Phase.BEWERTUNG, zielvorschlaege__isnull=False)
            .distinct()
            .order_by("-jahr")
        )
        return context


class EinschaetzungView(MitgliedMixin, RundeFormMixin, View):
    """The phone-first form of a member; they may change their entry until the round closes."""

    template_name = "steuerungsgruppe/einschaetzung_form.html"

    def extra_context_(self) -> dict:
        return {"mitglied": self.mitglied}

    def vorhandene(self):
        return self.runde.einschaetzungen.filter(mitglied=self.mitglied).first()

    def get(self, request, *args, **kwargs):
        vorhanden = self.vorhandene()
        initial = {}
        if vorhanden:
            initial = {f"kriterium_{k}": v for k, v in vorhanden.punkte.items()}
            initial |= {"anmerkung": vorhanden.anmerkung, "enthaltung": vorhanden.enthaltung}
        form = PunkteForm(initial=initial, **self.form_kwargs())
        return self.antwort(form)

    def post(self, request, *args, **kwargs):
        form = PunkteForm(request.POST, **self.form_kwargs())
        if not self.runde.ist_offen:
            form.is_valid()
            form.add_error(
                None,
                services.GESCHLOSSEN_MELDUNG % {"titel": self.runde.handlungsempfehlung.titel},
            )
            return self.antwort(form, status=409)
        if not form.is_valid():
            return self.antwort(form, status=400)
        try:
            services.einschaetzung_submit(
                runde=self.runde,
                mitglied=self.mitglied,
                punkte=form.punkte,
                anmerkung=form.cleaned_data["anmerkung"],
                enthaltung=form.cleaned_data.get("enthaltung", False),
            )
        except ValidationError as fehler:
            for meldung in fehler.messages:
                form.add_error(None, meldung)
            return self.antwort(form, status=409 if fehler.code == "geschlossen" else 400)
        messages.success(
            request,
            _(
                "Danke! Ihre Einschätzung zu „%(titel)s“ ist gespeichert. Sie können sie ändern, "
                "solange die Runde offen ist."
            )
            % {"titel": self.runde.handlungsempfehlung.titel},
        )
        return redirect("steuerungsgruppe:mitwirken")


class PapierbogenView(RundeFormMixin, View):
    """Staff type in a member's paper form; the entry is marked and carries their name."""

    template_name = "steuerungsgruppe/papierbogen_form.html"

    def form_kwargs(self) -> dict:
        mitglieder = (
            Mitglied.objects.aktiv_am(timezone.localdate())
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        return super().form_kwargs() | {"mitglieder": mitglieder}

    def get(self, request, *args, **kwargs):
        return self.antwort(PapierbogenForm(**self.form_kwargs()))

    def post(self, request, *args, **kwargs):
        form = PapierbogenForm(request.POST, **self.form_kwargs())
        if not form.is_valid():
            return self.antwort(form, status=400)
        try:
            services.einschaetzung_submit(
                runde=self.runde,
                mitglied=form.cleaned_data["mitglied"],
                punkte=form.punkte,
                anmerkung=form.cleaned_data["anmerkung"],
                enthaltung=form.cleaned_data.get("enthaltung", False),
                erfasst_von=request.user,
            )
        except (ValidationError, PermissionDenied) as fehler:
            meldungen = getattr(fehler, "messages", None) or [str(fehler)]
            for meldung in meldungen:
                form.add_error(None, meldung)
            return self.antwort(form, status=409)
        messages.success(request, _("Der Papierbogen ist übertragen."))
        return redirect(request.path)


class FachkraefteView(RundeFormMixin, View):
    template_name = "steuerungsgruppe/fachkraefte_form.html"

    def get(self, request, *args, **kwargs):
        vorhanden = getattr(self.runde, "fachkraefte", None)
        initial = {}
        if vorhanden:
            initial = {f"kriterium_{k}": v for k, v in vorhanden.punkte.items()}
            initial["anmerkung"] = vorhanden.anmerkung
        return self.antwort(FachkraefteForm(initial=initial, **self.form_kwargs()))

    def post(self, request, *args, **kwargs):
        form = FachkraefteForm(request.POST, **self.form_kwargs())
        if not form.is_valid():
            return self.antwort(form, status=400)
        try:
            services.fachkraefte_einschaetzung_save(
                runde=self.runde,
                punkte=form.punkte,
                anmerkung=form.cleaned_data["anmerkung"],
                user=request.user,
            )
        except ValidationError as fehler:
            for meldung in fehler.messages:
                form.add_error(None, meldung)
            return self.antwort(form, status=409 if fehler.code == "geschlossen" else 400)
        messages.success(
            request, _("Die Einschätzung der Sozialplanungsfachkräfte ist gespeichert.")
        )
        return redirect(request.path)


class UmlaufView(RoleRequiredMixin, View):
    """Staff open written circulation; past deadlines are closed here lazily (and by cron)."""

    template_name = "steuerungsgruppe/umlauf.html"

    def kandidaten(self):
        return (
            Handlungsempfehlung.objects.veroeffentlicht()
            .filter(steuerungsrelevanz="")
            .exclude(steuerungsgruppe_runde__status=Runde.Status.GESCHLOSSEN)
            .exclude(steuerungsgruppe_runde__art=Runde.Art.UMLAUF)
            .select_related("planungsjahr")
            .order_by("-planungsjahr__jahr", "titel")
        )

    def antwort(self, form, status=200):
        services.umlauf_close_due()
        return render(
            self.request,
            self.template_name,
            {"form": form, "ergebnisse": selectors.umlauf_ergebnisse()},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.antwort(UmlaufForm(empfehlungen=self.kandidaten()))

    def post(self, request, *args, **kwargs):
        form = UmlaufForm(request.POST, empfehlungen=self.kandidaten())
        if not form.is_valid():
            return self.antwort(form, status=400)
        try:
            runden = services.umlauf_open(
                handlungsempfehlungen=form.cleaned_data["handlungsempfehlungen"],
                frist=form.cleaned_data["frist"],
            )
        except ValidationError as fehler:
            fehler_ins_formular(form, fehler)
            return self.antwort(form, status=400)
        messages.success(
            request,
            _("Das Umlaufverfahren für %(anzahl)s Handlungsempfehlung(en) ist eröffnet.")
            % {"anzahl": len(runden)},
        )
        return redirect("steuerungsgruppe:umlauf")


class ZielvorschlaegeAbstimmenView(MitgliedMixin, View):
    template_name = "steuerungsgruppe/zielvorschlaege_form.html"

    def prepare(self, request, *args, **kwargs):
        antwort = super().prepare(request, *args, **kwargs)
        if antwort is not None:
            return antwort
        self.planungsjahr = get_object_or_404(Planungsjahr, jahr=kwargs["jahr"])
        self.zielvorschlaege = list(
            Zielvorschlag.objects.filter(planungsjahr=self.planungsjahr)
            .order_by("reihenfolge", "pk")
            .prefetch_related(
                Prefetch(
                    "stimmen",
                    queryset=self.mitglied.stimmen.all(),
                    to_attr="meine_stimmen",
                )
            )
        )
        return None

    def antwort(self, form, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "planungsjahr": self.planungsjahr,
                "offen": self.planungsjahr.phase <= Phase.BEWERTUNG,
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        initial = {}
        for ziel in self.zielvorschlaege:
            for stimme in ziel.meine_stimmen:
                initial[f"stimme_{ziel.pk}"] = stimme.stimme
                initial[f"anmerkung_{ziel.pk}"] = stimme.anmerkung
        return self.antwort(
            ZielvorschlaegeForm(initial=initial, zielvorschlaege=self.zielvorschlaege)
        )

    def post(self, request, *args, **kwargs):
        form = ZielvorschlaegeForm(request.POST, zielvorschlaege=self.zielvorschlaege)
        if not form.is_valid():
            return self.antwort(form, status=400)
        try:
            for ziel, stimme, anmerkung in form.stimmen():
                services.zielvorschlag_vote(
                    zielvorschlag=ziel, mitglied=self.mitglied, stimme=stimme, anmerkung=anmerkung
                )
        except ValidationError as fehler:
            for meldung in fehler.messages:
                form.add_error(None, meldung)
            return self.antwort(form, status=409)
        messages.success(request, _("Ihre Stimmen zu den Zielvorschlägen sind gespeichert."))
        return redirect(request.path)
