"""Entering and editing recommendations through the pages, and the workflow buttons."""

import pytest
from django.urls import reverse

from empfehlungen.models import Handlungsempfehlung, Massnahme
from tests.empfehlungen.factories import HandlungsempfehlungFactory, MassnahmeFactory
from tests.handlungsfelder.factories import FokusgruppeFactory, HandlungsfeldFactory
from tests.sozialplanung.factories import PlanungsjahrFactory

pytestmark = pytest.mark.django_db
Status = Handlungsempfehlung.Status


def _formular(empfehlung=None, massnahmen=(), **felder):
    """The POST a browser sends, with the formset's management fields."""
    daten = {
        "titel": "Schulsozialarbeit an allen Grundschulen",
        "planungsjahr": PlanungsjahrFactory(jahr=2024).pk,
        "handlungsfeld": HandlungsfeldFactory(gueltig_von=2024).pk,
        "herkunft": "",
        "beschreibung": "Jede Grundschule erhält eine halbe Stelle.",
        "ausgangslage": "",
        "ziele": "",
        "mitteleinsatz_jaehrlich": "12.500,00",
        "mitteleinsatz_erlaeuterung": "",
        "art_der_leistung": "freiwillig",
        "auswirkungen_ressourcen": "",
        "zielrichtung": "",
        "version": empfehlung.version if empfehlung else "",
        "massnahmen-TOTAL_FORMS": str(len(massnahmen)),
        "massnahmen-INITIAL_FORMS": "0",
    }
    for index, zeile in enumerate(massnahmen):
        for feld, wert in zeile.items():
            daten[f"massnahmen-{index}-{feld}"] = wert
    return daten | felder


