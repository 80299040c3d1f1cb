"""`make loadtest`: the portal under load and faults, as in production.

gunicorn (4 workers) serves the portal from its own PostgreSQL database with the demo
data scaled to 2,000 recommendations; locust drives it from 127.0.0.1 only. Three
phases, each bounded in time:

1. Messung: 50 visitors on the public list, its filters, details and the dossier
   download for 60 s; requests per second, p50, p95 and errors (must be 0). /impressum/
   runs in the same mix as the baseline for the ratios.
2. Bewertungsansturm: 25 members, logged in beforehand, submit their Einschätzung within
   one second; all 25 must be stored.
3. Störungen: the visitors plus 10 members writing Einschätzungen; a gunicorn worker is
   killed, then PostgreSQL restarted. Errors are counted per window; once both have
   recovered there must be none, every acknowledged Einschätzung must be in the
   database, and what the visitors saw during the restart must be the German 503 page.

Exit status 0 only when every check holds. PostgreSQL is running again at the end, also
after a failure; the database of the run is dropped (keep it with LASTTEST_BEHALTEN=1).
"""

import csv
import datetime
import io
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent

PORT = int(os.environ.get("LASTTEST_PORT", "8201"))
BASIS = f"http://127.0.0.1:{PORT}"
PG = os.environ.get("LASTTEST_PG", "postgres://postgres@127.0.0.1:5432")
DATENBANK = os.environ.get("LASTTEST_DB", "sozialplanung_loadtest")
ARBEITSORDNER = Path(tempfile.mkdtemp(prefix="lasttest-"))

EMPFEHLUNGEN = 2000
BESUCHER = 50
MESSDAUER = 60
MITGLIEDER = 25
SCHREIBER = 10
PASSWORT = "Lasttest-" + secrets.token_urlsafe(12)
# The fault phase: kill a worker at 10 s, restart PostgreSQL at 25 s; the last 15 s are
# the window after recovery, which must be free of errors.
STOERDAUER = 70
WORKER_KILL_NACH = 10
PG_RESTART_NACH = 25
ERHOLT_FENSTER = 15

# Production-like: DEBUG off, a throwaway key, manifest static files; no TLS here, so
# no redirect to HTTPS.
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "sozialplanung.settings",
        "DJANGO_SECRET_KEY": "lasttest-" + secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"{PG}/{DATENBANK}",
        "DOSSIER_CACHE_DIR": str(ARBEITSORDNER / "dossier"),
        "DIAGRAMM_CACHE_DIR": str(ARBEITSORDNER / "diagramme"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
)

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from empfehlungen.models import Handlungsempfehlung, Massnahme  # noqa: E402
from handlungsfelder.models import Handlungsfeld  # noqa: E402
from sozialplanung.models import Planungsjahr  # noqa: E402
from sozialplanung.roles import STEUERUNGSGRUPPE  # noqa: E402
from steuerungsgruppe import services  # noqa: E402
from steuerungsgruppe.models import Bank, Einschaetzung, Mitglied, Runde, Sitzung  # noqa: E402


@dataclass
class Bericht:
    zeilen: list[tuple[str, str]] = field(default_factory=list)
    fehlgeschlagen: list[str] = field(default_factory=list)

    def zahl(self, was: str, wert: str) -> None:
        self.zeilen.append((was, wert))
        print(f"  {was}: {wert}", flush=True)

    def pruefen(self, bedingung: bool, was: str) -> None:
        print(f"  {'ok    ' if bedingung else 'FEHLER'} {was}", flush=True)
        if not bedingung:
            self.fehlgeschlagen.append(was)


def schritt(text: str) -> None:
    print(f"\n== {text} ({time.strftime('%H:%M:%S')})", flush=True)


def de(zahl: float, stellen: int = 0) -> str:
    """German number format: 1.234,5."""
    return f"{zahl:,.{stellen}f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


# --- PostgreSQL -----------------------------------------------------------------------------


def pg_cluster() -> list[str]:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def pg_bereit() -> bool:
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0


def pg_sicherstellen() -> None:
    """PostgreSQL must run when we leave, whatever happened in between."""
    if not pg_bereit():
        subprocess.run([*pg_cluster(), "start"], timeout=60)
    for _ in range(30):
        if pg_bereit():
            return
        time.sleep(1)


