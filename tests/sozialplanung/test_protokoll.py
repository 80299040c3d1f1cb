"""The change log: who changed what when, per object and across all audited types."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from empfehlungen import services as empfehlungen_services
from empfehlungen import services_kreistag
from empfehlungen.models import Handlungsempfehlung, Massnahme
from sozialplanung import roles
from steuerungsgruppe import services
from steuerungsgruppe.models import Runde
from tests.empfehlungen.factories import (
    BeratungFactory,
    HandlungsempfehlungFactory,
    MassnahmeFactory,
    VorlageFactory,
    WirkungszielFactory,
)
from tests.sozialplanung.factories import UserFactory
from tests.steuerungsgruppe.factories import MitgliedFactory, RundeFactory

pytestmark = pytest.mark.django_db
LOG = reverse("aenderungsprotokoll")


def _punkte(runde, je: int) -> dict[int, int]:
    schema = services.bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    return {k.pk: je for k in schema.kriterien.all()}


def _text(html: str) -> str:
    """The page's text without tags and with single spaces, as a reader sees it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _bearbeiten(empfehlung, user, **daten):
    empfehlung.refresh_from_db()
    return empfehlungen_services.empfehlung_update(
        empfehlung_id=empfehlung.pk, version=empfehlung.version, daten=daten, user=user
    )


def test_log_shows_who_changed_which_field_from_what_to_what(client, sozialplanung_user):
    sozialplanung_user.first_name, sozialplanung_user.last_name = "Petra", "Planer"
    sozialplanung_user.save()
    empfehlung = HandlungsempfehlungFactory(
        titel="Kita-Sozialarbeit", mitteleinsatz_jaehrlich=None
    )
    _bearbeiten(
        empfehlung, sozialplanung_user, ausgangslage="Neue Lage", titel="Kita-Sozialarbeit"
    )
    _bearbeiten(empfehlung, sozialplanung_user, mitteleinsatz_jaehrlich="1234.5")

    client.force_login(sozialplanung_user)
    text = _text(client.get(LOG).content.decode())
    assert "Petra Planer" in text
    assert "Mitteleinsatz (jährlich): – → 1.234,50" in text
    assert "Ausgangslage: – → Neue Lage" in text
    heute = timezone.localdate().strftime("%d.%m.%Y")
    assert heute in text
    # newest first
    assert text.index("Mitteleinsatz (jährlich):") < text.index("Ausgangslage:")


def test_closing_a_round_logs_the_result_with_the_moderator(client, sozialplanung_user):
    runde = RundeFactory(handlungsempfehlung__titel="Sprachstandserhebung")
    services.einschaetzung_submit(
        runde=runde, mitglied=MitgliedFactory(), punkte=_punkte(runde, 5)
    )
    client.force_login(sozialplanung_user)
    client.post(reverse("steuerungsgruppe:runde_schliessen", kwargs={"pk": runde.pk}))

    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    letzte = empfehlung.history.first()
    assert letzte.history_user == sozialplanung_user
    assert letzte.steuerungsrelevanz == "hoch"
    text = _text(client.get(LOG + "?art=handlungsempfehlung").content.decode())
    assert "Steuerungsrelevanz: – → in hohem Maße steuerungsrelevant" in text
    assert "in das Planungsdossier aufgenommen: nein → ja" in text
    text = _text(client.get(LOG + "?art=runde").content.decode())
    assert "Status: offen → geschlossen" in text


def test_circulation_closed_by_cron_is_logged_as_system(client, sozialplanung_user):
    runde = RundeFactory(status=Runde.Status.VORBEREITET, handlungsempfehlung__titel="Im Umlauf")
    (umlauf,) = services.umlauf_open(
        handlungsempfehlungen=[runde.handlungsempfehlung],
        frist=timezone.now() + datetime.timedelta(days=7),
    )
    services.einschaetzung_submit(
        runde=umlauf, mitglied=MitgliedFactory(), punkte=_punkte(runde, 1)
    )
    Runde.objects.filter(pk=runde.pk).update(frist=timezone.now() - datetime.timedelta(minutes=1))
    call_command("umlauf_abschliessen", stdout=io.StringIO())

    empfehlung = Handlungsempfehlung.objects.get(pk=runde.handlungsempfehlung_id)
    assert empfehlung.history.first().history_user is None
    client.force_login(sozialplanung_user)
    antwort = client.get(LOG + "?art=handlungsempfehlung&wer=null")
    text = _text(antwort.content.decode())
    # The factory's creation and the cron's result, both without a person.
    assert "2 Änderungen" in text
    assert (
        "System Handlungsempfehlung Im Umlauf geändert Steuerungsrelevanz: – → "
        "weniger steuerungsrelevant" in text
    )


