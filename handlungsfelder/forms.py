"""Forms of the Sozialmonitoring."""

from django import forms
from django.utils.translation import gettext_lazy as _

from handlungsfelder.importer import MAX_BYTES
from handlungsfelder.models import Handlungsfeld


class IndikatorUploadForm(forms.Form):
    datei = forms.FileField(
        label=_("Statistikdatei"),
        help_text=_(
            "Der Export aus der Regionalstatistik (GENESIS-CSV, unverändert) oder eine CSV- "
            "bzw. Excel-Datei mit den Spalten indikator, gebiet_schluessel, jahr, wert. "
            "Höchstens 50 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if datei.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist %(mb)s MB groß; erlaubt sind höchstens 50 MB."),
                code="zu_gross",
                params={"mb": f"{datei.size / 1024 / 1024:.1f}".replace(".", ",")},
            )
        return datei


class IndikatorImportBestaetigenForm(forms.Form):
    handlungsfelder = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder, denen die Indikatoren zugeordnet werden"),
        queryset=Handlungsfeld.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, jahr: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        felder = Handlungsfeld.objects.all()
        if jahr is not None:
            felder = felder.gueltig_in(jahr)
        self.fields["handlungsfelder"].queryset = felder
