"""The demo data are the county's real planning data, and loading twice changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from empfehlungen.models import (
    Beratung,
    Dialognotiz,
    Handlungsempfehlung,
    KreistagStatusAenderung,
    Vorlage,
    Wirkungsmessung,
    Wirkungsziel,
)
from empfehlungen.selectors_wirkung import wirkungsziele_fuer
from empfehlungen.wirkung import Ampel
from handlungsfelder.models import (
    Fokusgruppe,
    Gebiet,
    Handlungsfeld,
    Indikator,
    Messwert,
    StrategischeAnalyse,
)
from sozialplanung import demo_data as d
from sozialplanung.models import PhasenWechsel, Planungsjahr
from steuerungsgruppe.models import Zielvorschlag

pytestmark = pytest.mark.django_db

MODELLE = [
    Handlungsfeld,
    Fokusgruppe,
    Planungsjahr,
    PhasenWechsel,
    Handlungsempfehlung,
    Vorlage,
    Beratung,
    KreistagStatusAenderung,
    Zielvorschlag,
    get_user_model(),
    Gebiet,
    Indikator,
    Messwert,
    StrategischeAnalyse,
    Wirkungsziel,
    Wirkungsmessung,
    Dialognotiz,
]


def _snapshot():
    return {model.__name__: sorted(map(str, model.objects.values_list())) for model in MODELLE}


def test_loading_twice_changes_nothing(db):
    call_command("load_demo_data", stdout=io.StringIO())
    vorher = _snapshot()
    call_command("load_demo_data", stdout=io.StringIO())
    assert _snapshot() == vorher


def test_ten_handlungsfelder_of_2024(demo_data):
    namen = set(Handlungsfeld.objects.gueltig_in(2024).values_list("name", flat=True))
    assert namen == {
        "Infrastruktur sozialer Angebote",
        "Mobilität",
        "Gesundheitsversorgung und Pflege",
        "Wohnen",
        "Zuwanderung und Integration",
        "Bildung",
        "Inklusion",
        "Arbeit",
        "Armut",
        "Soziales Leben und Freizeit",
    }
    assert Handlungsfeld.objects.gueltig_in(2018).count() == 11


def test_planungsjahre_2017_to_2024(demo_data):
    assert list(Planungsjahr.objects.order_by("jahr").values_list("jahr", flat=True)) == list(
        range(2017, 2025)
    )


def test_2023_recommendations_carry_the_protocols_categories(demo_data):
    relevanz = dict(
        Handlungsempfehlung.objects.filter(planungsjahr__jahr=2023).values_list(
            "titel", "steuerungsrelevanz"
        )
    )
    assert relevanz["Sprachstandserhebung von Kindern in Kindertageseinrichtungen"] == "hoch"
    assert (
        relevanz["Konzeptentwicklung Interkommunale Zusammenarbeit / Zweckverband Soziales"]
        == "hoch"
    )
    assert relevanz["Bekenntnis der Kreispolitik zur Istanbul-Konvention"] == "relevant"
    assert relevanz["Mittelgewährung in Verbindung mit Gewaltschutzkonzepten"] == "relevant"
    assert relevanz["Ämterlotsinnen/Ämterlotsen"] == "relevant"
    oepnv = "Übernahme der ÖPNV-Fahrtkosten für Auszubildende zur Pflegeassistenz"
    assert relevanz[oepnv] == "weniger"
    assert not Handlungsempfehlung.objects.get(titel=oepnv).im_dossier
    assert len(relevanz) == 7


def test_earlier_years_keep_their_kreistag_status(demo_data):
    status = {
        (e.titel, e.planungsjahr.jahr): e.get_kreistag_status_display()
        for e in Handlungsempfehlung.objects.exclude(planungsjahr__jahr=2023).select_related(
            "planungsjahr"
        )
    }
    assert status == {
        # The one invented example, so that the demo shows every status.
        ("Beispiel (Demo): Ehrenamtskarte für junge Engagierte", 2022): "abgelehnt",
        ("Zweckbindungen", 2021): "Beratung",
        ("Fortschreibungsverfahren für Präventionskonzept", 2017): "nicht beraten",
        ("Indikatoren zur Wirksamkeit", 2017): "nicht beraten",
        ("Fachdienst Jugend/Soziale Dienste", 2018): "beraten und beschlossen",
        ("Kommunale Betrachtungsräume", 2018): "nicht beraten",
        ("Präventive Angebote", 2019): "Beratung",
        ("Kooperation für sozialräumliche Analysen", 2019): "Beratung",
        ("Methoden der Wirkungsmessung", 2019): "beraten und beschlossen",
        ("Angebotsstrukturen", 2020): "Beratung",
    }


def test_zielvorschlaege_2023_match_the_protocol_table(demo_data):
    tabelle = list(
        Zielvorschlag.objects.filter(planungsjahr__jahr=2023).values_list(
            "titel", "stimmen_zu", "stimmen_passt_nicht"
        )
    )
    assert tabelle[0] == ("Kritische Soziale Infrastruktur absichern", 15, 0)
    assert ("Sozialverträgliches Wohnen gewährleisten", 15, 3) in tabelle
    assert len(tabelle) == 7


def test_every_demo_recommendation_is_valid(demo_data):
    for empfehlung in Handlungsempfehlung.objects.all():
        empfehlung.full_clean()


def test_one_demo_user_per_role_and_the_logins_are_printed(db):
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    User = get_user_model()
    for username, rolle in [
        ("sozialplanung", "Sozialplanung"),
        ("steuerungsgruppe", "Steuerungsgruppe"),
        ("fokusgruppe", "Fokusgruppe"),
    ]:
        assert User.objects.get(username=username).groups.filter(name=rolle).exists()
        assert username in out.getvalue()
    assert User.objects.get(username="admin").is_superuser
    assert "Passwort" in out.getvalue()


def test_sozialmonitoring_holds_pinneberg_and_the_land_linked_to_handlungsfelder(demo_statistik):
    assert set(
        Gebiet.objects.filter(schluessel__in=["01", "01056"]).values_list("name", flat=True)
    ) == {
        "Schleswig-Holstein",
        "Pinneberg, Landkreis",
    }
    assert not Gebiet.objects.exclude(schluessel__startswith="01").exists()
    bevoelkerung = Messwert.objects.get(
        indikator__name="Bevölkerungsstand – Insgesamt", gebiet__schluessel="01056", jahr=2015
    )
    assert bevoelkerung.wert == 307471
    arbeit = Handlungsfeld.objects.get(slug="arbeit")
    assert arbeit.indikatoren.filter(name="Arbeitslosenquote bez. auf alle Erwerbspers.").exists()
    analyse = StrategischeAnalyse.objects.get(
        handlungsfeld__slug="infrastruktur-sozialer-angebote", planungsjahr__jahr=2023
    )
    assert analyse.text.startswith("Die soziale Angebotsstruktur")
    assert analyse.indikatoren.count() == 3


def test_kreistag_statuses_are_derived_from_the_demo_beratungen(demo_data):
    """The statuses the platform lists come from demo Vorlagen and their Beratungen."""
    for titel, jahr, *_rest in d.EMPFEHLUNGEN:
        status = _rest[3]
        empfehlung = Handlungsempfehlung.objects.get(titel=titel, planungsjahr__jahr=jahr)
        assert empfehlung.kreistag_status == status, titel
        hat_beratungen = Beratung.objects.filter(vorlage__handlungsempfehlungen=empfehlung)
        assert hat_beratungen.exists() == (status != "nicht_beraten"), titel
    assert KreistagStatusAenderung.objects.filter(nach_status="beschlossen").count() == 2


def test_demo_holds_one_recommendation_per_kreistag_status(demo_data):
    vorhanden = set(Handlungsempfehlung.objects.values_list("kreistag_status", flat=True))
    assert vorhanden == set(Handlungsempfehlung.KreistagStatus.values)


def test_every_decided_demo_recommendation_has_impact_goals_marked_as_examples(demo_data):
    beschlossen = Handlungsempfehlung.objects.filter(kreistag_status="beschlossen")
    assert beschlossen.count() == 2
    for empfehlung in beschlossen:
        assert empfehlung.wirkungsziele.exists(), empfehlung.titel
    assert all(z.text.startswith("Beispiel (Demo):") for z in Wirkungsziel.objects.all())


def test_demo_goals_follow_the_real_kita_and_sozialhilfe_figures(demo_statistik):
    fachdienst = Handlungsempfehlung.objects.get(titel="Fachdienst Jugend/Soziale Dienste")
    methoden = Handlungsempfehlung.objects.get(titel="Methoden der Wirkungsmessung")
    staende = wirkungsziele_fuer([fachdienst, methoden])
    plaetze, krippe, eltern = staende[fachdienst.pk]
    # GENESIS 22541-01-01-4, Kreis Pinneberg: 9.077 places in 1998, 9.860 in 2002.
    assert plaetze.ziel.indikator.tabelle == "22541-01-01-4"
    assert (plaetze.ziel.ausgangswert, plaetze.letzter.wert) == (9077, 9860)
    assert plaetze.ampel == Ampel.AUF_KURS
    # Krippe places fell from 306 to 219: the wrong way.
    assert (krippe.ziel.ausgangswert, krippe.letzter.wert) == (306, 219)
    assert krippe.ampel == Ampel.NICHT_AUF_KURS
    assert eltern.ampel == Ampel.GEFAEHRDET and not eltern.ziel.automatisch
    # GENESIS 22121-01-02-4: children under 7 on Sozialhilfe, 1.753 (1999) → 1.639 (2004).
    sozialhilfe = next(s for s in staende[methoden.pk] if s.ziel.automatisch)
    assert (sozialhilfe.ziel.richtung, sozialhilfe.letzter.wert) == ("fallend", 1639)
    assert {s.ampel for s in staende[methoden.pk]} == {
        Ampel.AUF_KURS,
        Ampel.GEFAEHRDET,
        Ampel.OFFEN,
    }


def test_scaling_option_tops_up_to_the_given_number_of_published_recommendations(demo_data):
    echte = Handlungsempfehlung.objects.count()
    out = io.StringIO()

    call_command("load_demo_data", "--ohne-statistik", "--empfehlungen", "60", stdout=out)
    call_command("load_demo_data", "--ohne-statistik", "--empfehlungen", "60", stdout=out)

    assert Handlungsempfehlung.objects.count() == 60
    erfunden = Handlungsempfehlung.objects.filter(titel__endswith="(erfunden)")
    assert erfunden.count() == 60 - echte
    assert f"{60 - echte} erfundene Handlungsempfehlungen ergänzt" in out.getvalue()
    assert "0 erfundene Handlungsempfehlungen ergänzt" in out.getvalue()  # the second run
    assert not erfunden.exclude(status=Handlungsempfehlung.Status.VEROEFFENTLICHT).exists()
    # Every filter of the public list finds some: all fields, all years, all categories.
    assert erfunden.values("handlungsfeld").distinct().count() == Handlungsfeld.objects.count()
    assert erfunden.values("planungsjahr").distinct().count() == Planungsjahr.objects.count()
    assert erfunden.values("steuerungsrelevanz").distinct().count() == 4
