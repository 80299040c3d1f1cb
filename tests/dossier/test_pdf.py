"""The PDF of the Planungsdossier, read back as a reader of the county's report would."""

import datetime
import os
import re
import time
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from dossier import pdf
from dossier.selectors import dossier_inhalt
from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import Phase
from tests.dossier.conftest import AUFGENOMMEN, ENTWURF, NICHT_AUFGENOMMEN
from tests.dossier.pdf_text import Pdf


def _pdf(planungsjahr) -> tuple[Pdf, pdf.PdfErgebnis]:
    ergebnis = pdf.dossier_pdf(dossier_inhalt(planungsjahr))
    return Pdf(ergebnis.daten), ergebnis


def test_recommendations_appear_in_their_chapter_and_the_appendix(dossier_daten):
    dokument, _ = _pdf(dossier_daten)
    marken = dokument.lesezeichen()
    bildung, wohnen, anhang = (
        marken["1. Bildung"],
        marken["2. Wohnen"],
        marken["Anhang: Alle Handlungsempfehlungen"],
    )
    assert bildung < wohnen < anhang

    taken = dokument.seiten_mit(AUFGENOMMEN)
    assert any(bildung <= seite < wohnen for seite in taken)
    assert any(seite >= anhang for seite in taken)
    assert dokument.seiten_mit(NICHT_AUFGENOMMEN) == [
        s for s in dokument.seiten_mit(NICHT_AUFGENOMMEN) if s >= anhang
    ]
    assert dokument.seiten_mit(NICHT_AUFGENOMMEN)
    assert dokument.seiten_mit(ENTWURF) == []
    # The chapter carries the recommendation's sections, Maßnahmen and figures.
    kapitel = " ".join(dokument.seiten[bildung - 1 : wohnen - 1])
    for text in (
        "Viele Kinder brauchen Sprachförderung.",
        "Erhebung in allen Kitas",
        "12.500,00 €",
        "Erkenntnisse partizipativer Prozesse",
        "Die Fokusgruppe AG § 78",
        "Es gibt 9.600 Kitaplätze.",
        "Quelle: Kita-Statistik",
    ):
        assert text in " ".join(kapitel.split()), text


def test_contents_page_numbers_are_where_the_chapters_start(dossier_daten):
    dokument, _ = _pdf(dossier_daten)
    inhalt = dokument.seiten[dokument.lesezeichen()["Inhalt"] - 1]
    verzeichnis = {}
    for zeile in inhalt.splitlines():
        treffer = re.match(r"(.+?)[ .]*\s(\d+)$", zeile.strip())
        if treffer:
            verzeichnis[treffer[1].rstrip(". ")] = int(treffer[2])
    marken = dokument.lesezeichen()
    for titel in (
        "Zusammenfassung",
        "1. Bildung",
        "2. Wohnen",
        "Anhang: Alle Handlungsempfehlungen",
    ):
        assert verzeichnis[titel] == marken[titel], titel
        # The page really starts with that heading.
        assert dokument.seiten[marken[titel] - 1].find(titel) >= 0


