"""Reading impact goals: automatic values from the Sozialmonitoring, progress, few queries."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from empfehlungen.models import Handlungsempfehlung
from empfehlungen.selectors import detailstand, wirkungsstand
from empfehlungen.selectors_wirkung import wirkungsziele_fuer
from empfehlungen.services_wirkung import wirkungsziel_create
from empfehlungen.wirkung import Ampel
from handlungsfelder.importer import lesen
from handlungsfelder.models import Indikator, Messwert
from handlungsfelder.services import indikatoren_import
from tests.empfehlungen.factories import (
    HandlungsempfehlungFactory,
    WirkungsmessungFactory,
    WirkungszielFactory,
)
from tests.handlungsfelder.factories import GebietFactory, IndikatorFactory, MesswertFactory
from tests.sozialplanung.factories import UserFactory

pytestmark = pytest.mark.django_db
D = datetime.date
KITAS = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "realdata"
    / "genesis"
    / "22541-01-01-4_00.csv"
)


def _stand(ziel):
    return wirkungsziele_fuer([ziel.handlungsempfehlung])[ziel.handlungsempfehlung_id][0]


def test_goals_of_the_real_kita_table_follow_pinnebergs_values():
    """Kita places in Kreis Pinneberg: 9.077 (1998) → 9.860 (2002), the GENESIS export."""
    indikatoren_import(ergebnis=lesen(KITAS.read_bytes(), gebiet_praefix="01"))
    plaetze = Indikator.objects.get(
        tabelle="22541-01-01-4",
        name="Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt",
    )
    ziel = wirkungsziel_create(
        empfehlung=HandlungsempfehlungFactory(),
        daten={
            "text": "Das Angebot an Kita-Plätzen wächst.",
            "stufe": 2,
            "indikator": plaetze,
            "ausgangswert": None,
            "ausgangsdatum": D(1998, 12, 31),
            "zielwert": Decimal("10500"),
            "zieldatum": D(2006, 12, 31),
        },
        user=UserFactory(),
    )
    stand = _stand(ziel)

    assert ziel.ausgangswert == 9077  # taken from the table, not typed
    assert [(p.datum, p.wert) for p in stand.messpunkte] == [
        (D(1994, 12, 31), 8390),
        (D(1998, 12, 31), 9077),
        (D(2002, 12, 31), 9860),
    ]
    assert (stand.letzter.datum, stand.letzter.wert) == (D(2002, 12, 31), 9860)
    assert stand.fortschritt_prozent == 55  # 783 of 1.423 places
    assert stand.zeitanteil_prozent == 50
    assert stand.ampel == Ampel.AUF_KURS


def test_only_the_own_kreis_and_only_values_after_the_baseline_count():
    indikator = IndikatorFactory()
    kreis, nachbar = GebietFactory(schluessel="01056"), GebietFactory(schluessel="01060")
    MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2021, wert=100)
    MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2023, wert=None, fehlkennzeichen=".")
    MesswertFactory(indikator=indikator, gebiet=nachbar, jahr=2024, wert=500)
    ziel = WirkungszielFactory(
        indikator=indikator,
        eigener_indikator="",
        ausgangswert=Decimal("100"),
        ausgangsdatum=D(2021, 12, 31),
        zielwert=Decimal("140"),
        zieldatum=D(2025, 12, 31),
    )
    assert _stand(ziel).letzter is None
    assert _stand(ziel).ampel == Ampel.OFFEN

    MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2022, wert=104)
    stand = _stand(ziel)
    assert (stand.letzter.datum, stand.letzter.wert) == (D(2022, 12, 31), 104)
    # 10 % of the way after 25 % of the time: less than half the time share.
    assert stand.ampel == Ampel.NICHT_AUF_KURS


def test_a_corrected_statistic_changes_the_goal_at_once():
    indikator = IndikatorFactory()
    kreis = GebietFactory(schluessel="01056")
    messwert = MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2023, wert=110)
    ziel = WirkungszielFactory(
        indikator=indikator,
        eigener_indikator="",
        ausgangswert=Decimal("100"),
        ausgangsdatum=D(2021, 12, 31),
        zielwert=Decimal("140"),
        zieldatum=D(2025, 12, 31),
    )
    assert _stand(ziel).ampel == Ampel.GEFAEHRDET
    vorher = wirkungsstand(), detailstand()
    Messwert.objects.filter(pk=messwert.pk).update(wert=125)
    assert _stand(ziel).ampel == Ampel.AUF_KURS
    # The guests' cached pages key on the Datenstand, which must move with the value.
    assert (wirkungsstand(), detailstand()) != vorher


def test_a_stichtag_other_than_year_end_is_the_values_date():
    indikator = IndikatorFactory()
    MesswertFactory(
        indikator=indikator,
        gebiet=GebietFactory(schluessel="01056"),
        jahr=2023,
        stichtag=D(2023, 6, 30),
        wert=120,
    )
    ziel = WirkungszielFactory(indikator=indikator, eigener_indikator="")
    assert _stand(ziel).letzter.datum == D(2023, 6, 30)


def test_own_indicators_use_the_values_staff_entered_newest_last():
    ziel = WirkungszielFactory()  # 40 → 60 from 2022 to 2026
    WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2024, 1, 1), wert=Decimal("47"))
    WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2023, 1, 1), wert=Decimal("45"))
    stand = _stand(ziel)
    assert [m.wert for m in stand.messpunkte] == [45, 47]
    assert stand.letzter.wert == 47
    # 35 % of the way after 50 % of the time: at least half → gefährdet.
    assert (stand.fortschritt_prozent, stand.zeitanteil_prozent) == (35, 50)
    assert stand.ampel == Ampel.GEFAEHRDET


def test_a_goal_that_is_not_messbar_has_no_light_even_with_values():
    ziel = WirkungszielFactory(zielwert=None)
    WirkungsmessungFactory(wirkungsziel=ziel)
    stand = _stand(ziel)
    assert (stand.messbar, stand.fortschritt, stand.ampel) == (False, None, Ampel.OFFEN)
    assert stand.fehlende_angaben == ["Zielwert"]


def test_goals_come_per_recommendation_ordered_by_level():
    a, b = HandlungsempfehlungFactory(), HandlungsempfehlungFactory()
    oben = WirkungszielFactory(handlungsempfehlung=a, stufe=7)
    unten = WirkungszielFactory(handlungsempfehlung=a, stufe=1)
    WirkungszielFactory(handlungsempfehlung=b)
    ohne = HandlungsempfehlungFactory()
    staende = wirkungsziele_fuer([a, b, ohne])
    assert [s.ziel for s in staende[a.pk]] == [unten, oben]
    assert len(staende[b.pk]) == 1
    assert ohne.pk not in staende


def _abfragen(empfehlungen) -> int:
    with CaptureQueriesContext(connection) as ctx:
        wirkungsziele_fuer(empfehlungen)
    return len(ctx.captured_queries)


def test_selector_for_the_dossier_needs_the_same_queries_for_3_and_30_goals():
    kreis = GebietFactory(schluessel="01056")

    def bestand(n):
        empfehlungen = HandlungsempfehlungFactory.create_batch(n)
        for empfehlung in empfehlungen:
            indikator = IndikatorFactory()
            MesswertFactory(indikator=indikator, gebiet=kreis, jahr=2023, wert=50)
            WirkungszielFactory(
                handlungsempfehlung=empfehlung, indikator=indikator, eigener_indikator=""
            )
            eigen = WirkungszielFactory(handlungsempfehlung=empfehlung)
            WirkungsmessungFactory(wirkungsziel=eigen)
        return empfehlungen

    drei = _abfragen(bestand(3))
    assert drei == 3  # goals, typed values, the Sozialmonitoring's values
    assert _abfragen(bestand(30)) == drei
    # A queryset works as well as a list, without a query of its own.
    assert _abfragen(Handlungsempfehlung.objects.all()) == drei


def test_a_passed_target_date_without_a_value_from_then_is_flagged():
    ziel = WirkungszielFactory(zieldatum=D(2025, 1, 1))
    WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2024, 1, 1))
    stand = _stand(ziel)
    assert not stand.ohne_endwert(D(2025, 1, 1))
    assert stand.ohne_endwert(D(2025, 1, 2))
    WirkungsmessungFactory(wirkungsziel=ziel, datum=D(2025, 1, 1), wert=Decimal("60"))
    assert not _stand(ziel).ohne_endwert(D(2026, 1, 1))
