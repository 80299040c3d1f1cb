"""Storing statistics: all or nothing, idempotent, the same from the web and the shell."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from handlungsfelder.importer import lesen
from handlungsfelder.models import Gebiet, Indikator, IndikatorImport, Messwert
from handlungsfelder.services import indikatoren_import
from tests.handlungsfelder.factories import HandlungsfeldFactory

pytestmark = pytest.mark.django_db

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata" / "genesis"
KITAS = REALDATA / "22541-01-01-4_00.csv"


def _snapshot():
    return sorted(
        Messwert.objects.values_list(
            "indikator__name", "gebiet__schluessel", "jahr", "wert", "fehlkennzeichen", "stichtag"
        )
    )


def test_import_stores_the_files_values_for_pinneberg():
    indikatoren_import(ergebnis=lesen(KITAS.read_bytes(), gebiet_praefix="01"))
    pinneberg = Gebiet.objects.get(schluessel="01056")
    assert pinneberg.ebene == Gebiet.Ebene.KREIS
    assert Gebiet.objects.get(schluessel="01").ebene == Gebiet.Ebene.LAND
    wert = Messwert.objects.get(
        indikator__name="Tageseinrichtungen für Kinder – Insgesamt", gebiet=pinneberg, jahr=2002
    )
    assert wert.wert == 142
    assert str(wert.stichtag) == "2002-12-31"
    indikator = wert.indikator
    assert indikator.tabelle == "22541-01-01-4"
    assert "Tabelle 22541-01-01-4, Stand 10.10.2017" in indikator.quelle


def test_reimport_changes_nothing():
    ergebnis = lesen((REALDATA / "13211-02-04-4_00.csv").read_bytes(), gebiet_praefix="01")
    erste = indikatoren_import(ergebnis=ergebnis)
    vorher = _snapshot()
    indikatoren_anzahl = Indikator.objects.count()

    zweite = indikatoren_import(ergebnis=ergebnis)
    assert erste.neu == ergebnis.anzahl_werte
    assert (zweite.neu, zweite.geaendert, zweite.unveraendert) == (0, 0, ergebnis.anzahl_werte)
    assert _snapshot() == vorher
    assert Indikator.objects.count() == indikatoren_anzahl


def test_a_corrected_value_is_updated_not_duplicated():
    alt = b"indikator;gebiet_schluessel;jahr;wert\nQuote;01056;2022;59,1\nQuote;01056;2021;58\n"
    neu = b"indikator;gebiet_schluessel;jahr;wert\nQuote;01056;2022;59,4\nQuote;01056;2021;58\n"
    indikatoren_import(ergebnis=lesen(alt))
    bilanz = indikatoren_import(ergebnis=lesen(neu))
    assert (bilanz.neu, bilanz.geaendert, bilanz.unveraendert) == (0, 1, 1)
    assert Messwert.objects.get(jahr=2022).wert == Decimal("59.4")
    assert Messwert.objects.count() == 2


def test_a_failing_import_leaves_nothing_behind(monkeypatch):
    ergebnis = lesen(KITAS.read_bytes(), gebiet_praefix="01")

    def kaputt(*args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(Messwert.objects, "bulk_create", kaputt)
    with pytest.raises(RuntimeError):
        indikatoren_import(ergebnis=ergebnis)
    assert not Gebiet.objects.exists()
    assert not Indikator.objects.exists()


def test_command_imports_and_links_handlungsfelder():
    feld = HandlungsfeldFactory(slug="bildung")
    out = io.StringIO()
    call_command(
        "import_indicators", str(KITAS), "--gebiet-praefix", "01", "--handlungsfeld", "bildung",
        stdout=out,
    )  # fmt: skip
    assert "Importiert:" in out.getvalue()
    assert feld.indikatoren.count() == 11


def test_command_preview_stores_nothing():
    out = io.StringIO()
    call_command("import_indicators", str(KITAS), "--vorschau", stdout=out)
    assert "Nichts gespeichert" in out.getvalue()
    assert not Messwert.objects.exists()


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (b"", "Die Datei ist leer."),
        (bytes(range(256)) * 4, "weder eine CSV-Textdatei"),
        (b"indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022\n", "Zeile 2: Die Zeile hat 3"),
    ],
)
def test_command_exits_non_zero_with_the_reason(tmp_path, inhalt, meldung):
    datei = tmp_path / "statistik.csv"
    datei.write_bytes(inhalt)
    with pytest.raises(CommandError, match=meldung):
        call_command("import_indicators", str(datei))
    assert not Messwert.objects.exists()


def test_command_names_a_missing_file():
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("import_indicators", "/nirgends/statistik.csv")


# The web: upload, preview, confirm.


def _upload(client, inhalt: bytes, name="statistik.csv"):
    return client.post(
        reverse("handlungsfelder:import"), {"datei": SimpleUploadedFile(name, inhalt)}
    )


def test_upload_shows_a_preview_and_stores_only_after_confirmation(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    response = _upload(client, KITAS.read_bytes(), KITAS.name)
    vorgang = IndikatorImport.objects.get()
    assert response["Location"] == reverse("handlungsfelder:import_vorschau", args=[vorgang.pk])

    html = client.get(response["Location"]).content.decode()
    assert "Tabelle 22541-01-01-4" in html
    assert "Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt" in html
    assert "1994–2002" in html
    assert not Messwert.objects.exists()

    feld = HandlungsfeldFactory(gueltig_von=2000)
    bestaetigt = client.post(response["Location"], {"handlungsfelder": [feld.pk]}, follow=True)
    assert "wurde importiert" in bestaetigt.content.decode()
    assert Messwert.objects.filter(gebiet__schluessel="01056").exists()
    assert feld.indikatoren.count() == 11
    vorgang.refresh_from_db()
    assert vorgang.status == IndikatorImport.Status.IMPORTIERT


def test_preview_lists_rejected_rows_with_line_and_reason(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    inhalt = (
        "indikator;gebiet_schluessel;jahr;wert\nQuote;01056;2022;59,1\nQuote;01056;2023;viel\n"
    )
    response = _upload(client, inhalt.encode())
    html = client.get(response["Location"]).content.decode()
    assert "<td>3</td><td>„viel“ in Spalte „wert“ ist keine Zahl.</td>" in html


def test_confirming_twice_imports_once(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    response = _upload(client, b"indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022;1\n")
    client.post(response["Location"])
    zweite = client.post(response["Location"], follow=True)
    assert "Diese Datei wurde bereits importiert." in zweite.content.decode()
    assert Messwert.objects.count() == 1


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (bytes(range(256)) * 4, "weder eine CSV-Textdatei noch eine Excel-Datei"),
        (b"indikator;gebiet_schluessel;jahr;wert\n", "Zeile 2: Die Datei enthält Kopfzeilen"),
    ],
)
def test_broken_upload_shows_the_error_at_the_field(client, sozialplanung_user, inhalt, meldung):
    client.force_login(sozialplanung_user)
    response = _upload(client, inhalt)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(meldung in fehler for fehler in form.errors["datei"])
    assert not IndikatorImport.objects.exists()
    assert not Messwert.objects.exists()


def test_upload_over_50_mb_is_refused_at_the_field(client, sozialplanung_user, settings):
    client.force_login(sozialplanung_user)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    groß = SimpleUploadedFile("gross.csv", b"0" * (50 * 1024 * 1024 + 1))
    response = client.post(reverse("handlungsfelder:import"), {"datei": groß})
    assert "erlaubt sind höchstens 50 MB" in response.content.decode()
    assert not IndikatorImport.objects.exists()


def test_more_than_four_decimals_reimport_changes_nothing():
    inhalt = b"indikator;gebiet_schluessel;jahr;wert\nQuote;01056;2022;1,234567\n"
    indikatoren_import(ergebnis=lesen(inhalt))
    zweite = indikatoren_import(ergebnis=lesen(inhalt))
    assert (zweite.neu, zweite.geaendert, zweite.unveraendert) == (0, 0, 1)
    assert Messwert.objects.get().wert == Decimal("1.2346")


def test_preview_notes_a_file_imported_before(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    inhalt = b"indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022;1\n"
    client.post(_upload(client, inhalt)["Location"])
    html = client.get(_upload(client, inhalt)["Location"]).content.decode()
    assert "Genau diese Datei wurde bereits am" in html
