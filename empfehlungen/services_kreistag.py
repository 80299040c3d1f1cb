"""Writes of the Kreistag phase: derived status, Beratungen from CSV, Maßnahmen progress."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from empfehlungen.models import (
    Beratung,
    Handlungsempfehlung,
    KreistagStatusAenderung,
    Massnahme,
    MassnahmeStatusAenderung,
    Vorlage,
)

KreistagStatus = Handlungsempfehlung.KreistagStatus


def status_aus_beratungen(beratungen) -> tuple[str, datetime.date | None]:
    """The Kreistag status the Beratungen give, and the date from which it holds.

    The latest authoritative consultation with a decision wins, so that a decision taken
    again (e.g. after an objection) replaces the earlier one. "abgelehnt" is checked first
    because a result such as "nicht beschlossen, abgelehnt" must not count as a decision
    in favour.
    """
    beratungen = list(beratungen)
    if not beratungen:
        return KreistagStatus.NICHT_BERATEN, None
    entscheidungen = []
    for beratung in beratungen:
        ergebnis = beratung.ergebnis.casefold()
        if not beratung.authoritative:
            continue
        if "abgelehnt" in ergebnis:
            entscheidungen.append((beratung, KreistagStatus.ABGELEHNT))
        elif "beschlossen" in ergebnis and "nicht beschlossen" not in ergebnis:
            entscheidungen.append((beratung, KreistagStatus.BESCHLOSSEN))
    if entscheidungen:
        beratung, status = max(
            entscheidungen, key=lambda e: (e[0].sitzungsdatum or datetime.date.min, e[0].pk or 0)
        )
        return status, beratung.sitzungsdatum
    daten = [b.sitzungsdatum for b in beratungen if b.sitzungsdatum]
    return KreistagStatus.BERATUNG, min(daten) if daten else None


@transaction.atomic
def kreistag_status_update(*, empfehlung: Handlungsempfehlung, anlass: str = "") -> bool:
    """Derive ``empfehlung``'s status from its Beratungen; log and save it if it changed."""
    beratungen = Beratung.objects.filter(vorlage__handlungsempfehlungen=empfehlung).distinct()
    status, datum = status_aus_beratungen(beratungen)
    if status == empfehlung.kreistag_status:
        return False
    aenderung = KreistagStatusAenderung(
        handlungsempfehlung=empfehlung,
        von_status=empfehlung.kreistag_status,
        nach_status=status,
        datum=datum or timezone.localdate(),
        anlass=anlass,
    )
    aenderung.full_clean()
    aenderung.save()
    empfehlung.kreistag_status = status
    # Only the status is written, so only the status is checked: a Handlungsfeld whose
    # validity changed later must not stop the sync of every other recommendation.
    empfehlung.clean_fields(
        exclude=[f.name for f in Handlungsempfehlung._meta.fields if f.name != "kreistag_status"]
    )
    empfehlung.save(update_fields=["kreistag_status", "modified"])
    return True


def kreistag_status_update_fuer_vorlagen(*, vorlagen, anlass: str) -> int:
    """Update the status of every recommendation the Vorlagen carry; return how many changed."""
    empfehlungen = Handlungsempfehlung.objects.filter(vorlagen__in=vorlagen).distinct()
    return sum(kreistag_status_update(empfehlung=e, anlass=anlass) for e in empfehlungen)


# --- Bulk update from CSV, for councils without OParl ---------------------------------

CSV_SPALTEN = ("Drucksache", "Gremium", "Datum", "Rolle", "Ergebnis")
# Roles that decide a Vorlage; a CSV has no "authoritative" column, so the role tells it.
ENTSCHEIDENDE_ROLLEN = ("entscheidung", "beschlussfassung", "beschluss")


class _Semikolon(csv.excel):
    delimiter = ";"


class CsvFehler(Exception):
    """The CSV cannot be applied; ``fehler`` lists every problem with its line."""

    def __init__(self, fehler: list[str]):
        super().__init__("\n".join(fehler))
        self.fehler = fehler