def datenbank_neu() -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as verbindung:
        verbindung.execute(f'DROP DATABASE IF EXISTS "{DATENBANK}" WITH (FORCE)')
        verbindung.execute(f'CREATE DATABASE "{DATENBANK}"')


def datenbank_weg() -> None:
    connections.close_all()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as verbindung:
        verbindung.execute(f'DROP DATABASE IF EXISTS "{DATENBANK}" WITH (FORCE)')


# --- Data -----------------------------------------------------------------------------------


def daten_vorbereiten() -> dict:
    """Demo data with 2,000 recommendations, the static files, and the scoring set-up."""
    call_command("migrate", verbosity=0)
    t = time.perf_counter()
    call_command("load_demo_data", "--empfehlungen", str(EMPFEHLUNGEN), stdout=io.StringIO())
    print(f"  Demodaten: {time.perf_counter() - t:.0f} s", flush=True)
    if statische_dateien_veraltet():
        t = time.perf_counter()
        call_command("collectstatic", "--noinput", verbosity=0)
        print(f"  collectstatic: {time.perf_counter() - t:.0f} s", flush=True)

    jahr = Planungsjahr.objects.get(jahr=2024)
    erfunden = list(
        Handlungsempfehlung.objects.filter(planungsjahr=jahr, titel__endswith="(erfunden)")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    heute = timezone.localdate()
    sitzung = Sitzung.objects.create(planungsjahr=jahr, datum=heute, ort="Kreishaus (Lasttest)")
    ansturm = services.runde_create(
        handlungsempfehlung=Handlungsempfehlung.objects.get(pk=erfunden[0]), sitzung=sitzung
    )
    services.runde_open(runde=ansturm)
    umlauf = services.umlauf_open(
        handlungsempfehlungen=Handlungsempfehlung.objects.filter(pk__in=erfunden[1:151]),
        frist=timezone.now() + datetime.timedelta(days=1),
    )
    schema = services.bewertungsschema_ensure(planungsjahr=jahr)

    User = get_user_model()
    passwort = make_password(PASSWORT)  # hashed once: PBKDF2 costs a quarter second each
    gruppe = Group.objects.get(name=STEUERUNGSGRUPPE)
    mitglieder = []
    for nr in range(1, MITGLIEDER + 1):
        user = User.objects.create(
            username=f"lasttest-{nr:02d}",
            password=passwort,
            first_name="Lasttest",
            last_name=f"{nr:02d}",
        )
        user.groups.add(gruppe)
        mitglieder.append(
            Mitglied.objects.create(
                user=user,
                organisation=f"Lasttest {nr:02d}",
                bank=Bank.VERWALTUNG,
                mitglied_von=heute - datetime.timedelta(days=1),
            )
        )

    felder = list(Handlungsfeld.objects.values_list("slug", flat=True))
    jahre = list(Planungsjahr.objects.values_list("jahr", flat=True))
    filter_ = [f"handlungsfeld={f}&jahr={j}" for f in felder for j in jahre]
    filter_ += [f"q=Beratung&sortierung=-steuerungsrelevanz&page={s}" for s in range(1, 6)]
    filter_ += [f"steuerungsrelevanz={r}&jahr={j}" for r in ("hoch", "offen") for j in jahre]
    filter_ += [f"status=nicht_beraten&handlungsfeld={f}" for f in felder]
    details = [
        e.get_absolute_url()
        for e in Handlungsempfehlung.objects.select_related("handlungsfeld").order_by("?")[:400]
    ]
    return {
        "seiten": -(-Handlungsempfehlung.objects.count() // 25),
        "filter": filter_,
        "details": details,
        "dossier": "/dossier/2023.pdf",
        "kriterien": list(schema.kriterien.values_list("pk", flat=True)),
        "ansturm_runde": ansturm.pk,
        "umlauf_runden": [r.pk for r in umlauf],
        "mitglieder": [{"mitglied": m.pk, "username": m.user.username} for m in mitglieder],
    }


def statische_dateien_veraltet() -> bool:
    """Whether collectstatic must run: no manifest yet, or a source file is newer.

    whitenoise hashes and compresses every file again on each run (two minutes on a busy
    machine, mostly brotli on plotly.js); the files it serves change only with the code.
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    quellen = [Path(ordner) for ordner in settings.STATICFILES_DIRS]
    quellen += [Path(app.path) / "static" for app in apps.get_app_configs()]
    neueste = max(
        (
            datei.stat().st_mtime
            for ordner in quellen
            for datei in ordner.rglob("*")
            if datei.is_file()
        ),
        default=0,
    )
    return neueste > manifest.stat().st_mtime


def bestand() -> dict[str, int]:
    connections.close_all()  # PostgreSQL may have restarted under our feet
    return {
        "Handlungsempfehlungen": Handlungsempfehlung.objects.count(),
        "Maßnahmen": Massnahme.objects.count(),
        "Benutzer": get_user_model().objects.count(),
        "Runden": Runde.objects.count(),
        "Einschätzungen": Einschaetzung.objects.count(),
    }


# --- gunicorn ---------------------------------------------------------------------------------


def gunicorn_starten() -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "sozialplanung.wsgi",
            "--workers",
            "4",
            "--bind",
            f"127.0.0.1:{PORT}",
            # Only the first dossier build takes long, and it happens before the phases.
            "--timeout",
            "180",
            "--graceful-timeout",
            "5",
        ],
        cwd=ROOT,
        stdout=open(ARBEITSORDNER / "gunicorn.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )


def gunicorn_bereit() -> None:
    frist = time.monotonic() + 120
    while time.monotonic() < frist:
        try:
            if requests.get(f"{BASIS}/impressum/", timeout=30).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn antwortet nicht; siehe " + str(ARBEITSORDNER / "gunicorn.log"))


def worker_pids(master: int) -> list[int]:
    pids = []
    for eintrag in Path("/proc").iterdir():
        if eintrag.name.isdigit():
            try:
                stat = (eintrag / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(eintrag.name))
    return pids


# --- Members ------------------------------------------------------------------------------------


def anmelden(username: str) -> dict:
    """A real login through the form. The CSRF secret is ours, sent as cookie and field."""
    csrf = secrets.token_hex(16)
    antwort = requests.post(
        f"{BASIS}/accounts/login/",
        data={"username": username, "password": PASSWORT, "csrfmiddlewaretoken": csrf},
        headers={"Cookie": f"csrftoken={csrf}"},
        allow_redirects=False,
        timeout=60,
    )
    if antwort.status_code != 302 or "sessionid" not in antwort.cookies:
        raise RuntimeError(f"Anmeldung {username} fehlgeschlagen: HTTP {antwort.status_code}")
    return {"sessionid": antwort.cookies["sessionid"], "csrf": csrf}


def parallel(funktion, argumente: list) -> list:
    ergebnisse = [None] * len(argumente)

    def lauf(i, arg):
        ergebnisse[i] = funktion(arg)

    threads = [threading.Thread(target=lauf, args=(i, a)) for i, a in enumerate(argumente)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return ergebnisse


def ansturm(daten: dict, sitzungen: list[dict], bericht: Bericht) -> None:
    url = f"{BASIS}/steuerungsgruppe/runden/{daten['ansturm_runde']}/einschaetzung/"
    sperre = threading.Barrier(MITGLIEDER)
    gesendet: list[float] = [0.0] * MITGLIEDER
    status: list[int | str] = [0] * MITGLIEDER
    summen = {}
    anfragen = []
    for nr, (mitglied, sitzung) in enumerate(zip(daten["mitglieder"], sitzungen, strict=True)):
        punkte = {f"kriterium_{k}": random.randint(0, 5) for k in daten["kriterien"]}
        summen[mitglied["mitglied"]] = sum(punkte.values())
        anfragen.append(
            (
                nr,
                punkte | {"anmerkung": f"Ansturm {nr}", "csrfmiddlewaretoken": sitzung["csrf"]},
                f"sessionid={sitzung['sessionid']}; csrftoken={sitzung['csrf']}",
            )
        )
    # Connections are opened before the barrier, so that the sends are what is timed.
    clients = [requests.Session() for _ in anfragen]

    def senden(arg):
        nr, formular, cookie = arg
        clients[nr].get(f"{BASIS}/impressum/", timeout=30)
        sperre.wait()
        gesendet[nr] = time.perf_counter()
        try:
            antwort = clients[nr].post(
                url, data=formular, headers={"Cookie": cookie}, allow_redirects=False, timeout=60
            )
            status[nr] = antwort.status_code
        except requests.RequestException as fehler:
            status[nr] = type(fehler).__name__
        return time.perf_counter() - gesendet[nr]

    dauer = parallel(senden, anfragen)
    spanne = max(gesendet) - min(gesendet)
    gespeichert = {
        e.mitglied_id: e.summe
        for e in Einschaetzung.objects.filter(runde_id=daten["ansturm_runde"])
    }
    bericht.zahl("Ansturm: Absendungen innerhalb", f"{de(spanne * 1000)} ms")
    bericht.zahl("Ansturm: längste Antwortzeit", f"{de(max(dauer) * 1000)} ms")
    bericht.zahl("Ansturm: Antworten", ", ".join(f"{s}×{status.count(s)}" for s in set(status)))
    bericht.pruefen(spanne < 1.0, "alle 25 Einschätzungen binnen einer Sekunde abgeschickt")
    bericht.pruefen(status == [302] * MITGLIEDER, "alle 25 Einschätzungen quittiert (302)")
    bericht.pruefen(
        gespeichert == summen,
        f"alle 25 Einschätzungen gespeichert, mit den gesendeten Punkten "
        f"({len(gespeichert)} in der Datenbank)",
    )


# --- locust -----------------------------------------------------------------------------------


def locust(name: str, daten: dict, nutzer: int, dauer: int, klassen: list[str]):
    datei = ARBEITSORDNER / f"{name}.json"
    datei.write_text(json.dumps(daten))
    ereignisse = ARBEITSORDNER / f"{name}-ereignisse.json"
    env = os.environ | {"LASTTEST_DATEN": str(datei), "LASTTEST_EREIGNISSE": str(ereignisse)}
    befehl = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "tests" / "load" / "locustfile.py"),
        "--headless",
        "--host",
        BASIS,
        "--users",
        str(nutzer),
        "--spawn-rate",
        str(nutzer),
        "--run-time",
        f"{dauer}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(ARBEITSORDNER / name),
        "--only-summary",
        "--loglevel",
        "WARNING",
        *klassen,
    ]
    prozess = subprocess.Popen(
        befehl,
        cwd=ROOT,
        env=env,
        stdout=open(ARBEITSORDNER / f"{name}-locust.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    return prozess, ereignisse


def locust_warten(prozess: subprocess.Popen, ereignisse: Path, dauer: int) -> dict:
    prozess.wait(timeout=dauer + 60)
    return json.loads(ereignisse.read_text())


def statistik(name: str) -> dict[str, dict[str, str]]:
    with open(ARBEITSORDNER / f"{name}_stats.csv", encoding="utf-8") as datei:
        return {zeile["Name"]: zeile for zeile in csv.DictReader(datei)}


def messung(daten: dict, bericht: Bericht) -> dict:
    prozess, ereignisse = locust("messung", daten, BESUCHER, MESSDAUER, ["Besucher"])
    locust_warten(prozess, ereignisse, MESSDAUER)
    zeilen = statistik("messung")
    gesamt = zeilen["Aggregated"]
    basis = float(zeilen["Grundlinie /impressum/"]["95%"])
    ergebnis = {"basis_p95": basis, "seiten": {}}
    bericht.zahl(
        "Messung gesamt",
        f"{de(float(gesamt['Requests/s']), 1)} Anfragen/s, p50 {gesamt['50%']} ms, "
        f"p95 {gesamt['95%']} ms, {gesamt['Request Count']} Anfragen, "
        f"{gesamt['Failure Count']} Fehler",
    )
    for name in ("Liste", "Liste mit Filtern", "Detail", "Dossier-PDF", "Grundlinie /impressum/"):
        zeile = zeilen.get(name)
        if zeile is None:
            continue
        p95 = float(zeile["95%"])
        ergebnis["seiten"][name] = zeile
        bericht.zahl(
            f"  {name}",
            f"{zeile['Request Count']} Anfragen, p50 {zeile['50%']} ms, p95 {zeile['95%']} ms "
            f"({de(p95 / basis, 1)}× Grundlinie), {zeile['Failure Count']} Fehler",
        )
    bericht.pruefen(int(gesamt["Failure Count"]) == 0, "Messung: 0 Fehler")
    ergebnis["gesamt"] = gesamt
    return ergebnis


def stoerungen(daten: dict, sitzungen: list[dict], master: int, bericht: Bericht) -> dict:
    vorher = bestand()
    daten = daten | {
        "schreiber": [m | s for m, s in zip(daten["mitglieder"], sitzungen, strict=True)][
            :SCHREIBER
        ]
    }
    prozess, ereignisse = locust(
        "stoerungen", daten, BESUCHER + SCHREIBER, STOERDAUER, ["Besucher", "Schreiber"]
    )
    beginn = time.time()
    time.sleep(WORKER_KILL_NACH)
    opfer = worker_pids(master)[0]
    os.kill(opfer, signal.SIGKILL)
    kill = time.time()
    print(f"  Worker {opfer} mit SIGKILL beendet (nach {kill - beginn:.0f} s)", flush=True)
    time.sleep(max(0, beginn + PG_RESTART_NACH - time.time()))
    pg_start = time.time()
    subprocess.run([*pg_cluster(), "restart"], check=True, timeout=120)
    pg_ende = time.time()
    print(
        f"  PostgreSQL neu gestartet (nach {pg_start - beginn:.0f} s, "
        f"Dauer {pg_ende - pg_start:.1f} s)",
        flush=True,
    )
    protokoll = locust_warten(prozess, ereignisse, STOERDAUER)
    anfragen = protokoll["anfragen"]
    # A request belongs to the moment its answer came: under load it waits in the queue.
    for anfrage in anfragen:
        anfrage["t"] += anfrage["ms"] / 1000
    ende = max(a["t"] for a in anfragen)
    erholt_ab = ende - ERHOLT_FENSTER

    def fenster(von: float, bis: float) -> tuple[list[dict], list[dict]]:
        drin = [a for a in anfragen if von <= a["t"] < bis]
        return drin, [a for a in drin if a["fehler"]]

    def arten(fehler: list[dict]) -> str:
        namen = sorted({f["fehler"] for f in fehler})
        return ", ".join(f"{n} ×{sum(f['fehler'] == n for f in fehler)}" for n in namen) or "–"

    vor, vor_fehler = fenster(0, kill)
    um_kill, kill_fehler = fenster(kill, pg_start)
    um_pg, pg_fehler = fenster(pg_start, erholt_ab)
    nach, nach_fehler = fenster(erholt_ab, ende + 1)
    letzter_fehler = max((a["t"] for a in anfragen if a["fehler"]), default=None)
    verlauf = " ".join(
        f"{sekunde:.0f}s:{anzahl}"
        for sekunde, anzahl in sorted(
            Counter(int(a["t"] - beginn) for a in anfragen if a["fehler"]).items()
        )
    )
    print(f"  Fehler je Sekunde seit Beginn: {verlauf or '–'}", flush=True)
    bericht.zahl(
        "Störungen: vor den Störungen",
        f"{len(vor)} Anfragen, {len(vor_fehler)} Fehler ({arten(vor_fehler)})",
    )
    bericht.zahl(
        "Störungen: Worker beendet",
        f"{len(um_kill)} Anfragen, {len(kill_fehler)} Fehler ({arten(kill_fehler)})",
    )
    bericht.zahl(
        "Störungen: PostgreSQL-Neustart",
        f"{len(um_pg)} Anfragen, {len(pg_fehler)} Fehler ({arten(pg_fehler)})",
    )
    bericht.zahl(
        f"Störungen: nach der Erholung (letzte {ERHOLT_FENSTER} s)",
        f"{len(nach)} Anfragen, {len(nach_fehler)} Fehler",
    )
    if letzter_fehler is not None:
        bericht.zahl(
            "Störungen: letzter Fehler",
            f"{de(letzter_fehler - pg_start, 1)} s nach Beginn des Neustarts "
            f"(der {de(pg_ende - pg_start, 1)} s dauerte)",
        )
    bericht.pruefen(not vor_fehler, "vor den Störungen 0 Fehler")
    bericht.pruefen(
        all(f["fehler"] == "503 freundliche Seite" for f in pg_fehler),
        "während des PostgreSQL-Neustarts nur die deutsche 503-Seite (kein Traceback, keine 500)",
    )
    bericht.pruefen(len(nach) > 0 and not nach_fehler, "nach der Erholung 0 Fehler")

    nachher = bestand()
    quittungen = protokoll["quittungen"]
    gespeichert = {
        (e.mitglied_id, e.runde_id): e.summe
        for e in Einschaetzung.objects.filter(runde_id__in=daten["umlauf_runden"])
    }
    verloren = [
        q for q in quittungen if gespeichert.get((q["mitglied"], q["runde"])) != q["summe"]
    ]
    bericht.zahl(
        "Störungen: quittierte Einschätzungen",
        f"{len(quittungen)} quittiert, {len(gespeichert)} gespeichert, {len(verloren)} verloren",
    )
    for was, zahl in vorher.items():
        bericht.pruefen(
            nachher[was] >= zahl, f"{was}: vorher {zahl}, nachher {nachher[was]}, nichts fehlt"
        )
    bericht.pruefen(
        len(quittungen) > 0 and not verloren, "jede quittierte Einschätzung gespeichert"
    )
    bericht.pruefen(
        nachher["Einschätzungen"] == vorher["Einschätzungen"] + len(gespeichert),
        "keine andere Einschätzung ging verloren",
    )
    bericht.pruefen(bool(worker_pids(master)) and len(worker_pids(master)) == 4, "wieder 4 Worker")
    return {"kill_fehler": len(kill_fehler), "pg_fehler": len(pg_fehler)}


def main() -> int:
    bericht = Bericht()
    gunicorn = None
    start = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        schritt(f"Datenbank {DATENBANK} neu anlegen, Demodaten mit {EMPFEHLUNGEN} Empfehlungen")
        pg_sicherstellen()
        datenbank_neu()
        daten = daten_vorbereiten()
        connections.close_all()
        schritt(f"gunicorn mit 4 Workern auf {BASIS}")
        gunicorn = gunicorn_starten()
        gunicorn_bereit()
        t = time.perf_counter()
        antwort = requests.get(f"{BASIS}{daten['dossier']}", timeout=240)
        assert antwort.status_code == 200 and antwort.content.startswith(b"%PDF"), antwort
        bericht.zahl("Dossier 2023 erster Abruf (Bau)", f"{de(time.perf_counter() - t, 1)} s")
        schritt(f"Sitzungen für {MITGLIEDER} Mitglieder über das Anmeldeformular")
        sitzungen = parallel(anmelden, [m["username"] for m in daten["mitglieder"]])

        schritt(f"Messung: {BESUCHER} Besucher, {MESSDAUER} s")
        ergebnis = messung(daten, bericht)
        schritt(f"Bewertungsansturm: {MITGLIEDER} Mitglieder binnen einer Sekunde")
        ansturm(daten, sitzungen, bericht)
        schritt(
            f"Störungen: {BESUCHER} Besucher und {SCHREIBER} schreibende Mitglieder, "
            f"{STOERDAUER} s"
        )
        stoerung = stoerungen(daten, sitzungen, gunicorn.pid, bericht)
        tabelle(ergebnis, stoerung, bericht)
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        pg_sicherstellen()
        if os.environ.get("LASTTEST_BEHALTEN") != "1":
            datenbank_weg()
            shutil.rmtree(ARBEITSORDNER, ignore_errors=True)
        else:
            print(f"Datenbank {DATENBANK} und {ARBEITSORDNER} bleiben erhalten.")
    print(f"\nDauer: {de(time.monotonic() - start)} s")
    if bericht.fehlgeschlagen:
        print(f"\n{len(bericht.fehlgeschlagen)} Prüfung(en) fehlgeschlagen:")
        for was in bericht.fehlgeschlagen:
            print(f"  - {was}")
        return 1
    print("\nAlle Prüfungen bestanden: 0 Fehler in der Messung, nichts verloren.")
    return 0


def tabelle(ergebnis: dict, stoerung: dict, bericht: Bericht) -> None:
    basis = ergebnis["basis_p95"]
    print("\n| Seite | Anfragen/s | p50 | p95 | p95 / Grundlinie | Fehler |")
    print("|---|---|---|---|---|---|")
    for name, zeile in [*ergebnis["seiten"].items(), ("gesamt", ergebnis["gesamt"])]:
        print(
            f"| {name} | {de(float(zeile['Requests/s']), 1)} | {zeile['50%']} ms "
            f"| {zeile['95%']} ms | {de(float(zeile['95%']) / basis, 1)}× "
            f"| {zeile['Failure Count']} |"
        )


if __name__ == "__main__":
    sys.exit(main())
