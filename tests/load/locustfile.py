"""The simulated people of `make loadtest`: public visitors and scoring members.

tests/load/lasttest.py starts locust with this file and hands it, through environment
variables, a JSON file with the URLs to visit and the members' sessions
(LASTTEST_DATEN), and where to write every request it made (LASTTEST_EREIGNISSE), so
that it can count errors per time window and check acknowledged writes in the database.
"""

import json
import os
import random
import time
from pathlib import Path

from locust import HttpUser, between, events, task

DATEN = json.loads(Path(os.environ["LASTTEST_DATEN"]).read_text(encoding="utf-8"))
EREIGNISSE: list[dict] = []
QUITTUNGEN: list[dict] = []  # every Einschätzung the portal acknowledged with its redirect

# Marks of the 503 page (templates/503.html) that a visitor should see instead of an error.
FREUNDLICH = "Das Portal ist vorübergehend nicht erreichbar"


@events.request.add_listener
def _merken(name, response_time, response, exception, start_time, **_kwargs):
    EREIGNISSE.append(
        {
            "t": start_time,
            "name": name,
            "status": getattr(response, "status_code", 0) or 0,
            "fehler": str(exception) if exception else "",
            "ms": response_time,
        }
    )


@events.quitting.add_listener
def _ablegen(environment, **_kwargs):
    with open(os.environ["LASTTEST_EREIGNISSE"], "w", encoding="utf-8") as datei:
        json.dump({"anfragen": EREIGNISSE, "quittungen": QUITTUNGEN}, datei)


def bewerten(antwort, erwartet: int = 200) -> bool:
    """Mark the response; a 503 counts as an error too, but as the friendly kind or not."""
    if antwort.status_code == erwartet:
        antwort.success()
        return True
    if antwort.status_code == 0:
        antwort.failure(f"Verbindungsfehler: {type(antwort.error).__name__}")
    elif antwort.status_code == 503:
        text = antwort.text
        freundlich = (
            FREUNDLICH in text
            and "Traceback" not in text
            and antwort.headers.get("Retry-After") == "30"
        )
        antwort.failure("503 freundliche Seite" if freundlich else "503 ohne freundliche Seite")
    else:
        antwort.failure(f"HTTP {antwort.status_code}")
    return False


class Besucher(HttpUser):
    """A member of the public: the list, its filters, details and the dossier download."""

    weight = 5
    wait_time = between(0.5, 1.5)

    def holen(self, url: str, name: str, inhalt_beginnt: bytes = b"") -> None:
        with self.client.get(url, name=name, catch_response=True) as antwort:
            if bewerten(antwort) and not antwort.content.startswith(inhalt_beginnt):
                antwort.failure(f"{name}: unerwarteter Inhalt")

    @task(2)
    def liste(self):
        self.holen(f"/empfehlungen/?page={random.randint(1, DATEN['seiten'])}", "Liste")

    @task(4)
    def filter(self):
        self.holen("/empfehlungen/?" + random.choice(DATEN["filter"]), "Liste mit Filtern")

    @task(4)
    def detail(self):
        self.holen(random.choice(DATEN["details"]), "Detail")

    @task(1)
    def dossier(self):
        self.holen(DATEN["dossier"], "Dossier-PDF", inhalt_beginnt=b"%PDF")

    @task(1)
    def impressum(self):
        self.holen("/impressum/", "Grundlinie /impressum/")


class Schreiber(HttpUser):
    """A Steuerungsgruppe member working through the open written circulations.

    Logged in beforehand by lasttest.py; the session and CSRF cookies go in by hand
    because the production settings mark them Secure, which a client over plain HTTP
    would otherwise withhold.
    """

    fixed_count = 10
    wait_time = between(0.5, 1.5)
    _naechster = 0

    def on_start(self):
        mitglieder = DATEN["schreiber"]
        self.mitglied = mitglieder[Schreiber._naechster % len(mitglieder)]
        Schreiber._naechster += 1
        self.offen = list(DATEN["umlauf_runden"])

    @task
    def einschaetzen(self):
        if not self.offen:
            return
        runde = self.offen[0]
        punkte = {f"kriterium_{k}": random.randint(0, 5) for k in DATEN["kriterien"]}
        daten = punkte | {"anmerkung": "", "csrfmiddlewaretoken": self.mitglied["csrf"]}
        cookie = f"sessionid={self.mitglied['sessionid']}; csrftoken={self.mitglied['csrf']}"
        with self.client.post(
            f"/steuerungsgruppe/runden/{runde}/einschaetzung/",
            data=daten,
            headers={"Cookie": cookie},
            allow_redirects=False,
            name="Einschätzung speichern",
            catch_response=True,
        ) as antwort:
            if bewerten(antwort, erwartet=302):
                QUITTUNGEN.append(
                    {
                        "t": time.time(),
                        "mitglied": self.mitglied["mitglied"],
                        "runde": runde,
                        "summe": sum(punkte.values()),
                    }
                )
                self.offen.pop(0)  # a refused one is sent again, as a member would
