"""Reading the statistics files the county downloads: the real GENESIS exports and tidy data."""

import io
import string
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from handlungsfelder.importer import MAX_BYTES, ImportFehler, lesen, parse_zahl

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata" / "genesis"
DATEIEN = sorted(REALDATA.glob("*.csv"))


def wert(ergebnis, indikator, jahr, schluessel="01056"):
    w = ergebnis.werte
    treffer = w[
        (w.indikator == indikator) & (w.jahr == jahr) & (w.gebiet_schluessel == schluessel)
    ]
    assert len(treffer) == 1, (indikator, jahr, schluessel)
    zeile = treffer.iloc[0]
    return Decimal(zeile.wert) if zeile.wert is not None else zeile.fehlkennzeichen


def test_the_real_files_are_there():
    assert len(DATEIEN) == 6, REALDATA


@pytest.mark.parametrize("datei", DATEIEN, ids=lambda p: p.name)
def test_every_real_file_imports_without_rejections(datei):
    ergebnis = lesen(datei.read_bytes())
    assert ergebnis.format == "GENESIS"
    assert ergebnis.tabelle == datei.name.split("_")[0]
    assert ergebnis.abgelehnt == []
    assert ("01056", "Pinneberg, Landkreis") in ergebnis.gebiete
    assert ("01", "Schleswig-Holstein") in ergebnis.gebiete
    assert "Datenlizenz Deutschland" in ergebnis.quelle


def test_bevoelkerung_years_as_column_groups():
    ergebnis = lesen((REALDATA / "12411-01-01-4_00.csv").read_bytes())
    assert [r.name for r in ergebnis.reihen] == [
        "Bevölkerungsstand – Insgesamt",
        "Bevölkerungsstand – männlich",
        "Bevölkerungsstand – weiblich",
    ]
    assert ergebnis.reihen[0].einheit == "Anzahl"
    assert wert(ergebnis, "Bevölkerungsstand – Insgesamt", 2015) == 307471
    assert wert(ergebnis, "Bevölkerungsstand – männlich", 2015) == 150455
    assert wert(ergebnis, "Bevölkerungsstand – weiblich", 2015) == 157016
    assert ergebnis.jahre[0] == 1995 and ergebnis.jahre[-1] == 2015
    # Göttingen has no values in this table: the marker is kept.
    assert wert(ergebnis, "Bevölkerungsstand – Insgesamt", 2015, "03159") == "-"


def test_windows_1252_and_utf8_give_the_same_values():
    utf8 = lesen((REALDATA / "12612-01-01-4_00.csv").read_bytes())
    cp1252 = lesen((REALDATA / "12612-01-01-4_00.cp1252.csv").read_bytes())
    assert utf8.werte.equals(cp1252.werte)
    assert [r.name for r in cp1252.reihen][1] == "Lebendgeborene – männlich"
    assert ("01003", "Lübeck, Hansestadt, Kreisfreie Stadt") in cp1252.gebiete
    assert wert(cp1252, "Lebendgeborene – Insgesamt", 2015) == 2687
    assert wert(cp1252, "Lebendgeborene – Insgesamt", 2014) == 2572
    assert wert(cp1252, "Lebendgeborene – männlich", 2013) == 1287


def test_arbeitslose_with_decimal_comma_and_units_row():
    ergebnis = lesen((REALDATA / "13211-02-04-4_00.csv").read_bytes())
    einheiten = {r.name: r.einheit for r in ergebnis.reihen}
    assert einheiten["Arbeitslose"] == "Anzahl"
    assert einheiten["Arbeitslosenquote bez. auf alle Erwerbspers."] == "Prozent"
    assert wert(ergebnis, "Arbeitslose", 2008) == 9319
    assert wert(ergebnis, "Arbeitslose – Teilzeit", 2008) == 1922
    assert wert(ergebnis, "Arbeitslosenquote bez. auf alle Erwerbspers.", 2008) == Decimal("6.0")
    quote = "Arbeitslosenquote bez. auf abhäng. Erwerbsp. – Ausländer"
    assert wert(ergebnis, quote, 2008) == Decimal("21.1")
    # Braunschweig (Statistische Region) has "." for the quotas.
    assert wert(ergebnis, "Arbeitslosenquote bez. auf alle Erwerbspers.", 2008, "031") == "."


def test_sozialhilfe_with_several_header_rows_and_stichtag():
    ergebnis = lesen((REALDATA / "22121-01-02-4_00.csv").read_bytes())
    assert wert(ergebnis, "Empfänger(innen) von Sozialhilfe", 2004) == 10085
    assert wert(ergebnis, "Empfänger(innen) von Sozialhilfe – Geschlecht – weiblich", 2004) == 5451
    assert wert(ergebnis, "Empfänger(innen) von Sozialhilfe", 2003) == 10815
    stichtage = set(ergebnis.werte["stichtag"].astype(str))
    assert "2004-12-31" in stichtage


