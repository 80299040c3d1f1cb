"""Benchmark: exporting the Planungsdossier of a year with 10 Handlungsfelder, 60
recommendations and 20 charts.

Reports the cold export (total time, peak memory), the cold chart export on its own, the
warm export against WeasyPrint laying out the same final HTML alone (the goal is at most
1.5×), and a cached download against a page that renders only base.html (the goal is at
most 50 ms). Warm runs and their baseline alternate in one process, so the ratios hold
on a noisy machine. Run with ``make bench``.
"""

import os
import resource
import shutil
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
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import clear_url_caches, path  # noqa: E402
from django.views.generic import TemplateView  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from dossier import pdf  # noqa: E402
from dossier.selectors import dossier_inhalt  # noqa: E402
from empfehlungen.models import Handlungsempfehlung, Massnahme  # noqa: E402
from handlungsfelder.models import (  # noqa: E402
    Gebiet,
    Handlungsfeld,
    Indikator,
    Messwert,
    StrategischeAnalyse,
)
from sozialplanung import urls as portal_urls  # noqa: E402
from sozialplanung.models import Phase, Planungsjahr  # noqa: E402

urlpatterns = [
    path("bench-basis/", TemplateView.as_view(template_name="base.html")),
    # The portal's own patterns, not include(): they are i18n_patterns (German, /en/).
    *portal_urls.urlpatterns,
]

JAHR = 2030
FELDER, EMPFEHLUNGEN, DIAGRAMME = 10, 60, 20
RUNDEN = 5
TEXT = (
    "Die Versorgung im Kreis hat sich in den vergangenen Jahren verändert. Fokusgruppen, "
    "Träger und Verwaltung haben die Lage gemeinsam bewertet und Vorschläge erarbeitet. "
)


