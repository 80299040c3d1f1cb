"""Benchmark: importing the GENESIS table 12411-01-01-4 against pandas plus a bulk insert.

Both sides run in the same process on the same scratch database, alternating, so the
ratio holds on a noisy machine. Run with ``make bench``.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sozialplanung.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

import pandas as pd  # noqa: E402
from django.core.management import call_command  # noqa: E402

from handlungsfelder.importer import lesen  # noqa: E402
from handlungsfelder.models import Gebiet, Indikator, Messwert  # noqa: E402
from handlungsfelder.services import indikatoren_import  # noqa: E402

DATEI = ROOT / "sozialplanung" / "demo" / "genesis" / "12411-01-01-4_00.csv"
RUNDEN = 5


def leeren() -> None:
    Messwert.objects.all().delete()
    Indikator.objects.all().delete()
    Gebiet.objects.all().delete()


def pandas_und_bulk_insert() -> int:
    """The floor: pandas reads the data block, then one bulk insert of every value."""
    zeilen = DATEI.read_text(encoding="utf-8").splitlines()
    fuss = next(i for i, z in enumerate(zeilen) if z.startswith("___"))
    rahmen = pd.read_csv(
        DATEI, sep=";", skiprows=8, nrows=fuss - 8, header=None, dtype=str, encoding="utf-8"
    )
    lang = rahmen.melt(id_vars=[0, 1], var_name="spalte", value_name="roh")
    lang["wert"] = pd.to_numeric(lang["roh"], errors="coerce")
    gebiete = Gebiet.objects.bulk_create(
        [
            Gebiet(schluessel=s.strip(), name=n.strip(), ebene="kreis")
            for s, n in rahmen[[0, 1]].drop_duplicates(0).itertuples(index=False)
        ]
    )
    ids = {g.schluessel: g.pk for g in gebiete}
    indikatoren = [Indikator.objects.create(name=f"Spalte {i}", tabelle="bench") for i in range(3)]
    objekte = [
        Messwert(
            indikator=indikatoren[(int(spalte) - 2) % 3],
            gebiet_id=ids[schluessel.strip()],
            jahr=1995 + (int(spalte) - 2) // 3,
            wert=None if pd.isna(wert) else wert,
            fehlkennzeichen="-" if pd.isna(wert) else "",
        )
        for schluessel, spalte, wert in lang[[0, "spalte", "wert"]].itertuples(index=False)
    ]
    Messwert.objects.bulk_create(objekte, batch_size=2000, ignore_conflicts=True)
    return len(objekte)


def portal_import() -> int:
    ergebnis = lesen(DATEI.read_bytes())
    return indikatoren_import(ergebnis=ergebnis).neu


def portal_reimport() -> int:
    return indikatoren_import(ergebnis=lesen(DATEI.read_bytes())).unveraendert


def messen(funktion, vorher=leeren) -> tuple[float, int]:
    if vorher:
        vorher()
    start = time.perf_counter()
    anzahl = funktion()
    return time.perf_counter() - start, anzahl


def main() -> None:
    call_command("migrate", verbosity=0)
    basis, portal, wieder = [], [], []
    for _ in range(RUNDEN):
        basis.append(messen(pandas_und_bulk_insert))
        portal.append(messen(portal_import))
        wieder.append(messen(portal_reimport, vorher=None))
    t_basis = statistics.median(t for t, _n in basis)
    t_portal = statistics.median(t for t, _n in portal)
    t_wieder = statistics.median(t for t, _n in wieder)
    werte = portal[0][1]
    print(f"Import {DATEI.name}: {werte} Werte, Median aus {RUNDEN} Runden")
    print(f"  Grundlinie pandas.read_csv + bulk insert: {werte / t_basis:,.0f} Werte/s")
    print(f"  Portal-Import (prüfen, vergleichen, speichern): {werte / t_portal:,.0f} Werte/s")
    print(f"  Verhältnis Portal/Grundlinie: {t_portal / t_basis:.2f}x (Ziel ≤ 3x)")
    print(f"  Erneuter Import ohne Änderung: {t_wieder / t_basis:.2f}x der Grundlinie")
    leeren()


if __name__ == "__main__":
    main()
