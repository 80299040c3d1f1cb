"""The rules of the Wirkungsorientierung as pure functions: SMART check, progress, traffic light.

No database and no clock: every page, the dossier and the tests call the same functions,
so that the rule printed on the page is the rule the page applies.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db import models
from django.utils.translation import gettext_lazy as _

# Changes to a goal's yardstick within this time after it was created are corrections
# (Munich's Hilfen zur Erziehung: "innerhalb von sechs Wochen"); later ones need a reason.
KORREKTURFRIST = datetime.timedelta(weeks=6)


class Stufe(models.IntegerChoices):
    """The Wirkungstreppe of PHINEO: levels 1–3 Output, 4–6 Outcome, 7 Impact."""

    AKTIVITAETEN = 1, _("Aktivitäten finden wie geplant statt")
    ERREICHT = 2, _("Zielgruppen werden erreicht")
    AKZEPTIERT = 3, _("Zielgruppen akzeptieren Angebote")
    BEWUSSTSEIN = 4, _("Zielgruppen verändern Bewusstsein bzw. Fähigkeiten")
    HANDELN = 5, _("Zielgruppen ändern ihr Handeln")
    LEBENSLAGE = 6, _("Lebenslage der Zielgruppen ändert sich")
    GESELLSCHAFT = 7, _("Gesellschaft verändert sich")


class Ebene(models.TextChoices):
    """IOOI: what a level of the Wirkungstreppe is. Input is the Mitteleinsatz, not a goal."""

    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    IMPACT = "impact", _("Impact")


def ebene(stufe: int) -> Ebene:
    if stufe <= 3:
        return Ebene.OUTPUT
    if stufe <= 6:
        return Ebene.OUTCOME
    return Ebene.IMPACT


class Richtung(models.TextChoices):
    STEIGEND = "steigend", _("steigend ist besser")
    FALLEND = "fallend", _("fallend ist besser")


class Ampel(models.TextChoices):
    AUF_KURS = "auf_kurs", _("auf Kurs")
    GEFAEHRDET = "gefaehrdet", _("gefährdet")
    NICHT_AUF_KURS = "nicht_auf_kurs", _("nicht auf Kurs")
    OFFEN = "offen", _("noch nicht bewertbar")


# A symbol per light, so that the state never rests on colour alone (WCAG 1.4.1).
AMPEL_SYMBOL = {
    Ampel.AUF_KURS: "✔",
    Ampel.GEFAEHRDET: "▲",
    Ampel.NICHT_AUF_KURS: "✖",
    Ampel.OFFEN: "○",
}

AMPEL_REGEL_KURZ = _(
    "Auf Kurs: Am Tag des neuesten Werts ist der Fortschritt zum Ziel mindestens so groß "
    "wie der Anteil der Zeit vom Ausgangs- bis zum Zieldatum, der bis dahin vergangen war. "
    "Gefährdet: mindestens halb so groß. Nicht auf Kurs: weniger, oder der Wert hat sich "
    "in die falsche Richtung bewegt."
)

AMPEL_REGEL = _(
    "Die Ampel vergleicht den Fortschritt mit der Zeit: Fortschritt ist (Istwert − "
    "Ausgangswert) ÷ (Zielwert − Ausgangswert), gemessen am neuesten Wert. Zeitanteil ist "
    "der Teil der Zeit vom Datum des Ausgangswerts bis zum Zieldatum, der an diesem Tag "
    "vergangen war. Auf Kurs ist ein Ziel, wenn der Fortschritt mindestens so groß ist wie "
    "der Zeitanteil (oder das Ziel erreicht ist); gefährdet, wenn er mindestens die Hälfte "
    "des Zeitanteils erreicht; nicht auf Kurs, wenn er darunter liegt oder sich der Wert in "
    "die falsche Richtung bewegt hat. Ist der Zielwert gleich dem Ausgangswert (der Wert "
    "soll gehalten werden), zählt ein Istwert, der den Zielwert hält oder in der gewünschten "
    "Richtung übertrifft, als 100 %, sonst als 0 %. Noch nicht bewertbar ist ein Ziel, das "
    "nicht messbar ist oder noch keinen Wert nach dem Ausgangswert hat."
)


def fehlende_angaben(
    *,
    hat_indikator: bool,
    ausgangswert: Decimal | None,
    ausgangsdatum: datetime.date | None,
    zielwert: Decimal | None,
    zieldatum: datetime.date | None,
) -> list[str]:
    """What a goal lacks to be messbar (SMART): an indicator, a baseline, a target, a date.

    The baseline counts only with its date: without it, the share of time that has
    passed, and so the traffic light, cannot be worked out.
    """
    fehlend = []
    if not hat_indikator:
        fehlend.append(_("Indikator"))
    if ausgangswert is None:
        fehlend.append(_("Ausgangswert"))
    if ausgangsdatum is None:
        fehlend.append(_("Datum des Ausgangswerts"))
    if zielwert is None:
        fehlend.append(_("Zielwert"))
    if zieldatum is None:
        fehlend.append(_("Zieldatum"))
    return [str(f) for f in fehlend]


def fortschritt(
    *, ausgangswert: Decimal, zielwert: Decimal, istwert: Decimal, richtung: str
) -> Fraction:
    """(Ist − Ausgang) / (Ziel − Ausgang), exactly; 1 is the target, below 0 the wrong way.

    A target equal to the baseline means "hold the level": reached (1) when the actual
    value is at the target or beyond it in the good direction, otherwise 0.
    """
    if zielwert != ausgangswert:
        return Fraction(istwert - ausgangswert) / Fraction(zielwert - ausgangswert)
    if richtung == Richtung.FALLEND:
        return Fraction(1) if istwert <= zielwert else Fraction(0)
    return Fraction(1) if istwert >= zielwert else Fraction(0)


def zeitanteil(
    *, ausgangsdatum: datetime.date, zieldatum: datetime.date, stichtag: datetime.date
) -> Fraction:
    """The share of the time from baseline to target that had passed on ``stichtag``, 0 to 1."""
    gesamt = (zieldatum - ausgangsdatum).days
    if gesamt <= 0:
        return Fraction(1)
    vergangen = min(max((stichtag - ausgangsdatum).days, 0), gesamt)
    return Fraction(vergangen, gesamt)


def ampel(*, fortschritt: Fraction | None, zeitanteil: Fraction | None) -> Ampel:
    """The traffic light of ``AMPEL_REGEL``; None for either means not assessable yet."""
    if fortschritt is None or zeitanteil is None:
        return Ampel.OFFEN
    if fortschritt < 0:
        return Ampel.NICHT_AUF_KURS
    if fortschritt >= 1 or fortschritt >= zeitanteil:
        return Ampel.AUF_KURS
    if fortschritt >= zeitanteil / 2:
        return Ampel.GEFAEHRDET
    return Ampel.NICHT_AUF_KURS


def prozent(anteil: Fraction | None) -> int | None:
    """A share as whole percent, rounded half up (0.555 → 56), as the county rounds."""
    if anteil is None:
        return None
    wert = Decimal(anteil.numerator) / Decimal(anteil.denominator) * 100
    return int(wert.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def korrekturfrist_offen(*, angelegt: datetime.datetime, jetzt: datetime.datetime) -> bool:
    """Whether a goal created at ``angelegt`` may still be corrected without a reason."""
    return jetzt - angelegt <= KORREKTURFRIST