def test_member_assessments_are_logged_but_never_with_a_name(client, sozialplanung_user):
    runde = RundeFactory()
    mitglied = MitgliedFactory(user__first_name="Hannelore", user__last_name="Geheim")
    services.einschaetzung_submit(runde=runde, mitglied=mitglied, punkte=_punkte(runde, 2))
    client.force_login(sozialplanung_user)

    html = client.get(LOG + "?art=einschaetzung").content.decode()
    assert "1 Änderung " in _text(html)
    assert "vertraulich" in html and "Punktsumme: 26" in _text(html)
    assert "Geheim" not in html and "Hannelore" not in html
    # Filtering by the member would tell whose points these are: they are left out.
    html = client.get(LOG + f"?art=einschaetzung&wer={mitglied.user.pk}").content.decode()
    assert "0 Änderungen" in _text(html)


def test_filters_by_type_person_kind_date_and_name(client, sozialplanung_user):
    andere = UserFactory(first_name="Otto", last_name="Anders")
    andere.groups.add(Group.objects.get_or_create(name=roles.SOZIALPLANUNG)[0])
    empfehlung = HandlungsempfehlungFactory(titel="Schulbegleitung")
    massnahme = MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Pool-Modell")
    _bearbeiten(empfehlung, andere, ausgangslage="Geändert von Otto")
    massnahme.status = Massnahme.Status.IN_UMSETZUNG
    massnahme._history_user = sozialplanung_user
    massnahme.save()
    HandlungsempfehlungFactory(titel="Etwas ganz anderes")

    client.force_login(sozialplanung_user)

    def zeilen(query: str) -> str:
        return _text(client.get(LOG + query).content.decode())

    assert "Maßnahmenstatus: geplant → in Umsetzung" in zeilen("?art=massnahme")
    assert "Ausgangslage" not in zeilen("?art=massnahme")
    nur_otto = zeilen(f"?wer={andere.pk}")
    assert "1 Änderung " in nur_otto and "Geändert von Otto" in nur_otto
    geaendert = zeilen("?aenderung=~")
    assert "2 Änderungen" in geaendert and "Etwas ganz anderes" not in geaendert
    assert "Etwas ganz anderes" in zeilen("?aenderung=%2B")
    # Name search finds the recommendation and its Maßnahme (by the recommendation's title).
    schule = zeilen("?q=schulbegleitung")
    assert "4 Änderungen" in schule and "Etwas ganz anderes" not in schule
    heute = timezone.localdate()
    assert "0 Änderungen" in zeilen(f"?von={heute + datetime.timedelta(days=1)}")
    assert "0 Änderungen" in zeilen(f"?bis={heute - datetime.timedelta(days=1)}")
    assert "5 Änderungen" in zeilen(f"?von={heute}&bis={heute}")


def test_bad_filter_input_names_the_field_and_is_no_server_error(client, sozialplanung_user):
    client.force_login(sozialplanung_user)
    antwort = client.get(LOG + "?von=31.02.2024&art=gibtsnicht")
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Bitte ein gültiges Datum eingeben." in html
    assert "Bitte eine gültige Auswahl treffen." in html


def test_object_history_page_survives_deletion_and_links_back(client, sozialplanung_user):
    beratung = BeratungFactory(gremium="Sozialausschuss", ergebnis="")
    beratung.ergebnis = "beschlossen"
    beratung.save()
    pk = beratung.pk
    beratung.delete()
    client.force_login(sozialplanung_user)
    url = reverse("aenderungsverlauf", kwargs={"art": "beratung", "pk": pk})
    text = _text(client.get(url).content.decode())
    assert "Änderungsverlauf" in text and "Sozialausschuss" in text
    assert (
        text.index("gelöscht") < text.index("Ergebnis: – → beschlossen") < text.index("angelegt")
    )
    assert client.get(LOG).content.decode().count(url) == 3
    assert client.get(reverse("aenderungsverlauf", kwargs={"art": "x", "pk": pk})).status_code == (
        404
    )
    assert (
        client.get(
            reverse("aenderungsverlauf", kwargs={"art": "beratung", "pk": 999999})
        ).status_code
        == 404
    )


def test_maßnahme_steps_and_csv_imports_leave_history(client, sozialplanung_user):
    massnahme = MassnahmeFactory()
    client.force_login(sozialplanung_user)
    services_kreistag.massnahme_status_update(
        massnahme=massnahme, status="umgesetzt", datum=datetime.date(2024, 3, 1)
    )
    vorlage = BeratungFactory().vorlage
    services_kreistag.beratungen_csv_anwenden(
        inhalt=(
            "Drucksache;Gremium;Datum;Rolle;Ergebnis\n"
            f"{vorlage.reference};Kreistag;12.12.2023;Entscheidung;beschlossen\n"
        ).encode()
    )
    arten = {
        art: _text(client.get(LOG + f"?art={art}").content.decode())
        for art in ("massnahme", "umsetzungsschritt", "beratung")
    }
    assert "Maßnahmenstatus: geplant → umgesetzt" in arten["massnahme"]
    assert "Datum: 01.03.2024" in arten["umsetzungsschritt"]
    assert (
        "Gremium: Kreistag" in arten["beratung"]
        and "Sitzungsdatum: 12.12.2023" in (arten["beratung"])
    )


