"""Reads of Handlungsempfehlungen for the public, for Fokusgruppen and for staff."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, Q

from empfehlungen.models import (
    KREISTAG_DETAIL_PREFETCH,
    Beratung,
    Handlungsempfehlung,
    Massnahme,
    Vorlage,
    Wirkungsmessung,
    Wirkungsziel,
)
from handlungsfelder.models import Gebiet, Messwert
from sozialplanung.roles import FOKUSGRUPPE, has_role, is_sozialplanung
from sozialplanung.templatetags.format_de import euro


def empfehlungen_sichtbar_fuer(user):
    """What ``user`` may see.

    Staff see everything; a Fokusgruppe member also sees the unpublished work of their own
    groups; everybody else sees only what was published.
    """
    qs = Handlungsempfehlung.objects.all()
    if is_sozialplanung(user):
        return qs
    veroeffentlicht = Q(status=Handlungsempfehlung.Status.VEROEFFENTLICHT)
    if has_role(user, FOKUSGRUPPE):
        # A subquery rather than a join, so that no row appears twice.
        return qs.filter(veroeffentlicht | Q(herkunft__in=user.fokusgruppen.values("pk")))
    return qs.filter(veroeffentlicht)


def _stand(*models, messwerte: bool = False) -> str:
    """Latest change and row count of each model, in one query of scalar subqueries.

    With ``messwerte`` also the count and sum of the own Kreis's Sozialmonitoring values of
    every indicator an impact goal follows: a Messwert has no timestamp, and an import
    that corrects a value changes the sum.
    """
    quote = connection.ops.quote_name
    teile, parameter = [], []
    for model in models:
        tabelle = quote(model._meta.db_table)
        teile += [f"(SELECT MAX(modified) FROM {tabelle})", f"(SELECT COUNT(*) FROM {tabelle})"]
    if messwerte:
        werte = (
            f"FROM {quote(Messwert._meta.db_table)} WHERE {quote('indikator_id')} IN "
            f"(SELECT {quote('indikator_id')} FROM {quote(Wirkungsziel._meta.db_table)}) "
            f"AND {quote('gebiet_id')} IN (SELECT {quote('id')} FROM "
            f"{quote(Gebiet._meta.db_table)} WHERE {quote('schluessel')} = %s)"
        )
        teile += [f"(SELECT COUNT(*) {werte})", f"(SELECT SUM({quote('wert')}) {werte})"]
        parameter += [settings.TRAEGER["kreis_schluessel"]] * 2
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(teile)}", parameter)
        return "|".join(str(wert) for wert in cursor.fetchone())


def listenstand(**_url) -> str:
    """Changes whenever a recommendation is added, changed or deleted (one indexed query)."""
    return _stand(Handlungsempfehlung)


def detailstand(**_url) -> str:
    """Like ``listenstand``, and also changes with anything else the detail page shows.

    That is every Maßnahme, Vorlage and Beratung, every impact goal with the values staff
    entered, and the Sozialmonitoring's values the goals follow. Whatever the public
    detail page shows must move this value when it changes, or visitors would see the old
    page until the cache expires. The status logs need no entry: each status change also
    saves the recommendation or the Maßnahme.
    """
    return _stand(
        Handlungsempfehlung,
        Massnahme,
        Vorlage,
        Beratung,
        Wirkungsziel,
        Wirkungsmessung,
        messwerte=True,
    )


def wirkungsstand(**_url) -> str:
    """What /wirkung/ shows: recommendations, impact goals, their values (one query)."""
    return _stand(Handlungsempfehlung, Wirkungsziel, Wirkungsmessung, messwerte=True)


def empfehlungen_in_bearbeitung_fuer(user):
    """Unpublished recommendations ``user`` works on: all for staff, their groups' otherwise."""
    qs = Handlungsempfehlung.objects.exclude(status=Handlungsempfehlung.Status.VEROEFFENTLICHT)
    if not is_sozialplanung(user):
        qs = qs.filter(herkunft__in=user.fokusgruppen.values("pk"))
    return qs.for_list().order_by("status", "-modified")


