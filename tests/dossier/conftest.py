import logging

import pytest

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import StrategischeAnalyse
from sozialplanung.models import Phase
from tests.empfehlungen.factories import HandlungsempfehlungFactory, MassnahmeFactory
from tests.handlungsfelder.factories import (
    GebietFactory,
    HandlungsfeldFactory,
    IndikatorFactory,
    MesswertFactory,
)
from tests.sozialplanung.factories import PlanungsjahrFactory

AUFGENOMMEN = "Sprachstandserhebung von Kindern in Kindertageseinrichtungen"
NICHT_AUFGENOMMEN = "Ehrenamtskarte für junge Engagierte"
ENTWURF = "Noch nicht veröffentlichter Vorschlag"


@pytest.fixture
def dossier_daten(db):
    """A year in the Planungsdossier phase: two chapters, a chart, three recommendations."""
    jahr = PlanungsjahrFactory(jahr=2023, phase=Phase.PLANUNGSDOSSIER)
    bildung = HandlungsfeldFactory(name="Bildung", slug="bildung", reihenfolge=1)
    wohnen = HandlungsfeldFactory(name="Wohnen", slug="wohnen", reihenfolge=2)
    kreis = GebietFactory(schluessel="01056", name="Pinneberg, Landkreis")
    land = GebietFactory(schluessel="01", name="Schleswig-Holstein")
    plaetze = IndikatorFactory(name="Verfügbare Plätze in Kitas", quelle="Kita-Statistik")
    for nummer, jahr_wert in enumerate(range(2016, 2023)):
        MesswertFactory(indikator=plaetze, gebiet=kreis, jahr=jahr_wert, wert=9000 + 100 * nummer)
        MesswertFactory(indikator=plaetze, gebiet=land, jahr=jahr_wert, wert=90000 + 900 * nummer)
    analyse = StrategischeAnalyse.objects.create(
        handlungsfeld=bildung,
        planungsjahr=jahr,
        text="Die Bildungslandschaft im Kreis wächst.",
        erkenntnisse="Die Fokusgruppe AG § 78 hat zwei Unterarbeitsgruppen gebildet.",
        fakten="Es gibt 9.600 Kitaplätze.\nDie Versorgungsquote steigt.",
        fakten_quellen="Kreis Pinneberg 2022",
    )
    analyse.indikatoren.set([plaetze])
    aufgenommen = HandlungsempfehlungFactory(
        titel=AUFGENOMMEN,
        handlungsfeld=bildung,
        planungsjahr=jahr,
        steuerungsrelevanz="hoch",
        im_dossier=True,
        ausgangslage="Viele Kinder brauchen Sprachförderung.",
    )
    MassnahmeFactory(handlungsempfehlung=aufgenommen, massnahme="Erhebung in allen Kitas")
    HandlungsempfehlungFactory(
        titel=NICHT_AUFGENOMMEN,
        handlungsfeld=wohnen,
        planungsjahr=jahr,
        steuerungsrelevanz="weniger",
        im_dossier=False,
    )
    HandlungsempfehlungFactory(
        titel=ENTWURF,
        handlungsfeld=bildung,
        planungsjahr=jahr,
        status=Handlungsempfehlung.Status.ENTWURF,
    )
    return jahr


@pytest.fixture(autouse=True)
def keine_weasyprint_warnungen(caplog):
    """Any warning WeasyPrint logs (a missing font, an unknown CSS rule) fails the test."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    warnungen = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert warnungen == []
