"""Writes of the Wirkungsorientierung: goals under the six-week rule, values, dialogue notes."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from empfehlungen.models import Dialognotiz, Handlungsempfehlung, Wirkungsmessung, Wirkungsziel
from empfehlungen.selectors_wirkung import MESSLATTE, kreiswerte
from empfehlungen.services import VersionKonflikt
from empfehlungen.wirkung import Richtung
from handlungsfelder.models import Indikator

# What staff edit in the goal form, in the form's order.
ZIEL_FELDER = (
    "text",
    "stufe",
    "zielgruppe",
    "indikator",
    "eigener_indikator",
    "einheit",
    "ausgangswert",
    "ausgangsdatum",
    "zielwert",
    "zieldatum",
    "richtung",
    "verantwortlich",
)


def richtung_ableiten(
    *, indikator: Indikator | None, ausgangswert: Decimal | None, zielwert: Decimal | None
) -> str:
    """The direction when staff leave it open: the indicator's Wertung, else the target's side."""
    if indikator is not None and indikator.richtung == Indikator.Richtung.HOEHER_SCHLECHTER:
        return Richtung.FALLEND
    if indikator is not None and indikator.richtung == Indikator.Richtung.HOEHER_BESSER:
        return Richtung.STEIGEND
    if ausgangswert is not None and zielwert is not None and zielwert < ausgangswert:
        return Richtung.FALLEND
    return Richtung.STEIGEND


def _ergaenzen(daten: dict) -> dict:
    """Fill in what the Sozialmonitoring knows: the baseline, and the direction if open.

    A goal with a Sozialmonitoring indicator and no baseline value takes the own Kreis's
    value at the baseline date (the newest one on or before it), or the newest value at
    all; the baseline date becomes that value's Stichtag.
    """
    daten = dict(daten)
    indikator = daten.get("indikator")
    if indikator is not None and daten.get("ausgangswert") is None:
        werte = kreiswerte([indikator.pk]).get(indikator.pk, [])
        if daten.get("ausgangsdatum"):
            werte = [w for w in werte if w.datum <= daten["ausgangsdatum"]]
        if werte:
            letzter = max(werte, key=lambda w: w.datum)
            daten["ausgangswert"], daten["ausgangsdatum"] = letzter.wert, letzter.datum
    if not daten.get("richtung"):
        daten["richtung"] = richtung_ableiten(
            indikator=indikator,
            ausgangswert=daten.get("ausgangswert"),
            zielwert=daten.get("zielwert"),
        )
    return daten


@transaction.atomic
def wirkungsziel_create(*, empfehlung: Handlungsempfehlung, daten: dict, user) -> Wirkungsziel:
    """A new goal; staff may set goals before the Kreistag decides, /wirkung/ waits for it."""
    ziel = Wirkungsziel(handlungsempfehlung=empfehlung, **_ergaenzen(daten))
    ziel.full_clean()
    ziel._history_user = user
    ziel.save()
    return ziel


def _wert(quelle, name: str):
    if name == "indikator":
        wert = quelle.get("indikator") if isinstance(quelle, dict) else quelle.indikator
        return wert.pk if wert is not None else None
    wert = quelle.get(name) if isinstance(quelle, dict) else getattr(quelle, name)
    return None if wert == "" else wert


def messlatte_aenderungen(ziel: Wirkungsziel, daten: dict) -> list[str]:
    """The yardstick fields that had a value and would get another one.

    Filling in a field that was still empty is no change: a baseline often becomes known
    only after the goal was agreed.
    """
    return [
        str(Wirkungsziel._meta.get_field(name).verbose_name)
        for name in MESSLATTE
        if name in daten
        and _wert(ziel, name) is not None
        and _wert(ziel, name) != _wert(daten, name)
    ]


@transaction.atomic
def wirkungsziel_update(
    *, ziel_id: int, version: int, daten: dict, user, begruendung: str = ""
) -> Wirkungsziel:
    """Save a goal unless somebody saved it since ``version``; apply the six-week rule.

    Within six weeks of its creation a goal may be corrected freely; the change is logged
    all the same. Later, a change to its yardstick (indicator, baseline, target, dates,
    direction) needs a reason, which the log keeps beside the change.
    """
    ziel = Wirkungsziel.objects.select_for_update().get(pk=ziel_id)
    if ziel.version != version:
        raise VersionKonflikt(ziel)
    daten = _ergaenzen(daten)
    begruendung = begruendung.strip()
    geaendert = messlatte_aenderungen(ziel, daten)
    if geaendert and not begruendung and not ziel.korrekturfrist_offen:
        raise ValidationError(
            {
                "begruendung": _(
                    "Das Ziel wurde am %(datum)s angelegt, vor mehr als sechs Wochen. "
                    "Bitte begründen Sie, warum Sie %(felder)s ändern."
                )
                % {
                    "datum": date_format(timezone.localtime(ziel.created), "d.m.Y"),
                    "felder": get_text_list([f"„{f}“" for f in geaendert], _("und")),
                }
            },
            code="begruendung_fehlt",
        )
    for feld, wert in daten.items():
        setattr(ziel, feld, wert)
    ziel.version += 1
    ziel.full_clean()
    ziel._history_user = user
    ziel._change_reason = begruendung or None
    ziel.save()
    return ziel


@transaction.atomic
def wirkungsmessung_create(
    *, ziel: Wirkungsziel, datum: datetime.date, wert: Decimal, notiz: str = "", user
) -> Wirkungsmessung:
    """A value staff measured for a goal with an indicator of its own."""
    if ziel.automatisch:
        raise ValidationError(
            _(
                "Dieses Ziel übernimmt seine Werte automatisch aus dem Sozialmonitoring; "
                "hier werden keine Werte erfasst."
            ),
            code="automatisch",
        )
    if datum > timezone.localdate():
        raise ValidationError(
            {"datum": _("Ein Messwert kann nicht in der Zukunft liegen.")}, code="zukunft"
        )
    if ziel.ausgangsdatum and datum <= ziel.ausgangsdatum:
        raise ValidationError(
            {
                "datum": _(
                    "Der Stichtag muss nach dem Datum des Ausgangswerts (%(datum)s) liegen; "
                    "den Ausgangswert selbst tragen Sie im Ziel ein."
                )
                % {"datum": f"{ziel.ausgangsdatum:%d.%m.%Y}"}
            },
            code="vor_ausgang",
        )
    doppelt = ValidationError(
        {"datum": _("Für diesen Stichtag ist schon ein Wert erfasst.")}, code="doppelt"
    )
    if Wirkungsmessung.objects.filter(wirkungsziel=ziel, datum=datum).exists():
        raise doppelt
    messung = Wirkungsmessung(
        wirkungsziel=ziel, datum=datum, wert=wert, notiz=notiz.strip(), erfasst_von=user
    )
    messung.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            messung.save()
    except IntegrityError as exc:  # the same value entered at the same moment elsewhere
        raise doppelt from exc
    return messung


@transaction.atomic
def dialognotiz_create(
    *, ziel: Wirkungsziel, datum: datetime.date, seite: str, von: str = "", text: str, user
) -> Dialognotiz:
    """A dated note of the Wirksamkeitsdialog, from a Träger or from the Verwaltung."""
    notiz = Dialognotiz(
        wirkungsziel=ziel,
        datum=datum,
        seite=seite,
        von=von.strip(),
        text=text.strip(),
        erfasst_von=user,
    )
    notiz.full_clean()
    notiz.save()
    return notiz
