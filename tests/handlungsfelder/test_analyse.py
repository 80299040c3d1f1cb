"""Staff write the Strategische Analyse; two people editing at once lose nothing."""

import pytest
from django.urls import reverse

from handlungsfelder.models import StrategischeAnalyse
from tests.handlungsfelder.factories import HandlungsfeldFactory, IndikatorFactory
from tests.sozialplanung.factories import PlanungsjahrFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feld():
    return HandlungsfeldFactory(slug="armut", name="Armut")


@pytest.fixture
def url(feld):
    PlanungsjahrFactory(jahr=2024)
    return reverse("handlungsfelder:analyse", kwargs={"slug": "armut", "jahr": 2024})


def test_staff_write_the_analysis_and_choose_indicators(client, sozialplanung_user, feld, url):
    indikator = IndikatorFactory(name="SGB-II-Quote")
    indikator.handlungsfelder.add(feld)
    client.force_login(sozialplanung_user)

    form = client.get(url).content.decode()
    assert "SGB-II-Quote" in form
    response = client.post(
        url, {"text": "Armut nimmt zu.", "indikatoren": [indikator.pk], "version": 0}
    )
    assert response.status_code == 302
    analyse = StrategischeAnalyse.objects.get()
    assert analyse.text == "Armut nimmt zu."
    assert list(analyse.indikatoren.all()) == [indikator]
    assert analyse.geaendert_von == sozialplanung_user
    assert "Armut nimmt zu." in client.get(feld.get_absolute_url()).content.decode()


def test_second_save_from_the_same_version_does_not_overwrite(
    client, sozialplanung_user, feld, url
):
    kollegin = UserFactory(username="kollegin", first_name="Karla", last_name="Kollegin")
    kollegin.groups.add(*sozialplanung_user.groups.all())

    client.force_login(kollegin)
    client.post(url, {"text": "Fassung von Karla", "version": 0})

    client.force_login(sozialplanung_user)
    response = client.post(url, {"text": "Meine Fassung", "version": 0})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Karla Kollegin hat diesen Text am" in html
    assert "Fassung von Karla" in html  # the newer stand, shown beside the form
    assert "Meine Fassung" in html  # what was typed is not lost
    assert StrategischeAnalyse.objects.get().text == "Fassung von Karla"

    # Saving again from the stand now shown replaces it knowingly.
    client.post(
        url, {"text": "Zusammengeführt", "version": response.context["form"]["version"].value()}
    )
    assert StrategischeAnalyse.objects.get().text == "Zusammengeführt"


def test_dashboard_counts_written_analyses(client, sozialplanung_user, feld, url):
    client.force_login(sozialplanung_user)
    client.post(url, {"text": "Text", "version": 0})
    html = client.get(reverse("start")).content.decode()
    assert "<strong>1</strong> Analysen geschrieben" in html


def test_public_sees_the_analysis_only_after_the_analysis_phase(client, feld, url):
    jahr = PlanungsjahrFactory(jahr=2024)
    StrategischeAnalyse.objects.create(handlungsfeld=feld, planungsjahr=jahr, text="Vorläufig")
    assert "Vorläufig" not in client.get(feld.get_absolute_url()).content.decode()
    jahr.phase = 2
    jahr.save()
    assert "Vorläufig" in client.get(feld.get_absolute_url()).content.decode()


def test_no_analysis_for_a_handlungsfeld_not_valid_in_the_year(client, sozialplanung_user):
    HandlungsfeldFactory(slug="gesundheit", gueltig_von=2017, gueltig_bis=2023)
    PlanungsjahrFactory(jahr=2024)
    client.force_login(sozialplanung_user)
    url = reverse("handlungsfelder:analyse", kwargs={"slug": "gesundheit", "jahr": 2024})
    assert client.get(url).status_code == 404


def test_a_decided_years_analysis_is_closed(client, sozialplanung_user, feld):
    PlanungsjahrFactory(jahr=2019, phase=5)
    client.force_login(sozialplanung_user)
    url = reverse("handlungsfelder:analyse", kwargs={"slug": "armut", "jahr": 2019})
    response = client.post(url, {"text": "Nachträglich", "version": 0}, follow=True)
    assert "Strategische Analyse ist abgeschlossen" in response.content.decode()
    assert not StrategischeAnalyse.objects.exists()
