from django import forms
from django.utils.translation import gettext_lazy as _

from sozialplanung.forms import VerborgeneFelderMixin


class DossierForm(VerborgeneFelderMixin, forms.Form):
    zusammenfassung = forms.CharField(
        label=_("Zusammenfassung"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Eröffnet das Planungsdossier vor den Zielvorschlägen und den Kapiteln. "
            "Absätze durch eine Leerzeile trennen."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
