"""Forms of the Wirkungsorientierung: a goal, a measured value, a note of the dialogue."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Dialognotiz, Wirkungsmessung, Wirkungsziel
from empfehlungen.services_wirkung import ZIEL_FELDER, richtung_ableiten
from empfehlungen.wirkung import Richtung, fehlende_angaben
from handlungsfelder.models import Indikator

# 1.250 or 1250 or 59,1 or -3,25: German grouping dots, a comma before up to four decimals.
_ZAHL = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d{1,4})?$")

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ZahlField(forms.DecimalField):
    """A number typed the German way (1.250 or 59,1), as the county writes its indicators.

    As with the money fields (forms.BetragField), Django's localized input would need
    thousands separators for the whole site, which would print years as 2.023.
    """

    default_error_messages = {
        "invalid": _(
            "Bitte geben Sie eine Zahl ein, zum Beispiel 1.250 oder 59,1 (Komma vor "
            "höchstens vier Nachkommastellen)."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 4)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            wert = value.normalize()
            stellen = max(0, -wert.as_tuple().exponent)
            return number_format(wert, stellen, use_l10n=True, force_grouping=True)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).replace("\u00a0", "").replace(" ", "").strip()
        if not _ZAHL.match(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return Decimal(text.replace(".", "").replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the pattern rules it out
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class IndikatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.einheit})" if obj.einheit else obj.name


class WirkungszielForm(forms.ModelForm):
    # The direction is no model field here: left open, the service derives it.
    richtung = forms.ChoiceField(
        label=_("Richtung"),
        required=False,
        choices=[("", _("automatisch (aus dem Indikator oder aus Ausgangs- und Zielwert)"))]
        + Richtung.choices,
        help_text=_(
            "Ob steigende oder fallende Werte besser sind. Wichtig, wenn der Zielwert dem "
            "Ausgangswert gleicht (der Wert soll gehalten werden)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Wirkungsziel
        fields = [f for f in ZIEL_FELDER if f != "richtung"]
        field_classes = {
            "ausgangswert": ZahlField,
            "zielwert": ZahlField,
            "indikator": IndikatorChoiceField,
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "ausgangsdatum": DATUM,
            "zieldatum": DATUM,
        }
        help_texts = {
            "ausgangswert": _(
                "Bei einem Indikator des Sozialmonitorings leer lassen: dann gilt sein Wert "
                "für den Kreis zum Datum des Ausgangswerts (oder der neueste)."
            ),
            "zielwert": _("Zum Beispiel 1.250 oder 59,1."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = Indikator.objects.order_by("name")
        self.fields["indikator"].empty_label = _("– keiner, eigener Indikator –")
        self.fields["stufe"].choices = [
            ("", _("– bitte wählen –")),
            *[(wert, f"{wert} {name}") for wert, name in self.fields["stufe"].choices if wert],
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            self.initial["richtung"] = self.instance.richtung

    def clean(self):
        cleaned = super().clean()
        # The model's checks (direction against target) run after this on the instance.
        self.instance.richtung = cleaned.get("richtung") or richtung_ableiten(
            indikator=cleaned.get("indikator"),
            ausgangswert=cleaned.get("ausgangswert"),
            zielwert=cleaned.get("zielwert"),
        )
        return cleaned

    def daten(self) -> dict:
        """The edited fields for the services; an open direction stays open for them."""
        return {feld: self.cleaned_data[feld] for feld in ZIEL_FELDER}

    def smart_pruefung(self) -> list[tuple[str, bool]]:
        """Each SMART criterion with whether the goal as shown in the form meets it."""
        if self.is_bound and hasattr(self, "cleaned_data"):
            werte = {f: self.cleaned_data.get(f) for f in ZIEL_FELDER}
        else:
            werte = {f: self.initial.get(f, getattr(self.instance, f, None)) for f in ZIEL_FELDER}
        hat_monitoring = bool(werte.get("indikator"))
        hat_eigenen = bool((werte.get("eigener_indikator") or "").strip())
        fehlend = set(
            fehlende_angaben(
                hat_indikator=hat_monitoring or hat_eigenen,
                ausgangswert=werte.get("ausgangswert"),
                ausgangsdatum=werte.get("ausgangsdatum"),
                zielwert=werte.get("zielwert"),
                zieldatum=werte.get("zieldatum"),
            )
        )
        if hat_monitoring:
            # Filled in from the Sozialmonitoring on saving, where the Kreis has values.
            fehlend -= {str(_("Ausgangswert")), str(_("Datum des Ausgangswerts"))}
        kriterien = [
            _("Indikator"),
            _("Ausgangswert"),
            _("Datum des Ausgangswerts"),
            _("Zielwert"),
            _("Zieldatum"),
        ]
        return [(str(k), str(k) not in fehlend) for k in kriterien]


class WirkungszielUpdateForm(WirkungszielForm):
    begruendung = forms.CharField(
        label=_("Begründung der Änderung"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Nötig, wenn Indikator, Ausgangs- oder Zielwert, ihre Daten oder die Richtung "
            "später als sechs Wochen nach dem Anlegen des Ziels geändert werden. Die "
            "Begründung steht im Änderungsprotokoll."
        ),
    )


class WirkungsmessungForm(forms.ModelForm):
    class Meta:
        model = Wirkungsmessung
        fields = ["datum", "wert", "notiz"]
        field_classes = {"wert": ZahlField}
        widgets = {"datum": DATUM, "notiz": forms.Textarea(attrs={"rows": 2})}

    def validate_unique(self):
        # The service checks the Stichtag and names the field; see wirkungsmessung_create.
        pass


class DialognotizForm(forms.ModelForm):
    class Meta:
        model = Dialognotiz
        fields = ["datum", "seite", "von", "text"]
        widgets = {"datum": DATUM, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seite"].choices = [("", _("– bitte wählen –")), *Dialognotiz.Seite.choices]