def test_staff_create_a_draft_with_massnahmen_and_german_money(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    antwort = client.post(
        reverse("empfehlungen:create"),
        _formular(
            massnahmen=[
                {"massnahme": "Stellen ausschreiben", "budget": "1.234,56", "status": "geplant"},
                {"massnahme": "Träger auswählen", "zeitpunkt": "ab 2025", "status": "geplant"},
            ]
        ),
    )

    empfehlung = Handlungsempfehlung.objects.get()
    assert antwort.status_code == 302
    assert antwort["Location"] == empfehlung.get_absolute_url()
    assert empfehlung.status == Status.ENTWURF
    assert str(empfehlung.mitteleinsatz_jaehrlich) == "12500.00"
    assert [(m.massnahme, m.reihenfolge) for m in empfehlung.massnahmen.all()] == [
        ("Stellen ausschreiben", 0),
        ("Träger auswählen", 1),
    ]
    seite = client.get(empfehlung.get_absolute_url()).content.decode()
    assert "12.500,00\u00a0€" in seite
    assert "1.234,56\u00a0€" in seite


def test_invalid_input_keeps_what_was_typed_and_names_the_field(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    alt = HandlungsfeldFactory(name="Gesundheit", gueltig_von=2017, gueltig_bis=2023)
    antwort = client.post(
        reverse("empfehlungen:create"),
        _formular(
            handlungsfeld=alt.pk,
            mitteleinsatz_jaehrlich="-500",
            massnahmen=[{"massnahme": "Bleibt erhalten", "budget": "zwölf", "status": "geplant"}],
        ),
    )

    html = antwort.content.decode()
    assert antwort.status_code == 200
    assert not Handlungsempfehlung.objects.exists()
    assert not Massnahme.objects.exists()
    assert "Es wurde noch nichts gespeichert." in html
    assert 'value="Schulsozialarbeit an allen Grundschulen"' in html
    assert "Jede Grundschule erhält eine halbe Stelle." in html
    assert "Bleibt erhalten" in html
    form = antwort.context["form"]
    assert form.errors["mitteleinsatz_jaehrlich"] == ["Der Betrag darf nicht negativ sein."]
    assert "gilt 2017 bis 2023 und nicht im Planungsjahr 2024" in form.errors["handlungsfeld"][0]
    assert antwort.context["massnahmen"].errors[0]["budget"] == [
        "Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 12.500,00."
    ]
    # The message sits next to its field (crispy's invalid-feedback under the input).
    assert 'id="error_1_id_mitteleinsatz_jaehrlich"' in html


def test_edit_removes_a_massnahme_row(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    empfehlung = HandlungsempfehlungFactory(planungsjahr=PlanungsjahrFactory(jahr=2024))
    weg = MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Weg damit")
    bleibt = MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Bleibt")
    daten = _formular(
        empfehlung,
        planungsjahr=empfehlung.planungsjahr.pk,
        handlungsfeld=empfehlung.handlungsfeld.pk,
    )
    daten |= {
        "massnahmen-TOTAL_FORMS": "2",
        "massnahmen-INITIAL_FORMS": "2",
        "massnahmen-0-id": weg.pk,
        "massnahmen-0-massnahme": weg.massnahme,
        "massnahmen-0-status": "geplant",
        "massnahmen-0-DELETE": "on",
        "massnahmen-1-id": bleibt.pk,
        "massnahmen-1-massnahme": bleibt.massnahme,
        "massnahmen-1-status": "umgesetzt",
    }

    antwort = client.post(reverse("empfehlungen:update", args=[empfehlung.pk]), daten)

    assert antwort.status_code == 302
    assert [(m.massnahme, m.status) for m in empfehlung.massnahmen.all()] == [
        ("Bleibt", "umgesetzt")
    ]
    empfehlung.refresh_from_db()
    assert empfehlung.titel == "Schulsozialarbeit an allen Grundschulen"
    assert empfehlung.version == 2


def test_second_editor_sees_a_conflict_with_the_changes_and_keeps_their_input(
    client, sozialplanung_user, admin_user
):
    empfehlung = HandlungsempfehlungFactory(
        planungsjahr=PlanungsjahrFactory(jahr=2024), ausgangslage="Stand beim Öffnen."
    )
    gemeinsam = {
        "planungsjahr": empfehlung.planungsjahr.pk,
        "handlungsfeld": empfehlung.handlungsfeld.pk,
    }
    # Both open the page at version 1.
    erste = _formular(empfehlung, ausgangslage="Von der Kollegin.", **gemeinsam)
    zweite = _formular(empfehlung, ausgangslage="Meine Fassung.", **gemeinsam)

    client.force_login(admin_user)
    assert (
        client.post(reverse("empfehlungen:update", args=[empfehlung.pk]), erste).status_code == 302
    )
    client.force_login(sozialplanung_user)
    antwort = client.post(reverse("empfehlungen:update", args=[empfehlung.pk]), zweite)

    html = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Jemand anderes hat diese Handlungsempfehlung inzwischen gespeichert" in html
    assert admin_user.get_full_name() in html
    assert "Stand beim Öffnen." in html and "Von der Kollegin." in html
    assert "Meine Fassung." in html  # still in the form
    empfehlung.refresh_from_db()
    assert empfehlung.ausgangslage == "Von der Kollegin."
    assert antwort.context["form"]["version"].value() == 2

    # Saving again is now a deliberate overwrite, and goes through.
    zweite["version"] = 2
    assert (
        client.post(reverse("empfehlungen:update", args=[empfehlung.pk]), zweite).status_code
        == 302
    )
    empfehlung.refresh_from_db()
    assert empfehlung.ausgangslage == "Meine Fassung."


@pytest.fixture
def eigene_gruppe(fokusgruppe_user):
    gruppe = FokusgruppeFactory(name="AG Kita")
    gruppe.mitglieder.add(fokusgruppe_user)
    return gruppe


def test_fokusgruppe_proposes_only_for_its_own_group(client, fokusgruppe_user, eigene_gruppe):
    fremde = FokusgruppeFactory(name="Fremde AG")
    client.force_login(fokusgruppe_user)

    formular = client.get(reverse("empfehlungen:create")).context["form"]
    assert list(formular.fields["herkunft"].queryset) == [eigene_gruppe]

    antwort = client.post(reverse("empfehlungen:create"), _formular(herkunft=fremde.pk))
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["herkunft"]
    client.post(reverse("empfehlungen:create"), _formular(herkunft=eigene_gruppe.pk))
    assert Handlungsempfehlung.objects.get().herkunft == eigene_gruppe


def test_fokusgruppe_sees_only_its_own_groups_drafts(client, fokusgruppe_user, eigene_gruppe):
    HandlungsempfehlungFactory(
        titel="Unser Entwurf", status=Status.ENTWURF, herkunft=eigene_gruppe
    )
    HandlungsempfehlungFactory(titel="Fremder Entwurf", status=Status.ENTWURF)
    HandlungsempfehlungFactory(titel="Öffentlich")
    client.force_login(fokusgruppe_user)

    vorschlaege = client.get(reverse("empfehlungen:vorschlaege")).content.decode()
    liste = client.get(reverse("empfehlungen:list")).content.decode()

    assert "Unser Entwurf" in vorschlaege and "Fremder Entwurf" not in vorschlaege
    assert "Unser Entwurf" in liste and "Öffentlich" in liste
    assert "Fremder Entwurf" not in liste


def test_submitted_proposal_is_read_only_for_the_fokusgruppe(
    client, fokusgruppe_user, eigene_gruppe
):
    eingereicht = HandlungsempfehlungFactory(status=Status.EINGEREICHT, herkunft=eigene_gruppe)
    client.force_login(fokusgruppe_user)
    assert client.get(reverse("empfehlungen:update", args=[eingereicht.pk])).status_code == 403
    seite = client.get(eingereicht.get_absolute_url()).content.decode()
    assert "Bearbeitungsstand:" in seite
    assert "Bearbeiten</a>" not in seite


def test_workflow_buttons_submit_publish_and_return(
    client, fokusgruppe_user, sozialplanung_user, eigene_gruppe
):
    entwurf = HandlungsempfehlungFactory(status=Status.ENTWURF, herkunft=eigene_gruppe)
    status_url = reverse("empfehlungen:status", args=[entwurf.pk])

    client.force_login(fokusgruppe_user)
    seite = client.get(entwurf.get_absolute_url()).content.decode()
    assert "Zur Prüfung einreichen" in seite and "Veröffentlichen" not in seite
    client.post(status_url, {"aktion": "einreichen", "version": 1})
    entwurf.refresh_from_db()
    assert entwurf.status == Status.EINGEREICHT

    client.force_login(sozialplanung_user)
    antwort = client.post(
        status_url, {"aktion": "zurueckgeben", "version": 2, "kommentar": ""}, follow=True
    )
    assert "warum Sie den Vorschlag zurückgeben" in antwort.content.decode()
    client.post(
        status_url, {"aktion": "zurueckgeben", "version": 2, "kommentar": "Kosten fehlen."}
    )
    entwurf.refresh_from_db()
    assert entwurf.status == Status.ZURUECKGEGEBEN

    client.force_login(fokusgruppe_user)
    seite = client.get(entwurf.get_absolute_url()).content.decode()
    assert "Kosten fehlen." in seite


def test_stale_workflow_step_is_refused(client, sozialplanung_user):
    eingereicht = HandlungsempfehlungFactory(status=Status.EINGEREICHT, version=3)
    client.force_login(sozialplanung_user)
    antwort = client.post(
        reverse("empfehlungen:status", args=[eingereicht.pk]),
        {"aktion": "veroeffentlichen", "version": 2},
        follow=True,
    )
    assert "inzwischen geändert" in antwort.content.decode()
    eingereicht.refresh_from_db()
    assert eingereicht.status == Status.EINGEREICHT


def test_staff_see_the_history_of_status_changes_and_edits(client, sozialplanung_user):
    eingereicht = HandlungsempfehlungFactory(status=Status.EINGEREICHT)
    client.force_login(sozialplanung_user)
    client.post(
        reverse("empfehlungen:status", args=[eingereicht.pk]),
        {"aktion": "zurueckgeben", "version": 1, "kommentar": "Bitte Ziele schärfen."},
    )

    html = client.get(reverse("empfehlungen:verlauf", args=[eingereicht.pk])).content.decode()
    assert "Bitte Ziele schärfen." in html
    assert sozialplanung_user.get_full_name() in html
    assert "eingereicht</td><td>zurückgegeben" in html
    assert "Status" in html  # the edit log names the changed field


def test_vorschlaege_query_count_stays_flat(client, sozialplanung_user, abfragen):
    client.force_login(sozialplanung_user)
    url = reverse("empfehlungen:vorschlaege")
    HandlungsempfehlungFactory.create_batch(3, status=Status.EINGEREICHT)
    drei = abfragen(url, hoechstens=20)
    HandlungsempfehlungFactory.create_batch(27, status=Status.ENTWURF)
    assert abfragen(url, hoechstens=20) == drei


def test_verlauf_query_count_stays_flat(client, sozialplanung_user, abfragen):
    from empfehlungen import services

    client.force_login(sozialplanung_user)
    empfehlung = HandlungsempfehlungFactory(planungsjahr=PlanungsjahrFactory(jahr=2024))
    url = reverse("empfehlungen:verlauf", args=[empfehlung.pk])

    def bearbeiten(anzahl):
        for _ in range(anzahl):
            empfehlung.refresh_from_db()
            services.empfehlung_update(
                empfehlung_id=empfehlung.pk,
                version=empfehlung.version,
                daten={"ausgangslage": f"Fassung {empfehlung.version}"},
                user=sozialplanung_user,
            )

    bearbeiten(3)
    drei = abfragen(url, hoechstens=20)
    bearbeiten(27)
    assert abfragen(url, hoechstens=20) == drei
