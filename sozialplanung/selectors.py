"""Reads for the cycle dashboard: what each phase of a Planungsjahr holds."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import Handlungsfeld, StrategischeAnalyse
from sozialplanung.models import Phase, PhasenWechsel, Planungsjahr

Status = Handlungsempfehlung.Status
KreistagStatus = Handlungsempfehlung.KreistagStatus

# Drafts belong to their Fokusgruppe until submitted; the dashboard counts the rest.
_VORGELEGT = Q(handlungsempfehlungen__status__in=[Status.EINGEREICHT, Status.VEROEFFENTLICHT])
ZAEHLER = {
    "vorschlaege": Count("handlungsempfehlungen", filter=_VORGELEGT),
    "eingeschaetzt": Count(
        "handlungsempfehlungen",
        filter=_VORGELEGT & ~Q(handlungsempfehlungen__steuerungsrelevanz=""),
    ),
    "im_dossier": Count(
        "handlungsempfehlungen", filter=_VORGELEGT & Q(handlungsempfehlungen__im_dossier=True)
    ),
    "in_beratung": Count(
        "handlungsempfehlungen",
        filter=_VORGELEGT & Q(handlungsempfehlungen__kreistag_status=KreistagStatus.BERATUNG),
    ),
    "entschieden": Count(
        "handlungsempfehlungen",
        filter=_VORGELEGT
        & Q(
            handlungsempfehlungen__kreistag_status__in=[
                KreistagStatus.BESCHLOSSEN,
                KreistagStatus.ABGELEHNT,
            ]
        ),
    ),
}


@dataclass(frozen=True)
class PhasenStand:
    phase: Phase
    zustand: str  # "erledigt", "aktuell" or "offen"
    seit: object  # the datetime the phase was entered, if it was
    kennzahlen: list[tuple[int, str]]

    @property
    def ist_aktuell(self) -> bool:
        return self.zustand == "aktuell"


def planungsjahre_mit_zahlen():
    """Every Planungsjahr with its counters, in one query."""
    return Planungsjahr.objects.annotate(**ZAEHLER).order_by("-jahr")


def zyklus_stand(planungsjahr: Planungsjahr) -> list[PhasenStand]:
    """The five phases of ``planungsjahr`` in order, each with what it holds.

    ``planungsjahr`` carries the counters of ``planungsjahre_mit_zahlen``.
    """
    zahlen = planungsjahr
    handlungsfelder = Handlungsfeld.objects.gueltig_in(planungsjahr.jahr).count()
    analysen = (
        StrategischeAnalyse.objects.filter(planungsjahr=planungsjahr).exclude(text="").count()
    )
    seit: dict[int, object] = {}
    # Later entries win, so after a step back the date of the latest entry shows.
    for wechsel in PhasenWechsel.objects.filter(planungsjahr=planungsjahr).order_by(
        "zeitpunkt", "pk"
    ):
        seit[wechsel.nach_phase] = wechsel.zeitpunkt

    kennzahlen = {
        Phase.STRATEGISCHE_ANALYSE: [
            (handlungsfelder, _("Handlungsfelder")),
            (analysen, _("Analysen geschrieben")),
        ],
        Phase.VORSCHLAEGE: [(zahlen.vorschlaege, _("Vorschläge eingereicht"))],
        Phase.BEWERTUNG: [(zahlen.eingeschaetzt, _("eingeschätzt"))],
        Phase.PLANUNGSDOSSIER: [(zahlen.im_dossier, _("ins Dossier aufgenommen"))],
        Phase.ENTSCHEIDUNG: [
            (zahlen.in_beratung, _("in Beratung")),
            (zahlen.entschieden, _("entschieden")),
        ],
    }
    stand = []
    for phase in Phase:
        if phase < planungsjahr.phase:
            zustand = "erledigt"
        elif phase == planungsjahr.phase:
            zustand = "aktuell"
        else:
            zustand = "offen"
        stand.append(
            PhasenStand(
                phase=phase,
                zustand=zustand,
                seit=seit.get(phase) if zustand != "offen" else None,
                kennzahlen=kennzahlen[phase],
            )
        )
    return stand
