"""Forms of the planning cycle."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from sozialplanung.models import Phase


class PhasenWechselForm(forms.Form):
    # The phase the user saw; a change by somebody else in between is refused.
    erwartete_phase = forms.TypedChoiceField(
        choices=Phase.choices, coerce=int, widget=forms.HiddenInput
    )


class PhaseZurueckForm(PhasenWechselForm):
    begruendung = forms.CharField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wird mit Ihrem Namen und dem Zeitpunkt im Verlauf des Planungsjahres gespeichert."
        ),
        error_messages={"required": _("Bitte begründen Sie, warum die Phase zurückgesetzt wird.")},
    )


def fehler_ins_formular(form, fehler: ValidationError) -> None:
    """A service's ValidationError at the fields it names, the rest above the form."""
    if hasattr(fehler, "error_dict"):
        for feld, liste in fehler.error_dict.items():
            form.add_error(feld if feld in form.fields else NON_FIELD_ERRORS, liste)
    else:
        form.add_error(None, fehler)
