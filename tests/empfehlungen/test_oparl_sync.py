"""The OParl sync: spec examples, own folders, idempotence, malformed objects, URLs."""

import copy
import io
import json
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command

from empfehlungen.models import Beratung, Handlungsempfehlung, KreistagStatusAenderung, Vorlage
from empfehlungen.oparl import DEMO_ORDNER, OParlFehler, oparl_sync
from tests.empfehlungen.factories import HandlungsempfehlungFactory, VorlageFactory
from tests.empfehlungen.oparl_builder import Papier, Schritt, objekte, ordner_schreiben

pytestmark = pytest.mark.django_db
S = Handlungsempfehlung.KreistagStatus
SPEC = Path(__file__).parent / "oparl_spec"


# --- Schema validation of the fixtures --------------------------------------------------


def _schema(name: str) -> dict:
    return json.loads((SPEC / "schema" / name).read_text(encoding="utf-8"))


def schema_fehler(obj: dict, schema_name: str | None = None) -> list[str]:
    """Errors of ``obj`` against its OParl 1.1 schema, embedded objects included.

    The OParl schemas name embedded objects with a non-standard "schema" key, which
    JSON Schema validators ignore, so embedded objects are validated here one by one.
    """
    schema_name = schema_name or obj["type"].rsplit("/", 1)[1] + ".json"
    schema = _schema(schema_name)
    fehler = [
        f"{obj.get('id')}: {e.message}"
        for e in jsonschema.Draft7Validator(schema).iter_errors(obj)
    ]
    for name, eigenschaft in schema["properties"].items():
        if name not in obj:
            continue
        if "schema" in eigenschaft and isinstance(obj[name], dict):
            fehler += schema_fehler(obj[name], eigenschaft["schema"])
        elif "schema" in eigenschaft.get("items", {}):
            for eintrag in obj[name]:
                if isinstance(eintrag, dict):
                    fehler += schema_fehler(eintrag, eigenschaft["items"]["schema"])
    return fehler


PAPIERE = [
    Papier(
        117,
        "DrS 2023/117",
        "Sozialplanung Fokus 2023 – Sprachstandserhebung",
        [
            Schritt("Jugendhilfeausschuss", "2023-09-07", "Vorberatung", ergebnis="empfohlen"),
            Schritt("Hauptausschuss", "2023-09-26", "Vorberatung", ergebnis="geändert empfohlen"),
            Schritt(
                "Kreistag",
                "2023-10-11",
                "Entscheidung",
                True,
                "geändert beschlossen",
                "Der Kreistag beschließt die Sprachstandserhebung ab 2024.",
            ),
        ],
    ),
    Papier(
        118,
        "DrS 2023/118",
        "Sozialplanung Fokus 2023 – ÖPNV-Fahrtkosten",
        [
            Schritt("Sozialausschuss", "2023-09-14", "Vorberatung", ergebnis="empfohlen"),
            Schritt("Kreistag", "2023-10-11", "Entscheidung", True, "abgelehnt"),
        ],
    ),
    Papier(
        119,
        "DrS 2023/119",
        "Sozialplanung Fokus 2023 – Ämterlotsen",
        [
            Schritt("Sozialausschuss", "2023-09-14", "Vorberatung", ergebnis="vertagt"),
            Schritt("Kreistag", "2023-12-13", "Entscheidung", True),
        ],
        paper_type="Mitteilungsvorlage",
    ),
    # A Paper the portal does not know: read, but left alone.
    Papier(
        120,
        "DrS 2023/120",
        "Haushaltssatzung 2024",
        [Schritt("Kreistag", "2023-12-13", "Entscheidung", True, "beschlossen")],
    ),
]


@pytest.fixture
def empfehlungen_mit_vorlagen():
    empfehlungen = {}
    for reference in ("DrS 2023/117", "DrS 2023/118", "DrS 2023/119"):
        empfehlung = HandlungsempfehlungFactory()
        VorlageFactory(reference=reference, titel="vorläufig").handlungsempfehlungen.add(
            empfehlung
        )
        empfehlungen[reference] = empfehlung
    return empfehlungen


def _status(empfehlungen) -> dict:
    return {
        ref: Handlungsempfehlung.objects.get(pk=e.pk).kreistag_status
        for ref, e in empfehlungen.items()
    }


