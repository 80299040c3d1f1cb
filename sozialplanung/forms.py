"""Forms of the planning cycle."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from sozialplanung.models import BarrierefreiheitRueckmeldung, Phase


class PhasenWechselForm(forms.Form):
    # The phase the user saw; a change by somebody else in between is refused.
    erwartete_phase = forms.TypedChoiceField(
        choices=Phase.choices, coerce=int, widget=forms.HiddenInput
    )


class PhaseZurueckForm(PhasenWechselForm):
    begruendung = forms.CharField(
        label=_("Begründung"),
        max_length=2000,
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


class BarrierefreiheitRueckmeldungForm(forms.ModelForm):
    """Report a barrier. Only the message is required; name and e-mail are optional.

    Spam: a honeypot field (``homepage``) that people never see – hidden from screens,
    screen readers and the Tab order – and bots fill in. A filled honeypot is refused
    with the same neutral message as an empty form, so a bot learns nothing. A rate limit
    would need the sender's IP address, which we do not want to keep.
    """

    homepage = forms.CharField(required=False, label=_("Bitte leer lassen"))

    class Meta:
        model = BarrierefreiheitRueckmeldung
        fields = ["seite", "nachricht", "name", "email"]
        labels = {
            "seite": _("Betroffene Seite (Adresse oder Titel, freiwillig)"),
            "name": _("Ihr Name (freiwillig)"),
            "email": _("Ihre E-Mail-Adresse (freiwillig, für eine Antwort)"),
        }
        help_texts = {
            "nachricht": _(
                "Beschreiben Sie die Barriere: Was wollten Sie tun, was hat nicht "
                "funktioniert? Höchstens 5.000 Zeichen."
            ),
        }
        widgets = {"nachricht": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "nachricht": {
                "required": _("Bitte beschreiben Sie die Barriere im Feld „Ihre Nachricht“."),
                "max_length": _(
                    "Ihre Nachricht ist zu lang: höchstens %(limit_value)d Zeichen, "
                    "Sie haben %(show_value)d eingegeben."
                ),
            },
            "seite": {
                "max_length": _(
                    "Die Angabe zur Seite ist zu lang: höchstens %(limit_value)d Zeichen."
                ),
            },
            "name": {
                "max_length": _("Der Name ist zu lang: höchstens %(limit_value)d Zeichen."),
            },
            "email": {
                "invalid": _(
                    "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.de, "
                    "oder lassen Sie das Feld leer."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise ValidationError(
                _("Ihre Rückmeldung konnte nicht gespeichert werden."), code="honeypot"
            )
        return cleaned


class VerborgeneFelderMixin:
    """Shows an error of a hidden field at the top of the form.

    A hidden field (the version of an optimistically locked text) is invalid only when the
    page was tampered with or cut short; crispy renders no message for it, so the form
    would come back without a word.
    """

    def clean(self):
        daten = super().clean()
        if any(name in self.errors for name, feld in self.fields.items() if feld.widget.is_hidden):
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Die Seite war unvollständig oder veraltet. Bitte laden Sie sie neu "
                        "und versuchen Sie es noch einmal."
                    ),
                    code="verborgen_ungueltig",
                ),
            )
        return daten
