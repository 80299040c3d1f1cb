"""The Planungsdossier as a tagged PDF: charts through kaleido, layout through WeasyPrint.

Both steps cache by content. A chart's SVG is stored under a hash of its input data, so
a cached chart costs neither plotly nor the browser; the finished PDF is stored under
the dossier's fingerprint, so an unchanged dossier is served without any rendering.
"""

import asyncio
import base64
import fcntl
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dossier.selectors import DossierInhalt, Kapitel, Zeitreihe

logger = logging.getLogger(__name__)

# The A4 text column is 168 mm wide; at this size two charts fit on a page.
DIAGRAMM_BREITE = 760
DIAGRAMM_HOEHE_MAX = 430
STATIC = Path(settings.BASE_DIR) / "static"


class DossierFehler(Exception):
    """The dossier could not be built; the message says why, in German."""


@dataclass
class DiagrammBild:
    """A chart as the PDF shows it: the SVG and the words that go with it."""

    titel: str
    beschreibung: str
    quelle: str
    hinweise: list[str]
    svg: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def _atomar_schreiben(ziel: Path, daten: bytes) -> None:
    # Another worker may build the same file at the same time: write aside, then rename.
    ziel.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=ziel.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as datei:
        datei.write(daten)
    os.replace(tmp, ziel)


class _Diagrammauftrag:
    def __init__(self, zeitreihe: Zeitreihe, kapitel: Kapitel):
        self.zeitreihe = zeitreihe
        self.kapitel = kapitel
        self.pfad = (
            Path(settings.DIAGRAMM_CACHE_DIR) / f"{zeitreihe.schluessel(kapitel.raum)}.json"
        )
        self.bild: DiagrammBild | None = None
        if self.pfad.exists():
            self.bild = DiagrammBild(**json.loads(self.pfad.read_text(encoding="utf-8")))

    async def exportieren(self, kaleido) -> None:
        diagramm = self.zeitreihe.diagramm(self.kapitel.raum)
        svg = await kaleido.calc_fig(
            diagramm.figure,
            opts={
                "format": "svg",
                "width": DIAGRAMM_BREITE,
                "height": min(diagramm.figure.layout.height, DIAGRAMM_HOEHE_MAX),
            },
        )
        self.bild = DiagrammBild(
            titel=diagramm.titel,
            beschreibung=diagramm.beschreibung,
            quelle=diagramm.quelle,
            hinweise=diagramm.hinweise,
            svg=svg.decode() if isinstance(svg, bytes) else svg,
        )
        _atomar_schreiben(self.pfad, json.dumps(self.bild.__dict__).encode())


def _kaleido():
    import kaleido  # imported here: only an export with new charts needs it

    return kaleido.Kaleido(
        n=1,
        path=settings.CHROMIUM_PATH,
        # plotly.js from our own static files, and no MathJax: nothing from the network.
        plotlyjs=(STATIC / "vendor" / "plotly" / "plotly.min.js").as_uri(),
        mathjax=False,
    )


async def _exportieren(auftraege_je_kapitel, fortschritt) -> None:
    browser = None
    try:
        for kapitel, auftraege in auftraege_je_kapitel:
            for auftrag in auftraege:
                if auftrag.bild is None:
                    if browser is None:  # one browser for the whole export, started late
                        browser = _kaleido()
                        await browser.open()
                    await auftrag.exportieren(browser)
            if fortschritt:
                fortschritt(kapitel)
    finally:
        if browser is not None:
            await browser.close()


def diagramme_exportieren(
    inhalt: DossierInhalt, fortschritt: Callable[[Kapitel], None] | None = None
) -> dict[int, list[DiagrammBild]]:
    """The SVG charts of every chapter, by chapter number; missing ones are drawn."""
    auftraege_je_kapitel = [
        (kapitel, [_Diagrammauftrag(z, kapitel) for z in kapitel.zeitreihen])
        for kapitel in inhalt.kapitel
    ]
    try:
        asyncio.run(_exportieren(auftraege_je_kapitel, fortschritt))
    except Exception as fehler:
        logger.exception("Diagrammexport fehlgeschlagen")
        raise DossierFehler(
            _("Die Diagramme konnten nicht erzeugt werden (%(fehler)s).") % {"fehler": fehler}
        ) from fehler
    return {
        kapitel.nummer: [auftrag.bild for auftrag in auftraege]
        for kapitel, auftraege in auftraege_je_kapitel
    }


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def seitenstil(inhalt: DossierInhalt) -> str:
    """The running header and footer; generated, because their words are translated."""
    zaehler = {"%(seite)s": "counter(page)", "%(seiten)s": "counter(pages)"}
    teile = re.split(r"(%\(seiten?\)s)", _("Seite %(seite)s von %(seiten)s"))
    fusszeile = " ".join(zaehler.get(teil) or _css_text(teil) for teil in teile if teil)
    kopf = _css_text(inhalt.titel)
    traeger = _css_text(inhalt.traeger["name"])
    return (
        f"@page {{ @top-left {{ content: {kopf} }} @bottom-left {{ content: {traeger} }} "
        f"@bottom-right {{ content: {fusszeile} }} }}"
    )


