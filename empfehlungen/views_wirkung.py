"""Views of the Wirkungsorientierung: /wirkung/ for everybody, goal pages for staff."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from empfehlungen import selectors, selectors_wirkung, services_wirkung
from empfehlungen.charts_wirkung import fortschritt_diagramm
from empfehlungen.filters_wirkung import WirkungFilter
from empfehlungen.forms_wirkung import (
    DialognotizForm,
    WirkungsmessungForm,
    WirkungszielForm,
    WirkungszielUpdateForm,
)
from empfehlungen.models import Wirkungsziel
from empfehlungen.services import VersionKonflikt
from empfehlungen.wirkung import AMPEL_SYMBOL
from handlungsfelder.charts import zahl
from sozialplanung.forms import fehler_ins_formular
from sozialplanung.roles import RoleRequiredMixin


class WirkungListView(TemplateView):
    """Public: "Wirkt's schon?" – the decided recommendations with their goals' progress."""

    template_name = "empfehlungen/wirkung_list.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = WirkungFilter(
            self.request.GET or None,
            queryset=selectors_wirkung.wirkung_queryset(self.request.user),
        )
        empfehlungen = list(filterset.qs)
        staende = selectors_wirkung.wirkungsziele_fuer(empfehlungen)
        gewaehlt = filterset.form.cleaned_data.get("ampel") if filterset.is_bound else ""
        # The light is worked out from the values, so it filters here rather than in SQL.
        alle = [s for e in empfehlungen for s in staende.get(e.pk, [])]
        eintraege = []
        for empfehlung in empfehlungen:
            ziele = staende.get(empfehlung.pk, [])
            if gewaehlt:
                ziele = [z for z in ziele if z.ampel == gewaehlt]
                if not ziele:
                    continue
            eintraege.append({"empfehlung": empfehlung, "ziele": ziele})
        seite = Paginator(eintraege, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            {
                "filter": filterset,
                "page_obj": seite,
                "eintraege": seite.object_list,
                # What the page lists; the counts per light below keep every light.
                "anzahl_ziele": sum(len(e["ziele"]) for e in eintraege),
                "je_ampel": [
                    {
                        "wert": wert,
                        "text": wert.label,
                        "symbol": AMPEL_SYMBOL[wert],
                        "anzahl": anzahl,
                        "gewaehlt": wert == gewaehlt,
                    }
                    for wert, anzahl in selectors_wirkung.ampel_zaehlen(alle)
                ],
            }
        )
        return context


class ZielMixin(RoleRequiredMixin):
    """Staff pages of one goal; the recommendation is loaded with it."""

    def prepare(self, request, *args, **kwargs):
        self.ziel = get_object_or_404(
            Wirkungsziel.objects.select_related(
                "indikator",
                "handlungsempfehlung__handlungsfeld",
                "handlungsempfehlung__planungsjahr",
            ),
            pk=kwargs["pk"],
        )


def _speicher_meldung(request, ziel: Wirkungsziel, form) -> None:
    meldung = _("Das Wirkungsziel wurde gespeichert.")
    if form.cleaned_data.get("ausgangswert") is None and ziel.ausgangswert is not None:
        meldung += " " + _(
            "Den Ausgangswert %(wert)s vom %(datum)s hat es aus dem Sozialmonitoring übernommen."
        ) % {"wert": zahl(ziel.ausgangswert), "datum": f"{ziel.ausgangsdatum:%d.%m.%Y}"}
    messages.success(request, meldung)
    if not ziel.messbar:
        messages.warning(
            request,
            _("Das Ziel ist noch nicht messbar. Es fehlen: %(fehlend)s.")
            % {"fehlend": get_text_list(ziel.fehlende_angaben, _("und"))},
        )


class WirkungszielCreateView(RoleRequiredMixin, View):
    template_name = "empfehlungen/wirkungsziel_form.html"

    def prepare(self, request, *args, **kwargs):
        self.empfehlung = get_object_or_404(
            selectors.empfehlungen_sichtbar_fuer(request.user).for_list(), pk=kwargs["pk"]
        )

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"form": form, "empfehlung": self.empfehlung, "ziel": None},
        )

    def get(self, request, *args, **kwargs):
        return self.render(WirkungszielForm())

    def post(self, request, *args, **kwargs):
        form = WirkungszielForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            ziel = services_wirkung.wirkungsziel_create(
                empfehlung=self.empfehlung, daten=form.daten(), user=request.user
            )
        except ValidationError as fehler:
            fehler_ins_formular(form, fehler)
            return self.render(form)
        _speicher_meldung(request, ziel, form)
        return redirect(ziel)


