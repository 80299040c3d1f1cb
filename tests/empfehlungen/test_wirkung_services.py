"""Writing impact goals: validation, the six-week rule, values, notes, concurrent edits."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from empfehlungen.models import Wirkungsmessung, Wirkungsziel
from empfehlungen.selectors_wirkung import zielaenderungen
from empfehlungen.services import VersionKonflikt
from empfehlungen.services_wirkung import (
    ZIEL_FELDER,
    dialognotiz_create,
    wirkungsmessung_create,
    wirkungsziel_create,
    wirkungsziel_update,
)
from handlungsfelder.models import Indikator
from tests.empfehlungen.factories import HandlungsempfehlungFactory, WirkungszielFactory
from tests.handlungsfelder.factories import GebietFactory, IndikatorFactory, MesswertFactory
from tests.sozialplanung.factories import UserFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _daten(**aenderungen) -> dict:
    daten = {
        "text": "Mehr Familien nutzen die Frühen Hilfen.",
        "stufe": 2,
        "zielgruppe": "Familien mit Säuglingen",
        "indikator": None,
        "eigener_indikator": "Familien in den Frühen Hilfen",
        "einheit": "Anzahl",
        "ausgangswert": Decimal("120"),
        "ausgangsdatum": D(2023, 12, 31),
        "zielwert": Decimal("180"),
        "zieldatum": D(2026, 12, 31),
        "richtung": "",
        "verantwortlich": "Netzwerk Frühe Hilfen",
    }
    return daten | aenderungen


def _aus(ziel, **aenderungen) -> dict:
    """The goal's fields as the form sends them back, with ``aenderungen``."""
    return {f: getattr(ziel, f) for f in ZIEL_FELDER} | aenderungen


def _gealtert(ziel: Wirkungsziel, tage: int) -> Wirkungsziel:
    Wirkungsziel.objects.filter(pk=ziel.pk).update(
        created=timezone.now() - datetime.timedelta(days=tage)
    )
    ziel.refresh_from_db()
    return ziel


# --- Creating and validating -------------------------------------------------------------


def test_create_saves_a_messbar_goal_and_logs_it():
    user = UserFactory()
    ziel = wirkungsziel_create(empfehlung=HandlungsempfehlungFactory(), daten=_daten(), user=user)
    assert ziel.messbar
    assert ziel.richtung == "steigend"  # derived from the target above the baseline
    eintrag = ziel.history.get()
    assert eintrag.history_user == user and eintrag.history_type == "+"


def test_an_incomplete_goal_is_saved_and_says_what_it_lacks():
    ziel = wirkungsziel_create(
        empfehlung=HandlungsempfehlungFactory(),
        daten=_daten(eigener_indikator="", zielwert=None, zieldatum=None),
        user=UserFactory(),
    )
    assert not ziel.messbar
    assert ziel.fehlende_angaben == ["Indikator", "Zielwert", "Zieldatum"]


@pytest.mark.parametrize(
    ("daten", "feld", "text"),
    [
        ({"zieldatum": D(2023, 12, 31)}, "zieldatum", "Zieldatum muss nach dem Datum"),
        (
            {"richtung": "steigend", "zielwert": Decimal("100")},
            "zielwert",
            "obwohl steigende Werte besser sind",
        ),
        (
            {"richtung": "fallend", "zielwert": Decimal("150")},
            "zielwert",
            "obwohl fallende Werte besser sind",
        ),
        ({"text": ""}, "text", "Dieses Feld darf nicht leer sein"),
    ],
)
def test_invalid_goals_are_refused_at_the_field(daten, feld, text):
    with pytest.raises(ValidationError) as fehler:
        wirkungsziel_create(
            empfehlung=HandlungsempfehlungFactory(), daten=_daten(**daten), user=UserFactory()
        )
    assert text in " ".join(fehler.value.message_dict[feld])
    assert not Wirkungsziel.objects.exists()


def test_both_a_monitoring_and_an_own_indicator_are_refused():
    with pytest.raises(ValidationError) as fehler:
        wirkungsziel_create(
            empfehlung=HandlungsempfehlungFactory(),
            daten=_daten(indikator=IndikatorFactory()),
            user=UserFactory(),
        )
    assert "nicht beides" in fehler.value.message_dict["eigener_indikator"][0]


