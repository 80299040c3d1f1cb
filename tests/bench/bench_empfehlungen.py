"""Benchmark: the public recommendation list (2,000 rows, filters applied) and a detail page
against a minimal view that renders only base.html, through the whole Django stack.

All views run alternately in one process on the same scratch database, so the ratios
hold on a noisy machine. Run with ``make bench``.
"""

import io
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

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402
from django.views.generic import TemplateView  # noqa: E402

from empfehlungen.models import Handlungsempfehlung, Massnahme  # noqa: E402
from handlungsfelder.models import Handlungsfeld  # noqa: E402
from sozialplanung import urls as portal_urls  # noqa: E402

# The portal's URLs plus the baseline: a page that is nothing but base.html.
urlpatterns = [
    path("bench-basis/", TemplateView.as_view(template_name="base.html")),
    # The portal's own patterns, not include(): they are i18n_patterns (German, /en/).
    *portal_urls.urlpatterns,
]

ANZAHL = 2017  # the county's 17 and 2,000 invented ones
RUNDEN = 40


def daten_anlegen() -> Handlungsempfehlung:
    call_command(
        "load_demo_data",
        "--ohne-statistik",
        "--empfehlungen",
        str(ANZAHL),
        verbosity=0,
        stdout=io.StringIO(),
    )
    detail = Handlungsempfehlung.objects.order_by("-pk").first()
    Massnahme.objects.bulk_create(
        Massnahme(handlungsempfehlung=detail, massnahme=f"Maßnahme {i}", budget=1000 * i)
        for i in range(12)
    )
    return detail


def messen(client: Client, url: str, kalt: bool = False) -> tuple[float, int]:
    if kalt:
        cache.clear()  # the first visitor after a change: everything is built anew
    else:
        client.get(url)  # make sure the page is in the cache
    with CaptureQueriesContext(connection) as abfragen:
        start = time.perf_counter()
        antwort = client.get(url)
        dauer = time.perf_counter() - start
    assert antwort.status_code == 200, (url, antwort.status_code)
    return dauer, len(abfragen)


def main() -> None:
    call_command("migrate", verbosity=0)
    settings.ROOT_URLCONF = __name__
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    clear_url_caches()
    detail = daten_anlegen()
    feld = Handlungsfeld.objects.order_by("reihenfolge").first()
    seiten = {
        "Grundlinie base.html": "/bench-basis/",
        "Liste, Filter Handlungsfeld + Jahr": (
            f"/empfehlungen/?handlungsfeld={feld.slug}&jahr=2023"
        ),
        "Liste, Suche + Sortierung": "/empfehlungen/?q=Beratung&sortierung=-steuerungsrelevanz",
        "Liste, Seite 40 ohne Filter": "/empfehlungen/?page=40",
        "Detail mit 12 Maßnahmen": detail.get_absolute_url(),
    }
    client = Client()
    for url in seiten.values():  # warm the template loaders
        messen(client, url)
    # Each page twice: as the cache serves it, and built anew as after a change.
    faelle = [(name, url, kalt) for name, url in seiten.items() for kalt in (False, True)]
    zeiten = {(name, kalt): [] for name, _url, kalt in faelle}
    abfragen = {}
    for _ in range(RUNDEN):
        for name, url, kalt in faelle:
            dauer, anzahl = messen(client, url, kalt)
            zeiten[name, kalt].append(dauer)
            abfragen[name, kalt] = anzahl
    basis = statistics.median(zeiten["Grundlinie base.html", False])
    gesamt = Handlungsempfehlung.objects.count()
    print(f"Handlungsempfehlungen: {gesamt} im Bestand, Median aus {RUNDEN} Anfragen je Fall")
    print("  Seite: SQL-Abfragen und Median als Vielfaches der Grundlinie (Ziel ≤ 12, ≤ 2x)")
    for name in seiten:
        if name.startswith("Grundlinie"):
            continue
        warm = statistics.median(zeiten[name, False]) / basis
        kalt = statistics.median(zeiten[name, True]) / basis
        print(
            f"  {name}: {abfragen[name, True]} Abfragen / {kalt:.2f}x neu aufgebaut, "
            f"{abfragen[name, False]} Abfragen / {warm:.2f}x aus dem Zwischenspeicher"
        )


if __name__ == "__main__":
    main()