def test_recommendation_verlauf_shows_field_changes_and_related_histories(
    client, sozialplanung_user
):
    empfehlung = HandlungsempfehlungFactory()
    massnahme = MassnahmeFactory(handlungsempfehlung=empfehlung, massnahme="Pool-Modell")
    _bearbeiten(empfehlung, sozialplanung_user, ziele="Mehr Teilhabe")
    client.force_login(sozialplanung_user)
    html = client.get(reverse("empfehlungen:verlauf", args=[empfehlung.pk])).content.decode()
    assert "Ziele/Effekte/Wirkungen: – → Mehr Teilhabe" in _text(html)
    assert reverse("aenderungsverlauf", kwargs={"art": "massnahme", "pk": massnahme.pk}) in html


def _aendern(anzahl: int, user) -> None:
    for nr in range(anzahl):
        empfehlung = HandlungsempfehlungFactory()
        _bearbeiten(empfehlung, user, ausgangslage=f"Fassung {nr}")
        massnahme = MassnahmeFactory(handlungsempfehlung=empfehlung)
        services_kreistag.massnahme_status_update(
            massnahme=massnahme, status="in_umsetzung", datum=datetime.date(2024, 1, 1)
        )
        runde = RundeFactory(handlungsempfehlung=empfehlung)
        services.einschaetzung_submit(
            runde=runde, mitglied=MitgliedFactory(), punkte=_punkte(runde, nr % 6)
        )
        services.runde_close(runde=runde)


def test_log_query_count_stays_flat(client, sozialplanung_user, abfragen):
    client.force_login(sozialplanung_user)
    _aendern(3, sozialplanung_user)
    # A page costs a fixed number of queries plus two per type of object on it; with
    # one type filtered, the counts must be equal, and unfiltered never more.
    drei = abfragen(LOG, hoechstens=40)
    gefiltert = abfragen(LOG + "?q=Empfehlung&art=runde", hoechstens=20)
    _aendern(27, sozialplanung_user)
    assert abfragen(LOG, hoechstens=40) <= drei
    assert abfragen(LOG + "?q=Empfehlung&art=runde", hoechstens=20) == gefiltert
    # Deeper pages cost the same as the first.
    erste_seite = abfragen(LOG + "?art=massnahme", hoechstens=20)
    assert abfragen(LOG + "?art=massnahme&page=2", hoechstens=20) == erste_seite


def test_object_history_query_count_stays_flat(client, sozialplanung_user, abfragen):
    client.force_login(sozialplanung_user)
    massnahme = MassnahmeFactory()
    url = reverse("aenderungsverlauf", kwargs={"art": "massnahme", "pk": massnahme.pk})

    def aendern(anzahl):
        for nr in range(anzahl):
            massnahme.budget = 1000 + nr
            massnahme.save()

    aendern(3)
    drei = abfragen(url, hoechstens=15)
    aendern(27)
    assert abfragen(url, hoechstens=15) == drei


def test_linking_a_vorlage_and_its_recommendations_is_logged_from_both_sides(
    client, sozialplanung_user
):
    vorlage = VorlageFactory(reference="DrS 2023/117")
    kita = HandlungsempfehlungFactory(titel="Kita-Sozialarbeit")
    lotsen = HandlungsempfehlungFactory(titel="Ämterlotsen")

    vorlage.handlungsempfehlungen.add(kita, lotsen)
    kita.vorlagen.remove(vorlage)  # from the recommendation's side
    vorlage.handlungsempfehlungen.add(lotsen)  # already linked: no change, no record

    gruende = list(
        vorlage.history.order_by("history_date", "history_id").values_list(
            "history_change_reason", flat=True
        )
    )
    assert gruende[1:] == [
        "Verknüpfte Handlungsempfehlungen: – → „Kita-Sozialarbeit“; „Ämterlotsen“",
        "Verknüpfte Handlungsempfehlungen: „Kita-Sozialarbeit“; „Ämterlotsen“ → „Ämterlotsen“",
    ]
    client.force_login(sozialplanung_user)
    text = _text(client.get(LOG).content.decode()).replace("&quot;", '"')
    assert "„Kita-Sozialarbeit“; „Ämterlotsen“ → „Ämterlotsen“" in text


def test_measured_values_are_shown_without_trailing_zeros(client, sozialplanung_user):
    WirkungszielFactory(ausgangswert=Decimal("1.5"), zielwert=Decimal("2"))
    client.force_login(sozialplanung_user)
    text = _text(client.get(LOG).content.decode())
    assert "Ausgangswert: 1,5 " in text and "Zielwert: 2 " in text