def test_a_falling_target_without_a_direction_means_falling_is_better():
    ziel = wirkungsziel_create(
        empfehlung=HandlungsempfehlungFactory(),
        daten=_daten(zielwert=Decimal("90")),
        user=UserFactory(),
    )
    assert ziel.richtung == "fallend"


def test_direction_defaults_from_the_indicators_wertung():
    indikator = IndikatorFactory(richtung=Indikator.Richtung.HOEHER_SCHLECHTER)
    kreis = GebietFactory(schluessel="01056")
    MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2022, wert=Decimal("7.5"))
    ziel = wirkungsziel_create(
        empfehlung=HandlungsempfehlungFactory(),
        daten=_daten(
            indikator=indikator,
            eigener_indikator="",
            ausgangswert=None,
            ausgangsdatum=None,
            zielwert=Decimal("6"),
        ),
        user=UserFactory(),
    )
    assert ziel.richtung == "fallend"


def test_a_monitoring_goal_takes_its_baseline_from_the_kreis_values():
    indikator = IndikatorFactory()
    kreis, land = GebietFactory(schluessel="01056"), GebietFactory(schluessel="01")
    for jahr, wert in [(2019, 300), (2020, 310), (2021, 330)]:
        MesswertFactory(indikator=indikator, gebiet=kreis, jahr=jahr, wert=wert)
    MesswertFactory(indikator=indikator, gebiet=land, jahr=2021, wert=9000)
    empfehlung = HandlungsempfehlungFactory()
    daten = _daten(indikator=indikator, eigener_indikator="", ausgangswert=None)

    neuester = wirkungsziel_create(
        empfehlung=empfehlung, daten=daten | {"ausgangsdatum": None}, user=UserFactory()
    )
    am_datum = wirkungsziel_create(
        empfehlung=empfehlung,
        daten=daten | {"ausgangsdatum": D(2020, 6, 30), "zieldatum": D(2025, 12, 31)},
        user=UserFactory(),
    )

    assert (neuester.ausgangswert, neuester.ausgangsdatum) == (330, D(2021, 12, 31))
    # The newest value known at the baseline date, with the date of that value.
    assert (am_datum.ausgangswert, am_datum.ausgangsdatum) == (300, D(2019, 12, 31))


# --- The six-week rule ------------------------------------------------------------------


def test_target_changes_within_six_weeks_need_no_reason_and_are_logged():
    ziel = _gealtert(WirkungszielFactory(), tage=41)
    user = UserFactory(first_name="Sabine", last_name="Planer")

    wirkungsziel_update(
        ziel_id=ziel.pk, version=ziel.version, daten=_aus(ziel, zielwert=Decimal("55")), user=user
    )

    ziel.refresh_from_db()
    assert ziel.zielwert == 55
    letzte = zielaenderungen(ziel)[0]
    assert letzte.aenderungen == [("Zielwert", "60", "55")]
    assert letzte.in_frist and letzte.begruendung == ""
    assert letzte.wer == user


@pytest.mark.parametrize(
    "aenderung",
    [
        {"zielwert": Decimal("55")},
        {"zieldatum": D(2027, 1, 1)},
        {"ausgangswert": Decimal("38")},
        {"richtung": "fallend", "zielwert": Decimal("30")},
    ],
)
def test_yardstick_changes_after_six_weeks_need_a_reason(aenderung):
    ziel = _gealtert(WirkungszielFactory(), tage=43)
    with pytest.raises(ValidationError) as fehler:
        wirkungsziel_update(
            ziel_id=ziel.pk,
            version=ziel.version,
            daten=_aus(ziel, **aenderung),
            user=UserFactory(),
        )
    assert "Bitte begründen Sie" in fehler.value.message_dict["begruendung"][0]
    ziel.refresh_from_db()
    assert (ziel.zielwert, ziel.zieldatum, ziel.version) == (60, D(2026, 1, 1), 1)


def test_a_late_change_with_a_reason_is_saved_with_the_reason_in_the_log():
    ziel = _gealtert(WirkungszielFactory(), tage=100)
    wirkungsziel_update(
        ziel_id=ziel.pk,
        version=ziel.version,
        daten=_aus(ziel, zielwert=Decimal("70")),
        user=UserFactory(),
        begruendung="  Der Kreistag hat die Mittel im Haushalt 2025 erhöht.  ",
    )
    letzte = zielaenderungen(ziel)[0]
    assert letzte.aenderungen == [("Zielwert", "60", "70")]
    assert not letzte.in_frist
    assert letzte.begruendung == "Der Kreistag hat die Mittel im Haushalt 2025 erhöht."