def empfehlung_detail_queryset(user):
    return (
        empfehlungen_sichtbar_fuer(user)
        .for_list()
        .prefetch_related(
            Prefetch("massnahmen", queryset=Massnahme.objects.order_by("reihenfolge", "pk"))
        )
        .prefetch_related(*KREISTAG_DETAIL_PREFETCH)
    )


def darf_bearbeiten(user, empfehlung: Handlungsempfehlung) -> bool:
    """Staff edit everything; a Fokusgruppe member only their own group's drafts."""
    if is_sozialplanung(user):
        return True
    return (
        has_role(user, FOKUSGRUPPE)
        and empfehlung.status in Handlungsempfehlung.BEARBEITBAR_FUER_FOKUSGRUPPE
        and empfehlung.herkunft_id is not None
        and user.fokusgruppen.filter(pk=empfehlung.herkunft_id).exists()
    )


# The fields staff and Fokusgruppen edit in the form, in the form's order.
BEARBEITBARE_FELDER = (
    "titel",
    "planungsjahr",
    "handlungsfeld",
    "herkunft",
    "beschreibung",
    "ausgangslage",
    "ziele",
    "mitteleinsatz_jaehrlich",
    "mitteleinsatz_erlaeuterung",
    "art_der_leistung",
    "auswirkungen_ressourcen",
    "zielrichtung",
)


@dataclass(frozen=True)
class Aenderung:
    feld: str
    vorher: str
    jetzt: str


def _anzeige(objekt, feld: str) -> str:
    field = Handlungsempfehlung._meta.get_field(feld)
    wert = getattr(objekt, feld)
    if field.choices:
        return str(dict(field.flatchoices).get(wert, wert) or "–")
    if wert is None or wert == "":
        return "–"
    if isinstance(wert, Decimal):
        return euro(wert)
    return str(wert)


def _massnahmen_text(massnahmen) -> str:
    return "; ".join(m.massnahme for m in sorted(massnahmen, key=lambda m: (m.reihenfolge, m.pk)))


def empfehlung_aenderungen_seit(empfehlung: Handlungsempfehlung, version: int) -> list[Aenderung]:
    """What changed between ``version`` (what the user opened) and the saved state.

    Read from django-simple-history: the snapshot that carries ``version``, and the
    Maßnahmen as they stood just before the next version was written.
    """
    verlauf = empfehlung.history.order_by("history_date")
    alt = verlauf.filter(version=version).last()
    if alt is None:
        return []
    aenderungen = [
        Aenderung(
            feld=str(Handlungsempfehlung._meta.get_field(feld).verbose_name),
            vorher=_anzeige(alt, feld),
            jetzt=_anzeige(empfehlung, feld),
        )
        for feld in (*BEARBEITBARE_FELDER, "status")
        if _anzeige(alt, feld) != _anzeige(empfehlung, feld)
    ]
    naechste = verlauf.filter(version__gt=version).first()
    if naechste is not None:
        vorher = Massnahme.history.as_of(naechste.history_date - timedelta(microseconds=1))
        vorher_text = _massnahmen_text(vorher.filter(handlungsempfehlung_id=empfehlung.pk))
        jetzt_text = _massnahmen_text(empfehlung.massnahmen.all())
        if vorher_text != jetzt_text:
            aenderungen.append(
                Aenderung(
                    feld=str(Massnahme._meta.verbose_name_plural),
                    vorher=vorher_text or "–",
                    jetzt=jetzt_text or "–",
                )
            )
    return aenderungen


def moegliche_aktionen(user, empfehlung: Handlungsempfehlung) -> list[str]:
    """The workflow steps ``user`` may take on ``empfehlung`` now, for the buttons."""
    Status = Handlungsempfehlung.Status
    aktionen = []
    if empfehlung.status in Handlungsempfehlung.BEARBEITBAR_FUER_FOKUSGRUPPE and darf_bearbeiten(
        user, empfehlung
    ):
        aktionen.append("einreichen")
    if empfehlung.status == Status.EINGEREICHT and is_sozialplanung(user):
        aktionen += ["veroeffentlichen", "zurueckgeben"]
    return aktionen
