"""Every page and form of the portal in Chromium: axe (WCAG 2.1 AA), requests, console.

The page list comes from the URL resolver: a URL name that is neither in ``SEITEN`` nor in
``AUSGENOMMEN`` fails ``test_every_url_name_is_walked_or_excluded``, so a new page cannot
slip past the walk. Adding a page is one line in ``SEITEN``.

The public and the staff pages are walked in German and in English. One walk, one
browser context per role: each page is opened with the role that sees it, axe runs with
the WCAG 2.1 A/AA tags, and every request the page makes is recorded. The test collects
every finding of every page and fails once with the whole list.
"""

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from steuerungsgruppe.models import Mitglied
from tests.browser.test_smoke import _axe_violations, anmelden, browser  # noqa: F401
from tests.steuerungsgruppe.factories import MitgliedFactory
from tests.test_permissions import _all_url_names, _kwargs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANONYM = "anonym"
FOKUS = "fokusgruppe"
MITGLIED = "steuerungsgruppe"
STAFF = "sozialplanung"
ADMIN = "admin"

# url name -> (roles that look at it, kwargs spec as in tests/test_permissions.py).
# Public pages are looked at anonymously; where staff see much more (the cycle's controls,
# drafts in the list, the workflow on a detail page), by staff too. One role per page
# otherwise keeps the walk near a minute.
SEITEN = {
    "start": ((ANONYM, STAFF), {}),
    "zyklus": ((ANONYM,), {"jahr": 2023}),
    "phase_zurueck": ((STAFF,), {"jahr": 2023}),
    "impressum": ((ANONYM,), {}),
    "datenschutz": ((ANONYM,), {}),
    "barrierefreiheit": ((ANONYM,), {}),
    "barrierefreiheit_rueckmeldungen": ((STAFF,), {}),
    "leichte_sprache": ((ANONYM,), {}),
    "login": ((ANONYM,), {}),
    "password_change": ((FOKUS,), {}),
    "password_change_done": ((FOKUS,), {}),
    "empfehlungen:list": ((ANONYM, STAFF), {}),
    "empfehlungen:detail": ((ANONYM, STAFF), "veroeffentlicht"),
    "empfehlungen:create": ((STAFF,), {}),
    "empfehlungen:vorschlaege": ((STAFF,), {}),
    "empfehlungen:update": ((STAFF,), "veroeffentlicht_kurz"),
    "empfehlungen:verlauf": ((STAFF,), "veroeffentlicht_kurz"),
    "empfehlungen:oparl_sync": ((STAFF,), {}),
    "empfehlungen:beratungen_import": ((STAFF,), {}),
    "empfehlungen:massnahme_status": ((STAFF,), "massnahme"),
    "empfehlungen:wirkungsziel_create": ((STAFF,), "veroeffentlicht_kurz"),
    "empfehlungen:wirkungsziel_detail": ((STAFF,), "wirkungsziel"),
    "empfehlungen:wirkungsziel_update": ((STAFF,), "wirkungsziel"),
    "umsetzung": ((ANONYM,), {}),
    "wirkung": ((ANONYM,), {}),
    "handlungsfelder:list": ((ANONYM,), {}),
    "handlungsfelder:detail": ((ANONYM,), {"slug": "bildung"}),
    "handlungsfelder:indikator_list": ((ANONYM,), {}),
    "handlungsfelder:indikator": ((ANONYM,), "indikator"),
    "handlungsfelder:import": ((STAFF,), {}),
    "handlungsfelder:import_vorschau": ((STAFF,), "import"),
    "handlungsfelder:analyse": ((STAFF,), {"slug": "bildung", "jahr": 2024}),
    "steuerungsgruppe:index": ((ANONYM,), {}),
    "steuerungsgruppe:protokoll": ((ANONYM,), "sitzung"),
    "steuerungsgruppe:ergebnisse": ((ANONYM,), "sitzung"),
    "steuerungsgruppe:portfolio": ((ANONYM,), {"jahr": 2023}),
    "steuerungsgruppe:moderation": ((STAFF,), "sitzung"),
    "steuerungsgruppe:papierbogen": ((STAFF,), "runde"),
    "steuerungsgruppe:fachkraefte": ((STAFF,), "runde"),
    "steuerungsgruppe:umlauf": ((STAFF,), {}),
    "steuerungsgruppe:einschaetzung": ((MITGLIED,), "runde"),
    "steuerungsgruppe:mitwirken": ((MITGLIED,), {}),
    "steuerungsgruppe:zielvorschlaege_abstimmen": ((MITGLIED,), {"jahr": 2023}),
    "dossier:index": ((ANONYM,), {}),
    "dossier:detail": ((ANONYM,), {"jahr": 2023}),
    "dossier:bearbeiten": ((STAFF,), {"jahr": 2024}),
    "aenderungsprotokoll": ((STAFF,), {}),
    "aenderungsverlauf": ((STAFF,), "aenderungsverlauf"),
    # Django's admin: its index, and the changelist and form of one of our models.
    "admin:index": ((ADMIN,), {}),
}

