"""Reading statistics files as the county downloads them, before anything is stored.

Three formats: the Regionalstatistik/GENESIS CSV export (both layouts: years as column
groups, or a year column), a tidy CSV and an XLSX with the columns
``indikator, gebiet_schluessel, jahr, wert``. Parsing is pure: it returns an
``Ergebnis`` for the preview, or raises ``ImportFehler`` with a German message that
names the line. ``handlungsfelder.services.indikatoren_import`` stores an ``Ergebnis``.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from django.utils.translation import gettext as _

from handlungsfelder.models import Messwert

MARKER = Messwert.MARKER
MAX_BYTES = 50 * 1024 * 1024
TIDY_SPALTEN = ("indikator", "gebiet_schluessel", "jahr", "wert")
EINHEITEN = {
    "anzahl",
    "prozent",
    "%",
    "eur",
    "euro",
    "tsd. eur",
    "1000 eur",
    "tsd.",
    "1000",
    "personen",
    "qkm",
    "ha",
    "jahre",
    "stunden",
    "je 1000 einwohner",
}
GEBIET_SCHLUESSEL = re.compile(r"^(DG|\d{2}|\d{3}|\d{5}|\d{8}|\d{12})$")
# German numbers: decimal comma, optional thousands dots in groups of three.
ZAHL_DE = r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
ZAHL_PUNKT = r"[+-]?\d+(?:\.\d+)?"
ZEIT = re.compile(r"^(?:(\d{2})\.(\d{2})\.)?(\d{4})$")
STEUERZEICHEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Messwert.wert holds 18 digits with 4 after the comma.
GROESSTE_STELLEN = 14


class ImportFehler(Exception):
    """A file that cannot be imported at all; nothing of it is stored."""

    def __init__(self, meldung: str, zeile: int | None = None):
        self.meldung = meldung
        self.zeile = zeile
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.zeile is None:
            return self.meldung
        return _("Zeile %(zeile)s: %(meldung)s") % {"zeile": self.zeile, "meldung": self.meldung}


@dataclass(frozen=True)
class Abgelehnt:
    zeile: int
    grund: str


@dataclass
class Reihe:
    name: str
    einheit: str = ""


@dataclass
class Ergebnis:
    format: str
    tabelle: str = ""
    titel: str = ""
    quelle: str = ""
    reihen: list[Reihe] = field(default_factory=list)
    # indikator, gebiet_schluessel, gebiet_name, jahr, stichtag, wert (str|None), fehlkennzeichen
    werte: pd.DataFrame = field(default_factory=pd.DataFrame)
    abgelehnt: list[Abgelehnt] = field(default_factory=list)

    @property
    def anzahl_werte(self) -> int:
        return len(self.werte)

    @property
    def anzahl_fehlend(self) -> int:
        return int((self.werte["fehlkennzeichen"] != "").sum()) if len(self.werte) else 0

    @property
    def gebiete(self) -> list[tuple[str, str]]:
        if not len(self.werte):
            return []
        paare = self.werte[["gebiet_schluessel", "gebiet_name"]].drop_duplicates(
            "gebiet_schluessel"
        )
        return sorted(paare.itertuples(index=False, name=None))

    @property
    def jahre(self) -> list[int]:
        return sorted(int(j) for j in self.werte["jahr"].unique()) if len(self.werte) else []


def parse_zahl(text: str) -> Decimal:
    """A German number as the statistical offices write it: ``1.234,5`` → 1234.5.

    The import parses whole columns with ``_normalise``; this reads one value through
    the same code, so that what is tested here is what the import does.
    """
    normal, ungueltig = _normalise(pd.Series([text], dtype=object), ZAHL_DE, ",")
    if ungueltig.iloc[0]:
        raise ValueError(_("„%(text)s“ ist keine Zahl.") % {"text": text.strip()})
    return Decimal(normal.iloc[0])


def _normalise(werte: pd.Series, muster: str, dezimal: str) -> tuple[pd.Series, pd.Series]:
    """Vectorised parse: normalised decimal strings (or None) and a mask of the invalid."""
    text = werte.fillna("").astype(str).str.strip()
    gueltig = text.str.fullmatch(muster)
    if dezimal == ",":
        normal = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        normal = text
    return normal.where(gueltig, None), ~gueltig


def lesen(inhalt: bytes, *, dateiname: str = "", gebiet_praefix: str | None = None) -> Ergebnis:
    """Parse a statistics file; ``gebiet_praefix`` keeps only regions whose key starts so."""
    if len(inhalt) > MAX_BYTES:
        raise ImportFehler(
            _("Die Datei ist %(mb)s MB groß; erlaubt sind höchstens 50 MB.")
            % {"mb": f"{len(inhalt) / 1024 / 1024:.1f}".replace(".", ",")}
        )
    if not inhalt.replace(b"\xef\xbb\xbf", b"").strip(b" \t\r\n;,"):
        raise ImportFehler(_("Die Datei ist leer."))
    if inhalt.startswith(b"PK\x03\x04") or dateiname.lower().endswith(".xlsx"):
        ergebnis = _lesen_xlsx(inhalt)
    else:
        text = _dekodieren(inhalt)
        if text.lstrip("\ufeff").startswith("GENESIS-Tabelle"):
            ergebnis = _lesen_genesis(text)
        else:
            ergebnis = _lesen_tidy_csv(text)
    if gebiet_praefix is not None and len(ergebnis.werte):
        maske = ergebnis.werte["gebiet_schluessel"].str.startswith(gebiet_praefix)
        ergebnis.werte = ergebnis.werte[maske].reset_index(drop=True)
    if not len(ergebnis.werte):
        gruende = "; ".join(
            _("Zeile %(zeile)s: %(grund)s") % {"zeile": a.zeile, "grund": a.grund}
            for a in ergebnis.abgelehnt[:3]
        )
        meldung = _("Die Datei enthält keine verwertbaren Werte.")
        raise ImportFehler(f"{meldung} {gruende}".strip())
    return ergebnis


def _dekodieren(inhalt: bytes) -> str:
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # The statistical offices serve Windows-1252.
            text = inhalt.decode("cp1252")
        except UnicodeDecodeError:
            text = None
    if text is None or STEUERZEICHEN.search(text):
        raise ImportFehler(
            _(
                "Die Datei ist weder eine CSV-Textdatei noch eine Excel-Datei (.xlsx). "
                "Bitte laden Sie den Export der Statistik unverändert hoch."
            )
        )
    return text


def _zellen(zeile: str) -> list[str]:
    return zeile.split(";")


def _ohne_leere_enden(zeile: str) -> str:
    return zeile.rstrip().rstrip(";").strip()


def _lesen_genesis(text: str) -> Ergebnis:
    zeilen = text.lstrip("\ufeff").splitlines()
    tabelle = zeilen[0].split(":", 1)[1].strip().strip(";").strip() if ":" in zeilen[0] else ""

    # Header rows start with empty id cells; the title lines come before them.
    kopf_start = next((i for i, z in enumerate(zeilen) if i and z.startswith(";")), None)
    if kopf_start is None:
        raise ImportFehler(_("Die Datei hat keine Kopfzeilen mit Spaltenbeschriftungen."), 1)
    kopf_ende = kopf_start
    while kopf_ende < len(zeilen) and zeilen[kopf_ende].startswith(";"):
        kopf_ende += 1
    kopf = [_zellen(z) for z in zeilen[kopf_start:kopf_ende]]
    titel_zeilen = [_ohne_leere_enden(z) for z in zeilen[1:kopf_start] if _ohne_leere_enden(z)]
    spalten = max(len(k) for k in kopf)
    id_spalten = min(_fuehrende_leere(k) for k in kopf)
    if id_spalten not in (2, 3):
        raise ImportFehler(
            _("Das Tabellenlayout dieser GENESIS-Datei ist unbekannt."), kopf_start + 1
        )

    fuss = next((i for i in range(kopf_ende, len(zeilen)) if zeilen[i].startswith("___")), None)
    daten: list[tuple[int, list[str]]] = []
    for i in range(kopf_ende, fuss if fuss is not None else len(zeilen)):
        zeile = zeilen[i]
        if not zeile.strip(" ;"):
            continue
        zellen = _zellen(zeile)
        if len(zellen) != spalten:
            abgeschnitten = fuss is None and i == len(zeilen) - 1
            raise ImportFehler(
                _(
                    "Die Zeile ist unvollständig (%(ist)s statt %(soll)s Spalten); die Datei ist "
                    "vermutlich beim Herunterladen abgeschnitten worden."
                )
                % {"ist": len(zellen), "soll": spalten}
                if abgeschnitten
                else _("Die Zeile hat %(ist)s Spalten, erwartet werden %(soll)s.")
                % {"ist": len(zellen), "soll": spalten},
                i + 1,
            )
        daten.append((i + 1, zellen))
    if not daten:
        raise ImportFehler(_("Die Datei enthält Kopfzeilen, aber keine Daten."), kopf_ende + 1)
    if fuss is None:
        raise ImportFehler(
            _(
                "Der Fußbereich der GENESIS-Datei (ab der Zeile „___“) fehlt; die Datei ist "
                "vermutlich abgeschnitten."
            ),
            len(zeilen),
        )

    wert_kopf = [k[id_spalten:] + [""] * (spalten - len(k)) for k in kopf]
    zeit_zeile = None
    if id_spalten == 2:
        zeit_zeile = next(
            (
                n
                for n, k in enumerate(wert_kopf)
                if all(ZEIT.match(c.strip()) for c in k if c.strip()) and any(c.strip() for c in k)
            ),
            None,
        )
        if zeit_zeile is None:
            raise ImportFehler(_("Die Kopfzeile mit den Jahren fehlt."), kopf_start + 1)
    einheiten, namen = _spaltennamen(wert_kopf, zeit_zeile, titel_zeilen)

    stand = ""
    for zeile in zeilen[fuss:]:
        if zeile.startswith("Stand:"):
            stand = zeile.split(":", 1)[1].split("/")[0].strip()
    quelle = _(
        "Statistische Ämter des Bundes und der Länder, Regionalstatistik (GENESIS), "
        "Tabelle %(tabelle)s"
    ) % {"tabelle": tabelle}
    if stand:
        quelle += _(", Stand %(stand)s") % {"stand": stand}
    quelle += _("; Datenlizenz Deutschland – Namensnennung – Version 2.0")

    rahmen = pd.DataFrame([z for _, z in daten], dtype=str)
    rahmen["_zeile"] = [n for n, _ in daten]
    if id_spalten == 3:
        zeit = rahmen[0].str.strip()
        schluessel, name = rahmen[1].str.strip(), rahmen[2].str.strip()
    else:
        zeit = None
        schluessel, name = rahmen[0].str.strip(), rahmen[1].str.strip()

    abgelehnt: list[Abgelehnt] = []
    gueltig = schluessel.str.match(GEBIET_SCHLUESSEL)
    for zeile, wert in zip(rahmen.loc[~gueltig, "_zeile"], schluessel[~gueltig], strict=True):
        abgelehnt.append(
            Abgelehnt(zeile, _("„%(wert)s“ ist kein Regionalschlüssel.") % {"wert": wert})
        )

    teile = []
    for j in range(spalten - id_spalten):
        spalte = rahmen[id_spalten + j]
        if zeit_zeile is not None:
            jahr_text = pd.Series(wert_kopf[zeit_zeile][j].strip(), index=rahmen.index)
        else:
            jahr_text = zeit
        teile.append(
            pd.DataFrame(
                {
                    "_zeile": rahmen["_zeile"],
                    "_spalte": namen[j],
                    "indikator": namen[j],
                    "gebiet_schluessel": schluessel,
                    "gebiet_name": name,
                    "_zeit": jahr_text,
                    "_roh": spalte,
                    "_gueltig": gueltig,
                }
            )
        )
    lang = pd.concat(teile, ignore_index=True)
    lang = lang[lang["_gueltig"]]
    werte, fehler = _werte_und_zeit(lang, ZAHL_DE, ",")
    abgelehnt += fehler
    reihen = [
        Reihe(name, einheit) for name, einheit in dict(zip(namen, einheiten, strict=True)).items()
    ]
    return Ergebnis(
        format="GENESIS",
        tabelle=tabelle,
        titel=" ".join(titel_zeilen[:2]),
        quelle=quelle,
        reihen=reihen,
        werte=werte,
        abgelehnt=sorted(set(abgelehnt), key=lambda a: (a.zeile, a.grund)),
    )


def _fuehrende_leere(zellen: list[str]) -> int:
    return next((i for i, zelle in enumerate(zellen) if zelle.strip()), len(zellen))


def _spaltennamen(
    wert_kopf: list[list[str]], zeit_zeile: int | None, titel_zeilen: list[str]
) -> tuple[list[str], list[str]]:
    """Name and unit of every value column, from the header rows and the last title line."""
    zeilen = [k for n, k in enumerate(wert_kopf) if n != zeit_zeile]
    einheit_zeile = None
    for n in range(len(zeilen) - 1, -1, -1):
        gefuellt = [c.strip() for c in zeilen[n] if c.strip()]
        if gefuellt and all(c.lower() in EINHEITEN for c in gefuellt):
            einheit_zeile = n
            break
    # "Bevölkerungsstand (Anzahl)": the measure and its unit, when no header row has them.
    mass, mass_einheit = "", ""
    if titel_zeilen:
        treffer = re.match(r"^(.*?)\s*\(([^()]+)\)$", titel_zeilen[-1])
        if treffer:
            mass, mass_einheit = treffer.group(1).strip(), treffer.group(2).strip()
    namen, einheiten = [], []
    for j in range(len(wert_kopf[0])):
        teile: list[str] = []
        for n, zeile in enumerate(zeilen):
            zelle = zeile[j].strip() if j < len(zeile) else ""
            if n != einheit_zeile and zelle and zelle not in teile:
                teile.append(zelle)
        einheit = zeilen[einheit_zeile][j].strip() if einheit_zeile is not None else mass_einheit
        if mass and (einheit_zeile is None or not teile) and mass not in teile:
            teile.insert(0, mass)
        if not teile and zeit_zeile is not None and titel_zeilen:
            # Years as columns with no measure row: one series, named after the table.
            teile.append(titel_zeilen[0])
        name = " – ".join(teile) or _("Spalte %(nr)s") % {"nr": j + 1}
        if name in namen and zeit_zeile is None:
            name = f"{name} ({_('Spalte %(nr)s') % {'nr': j + 1}})"
        namen.append(name)
        einheiten.append(einheit)
    return einheiten, namen


def _werte_und_zeit(
    lang: pd.DataFrame, muster: str, dezimal: str
) -> tuple[pd.DataFrame, list[Abgelehnt]]:
    """Turn raw cells into values, markers and years; collect what cannot be read."""
    abgelehnt: list[Abgelehnt] = []
    roh = lang["_roh"].fillna("").astype(str).str.strip()
    ist_marker = roh.isin(MARKER)
    wert, ungueltig = _normalise(roh, muster, dezimal)
    ungueltig &= ~ist_marker
    for zeile, spalte, text in zip(
        lang.loc[ungueltig, "_zeile"], lang.loc[ungueltig, "_spalte"], roh[ungueltig], strict=True
    ):
        grund = (
            _("In Spalte „%(spalte)s“ fehlt der Wert.") % {"spalte": spalte}
            if not text
            else _("„%(text)s“ in Spalte „%(spalte)s“ ist keine Zahl.")
            % {"text": text, "spalte": spalte}
        )
        abgelehnt.append(Abgelehnt(int(zeile), grund))

    zeit = lang["_zeit"].fillna("").astype(str).str.strip().str.extract(ZEIT)
    jahr = pd.to_numeric(zeit[2], errors="coerce")
    zeit_ungueltig = jahr.isna()
    for zeile, text in zip(
        lang.loc[zeit_ungueltig, "_zeile"], lang.loc[zeit_ungueltig, "_zeit"], strict=True
    ):
        abgelehnt.append(
            Abgelehnt(int(zeile), _("„%(text)s“ ist keine Jahresangabe.") % {"text": text})
        )
    behalten = ~ungueltig & ~zeit_ungueltig
    hat_tag = behalten & zeit[0].notna()
    datum = pd.to_datetime(
        zeit[0] + "." + zeit[1] + "." + zeit[2], format="%d.%m.%Y", errors="coerce"
    )
    for index in lang.index[hat_tag & datum.isna()]:
        abgelehnt.append(
            Abgelehnt(
                int(lang.at[index, "_zeile"]),
                _("„%(text)s“ ist kein gültiges Datum.") % {"text": lang.at[index, "_zeit"]},
            )
        )
    behalten &= ~(hat_tag & datum.isna())
    ziffern = wert.fillna("").astype(str).str.replace("-", "", regex=False).str.split(".").str[0]
    zu_gross = ziffern.str.len() > GROESSTE_STELLEN
    for index in lang.index[behalten & zu_gross]:
        abgelehnt.append(
            Abgelehnt(
                int(lang.at[index, "_zeile"]),
                _("Der Wert „%(text)s“ ist zu groß.") % {"text": roh[index]},
            )
        )
        behalten[index] = False
    for spalte, laenge, text in (
        ("indikator", 300, _("Der Name des Indikators ist länger als 300 Zeichen.")),
        ("gebiet_name", 200, _("Der Name des Gebiets ist länger als 200 Zeichen.")),
    ):
        for index in lang.index[behalten & (lang[spalte].str.len() > laenge)]:
            abgelehnt.append(Abgelehnt(int(lang.at[index, "_zeile"]), text))
            behalten[index] = False
    stichtag = [None if pd.isna(d) else d.date() for d in datum[behalten]]
    werte = pd.DataFrame(
        {
            "indikator": lang["indikator"][behalten].to_numpy(),
            "gebiet_schluessel": lang["gebiet_schluessel"][behalten].to_numpy(),
            "gebiet_name": lang["gebiet_name"][behalten].to_numpy(),
            "jahr": jahr[behalten].astype(int).to_numpy(),
            "stichtag": stichtag,
            # Normalised decimal strings; None for a missing value (its marker is kept).
            "wert": pd.Series(
                [
                    w if isinstance(w, str) and not m else None
                    for w, m in zip(wert[behalten], ist_marker[behalten], strict=True)
                ],
                dtype=object,
            ),
            "fehlkennzeichen": roh.where(ist_marker, "")[behalten].to_numpy(),
        }
    )
    doppelt = werte.duplicated(["indikator", "gebiet_schluessel", "jahr"], keep="first")
    if doppelt.any():
        for zeile in lang.loc[behalten, "_zeile"][doppelt.to_numpy()]:
            abgelehnt.append(
                Abgelehnt(int(zeile), _("Der Wert steht für dieses Gebiet und Jahr doppelt."))
            )
        werte = werte[~doppelt.to_numpy()].reset_index(drop=True)
    return werte, abgelehnt


def _tidy_rahmen(kopf: list[str], daten: list[list]) -> pd.DataFrame:
    """Check the header of a tidy table and frame its rows (each led by its line number)."""
    doppelt = sorted({k for k in kopf if k and kopf.count(k) > 1})
    if doppelt:
        raise ImportFehler(
            _("Die Spalte „%(spalte)s“ steht mehrfach in der Kopfzeile.") % {"spalte": doppelt[0]},
            1,
        )
    fehlend = [s for s in TIDY_SPALTEN if s not in kopf]
    if fehlend:
        raise ImportFehler(
            _(
                "Unbekanntes Dateiformat. Erwartet wird ein GENESIS-Export oder eine Tabelle "
                "mit den Spalten %(soll)s; es fehlen: %(fehlt)s."
            )
            % {"soll": ", ".join(TIDY_SPALTEN), "fehlt": ", ".join(fehlend)},
            1,
        )
    if not daten:
        raise ImportFehler(_("Die Datei enthält Kopfzeilen, aber keine Daten."), 2)
    rahmen = pd.DataFrame(daten, columns=["_zeile", *kopf], dtype=str)
    rahmen["_zeile"] = rahmen["_zeile"].astype(int)
    return rahmen


def _lesen_tidy_csv(text: str) -> Ergebnis:
    erste = text.lstrip("\ufeff").split("\n", 1)[0]
    trenner = ";" if erste.count(";") >= erste.count(",") else ","
    # newline="": a lone carriage return ends a line instead of escaping as csv.Error.
    leser = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=trenner)
    try:
        zeilen = list(leser)
    except csv.Error:
        raise ImportFehler(
            _("Die Zeile lässt sich nicht in Spalten aufteilen."), leser.line_num
        ) from None
    kopf = [k.strip().lower() for k in zeilen[0]]
    daten = []
    for nr, zellen in enumerate(zeilen[1:], start=2):
        if not any(c.strip() for c in zellen):
            continue
        if len(zellen) != len(kopf):
            raise ImportFehler(
                _("Die Zeile hat %(ist)s Spalten, erwartet werden %(soll)s.")
                % {"ist": len(zellen), "soll": len(kopf)},
                nr,
            )
        daten.append([nr, *zellen])
    rahmen = _tidy_rahmen(kopf, daten)
    if trenner == ";":
        return _tidy(rahmen, "CSV", ZAHL_DE, ",")
    return _tidy(rahmen, "CSV", ZAHL_PUNKT, ".")


def _lesen_xlsx(inhalt: bytes) -> Ergebnis:
    from openpyxl import load_workbook

    try:
        mappe = load_workbook(io.BytesIO(inhalt), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as fehler:
        raise ImportFehler(
            _("Die Excel-Datei ist beschädigt oder keine .xlsx-Datei im Format Excel 2007 ff.")
        ) from fehler
    blatt = mappe.worksheets[0]
    zeilen = list(blatt.iter_rows(values_only=True))
    mappe.close()
    if not zeilen:
        raise ImportFehler(
            _("Das erste Tabellenblatt „%(blatt)s“ ist leer.") % {"blatt": blatt.title}
        )
    kopf = [str(k or "").strip().lower() for k in zeilen[0]]

    def text(zelle, spalte: str = "") -> str:
        if zelle is None:
            return ""
        if isinstance(zelle, datetime.date):
            # A year typed as a date; the statistics count by year.
            return str(zelle.year)
        if spalte == "gebiet_schluessel" and isinstance(zelle, int | float):
            # Excel drops the leading zero of "01056"; the key lengths are 2, 5, 8 and 12.
            ziffern = str(int(zelle))
            laenge = next((n for n in (2, 5, 8, 12) if n >= len(ziffern)), len(ziffern))
            return ziffern.zfill(laenge)
        if isinstance(zelle, float) and zelle.is_integer():
            return str(int(zelle))
        if isinstance(zelle, int | float | Decimal):
            # Excel numbers are exact already; write them the German way for one parser.
            return str(zelle).replace(".", ",")
        return str(zelle)

    daten = [
        [nr, *(text(z, k) for z, k in zip(zeile, kopf, strict=False))]
        for nr, zeile in enumerate(zeilen[1:], start=2)
        if any(z not in (None, "") for z in zeile)
    ]
    return _tidy(_tidy_rahmen(kopf, daten), "XLSX", ZAHL_DE, ",")


def _tidy(rahmen: pd.DataFrame, format: str, muster: str, dezimal: str) -> Ergebnis:
    abgelehnt: list[Abgelehnt] = []
    indikator = rahmen["indikator"].fillna("").str.strip()
    schluessel = rahmen["gebiet_schluessel"].fillna("").str.strip()
    ohne_name = indikator == ""
    for zeile in rahmen.loc[ohne_name, "_zeile"]:
        abgelehnt.append(Abgelehnt(int(zeile), _("Der Name des Indikators fehlt.")))
    ungueltig = ~schluessel.str.match(GEBIET_SCHLUESSEL)
    for zeile, wert in zip(rahmen.loc[ungueltig, "_zeile"], schluessel[ungueltig], strict=True):
        abgelehnt.append(
            Abgelehnt(int(zeile), _("„%(wert)s“ ist kein Regionalschlüssel.") % {"wert": wert})
        )
    ok = ~ohne_name & ~ungueltig
    namen = (
        rahmen["gebiet_name"].fillna("").str.strip()
        if "gebiet_name" in rahmen
        else pd.Series("", index=rahmen.index)
    )
    lang = pd.DataFrame(
        {
            "_zeile": rahmen["_zeile"],
            "_spalte": "wert",
            "indikator": indikator,
            "gebiet_schluessel": schluessel,
            "gebiet_name": namen.where(namen != "", schluessel),
            "_zeit": rahmen["jahr"],
            "_roh": rahmen["wert"],
        }
    )[ok]
    werte, fehler = _werte_und_zeit(lang, muster, dezimal)
    einheiten: dict[str, str] = {}
    if "einheit" in rahmen:
        for name, einheit in zip(indikator, rahmen["einheit"].fillna("").str.strip(), strict=True):
            if einheit:
                einheiten.setdefault(name, einheit)
    reihen = [Reihe(name, einheiten.get(name, "")) for name in dict.fromkeys(werte["indikator"])]
    quelle = ""
    if "quelle" in rahmen:
        quelle = next((q for q in rahmen["quelle"].fillna("").str.strip() if q), "")
    return Ergebnis(
        format=format,
        quelle=quelle,
        reihen=reihen,
        werte=werte,
        abgelehnt=sorted(set(abgelehnt + fehler), key=lambda a: (a.zeile, a.grund)),
    )
