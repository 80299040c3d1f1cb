"""Forms of the planning cycle."""

from django import forms
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