# Pages of Django's admin beyond its index, by path.
ADMIN_SEITEN = [
    "/admin/sozialplanung/barrierefreiheitrueckmeldung/",
    "/admin/sozialplanung/barrierefreiheitrueckmeldung/add/",
]

POST = "nur POST, das Formular steht auf einer anderen Seite dieser Liste"
AUSGENOMMEN = {
    "phase_weiter": POST,
    "logout": POST,
    "empfehlungen:status": POST,
    "steuerungsgruppe:runde_oeffnen": POST,
    "steuerungsgruppe:runde_schliessen": POST,
    "empfehlungen:wirkungsmessung_create": POST,
    "empfehlungen:dialognotiz_create": POST,
    "barrierefreiheit_rueckmeldung_erledigt": POST,
    "favicon": "Weiterleitung auf das SVG-Symbol",
    "empfehlungen:detail_kurz": "Weiterleitung auf die Detailseite",
    "empfehlungen:export_csv": "CSV-Datei",
    "empfehlungen:export_xlsx": "XLSX-Datei",
    "empfehlungen:vorlage_entwurf": "PDF-Datei",
    "steuerungsgruppe:protokoll_pdf": "PDF-Datei",
    "dossier:pdf": "PDF-Datei",
    "steuerungsgruppe:moderation_stand": "htmx-Ausschnitt der Moderationsseite (dort geprüft)",
    # Reached in the walk through its upload form (see _formulare_mit_fehlern).
    "empfehlungen:beratungen_import_vorschau": "nur nach einem Upload; im Rundgang über ihn",
}

BERATUNGEN_CSV = (
    b"Drucksache;Gremium;Datum;Rolle;Ergebnis\n"
    b"DrS 2022/101;Sozialausschuss;14.09.2023;Vorberatung;empfohlen\n"
)
BERATUNGEN_CSV_FEHLER = BERATUNGEN_CSV + b"DrS 9999/999;Kreistag;31.02.2023;Entscheidung;x\n"


def test_every_url_name_is_walked_or_excluded():
    namen = _all_url_names() | {"admin:index"}
    assert set(SEITEN) & set(AUSGENOMMEN) == set()
    assert namen - set(SEITEN) - set(AUSGENOMMEN) == set(), "neue Seite ohne Eintrag"
    assert (set(SEITEN) | set(AUSGENOMMEN)) - namen == set(), "Eintrag ohne Seite"


@dataclass
class Befunde:
    """What the walk found, per page; and every request seen, to show the recorder works."""

    host: str
    liste: list[str] = field(default_factory=list)
    anfragen: list[str] = field(default_factory=list)
    seite: str = ""
    # An error state the server answers with 400 or 409 on purpose (the Steuerungsgruppe's
    # forms do): Chromium logs the document's status as a console error; that one is fine.
    erlaubter_status: str | None = None

    def beobachten(self, page) -> None:
        page.on("request", self._anfrage)
        page.on("console", self._konsole)
        page.on("pageerror", lambda e: self.liste.append(f"{self.seite}: JavaScript {e}"))

    def _konsole(self, meldung) -> None:
        if meldung.type != "error":
            return
        if self.erlaubter_status and meldung.text.startswith(
            f"Failed to load resource: the server responded with a status of "
            f"{self.erlaubter_status} "
        ):
            return
        self.liste.append(f"{self.seite}: Konsole {meldung.text}")

    def _anfrage(self, request) -> None:
        self.anfragen.append(request.url)
        teile = urlparse(request.url)
        if teile.scheme not in ("data", "blob", "about") and teile.netloc != self.host:
            self.liste.append(f"{self.seite}: Anfrage an fremden Host {request.url}")

    def pruefen(self, page, seite: str) -> None:
        """axe on the page as it is now: every violation with its rule and nodes."""
        if page.locator(".diagramm-flaeche").count():
            page.wait_for_selector(".diagramm-flaeche svg.main-svg")
        self.liste += [f"{seite}: axe {verstoss}" for verstoss in _axe_violations(page)]

    def besuchen(self, page, url: str, rolle: str) -> None:
        self.seite = f"{url} [{rolle}]"
        antwort = page.goto(url, wait_until="load")
        if antwort.status != 200:
            self.liste.append(f"{self.seite}: HTTP {antwort.status}")
            return
        self.pruefen(page, self.seite)


def _zu_lang(feld, laenge: int) -> None:
    # The browser stops typing at maxlength; the server must still say what is wrong.
    feld.evaluate("el => el.removeAttribute('maxlength')")
    feld.fill("x" * laenge)