def html_fuer_pdf(inhalt: DossierInhalt, bilder: dict[int, list[DiagrammBild]]) -> str:
    return render_to_string(
        "dossier/dossier_pdf.html",
        {
            "inhalt": inhalt,
            "kapitel_mit_bildern": [(k, bilder[k.nummer]) for k in inhalt.kapitel],
            "erstellt": timezone.localdate(),
            "seitenstil": seitenstil(inhalt),
        },
    )


def _url_fetcher():
    """WeasyPrint may read our static files and data: URIs, nothing from a network."""
    from weasyprint.urls import URLFetcher

    class NurLokal(URLFetcher):
        def fetch(self, url, headers=None):
            teile = urlsplit(url)
            if teile.scheme.lower() == "file":
                pfad = Path(url2pathname(teile.path)).resolve()
                if not pfad.is_relative_to(STATIC.resolve()):
                    raise ValueError(f"Nicht freigegebene Datei: {url}")
            return super().fetch(url, headers)

    return NurLokal(allowed_protocols={"file", "data"}, fail_on_errors=True)


def pdf_rendern(html: str) -> bytes:
    """Lay out the final HTML as a tagged PDF (PDF/UA-1) with the dossier's stylesheet."""
    # Imported here: loading WeasyPrint costs a second per process.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _url_fetcher()
    schriften = FontConfiguration()  # makes the stylesheet's @font-face usable
    stil = CSS(
        filename=str(STATIC / "css" / "dossier-druck.css"),
        url_fetcher=fetcher,
        font_config=schriften,
    )
    dokument = HTML(string=html, base_url=str(STATIC) + "/", url_fetcher=fetcher)
    try:
        return dokument.write_pdf(
            stylesheets=[stil], font_config=schriften, pdf_variant="pdf/ua-1"
        )
    except FatalURLFetchingError as fehler:  # a BaseException: it would pass `except Exception`
        raise DossierFehler(str(fehler)) from fehler


@dataclass
class PdfErgebnis:
    pfad: Path
    aus_cache: bool
    daten: bytes


# Older PDFs of a year stay this long, so that a request still reading one finds it.
AUFBEWAHRUNG_S = 600


def dossier_pdf(
    inhalt: DossierInhalt, fortschritt: Callable[[Kapitel], None] | None = None
) -> PdfErgebnis:
    """The dossier's PDF: from the cache when nothing changed, else built anew."""
    jahr = inhalt.planungsjahr.jahr
    ziel = (
        Path(settings.DOSSIER_CACHE_DIR) / f"sozialplanung-fokus-{jahr}-{inhalt.fingerprint()}.pdf"
    )
    try:
        return PdfErgebnis(
            ziel, aus_cache=True, daten=_gemeldet(ziel.read_bytes, inhalt, fortschritt)
        )
    except FileNotFoundError:
        pass
    try:
        ziel.parent.mkdir(parents=True, exist_ok=True)
        # One build per year at a time: the others wait for it and then read its file.
        with open(ziel.parent / f"fokus-{jahr}.lock", "w") as sperre:
            fcntl.flock(sperre, fcntl.LOCK_EX)
            if ziel.exists():
                daten = _gemeldet(ziel.read_bytes, inhalt, fortschritt)
                return PdfErgebnis(ziel, aus_cache=True, daten=daten)
            # The dossier is the county's official document: German, whoever asks first.
            with translation.override("de"):
                daten = _bauen(inhalt, ziel, fortschritt)
    except OSError as fehler:
        logger.exception("Zwischenspeicher des Dossiers nicht nutzbar")
        raise DossierFehler(
            _("Der Zwischenspeicher des Dossiers ist nicht nutzbar (%(fehler)s).")
            % {"fehler": fehler}
        ) from fehler
    return PdfErgebnis(ziel, aus_cache=False, daten=daten)


def _gemeldet(lesen, inhalt: DossierInhalt, fortschritt) -> bytes:
    daten = lesen()
    if fortschritt:
        for kapitel in inhalt.kapitel:
            fortschritt(kapitel)
    return daten


def _bauen(inhalt: DossierInhalt, ziel: Path, fortschritt) -> bytes:
    bilder = diagramme_exportieren(inhalt, fortschritt)
    try:
        pdf = pdf_rendern(html_fuer_pdf(inhalt, bilder))
    except Exception as fehler:
        logger.exception("PDF-Satz fehlgeschlagen")
        raise DossierFehler(
            _("Das PDF konnte nicht gesetzt werden (%(fehler)s).") % {"fehler": fehler}
        ) from fehler
    _atomar_schreiben(ziel, pdf)
    grenze = time.time() - AUFBEWAHRUNG_S
    for alt in ziel.parent.glob(f"sozialplanung-fokus-{inhalt.planungsjahr.jahr}-*.pdf"):
        if alt != ziel and alt.stat().st_mtime < grenze:
            alt.unlink(missing_ok=True)
    return pdf
