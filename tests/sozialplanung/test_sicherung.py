"""Backup and restore: a round trip gives back the same database and the same uploads."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import IndikatorImport
from sozialplanung.sicherung import SicherungFehler, daten_json, sicherung_einspielen
from tests.handlungsfelder.factories import IndikatorImportFactory

ROOT = Path(__file__).resolve().parents[2]


def uploads() -> dict[str, bytes]:
    wurzel = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(wurzel)): p.read_bytes() for p in wurzel.rglob("*") if p.is_file()}


def zeilen_je_tabelle() -> dict[str, int]:
    """Every table of the database, including those dumpdata knows nothing of."""
    with connection.cursor() as cursor:
        tabellen = connection.introspection.table_names(cursor)
        zaehlung = {}
        for tabelle in tabellen:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabelle)}")
            zaehlung[tabelle] = cursor.fetchone()[0]
    return zaehlung


def sichern(ordner: Path) -> Path:
    call_command("sicherung_erstellen", ordner=ordner, stdout=io.StringIO())
    (archiv,) = ordner.glob("*.tar.gz")
    return archiv


def einspielen(archiv: Path) -> str:
    ausgabe = io.StringIO()
    call_command("sicherung_einspielen", str(archiv), interactive=False, stdout=ausgabe)
    return ausgabe.getvalue()


@pytest.fixture
def bestand(transactional_db, demo_data, tmp_path, settings):
    """The demo county plus two uploaded statistics files, committed as in real use.

    A restore empties tables with TRUNCATE on PostgreSQL, which a test transaction with
    pending constraint checks would refuse; a real restore runs on committed data.
    """
    settings.BASE_DIR = tmp_path  # the safety backup before a restore lands here
    IndikatorImportFactory(dateiname="kita.csv")
    IndikatorImportFactory(dateiname="zweite.csv")
    return tmp_path


def test_round_trip_gives_back_the_same_database_and_uploads(bestand):
    daten_vorher, dateien_vorher = daten_json(), uploads()
    tabellen_vorher = zeilen_je_tabelle()
    assert len(dateien_vorher) == 2
    archiv = sichern(bestand / "sicherungen")
    # Password hashes and personal data: readable by the owner only.
    assert archiv.stat().st_mode & 0o077 == 0
    assert archiv.parent.stat().st_mode & 0o077 == 0

    # After the backup, someone edits, deletes and uploads.
    empfehlung = Handlungsempfehlung.objects.order_by("pk").first()
    Handlungsempfehlung.objects.filter(pk=empfehlung.pk).update(titel="Überschrieben")
    Handlungsempfehlung.objects.exclude(pk=empfehlung.pk).filter(
        steuerungsgruppe_runde=None, einschaetzungen=None
    ).first().delete()
    IndikatorImport.objects.first().datei.delete()
    IndikatorImportFactory(dateiname="nachher.csv")
    assert daten_json() != daten_vorher

    ausgabe = einspielen(archiv)

    assert daten_json() == daten_vorher
    assert zeilen_je_tabelle() == tabellen_vorher
    assert uploads() == dateien_vorher
    assert "Sicherung eingespielt" in ausgabe
    # The state just before the restore was saved too, so nothing is lost.
    (vorher,) = (bestand / "sicherungen").glob("vor-wiederherstellung-*.tar.gz")
    assert vorher != archiv


def test_archive_holds_manifest_data_and_every_upload(bestand):
    archiv = sichern(bestand / "sicherungen")
    with tarfile.open(archiv) as tar:
        namen = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "daten.sicherung"} <= namen
    assert {f"media/{d}" for d in manifest["dateien"]} <= namen
    assert len(manifest["dateien"]) == 2
    assert manifest["datensaetze"] == len(json.loads(daten_json()))


def _umpacken(archiv: Path, ziel: Path, **ersetzt: bytes) -> Path:
    """A copy of ``archiv`` with some members replaced (or dropped when None)."""
    with tarfile.open(archiv) as alt, tarfile.open(ziel, "w:gz") as neu:
        for info in alt.getmembers():
            name = info.name
            if name in ersetzt:
                if ersetzt[name] is None:
                    continue
                inhalt = ersetzt[name]
                info.size = len(inhalt)
                neu.addfile(info, io.BytesIO(inhalt))
            else:
                neu.addfile(info, alt.extractfile(info))
    return ziel


def test_broken_backup_changes_nothing(bestand):
    archiv = sichern(bestand / "sicherungen")
    Handlungsempfehlung.objects.update(titel="Stand nach der Sicherung")
    daten_jetzt, dateien_jetzt = daten_json(), uploads()

    abgeschnitten = bestand / "abgeschnitten.tar.gz"
    abgeschnitten.write_bytes(archiv.read_bytes()[:2000])
    with tarfile.open(archiv) as tar:
        zeilen = json.load(tar.extractfile("daten.sicherung"))
    zeilen.append({"model": "empfehlungen.massnahme", "pk": 999999, "fields": {"x": 1}})
    kaputt = _umpacken(
        archiv, bestand / "kaputt.tar.gz", **{"daten.sicherung": json.dumps(zeilen).encode()}
    )
    fremd = _umpacken(archiv, bestand / "fremd.tar.gz", **{"manifest.json": None})
    datei_fehlt = _umpacken(
        archiv,
        bestand / "ohne-datei.tar.gz",
        **{f"media/{IndikatorImport.objects.first().datei.name}": None},
    )
    with tarfile.open(archiv) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    manifest["migrationen"].append(["empfehlungen", "9999_aus_der_zukunft"])
    neuer = _umpacken(
        archiv, bestand / "neuer.tar.gz", **{"manifest.json": json.dumps(manifest).encode()}
    )

    erwartet = {
        abgeschnitten: "beschädigt",
        kaputt: "nichts wurde geändert",
        fremd: "keine Sicherung des Portals",
        datei_fehlt: "unvollständig",
        neuer: "9999_aus_der_zukunft",
    }
    for datei, meldung in erwartet.items():
        with pytest.raises(SicherungFehler, match=meldung):
            sicherung_einspielen(datei)
        assert daten_json() == daten_jetzt, datei
        assert uploads() == dateien_jetzt, datei


def test_uploads_that_cannot_be_swapped_roll_the_data_back_too(bestand, settings):
    archiv = sichern(bestand / "sicherungen")
    Handlungsempfehlung.objects.update(titel="Stand nach der Sicherung")
    daten_jetzt, dateien_jetzt = daten_json(), uploads()
    # A file where the old upload folder would be put aside: the rename fails for real.
    medien = Path(settings.MEDIA_ROOT)
    medien.with_name(medien.name + ".alt").write_text("im Weg")

    with pytest.raises(SicherungFehler, match="nichts wurde geändert"):
        sicherung_einspielen(archiv)

    assert daten_json() == daten_jetzt
    assert uploads() == dateien_jetzt


def test_restore_command_names_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("sicherung_einspielen", str(tmp_path / "fehlt.tar.gz"), interactive=False)


@pytest.mark.eigene_datenbank
def test_make_backup_and_restore(tmp_path):
    """The two make targets an operator types, on an SQLite database of their own."""
    umgebung = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "SICHERUNG_ORDNER": str(tmp_path / "sicherungen"),
        "DJANGO_DEBUG": "1",
    }
    umgebung.pop("DJANGO_SECRET_KEY", None)

    def ausfuehren(*befehl):
        return subprocess.run(
            befehl, cwd=ROOT, env=umgebung, capture_output=True, text=True, check=True
        ).stdout

    # The suite's own interpreter, and no install step: the test must not touch a venv.
    python = sys.executable
    ausfuehren(python, "manage.py", "migrate", "--noinput")
    ausfuehren(
        python,
        "manage.py",
        "shell",
        "-c",
        "from handlungsfelder.models import Handlungsfeld;"
        "Handlungsfeld.objects.create(name='Gesichert', slug='gesichert', gueltig_von=2024)",
    )
    ausfuehren("make", "--no-print-directory", "-o", ".venv/.installed", f"PY={python}", "backup")
    (archiv,) = (tmp_path / "sicherungen").glob("*.tar.gz")
    ausfuehren(
        python,
        "manage.py",
        "shell",
        "-c",
        "from handlungsfelder.models import Handlungsfeld;Handlungsfeld.objects.all().delete()",
    )
    ausgabe = ausfuehren(
        "make",
        "--no-print-directory",
        "-o",
        ".venv/.installed",
        f"PY={python}",
        "restore",
        f"FILE={archiv}",
    )
    assert "Sicherung eingespielt" in ausgabe
    namen = ausfuehren(
        python,
        "manage.py",
        "shell",
        "-c",
        "from handlungsfelder.models import Handlungsfeld;"
        "print(list(Handlungsfeld.objects.values_list('name', flat=True)))",
    )
    assert "Gesichert" in namen
