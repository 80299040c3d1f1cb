"""Reads of the Kreistag phase: the implementation overview and a Maßnahme's steps."""

from django.db.models import Count, Q

from empfehlungen.models import Handlungsempfehlung, Massnahme, MassnahmeStatusAenderung
from empfehlungen.selectors import empfehlungen_sichtbar_fuer

UMSETZUNG_STATUS = [
    Massnahme.Status.GEPLANT,
    Massnahme.Status.IN_UMSETZUNG,
    Massnahme.Status.UMGESETZT,
    Massnahme.Status.EINGESTELLT,
    Massnahme.Status.ZURUECKGESTELLT,
]


def umsetzung_queryset(user):
    """Decided recommendations with their Maßnahmen counted per status, in one query."""
    zaehler = {
        f"anzahl_{status}": Count("massnahmen", filter=Q(massnahmen__status=status))
        for status in UMSETZUNG_STATUS
    }
    return (
        empfehlungen_sichtbar_fuer(user)
        .filter(kreistag_status=Handlungsempfehlung.KreistagStatus.BESCHLOSSEN)
        .for_list()
        .annotate(anzahl_massnahmen=Count("massnahmen"), **zaehler)
        .order_by("-planungsjahr__jahr", "handlungsfeld__reihenfolge", "titel")
    )


def massnahme_schritte(*, massnahme: Massnahme):
    return MassnahmeStatusAenderung.objects.filter(massnahme=massnahme).order_by("-datum", "-pk")


def umsetzungsstand(massnahmen) -> dict:
    """Counts per status, share done and budgets of already loaded Maßnahmen (no query)."""
    massnahmen = list(massnahmen)
    anzahl = dict.fromkeys(UMSETZUNG_STATUS, 0)
    geplant_budget = ausgegeben = None
    for massnahme in massnahmen:
        anzahl[massnahme.status] += 1
        if massnahme.budget is not None:
            geplant_budget = (geplant_budget or 0) + massnahme.budget
        schritte = [
            s for s in massnahme.statusaenderungen.all() if s.budget_ausgegeben is not None
        ]
        if schritte:
            letzter = max(schritte, key=lambda s: (s.datum, s.pk))
            ausgegeben = (ausgegeben or 0) + letzter.budget_ausgegeben
    gesamt = len(massnahmen)
    umgesetzt = anzahl[Massnahme.Status.UMGESETZT]
    return {
        "gesamt": gesamt,
        "umgesetzt": umgesetzt,
        "prozent": round(100 * umgesetzt / gesamt) if gesamt else 0,
        "je_status": [
            (status, Massnahme.Status(status).label, anzahl[status])
            for status in UMSETZUNG_STATUS
            if anzahl[status] or status != Massnahme.Status.ZURUECKGESTELLT
        ],
        "budget_geplant": geplant_budget,
        "budget_ausgegeben": ausgegeben,
    }
