"""Steuerungsgruppe pages: public protocol and results, meeting mode, circulation, votes."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import Planungsjahr
from steuerungsgruppe import services
from steuerungsgruppe.models import Einschaetzung, Runde, Sitzung, Zielvorschlag
from tests.empfehlungen.factories import HandlungsempfehlungFactory
from tests.sozialplanung.factories import PlanungsjahrFactory
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

pytestmark = pytest.mark.django_db


def test_zielvorschlaege_table_shows_votes_and_remarks(client, demo_data):
    html = client.get(reverse("steuerungsgruppe:index")).content.decode()
    assert "Sozialpolitische Zielvorschläge 2023" in html
    assert "Fachkräftegewinnung und -bindung nachhaltig betreiben" in html
    assert "Es ist ein Muss!" in html
    assert "ab 52 Punkten" in html


def test_dossier_index_lists_what_was_taken_in(client, demo_data):
    response = client.get(reverse("dossier:index"))
    html = response.content.decode()
    assert "Sozialplanung Fokus 2023" in html
    assert "Sprachstandserhebung von Kindern in Kindertageseinrichtungen" in html
    # Weniger steuerungsrelevant: not taken into the dossier.
    assert "ÖPNV-Fahrtkosten" not in html
    # 2024 has not reached the dossier phase yet.
    assert "Sozialplanung Fokus 2024" not in html


@pytest.mark.parametrize("url_name", ["steuerungsgruppe:index", "dossier:index"])
def test_query_counts_stay_flat_across_years(demo_data, abfragen, url_name):
    vorher = abfragen(reverse(url_name), hoechstens=20)
    for jahr in range(2000, 2010):
        planungsjahr = PlanungsjahrFactory(jahr=jahr, phase=5)
        HandlungsempfehlungFactory(
            planungsjahr=planungsjahr, im_dossier=True, steuerungsrelevanz="hoch"
        )
        Zielvorschlag.objects.create(planungsjahr=planungsjahr, titel="Ziel", stimmen_zu=3)
    assert Planungsjahr.objects.count() == 18
    assert abfragen(reverse(url_name), hoechstens=20) == vorher


# --- Meeting mode, protocol, portfolio ---------------------------------------------------


def _post_punkte(runde, je: int, **extra) -> dict:
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    return {f"kriterium_{k.pk}": je for k in schema.kriterien.all()} | extra


def test_member_scores_on_the_form_and_can_change_it(client):
    runde = RundeFactory()
    mitglied = MitgliedFactory()
    client.force_login(mitglied.user)
    url = reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk})
    html = client.get(url).content.decode()
    assert html.count("<fieldset") == 13
    assert html.count('type="radio"') == 13 * 6
    response = client.post(url, _post_punkte(runde, 3, anmerkung="Wichtig"))
    assert response.status_code == 302
    response = client.post(url, _post_punkte(runde, 4))
    assert Einschaetzung.objects.get().summe == 52
    html = client.get(url).content.decode()
    assert html.count("checked") == 13


def test_missing_points_name_the_criterion(client):
    runde = RundeFactory()
    client.force_login(MitgliedFactory().user)
    daten = _post_punkte(runde, 3)
    daten.pop(next(iter(daten)))
    response = client.post(
        reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk}), daten
    )
    assert response.status_code == 400
    assert (
        "Bitte vergeben Sie Punkte für „Bedeutung für die Zielgruppe“."
        in response.content.decode()
    )
    assert not Einschaetzung.objects.exists()


def test_points_above_the_maximum_are_refused_by_the_server(client):
    runde = RundeFactory()
    client.force_login(MitgliedFactory().user)
    response = client.post(
        reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk}), _post_punkte(runde, 6)
    )
    assert response.status_code == 400
    assert not Einschaetzung.objects.exists()


def test_closed_round_refuses_a_late_entry_with_a_clear_message(client):
    runde = RundeFactory(status=Runde.Status.GESCHLOSSEN)
    client.force_login(MitgliedFactory().user)
    response = client.post(
        reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk}), _post_punkte(runde, 3)
    )
    assert response.status_code == 409
    assert "ist geschlossen. Ihre Einschätzung konnte nicht mehr gespeichert werden" in (
        response.content.decode()
    )
    assert not Einschaetzung.objects.exists()


def test_user_with_the_role_but_no_membership_gets_403(client, steuerungsgruppe_user):
    runde = RundeFactory()
    client.force_login(steuerungsgruppe_user)
    url = reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, _post_punkte(runde, 3)).status_code == 403
    assert client.get(reverse("steuerungsgruppe:mitwirken")).status_code == 403
    assert not Einschaetzung.objects.exists()


def test_staff_cannot_score_as_a_member_but_transfer_paper_forms(client, sozialplanung_user):
    runde = RundeFactory()
    mitglied = MitgliedFactory()
    client.force_login(sozialplanung_user)
    assert (
        client.post(
            reverse("steuerungsgruppe:einschaetzung", kwargs={"pk": runde.pk}),
            _post_punkte(runde, 3),
        ).status_code
        == 403
    )
    response = client.post(
        reverse("steuerungsgruppe:papierbogen", kwargs={"pk": runde.pk}),
        _post_punkte(runde, 2, mitglied=mitglied.pk),
    )
    assert response.status_code == 302
    einschaetzung = Einschaetzung.objects.get()
    assert einschaetzung.vom_papierbogen and einschaetzung.erfasst_von == sozialplanung_user


def test_moderator_sees_only_the_count_never_names_or_points(client, sozialplanung_user):
    runde = RundeFactory()
    mitglied = MitgliedFactory(user__first_name="Hannelore", user__last_name="Geheim")
    services.einschaetzung_submit(
        runde=runde,
        mitglied=mitglied,
        punkte={int(k[10:]): v for k, v in _post_punkte(runde, 4).items()},
        anmerkung="Vertraulich",
    )
    client.force_login(sozialplanung_user)
    for name in ("moderation", "moderation_stand"):
        html = client.get(
            reverse(f"steuerungsgruppe:{name}", kwargs={"pk": runde.sitzung_id})
        ).content.decode()
        assert '<span class="stand-zahl">1</span>' in html
        assert "Geheim" not in html and "Hannelore" not in html
        # Neither the total nor a mean while the round is open (the random CSRF tokens
        # are taken out first: they may contain any digits).
        sichtbar = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
        assert not re.search(r"\b52\b", sichtbar)
    html = client.get(
        reverse("steuerungsgruppe:moderation", kwargs={"pk": runde.sitzung_id})
    ).content.decode()
    assert 'hx-trigger="every 3s"' in html
    assert "vendor/htmx/htmx.min.js" in html


def test_moderator_opens_and_closes_rounds_and_sees_the_result(client, sozialplanung_user):
    runde = RundeFactory(status=Runde.Status.VORBEREITET)
    client.force_login(sozialplanung_user)
    client.post(reverse("steuerungsgruppe:runde_oeffnen", kwargs={"pk": runde.pk}))
    runde.refresh_from_db()
    assert runde.status == Runde.Status.OFFEN
    for je in (5, 4):
        services.einschaetzung_submit(
            runde=runde,
            mitglied=MitgliedFactory(),
            punkte={int(k[10:]): v for k, v in _post_punkte(runde, je).items()},
        )
    response = client.post(
        reverse("steuerungsgruppe:runde_schliessen", kwargs={"pk": runde.pk}), follow=True
    )
    html = response.content.decode()
    assert "ist geschlossen" in html
    assert "58,50" in html  # (65 + 52) / 2
    assert "in hohem Maße steuerungsrelevant" in html


def test_protocol_shows_agenda_table_sentence_remarks_and_next_meeting(client, demo_data):
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    html = client.get(
        reverse("steuerungsgruppe:protokoll", kwargs={"pk": sitzung.pk})
    ).content.decode()
    assert "Protokoll der Steuerungsgruppe Sozialplanung am 12.05.2023 im Kreishaus" in html
    assert "Fachkräftegewinnung und -bindung nachhaltig betreiben" in html
    assert (
        "Die Handlungsempfehlung „Sprachstandserhebung von Kindern in Kindertageseinrichtungen“ "
        "wird als in hohem Maße steuerungsrelevant eingeschätzt und in das Planungsdossier "
        "„Sozialplanung Fokus 2023“ aufgenommen."
    ) in html
    assert (
        "wird als weniger steuerungsrelevant eingeschätzt und nicht in das Planungsdossier" in html
    )
    assert "Rechtsform Kreis + Kommune wird gebraucht" in html
    assert "Sachstand Evaluation" in html
    assert "24.11.2023 um 13:00 Uhr" in html
    assert "Demo)" not in html  # no member names in the protocol


def test_protocol_pdf_is_public_and_carries_the_result_sentences(client, demo_data):
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    response = client.get(f"/steuerungsgruppe/sitzungen/{sitzung.pk}/protokoll.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        (page.extract_text() or "") for page in PdfReader(io.BytesIO(response.content)).pages
    )
    text = " ".join(text.split())
    assert "Protokoll der Steuerungsgruppe Sozialplanung" in text
    assert "in das Planungsdossier „Sozialplanung Fokus 2023“ aufgenommen" in text
    assert "Kritische Soziale Infrastruktur absichern" in text


def test_index_lists_sitzungen_with_protocol_links(client, demo_data):
    html = client.get(reverse("steuerungsgruppe:index")).content.decode()
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    assert reverse("steuerungsgruppe:protokoll", kwargs={"pk": sitzung.pk}) in html
    assert f"/steuerungsgruppe/sitzungen/{sitzung.pk}/protokoll.pdf" in html
    assert "Protokoll vom 12.05.2023" in html


def test_public_detail_shows_the_result_sentence(client, demo_data):
    empfehlung = Handlungsempfehlung.objects.get(titel__startswith="Ämterlotsinnen")
    html = client.get(empfehlung.get_absolute_url()).content.decode()
    assert (
        "Die Handlungsempfehlung „Ämterlotsinnen/Ämterlotsen“ wird als steuerungsrelevant "
        "eingeschätzt und in das Planungsdossier „Sozialplanung Fokus 2023“ aufgenommen."
    ) in html


def test_results_page_shows_statistics_but_no_single_points(client, demo_data):
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    html = client.get(
        reverse("steuerungsgruppe:ergebnisse", kwargs={"pk": sitzung.pk})
    ).content.decode()
    assert "56,00" in html  # Sprachstandserhebung: mean of the 15 totals
    assert "Mittelwert" in html and "Median" in html
    assert "Demo)" not in html


def test_portfolio_places_recommendations_on_the_two_axes(client, demo_data):
    html = client.get(
        reverse("steuerungsgruppe:portfolio", kwargs={"jahr": 2023})
    ).content.decode()
    assert "Bedeutung für die Zielgruppe" in html and "Strategische Größe" in html
    assert "vendor/plotly/plotly.min.js" in html
    assert html.count('<th scope="row"') == 6  # the table beside the chart
    assert "<script>" not in html  # data only in application/json blocks


def test_umlauf_page_opens_written_scoring(client, sozialplanung_user, demo_data):
    client.force_login(sozialplanung_user)
    empfehlung = Handlungsempfehlung.objects.get(titel__startswith="Ausweitung des Modellprojekts")
    Runde.objects.filter(handlungsempfehlung=empfehlung).delete()
    frist = (timezone.localtime() + datetime.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("steuerungsgruppe:umlauf"),
        {"handlungsempfehlungen": [empfehlung.pk], "frist": frist},
    )
    assert response.status_code == 302
    runde = Runde.objects.get(handlungsempfehlung=empfehlung)
    assert runde.art == Runde.Art.UMLAUF and runde.ist_offen


def test_umlauf_form_names_the_missing_field(client, sozialplanung_user, demo_data):
    client.force_login(sozialplanung_user)
    response = client.post(reverse("steuerungsgruppe:umlauf"), {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens eine Handlungsempfehlung." in html
    assert "Bitte geben Sie eine Frist an." in html


def test_member_votes_on_zielvorschlaege(client):
    jahr = PlanungsjahrFactory(jahr=2034, phase=3)
    ziel = Zielvorschlag.objects.create(planungsjahr=jahr, titel="Ziel A", stimmen_zu=2)
    mitglied = MitgliedFactory()
    client.force_login(mitglied.user)
    url = reverse("steuerungsgruppe:zielvorschlaege_abstimmen", kwargs={"jahr": 2034})
    response = client.post(url, {f"stimme_{ziel.pk}": "passt_nicht", f"anmerkung_{ziel.pk}": "Hm"})
    assert response.status_code == 302
    html = client.get(reverse("steuerungsgruppe:index")).content.decode()
    assert "Ziel A" in html and "Hm" in html


def test_protocol_shows_the_fachkraefte_assessment_beside_the_groups(client, demo_data):
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    url = reverse("steuerungsgruppe:protokoll", kwargs={"pk": sitzung.pk})
    html = client.get(url).content.decode()
    # ÖPNV: the Fachkräfte gave 30 points, the group's mean is 33.
    assert "Einschätzung der Sozialplanungsfachkräfte: weniger steuerungsrelevant." in html


def test_members_find_their_scoring_page_on_the_steuerungsgruppe_page(client):
    mitglied = MitgliedFactory()
    client.force_login(mitglied.user)
    html = client.get(reverse("steuerungsgruppe:index")).content.decode()
    assert reverse("steuerungsgruppe:mitwirken") in html


@pytest.mark.parametrize(
    "pfad",
    [
        "/admin/steuerungsgruppe/sitzung/{sitzung}/change/",
        "/admin/steuerungsgruppe/bewertungsschema/{schema}/change/",
        "/admin/steuerungsgruppe/mitglied/",
        "/admin/steuerungsgruppe/sitzung/add/",
    ],
)
def test_admin_pages_of_the_steuerungsgruppe_open(client, admin_user, demo_data, pfad):
    from steuerungsgruppe.models import Bewertungsschema

    client.force_login(admin_user)
    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    schema = Bewertungsschema.objects.get(planungsjahr=sitzung.planungsjahr)
    response = client.get(pfad.format(sitzung=sitzung.pk, schema=schema.pk))
    assert response.status_code == 200


def test_locked_scheme_is_read_only_in_the_admin(client, admin_user, demo_data):
    from steuerungsgruppe.models import Bewertungsschema

    client.force_login(admin_user)
    schema = Bewertungsschema.objects.get(planungsjahr__jahr=2023)
    assert schema.ist_gesperrt
    html = client.get(f"/admin/steuerungsgruppe/bewertungsschema/{schema.pk}/change/").content
    assert b'name="schwelle_hoch"' not in html
    assert b'name="kriterien-0-maximum"' not in html