@dataclass
class CsvZeile:
    zeile: int
    vorlage: Vorlage
    gremium: str
    datum: datetime.date
    rolle: str
    ergebnis: str
    authoritative: bool
    aktion: str = ""  # "neu", "geändert", "unverändert"


@dataclass
class CsvBilanz:
    zeilen: list[CsvZeile] = field(default_factory=list)
    neu: int = 0
    geaendert: int = 0
    unveraendert: int = 0
    status_geaendert: int = 0


def _datum_lesen(text: str) -> datetime.date:
    for muster in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text.strip(), muster).date()
        except ValueError:
            continue
    raise ValueError(text)


def _csv_text(inhalt: bytes) -> str:
    for kodierung in ("utf-8-sig", "cp1252"):
        try:
            return inhalt.decode(kodierung)
        except UnicodeDecodeError:
            continue
    raise CsvFehler([_("Die Datei ist weder UTF-8 noch Windows-1252 kodiert.")])


def _csv_zeilen(text: str, dialekt) -> list[list[str]]:
    """All rows; a line the csv module cannot split (a lone carriage return, an open
    quote) is refused with its number instead of escaping as ``csv.Error``."""
    leser = csv.reader(io.StringIO(text, newline=""), dialekt)
    zeilen = []
    try:
        for felder in leser:
            zeilen.append(felder)
    except csv.Error:
        raise CsvFehler(
            [
                _("Zeile %(zeile)s: Die Zeile lässt sich nicht in Spalten aufteilen.")
                % {"zeile": leser.line_num}
            ]
        ) from None
    return zeilen


def beratungen_csv_lesen(*, inhalt: bytes) -> CsvBilanz:
    """Read and check the whole file; raise ``CsvFehler`` naming every bad line."""
    text = _csv_text(inhalt)
    try:
        dialekt = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t")
    except csv.Error:
        dialekt = _Semikolon
    leser = iter(_csv_zeilen(text, dialekt))
    kopf = next(leser, None)
    if kopf is None:
        raise CsvFehler([_("Die Datei ist leer.")])
    kopf = [spalte.strip() for spalte in kopf]
    fehlend = [spalte for spalte in CSV_SPALTEN if spalte not in kopf]
    if fehlend:
        raise CsvFehler(
            [
                _("Zeile 1: Es fehlen die Spalten %(spalten)s. Erwartet: %(erwartet)s.")
                % {"spalten": ", ".join(fehlend), "erwartet": "; ".join(CSV_SPALTEN)}
            ]
        )
    index = {spalte: kopf.index(spalte) for spalte in CSV_SPALTEN}
    vorlagen = {v.reference.casefold(): v for v in Vorlage.objects.all()}
    bilanz, fehler = CsvBilanz(), []
    for nummer, felder in enumerate(leser, start=2):
        if not any(f.strip() for f in felder):
            continue
        if len(felder) < len(kopf):
            fehler.append(
                _("Zeile %(zeile)s: %(ist)s statt %(soll)s Spalten.")
                % {"zeile": nummer, "ist": len(felder), "soll": len(kopf)}
            )
            continue
        wert = {spalte: felder[i].strip() for spalte, i in index.items()}
        vorlage = vorlagen.get(wert["Drucksache"].casefold())
        if vorlage is None:
            fehler.append(
                _("Zeile %(zeile)s: Die Drucksache „%(drs)s“ gibt es im Portal nicht.")
                % {"zeile": nummer, "drs": wert["Drucksache"]}
            )
            continue
        if not wert["Gremium"]:
            fehler.append(_("Zeile %(zeile)s: Das Gremium fehlt.") % {"zeile": nummer})
            continue
        try:
            datum = _datum_lesen(wert["Datum"])
        except ValueError:
            fehler.append(
                _("Zeile %(zeile)s: „%(datum)s“ ist kein Datum wie 12.05.2023.")
                % {"zeile": nummer, "datum": wert["Datum"]}
            )
            continue
        bilanz.zeilen.append(
            CsvZeile(
                zeile=nummer,
                vorlage=vorlage,
                gremium=wert["Gremium"],
                datum=datum,
                rolle=wert["Rolle"],
                ergebnis=wert["Ergebnis"],
                authoritative=wert["Rolle"].casefold() in ENTSCHEIDENDE_ROLLEN,
            )
        )
    if fehler:
        raise CsvFehler(fehler)
    if not bilanz.zeilen:
        raise CsvFehler([_("Die Datei enthält keine Beratungen.")])
    for zeile in bilanz.zeilen:
        beratung = Beratung.objects.filter(
            vorlage=zeile.vorlage, gremium=zeile.gremium, sitzungsdatum=zeile.datum
        ).first()
        if beratung is None:
            zeile.aktion = "neu"
            bilanz.neu += 1
        elif (beratung.rolle, beratung.ergebnis, beratung.authoritative) != (
            zeile.rolle,
            zeile.ergebnis,
            zeile.authoritative,
        ):
            zeile.aktion = "geändert"
            bilanz.geaendert += 1
        else:
            zeile.aktion = "unverändert"
            bilanz.unveraendert += 1
    return bilanz


