"""Backup and restore of the whole portal: every table and every uploaded file.

A backup is one ``.tar.gz`` with three parts:

- ``manifest.json``: format, time, database vendor and the applied migrations;
- ``daten.sicherung``: Django's ``dumpdata`` of every model as JSON, primary keys
  included, times to the microsecond;
- ``media/…``: the uploaded files (statistics imports).

``dumpdata``/``loaddata`` rather than ``pg_dump``: the same file works on SQLite (the
embedded default) and PostgreSQL, so a county can also move from one to the other, and
a restore runs inside one transaction, so a broken file changes nothing.
"""

import io
import json
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from empfehlungen.verknuepfungen import ohne_protokoll

FORMAT = 1
MANIFEST = "manifest.json"
DATEN = "daten.sicherung"  # JSON, read by the "sicherung" serializer
MEDIEN = "media"


# What a truncated or damaged gzip/tar file raises while it is read.
LESEFEHLER = (OSError, EOFError, zlib.error, tarfile.TarError)


class SicherungFehler(Exception):
    """A backup cannot be written or restored; the message says why, in German."""


@dataclass(frozen=True)
class Ergebnis:
    pfad: Path
    datensaetze: int
    dateien: int


def _migrationen(alias: str = DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[alias])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def daten_json() -> str:
    """Every row of every model, in primary-key order, as dumpdata writes it."""
    puffer = io.StringIO()
    # --all reads through the base managers, so no manager's filter hides a row.
    call_command("dumpdata", all=True, format="sicherung", indent=1, stdout=puffer, verbosity=0)
    return puffer.getvalue()


def _medien_dateien(wurzel: Path) -> list[Path]:
    if not wurzel.is_dir():
        return []
    return sorted(p for p in wurzel.rglob("*") if p.is_file())


def _freier_name(ordner: Path, stamm: str) -> Path:
    ziel, nummer = ordner / f"{stamm}.tar.gz", 1
    while ziel.exists():
        nummer += 1
        ziel = ordner / f"{stamm}-{nummer}.tar.gz"
    return ziel


