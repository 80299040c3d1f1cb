"""Writes of the Steuerungsgruppe: assessments, rounds, circulation, the scheme, votes."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import Phase
from steuerungsgruppe import services
from steuerungsgruppe.models import (
    Bewertungskriterium,
    Einschaetzung,
    Runde,
    Zielvorschlag,
    Zielvorschlagsstimme,
)
from steuerungsgruppe.selectors import sitzung_ergebnisse, zielvorschlaege_ergebnis
from tests.sozialplanung.factories import PlanungsjahrFactory, UserFactory
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

pytestmark = pytest.mark.django_db


def punkte_fuer(runde, je_kriterium: int) -> dict[int, int]:
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    return {k.pk: je_kriterium for k in schema.kriterien.all()}


def test_new_year_gets_the_default_scheme_of_13_criteria_with_65_points():
    schema = services.bewertungsschema_ensure(planungsjahr=PlanungsjahrFactory(jahr=2031))
    kriterien = list(schema.kriterien.all())
    assert len(kriterien) == 13
    assert schema.maximum == 65
    assert (schema.schwelle_relevant, schema.schwelle_hoch) == (40, 52)
    assert kriterien[0].name == "Bedeutung für die Zielgruppe"
    assert kriterien[0].portfolio_achse == "zielgruppe"
    assert kriterien[1].portfolio_achse == "strategie"


def test_scheme_is_editable_until_the_first_assessment_and_locked_after():
    runde = RundeFactory()
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    kriterium = schema.kriterien.first()
    kriterium.maximum = 4
    kriterium.full_clean()
    kriterium.save()
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 3)
    )
    assert schema.ist_gesperrt
    kriterium.maximum = 5
    with pytest.raises(ValidationError, match="gesperrt"):
        kriterium.full_clean()
    schema.schwelle_hoch = 50
    with pytest.raises(ValidationError, match="gesperrt"):
        schema.full_clean()
    with pytest.raises(ValidationError, match="gesperrt"):
        Bewertungskriterium(schema=schema, name="Neu", maximum=5).full_clean()


def test_member_submits_and_may_change_until_the_round_closes():
    runde = RundeFactory()
    mitglied = MitgliedFactory()
    services.einschaetzung_submit(runde=runde, mitglied=mitglied, punkte=punkte_fuer(runde, 3))
    services.einschaetzung_submit(
        runde=runde, mitglied=mitglied, punkte=punkte_fuer(runde, 4), anmerkung=" Gut. "
    )
    einschaetzung = Einschaetzung.objects.get()
    assert einschaetzung.summe == 52
    assert einschaetzung.anmerkung == "Gut."
    ergebnis = services.runde_close(runde=runde)
    assert ergebnis.kategorie == "hoch"
    with pytest.raises(ValidationError) as fehler:
        services.einschaetzung_submit(runde=runde, mitglied=mitglied, punkte=punkte_fuer(runde, 1))
    assert fehler.value.code == "geschlossen"
    assert "ist geschlossen" in fehler.value.messages[0]
    assert Einschaetzung.objects.get().summe == 52


def test_round_not_yet_opened_refuses_entries():
    runde = RundeFactory(status=Runde.Status.VORBEREITET)
    with pytest.raises(ValidationError):
        services.einschaetzung_submit(
            runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 3)
        )


@pytest.mark.parametrize("falsch", [6, -1, "x", None])
def test_points_outside_0_to_max_are_refused_naming_the_criterion(falsch):
    runde = RundeFactory()
    punkte = punkte_fuer(runde, 3)
    erstes = next(iter(punkte))
    punkte[erstes] = falsch
    with pytest.raises(ValidationError) as fehler:
        services.einschaetzung_submit(runde=runde, mitglied=MitgliedFactory(), punkte=punkte)
    assert "Bedeutung für die Zielgruppe" in fehler.value.messages[0]
    assert not Einschaetzung.objects.exists()


def test_points_for_an_unknown_criterion_are_refused():
    runde = RundeFactory()
    punkte = punkte_fuer(runde, 3) | {999999: 2}
    with pytest.raises(ValidationError):
        services.einschaetzung_submit(runde=runde, mitglied=MitgliedFactory(), punkte=punkte)


def test_one_assessment_per_member_and_recommendation_is_a_database_constraint():
    runde = RundeFactory()
    mitglied = MitgliedFactory()
    services.einschaetzung_submit(runde=runde, mitglied=mitglied, punkte=punkte_fuer(runde, 3))
    with pytest.raises(IntegrityError), transaction.atomic():
        Einschaetzung.objects.create(
            runde=runde,
            handlungsempfehlung=runde.handlungsempfehlung,
            mitglied=mitglied,
            summe=10,
        )


def test_abstention_is_stored_without_points_and_not_counted():
    runde = RundeFactory()
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte={}, enthaltung=True
    )
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 3)
    )
    ergebnis = services.runde_close(runde=runde)
    assert (ergebnis.n, ergebnis.enthaltungen, ergebnis.mittelwert) == (1, 1, 39)
    assert ergebnis.kategorie == "weniger"


def test_former_member_cannot_submit():
    runde = RundeFactory()
    ehemalig = MitgliedFactory(
        mitglied_von=datetime.date(2015, 1, 1), mitglied_bis=datetime.date(2019, 12, 31)
    )
    with pytest.raises(PermissionDenied):
        services.einschaetzung_submit(runde=runde, mitglied=ehemalig, punkte=punkte_fuer(runde, 3))


def test_paper_form_is_marked_and_records_the_staff_user():
    runde = RundeFactory()
    planerin = UserFactory(username="planerin")
    einschaetzung = services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 2), erfasst_von=planerin
    )
    assert einschaetzung.vom_papierbogen
    assert einschaetzung.erfasst_von == planerin
    with pytest.raises(IntegrityError), transaction.atomic():
        Einschaetzung.objects.filter(pk=einschaetzung.pk).update(erfasst_von=None)


def test_closing_a_round_writes_category_and_dossier_back_to_the_recommendation():
    runde = RundeFactory()
    for je in (4, 4, 3):
        services.einschaetzung_submit(
            runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, je)
        )
    services.runde_close(runde=runde)
    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    # (52 + 52 + 39) / 3 = 47.67
    assert (empfehlung.steuerungsrelevanz, empfehlung.im_dossier) == ("relevant", True)


def test_weniger_relevant_is_not_taken_into_the_dossier():
    runde = RundeFactory(handlungsempfehlung__im_dossier=False)
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 1)
    )
    services.runde_close(runde=runde)
    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    assert (empfehlung.steuerungsrelevanz, empfehlung.im_dossier) == ("weniger", False)
    empfehlung.full_clean()


def test_only_one_round_of_a_sitzung_is_open_at_a_time():
    offen = RundeFactory()
    zweite = RundeFactory(sitzung=offen.sitzung, status=Runde.Status.VORBEREITET)
    with pytest.raises(ValidationError, match="zuerst die offene Runde"):
        services.runde_open(runde=zweite)
    services.runde_close(runde=offen)
    assert services.runde_open(runde=zweite).status == Runde.Status.OFFEN


def test_umlauf_refuses_entries_after_the_deadline_and_computes_the_result():
    runde = RundeFactory(status=Runde.Status.VORBEREITET)
    (umlauf,) = services.umlauf_open(
        handlungsempfehlungen=[runde.handlungsempfehlung],
        frist=timezone.now() + datetime.timedelta(days=7),
    )
    assert umlauf.pk == runde.pk and umlauf.art == Runde.Art.UMLAUF
    mitglied = MitgliedFactory()
    services.einschaetzung_submit(runde=umlauf, mitglied=mitglied, punkte=punkte_fuer(runde, 5))
    assert services.umlauf_close_due() == []

    Runde.objects.filter(pk=runde.pk).update(frist=timezone.now() - datetime.timedelta(minutes=1))
    umlauf.refresh_from_db()
    with pytest.raises(ValidationError):
        services.einschaetzung_submit(
            runde=umlauf, mitglied=MitgliedFactory(), punkte=punkte_fuer(runde, 0)
        )
    ausgabe = io.StringIO()
    call_command("umlauf_abschliessen", stdout=ausgabe)
    assert "1 Umlaufverfahren abgeschlossen" in ausgabe.getvalue()
    umlauf.refresh_from_db()
    assert umlauf.status == Runde.Status.GESCHLOSSEN
    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    assert (empfehlung.steuerungsrelevanz, empfehlung.im_dossier) == ("hoch", True)


def test_umlauf_needs_a_future_deadline_and_an_unfinished_recommendation():
    runde = RundeFactory(status=Runde.Status.GESCHLOSSEN)
    with pytest.raises(ValidationError, match="Zukunft"):
        services.umlauf_open(
            handlungsempfehlungen=[runde.handlungsempfehlung], frist=timezone.now()
        )
    with pytest.raises(ValidationError, match="bereits abschließend"):
        services.umlauf_open(
            handlungsempfehlungen=[runde.handlungsempfehlung],
            frist=timezone.now() + datetime.timedelta(days=1),
        )


def test_zielvorschlag_votes_add_to_the_paper_counts():
    jahr = PlanungsjahrFactory(jahr=2032, phase=Phase.BEWERTUNG)
    ziel = Zielvorschlag.objects.create(planungsjahr=jahr, titel="Ziel", stimmen_zu=3)
    services.zielvorschlag_vote(zielvorschlag=ziel, mitglied=MitgliedFactory(), stimme="zu")
    mitglied = MitgliedFactory()
    services.zielvorschlag_vote(zielvorschlag=ziel, mitglied=mitglied, stimme="zu")
    services.zielvorschlag_vote(
        zielvorschlag=ziel, mitglied=mitglied, stimme="passt_nicht", anmerkung="Zu vage"
    )
    assert Zielvorschlagsstimme.objects.count() == 2
    (zeile,) = zielvorschlaege_ergebnis([jahr.pk])[jahr.pk]
    assert (zeile.stimmen_zu, zeile.stimmen_passt_nicht) == (4, 1)
    assert zeile.anmerkungen == ["Zu vage"]


def test_zielvorschlag_voting_ends_with_the_planungsdossier_phase():
    jahr = PlanungsjahrFactory(jahr=2033, phase=Phase.PLANUNGSDOSSIER)
    ziel = Zielvorschlag.objects.create(planungsjahr=jahr, titel="Ziel")
    with pytest.raises(ValidationError, match="beendet"):
        services.zielvorschlag_vote(zielvorschlag=ziel, mitglied=MitgliedFactory(), stimme="zu")


def test_demo_sitzung_2023_reproduces_the_protocol_categories(demo_data):
    from steuerungsgruppe.models import Sitzung

    sitzung = Sitzung.objects.get(datum=datetime.date(2023, 5, 12))
    kategorien = {
        e.runde.handlungsempfehlung.titel: e.ergebnis.kategorie
        for e in sitzung_ergebnisse(sitzung)
    }
    assert kategorien == {
        "Sprachstandserhebung von Kindern in Kindertageseinrichtungen": "hoch",
        "Konzeptentwicklung Interkommunale Zusammenarbeit / Zweckverband Soziales": "hoch",
        "Bekenntnis der Kreispolitik zur Istanbul-Konvention": "relevant",
        "Mittelgewährung in Verbindung mit Gewaltschutzkonzepten": "relevant",
        "Ämterlotsinnen/Ämterlotsen": "relevant",
        "Übernahme der ÖPNV-Fahrtkosten für Auszubildende zur Pflegeassistenz": "weniger",
    }
    for titel, kategorie in kategorien.items():
        empfehlung = Handlungsempfehlung.objects.get(titel=titel)
        assert empfehlung.steuerungsrelevanz == kategorie
        assert empfehlung.im_dossier == (kategorie != "weniger")


def test_demo_data_loads_twice_without_duplicates(demo_data):
    anzahl = Einschaetzung.objects.count()
    call_command("load_demo_data", "--ohne-statistik", stdout=io.StringIO())
    assert Einschaetzung.objects.count() == anzahl == 6 * 15
