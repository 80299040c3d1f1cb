"""The Content-Security-Policy holds in Chromium on every page that draws charts.

The policy allows scripts from the portal's own files only. A page that needed an
inline script, an on*-handler or eval would show a violation in the console here.
"""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import Indikator
from steuerungsgruppe.models import Sitzung
from tests.browser.test_smoke import Watch, anmelden, browser  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any page script runs; the browser reports every blocked resource here.
MELDER = """
window.__cspVerstoesse = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__cspVerstoesse.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


def _seiten_mit_diagrammen() -> list[tuple[str, str]]:
    mit_wirkung = Handlungsempfehlung.objects.filter(wirkungsziele__isnull=False).first()
    return [
        (reverse("handlungsfelder:detail", kwargs={"slug": "bildung"}), ".main-svg"),
        (
            reverse("handlungsfelder:indikator", kwargs={"pk": Indikator.objects.first().pk}),
            ".main-svg",
        ),
        (reverse("steuerungsgruppe:portfolio", kwargs={"jahr": 2023}), ".main-svg"),
        (mit_wirkung.get_absolute_url(), ".main-svg"),
        (reverse("dossier:detail", kwargs={"jahr": 2023}), ".main-svg"),
        # htmx polls the live score here every three seconds.
        (
            reverse("steuerungsgruppe:moderation", kwargs={"pk": Sitzung.objects.first().pk}),
            ".stand-live",
        ),
        (reverse("admin:index"), "#content"),
    ]


def test_pages_with_charts_and_htmx_break_no_content_security_policy(
    browser,  # noqa: F811
    live_server,
    demo_statistik,
):
    host = urlparse(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.add_init_script(MELDER)
    page = context.new_page()
    watch = Watch(page, host)
    anmelden(page, live_server)

    problems = []
    for pfad, zeichen in _seiten_mit_diagrammen():
        antwort = page.goto(live_server.url + pfad, wait_until="networkidle")
        policy = antwort.headers.get("content-security-policy", "")
        direktiven = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert direktiven.get("script-src") == "'self'", pfad
        page.wait_for_selector(zeichen)
        if "moderation" in pfad:
            # Wait for one htmx refresh, so that its swap runs under the policy too.
            with page.expect_response(lambda r: "/moderation/stand/" in r.url):
                pass
        problems += [f"{pfad}: {v}" for v in page.evaluate("window.__cspVerstoesse")]
    context.close()
    assert problems == []
    assert watch.errors == []
    assert watch.foreign == []
