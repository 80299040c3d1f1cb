"""A member logs in and scores on a phone (390×844) with the keyboard only; axe finds nothing."""

from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from steuerungsgruppe import services
from steuerungsgruppe.models import Einschaetzung, Runde
from tests.browser.tastatur import tab_bis
from tests.browser.test_smoke import Watch, _axe_violations, browser  # noqa: F401
from tests.sozialplanung.factories import PASSWORT, UserFactory
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Points per criterion, reached by arrow keys from 0.
WUNSCH = [5, 4, 0, 3, 2, 1, 5, 4, 3, 2, 1, 0, 4]


def test_member_scores_with_the_keyboard_only_on_a_phone(browser, live_server):  # noqa: F811
    runde = RundeFactory(status=Runde.Status.OFFEN, handlungsempfehlung__titel="Ämterlotsen")
    mitglied = MitgliedFactory(user__username="handy")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)

    page.goto(live_server.url + "/accounts/login/?next=/steuerungsgruppe/einschaetzen/")
    tab_bis(page, "input[name=username]")
    page.keyboard.type("handy")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORT)
    page.keyboard.press("Enter")
    # The login URL ends in ?next=/steuerungsgruppe/einschaetzen/ too: wait for the list.
    page.wait_for_url(lambda url: urlparse(url).path == "/steuerungsgruppe/einschaetzen/")
    page.wait_for_load_state("networkidle")
    assert _axe_violations(page) == []

    # From the list to the form: tab to the round's link and follow it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Ämterlotsen":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/runden/{runde.pk}/einschaetzung/")
    page.wait_for_load_state("networkidle")
    assert _axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    for nr, punkte in enumerate(WUNSCH):
        if nr:
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        if punkte == 0:
            page.keyboard.press("Space")
        for _ in range(punkte):
            page.keyboard.press("ArrowRight")
        if nr == 0:
            # The focused choice is visibly marked: the yellow outline of the portal.
            label = page.locator("input.btn-check:focus-visible + label")
            expect(label).to_have_count(1)
            assert label.evaluate("el => getComputedStyle(el).outlineWidth") == "3px"
    page.keyboard.press("Tab")  # Enthaltung
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Tab")  # Anmerkung
    page.keyboard.type("Gut für alle Ratsuchenden")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/steuerungsgruppe/einschaetzen/")
    page.wait_for_load_state("networkidle")

    einschaetzung = Einschaetzung.objects.get(mitglied=mitglied)
    assert sorted(einschaetzung.punkte.values()) == sorted(WUNSCH)
    assert einschaetzung.summe == sum(WUNSCH)
    assert einschaetzung.anmerkung == "Gut für alle Ratsuchenden"
    assert "ist gespeichert" in page.content()
    assert _axe_violations(page) == []
    assert watch.errors == []
    assert watch.foreign == []
    context.close()


def test_moderator_view_counts_new_entries_without_a_reload(browser, live_server):  # noqa: F811
    runde = RundeFactory(status=Runde.Status.OFFEN)
    staff = UserFactory(username="moderatorin")
    staff.groups.add(Group.objects.get_or_create(name="Sozialplanung")[0])
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    watch = Watch(page, urlparse(live_server.url).netloc)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", "moderatorin")
    page.fill("input[name=password]", PASSWORT)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")
    page.goto(f"{live_server.url}/steuerungsgruppe/sitzungen/{runde.sitzung_id}/moderation/")
    zahl = page.locator(".stand-live .stand-zahl")
    expect(zahl).to_have_text("0")
    assert _axe_violations(page) == []

    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    for _ in range(2):
        services.einschaetzung_submit(
            runde=runde,
            mitglied=MitgliedFactory(),
            punkte={k.pk: 3 for k in schema.kriterien.all()},
        )
    expect(zahl).to_have_text("2", timeout=8000)  # htmx polls every 3 s
    assert page.locator(".stand-live[aria-live], .stand-live [aria-live]").count() == 1
    assert watch.errors == []
    assert watch.foreign == []
    context.close()
