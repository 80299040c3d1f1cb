"""The recommendations in Chromium: filter the list, open a detail, use the accordion by
keyboard, and enter a recommendation with Maßnahmen; axe must find nothing on any page."""

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


def _ist_fokussiert(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("width", [1280, 390])
def test_filter_list_open_detail_and_sections_by_keyboard(browser, live_server, demo_data, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)

    page.goto(live_server.url + "/empfehlungen/")
    assert _axe_violations(page) == []
    page.get_by_label("Handlungsfeld").select_option(label="Bildung")
    page.get_by_label("Jahr").select_option(label="2023")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_url("**/empfehlungen/?*handlungsfeld=bildung*")
    assert "jahr=2023" in page.url
    assert page.get_by_role("status").inner_text() == "2 Handlungsempfehlungen gefunden"
    assert _axe_violations(page) == []

    page.get_by_role("link", name="mehr zu „Sprachstandserhebung").click()
    page.wait_for_selector("h1:has-text('Sprachstandserhebung')")
    assert _axe_violations(page) == []

    # Keyboard only: Tab to the "Ausgangslage" section, open it, close it again.
    abschnitt = page.locator(
        "details.abschnitt", has=page.locator("summary", has_text="Ausgangslage")
    )
    summary = abschnitt.locator("summary")
    for _ in range(60):
        page.keyboard.press("Tab")
        if _ist_fokussiert(summary):
            break
    assert _ist_fokussiert(summary), "Der Abschnitt ist mit der Tab-Taste nicht erreichbar."
    assert abschnitt.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert abschnitt.get_attribute("open") is not None
    assert abschnitt.locator(".abschnitt-inhalt").is_visible()
    page.keyboard.press("Space")
    assert abschnitt.get_attribute("open") is None
    assert not abschnitt.locator(".abschnitt-inhalt").is_visible()

    assert watch.errors == []
    assert watch.foreign == []
    context.close()


def test_staff_enter_a_recommendation_with_two_massnahmen(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)
    anmelden(page, live_server)

    page.goto(live_server.url + "/empfehlungen/neu/")
    assert _axe_violations(page) == []
    page.get_by_label("Titel").fill("Schulsozialarbeit an Grundschulen")
    page.get_by_label("Handlungsfeld").select_option(label="Bildung")
    page.get_by_label("Beschreibung der Empfehlung").fill("Eine halbe Stelle je Grundschule.")
    page.get_by_label("Mitteleinsatz (jährlich)").fill("-12.500,00")
    page.locator("#id_massnahmen-0-massnahme").fill("Stellen ausschreiben")
    page.get_by_role("button", name="Weitere Maßnahme hinzufügen").click()
    assert _ist_fokussiert(page.locator("#id_massnahmen-1-massnahme"))
    page.keyboard.type("Träger auswählen")
    page.locator("#id_massnahmen-1-budget").fill("5.000,00")
    page.get_by_role("button", name="Speichern").click()

    # The negative amount is refused next to its field, and nothing typed is lost.
    fehler = page.locator("#error_1_id_mitteleinsatz_jaehrlich")
    assert fehler.inner_text() == "Der Betrag darf nicht negativ sein."
    assert page.locator("#id_massnahmen-1-massnahme").input_value() == "Träger auswählen"
    assert _axe_violations(page) == []

    page.get_by_label("Mitteleinsatz (jährlich)").fill("12.500,00")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Schulsozialarbeit an Grundschulen')")
    assert "Die Handlungsempfehlung wurde gespeichert." in page.content()
    assert page.get_by_role("cell", name="5.000,00\u00a0€").is_visible()
    assert page.get_by_role("cell", name="Träger auswählen").is_visible()
    assert _axe_violations(page) == []
    assert watch.errors == []
    context.close()
