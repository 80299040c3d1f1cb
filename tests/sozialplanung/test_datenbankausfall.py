"""While the database cannot be reached, visitors get a German 503 page, not an error 500.

The outage is real: the default connection is swapped for one whose database cannot be
opened (SQLite: a file in a folder that does not exist; PostgreSQL: a port nobody
listens on), so the driver itself refuses, as during a PostgreSQL restart.
"""

import socket
from contextlib import contextmanager

import pytest
from django.db import DatabaseError, OperationalError, connections
from django.urls import get_resolver

from tests.empfehlungen.factories import HandlungsempfehlungFactory


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _ohne_datenbank(tmp_path):
    """Inside the block, every query of this thread fails to connect."""
    einstellungen = dict(connections.settings["default"])
    if einstellungen["ENGINE"].endswith("sqlite3"):
        einstellungen["NAME"] = str(tmp_path / "fehlt" / "db.sqlite3")
    else:
        einstellungen |= {"HOST": "127.0.0.1", "PORT": _freier_port(), "CONN_MAX_AGE": 0}
    vorher = connections["default"]
    kaputt = vorher.__class__(einstellungen, alias="default")
    connections["default"] = kaputt
    try:
        yield
    finally:
        kaputt.close()
        connections["default"] = vorher


@pytest.fixture
def datenbank_weg(db, tmp_path):
    with _ohne_datenbank(tmp_path):
        yield


def test_public_list_answers_503_in_german_while_database_is_down(client, datenbank_weg):
    antwort = client.get("/empfehlungen/?jahr=2023")

    assert antwort.status_code == 503
    assert antwort["Retry-After"] == "30"
    assert antwort["Cache-Control"] == "no-store"
    html = antwort.content.decode()
    assert '<html lang="de">' in html
    assert "Das Portal ist vorübergehend nicht erreichbar" in html
    assert "in einer halben Minute noch einmal" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_login_form_post_answers_503_while_database_is_down(client, datenbank_weg):
    antwort = client.post(
        "/accounts/login/", {"username": "sozialplanung", "password": "irgendwas"}
    )

    assert antwort.status_code == 503
    assert "vorübergehend nicht erreichbar" in antwort.content.decode()


def test_pages_work_again_once_the_database_is_back(client, db, tmp_path):
    empfehlung = HandlungsempfehlungFactory(titel="Ämterlotsinnen im Sozialraum")
    url = empfehlung.get_absolute_url()
    with _ohne_datenbank(tmp_path):
        assert client.get(url).status_code == 503

    antwort = client.get(url)
    assert antwort.status_code == 200
    assert "Ämterlotsinnen im Sozialraum" in antwort.content.decode()


def test_database_error_outside_a_view_also_gets_the_503_page(rf):
    """E.g. a session saved after the view: Django's error-500 handler takes over."""
    handler = get_resolver().resolve_error_handler(500)
    try:
        raise OperationalError("the database system is shutting down")
    except OperationalError:
        antwort = handler(rf.get("/"))
    assert antwort.status_code == 503
    assert "vorübergehend nicht erreichbar" in antwort.content.decode()

    try:
        raise ValueError("ein anderer Fehler")
    except ValueError:
        antwort = handler(rf.get("/"))
    assert antwort.status_code == 500


def test_a_database_fault_that_is_no_outage_stays_an_error_500(rf, db):
    """A missing table is a fault to fix, not a restart to wait for."""
    handler = get_resolver().resolve_error_handler(500)
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT * FROM tabelle_gibt_es_nicht")
    except DatabaseError:
        antwort = handler(rf.get("/"))
    assert antwort.status_code == 500