def sicherung_erstellen(ordner: Path, praefix: str = "sozialplanung") -> Ergebnis:
    """Write a backup of the database and the uploads into ``ordner``; never overwrite."""
    # Backups hold password hashes and personal data: for the owner's eyes only.
    ordner.mkdir(mode=0o700, parents=True, exist_ok=True)
    jetzt = timezone.localtime()
    ziel = _freier_name(ordner, f"{praefix}-{jetzt:%Y-%m-%d-%H%M%S}")
    verbindung = connections[DEFAULT_DB_ALIAS]
    eigene_transaktion = not verbindung.in_atomic_block
    with transaction.atomic():
        if eigene_transaktion and verbindung.vendor == "postgresql":
            # One snapshot for every table, so the rows fit together while the portal is
            # in use (READ COMMITTED would give each table's query a snapshot of its own).
            with verbindung.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        daten = daten_json().encode()
        migrationen = _migrationen()
    datensaetze = len(json.loads(daten))
    medien = Path(settings.MEDIA_ROOT)
    dateien = _medien_dateien(medien)
    manifest = {
        "format": FORMAT,
        "erstellt": jetzt.isoformat(),
        "datenbank": connections[DEFAULT_DB_ALIAS].vendor,
        "migrationen": migrationen,
        "datensaetze": datensaetze,
        "dateien": [str(p.relative_to(medien)) for p in dateien],
    }
    # Written under a temporary name first, so an interrupted run leaves no half file.
    teil = ziel.with_suffix(".teil")
    teil.touch(mode=0o600)
    with tarfile.open(teil, "w:gz") as archiv:
        for name, inhalt in (
            (MANIFEST, json.dumps(manifest, indent=1).encode()),
            (DATEN, daten),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(inhalt)
            info.mtime = int(jetzt.timestamp())
            archiv.addfile(info, io.BytesIO(inhalt))
        for pfad in dateien:
            archiv.add(pfad, arcname=f"{MEDIEN}/{pfad.relative_to(medien)}", recursive=False)
    teil.rename(ziel)
    return Ergebnis(ziel, datensaetze, len(dateien))


def _manifest_lesen(archiv: tarfile.TarFile, datei: Path) -> dict:
    try:
        manifest = json.load(archiv.extractfile(MANIFEST))
    except LESEFEHLER as exc:
        raise SicherungFehler(
            _("%(datei)s ist beschädigt: %(grund)s") % {"datei": datei, "grund": exc}
        ) from exc
    except (KeyError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SicherungFehler(
            _("%(datei)s ist keine Sicherung des Portals: %(grund)s fehlt oder ist beschädigt.")
            % {"datei": datei, "grund": MANIFEST}
        ) from exc
    if manifest.get("format") != FORMAT:
        raise SicherungFehler(
            _("%(datei)s hat das Sicherungsformat %(format)s; dieses Portal liest Format %(ok)s.")
            % {"datei": datei, "format": manifest.get("format"), "ok": FORMAT}
        )
    return manifest


def _migrationen_pruefen(manifest: dict) -> None:
    gesichert = {tuple(m) for m in manifest.get("migrationen", [])}
    jetzt = {tuple(m) for m in _migrationen()}
    if gesichert == jetzt:
        return
    fehlt = sorted(gesichert - jetzt)
    neu = sorted(jetzt - gesichert)
    teile = []
    if fehlt:
        teile.append(
            _("in der Sicherung, aber nicht in der Datenbank: %s")
            % ", ".join(f"{a}.{n}" for a, n in fehlt[:5])
        )
    if neu:
        teile.append(
            _("in der Datenbank, aber nicht in der Sicherung: %s")
            % ", ".join(f"{a}.{n}" for a, n in neu[:5])
        )
    raise SicherungFehler(
        _(
            "Die Sicherung passt nicht zum Datenbankschema (Migrationen %(teile)s). Spielen "
            "Sie sie mit dem Softwarestand ein, mit dem sie erstellt wurde."
        )
        % {"teile": "; ".join(teile)}
    )


@dataclass
class _Medientausch:
    """Puts the restored upload folder in place with two renames, and can undo them."""

    medien: Path
    neu: Path
    alt: Path
    alt_weggelegt: bool = False
    neu_eingesetzt: bool = False

    def ausfuehren(self) -> None:
        if self.medien.exists():
            self.medien.rename(self.alt)
            self.alt_weggelegt = True
        self.neu.rename(self.medien)
        self.neu_eingesetzt = True

    def zuruecknehmen(self) -> None:
        if self.neu_eingesetzt:
            self.medien.rename(self.neu)
        if self.alt_weggelegt:
            self.alt.rename(self.medien)


@contextmanager
def _oeffnen(datei: Path):
    try:
        archiv = tarfile.open(datei, "r:gz")  # noqa: SIM115 – closed below, after the yield
    except LESEFEHLER as exc:
        raise SicherungFehler(
            _("%(datei)s lässt sich nicht als Sicherung öffnen: %(grund)s")
            % {"datei": datei, "grund": exc}
        ) from exc
    with archiv:
        yield archiv


def sicherung_einspielen(datei: Path) -> Ergebnis:
    """Replace every row and every upload with the backup's; all or nothing."""
    medien = Path(settings.MEDIA_ROOT)
    medien.parent.mkdir(parents=True, exist_ok=True)
    with (
        _oeffnen(datei) as archiv,
        tempfile.TemporaryDirectory(dir=medien.parent, prefix=".wiederherstellung-") as tmp,
    ):
        manifest = _manifest_lesen(archiv, datei)
        _migrationen_pruefen(manifest)
        try:
            # The "data" filter refuses absolute paths, "..", links out and devices.
            archiv.extractall(tmp, filter="data")
        except LESEFEHLER as exc:
            raise SicherungFehler(
                _("%(datei)s ist beschädigt: %(grund)s") % {"datei": datei, "grund": exc}
            ) from exc
        entpackt = Path(tmp)
        neue_medien = entpackt / MEDIEN
        neue_medien.mkdir(exist_ok=True)
        fehlend = [d for d in manifest.get("dateien", []) if not (neue_medien / d).is_file()]
        if fehlend:
            raise SicherungFehler(
                _("%(datei)s ist unvollständig: es fehlen die Dateien %(liste)s.")
                % {"datei": datei, "liste": ", ".join(fehlend[:5])}
            )
        alt = medien.with_name(medien.name + ".alt")
        shutil.rmtree(alt, ignore_errors=True)
        tausch = _Medientausch(medien, neue_medien, alt)
        try:
            with transaction.atomic():
                # Empty every table, content types included, and load the saved rows
                # with their own keys; post_migrate must not recreate rows in between.
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
                with ohne_protokoll():
                    call_command("loaddata", str(entpackt / DATEN), verbosity=0)
                # The uploads are swapped before the commit: if that fails, the rows
                # are rolled back too.
                tausch.ausfuehren()
        except Exception as exc:  # any failure leaves the data and the files as they were
            tausch.zuruecknehmen()
            raise SicherungFehler(
                _(
                    "Die Daten aus %(datei)s ließen sich nicht einspielen; nichts wurde "
                    "geändert. Grund: %(grund)s"
                )
                % {"datei": datei, "grund": exc}
            ) from exc
        shutil.rmtree(alt, ignore_errors=True)
    return Ergebnis(Path(datei), manifest.get("datensaetze", 0), len(manifest.get("dateien", [])))
