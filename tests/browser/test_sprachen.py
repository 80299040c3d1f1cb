"""The language switch on a phone: visible in the header, keeps page and filters."""

from urllib.parse import urlparse

import pytest

from tests.browser.test_smoke import Watch, _axe_violations, browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switch_on_a_phone_keeps_the_filtered_list(browser, live_server, demo_data):  # noqa: F811
    host = urlparse(live_server.url).netloc
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    watch = Watch(page, host)

    # An English browser still gets German at the plain address.
    page.goto(live_server.url + "/empfehlungen/?jahr=2023", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "de"
    english = page.get_by_role("link", name="English", exact=True)
    box = english.bounding_box()
    assert english.is_visible() and box["x"] + box["width"] <= 390

    english.click()
    page.wait_for_url(live_server.url + "/en/empfehlungen/?jahr=2023")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Recommendations"
    assert page.locator("select[name=jahr]").input_value() == "2023"
    problems = _axe_violations(page)

    page.get_by_role("link", name="Deutsch", exact=True).click()
    page.wait_for_url(live_server.url + "/empfehlungen/?jahr=2023")
    assert page.locator("h1").inner_text() == "Handlungsempfehlungen"
    context.close()
    assert problems == []
    assert watch.errors == []
    assert watch.foreign == []
