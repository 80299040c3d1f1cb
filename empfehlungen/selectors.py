"""Reads of Handlungsempfehlungen for the public and for staff."""

from django.db.models import Prefetch

from empfehlungen.models import KREISTAG_DETAIL_PREFETCH, Handlungsempfehlung, Massnahme
from sozialplanung.roles import is_sozialplanung


def empfehlungen_sichtbar_fuer(user):
    """What ``user`` may see: the public sees only what was published."""
    qs = Handlungsempfehlung.objects.all()
    if not is_sozialplanung(user):
        qs = qs.veroeffentlicht()
    return qs


def empfehlung_detail_queryset(user):
    return (
        empfehlungen_sichtbar_fuer(user)
        .for_list()
        .prefetch_related(
            Prefetch("massnahmen", queryset=Massnahme.objects.order_by("reihenfolge", "pk"))
        )
        .prefetch_related(*KREISTAG_DETAIL_PREFETCH)
    )