def test_pdf_is_tagged_with_title_author_and_language(dossier_daten):
    dokument, _ = _pdf(dossier_daten)
    katalog = dokument.reader.trailer["/Root"]
    assert katalog["/Lang"] == "de"
    assert bool(katalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in katalog
    assert dokument.reader.metadata.title == "Sozialplanung Fokus 2023"
    assert dokument.reader.metadata.author == "Kreis Pinneberg"
    kopf = dokument.seiten[dokument.lesezeichen()["1. Bildung"] - 1]
    assert "Sozialplanung Fokus 2023" in kopf and "1. Bildung" in kopf
    anzahl = len(dokument.seiten)
    assert f"Seite 2 von {anzahl}" in dokument.seiten[1]


def test_watermark_appears_before_the_dossier_phase(dossier_daten, client, sozialplanung_user):
    dokument, _ = _pdf(dossier_daten)
    assert dokument.seiten_mit("Entwurf") == []

    dossier_daten.phase = Phase.BEWERTUNG
    dossier_daten.save()
    client.force_login(sozialplanung_user)
    antwort = client.get(reverse("dossier:pdf", kwargs={"jahr": 2023}))
    assert antwort.status_code == 200
    assert "Entwurf" in antwort["Content-Disposition"]
    vorschau = Pdf(b"".join(antwort.streaming_content))
    assert vorschau.seiten_mit("Entwurf") == list(range(1, len(vorschau.seiten) + 1))


def test_cache_serves_an_unchanged_dossier_and_rebuilds_after_a_change(dossier_daten):
    erstes, ergebnis = _pdf(dossier_daten)
    assert not ergebnis.aus_cache
    zweites, wieder = _pdf(dossier_daten)
    assert wieder.aus_cache and wieder.pfad == ergebnis.pfad
    assert wieder.daten == ergebnis.daten

    # An older file stays a while for requests still reading it, then goes.
    alt = time.time() - pdf.AUFBEWAHRUNG_S - 1
    os.utime(ergebnis.pfad, (alt, alt))
    Handlungsempfehlung.objects.filter(titel=AUFGENOMMEN).update(
        titel="Sprachförderung in allen Kitas"
    )
    neu, geaendert = _pdf(dossier_daten)
    assert not geaendert.aus_cache and geaendert.pfad != ergebnis.pfad
    assert neu.seiten_mit("Sprachförderung in allen Kitas")
    assert neu.seiten_mit(AUFGENOMMEN) == []
    assert not ergebnis.pfad.exists()


def test_kaleido_starts_one_browser_per_export_and_none_for_cached_charts(
    dossier_daten, monkeypatch, settings, tmp_path
):
    from handlungsfelder.models import Indikator, StrategischeAnalyse
    from tests.handlungsfelder.factories import IndikatorFactory, MesswertFactory

    settings.DIAGRAMM_CACHE_DIR = tmp_path / "leer"
    zweiter = IndikatorFactory(name="Krippenplätze")
    for messwert in Indikator.objects.get(name="Verfügbare Plätze in Kitas").messwerte.all():
        MesswertFactory(indikator=zweiter, gebiet=messwert.gebiet, jahr=messwert.jahr, wert=7)
    StrategischeAnalyse.objects.get(handlungsfeld__slug="bildung").indikatoren.add(zweiter)
    starts = []
    echt = pdf._kaleido
    monkeypatch.setattr(pdf, "_kaleido", lambda: starts.append(1) or echt())

    bilder = pdf.diagramme_exportieren(dossier_inhalt(dossier_daten))
    assert len(bilder[1]) == 2 and all(b.svg.startswith("<svg") for b in bilder[1])
    assert starts == [1]
    pdf.diagramme_exportieren(dossier_inhalt(dossier_daten))
    assert starts == [1]


def test_chapter_shows_the_impact_goals_and_their_progress(dossier_daten):
    from tests.empfehlungen.factories import WirkungsmessungFactory, WirkungszielFactory

    empfehlung = Handlungsempfehlung.objects.get(titel=AUFGENOMMEN)
    ziel = WirkungszielFactory(handlungsempfehlung=empfehlung, text="Mehr Kinder sprechen sicher")
    WirkungsmessungFactory(wirkungsziel=ziel, datum=datetime.date(2024, 1, 1), wert=Decimal("50"))

    def bildung() -> str:
        dokument, _ = _pdf(dossier_daten)
        marken = dokument.lesezeichen()
        seiten = dokument.seiten[marken["1. Bildung"] - 1 : marken["2. Wohnen"] - 1]
        return " ".join(" ".join(seiten).split())

    # Before the Kreistag decides, the goals are a proposal.
    assert "Vorgeschlagene Wirkungsziele" in bildung()
    Handlungsempfehlung.objects.filter(pk=empfehlung.pk).update(kreistag_status="beschlossen")
    kapitel = bildung()
    assert "Wirkungsziele und Fortschritt" in kapitel
    assert "Mehr Kinder sprechen sicher" in kapitel
    # 40 → 50 of 40 → 60 is half the way after half the time: on course.
    assert "50 %" in kapitel and "auf Kurs" in kapitel


def test_a_recommendation_of_a_field_no_longer_valid_keeps_its_chapter(dossier_daten):
    from handlungsfelder.models import Handlungsfeld

    Handlungsfeld.objects.filter(slug="bildung").update(gueltig_bis=2022)
    dokument, _ = _pdf(dossier_daten)
    marken = dokument.lesezeichen()
    assert "1. Bildung" in marken
    kapitel = dokument.seiten[marken["1. Bildung"] - 1 : marken["2. Wohnen"] - 1]
    assert any(AUFGENOMMEN in " ".join(seite.split()) for seite in kapitel)


@pytest.mark.parametrize("schema", ["file", "FILE"])
def test_the_pdf_reads_no_file_outside_the_static_folder(schema):
    html = (
        '<html lang="de"><head><title>x</title></head><body>'
        f'<img src="{schema}:///etc/hostname" alt="x"></body></html>'
    )
    with pytest.raises(pdf.DossierFehler, match="etc/hostname"):
        pdf.pdf_rendern(html)


def test_pdf_stays_german_when_an_english_page_asks_for_it(dossier_daten):
    # The dossier is the county's official document; the English web pages link to it.
    with translation.override("en"):
        dokument, _ = _pdf(dossier_daten)
    text = " ".join(" ".join(dokument.seiten).split())
    assert "Anhang: Alle Handlungsempfehlungen" in dokument.lesezeichen()
    for deutsch in ("Seite 1 von", "Handlungsempfehlungen", "Steuerungsrelevanz"):
        assert deutsch in text, deutsch
    for englisch in ("Page 1 of", "Recommendations", "steering"):
        assert englisch not in text, englisch
