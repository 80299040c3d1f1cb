"""Invented recommendations that bring the demo data to the size of a busy county.

`make bench` and `make loadtest` measure with about 2,000 recommendations; the county's
real documents hold 17. The invented ones say so in their title and are never loaded by
`make run`.
"""

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import Planungsjahr

RELEVANZ = ("weniger", "relevant", "hoch", "")


def empfehlungen_auffuellen(*, gesamt: int) -> int:
    """Add published recommendations until there are ``gesamt``; return how many were added.

    They spread evenly over the Handlungsfelder, the Planungsjahre and the categories
    of Steuerungsrelevanz, so that every filter of the public list finds some. A second
    call with the same number adds nothing.
    """
    vorhanden = Handlungsempfehlung.objects.count()
    if vorhanden >= gesamt:
        return 0
    felder = list(Handlungsfeld.objects.order_by("reihenfolge", "pk"))
    jahre = list(Planungsjahr.objects.order_by("jahr"))
    neue = Handlungsempfehlung.objects.bulk_create(
        Handlungsempfehlung(
            titel=f"Empfehlung {i}: Kita-Ausbau und Beratung im Sozialraum {i % 37} (erfunden)",
            handlungsfeld=felder[i % len(felder)],
            planungsjahr=jahre[i % len(jahre)],
            beschreibung="Beschreibung " * 40,
            ausgangslage="Ausgangslage " * 40,
            status=Handlungsempfehlung.Status.VEROEFFENTLICHT,
            steuerungsrelevanz=RELEVANZ[i % len(RELEVANZ)],
        )
        for i in range(vorhanden, gesamt)
    )
    return len(neue)
