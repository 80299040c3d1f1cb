"""The Kreistag status is derived from the Beratungen, and every change is kept."""

import datetime

import pytest

from empfehlungen.models import Handlungsempfehlung, KreistagStatusAenderung
from empfehlungen.services_kreistag import kreistag_status_update, status_aus_beratungen
from tests.empfehlungen.factories import (
    BeratungFactory,
    HandlungsempfehlungFactory,
    VorlageFactory,
)

pytestmark = pytest.mark.django_db
S = Handlungsempfehlung.KreistagStatus
D = datetime.date


def _empfehlung_mit(*beratungen: dict):
    empfehlung = HandlungsempfehlungFactory()
    vorlage = VorlageFactory()
    vorlage.handlungsempfehlungen.add(empfehlung)
    for werte in beratungen:
        BeratungFactory(vorlage=vorlage, **werte)
    kreistag_status_update(empfehlung=empfehlung)
    empfehlung.refresh_from_db()
    return empfehlung


def test_without_vorlage_the_status_is_nicht_beraten():
    empfehlung = HandlungsempfehlungFactory()
    assert kreistag_status_update(empfehlung=empfehlung) is False
    assert empfehlung.kreistag_status == S.NICHT_BERATEN


def test_vorlage_without_beratung_is_nicht_beraten():
    assert _empfehlung_mit().kreistag_status == S.NICHT_BERATEN


@pytest.mark.parametrize(
    ("beratungen", "erwartet"),
    [
        # scheduled, no result yet
        ([{"ergebnis": ""}], S.BERATUNG),
        # only preliminary, even when the committee recommends it
        ([{"ergebnis": "empfohlen"}], S.BERATUNG),
        # a non-authoritative "beschlossen" (a committee's own resolution) does not decide
        ([{"ergebnis": "beschlossen", "authoritative": False}], S.BERATUNG),
        # authoritative but not yet decided
        ([{"authoritative": True, "ergebnis": ""}], S.BERATUNG),
        ([{"authoritative": True, "ergebnis": "vertagt"}], S.BERATUNG),
        ([{"authoritative": True, "ergebnis": "beschlossen"}], S.BESCHLOSSEN),
        ([{"authoritative": True, "ergebnis": "Geändert beschlossen"}], S.BESCHLOSSEN),
        ([{"authoritative": True, "ergebnis": "einstimmig beschlossen"}], S.BESCHLOSSEN),
        ([{"authoritative": True, "ergebnis": "abgelehnt"}], S.ABGELEHNT),
        ([{"authoritative": True, "ergebnis": "nicht beschlossen"}], S.BERATUNG),
        (
            [
                {"ergebnis": "empfohlen", "sitzungsdatum": D(2023, 9, 1)},
                {"authoritative": True, "ergebnis": "abgelehnt", "sitzungsdatum": D(2023, 10, 1)},
            ],
            S.ABGELEHNT,
        ),
        # decided again later: the latest decision wins
        (
            [
                {"authoritative": True, "ergebnis": "abgelehnt", "sitzungsdatum": D(2023, 10, 1)},
                {"authoritative": True, "ergebnis": "beschlossen", "sitzungsdatum": D(2024, 3, 1)},
            ],
            S.BESCHLOSSEN,
        ),
    ],
)
def test_status_is_derived_from_the_beratungen(beratungen, erwartet):
    assert _empfehlung_mit(*beratungen).kreistag_status == erwartet


def test_status_over_several_vorlagen_takes_the_latest_decision():
    empfehlung = HandlungsempfehlungFactory()
    alt, neu = VorlageFactory(), VorlageFactory()
    alt.handlungsempfehlungen.add(empfehlung)
    neu.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(
        vorlage=alt, authoritative=True, ergebnis="beschlossen", sitzungsdatum=D(2019, 1, 1)
    )
    BeratungFactory(
        vorlage=neu, authoritative=True, ergebnis="abgelehnt", sitzungsdatum=D(2020, 1, 1)
    )
    kreistag_status_update(empfehlung=empfehlung)
    assert empfehlung.kreistag_status == S.ABGELEHNT


def test_every_change_is_kept_with_the_sitting_date():
    empfehlung = HandlungsempfehlungFactory()
    vorlage = VorlageFactory()
    vorlage.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(vorlage=vorlage, sitzungsdatum=D(2023, 9, 14), ergebnis="empfohlen")
    assert kreistag_status_update(empfehlung=empfehlung, anlass="Test") is True
    BeratungFactory(
        vorlage=vorlage,
        gremium="Kreistag",
        sitzungsdatum=D(2023, 10, 11),
        authoritative=True,
        ergebnis="geändert beschlossen",
    )
    assert kreistag_status_update(empfehlung=empfehlung) is True
    # Unchanged Beratungen: nothing new is logged.
    assert kreistag_status_update(empfehlung=empfehlung) is False
    verlauf = list(
        KreistagStatusAenderung.objects.filter(handlungsempfehlung=empfehlung).values_list(
            "von_status", "nach_status", "datum"
        )
    )
    assert verlauf == [
        (S.NICHT_BERATEN, S.BERATUNG, D(2023, 9, 14)),
        (S.BERATUNG, S.BESCHLOSSEN, D(2023, 10, 11)),
    ]


def test_status_aus_beratungen_without_beratungen():
    assert status_aus_beratungen([]) == (S.NICHT_BERATEN, None)


def test_status_updates_even_when_the_handlungsfeld_no_longer_fits_the_year():
    # The Handlungsfeld's validity was shortened after the recommendation was made.
    empfehlung = HandlungsempfehlungFactory(handlungsfeld__gueltig_von=2024)
    vorlage = VorlageFactory()
    vorlage.handlungsempfehlungen.add(empfehlung)
    BeratungFactory(vorlage=vorlage, authoritative=True, ergebnis="beschlossen")

    assert kreistag_status_update(empfehlung=empfehlung) is True
    empfehlung.refresh_from_db()
    assert empfehlung.kreistag_status == S.BESCHLOSSEN
