"""Workflow services, optimistic locking and the money field."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from empfehlungen import services
from empfehlungen.forms import BetragField
from empfehlungen.models import Handlungsempfehlung, Steuerungsrelevanz
from empfehlungen.selectors import empfehlung_aenderungen_seit
from tests.empfehlungen.factories import HandlungsempfehlungFactory, MassnahmeFactory
from tests.handlungsfelder.factories import FokusgruppeFactory

pytestmark = pytest.mark.django_db
Status = Handlungsempfehlung.Status


@pytest.mark.parametrize(
    ("eingabe", "betrag"),
    [
        ("12.500,00", Decimal("12500.00")),
        ("12500", Decimal("12500")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("0,99 €", Decimal("0.99")),
        (" 800 ", Decimal("800")),
    ],
)
def test_betrag_reads_german_money(eingabe, betrag):
    assert BetragField(required=False).clean(eingabe) == betrag


@pytest.mark.parametrize(
    ("eingabe", "meldung"),
    [
        ("-5,00", "Der Betrag darf nicht negativ sein."),
        ("12,500.00", "Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 12.500,00."),
        ("12.50", "Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 12.500,00."),
        ("zwölf", "Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 12.500,00."),
    ],
)
def test_betrag_rejects_bad_input_in_german(eingabe, meldung):
    with pytest.raises(ValidationError) as fehler:
        BetragField(required=False).clean(eingabe)
    assert fehler.value.messages == [meldung]


def test_betrag_shows_saved_amounts_the_german_way():
    assert BetragField().prepare_value(Decimal("12500.00")) == "12.500,00"


@pytest.fixture
def gruppe_mit_mitglied(fokusgruppe_user):
    gruppe = FokusgruppeFactory()
    gruppe.mitglieder.add(fokusgruppe_user)
    return gruppe


def test_fokusgruppe_submits_own_draft_and_staff_publish_it(
    fokusgruppe_user, sozialplanung_user, gruppe_mit_mitglied
):
    entwurf = HandlungsempfehlungFactory(status=Status.ENTWURF, herkunft=gruppe_mit_mitglied)

    services.empfehlung_submit(
        empfehlung_id=entwurf.pk, version=entwurf.version, user=fokusgruppe_user
    )
    entwurf.refresh_from_db()
    assert entwurf.status == Status.EINGEREICHT
    services.empfehlung_publish(
        empfehlung_id=entwurf.pk, version=entwurf.version, user=sozialplanung_user
    )

    entwurf.refresh_from_db()
    assert entwurf.status == Status.VEROEFFENTLICHT
    schritte = list(entwurf.statusaenderungen.order_by("pk"))
    assert [(s.von_status, s.nach_status, s.geaendert_von) for s in schritte] == [
        (Status.ENTWURF, Status.EINGEREICHT, fokusgruppe_user),
        (Status.EINGEREICHT, Status.VEROEFFENTLICHT, sozialplanung_user),
    ]


def test_returning_needs_a_comment_that_the_fokusgruppe_then_sees(sozialplanung_user):
    eingereicht = HandlungsempfehlungFactory(status=Status.EINGEREICHT)
    with pytest.raises(ValidationError) as fehler:
        services.empfehlung_return(
            empfehlung_id=eingereicht.pk, version=1, user=sozialplanung_user, kommentar=" "
        )
    assert "warum Sie den Vorschlag zurückgeben" in str(fehler.value)

    services.empfehlung_return(
        empfehlung_id=eingereicht.pk,
        version=1,
        user=sozialplanung_user,
        kommentar="Bitte die Kosten ergänzen.",
    )
    eingereicht.refresh_from_db()
    assert eingereicht.status == Status.ZURUECKGEGEBEN
    assert eingereicht.statusaenderungen.get().kommentar == "Bitte die Kosten ergänzen."


def test_fokusgruppe_may_not_publish(fokusgruppe_user, gruppe_mit_mitglied):
    eingereicht = HandlungsempfehlungFactory(
        status=Status.EINGEREICHT, herkunft=gruppe_mit_mitglied
    )
    with pytest.raises(PermissionDenied):
        services.empfehlung_publish(empfehlung_id=eingereicht.pk, version=1, user=fokusgruppe_user)


def test_fokusgruppe_may_not_submit_another_groups_draft(fokusgruppe_user, gruppe_mit_mitglied):
    fremd = HandlungsempfehlungFactory(status=Status.ENTWURF)
    with pytest.raises(PermissionDenied):
        services.empfehlung_submit(empfehlung_id=fremd.pk, version=1, user=fokusgruppe_user)


def test_publishing_a_draft_directly_is_refused(sozialplanung_user):
    entwurf = HandlungsempfehlungFactory(status=Status.ENTWURF)
    with pytest.raises(ValidationError, match="im Status „Entwurf“ kann nicht veröffentlicht"):
        services.empfehlung_publish(empfehlung_id=entwurf.pk, version=1, user=sozialplanung_user)


def test_submitting_without_description_is_refused(sozialplanung_user):
    leer = HandlungsempfehlungFactory(status=Status.ENTWURF, beschreibung="")
    with pytest.raises(ValidationError, match="Beschreibung der Empfehlung"):
        services.empfehlung_submit(empfehlung_id=leer.pk, version=1, user=sozialplanung_user)
    leer.refresh_from_db()
    assert leer.status == Status.ENTWURF
    assert not leer.statusaenderungen.exists()


def _daten(empfehlung, **aenderungen):
    from empfehlungen.selectors import BEARBEITBARE_FELDER

    daten = {feld: getattr(empfehlung, feld) for feld in BEARBEITBARE_FELDER}
    return daten | aenderungen


def test_second_save_from_the_same_version_is_refused(sozialplanung_user, admin_user):
    empfehlung = HandlungsempfehlungFactory(ausgangslage="Alt.")
    geoeffnet = empfehlung.version

    services.empfehlung_update(
        empfehlung_id=empfehlung.pk,
        version=geoeffnet,
        daten=_daten(empfehlung, ausgangslage="Erste Fassung."),
        user=sozialplanung_user,
    )
    with pytest.raises(services.VersionKonflikt) as konflikt:
        services.empfehlung_update(
            empfehlung_id=empfehlung.pk,
            version=geoeffnet,
            daten=_daten(empfehlung, ausgangslage="Zweite Fassung."),
            user=admin_user,
        )

    empfehlung.refresh_from_db()
    assert empfehlung.ausgangslage == "Erste Fassung."
    assert empfehlung.version == geoeffnet + 1
    aenderungen = empfehlung_aenderungen_seit(konflikt.value.aktuell, geoeffnet)
    assert [(a.feld, a.vorher, a.jetzt) for a in aenderungen] == [
        ("Ausgangslage", "Alt.", "Erste Fassung.")
    ]


def test_an_edit_keeps_a_steuerungsrelevanz_set_meanwhile(sozialplanung_user):
    empfehlung = HandlungsempfehlungFactory()
    geoeffnet = empfehlung.version
    daten = _daten(empfehlung, titel="Neuer Titel")
    # The Steuerungsgruppe's result arrives while the form is open.
    Handlungsempfehlung.objects.filter(pk=empfehlung.pk).update(
        steuerungsrelevanz=Steuerungsrelevanz.HOCH
    )

    services.empfehlung_update(
        empfehlung_id=empfehlung.pk, version=geoeffnet, daten=daten, user=sozialplanung_user
    )

    empfehlung.refresh_from_db()
    assert (empfehlung.titel, empfehlung.steuerungsrelevanz) == ("Neuer Titel", "hoch")


def test_conflict_lists_changed_massnahmen(sozialplanung_user):
    from empfehlungen.forms import MassnahmeFormSet

    empfehlung = HandlungsempfehlungFactory()
    MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Alte Maßnahme")
    geoeffnet = empfehlung.version
    daten = {
        "massnahmen-TOTAL_FORMS": "1",
        "massnahmen-INITIAL_FORMS": "0",
        "massnahmen-0-massnahme": "Neue Maßnahme",
        "massnahmen-0-status": "geplant",
    }
    formset = MassnahmeFormSet(daten, instance=empfehlung, prefix="massnahmen")
    assert formset.is_valid(), formset.errors
    services.empfehlung_update(
        empfehlung_id=empfehlung.pk,
        version=geoeffnet,
        daten=_daten(empfehlung),
        user=sozialplanung_user,
        massnahmen=formset,
    )

    empfehlung.refresh_from_db()
    aenderungen = empfehlung_aenderungen_seit(empfehlung, geoeffnet)
    assert [(a.feld, a.vorher, a.jetzt) for a in aenderungen] == [
        ("Maßnahmen", "Alte Maßnahme", "Alte Maßnahme; Neue Maßnahme")
    ]


def test_a_massnahme_step_makes_an_open_edit_form_stale(sozialplanung_user):
    import datetime

    from empfehlungen.services_kreistag import massnahme_status_update

    empfehlung = HandlungsempfehlungFactory()
    massnahme = MassnahmeFactory(handlungsempfehlung=empfehlung)
    geoeffnet = empfehlung.version
    massnahme_status_update(
        massnahme=massnahme, status="umgesetzt", datum=datetime.date(2024, 3, 1)
    )
    # The form opened before the step would put "geplant" back; it is refused instead.
    with pytest.raises(services.VersionKonflikt):
        services.empfehlung_update(
            empfehlung_id=empfehlung.pk, version=geoeffnet, daten={}, user=sozialplanung_user
        )


def test_a_long_return_comment_is_kept_whole_in_the_change_log(sozialplanung_user):
    """The form allows 2000 characters; the change log must store them all (PostgreSQL)."""
    eingereicht = HandlungsempfehlungFactory(status=Status.EINGEREICHT)
    kommentar = "Bitte die Kosten je Standort und die Zielgruppe genauer beschreiben. " * 25
    services.empfehlung_return(
        empfehlung_id=eingereicht.pk, version=1, user=sozialplanung_user, kommentar=kommentar
    )
    assert eingereicht.history.latest().history_change_reason == kommentar.strip()
