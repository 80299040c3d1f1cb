"""Forms of the Kreistag phase: OParl sync, CSV of Beratungen, a Maßnahme's progress."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from empfehlungen.models import Massnahme, MassnahmeStatusAenderung
from empfehlungen.oparl import DEMO_ORDNER

CSV_MAX_BYTES = 1024 * 1024


class OParlSyncForm(forms.Form):
    quelle = forms.CharField(
        label=_("Adresse der OParl-Schnittstelle"),
        max_length=500,
        help_text=_(
            "Die Adresse des OParl-Systems oder der Körperschaft (Body) im "
            "Ratsinformationssystem, z. B. https://ris.kreis-pinneberg.de/oparl/v1.1/body/1"
        ),
    )

    def clean_quelle(self):
        quelle = self.cleaned_data["quelle"].strip()
        # Staff may not read arbitrary folders of the server; only the demo folder is
        # allowed besides web addresses, so that the demo works without a council system.
        if quelle.startswith(("http://", "https://")) or quelle == str(DEMO_ORDNER):
            return quelle
        raise forms.ValidationError(
            _("Bitte eine Adresse angeben, die mit http:// oder https:// beginnt."),
            code="keine_url",
        )


class BeratungenCsvForm(forms.Form):
    datei = forms.FileField(
        label=_("CSV-Datei mit Beratungen"),
        help_text=_(
            "Spalten: Drucksache; Gremium; Datum; Rolle; Ergebnis. Getrennt durch Semikolon "
            "oder Komma, Datum wie 12.05.2023. Die Rolle „Entscheidung“ oder "
            "„Beschlussfassung“ kennzeichnet die entscheidende Beratung. Höchstens 1 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if datei.size > CSV_MAX_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 1 MB."), code="zu_gross")
        return datei


class MassnahmeStatusForm(forms.ModelForm):
    # The model's TextField has no limit; the note of one step stays short.
    notiz = forms.CharField(
        label=_("Notiz"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = MassnahmeStatusAenderung
        fields = ["status", "datum", "budget_ausgegeben", "notiz"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, massnahme: Massnahme, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("status", massnahme.status)
        kwargs["initial"].setdefault("datum", timezone.localdate())
        super().__init__(*args, **kwargs)
        # The old "zurückgestellt" stays readable, new steps use the four states.
        self.fields["status"].choices = [
            c for c in Massnahme.Status.choices if c[0] != Massnahme.Status.ZURUECKGESTELLT
        ]
