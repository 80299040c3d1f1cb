"""OParl 1.1 sync: Beratungen and results of the portal's Vorlagen from the council system.

The source is an OParl system or body URL, or a local folder of OParl JSON objects (one
object or one list page per file). Papers are matched to Vorlagen by ``reference``; their
Consultations become Beratungen, with date and Gremium from the Meeting and result and
resolution text from the Meeting's AgendaItem that the consultation names.
"""

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from empfehlungen.models import Beratung, Vorlage
from empfehlungen.services_kreistag import kreistag_status_update_fuer_vorlagen

TIMEOUT_SEKUNDEN = 20
MAX_SEITEN = 1000  # guards against a server whose "next" links never end
ZEITZONE = ZoneInfo("Europe/Berlin")
DEMO_ORDNER = Path(__file__).resolve().parents[1] / "sozialplanung" / "demo" / "oparl"

# The properties the sync reads, with the JSON type the OParl 1.1 schema gives them.
ERWARTET = {
    "Paper": {
        "name": str,
        "reference": str,
        "date": str,
        "paperType": str,
        "consultation": list,
        "web": str,
        "deleted": bool,
    },
    "Consultation": {
        "meeting": str,
        "agendaItem": str,
        "organization": list,
        "authoritative": bool,
        "role": str,
        "deleted": bool,
    },
    "Meeting": {"name": str, "start": str, "organization": list, "agendaItem": list},
    "AgendaItem": {"consultation": str, "result": str, "resolutionText": str},
    "Organization": {"name": str, "shortName": str},
}
JSON_TYPNAME = {str: "Zeichenkette", list: "Liste", bool: "Wahrheitswert"}


class OParlFehler(Exception):
    """The source as a whole cannot be read (unreachable URL, missing folder)."""


class Fehlerhaft(Exception):
    """One object is malformed; it is reported by id and skipped."""


def typ_von(obj: dict) -> str:
    return str(obj.get("type", "")).rstrip("/").rsplit("/", 1)[-1]


def pruefen(obj, typ: str) -> dict:
    """Check ``obj`` is an OParl object of ``typ`` with well-typed properties."""
    if not isinstance(obj, dict):
        raise Fehlerhaft(_("ist kein JSON-Objekt"))
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        raise Fehlerhaft(_("hat keine id"))
    if typ_von(obj) != typ:
        raise Fehlerhaft(
            _("hat den Typ „%(ist)s“, erwartet %(soll)s")
            % {"ist": obj.get("type", ""), "soll": typ}
        )
    for name, erwartet in ERWARTET[typ].items():
        if name in obj and not isinstance(obj[name], erwartet):
            raise Fehlerhaft(
                _("„%(feld)s“ ist keine %(typ)s") % {"feld": name, "typ": JSON_TYPNAME[erwartet]}
            )
    return obj


def datum_lesen(text: str, *, feld: str) -> datetime.date:
    try:
        if "T" in text:
            zeit = datetime.datetime.fromisoformat(text)
            if zeit.tzinfo is not None:
                zeit = zeit.astimezone(ZEITZONE)
            return zeit.date()
        return datetime.date.fromisoformat(text)
    except ValueError as e:
        raise Fehlerhaft(
            _("„%(feld)s“ ist kein Datum: „%(wert)s“") % {"feld": feld, "wert": text}
        ) from e


# --- Sources --------------------------------------------------------------------------


class Quelle:
    """Finds OParl objects by id; subclasses say where Papers come from."""

    def __init__(self):
        self.objekte: dict[str, dict] = {}
        self.hinweise: list[str] = []

    def _merken(self, obj) -> None:
        # Embedded objects (a Meeting's AgendaItems, a Paper's Consultations) are
        # addressable by their own id, as in the API.
        if isinstance(obj, dict):
            if isinstance(obj.get("id"), str) and "type" in obj:
                self.objekte.setdefault(obj["id"], obj)
            for wert in obj.values():
                self._merken(wert)
        elif isinstance(obj, list):
            for wert in obj:
                self._merken(wert)

    def papers(self) -> Iterator[dict]:
        raise NotImplementedError

    def get(self, oid: str) -> dict | None:
        return self.objekte.get(oid)


