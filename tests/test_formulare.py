"""Every form of the portal refuses hostile input with a message, never with a 500.

The table below must name every URL whose view accepts a POST: a new form without an
entry fails ``test_table_covers_every_form``, as the permission matrix does for URLs.
For each form the test reads the fields from the rendered page, as a browser would, and
posts four variants: 100,001 characters in every text field, 1e30 and -1 in every number
field, and unknown values in every choice. Each must be refused (the page again with the
field marked, or 400/409) and must change no row in the database.
"""

import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import messages
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse

from sozialplanung.models import BarrierefreiheitRueckmeldung
from tests.test_permissions import _all_url_names, _kwargs, users  # noqa: F401

# url name -> (role that may post, page with the form: (url name, kwargs spec))
FORMULARE = {
    "phase_weiter": ("sozialplanung", ("zyklus", {"jahr": 2024})),
    "phase_zurueck": ("sozialplanung", ("phase_zurueck", {"jahr": 2023})),
    "login": ("anonym", ("login", {})),
    "barrierefreiheit": ("anonym", ("barrierefreiheit", {})),
    "barrierefreiheit_rueckmeldung_erledigt": (
        "sozialplanung",
        ("barrierefreiheit_rueckmeldungen", {}),
    ),
    "password_change": ("sozialplanung", ("password_change", {})),
    "empfehlungen:create": ("sozialplanung", ("empfehlungen:create", {})),
    "empfehlungen:update": ("sozialplanung", ("empfehlungen:update", "entwurf_kurz")),
    "empfehlungen:status": ("sozialplanung", ("empfehlungen:detail", "entwurf")),
    "empfehlungen:oparl_sync": ("sozialplanung", ("empfehlungen:oparl_sync", {})),
    "empfehlungen:beratungen_import": ("sozialplanung", ("empfehlungen:beratungen_import", {})),
    "empfehlungen:massnahme_status": (
        "sozialplanung",
        ("empfehlungen:massnahme_status", "massnahme"),
    ),
    "empfehlungen:wirkungsziel_create": (
        "sozialplanung",
        ("empfehlungen:wirkungsziel_create", "veroeffentlicht_kurz"),
    ),
    "empfehlungen:wirkungsziel_update": (
        "sozialplanung",
        ("empfehlungen:wirkungsziel_update", "wirkungsziel"),
    ),
    "empfehlungen:wirkungsmessung_create": (
        "sozialplanung",
        ("empfehlungen:wirkungsziel_detail", "wirkungsziel"),
    ),
    "empfehlungen:dialognotiz_create": (
        "sozialplanung",
        ("empfehlungen:wirkungsziel_detail", "wirkungsziel"),
    ),
    "handlungsfelder:import": ("sozialplanung", ("handlungsfelder:import", {})),
    "handlungsfelder:import_vorschau": (
        "sozialplanung",
        ("handlungsfelder:import_vorschau", "import"),
    ),
    "handlungsfelder:analyse": (
        "sozialplanung",
        ("handlungsfelder:analyse", {"slug": "bildung", "jahr": 2024}),
    ),
    "steuerungsgruppe:einschaetzung": (
        "steuerungsgruppe",
        ("steuerungsgruppe:einschaetzung", "runde"),
    ),
    "steuerungsgruppe:papierbogen": ("sozialplanung", ("steuerungsgruppe:papierbogen", "runde")),
    "steuerungsgruppe:fachkraefte": ("sozialplanung", ("steuerungsgruppe:fachkraefte", "runde")),
    "steuerungsgruppe:umlauf": ("sozialplanung", ("steuerungsgruppe:umlauf", {})),
    "steuerungsgruppe:zielvorschlaege_abstimmen": (
        "steuerungsgruppe",
        ("steuerungsgruppe:zielvorschlaege_abstimmen", {"jahr": 2024}),
    ),
    "dossier:bearbeiten": ("sozialplanung", ("dossier:bearbeiten", {"jahr": 2024})),
}
# Objects a form page needs before it shows its form.
VORBEREITUNG = {
    "barrierefreiheit_rueckmeldung_erledigt": lambda: BarrierefreiheitRueckmeldung.objects.create(
        nachricht="Der Kontrast der Fußzeile ist zu schwach."
    ),
}
# Views that accept a POST but read no input from it.
OHNE_EINGABE = {
    "logout": "logs out, whatever is sent",
    # Their buttons send no field: only the round's state decides.
    "steuerungsgruppe:runde_oeffnen": "a button without fields",
    "steuerungsgruppe:runde_schliessen": "a button without fields",
    "empfehlungen:detail_kurz": "RedirectView: a POST is redirected like a GET",
    # Confirms the CSV kept in the session; tested with a tampered file in its own tests.
    "empfehlungen:beratungen_import_vorschau": "reads only the upload kept in the session",
}

LANG = "x" * 100_001
UNBEKANNT = "unbekannt-999999"
# Rows written by logging in or by the session, not by a form.
NICHT_ZAEHLEN = {"sessions.session", "axes.accessattempt", "axes.accesslog", "auth.user"}


def _post_urls() -> set[str]:
    namen = set()
    for name in _all_url_names():
        view = resolve(reverse(name, kwargs=_beispiel(name))).func
        klasse = getattr(view, "view_class", None) or getattr(
            getattr(view, "__wrapped__", None), "view_class", None
        )
        if klasse is not None and hasattr(klasse, "post"):
            namen.add(name)
    return namen


def _beispiel(name: str) -> dict:
    # Any kwargs that reverse: only the view class matters here.
    for versuch in (
        {},
        {"pk": 1},
        {"jahr": 2023},
        {"slug": "a"},
        {"pk": 1, "slug": "a"},
        {"art": "a", "pk": 1},
    ):
        try:
            reverse(name, kwargs=versuch)
            return versuch
        except NoReverseMatch:
            continue
    return {"slug": "a", "jahr": 2023}


