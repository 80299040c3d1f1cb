"""The rules of the Wirkungsorientierung: SMART check, progress, time share, traffic light."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from empfehlungen.wirkung import (
    Ampel,
    Ebene,
    Richtung,
    ampel,
    ebene,
    fehlende_angaben,
    fortschritt,
    korrekturfrist_offen,
    prozent,
    zeitanteil,
)

D = datetime.date
VOLL = {
    "hat_indikator": True,
    "ausgangswert": Decimal("40"),
    "ausgangsdatum": D(2022, 1, 1),
    "zielwert": Decimal("60"),
    "zieldatum": D(2026, 1, 1),
}


# --- SMART ------------------------------------------------------------------------------


def test_a_goal_with_indicator_baseline_target_and_date_is_messbar():
    assert fehlende_angaben(**VOLL) == []


@pytest.mark.parametrize(
    ("ohne", "fehlt"),
    [
        ({"hat_indikator": False}, ["Indikator"]),
        ({"ausgangswert": None}, ["Ausgangswert"]),
        ({"ausgangsdatum": None}, ["Datum des Ausgangswerts"]),
        ({"zielwert": None}, ["Zielwert"]),
        ({"zieldatum": None}, ["Zieldatum"]),
        (
            {"hat_indikator": False, "zielwert": None, "zieldatum": None},
            ["Indikator", "Zielwert", "Zieldatum"],
        ),
    ],
)
def test_the_smart_check_names_what_is_missing(ohne, fehlt):
    assert fehlende_angaben(**(VOLL | ohne)) == fehlt


def test_a_baseline_of_zero_counts_as_present():
    assert fehlende_angaben(**(VOLL | {"ausgangswert": Decimal("0")})) == []


# --- Progress --------------------------------------------------------------------------


def _f(ausgang, ziel, ist, richtung=Richtung.STEIGEND):
    return fortschritt(
        ausgangswert=Decimal(ausgang),
        zielwert=Decimal(ziel),
        istwert=Decimal(ist),
        richtung=richtung,
    )


@pytest.mark.parametrize(
    ("ausgang", "ziel", "ist", "erwartet"),
    [
        ("40", "60", "40", Fraction(0)),
        ("40", "60", "50", Fraction(1, 2)),
        ("40", "60", "60", Fraction(1)),
        ("40", "60", "70", Fraction(3, 2)),  # beyond the target
        ("40", "60", "30", Fraction(-1, 2)),  # the wrong way
        ("9077", "10500", "9860", Fraction(783, 1423)),
    ],
)
def test_progress_is_actual_minus_baseline_over_target_minus_baseline(
    ausgang, ziel, ist, erwartet
):
    assert _f(ausgang, ziel, ist) == erwartet


@pytest.mark.parametrize(
    ("ist", "erwartet"),
    [("12", Fraction(0)), ("10", Fraction(1, 2)), ("8", Fraction(1)), ("14", Fraction(-1, 2))],
)
def test_falling_is_better_counts_a_fall_as_progress(ist, erwartet):
    assert _f("12", "8", ist, Richtung.FALLEND) == erwartet


@pytest.mark.parametrize(
    ("richtung", "ist", "erwartet"),
    [
        (Richtung.STEIGEND, "50", Fraction(1)),  # held exactly
        (Richtung.STEIGEND, "51", Fraction(1)),  # beyond, in the good direction
        (Richtung.STEIGEND, "49.99", Fraction(0)),
        (Richtung.FALLEND, "50", Fraction(1)),
        (Richtung.FALLEND, "49", Fraction(1)),
        (Richtung.FALLEND, "50.01", Fraction(0)),
    ],
)
def test_target_equal_to_baseline_is_reached_or_not(richtung, ist, erwartet):
    assert _f("50", "50", ist, richtung) == erwartet


def test_progress_is_exact_not_floating_point():
    # 0.1 + 0.2 in floats is not 0.3; the boundary of the light must not wobble.
    assert _f("0.1", "0.4", "0.3") == Fraction(2, 3)


@pytest.mark.parametrize(
    ("anteil", "erwartet"),
    [
        (Fraction(783, 1423), 55),
        (Fraction(1, 2), 50),
        (Fraction(5, 1000), 1),  # half up
        (Fraction(4999, 1000000), 0),
        (Fraction(-3, 5), -60),
        (None, None),
    ],
)
def test_percent_rounds_half_up(anteil, erwartet):
    assert prozent(anteil) == erwartet


# --- Time share and traffic light --------------------------------------------------------


@pytest.mark.parametrize(
    ("stichtag", "erwartet"),
    [
        (D(2022, 1, 1), Fraction(0)),
        (D(2021, 6, 1), Fraction(0)),  # before the baseline
        (D(2024, 1, 1), Fraction(730, 1461)),
        (D(2026, 1, 1), Fraction(1)),
        (D(2030, 1, 1), Fraction(1)),  # after the target date
    ],
)
def test_time_share_runs_from_baseline_date_to_target_date(stichtag, erwartet):
    assert (
        zeitanteil(ausgangsdatum=D(2022, 1, 1), zieldatum=D(2026, 1, 1), stichtag=stichtag)
        == erwartet
    )


@pytest.mark.parametrize(
    ("fortschritt_", "zeit", "erwartet"),
    [
        # auf Kurs from exactly the time share on
        (Fraction(1, 2), Fraction(1, 2), Ampel.AUF_KURS),
        (Fraction(1, 2) + Fraction(1, 10**9), Fraction(1, 2), Ampel.AUF_KURS),
        # gefährdet from exactly half the time share up to just below it
        (Fraction(1, 2) - Fraction(1, 10**9), Fraction(1, 2), Ampel.GEFAEHRDET),
        (Fraction(1, 4), Fraction(1, 2), Ampel.GEFAEHRDET),
        # nicht auf Kurs below half the time share
        (Fraction(1, 4) - Fraction(1, 10**9), Fraction(1, 2), Ampel.NICHT_AUF_KURS),
        (Fraction(0), Fraction(1, 10), Ampel.NICHT_AUF_KURS),
        # the wrong way is never on course, even at the very start
        (Fraction(-1, 100), Fraction(0), Ampel.NICHT_AUF_KURS),
        (Fraction(0), Fraction(0), Ampel.AUF_KURS),
        # reached is on course, also after the target date
        (Fraction(1), Fraction(1), Ampel.AUF_KURS),
        (Fraction(3, 2), Fraction(1, 5), Ampel.AUF_KURS),
        # after the target date the whole way counts
        (Fraction(99, 100), Fraction(1), Ampel.GEFAEHRDET),
        (Fraction(1, 2), Fraction(1), Ampel.GEFAEHRDET),
        (Fraction(49, 100), Fraction(1), Ampel.NICHT_AUF_KURS),
        # nothing to compare yet
        (None, Fraction(1, 2), Ampel.OFFEN),
        (Fraction(1, 2), None, Ampel.OFFEN),
    ],
)
def test_traffic_light_at_its_boundaries(fortschritt_, zeit, erwartet):
    assert ampel(fortschritt=fortschritt_, zeitanteil=zeit) == erwartet


def test_target_equal_to_baseline_falling_is_better_gives_red_when_it_rose():
    anteil = _f("50", "50", "51", Richtung.FALLEND)
    assert ampel(fortschritt=anteil, zeitanteil=Fraction(1, 3)) == Ampel.NICHT_AUF_KURS


@pytest.mark.parametrize(
    ("stufe", "erwartet"),
    [
        (1, Ebene.OUTPUT),
        (3, Ebene.OUTPUT),
        (4, Ebene.OUTCOME),
        (6, Ebene.OUTCOME),
        (7, Ebene.IMPACT),
    ],
)
def test_wirkungstreppe_levels_give_output_outcome_impact(stufe, erwartet):
    assert ebene(stufe) == erwartet


# --- Six weeks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nach", "offen"),
    [
        (datetime.timedelta(days=0), True),
        (datetime.timedelta(days=42), True),
        (datetime.timedelta(days=42, seconds=1), False),
        (datetime.timedelta(days=100), False),
    ],
)
def test_correction_period_is_six_weeks(nach, offen):
    angelegt = datetime.datetime(2024, 1, 10, 9, 0, tzinfo=datetime.UTC)
    assert korrekturfrist_offen(angelegt=angelegt, jetzt=angelegt + nach) is offen
