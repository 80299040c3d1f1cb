"""Entry forms for Handlungsempfehlungen and their Maßnahmen, rendered with crispy forms."""

import re
from decimal import Decimal, InvalidOperation

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Handlungsempfehlung, Massnahme
from empfehlungen.selectors import BEARBEITBARE_FELDER
from handlungsfelder.models import Fokusgruppe
from sozialplanung.roles import is_sozialplanung
from sozialplanung.templatetags.format_de import euro

# 12.500,00 or 12500,00 or 12500 (an optional € sign and spaces around are fine).
_BETRAG = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$")


class BetragField(forms.DecimalField):
    """Money typed the German way, 12.500,00, never negative.

    Django's localized DecimalField accepts thousands dots only when
    USE_THOUSAND_SEPARATOR is on for the whole site, which would also print years as
    2.023; so this field reads the German form itself.
    """

    default_error_messages = {
        "invalid": _("Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 12.500,00."),
        "negativ": _("Der Betrag darf nicht negativ sein."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return euro(value).removesuffix("\u00a0€")
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
        if not _BETRAG.match(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if text.startswith("-"):
            raise forms.ValidationError(self.error_messages["negativ"], code="negativ")
        try:
            return Decimal(text.replace(".", "").replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the pattern rules it out
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def validate(self, value):
        super().validate(value)
        if value is not None and value < 0:
            raise forms.ValidationError(self.error_messages["negativ"], code="negativ")


class HandlungsempfehlungForm(forms.ModelForm):
    # The version the user opened; a save from an older one is refused, not overwritten.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Handlungsempfehlung
        fields = BEARBEITBARE_FELDER
        field_classes = {"mitteleinsatz_jaehrlich": BetragField}
        widgets = {
            "beschreibung": forms.Textarea(attrs={"rows": 5}),
            "ausgangslage": forms.Textarea(attrs={"rows": 5}),
            "ziele": forms.Textarea(attrs={"rows": 4}),
            "mitteleinsatz_erlaeuterung": forms.Textarea(attrs={"rows": 3}),
            "auswirkungen_ressourcen": forms.Textarea(attrs={"rows": 3}),
            "zielrichtung": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "mitteleinsatz_jaehrlich": _("In Euro pro Jahr, zum Beispiel 12.500,00."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.fields["handlungsfeld"].queryset = self.fields["handlungsfeld"].queryset.order_by(
            "-gueltig_von", "reihenfolge", "name"
        )
        self.fields["handlungsfeld"].help_text = _("Es muss im gewählten Planungsjahr gelten.")
        self.fields["handlungsfeld"].empty_label = _("– bitte wählen –")
        self.fields["herkunft"].empty_label = _("– keine Angabe –")
        self.fields["art_der_leistung"].choices = [
            ("", _("– keine Angabe –")),
            *self.fields["art_der_leistung"].choices[1:],
        ]
        if not is_sozialplanung(user):
            # A Fokusgruppe proposes in its own name only.
            self.fields["herkunft"].queryset = Fokusgruppe.objects.filter(mitglieder=user)
            self.fields["herkunft"].required = True
            self.fields["herkunft"].empty_label = None
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                _("Einordnung"),
                "titel",
                "planungsjahr",
                "handlungsfeld",
                "herkunft",
                "version",
            ),
            Fieldset(
                _("Die Empfehlung im Detail"),
                "beschreibung",
                "ausgangslage",
                "ziele",
                Field("mitteleinsatz_jaehrlich", css_class="betrag"),
                "mitteleinsatz_erlaeuterung",
                "art_der_leistung",
                "auswirkungen_ressourcen",
                "zielrichtung",
            ),
        )

    def daten(self) -> dict:
        """The edited model fields, for the services."""
        return {feld: self.cleaned_data[feld] for feld in BEARBEITBARE_FELDER}


class MassnahmeForm(forms.ModelForm):
    class Meta:
        model = Massnahme
        fields = ["massnahme", "ziele", "verantwortung", "budget", "zeitpunkt", "status"]
        field_classes = {"budget": BetragField}
        widgets = {
            "massnahme": forms.Textarea(attrs={"rows": 2}),
            "ziele": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"budget": _("In Euro, zum Beispiel 5.000,00.")}


class BaseMassnahmeFormSet(forms.BaseInlineFormSet):
    deletion_widget = forms.CheckboxInput

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Diese Maßnahme entfernen")


MassnahmeFormSet = forms.inlineformset_factory(
    Handlungsempfehlung,
    Massnahme,
    form=MassnahmeForm,
    formset=BaseMassnahmeFormSet,
    extra=1,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class StatusForm(forms.Form):
    """One workflow step, sent from the detail page's Bearbeitung panel."""

    aktion = forms.ChoiceField(
        choices=[
            ("einreichen", _("Einreichen")),
            ("veroeffentlichen", _("Veröffentlichen")),
            ("zurueckgeben", _("Zurückgeben")),
        ]
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    kommentar = forms.CharField(
        label=_("Kommentar"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=_("Beim Zurückgeben erforderlich; die Fokusgruppe sieht ihn."),
    )