def test_table_covers_every_form(db):
    assert _post_urls() == set(FORMULARE) | set(OHNE_EINGABE)


class _Formulare(HTMLParser):
    """The post forms of a page: action and fields (name, kind, value, options)."""

    def __init__(self):
        super().__init__()
        self.formulare, self._aktuell, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._aktuell = {"action": a.get("action") or "", "felder": []}
            self.formulare.append(self._aktuell)
        if self._aktuell is None or (a.get("disabled") is not None and tag != "form"):
            return
        if tag == "input" and a.get("name"):
            art = (a.get("type") or "text").lower()
            if art in ("submit", "button", "reset", "image"):
                if a.get("name"):
                    self._aktuell["felder"].append((a["name"], "submit", a.get("value", ""), None))
                return
            if art in ("checkbox", "radio") and a.get("checked") is None:
                self._aktuell["felder"].append(
                    (a["name"], art + "-aus", a.get("value", "on"), None)
                )
                return
            self._aktuell["felder"].append((a["name"], art, a.get("value", ""), None))
        elif tag == "button" and a.get("name"):
            self._aktuell["felder"].append((a["name"], "submit", a.get("value", ""), None))
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], "textarea", "", None]
        elif tag == "select" and a.get("name"):
            self._select = [a["name"], "select", None, []]
        elif tag == "option" and self._select is not None:
            self._select[3].append(a.get("value", ""))
            if a.get("selected") is not None or self._select[2] is None:
                self._select[2] = a.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._aktuell = None
        elif tag == "textarea" and self._textarea is not None:
            self._aktuell["felder"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self._aktuell["felder"].append(tuple(self._select))
            self._select = None


TEXT = {"text", "textarea", "email", "url", "search", "tel", "password"}
ZAHL = {"number", "range"}


def _varianten(felder) -> dict[str, dict]:
    """Four hostile posts; a submit button is sent only with the first of its name."""
    grund: dict[str, list[str]] = {}
    gesendet = set()
    for name, art, wert, _ in felder:
        if art == "submit":
            if name not in gesendet:
                grund.setdefault(name, []).append(wert)
                gesendet.add(name)
        elif art.endswith("-aus") or art == "file":
            continue
        else:
            grund.setdefault(name, []).append(wert or "")

    def mit(aenderung):
        daten = {k: list(v) for k, v in grund.items()}
        geaendert = False
        for name, art, _, optionen in felder:
            neu = aenderung(name, art, optionen)
            if neu is not None:
                daten[name] = [neu]
                geaendert = True
        return daten if geaendert else None

    varianten = {
        "lang": mit(lambda n, art, o: LANG if art in TEXT else None),
        "riesig": mit(
            lambda n, art, o: (
                "1e30"
                if art in ZAHL or (art == "hidden" and n in grund and grund[n][0].isdigit())
                else None
            )
        ),
        "negativ": mit(
            lambda n, art, o: (
                "-1"
                if art in ZAHL or (art == "hidden" and n in grund and grund[n][0].isdigit())
                else None
            )
        ),
        "unbekannt": mit(
            lambda n, art, o: (
                UNBEKANNT
                if art in ("select", "radio", "radio-aus", "checkbox", "checkbox-aus")
                else None
            )
        ),
    }
    return {k: v for k, v in varianten.items() if v is not None}


def _fingerabdruck() -> str:
    summe = hashlib.sha256()
    for model in apps.get_models():
        if model._meta.label_lower in NICHT_ZAEHLEN:
            continue
        for zeile in model._default_manager.order_by("pk").values_list():
            summe.update(repr(zeile).encode())
    return summe.hexdigest()


@pytest.mark.parametrize("url_name", sorted(FORMULARE))
def test_form_refuses_oversized_input_and_unknown_choices(demo_data, users, url_name):  # noqa: F811
    rolle, (seite, spec) = FORMULARE[url_name]
    client = Client()
    if users[rolle] is not None:
        client.force_login(users[rolle])
    if url_name in VORBEREITUNG:
        VORBEREITUNG[url_name]()
    seiten_url = reverse(seite, kwargs=_kwargs(spec))
    antwort = client.get(seiten_url)
    assert antwort.status_code == 200, seiten_url
    parser = _Formulare()
    parser.feed(antwort.content.decode())
    formulare = [
        (f["action"] or seiten_url, f["felder"])
        for f in parser.formulare
        if resolve(re.split(r"[?#]", f["action"] or seiten_url)[0]).view_name == url_name
    ]
    assert formulare, f"Kein Formular für {url_name} auf {seiten_url}"

    probleme = []
    vorher = _fingerabdruck()
    for ziel, felder in formulare:
        for variante, daten in _varianten(felder).items():
            antwort = client.post(ziel, daten)
            text = antwort.content.decode(errors="replace")
            if antwort.status_code == 302:
                # A button of another page sends the user back with an error message.
                stufen = [m.level for m in get_messages(antwort.wsgi_request)]
                if messages.ERROR not in stufen:
                    probleme.append(f"{ziel} {variante}: HTTP 302 ohne Fehlermeldung {stufen}")
            elif antwort.status_code not in (200, 400, 409):
                probleme.append(f"{ziel} {variante}: HTTP {antwort.status_code}")
            elif (
                antwort.status_code == 200
                and "is-invalid" not in text
                and "alert-danger" not in text
            ):
                probleme.append(f"{ziel} {variante}: keine Fehlermeldung")
            nachher = _fingerabdruck()
            if nachher != vorher:
                probleme.append(f"{ziel} {variante}: Daten geändert")
            vorher = nachher
    assert probleme == [], "\n".join(probleme)
