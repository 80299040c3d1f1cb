"""'Wirkt's schon?' and the Wirkungslogik in Chromium, at desktop and phone width.

axe must find no WCAG 2.1 AA violation, the charts must be drawn from the page's own
plotly.js, and nothing may be requested from another host.
"""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.test_smoke import ARGS, CHROMIUM, Watch, _axe_violations, anmelden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_wirkung_filter_and_a_detail_page_with_charts_pass_axe(
    browser, live_server, demo_statistik, width
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)

    page.goto(live_server.url + "/wirkung/", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Wirkt’s schon?"
    assert page.get_by_text("Nach dieser Regel zeigt die Ampel").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert _axe_violations(page) == []

    page.get_by_label("Ampel", exact=True).select_option(label="gefährdet")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_url("**/wirkung/?*ampel=gefaehrdet*")
    lichter = page.locator("table.wirkungsziele-tabelle tbody .ampel").all_inner_texts()
    assert lichter and all(t.endswith("gefährdet") for t in lichter)
    assert _axe_violations(page) == []

    page.get_by_role("link", name="Fachdienst Jugend/Soziale Dienste").click()
    page.wait_for_selector("h2#wirkungslogik-titel")
    # One chart per goal, drawn by the vendored plotly.js.
    # A locator, not wait_for_function: Playwright evaluates that with eval(), which the
    # Content-Security-Policy forbids.
    page.locator(".diagramm-flaeche .main-svg").nth(2).wait_for()
    assert page.locator(".wirkungstreppe .stufe-2 .stufe-ziele li").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert _axe_violations(page) == []

    context.close()
    assert watch.errors == []
    assert watch.foreign == []


def test_staff_add_a_goal_and_record_a_value(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)
    anmelden(page, live_server)

    page.goto(live_server.url + "/wirkung/")
    page.get_by_role("link", name="Methoden der Wirkungsmessung").click()
    page.get_by_role("link", name="Wirkungsziel hinzufügen").click()
    assert _axe_violations(page) == []

    page.locator("#id_text").fill("Träger berichten jährlich über Wirkung.")
    page.locator("#id_stufe").select_option(label="1 Aktivitäten finden wie geplant statt")
    page.locator("#id_eigener_indikator").fill("Träger mit Wirkungsbericht")
    page.locator("#id_ausgangswert").fill("3")
    page.locator("#id_ausgangsdatum").fill("2024-01-01")
    page.locator("#id_zielwert").fill("12")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("text=Das Wirkungsziel wurde gespeichert.")
    assert "Es fehlen: Zieldatum." in page.content()
    assert _axe_violations(page) == []

    page.locator("#id_messung-datum").fill("2024-06-30")
    page.locator("#id_messung-wert").fill("1.000,5")
    page.get_by_role("button", name="Messwert speichern").click()
    page.wait_for_selector("text=Der Messwert wurde gespeichert.")
    assert "1.000,5" in page.locator("table").first.inner_text()
    assert _axe_violations(page) == []
    context.close()
    assert watch.errors == []
    assert watch.foreign == []