def _formulare_mit_fehlern(page, befunde: Befunde, basis: str, rolle: str) -> None:
    """The main forms after a failed submit: their error states must pass axe too."""

    def absenden(pfad: str, knopf: str, fuellen=None, status: int = 200) -> None:
        befunde.seite = f"{pfad} nach fehlerhaftem Absenden [{rolle}]"
        page.goto(basis + pfad, wait_until="load")
        if fuellen:
            fuellen()
        befunde.erlaubter_status = str(status) if status != 200 else None
        with page.expect_navigation(wait_until="load") as navigation:
            page.get_by_role("button", name=knopf, exact=True).click()
        befunde.erlaubter_status = None
        if navigation.value.status != status:
            befunde.liste.append(f"{befunde.seite}: HTTP {navigation.value.status}")
        if page.locator(".invalid-feedback, .feld-fehler, .alert-danger").count() == 0:
            befunde.liste.append(f"{befunde.seite}: keine Fehlermeldung zu sehen")
        befunde.pruefen(page, befunde.seite)

    if rolle == ANONYM:
        absenden(
            reverse("barrierefreiheit"),
            "Rückmeldung senden",
            lambda: page.get_by_label("Ihre E-Mail-Adresse").fill("kein-at-zeichen"),
        )
    if rolle == STAFF:
        absenden(
            reverse("empfehlungen:create"),
            "Speichern",
            lambda: page.locator("#id_mitteleinsatz_jaehrlich").fill("-5"),
        )
        absenden(
            reverse("handlungsfelder:analyse", kwargs={"slug": "bildung", "jahr": 2024}),
            "Speichern",
            lambda: _zu_lang(page.locator("#id_fakten_quellen"), 501),
        )
        # The Beratungen import: a file with a bad line is refused at the upload (error
        # state); a good one leads to the preview, which exists only after an upload.
        upload = reverse("empfehlungen:beratungen_import")
        vorschau = reverse("empfehlungen:beratungen_import_vorschau")
        for datei, ziel in ((BERATUNGEN_CSV_FEHLER, upload), (BERATUNGEN_CSV, vorschau)):
            befunde.seite = f"Beratungen-Import, erwartet {ziel} [{rolle}]"
            page.goto(basis + upload, wait_until="load")
            page.set_input_files(
                "input[type=file]",
                {"name": "beratungen.csv", "mimeType": "text/csv", "buffer": datei},
            )
            with page.expect_navigation(wait_until="load"):
                page.get_by_role("button", name="Vorschau anzeigen").click()
            if urlparse(page.url).path != ziel:
                befunde.liste.append(f"{befunde.seite}: landete auf {page.url}")
            befunde.pruefen(page, befunde.seite)
    if rolle == MITGLIED:
        absenden(
            reverse("steuerungsgruppe:einschaetzung", kwargs=_kwargs("runde")),
            "Einschätzung speichern",
            status=400,
        )


def test_every_page_and_form_passes_axe_and_asks_only_the_test_server(
    browser,  # noqa: F811
    live_server,
    demo_data,
):
    benutzer = get_user_model().objects.get(username="steuerungsgruppe")
    if not Mitglied.objects.filter(user=benutzer).exists():
        MitgliedFactory(user=benutzer)
    befunde = Befunde(host=urlparse(live_server.url).netloc)

    for rolle in (ANONYM, FOKUS, MITGLIED, STAFF, ADMIN):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        page = context.new_page()
        befunde.beobachten(page)
        if rolle != ANONYM:
            befunde.seite = f"Anmeldung [{rolle}]"
            anmelden(page, live_server, rolle)
        for name, (rollen, spec) in SEITEN.items():
            if rolle in rollen:
                url = reverse(name, kwargs=_kwargs(spec))
                befunde.besuchen(page, live_server.url + url, rolle)
        if rolle in (ANONYM, STAFF):
            # The public and the staff pages in English (/en/…): same templates, other
            # texts and lengths.
            with translation.override("en"):
                for name, (rollen, spec) in SEITEN.items():
                    if rolle in rollen:
                        url = reverse(name, kwargs=_kwargs(spec))
                        befunde.besuchen(page, live_server.url + url, rolle)
        if rolle == ADMIN:
            for pfad in ADMIN_SEITEN:
                befunde.besuchen(page, live_server.url + pfad, rolle)
        _formulare_mit_fehlern(page, befunde, live_server.url, rolle)
        context.close()

    # The recorder saw the pages' own requests; otherwise "no foreign host" proves nothing.
    assert any("/static/css/portal" in url for url in befunde.anfragen)
    assert befunde.liste == [], "\n" + "\n".join(befunde.liste)
