"""The dossier on the web: who may read it, what it shows, and its texts."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossier.models import Dossier
from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import Phase
from tests.dossier.conftest import AUFGENOMMEN, ENTWURF, NICHT_AUFGENOMMEN
from tests.dossier.pdf_text import Pdf
from tests.empfehlungen.factories import HandlungsempfehlungFactory, MassnahmeFactory


def test_web_report_shows_chapters_charts_and_appendix(client, dossier_daten):
    antwort = client.get(reverse("dossier:detail", kwargs={"jahr": 2023}))
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "<h1>Sozialplanung Fokus 2023</h1>" in html
    assert 'id="kapitel-bildung"' in html and 'id="kapitel-wohnen"' in html
    kapitel = html[html.index('id="kapitel-bildung"') : html.index('id="kapitel-wohnen"')]
    assert AUFGENOMMEN in kapitel and NICHT_AUFGENOMMEN not in kapitel
    assert NICHT_AUFGENOMMEN in html[html.index('id="anhang"') :]
    assert ENTWURF not in html
    assert 'data-diagramm="diagramm-1-daten"' in kapitel  # the interactive chart
    assert reverse("dossier:pdf", kwargs={"jahr": 2023}) in html
    assert "Entwurf" not in html


def test_draft_dossier_is_hidden_from_the_public_and_marked_for_staff(
    client, dossier_daten, sozialplanung_user
):
    dossier_daten.phase = Phase.BEWERTUNG
    dossier_daten.save()
    url = reverse("dossier:detail", kwargs={"jahr": 2023})
    assert client.get(url).status_code == 404
    assert client.get(reverse("dossier:pdf", kwargs={"jahr": 2023})).status_code == 404
    assert "Sozialplanung Fokus 2023" not in client.get(reverse("dossier:index")).content.decode()

    client.force_login(sozialplanung_user)
    html = client.get(url).content.decode()
    assert "Diese Vorschau sieht nur die Sozialplanung" in html
    assert "PDF-Vorschau mit Wasserzeichen „Entwurf“" in html


def test_public_pdf_download_is_inline_with_a_speaking_file_name(client, dossier_daten):
    antwort = client.get(reverse("dossier:pdf", kwargs={"jahr": 2023}))
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/pdf"
    assert 'filename="Sozialplanung-Fokus-2023.pdf"' in antwort["Content-Disposition"]
    assert Pdf(b"".join(antwort.streaming_content)).seiten_mit(AUFGENOMMEN)


def test_web_report_query_count_stays_flat(client, dossier_daten, abfragen):
    url = reverse("dossier:detail", kwargs={"jahr": 2023})

    def mehr(anzahl):
        for _ in range(anzahl):
            empfehlung = HandlungsempfehlungFactory(
                planungsjahr=dossier_daten, im_dossier=True, steuerungsrelevanz="relevant"
            )
            MassnahmeFactory(handlungsempfehlung=empfehlung)

    # A guest's first visit reads the dossier twice: for the cache key, then the page.
    mehr(3)
    wenige = abfragen(url, hoechstens=30)
    mehr(27)
    assert abfragen(url, hoechstens=30) == wenige


def test_staff_write_the_summary_and_a_stale_save_is_refused(
    client, dossier_daten, sozialplanung_user
):
    client.force_login(sozialplanung_user)
    url = reverse("dossier:bearbeiten", kwargs={"jahr": 2023})
    antwort = client.post(url, {"zusammenfassung": "Erste Fassung.", "version": 0})
    assert antwort.status_code == 302
    assert Dossier.objects.get().zusammenfassung == "Erste Fassung."
    detail = client.get(reverse("dossier:detail", kwargs={"jahr": 2023})).content.decode()
    assert "Erste Fassung." in detail

    # A colleague opened the form before that save: her text is kept, not saved.
    antwort = client.post(url, {"zusammenfassung": "Meine Fassung.", "version": 0})
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "nachdem Sie ihn geöffnet haben" in html
    assert "Meine Fassung." in html and "Erste Fassung." in html
    assert Dossier.objects.get().zusammenfassung == "Erste Fassung."


def test_summary_form_rejects_oversized_input_with_a_message(
    client, dossier_daten, sozialplanung_user
):
    client.force_login(sozialplanung_user)
    url = reverse("dossier:bearbeiten", kwargs={"jahr": 2023})
    antwort = client.post(url, {"zusammenfassung": "x" * 20001, "version": 0})
    assert antwort.status_code == 200
    assert "höchstens 20000 Zeichen" in antwort.content.decode()
    assert not Dossier.objects.exists()


def test_export_command_writes_the_pdf_with_progress(dossier_daten, tmp_path):
    ausgabe, fortschritt = io.StringIO(), io.StringIO()
    call_command(
        "export_dossier", "2023", "-o", str(tmp_path / "d.pdf"), stdout=ausgabe, stderr=fortschritt
    )
    assert "Kapitel  1/2" in fortschritt.getvalue() and "Kapitel  2/2" in fortschritt.getvalue()
    assert "neu erzeugt" in ausgabe.getvalue()
    assert Pdf((tmp_path / "d.pdf").read_bytes()).seiten_mit(AUFGENOMMEN)


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (["1999", "-o", "x.pdf"], "Es gibt kein Planungsjahr 1999."),
        (["2023", "-o", "/gibt/es/nicht/x.pdf"], "Der Ordner /gibt/es/nicht existiert nicht."),
    ],
)
def test_export_command_fails_with_a_message(dossier_daten, argumente, meldung):
    with pytest.raises(CommandError, match=meldung):
        call_command("export_dossier", *argumente, stdout=io.StringIO(), stderr=io.StringIO())


def test_without_a_browser_the_download_says_so_and_the_command_fails(
    client, dossier_daten, settings, tmp_path
):
    settings.CHROMIUM_PATH = str(tmp_path / "kein-chromium")
    settings.DIAGRAMM_CACHE_DIR = tmp_path / "leer"
    antwort = client.get(reverse("dossier:pdf", kwargs={"jahr": 2023}))
    assert antwort.status_code == 503
    assert "Das PDF ist zurzeit nicht verfügbar" in antwort.content.decode()
    with pytest.raises(CommandError, match="Die Diagramme konnten nicht erzeugt werden"):
        call_command(
            "export_dossier",
            "2023",
            "-o",
            str(tmp_path),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


def test_guests_get_the_report_from_the_cache_until_its_content_changes(client, dossier_daten):
    url = reverse("dossier:detail", kwargs={"jahr": 2023})
    assert AUFGENOMMEN in client.get(url).content.decode()

    Handlungsempfehlung.objects.filter(titel=AUFGENOMMEN).update(titel="Neuer Titel")
    with CaptureQueriesContext(connection) as neu_gebaut:
        assert "Neuer Titel" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as aus_cache:
        assert "Neuer Titel" in client.get(url).content.decode()
    # The cached page costs only the reads that prove its content unchanged.
    assert len(aus_cache.captured_queries) * 2 <= len(neu_gebaut.captured_queries)


def test_a_stale_form_for_a_year_without_summary_gets_a_message_not_an_error(
    client, dossier_daten, sozialplanung_user
):
    client.force_login(sozialplanung_user)
    url = reverse("dossier:bearbeiten", kwargs={"jahr": 2023})
    antwort = client.post(url, {"zusammenfassung": "Text", "version": 3})
    assert antwort.status_code == 200
    assert "Ihre Eingaben wurden nicht gespeichert" in antwort.content.decode()
    assert not Dossier.objects.exists()
    # The form now carries version 0, so saving again works.
    assert client.post(url, {"zusammenfassung": "Text", "version": 0}).status_code == 302


def test_the_summary_is_closed_once_the_kreistag_decides(
    client, dossier_daten, sozialplanung_user
):
    dossier_daten.phase = Phase.ENTSCHEIDUNG
    dossier_daten.save()
    client.force_login(sozialplanung_user)
    url = reverse("dossier:bearbeiten", kwargs={"jahr": 2023})
    antwort = client.post(url, {"zusammenfassung": "Später", "version": 0}, follow=True)
    assert "liegt dem Kreistag vor und ist abgeschlossen" in antwort.content.decode()
    assert not Dossier.objects.exists()
    detail = client.get(reverse("dossier:detail", kwargs={"jahr": 2023})).content.decode()
    assert url not in detail