def _snapshot():
    return [
        sorted(map(str, model.objects.values_list()))
        for model in (Vorlage, Beratung, KreistagStatusAenderung, Handlungsempfehlung)
    ]


def test_own_fixtures_and_demo_folder_are_valid_oparl():
    fehler = [f for _name, obj in objekte(PAPIERE) for f in schema_fehler(obj)]
    for datei in sorted(DEMO_ORDNER.glob("*.json")):
        fehler += schema_fehler(json.loads(datei.read_text(encoding="utf-8")))
    assert fehler == []


def test_spec_examples_validate_except_the_agenda_items_missing_order():
    paper = json.loads((SPEC / "examples" / "Paper-01.json").read_text(encoding="utf-8"))
    meeting = json.loads((SPEC / "examples" / "Meeting-01.json").read_text(encoding="utf-8"))
    assert schema_fehler(paper) == []
    # The spec's own example lacks the required "order"; the sync does not need it.
    assert schema_fehler(meeting) == [
        "https://oparl.example.org/agendaitem/3271: 'order' is a required property"
    ]


# --- The spec examples --------------------------------------------------------------------


def _spec_ordner(tmp_path) -> Path:
    ordner = tmp_path / "spec"
    ordner.mkdir()
    for name in ("Paper-01.json", "Meeting-01.json"):
        shutil.copy(SPEC / "examples" / name, ordner / name)
    return ordner


def test_spec_paper_01_gives_a_beratung_without_meeting(tmp_path):
    empfehlung = HandlungsempfehlungFactory()
    VorlageFactory(reference="1234/2014").handlungsempfehlungen.add(empfehlung)

    bericht = oparl_sync(quelle=str(_spec_ordner(tmp_path)))

    assert (bericht.papiere, bericht.vorlagen, bericht.beratungen_neu) == (1, 1, 1)
    assert bericht.fehler == []
    vorlage = Vorlage.objects.get()
    assert vorlage.oparl_id == "https://oparl.example.org/paper/749"
    assert vorlage.titel == "Antwort auf Anfrage 1200/2014"
    assert str(vorlage.datum) == "2014-04-04"
    beratung = Beratung.objects.get()
    # Meeting 243 is not in the folder: no date, no result, the consultation's role.
    assert beratung.oparl_id == "https://oparl.example.org/consultation/47594"
    assert (beratung.rolle, beratung.authoritative) == ("Beschlussfassung", False)
    assert beratung.sitzungsdatum is None and beratung.ergebnis == ""
    empfehlung.refresh_from_db()
    assert empfehlung.kreistag_status == S.BERATUNG


def test_spec_meeting_01_gives_date_and_result_through_the_agenda_item(tmp_path):
    ordner = _spec_ordner(tmp_path)
    paper = json.loads((ordner / "Paper-01.json").read_text(encoding="utf-8"))
    # Point the consultation at Meeting-01's agenda item, which names consultation 1034.
    paper["consultation"][0].update(
        id="https://oparl.example.org/consultation/1034",
        meeting="https://oparl.example.org/meeting/281",
        agendaItem="https://oparl.example.org/agendaitem/3271",
        authoritative=True,
    )
    (ordner / "Paper-01.json").write_text(json.dumps(paper), encoding="utf-8")
    assert schema_fehler(paper) == []
    empfehlung = HandlungsempfehlungFactory()
    VorlageFactory(reference="1234/2014").handlungsempfehlungen.add(empfehlung)

    oparl_sync(quelle=str(ordner))

    beratung = Beratung.objects.get()
    assert str(beratung.sitzungsdatum) == "2013-01-04"
    assert beratung.gremium == "4. Sitzung des Finanzausschusses"  # organization 34 unknown
    assert beratung.ergebnis == "Geändert beschlossen"
    assert beratung.beschlusstext.startswith("Der Beschluss weicht wie folgt vom Antrag ab")
    empfehlung.refresh_from_db()
    assert empfehlung.kreistag_status == S.BESCHLOSSEN
    aenderung = KreistagStatusAenderung.objects.get()
    assert (aenderung.nach_status, str(aenderung.datum)) == (S.BESCHLOSSEN, "2013-01-04")


# --- Own folders ------------------------------------------------------------------------------


