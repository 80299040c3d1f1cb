"""The web report of the Planungsdossier in Debian's Chromium, with the real statistics."""

from urllib.parse import urlparse

import pytest

from tests.browser.test_smoke import Watch, _axe_violations, browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dossier_web_report_draws_its_charts_and_passes_axe(
    browser,  # noqa: F811
    live_server,
    demo_statistik,
):
    problems = []
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
        page = context.new_page()
        watch = Watch(page, urlparse(live_server.url).netloc)
        page.goto(live_server.url + "/dossier/2023/", wait_until="networkidle")
        page.wait_for_selector("#kapitel-infrastruktur-sozialer-angebote ~ * svg.main-svg")
        assert page.locator(".diagramm-flaeche svg.main-svg").count() >= 5
        page.get_by_role("link", name="5. Bildung").first.click()
        assert page.evaluate("location.hash") == "#kapitel-bildung"
        problems += [f"{width}px: {v}" for v in _axe_violations(page)]
        problems += [f"{width}px: console {e}" for e in watch.errors]
        problems += [f"{width}px: foreign {u}" for u in watch.foreign]
        context.close()
    assert problems == []