def daten_anlegen() -> Planungsjahr:
    call_command("migrate", verbosity=0)
    jahr = Planungsjahr.objects.create(jahr=JAHR, phase=Phase.PLANUNGSDOSSIER)
    kreis = Gebiet.objects.create(schluessel="01056", name="Pinneberg, Landkreis", ebene="kreis")
    land = Gebiet.objects.create(schluessel="01", name="Schleswig-Holstein", ebene="land")
    for nummer in range(FELDER):
        feld = Handlungsfeld.objects.create(
            name=f"Handlungsfeld {nummer + 1}",
            slug=f"feld-{nummer + 1}",
            reihenfolge=nummer,
            gueltig_von=2017,
        )
        analyse = StrategischeAnalyse.objects.create(
            handlungsfeld=feld,
            planungsjahr=jahr,
            text=TEXT * 4,
            erkenntnisse=(TEXT * 3 + "\n\n") * 2,
            fakten="\n".join(f"Kernaussage {i}: {TEXT[:90]}" for i in range(5)),
            fakten_quellen="Kreis Pinneberg",
        )
        for teil in range(DIAGRAMME // FELDER):
            indikator = Indikator.objects.create(
                name=f"Indikator {nummer + 1}.{teil + 1}", einheit="Anzahl", quelle="GENESIS"
            )
            analyse.indikatoren.add(indikator)
            Messwert.objects.bulk_create(
                Messwert(indikator=indikator, gebiet=gebiet, jahr=j, wert=faktor * (j - 1990))
                for j in range(2005, 2023)
                for gebiet, faktor in ((kreis, 100 + nummer), (land, 1000 + teil))
            )
    felder = list(Handlungsfeld.objects.order_by("reihenfolge"))
    for nummer in range(EMPFEHLUNGEN):
        empfehlung = Handlungsempfehlung.objects.create(
            titel=f"Handlungsempfehlung {nummer + 1}: Beratung und Angebote im Sozialraum",
            handlungsfeld=felder[nummer % FELDER],
            planungsjahr=jahr,
            status=Handlungsempfehlung.Status.VEROEFFENTLICHT,
            steuerungsrelevanz=("hoch", "relevant", "relevant", "weniger")[nummer % 4],
            im_dossier=nummer % 4 != 3,
            beschreibung=TEXT * 2,
            ausgangslage=TEXT * 2,
            ziele=TEXT,
            mitteleinsatz_jaehrlich=25000 + nummer,
            zielrichtung=TEXT,
        )
        Massnahme.objects.bulk_create(
            Massnahme(
                handlungsempfehlung=empfehlung,
                massnahme=f"Maßnahme {i + 1}",
                ziele="Mehr Familien erreichen",
                verantwortung="Fachdienst",
                budget=5000 * (i + 1),
                zeitpunkt="2025",
            )
            for i in range(3)
        )
    return jahr


def leeren(ordner: Path) -> None:
    shutil.rmtree(ordner, ignore_errors=True)


def main() -> None:
    settings.ROOT_URLCONF = __name__
    settings.ALLOWED_HOSTS = ["*"]
    clear_url_caches()
    arbeit = Path(tempfile.mkdtemp())
    settings.DIAGRAMM_CACHE_DIR = arbeit / "diagramme"
    settings.DOSSIER_CACHE_DIR = arbeit / "dossier"
    planungsjahr = daten_anlegen()

    # Cold: no chart, no PDF cached; kaleido's browser starts once.
    start = time.perf_counter()
    kalt = pdf.dossier_pdf(dossier_inhalt(planungsjahr))
    kalt_s = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chromium_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    seiten = len(PdfReader(kalt.pfad).pages)

    inhalt = dossier_inhalt(planungsjahr)
    leeren(settings.DIAGRAMM_CACHE_DIR)
    start = time.perf_counter()
    bilder = pdf.diagramme_exportieren(inhalt)
    diagramme_s = time.perf_counter() - start
    html = pdf.html_fuer_pdf(inhalt, bilder)

    # Warm: the SVGs are cached, the PDF is not; against WeasyPrint alone on the same HTML.
    portal, basis = [], []
    for _ in range(RUNDEN):
        leeren(settings.DOSSIER_CACHE_DIR)
        start = time.perf_counter()
        ergebnis = pdf.dossier_pdf(dossier_inhalt(planungsjahr))
        portal.append(time.perf_counter() - start)
        assert not ergebnis.aus_cache
        start = time.perf_counter()
        pdf.pdf_rendern(html)
        basis.append(time.perf_counter() - start)

    # A cached download through the whole Django stack, against base.html alone.
    client = Client()
    url = f"/dossier/{JAHR}.pdf"
    assert client.get(url).status_code == 200
    download, seite = [], []
    for _ in range(40):
        start = time.perf_counter()
        antwort = client.get(url)
        b"".join(antwort.streaming_content)
        download.append(time.perf_counter() - start)
        start = time.perf_counter()
        client.get("/bench-basis/")
        seite.append(time.perf_counter() - start)

    warm, ws = statistics.median(portal), statistics.median(basis)
    dl, bs = statistics.median(download), statistics.median(seite)
    print(
        f"Planungsdossier: {FELDER} Handlungsfelder, {EMPFEHLUNGEN} Empfehlungen, "
        f"{DIAGRAMME} Diagramme, {seiten or '?'} Seiten"
    )
    print(
        f"  kalt (Daten, 20 Diagramme mit Browserstart, Satz): {kalt_s:.2f} s "
        f"= {kalt_s / ws:.2f}× WeasyPrint allein"
    )
    print(f"  Spitzenspeicher: Python-Prozess {rss_mb:.0f} MB RSS, Chromium {chromium_mb:.0f} MB")
    print(
        f"  Diagrammexport kalt (Browserstart + 20 SVG): {diagramme_s:.2f} s "
        f"= {diagramme_s / ws:.2f}× WeasyPrint allein"
    )
    print(
        f"  warm (SVGs im Cache): {warm:.2f} s, WeasyPrint allein {ws:.2f} s "
        f"→ {warm / ws:.2f}× (Ziel ≤ 1,5×)"
    )
    print(
        f"  Download aus dem Cache: {dl * 1000:.1f} ms (Ziel ≤ 50 ms) "
        f"= {dl / bs:.2f}× base.html ({bs * 1000:.1f} ms), {dl / ws:.3f}× WeasyPrint allein"
    )
    leeren(arbeit)


if __name__ == "__main__":
    main()