def test_own_folder_with_several_consultations_and_results(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)

    bericht = oparl_sync(quelle=str(ordner))

    assert (bericht.papiere, bericht.vorlagen, bericht.beratungen_neu) == (4, 3, 7)
    assert bericht.status_geaendert == 3
    assert _status(empfehlungen_mit_vorlagen) == {
        "DrS 2023/117": S.BESCHLOSSEN,
        "DrS 2023/118": S.ABGELEHNT,
        "DrS 2023/119": S.BERATUNG,
    }
    verlauf = Beratung.objects.filter(vorlage__reference="DrS 2023/117")
    assert [(b.gremium, str(b.sitzungsdatum), b.rolle, b.ergebnis) for b in verlauf] == [
        ("Jugendhilfeausschuss", "2023-09-07", "Vorberatung", "empfohlen"),
        ("Hauptausschuss", "2023-09-26", "Vorberatung", "geändert empfohlen"),
        ("Kreistag", "2023-10-11", "Entscheidung", "geändert beschlossen"),
    ]
    assert Vorlage.objects.get(reference="DrS 2023/119").art == Vorlage.Art.MITTEILUNGSVORLAGE
    assert not Vorlage.objects.filter(reference="DrS 2023/120").exists()


def test_second_run_changes_nothing(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    oparl_sync(quelle=str(ordner))
    vorher = _snapshot()

    bericht = oparl_sync(quelle=str(ordner))

    assert bericht.aenderungen == 0
    assert (bericht.beratungen_unveraendert, bericht.status_geaendert) == (7, 0)
    assert _snapshot() == vorher


def test_a_new_result_updates_the_beratung_and_the_status(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    oparl_sync(quelle=str(ordner))
    spaeter = copy.deepcopy(PAPIERE)
    spaeter[2].schritte[1].ergebnis = "beschlossen"
    ordner_schreiben(ordner, spaeter)

    bericht = oparl_sync(quelle=str(ordner))

    assert (bericht.beratungen_neu, bericht.beratungen_geaendert) == (0, 1)
    assert _status(empfehlungen_mit_vorlagen)["DrS 2023/119"] == S.BESCHLOSSEN


def test_a_deleted_consultation_removes_its_beratung(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    oparl_sync(quelle=str(ordner))
    paper = json.loads((ordner / "Paper-118.json").read_text(encoding="utf-8"))
    paper["consultation"][1]["deleted"] = True
    (ordner / "Paper-118.json").write_text(json.dumps(paper), encoding="utf-8")

    bericht = oparl_sync(quelle=str(ordner))

    assert bericht.beratungen_geloescht == 1
    assert _status(empfehlungen_mit_vorlagen)["DrS 2023/118"] == S.BERATUNG


def test_malformed_objects_are_reported_by_id_and_skipped(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    paper = json.loads((ordner / "Paper-117.json").read_text(encoding="utf-8"))
    paper["consultation"][2]["authoritative"] = "ja"
    (ordner / "Paper-117.json").write_text(json.dumps(paper), encoding="utf-8")
    paper = json.loads((ordner / "Paper-118.json").read_text(encoding="utf-8"))
    paper["consultation"] = "alle"
    (ordner / "Paper-118.json").write_text(json.dumps(paper), encoding="utf-8")
    (ordner / "kaputt.json").write_text("{ kein json", encoding="utf-8")

    bericht = oparl_sync(quelle=str(ordner))

    assert bericht.fehler == [
        "Consultation https://ris.kreis-beispiel.de/oparl/v1.1/consultation/117-3: "
        "„authoritative“ ist keine Wahrheitswert",
        "Paper https://ris.kreis-beispiel.de/oparl/v1.1/paper/118: „consultation“ ist keine Liste",
    ]
    assert any("kaputt.json" in h for h in bericht.hinweise)
    # The others are synced: 117's two preliminary consultations, 119 in full.
    assert Beratung.objects.filter(vorlage__reference="DrS 2023/117").count() == 2
    assert not Beratung.objects.filter(vorlage__reference="DrS 2023/118").exists()
    assert _status(empfehlungen_mit_vorlagen) == {
        "DrS 2023/117": S.BERATUNG,
        "DrS 2023/118": S.NICHT_BERATEN,
        "DrS 2023/119": S.BERATUNG,
    }


def test_malformed_meeting_skips_only_its_consultation(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    meeting = json.loads((ordner / "Meeting-1.json").read_text(encoding="utf-8"))
    meeting["start"] = "nächsten Dienstag"
    (ordner / "Meeting-1.json").write_text(json.dumps(meeting), encoding="utf-8")

    bericht = oparl_sync(quelle=str(ordner))

    assert len(bericht.fehler) == 1
    assert "meeting/1" in bericht.fehler[0] and "kein Datum" in bericht.fehler[0]
    assert Beratung.objects.count() == 6


# --- The command and URLs -------------------------------------------------------------------


def test_command_reports_counts(tmp_path, empfehlungen_mit_vorlagen):
    ordner = ordner_schreiben(tmp_path / "ris", PAPIERE)
    out = io.StringIO()
    call_command("sync_oparl", str(ordner), stdout=out, stderr=io.StringIO())
    assert "Beratungen neu: 7, geändert: 0, unverändert: 0, gelöscht: 0" in out.getvalue()
    out = io.StringIO()
    call_command("sync_oparl", str(ordner), stdout=out, stderr=io.StringIO())
    assert "nichts geändert" in out.getvalue()


def test_command_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="existiert nicht"):
        call_command("sync_oparl", str(tmp_path / "fehlt"), stdout=io.StringIO())


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_url_is_a_clear_error_and_nonzero_exit():
    url = f"http://127.0.0.1:{_freier_port()}/oparl/v1.1/"
    with pytest.raises(CommandError, match="ist nicht erreichbar"):
        call_command("sync_oparl", url, stdout=io.StringIO())


@pytest.fixture
def oparl_server():
    """A local OParl server (a thread on 127.0.0.1, no network) serving given objects."""
    antworten: dict[str, dict] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            inhalt = antworten.get(self.path)
            if inhalt is None:
                self.send_error(404)
                return
            daten = json.dumps(inhalt).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(daten)))
            self.end_headers()
            self.wfile.write(daten)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    basis = f"http://127.0.0.1:{server.server_address[1]}/oparl/v1.1"
    yield basis, antworten
    server.shutdown()
    server.server_close()


def test_sync_from_a_system_url_with_paged_paper_list(oparl_server, empfehlungen_mit_vorlagen):
    basis, antworten = oparl_server
    alle = dict(objekte(PAPIERE, basis))
    pfad = lambda url: url.removeprefix(basis.rsplit("/oparl", 1)[0])  # noqa: E731
    for obj in alle.values():
        antworten[pfad(obj["id"])] = obj
    papers = [obj for name, obj in alle.items() if name.startswith("Paper")]
    body = alle["Body.json"]
    antworten[pfad(f"{basis}/bodies")] = {"data": [body], "links": {}}
    seite2 = f"{basis}/body/1/papers?page=2"
    antworten[pfad(body["paper"])] = {"data": papers[:2], "links": {"next": seite2}}
    antworten[pfad(seite2)] = {"data": papers[2:], "links": {}}

    bericht = oparl_sync(quelle=alle["System.json"]["id"])

    assert (bericht.papiere, bericht.beratungen_neu, bericht.fehler) == (4, 7, [])
    assert _status(empfehlungen_mit_vorlagen)["DrS 2023/117"] == S.BESCHLOSSEN
    assert oparl_sync(quelle=body["id"]).aenderungen == 0


def test_url_that_is_no_oparl_object_is_a_clear_error(oparl_server):
    basis, antworten = oparl_server
    antworten["/oparl/v1.1/"] = {"hallo": "welt"}
    with pytest.raises(OParlFehler, match="weder ein OParl-System"):
        oparl_sync(quelle=basis + "/")


def test_a_remote_system_cannot_make_the_portal_read_local_files(
    oparl_server, tmp_path, empfehlungen_mit_vorlagen
):
    basis, antworten = oparl_server
    geheim = tmp_path / "geheim.json"
    geheim.write_text(json.dumps({"data": [], "links": {}}))
    body = {
        "id": f"{basis}/body/1",
        "type": "https://schema.oparl.org/1.1/Body",
        "paper": geheim.as_uri(),  # file:///… from the remote JSON
    }
    antworten["/oparl/v1.1/body/1"] = body

    with pytest.raises(OParlFehler, match="keine http- oder https-Adresse"):
        oparl_sync(quelle=body["id"])