class WirkungszielUpdateView(ZielMixin, View):
    template_name = "empfehlungen/wirkungsziel_form.html"

    def render(self, form, **extra):
        context = {
            "form": form,
            "empfehlung": self.ziel.handlungsempfehlung,
            "ziel": self.ziel,
            **extra,
        }
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request, *args, **kwargs):
        return self.render(WirkungszielUpdateForm(instance=self.ziel))

    def post(self, request, *args, **kwargs):
        form = WirkungszielUpdateForm(request.POST, instance=self.ziel)
        if not form.is_valid():
            return self.render(form)
        try:
            ziel = services_wirkung.wirkungsziel_update(
                ziel_id=self.ziel.pk,
                version=form.cleaned_data["version"] or 0,
                daten=form.daten(),
                user=request.user,
                begruendung=form.cleaned_data["begruendung"],
            )
        except VersionKonflikt as konflikt:
            # Keep what the user typed; the next save replaces the other person's version.
            daten = request.POST.copy()
            daten["version"] = konflikt.aktuell.version
            form = WirkungszielUpdateForm(daten, instance=konflikt.aktuell)
            form.is_valid()
            return self.render(form, konflikt=konflikt.aktuell)
        except ValidationError as fehler:
            fehler_ins_formular(form, fehler)
            return self.render(form)
        _speicher_meldung(request, ziel, form)
        return redirect(ziel)


class WirkungszielDetailView(ZielMixin, TemplateView):
    """Staff: a goal with its values, the Wirksamkeitsdialog and the change log."""

    template_name = "empfehlungen/wirkungsziel_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stand = selectors_wirkung.wirkungsziel_stand(self.ziel)
        context.update(
            {
                "ziel": self.ziel,
                "empfehlung": self.ziel.handlungsempfehlung,
                "stand": stand,
                "diagramm": fortschritt_diagramm(stand),
                "messungen": self.ziel.messungen.select_related("erfasst_von").order_by(
                    "-datum", "-pk"
                ),
                "notizen": selectors_wirkung.dialognotizen(self.ziel),
                "aenderungen": selectors_wirkung.zielaenderungen(self.ziel),
                # Two forms on one page: prefixes keep their ids and labels apart.
                "messung_form": kwargs.get("messung_form")
                or WirkungsmessungForm(prefix="messung", initial={"datum": timezone.localdate()}),
                "notiz_form": kwargs.get("notiz_form")
                or DialognotizForm(prefix="notiz", initial={"datum": timezone.localdate()}),
            }
        )
        return context


class WirkungsmessungCreateView(ZielMixin, View):
    """Staff enter a value of a goal with its own indicator; errors show on the goal page."""

    def get(self, request, *args, **kwargs):
        return redirect(self.ziel)

    def post(self, request, *args, **kwargs):
        form = WirkungsmessungForm(request.POST, prefix="messung")
        if form.is_valid():
            try:
                services_wirkung.wirkungsmessung_create(
                    ziel=self.ziel, user=request.user, **form.cleaned_data
                )
            except ValidationError as fehler:
                fehler_ins_formular(form, fehler)
            else:
                messages.success(request, _("Der Messwert wurde gespeichert."))
                return redirect(self.ziel)
        view = WirkungszielDetailView(request=request, kwargs=kwargs, ziel=self.ziel)
        return view.render_to_response(view.get_context_data(messung_form=form))


class DialognotizCreateView(ZielMixin, View):
    def get(self, request, *args, **kwargs):
        return redirect(self.ziel)

    def post(self, request, *args, **kwargs):
        form = DialognotizForm(request.POST, prefix="notiz")
        if form.is_valid():
            try:
                services_wirkung.dialognotiz_create(
                    ziel=self.ziel, user=request.user, **form.cleaned_data
                )
            except ValidationError as fehler:
                fehler_ins_formular(form, fehler)
            else:
                messages.success(request, _("Die Notiz zum Wirksamkeitsdialog wurde gespeichert."))
                return redirect(f"{self.ziel.get_absolute_url()}#wirksamkeitsdialog")
        view = WirkungszielDetailView(request=request, kwargs=kwargs, ziel=self.ziel)
        return view.render_to_response(view.get_context_data(notiz_form=form))
