"""A closed round's assessments and result stay as they are: service, admin and model."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from empfehlungen.models import Steuerungsrelevanz
from steuerungsgruppe import services
from steuerungsgruppe.models import (
    Einschaetzung,
    FachkraefteEinschaetzung,
    Runde,
    RundeGeschlossen,
)
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

pytestmark = pytest.mark.django_db

MELDUNG = "ist geschlossen. Ihre Einschätzungen und ihr Ergebnis können nicht mehr geändert"


def _punkte(runde, je: int) -> dict[int, int]:
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    return {k.pk: je for k in schema.kriterien.all()}


@pytest.fixture
def geschlossen(sozialplanung_user):
    """A round scored by one member and by the Fachkräfte, then closed."""
    runde = RundeFactory(handlungsempfehlung__titel="Sprachstandserhebung")
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=_punkte(runde, 4)
    )
    services.fachkraefte_einschaetzung_save(
        runde=runde, punkte=_punkte(runde, 3), user=sozialplanung_user
    )
    services.runde_close(runde=runde)
    runde.refresh_from_db()
    return runde


def test_model_refuses_to_change_or_delete_an_assessment_of_a_closed_round(geschlossen):
    einschaetzung = Einschaetzung.objects.get(runde=geschlossen)
    einschaetzung.summe = 65
    with pytest.raises(RundeGeschlossen, match="„Sprachstandserhebung“ " + MELDUNG):
        einschaetzung.save()
    with pytest.raises(RundeGeschlossen):
        einschaetzung.delete()
    einschaetzung.refresh_from_db()
    assert einschaetzung.summe == 52


def test_model_refuses_new_entries_fachkraefte_and_reopening_of_a_closed_round(geschlossen):
    with pytest.raises(RundeGeschlossen):
        Einschaetzung.objects.create(
            runde=geschlossen,
            handlungsempfehlung=geschlossen.handlungsempfehlung,
            mitglied=MitgliedFactory(),
            punkte={},
            summe=10,
        )
    fachkraefte = FachkraefteEinschaetzung.objects.get(runde=geschlossen)
    fachkraefte.summe = 10
    with pytest.raises(RundeGeschlossen):
        fachkraefte.save()
    geschlossen.status = Runde.Status.OFFEN
    with pytest.raises(RundeGeschlossen):
        geschlossen.save()
    with pytest.raises(RundeGeschlossen):
        geschlossen.delete()
    assert Runde.objects.get(pk=geschlossen.pk).status == Runde.Status.GESCHLOSSEN
    assert Einschaetzung.objects.filter(runde=geschlossen).count() == 1


def test_fachkraefte_page_refuses_a_closed_round_with_a_clear_message(
    client, sozialplanung_user, geschlossen
):
    client.force_login(sozialplanung_user)
    daten = {f"kriterium_{k}": 5 for k in _punkte(geschlossen, 5)}
    antwort = client.post(
        reverse("steuerungsgruppe:fachkraefte", kwargs={"pk": geschlossen.pk}), daten
    )
    assert antwort.status_code == 409
    assert MELDUNG in antwort.content.decode()
    assert FachkraefteEinschaetzung.objects.get(runde=geschlossen).summe == 39


def test_paper_form_for_a_closed_round_is_refused(client, sozialplanung_user, geschlossen):
    client.force_login(sozialplanung_user)
    daten = {f"kriterium_{k}": 1 for k in _punkte(geschlossen, 1)}
    daten["mitglied"] = MitgliedFactory().pk
    antwort = client.post(
        reverse("steuerungsgruppe:papierbogen", kwargs={"pk": geschlossen.pk}), daten
    )
    assert antwort.status_code == 409
    assert "ist geschlossen" in antwort.content.decode()
    assert Einschaetzung.objects.filter(runde=geschlossen).count() == 1


class _Formular(HTMLParser):
    """The values a browser would send for the page's main form, as the user left it."""

    def __init__(self):
        super().__init__()
        self.daten: dict[str, list[str]] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.daten.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            self.daten.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.daten[self._select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.daten[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.daten[self._textarea][0] += data.lstrip("\n")


def _formular(html: str) -> dict[str, list[str]]:
    parser = _Formular()
    parser.feed(html)
    return parser.daten


def test_admin_refuses_to_change_or_delete_a_closed_round(client, admin_user, geschlossen):
    client.force_login(admin_user)
    url = f"/admin/steuerungsgruppe/sitzung/{geschlossen.sitzung_id}/change/"
    daten = _formular(client.get(url).content.decode())
    feld = "runden-0-reihenfolge"
    assert daten["runden-0-id"] == [str(geschlossen.pk)]
    daten[feld] = ["9"]
    antwort = client.post(url, daten)
    assert antwort.status_code == 200  # the form again, not a redirect
    assert "„Sprachstandserhebung“ " + MELDUNG in antwort.content.decode()
    assert Runde.objects.get(pk=geschlossen.pk).reihenfolge == 0

    daten[feld] = ["0"]
    daten[feld.replace("reihenfolge", "DELETE")] = ["on"]
    antwort = client.post(url, daten)
    assert MELDUNG in antwort.content.decode()
    assert Runde.objects.filter(pk=geschlossen.pk).exists()


def test_admin_shows_the_result_of_a_closed_round_read_only(client, admin_user, geschlossen):
    client.force_login(admin_user)
    empfehlung = geschlossen.handlungsempfehlung
    url = f"/admin/empfehlungen/handlungsempfehlung/{empfehlung.pk}/change/"
    html = client.get(url).content.decode()
    assert 'name="steuerungsrelevanz"' not in html and 'name="im_dossier"' not in html
    assert "Steuerungsrelevanz und Aufnahme in das Planungsdossier sind ihr Ergebnis" in html

    daten = _formular(html)
    daten["steuerungsrelevanz"] = [Steuerungsrelevanz.WENIGER]
    client.post(url, daten)
    empfehlung.refresh_from_db()
    assert empfehlung.steuerungsrelevanz == Steuerungsrelevanz.HOCH  # 52 points
    assert empfehlung.im_dossier


def test_admin_still_edits_the_result_fields_before_any_round_is_closed(client, admin_user):
    offen = RundeFactory()
    client.force_login(admin_user)
    url = f"/admin/empfehlungen/handlungsempfehlung/{offen.handlungsempfehlung_id}/change/"
    html = client.get(url).content.decode()
    assert 'name="steuerungsrelevanz"' in html and 'name="im_dossier"' in html
