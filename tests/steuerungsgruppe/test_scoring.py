"""The scoring arithmetic: one pure function, checked at the thresholds and with hypothesis."""

import statistics
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steuerungsgruppe.scoring import HOCH, RELEVANT, WENIGER, kategorie_fuer, score_result


@pytest.mark.parametrize(
    ("mittelwert", "kategorie"),
    [
        (0, WENIGER),
        (39, WENIGER),
        (39.99, WENIGER),
        (Fraction(3999, 100), WENIGER),
        (40, RELEVANT),
        (51.99, RELEVANT),
        (Fraction(5199, 100), RELEVANT),
        (52, HOCH),
        (65, HOCH),
    ],
)
def test_category_boundaries_with_default_thresholds(mittelwert, kategorie):
    assert kategorie_fuer(mittelwert, schwelle_relevant=40, schwelle_hoch=52) == kategorie


def test_mean_of_39_99_is_weniger_and_of_40_relevant():
    # 100 members: 99 give 40 points and one 39 → mean 39.99.
    assert score_result([40] * 99 + [39]).kategorie == WENIGER
    assert score_result([40] * 99 + [39]).mittelwert == pytest.approx(39.99)
    assert score_result([40] * 100).kategorie == RELEVANT


def test_mean_of_51_99_is_relevant_and_of_52_hoch():
    assert score_result([52] * 99 + [51]).kategorie == RELEVANT
    assert score_result([52] * 99 + [51]).mittelwert == pytest.approx(51.99)
    assert score_result([51, 53]).kategorie == HOCH


def test_a_mean_just_below_a_threshold_is_never_rounded_up():
    # Three totals whose mean is 51.666…: rounded to 52 it would read „hoch“.
    ergebnis = score_result([52, 52, 51])
    assert ergebnis.kategorie == RELEVANT
    assert round(ergebnis.mittelwert) == 52


def test_result_reports_n_mean_median_min_max():
    ergebnis = score_result([30, 41, 41, 60])
    assert (ergebnis.n, ergebnis.minimum, ergebnis.maximum) == (4, 30, 60)
    assert ergebnis.mittelwert == pytest.approx(43.0)
    assert ergebnis.median == 41
    assert ergebnis.kategorie == RELEVANT


def test_abstentions_do_not_count():
    ergebnis = score_result([60, None, 50, None])
    assert ergebnis.n == 2
    assert ergebnis.enthaltungen == 2
    assert ergebnis.mittelwert == 55
    assert ergebnis.kategorie == HOCH


def test_no_assessments_at_all_gives_no_result():
    ergebnis = score_result([])
    assert ergebnis.n == 0
    assert ergebnis.kategorie is None
    assert ergebnis.mittelwert is None and ergebnis.median is None


def test_only_abstentions_gives_no_result_but_counts_them():
    ergebnis = score_result([None, None])
    assert (ergebnis.n, ergebnis.enthaltungen, ergebnis.kategorie) == (0, 2, None)


def test_scheme_with_a_different_maximum_uses_its_own_thresholds():
    # 10 criteria of 0–3 points: maximum 30, thresholds 18 and 24.
    schwellen = {"schwelle_relevant": 18, "schwelle_hoch": 24, "hoechstsumme": 30}
    assert score_result([17, 18], **schwellen).kategorie == WENIGER
    assert score_result([18, 18], **schwellen).kategorie == RELEVANT
    assert score_result([23, 25], **schwellen).kategorie == HOCH
    assert score_result([30, 30], **schwellen).kategorie == HOCH
    with pytest.raises(ValueError):
        score_result([31], **schwellen)
    # The same total is „hoch“ in the smaller scheme and „weniger“ in the default one.
    assert score_result([25]).kategorie == WENIGER


def test_negative_totals_and_crossed_thresholds_are_refused():
    with pytest.raises(ValueError):
        score_result([-1])
    with pytest.raises(ValueError):
        score_result([40], schwelle_relevant=52, schwelle_hoch=40)


summen = st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=65)), max_size=40)


@given(summen)
def test_result_matches_the_statistics_of_the_non_abstaining_totals(werte):
    ergebnis = score_result(werte, hoechstsumme=65)
    gezaehlt = [w for w in werte if w is not None]
    assert ergebnis.n == len(gezaehlt)
    assert ergebnis.enthaltungen == len(werte) - len(gezaehlt)
    if not gezaehlt:
        assert ergebnis.kategorie is None
        return
    assert ergebnis.minimum == min(gezaehlt) <= ergebnis.mittelwert <= max(gezaehlt)
    assert ergebnis.median == pytest.approx(statistics.median(gezaehlt))
    exakt = Fraction(sum(gezaehlt), len(gezaehlt))
    erwartet = HOCH if exakt >= 52 else RELEVANT if exakt >= 40 else WENIGER
    assert ergebnis.kategorie == erwartet


@given(summen.flatmap(lambda werte: st.tuples(st.just(werte), st.permutations(werte))))
def test_order_of_submission_does_not_change_the_result(paar):
    werte, gemischt = paar
    assert score_result(werte) == score_result(gemischt)


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=0, max_value=65))
def test_category_is_monotone_in_the_totals(n, summe):
    rang = {None: -1, WENIGER: 0, RELEVANT: 1, HOCH: 2}
    niedriger = score_result([summe] * n).kategorie
    hoeher = score_result([min(65, summe + 1)] * n).kategorie
    assert rang[niedriger] <= rang[hoeher]