class OrdnerQuelle(Quelle):
    def __init__(self, ordner: Path):
        super().__init__()
        if not ordner.is_dir():
            raise OParlFehler(_("Der Ordner „%(ordner)s“ existiert nicht.") % {"ordner": ordner})
        self.reihenfolge: list[dict] = []
        for datei in sorted(ordner.rglob("*.json")):
            try:
                inhalt = json.loads(datei.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                self.hinweise.append(
                    _("%(datei)s: kein gültiges JSON (%(grund)s), übersprungen.")
                    % {"datei": datei.name, "grund": e}
                )
                continue
            eintraege = (
                inhalt["data"] if isinstance(inhalt, dict) and "data" in inhalt else [inhalt]
            )
            for eintrag in eintraege if isinstance(eintraege, list) else []:
                self.reihenfolge.append(eintrag)
                self._merken(eintrag)

    def papers(self) -> Iterator[dict]:
        for eintrag in self.reihenfolge:
            if isinstance(eintrag, dict) and typ_von(eintrag) == "Paper":
                yield eintrag


# An opener that speaks only HTTP(S) (no file://, ftp:// or data:), redirects included.
_OEFFNER = urllib.request.OpenerDirector()
for _handler in (
    urllib.request.HTTPHandler,
    urllib.request.HTTPSHandler,
    urllib.request.HTTPRedirectHandler,
    urllib.request.HTTPErrorProcessor,
    urllib.request.HTTPDefaultErrorHandler,
):
    _OEFFNER.add_handler(_handler())
MAX_BYTES = 20_000_000


class UrlQuelle(Quelle):
    def __init__(self, url: str):
        super().__init__()
        self.start = self._laden(url)

    def _laden(self, url: str) -> dict:
        # Every further address comes from the remote JSON: accept only http(s), so that
        # a hostile system cannot make the portal read file:// or other schemes.
        if not isinstance(url, str) or urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise OParlFehler(
                _("Die Adresse %(url)s ist keine http- oder https-Adresse.") % {"url": url}
            )
        anfrage = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": "Sozialplanung-Portal"}
        )
        try:
            with _OEFFNER.open(anfrage, timeout=TIMEOUT_SEKUNDEN) as antwort:
                roh = antwort.read(MAX_BYTES + 1)
            if len(roh) > MAX_BYTES:
                raise OParlFehler(
                    _("Die Antwort von %(url)s ist größer als %(mb)s MB.")
                    % {"url": url, "mb": MAX_BYTES // 1_000_000}
                )
            inhalt = json.loads(roh.decode("utf-8"))
        except urllib.error.HTTPError as e:
            raise OParlFehler(
                _("Die OParl-Schnittstelle antwortet unter %(url)s mit dem Fehler %(code)s.")
                % {"url": url, "code": e.code}
            ) from e
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            grund = getattr(e, "reason", e)
            raise OParlFehler(
                _("Die OParl-Schnittstelle unter %(url)s ist nicht erreichbar (%(grund)s).")
                % {"url": url, "grund": grund}
            ) from e
        except (ValueError, UnicodeDecodeError) as e:
            raise OParlFehler(_("Die Antwort von %(url)s ist kein JSON.") % {"url": url}) from e
        self._merken(inhalt)
        return inhalt

    def _liste(self, url: str) -> Iterator[dict]:
        for _seite in range(MAX_SEITEN):
            seite = self._laden(url)
            yield from seite.get("data", []) if isinstance(seite, dict) else []
            url = (seite.get("links") or {}).get("next") if isinstance(seite, dict) else None
            if not url:
                return

    def _bodies(self) -> Iterator[dict]:
        if typ_von(self.start) == "Body":
            yield self.start
        elif typ_von(self.start) == "System" and isinstance(self.start.get("body"), str):
            yield from self._liste(self.start["body"])
        else:
            raise OParlFehler(
                _("Die Adresse liefert weder ein OParl-System noch eine Körperschaft (Body).")
            )

    def papers(self) -> Iterator[dict]:
        for body in self._bodies():
            if isinstance(body, dict) and isinstance(body.get("paper"), str):
                yield from self._liste(body["paper"])

    def get(self, oid: str) -> dict | None:
        if oid not in self.objekte:
            try:
                self._laden(oid)
            except OParlFehler as e:
                # One missing Meeting must not stop the sync of all other Papers.
                self.hinweise.append(str(e))
                self.objekte[oid] = None
        return self.objekte.get(oid)


def quelle_oeffnen(quelle: str) -> Quelle:
    if quelle.startswith(("http://", "https://")):
        return UrlQuelle(quelle)
    return OrdnerQuelle(Path(quelle))


# --- The sync -------------------------------------------------------------------------


@dataclass
class SyncBericht:
    papiere: int = 0
    vorlagen: int = 0
    vorlagen_geaendert: int = 0
    beratungen_neu: int = 0
    beratungen_geaendert: int = 0
    beratungen_unveraendert: int = 0
    beratungen_geloescht: int = 0
    status_geaendert: int = 0
    fehler: list[str] = field(default_factory=list)
    hinweise: list[str] = field(default_factory=list)

    @property
    def aenderungen(self) -> int:
        return (
            self.vorlagen_geaendert
            + self.beratungen_neu
            + self.beratungen_geaendert
            + self.beratungen_geloescht
            + self.status_geaendert
        )

    def zeilen(self) -> list[str]:
        return [
            _("Papers gelesen: %(n)s") % {"n": self.papiere},
            _("Vorlagen des Portals gefunden: %(n)s (geändert: %(g)s)")
            % {"n": self.vorlagen, "g": self.vorlagen_geaendert},
            _("Beratungen neu: %(neu)s, geändert: %(g)s, unverändert: %(u)s, gelöscht: %(d)s")
            % {
                "neu": self.beratungen_neu,
                "g": self.beratungen_geaendert,
                "u": self.beratungen_unveraendert,
                "d": self.beratungen_geloescht,
            },
            _("Kreistag-Status geändert: %(n)s") % {"n": self.status_geaendert},
            _("Fehlerhafte Objekte übersprungen: %(n)s") % {"n": len(self.fehler)},
        ]


def referenz_normal(reference: str) -> str:
    return " ".join(reference.split()).casefold()


def _art_aus_paper_type(paper_type: str, bisher: str) -> str:
    text = paper_type.casefold()
    if "mitteilung" in text:
        return Vorlage.Art.MITTEILUNGSVORLAGE
    if "beschluss" in text:
        return Vorlage.Art.BESCHLUSSVORLAGE
    return bisher


def _vorlage_abgleichen(vorlage: Vorlage, paper: dict) -> bool:
    neu = {
        "oparl_id": paper["id"],
        "titel": paper.get("name") or vorlage.titel,
        "web_url": paper.get("web", vorlage.web_url),
        "art": _art_aus_paper_type(paper.get("paperType", ""), vorlage.art),
        "datum": datum_lesen(paper["date"], feld="date") if paper.get("date") else vorlage.datum,
    }
    geaendert = {k: v for k, v in neu.items() if getattr(vorlage, k) != v}
    if not geaendert:
        return False
    for name, wert in geaendert.items():
        setattr(vorlage, name, wert)
    try:
        vorlage.full_clean()
    except ValidationError as e:
        raise Fehlerhaft(" ".join(e.messages)) from e
    vorlage.save()
    return True


def _gremium(quelle: Quelle, consultation: dict, meeting: dict | None) -> str | None:
    ids = consultation.get("organization") or (meeting or {}).get("organization") or []
    namen = []
    for oid in ids:
        organisation = quelle.get(oid) if isinstance(oid, str) else None
        if organisation is None:
            continue
        pruefen(organisation, "Organization")
        if organisation.get("name"):
            namen.append(organisation["name"])
    if namen:
        return ", ".join(namen)
    if meeting and meeting.get("name"):
        return meeting["name"]
    return None


def _agenda_item(quelle: Quelle, consultation: dict, meeting: dict | None) -> dict | None:
    if isinstance(consultation.get("agendaItem"), str):
        for item in (meeting or {}).get("agendaItem", []):
            if isinstance(item, dict) and item.get("id") == consultation["agendaItem"]:
                return pruefen(item, "AgendaItem")
        item = quelle.get(consultation["agendaItem"])
        if item is not None:
            return pruefen(item, "AgendaItem")
    # Some systems link only from the agenda item back to the consultation.
    for item in (meeting or {}).get("agendaItem", []):
        if isinstance(item, dict) and item.get("consultation") == consultation["id"]:
            return pruefen(item, "AgendaItem")
    return None


def _beratung_werte(quelle: Quelle, consultation: dict) -> dict:
    """Everything the source says about one consultation; None where it says nothing."""
    meeting = datum = None
    if isinstance(consultation.get("meeting"), str):
        meeting = quelle.get(consultation["meeting"])
        if meeting is not None:
            try:
                pruefen(meeting, "Meeting")
                if meeting.get("start"):
                    datum = datum_lesen(meeting["start"], feld="start")
            except Fehlerhaft as e:
                raise Fehlerhaft(f"Meeting {consultation['meeting']}: {e}") from e
    try:
        item = _agenda_item(quelle, consultation, meeting)
    except Fehlerhaft as e:
        raise Fehlerhaft(f"AgendaItem {consultation.get('agendaItem', '?')}: {e}") from e
    return {
        "gremium": _gremium(quelle, consultation, meeting),
        "sitzungsdatum": datum,
        "rolle": consultation.get("role", ""),
        "authoritative": consultation.get("authoritative", False),
        "ergebnis": item.get("result", "") if item is not None else None,
        "beschlusstext": item.get("resolutionText", "") if item is not None else None,
    }


def _beratung_abgleichen(vorlage: Vorlage, werte: dict, oparl_id: str, bericht) -> None:
    beratung = Beratung.objects.filter(oparl_id=oparl_id).first()
    if beratung is None:
        beratung = Beratung(vorlage=vorlage, oparl_id=oparl_id)
        werte = {
            "gremium": werte["gremium"] or _("Gremium nicht angegeben"),
            **{k: v for k, v in werte.items() if k != "gremium" and v is not None},
        }
        neu = True
    else:
        # What the source leaves unknown (a Meeting not published yet) is kept.
        werte = {k: v for k, v in werte.items() if v is not None}
        werte["vorlage"] = vorlage
        neu = False
    geaendert = [k for k, v in werte.items() if getattr(beratung, k) != v]
    if not neu and not geaendert:
        bericht.beratungen_unveraendert += 1
        return
    for name in geaendert:
        setattr(beratung, name, werte[name])
    try:
        beratung.full_clean()
    except ValidationError as e:
        raise Fehlerhaft(" ".join(e.messages)) from e
    beratung.save()
    if neu:
        bericht.beratungen_neu += 1
    else:
        bericht.beratungen_geaendert += 1


def _consultations(quelle: Quelle, paper: dict) -> Iterator[dict | str]:
    for eintrag in paper.get("consultation", []):
        # OParl embeds consultations in the Paper; a few systems give only their URLs.
        yield quelle.get(eintrag) if isinstance(eintrag, str) else eintrag


@transaction.atomic
def oparl_sync(*, quelle: str) -> SyncBericht:
    """Read the source, write Beratungen and statuses. Raises OParlFehler when unreadable."""
    bericht = SyncBericht()
    oparl = quelle_oeffnen(quelle)
    vorlagen = {referenz_normal(v.reference): v for v in Vorlage.objects.all()}
    beruehrt = set()
    for paper in oparl.papers():
        bericht.papiere += 1
        try:
            pruefen(paper, "Paper")
        except Fehlerhaft as e:
            pid = paper.get("id", "?") if isinstance(paper, dict) else "?"
            bericht.fehler.append(f"Paper {pid}: {e}")
            continue
        vorlage = vorlagen.get(referenz_normal(paper.get("reference", "")))
        if vorlage is None:
            continue
        bericht.vorlagen += 1
        try:
            # A savepoint per Paper: a malformed Paper leaves no half-written rows.
            with transaction.atomic():
                bericht.vorlagen_geaendert += _vorlage_abgleichen(vorlage, paper)
        except Fehlerhaft as e:
            bericht.fehler.append(f"Paper {paper['id']}: {e}")
            continue
        beruehrt.add(vorlage.pk)
        for consultation in _consultations(oparl, paper):
            cid = consultation.get("id", "?") if isinstance(consultation, dict) else "?"
            try:
                with transaction.atomic():
                    pruefen(consultation, "Consultation")
                    if consultation.get("deleted"):
                        geloescht, _details = Beratung.objects.filter(oparl_id=cid).delete()
                        bericht.beratungen_geloescht += geloescht
                        continue
                    werte = _beratung_werte(oparl, consultation)
                    _beratung_abgleichen(vorlage, werte, cid, bericht)
            except Fehlerhaft as e:
                bericht.fehler.append(f"Consultation {cid}: {e}")
    bericht.status_geaendert = kreistag_status_update_fuer_vorlagen(
        vorlagen=beruehrt, anlass=_("OParl-Abgleich")
    )
    bericht.hinweise = oparl.hinweise
    return bericht
