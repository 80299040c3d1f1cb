"""Forms of the Sozialmonitoring."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from handlungsfelder.importer import MAX_BYTES
from handlungsfelder.models import Handlungsfeld, Indikator
from sozialplanung.forms import VerborgeneFelderMixin


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


class StrategischeAnalyseForm(VerborgeneFelderMixin, forms.Form):
    text = forms.CharField(
        label=_("Zusammenfassung der Strategischen Analyse"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    erkenntnisse = forms.CharField(
        label=_("Erkenntnisse partizipativer Prozesse"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Was Fokusgruppen, Arbeitsstrukturen und Konferenzen im Jahr erarbeitet haben. "
            "Erscheint im Planungsdossier."
        ),
    )
    fakten = forms.CharField(
        label=_("Zahlen, Daten, Fakten: Kernaussagen"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Eine Aussage je Zeile; das Planungsdossier zeigt sie als Aufzählung."),
    )
    fakten_quellen = forms.CharField(
        label=_("Quellenangaben zu den Kernaussagen"),
        required=False,
        max_length=500,
        help_text=_("Zum Beispiel „Benchmark Jugendhilfe S.-H. 2022 // Kreis Pinneberg 2022“."),
    )
    indikatoren = forms.ModelMultipleChoiceField(
        label=_("Indikatoren unter „Zahlen, Daten, Fakten“"),
        queryset=Indikator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Zur Auswahl stehen die Indikatoren, die diesem Handlungsfeld zugeordnet sind."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, handlungsfeld: Handlungsfeld, gewaehlt=(), **kwargs):
        super().__init__(*args, **kwargs)
        auswahl = Indikator.objects.filter(
            Q(handlungsfelder=handlungsfeld) | Q(pk__in=[i.pk for i in gewaehlt])
        ).distinct()
        self.fields["indikatoren"].queryset = auswahl.order_by("tabelle", "name")
