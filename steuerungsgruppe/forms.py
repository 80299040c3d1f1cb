"""Forms of the Steuerungsgruppe: points per criterion, paper forms, circulation, votes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Handlungsempfehlung
from steuerungsgruppe.models import Mitglied, Zielvorschlagsstimme


class PunkteForm(forms.Form):
    """One row of 0..maximum choices per criterion; the service checks the ranges again."""

    anmerkung = forms.CharField(
        label=_("Anmerkung (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    mit_enthaltung = True

    def __init__(self, *args, kriterien, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriterien = list(kriterien)
        for kriterium in self.kriterien:
            self.fields[self.feldname(kriterium)] = forms.TypedChoiceField(
                label=kriterium.name,
                help_text=kriterium.beschreibung,
                choices=[(wert, str(wert)) for wert in range(kriterium.maximum + 1)],
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
        if self.mit_enthaltung:
            self.fields["enthaltung"] = forms.BooleanField(
                label=_("Ich enthalte mich (z. B. wegen Befangenheit)."), required=False
            )

    @staticmethod
    def feldname(kriterium) -> str:
        return f"kriterium_{kriterium.pk}"

    def zeilen(self):
        """(criterion, bound field) pairs for the template's fieldsets."""
        return [(k, self[self.feldname(k)]) for k in self.kriterien]

    def clean(self):
        daten = super().clean()
        if daten.get("enthaltung"):
            return daten
        for kriterium in self.kriterien:
            name = self.feldname(kriterium)
            if daten.get(name) in (None, "") and name not in self.errors:
                self.add_error(
                    name,
                    _("Bitte vergeben Sie Punkte für „%(kriterium)s“.")
                    % {"kriterium": kriterium.name},
                )
        return daten

    @property
    def punkte(self) -> dict[int, int]:
        return {
            k.pk: self.cleaned_data[self.feldname(k)]
            for k in self.kriterien
            if self.cleaned_data.get(self.feldname(k)) not in (None, "")
        }


class FachkraefteForm(PunkteForm):
    mit_enthaltung = False


class PapierbogenForm(PunkteForm):
    mitglied = forms.ModelChoiceField(
        label=_("Mitglied, dessen Papierbogen übertragen wird"),
        queryset=Mitglied.objects.none(),
    )

    def __init__(self, *args, mitglieder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mitglied"].queryset = mitglieder
        self.order_fields(["mitglied"])


class UmlaufForm(forms.Form):
    handlungsempfehlungen = forms.ModelMultipleChoiceField(
        label=_("Handlungsempfehlungen für das Umlaufverfahren"),
        queryset=Handlungsempfehlung.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte wählen Sie mindestens eine Handlungsempfehlung.")},
    )
    frist = forms.DateTimeField(
        label=_("Frist"),
        help_text=_("Bis zu diesem Zeitpunkt können die Mitglieder online einschätzen."),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _("Bitte geben Sie eine Frist an.")},
    )

    def __init__(self, *args, empfehlungen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handlungsempfehlungen"].queryset = empfehlungen


class ZielvorschlaegeForm(forms.Form):
    """One vote and one remark per Zielvorschlag of the year."""

    def __init__(self, *args, zielvorschlaege, **kwargs):
        super().__init__(*args, **kwargs)
        self.zielvorschlaege = list(zielvorschlaege)
        for ziel in self.zielvorschlaege:
            self.fields[f"stimme_{ziel.pk}"] = forms.ChoiceField(
                label=ziel.titel,
                choices=Zielvorschlagsstimme.Stimme.choices,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"anmerkung_{ziel.pk}"] = forms.CharField(
                label=_("Meine Anmerkung zu „%(titel)s“") % {"titel": ziel.titel},
                required=False,
                max_length=1000,
            )

    def zeilen(self):
        return [
            (ziel, self[f"stimme_{ziel.pk}"], self[f"anmerkung_{ziel.pk}"])
            for ziel in self.zielvorschlaege
        ]

    def stimmen(self):
        for ziel in self.zielvorschlaege:
            stimme = self.cleaned_data.get(f"stimme_{ziel.pk}")
            if stimme:
                yield ziel, stimme, self.cleaned_data.get(f"anmerkung_{ziel.pk}", "")