@transaction.atomic
def beratungen_csv_anwenden(*, inhalt: bytes) -> CsvBilanz:
    """All or nothing: every line is written, then the statuses, or none at all."""
    bilanz = beratungen_csv_lesen(inhalt=inhalt)
    fehler = []
    for zeile in bilanz.zeilen:
        beratung = Beratung.objects.filter(
            vorlage=zeile.vorlage, gremium=zeile.gremium, sitzungsdatum=zeile.datum
        ).first() or Beratung(
            vorlage=zeile.vorlage, gremium=zeile.gremium, sitzungsdatum=zeile.datum
        )
        beratung.rolle = zeile.rolle
        beratung.ergebnis = zeile.ergebnis
        beratung.authoritative = zeile.authoritative
        try:
            beratung.full_clean()
        except ValidationError as e:
            fehler.append(
                _("Zeile %(zeile)s: %(fehler)s")
                % {"zeile": zeile.zeile, "fehler": " ".join(e.messages)}
            )
            continue
        beratung.save()
    if fehler:
        # Raising inside the atomic block rolls back the lines already written.
        raise CsvFehler(fehler)
    vorlagen = {zeile.vorlage.pk for zeile in bilanz.zeilen}
    bilanz.status_geaendert = kreistag_status_update_fuer_vorlagen(
        vorlagen=vorlagen, anlass=_("CSV-Sammelaktualisierung")
    )
    return bilanz


# --- Implementation of Maßnahmen ------------------------------------------------------


@transaction.atomic
def massnahme_status_update(
    *,
    massnahme: Massnahme,
    status: str,
    datum: datetime.date,
    budget_ausgegeben: Decimal | None = None,
    notiz: str = "",
) -> MassnahmeStatusAenderung:
    """Record a step of the implementation and set the Maßnahme's current status."""
    schritt = MassnahmeStatusAenderung(
        massnahme=massnahme,
        status=status,
        datum=datum,
        budget_ausgegeben=budget_ausgegeben,
        notiz=notiz,
    )
    schritt.full_clean()
    schritt.save()
    letzter = massnahme.statusaenderungen.order_by("datum", "pk").last()
    # A step entered late for an earlier date must not overwrite a newer status.
    if letzter.pk == schritt.pk and massnahme.status != status:
        massnahme.status = status
        massnahme.full_clean()
        massnahme.save(update_fields=["status", "modified"])
    else:
        # A backdated step or one with only a new budget: the public page still changes.
        Massnahme.objects.filter(pk=massnahme.pk).update()
    # An edit form opened before this step must not put the old status back.
    Handlungsempfehlung.objects.filter(pk=massnahme.handlungsempfehlung_id).update(
        version=F("version") + 1
    )
    return schritt
