"""25 members submit at the same moment against a live server on PostgreSQL: none is lost.

SQLite serialises writers with a file lock and would test nothing here, so the test runs
only on PostgreSQL (`make test-postgres`, or `make test` with DATABASE_URL set).
"""

import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test import Client
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from steuerungsgruppe import services
from steuerungsgruppe.models import Einschaetzung, Runde
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

ANZAHL = 25

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="braucht PostgreSQL"),
]


class BreiteWarteschlange(ThreadedWSGIServer):
    # Django's test server accepts a backlog of 10 connections and resets the rest; 25
    # phones connecting at once would test that, not the portal. gunicorn's backlog is 2048.
    request_queue_size = 64


class LiveServer(LiveServerThread):
    server_class = BreiteWarteschlange


@pytest.fixture
def server_url(transactional_db):
    """A live server whose threads each use their own PostgreSQL connection."""
    thread = LiveServer("127.0.0.1", _StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


class KeineWeiterleitung(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_25_members_submitting_at_once_are_all_stored(server_url):
    runde = RundeFactory(status=Runde.Status.OFFEN)
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    kriterien = list(schema.kriterien.all())
    url = f"{server_url}/steuerungsgruppe/runden/{runde.pk}/einschaetzung/"

    anfragen = []
    for nr in range(ANZAHL):
        mitglied = MitgliedFactory()
        client = Client()
        client.force_login(mitglied.user)
        token = secrets.token_hex(16)  # a 32-character CSRF secret, as cookie and field
        daten = {f"kriterium_{k.pk}": (nr + k.pk) % 6 for k in kriterien}
        daten |= {"anmerkung": f"Anmerkung {nr}", "csrfmiddlewaretoken": token}
        anfragen.append(
            urllib.request.Request(
                url,
                data=urllib.parse.urlencode(daten).encode(),
                headers={
                    "Cookie": f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                method="POST",
            )
        )

    start = threading.Barrier(ANZAHL)
    status: list[int] = []
    fehler: list[str] = []
    opener = urllib.request.build_opener(KeineWeiterleitung)

    def senden(anfrage):
        start.wait()
        try:
            with opener.open(anfrage, timeout=60) as antwort:
                status.append(antwort.status)
        except urllib.error.HTTPError as antwort:
            status.append(antwort.code)
        except Exception as ausnahme:  # collected and asserted below
            fehler.append(repr(ausnahme))

    threads = [threading.Thread(target=senden, args=(a,)) for a in anfragen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert fehler == []
    assert sorted(status) == [302] * ANZAHL  # saved and redirected: no 500, no refusal
    gespeichert = Einschaetzung.objects.filter(runde=runde)
    assert gespeichert.count() == ANZAHL
    assert gespeichert.values("mitglied").distinct().count() == ANZAHL
    ergebnis = services.runde_close(runde=runde)
    assert ergebnis.n == ANZAHL