def test_kitas_with_measure_groups():
    ergebnis = lesen((REALDATA / "22541-01-01-4_00.csv").read_bytes())
    assert wert(ergebnis, "Tageseinrichtungen für Kinder – Insgesamt", 2002) == 142
    assert wert(ergebnis, "Tageseinrichtungen für Kinder – Insgesamt", 1998) == 140
    assert wert(ergebnis, "Tageseinrichtungen für Kinder – Insgesamt", 1994) == 123
    plaetze = "Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt"
    assert wert(ergebnis, plaetze, 2002) == 9860


def test_region_prefix_keeps_only_the_land():
    ergebnis = lesen((REALDATA / "12411-01-01-4_00.csv").read_bytes(), gebiet_praefix="01")
    assert {s for s, _n in ergebnis.gebiete} >= {"01", "01056", "01001"}
    assert all(s.startswith("01") for s, _n in ergebnis.gebiete)


def test_all_five_markers_are_kept_as_missing():
    text = (
        "indikator;gebiet_schluessel;jahr;wert\n"
        "Quote;01056;2018;-\nQuote;01056;2019;.\nQuote;01056;2020;/\n"
        "Quote;01056;2021;x\nQuote;01056;2022;...\nQuote;01056;2023;1.234,5\n"
    )
    ergebnis = lesen(text.encode())
    assert list(ergebnis.werte["fehlkennzeichen"]) == ["-", ".", "/", "x", "...", ""]
    assert list(ergebnis.werte["wert"])[:5] == [None] * 5
    assert ergebnis.werte["wert"].iloc[5] == "1234.5"
    assert ergebnis.anzahl_fehlend == 5


def test_tidy_csv_rejects_bad_rows_with_their_line():
    text = (
        "indikator;gebiet_schluessel;jahr;wert\n"
        "Quote;01056;2022;59,1\n"
        "Quote;01056;zweitausend;3\n"
        "Quote;Pinneberg;2022;3\n"
        "Quote;01;2022;viel\n"
    )
    ergebnis = lesen(text.encode())
    assert ergebnis.anzahl_werte == 1
    gruende = {a.zeile: a.grund for a in ergebnis.abgelehnt}
    assert gruende == {
        3: "„zweitausend“ ist keine Jahresangabe.",
        4: "„Pinneberg“ ist kein Regionalschlüssel.",
        5: "„viel“ in Spalte „wert“ ist keine Zahl.",
    }


def test_tidy_csv_with_commas_uses_decimal_points():
    ergebnis = lesen(b"indikator,gebiet_schluessel,jahr,wert\nQuote,01056,2022,59.1\n")
    assert ergebnis.werte["wert"].iloc[0] == "59.1"


def test_xlsx_with_the_tidy_columns():
    mappe = Workbook()
    blatt = mappe.active
    blatt.append(["indikator", "gebiet_schluessel", "jahr", "wert", "einheit"])
    blatt.append(["Kita-Versorgungsquote U3", "01056", 2022, 59.1, "Prozent"])
    blatt.append(["Kita-Versorgungsquote U3", "01056", 2015, "37,8", "Prozent"])
    puffer = io.BytesIO()
    mappe.save(puffer)
    ergebnis = lesen(puffer.getvalue(), dateiname="kita.xlsx")
    assert ergebnis.format == "XLSX"
    assert ergebnis.reihen[0].einheit == "Prozent"
    assert sorted(ergebnis.werte["wert"]) == ["37.8", "59.1"]


# Broken files: each gets a German message, naming the line where one applies.


def test_random_bytes_are_refused():
    zufall = bytes(range(256)) * 8
    with pytest.raises(ImportFehler, match="weder eine CSV-Textdatei noch eine Excel-Datei"):
        lesen(zufall)


def test_empty_file_is_refused():
    with pytest.raises(ImportFehler, match="Die Datei ist leer."):
        lesen(b"")


def test_header_without_data_is_refused():
    kopf = "".join((REALDATA / "12411-01-01-4_00.csv").read_text().splitlines(True)[:8])
    with pytest.raises(ImportFehler) as info:
        lesen(kopf.encode())
    assert str(info.value) == "Zeile 9: Die Datei enthält Kopfzeilen, aber keine Daten."


