"""Smoke test in Debian's Chromium: the start page and every navigation link.

Fails on a console error, on any request to another host, and on any axe violation of
WCAG 2.1 AA, at desktop and at phone width.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Watch:
    """Collects console errors and requests leaving the test server."""

    def __init__(self, page, host: str):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "request",
            lambda r: (
                r.url.startswith("http")
                and urlparse(r.url).netloc != host
                and self.foreign.append(r.url)
            ),
        )


def anmelden(page, live_server, benutzer: str = "sozialplanung") -> None:
    """Log in through the login page with a demo account."""
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", benutzer)
    page.fill("input[name=password]", "Demo-Sozialplanung-2024")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")


def _axe_violations(page) -> list[str]:
    # Details only for violations: the same findings, a much smaller answer, faster.
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    return [
        f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in result.response["violations"]
    ]


# At 1280 px test_alle_seiten.py walks these pages and every other one.
@pytest.mark.parametrize("width", [390])
def test_start_page_and_every_navigation_link(browser, live_server, demo_data, width):
    host = urlparse(live_server.url).netloc
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, host)

    page.goto(live_server.url + "/", wait_until="networkidle")
    assert page.locator("h1").first.inner_text().startswith("Sozialplanung")
    assert page.locator("html").get_attribute("lang") == "de"
    links = page.eval_on_selector_all(
        "header nav a, footer nav a", "els => els.map(a => a.getAttribute('href'))"
    )
    assert "/empfehlungen/" in links and "/barrierefreiheit/" in links

    problems = []
    for href in dict.fromkeys(links):
        response = page.goto(live_server.url + href, wait_until="networkidle")
        if response.status != 200:
            problems.append(f"{href}: HTTP {response.status}")
        problems += [f"{href}: axe {v}" for v in _axe_violations(page)]

    context.close()
    assert problems == []
    assert watch.errors == []
    assert watch.foreign == []


def test_skip_link_and_mobile_navigation_work_with_the_keyboard(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + "/", wait_until="networkidle")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()

    toggler = page.locator(".navbar-toggler")
    assert toggler.is_visible()
    assert not page.get_by_role("link", name="Handlungsfelder").first.is_visible()
    toggler.focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Handlungsfelder").first.wait_for(state="visible")
    page.get_by_role("link", name="Handlungsfelder").first.click()
    page.wait_for_url("**/handlungsfelder/")
    context.close()


def test_staff_log_in_and_advance_the_phase(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    anmelden(page, live_server)

    page.get_by_role("button", name="Phase „Vorschläge“ beginnen").click()
    page.wait_for_load_state("networkidle")
    assert "ist jetzt in der Phase „Vorschläge“" in page.content()
    assert page.locator('[aria-current="step"] .phase-name').inner_text() == "Vorschläge"
    assert _axe_violations(page) == []
    context.close()


KITAS = Path(__file__).resolve().parents[2] / "sozialplanung" / "demo" / "genesis"


def test_staff_import_a_genesis_file_and_see_its_charts(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)
    anmelden(page, live_server)

    page.goto(live_server.url + "/handlungsfelder/import/")
    assert _axe_violations(page) == []
    page.set_input_files("input[type=file]", str(KITAS / "22541-01-01-4_00.csv"))
    page.get_by_role("button", name="Datei prüfen").click()
    page.wait_for_url("**/handlungsfelder/import/*/")
    assert "Tabelle 22541-01-01-4" in page.content()
    assert _axe_violations(page) == []

    page.get_by_label("Bildung").check()
    page.get_by_role("button", name="Werte importieren").click()
    page.wait_for_url("**/handlungsfelder/indikatoren/")
    assert "wurde importiert" in page.content()

    page.get_by_role(
        "link", name="Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt"
    ).click()
    page.wait_for_selector(".diagramm-flaeche svg.main-svg")
    assert page.locator(".diagramm-flaeche svg.main-svg").count() >= 2
    page.get_by_text("Tabelle: Verfügbare Plätze").first.click()
    assert page.get_by_role("cell", name="9.860").first.is_visible()
    assert _axe_violations(page) == []
    assert watch.errors == []
    assert watch.foreign == []
    context.close()
