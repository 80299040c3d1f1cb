"""The recommendations in Chromium with the keyboard only (Tab, Enter, Space, typing):
filter the list and open a detail, and enter a recommendation with Maßnahmen as staff;
axe must find nothing on any page."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from empfehlungen.models import Handlungsempfehlung
from tests.browser.tastatur import tab_bis, text_ist
from tests.browser.test_smoke import Watch, _axe_violations, browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ist_fokussiert(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("width", [1280, 390])
def test_filter_list_open_detail_and_sections_by_keyboard(browser, live_server, demo_data, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)

    page.goto(live_server.url + "/empfehlungen/")
    assert _axe_violations(page) == []
    # A closed <select> takes typed letters and picks the first option that starts so.
    tab_bis(page, "#id_handlungsfeld")
    page.keyboard.type("Bildung")
    expect(page.locator("#id_handlungsfeld")).to_have_value("bildung")
    tab_bis(page, "#id_jahr")
    page.keyboard.type("2023")
    tab_bis(page, text_ist("Filtern"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/empfehlungen/?*handlungsfeld=bildung*")
    assert "jahr=2023" in page.url
    assert page.get_by_role("status").inner_text() == "2 Handlungsempfehlungen gefunden"
    assert _axe_violations(page) == []

    tab_bis(page, "td.mehr a[href*='sprachstandserhebung']")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Sprachstandserhebung')")
    assert _axe_violations(page) == []

    # Tab to the "Ausgangslage" section, open it with Enter, close it with Space.
    abschnitt = page.locator(
        "details.abschnitt", has=page.locator("summary", has_text="Ausgangslage")
    )
    tab_bis(page, "el => el.tagName === 'SUMMARY' && el.innerText.includes('Ausgangslage')")
    assert abschnitt.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert abschnitt.get_attribute("open") is not None
    inhalt = abschnitt.locator(".abschnitt-inhalt")
    assert inhalt.is_visible()
    # The demo's 2023 recommendations have no Ausgangslage; the section says so.
    assert inhalt.inner_text().strip() == "Keine Angaben."
    page.keyboard.press("Space")
    assert abschnitt.get_attribute("open") is None
    assert not inhalt.is_visible()

    assert watch.errors == []
    assert watch.foreign == []
    context.close()


def test_staff_enter_a_recommendation_with_two_massnahmen_by_keyboard(
    browser,  # noqa: F811
    live_server,
    demo_data,
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)

    page.goto(live_server.url + "/accounts/login/?next=/empfehlungen/neu/")
    tab_bis(page, "#id_username")
    page.keyboard.type("sozialplanung")
    page.keyboard.press("Tab")
    page.keyboard.type("Demo-Sozialplanung-2024")
    page.keyboard.press("Enter")
    # The login URL ends in ?next=/empfehlungen/neu/ too: wait for the form itself.
    page.wait_for_url(lambda url: urlparse(url).path == "/empfehlungen/neu/")
    page.wait_for_load_state("networkidle")
    assert _axe_violations(page) == []

    tab_bis(page, "#id_titel")
    page.keyboard.type("Schulsozialarbeit an Grundschulen")
    tab_bis(page, "#id_handlungsfeld")
    page.keyboard.type("Bildung")
    tab_bis(page, "#id_beschreibung")
    page.keyboard.type("Eine halbe Stelle je Grundschule.")
    tab_bis(page, "#id_mitteleinsatz_jaehrlich")
    page.keyboard.type("-12.500,00")
    tab_bis(page, "#id_massnahmen-0-massnahme")
    page.keyboard.type("Stellen ausschreiben")
    tab_bis(page, "#massnahme-hinzufuegen")
    page.keyboard.press("Enter")
    # The new row takes the focus, so the keyboard user types on where they are.
    assert _ist_fokussiert(page.locator("#id_massnahmen-1-massnahme"))
    page.keyboard.type("Träger auswählen")
    tab_bis(page, "#id_massnahmen-1-budget")
    page.keyboard.type("5.000,00")
    tab_bis(page, text_ist("Speichern"))
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    # The negative amount is refused next to its field, and nothing typed is lost.
    fehler = page.locator("#error_1_id_mitteleinsatz_jaehrlich")
    assert fehler.inner_text() == "Der Betrag darf nicht negativ sein."
    assert page.locator("#id_massnahmen-1-massnahme").input_value() == "Träger auswählen"
    assert _axe_violations(page) == []

    tab_bis(page, "#id_mitteleinsatz_jaehrlich")
    page.keyboard.press("Control+A")
    page.keyboard.type("12.500,00")
    tab_bis(page, text_ist("Speichern"))
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Schulsozialarbeit an Grundschulen')")
    assert "Die Handlungsempfehlung wurde gespeichert." in page.content()
    assert page.get_by_role("cell", name="5.000,00\u00a0€").is_visible()
    assert page.get_by_role("cell", name="Träger auswählen").is_visible()
    assert _axe_violations(page) == []

    empfehlung = Handlungsempfehlung.objects.get(titel="Schulsozialarbeit an Grundschulen")
    assert empfehlung.handlungsfeld.name == "Bildung"
    assert empfehlung.mitteleinsatz_jaehrlich == 12500
    assert sorted(m.massnahme for m in empfehlung.massnahmen.all()) == [
        "Stellen ausschreiben",
        "Träger auswählen",
    ]
    assert watch.errors == []
    assert watch.foreign == []
    context.close()