def test_after_six_weeks_wording_and_empty_fields_may_change_without_a_reason():
    ziel = _gealtert(WirkungszielFactory(zieldatum=None, verantwortlich=""), tage=200)
    wirkungsziel_update(
        ziel_id=ziel.pk,
        version=ziel.version,
        daten=_aus(ziel, text="Klarer formuliert", zieldatum=D(2027, 6, 30), verantwortlich="AWO"),
        user=UserFactory(),
    )
    ziel.refresh_from_db()
    assert (ziel.text, ziel.zieldatum) == ("Klarer formuliert", D(2027, 6, 30))
    assert zielaenderungen(ziel)[0].weitere == ["Wirkungsziel", "Verantwortlich"]


def test_a_save_from_an_older_version_is_refused_not_overwriting():
    ziel = WirkungszielFactory()
    wirkungsziel_update(
        ziel_id=ziel.pk, version=1, daten=_aus(ziel, zielwert=Decimal("65")), user=UserFactory()
    )
    with pytest.raises(VersionKonflikt) as konflikt:
        wirkungsziel_update(
            ziel_id=ziel.pk,
            version=1,
            daten=_aus(ziel, zielwert=Decimal("70")),
            user=UserFactory(),
        )
    assert konflikt.value.aktuell.zielwert == 65
    ziel.refresh_from_db()
    assert (ziel.zielwert, ziel.version) == (65, 2)


# --- Values and notes ------------------------------------------------------------------


def test_staff_enter_a_value_for_an_own_indicator():
    ziel = WirkungszielFactory()
    user = UserFactory()
    messung = wirkungsmessung_create(ziel=ziel, datum=D(2024, 1, 1), wert=Decimal("50"), user=user)
    assert (messung.wert, messung.erfasst_von) == (50, user)


@pytest.mark.parametrize(
    ("datum", "text"),
    [
        (D(2022, 1, 1), "muss nach dem Datum des Ausgangswerts (01.01.2022) liegen"),
        (D(2021, 5, 1), "muss nach dem Datum des Ausgangswerts"),
        (timezone.localdate() + datetime.timedelta(days=1), "nicht in der Zukunft"),
    ],
)
def test_values_at_impossible_dates_are_refused_at_the_date(datum, text):
    with pytest.raises(ValidationError) as fehler:
        wirkungsmessung_create(
            ziel=WirkungszielFactory(), datum=datum, wert=Decimal("50"), user=UserFactory()
        )
    assert text in fehler.value.message_dict["datum"][0]
    assert not Wirkungsmessung.objects.exists()


def test_a_second_value_for_the_same_date_is_refused():
    ziel = WirkungszielFactory()
    wirkungsmessung_create(ziel=ziel, datum=D(2024, 1, 1), wert=Decimal("50"), user=UserFactory())
    with pytest.raises(ValidationError) as fehler:
        wirkungsmessung_create(
            ziel=ziel, datum=D(2024, 1, 1), wert=Decimal("51"), user=UserFactory()
        )
    assert fehler.value.message_dict["datum"] == [
        "Für diesen Stichtag ist schon ein Wert erfasst."
    ]
    assert Wirkungsmessung.objects.get().wert == 50


def test_goals_with_a_monitoring_indicator_take_no_typed_values():
    ziel = WirkungszielFactory(indikator=IndikatorFactory(), eigener_indikator="")
    with pytest.raises(ValidationError, match="automatisch aus dem Sozialmonitoring"):
        wirkungsmessung_create(
            ziel=ziel, datum=D(2024, 1, 1), wert=Decimal("50"), user=UserFactory()
        )


def test_dialogue_notes_need_a_side_and_a_text():
    ziel = WirkungszielFactory()
    notiz = dialognotiz_create(
        ziel=ziel,
        datum=D(2024, 3, 1),
        seite="traeger",
        von=" AWO ",
        text=" Gut. ",
        user=UserFactory(),
    )
    assert (notiz.von, notiz.text, notiz.get_seite_display()) == ("AWO", "Gut.", "Träger")
    with pytest.raises(ValidationError) as fehler:
        dialognotiz_create(ziel=ziel, datum=D(2024, 3, 1), seite="", text="", user=UserFactory())
    assert set(fehler.value.message_dict) == {"seite", "text"}