def test_file_cut_off_in_the_middle_of_a_row_is_refused():
    inhalt = (REALDATA / "12612-01-01-4_00.csv").read_bytes()
    with pytest.raises(ImportFehler) as info:
        lesen(inhalt[: len(inhalt) // 2])
    assert info.value.zeile is not None
    assert "abgeschnitten" in str(info.value)
    assert str(info.value).startswith(f"Zeile {info.value.zeile}: Die Zeile ist unvollständig")


def test_file_cut_off_at_a_line_end_is_refused():
    zeilen = (REALDATA / "12612-01-01-4_00.csv").read_text().splitlines(True)
    with pytest.raises(ImportFehler, match="Fußbereich .* fehlt"):
        lesen("".join(zeilen[:500]).encode())


def test_wrong_column_count_names_the_line():
    zeilen = (REALDATA / "12612-01-01-4_00.csv").read_text().splitlines(True)
    zeilen[20] = zeilen[20].rstrip("\n") + ";999\n"
    with pytest.raises(ImportFehler) as info:
        lesen("".join(zeilen).encode())
    assert str(info.value) == "Zeile 21: Die Zeile hat 7 Spalten, erwartet werden 6."


def test_tidy_csv_wrong_column_count_names_the_line():
    with pytest.raises(ImportFehler) as info:
        lesen(b"indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022;1\nQ;01056;2023\n")
    assert str(info.value) == "Zeile 3: Die Zeile hat 3 Spalten, erwartet werden 4."


def test_file_over_50_mb_is_refused():
    with pytest.raises(ImportFehler, match="höchstens 50 MB"):
        lesen(b"a" * (MAX_BYTES + 1))


def test_unknown_columns_name_what_is_missing():
    with pytest.raises(ImportFehler, match="es fehlen: gebiet_schluessel, jahr"):
        lesen(b"indikator;wert\nQ;1\n")


# The German number parser.


def _deutsch(zahl: Decimal, gruppieren: bool) -> str:
    ganz, _, bruch = f"{abs(zahl):f}".partition(".")
    if gruppieren:
        ganz = f"{int(ganz):,}".replace(",", ".")
    text = ganz + ("," + bruch if bruch else "")
    return ("-" if zahl < 0 else "") + text


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False),
    st.booleans(),
)
def test_parse_zahl_reads_what_german_formatting_writes(zahl, gruppieren):
    assert parse_zahl(_deutsch(zahl, gruppieren)) == zahl


@given(st.text(alphabet=string.ascii_letters + " ;:", min_size=1))
def test_parse_zahl_refuses_words(text):
    with pytest.raises(ValueError):
        parse_zahl(text)


@pytest.mark.parametrize("text", ["1.23", "1,234.5", "12.34,5", ",5", "1.", "--1"])
def test_parse_zahl_refuses_misplaced_separators(text):
    with pytest.raises(ValueError):
        parse_zahl(text)


def test_impossible_date_rejects_the_row():
    text = "indikator;gebiet_schluessel;jahr;wert\nQ;01056;31.02.2021;1\nQ;01056;31.12.2021;2\n"
    ergebnis = lesen(text.encode())
    assert ergebnis.anzahl_werte == 1
    assert ergebnis.abgelehnt[0].grund == "„31.02.2021“ ist kein gültiges Datum."


def test_only_a_byte_order_mark_is_an_empty_file():
    with pytest.raises(ImportFehler, match="Die Datei ist leer."):
        lesen(b"\xef\xbb\xbf\r\n")


def test_a_column_named_twice_is_refused():
    with pytest.raises(ImportFehler, match="Zeile 1: Die Spalte „wert“ steht mehrfach"):
        lesen(b"indikator;gebiet_schluessel;jahr;wert;wert\nQ;01056;2022;1;2\n")


def test_a_value_too_large_for_the_database_is_rejected():
    text = "indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022;123456789012345\nQ;01;2022;5\n"
    ergebnis = lesen(text.encode())
    assert [a.zeile for a in ergebnis.abgelehnt] == [2]
    assert ergebnis.anzahl_werte == 1


def test_nothing_usable_names_the_first_reasons():
    with pytest.raises(ImportFehler, match="keine verwertbaren Werte. Zeile 2: „viel“"):
        lesen(b"indikator;gebiet_schluessel;jahr;wert\nQ;01056;2022;viel\n")


def test_xlsx_keys_typed_as_numbers_and_years_as_dates():
    import datetime

    mappe = Workbook()
    mappe.active.append(["indikator", "gebiet_schluessel", "jahr", "wert"])
    mappe.active.append(["Quote", 1056, datetime.datetime(2022, 12, 31), 5])
    mappe.active.append(["Quote", 1, 2022, 6])
    puffer = io.BytesIO()
    mappe.save(puffer)
    ergebnis = lesen(puffer.getvalue(), dateiname="q.xlsx")
    assert sorted(ergebnis.werte["gebiet_schluessel"]) == ["01", "01056"]
    assert set(ergebnis.werte["jahr"]) == {2022}


def test_broken_xlsx_gets_a_german_message():
    with pytest.raises(ImportFehler, match="Die Excel-Datei ist beschädigt"):
        lesen(b"PK\x03\x04kaputt", dateiname="q.xlsx")


def test_genesis_years_as_columns_with_only_a_units_row_is_one_series():
    text = (
        "GENESIS-Tabelle: 99999-01-01-4\n"
        "Pflegebedürftige;;;\n"
        ";;31.12.2020;31.12.2021\n"
        ";;Anzahl;Anzahl\n"
        "01056;      Pinneberg, Landkreis;9000;9500\n"
        "__________\n"
        "Stand: 01.01.2022 / 10:00:00\n"
    )
    ergebnis = lesen(text.encode())
    assert [(r.name, r.einheit) for r in ergebnis.reihen] == [("Pflegebedürftige", "Anzahl")]
    assert ergebnis.jahre == [2020, 2021]
