"""Writes of the Steuerungsgruppe: the scheme, rounds, assessments, circulation and votes."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from empfehlungen.models import Handlungsempfehlung, Steuerungsrelevanz
from sozialplanung.models import Phase, Planungsjahr
from steuerungsgruppe import scoring
from steuerungsgruppe.models import (
    Bewertungskriterium,
    Bewertungsschema,
    Einschaetzung,
    FachkraefteEinschaetzung,
    Mitglied,
    Runde,
    RundeGeschlossen,
    Sitzung,
    Zielvorschlag,
    Zielvorschlagsstimme,
)

# DOMAIN.md: the default scheme, 13 criteria of 0–5 points, maximum 65.
STANDARD_KRITERIEN = [
    ("Bedeutung für die Zielgruppe", Bewertungskriterium.Achse.ZIELGRUPPE),
    (
        "Strategische Größe / Bezug zu den sozialpolitischen Zielen",
        Bewertungskriterium.Achse.STRATEGIE,
    ),
    ("Reichweite", ""),
    ("Dringlichkeit", ""),
    ("Präventive Wirkung", ""),
    ("Erwartete Wirkung", ""),
    ("Nachhaltigkeit", ""),
    ("Querschnittsthemen (Gender, Inklusion, Integration)", ""),
    ("Sozialräumliche Kooperation Kreis und Kommunen", ""),
    ("Beteiligung Betroffener", ""),
    ("Umsetzbarkeit", ""),
    ("Wirtschaftlichkeit", ""),
    ("Datenbasis / Evidenz", ""),
]

GESCHLOSSEN_MELDUNG = gettext_lazy(
    "Die Einschätzungsrunde zu „%(titel)s“ ist geschlossen. Ihre Einschätzung konnte nicht "
    "mehr gespeichert werden."
)


@transaction.atomic
def bewertungsschema_ensure(*, planungsjahr: Planungsjahr) -> Bewertungsschema:
    """The year's scheme; a year without one gets the default scheme of DOMAIN.md."""
    schema, created = Bewertungsschema.objects.get_or_create(planungsjahr=planungsjahr)
    if created:
        kriterien = [
            Bewertungskriterium(
                schema=schema, reihenfolge=nr, name=name, maximum=5, portfolio_achse=achse
            )
            for nr, (name, achse) in enumerate(STANDARD_KRITERIEN, 1)
        ]
        bulk_create_with_history(kriterien, Bewertungskriterium)
    return schema


def punkte_validate(*, kriterien, punkte: dict) -> dict[str, int]:
    """Every criterion needs points within 0..its maximum; errors name the criterion."""
    fehler = []
    sauber: dict[str, int] = {}
    for kriterium in kriterien:
        roh = punkte.get(kriterium.pk, punkte.get(str(kriterium.pk)))
        if roh is None or roh == "":
            fehler.append(
                _("Bitte vergeben Sie Punkte für „%(kriterium)s“.") % {"kriterium": kriterium.name}
            )
            continue
        try:
            wert = int(roh)
        except (TypeError, ValueError):
            wert = -1
        if not 0 <= wert <= kriterium.maximum:
            fehler.append(
                _("„%(kriterium)s“: Die Punkte müssen zwischen 0 und %(maximum)s liegen.")
                % {"kriterium": kriterium.name, "maximum": kriterium.maximum}
            )
            continue
        sauber[str(kriterium.pk)] = wert
    unbekannt = {str(k) for k in punkte} - {str(k.pk) for k in kriterien}
    if unbekannt:
        fehler.append(_("Die Punkte nennen ein Kriterium, das es in diesem Jahr nicht gibt."))
    if fehler:
        raise ValidationError(fehler, code="punkte")
    return sauber


@transaction.atomic
def einschaetzung_submit(
    *,
    runde: Runde,
    mitglied: Mitglied,
    punkte: dict,
    anmerkung: str = "",
    enthaltung: bool = False,
    erfasst_von=None,
) -> Einschaetzung:
    """Store or replace a member's assessment while the round is open.

    The round row is locked, so that closing a round and a late entry cannot interleave:
    an entry is either in the result or refused. ``erfasst_von`` marks a paper form
    that staff typed in; their name is recorded with it.
    """
    locked = Runde.objects.select_for_update().get(pk=runde.pk)
    if not locked.ist_offen:
        raise ValidationError(
            GESCHLOSSEN_MELDUNG % {"titel": locked.handlungsempfehlung.titel}, code="geschlossen"
        )
    stichtag = timezone.localdate()
    if not Mitglied.objects.aktiv_am(stichtag).filter(pk=mitglied.pk).exists():
        raise PermissionDenied(_("Sie sind derzeit kein Mitglied der Steuerungsgruppe."))
    schema = bewertungsschema_ensure(planungsjahr=locked.planungsjahr)
    kriterien = list(schema.kriterien.all())
    if enthaltung:
        sauber, summe = {}, None
    else:
        sauber = punkte_validate(kriterien=kriterien, punkte=punkte)
        summe = sum(sauber.values())
    einschaetzung = Einschaetzung.objects.filter(
        mitglied=mitglied, handlungsempfehlung_id=locked.handlungsempfehlung_id
    ).first() or Einschaetzung(
        mitglied=mitglied, handlungsempfehlung_id=locked.handlungsempfehlung_id
    )
    einschaetzung.runde = locked
    einschaetzung.punkte = sauber
    einschaetzung.summe = summe
    einschaetzung.anmerkung = anmerkung.strip()
    einschaetzung.enthaltung = enthaltung
    einschaetzung.vom_papierbogen = erfasst_von is not None
    einschaetzung.erfasst_von = erfasst_von
    einschaetzung.full_clean()
    einschaetzung.save()
    return einschaetzung


@transaction.atomic
def fachkraefte_einschaetzung_save(
    *, runde: Runde, punkte: dict, anmerkung: str = "", user
) -> FachkraefteEinschaetzung:
    locked = Runde.objects.select_for_update().get(pk=runde.pk)
    if locked.status == Runde.Status.GESCHLOSSEN:
        raise RundeGeschlossen(locked.handlungsempfehlung.titel)
    schema = bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    sauber = punkte_validate(kriterien=list(schema.kriterien.all()), punkte=punkte)
    objekt = FachkraefteEinschaetzung.objects.filter(runde=runde).first()
    objekt = objekt or FachkraefteEinschaetzung(runde=runde)
    objekt.punkte = sauber
    objekt.summe = sum(sauber.values())
    objekt.anmerkung = anmerkung.strip()
    objekt.erfasst_von = user
    objekt.full_clean()
    objekt.save()
    return objekt


@transaction.atomic
def runde_create(
    *, handlungsempfehlung: Handlungsempfehlung, sitzung: Sitzung, reihenfolge: int = 0
) -> Runde:
    runde = Runde(
        handlungsempfehlung=handlungsempfehlung,
        sitzung=sitzung,
        art=Runde.Art.SITZUNG,
        reihenfolge=reihenfolge,
    )
    runde.full_clean()
    runde.save()
    bewertungsschema_ensure(planungsjahr=handlungsempfehlung.planungsjahr)
    return runde


@transaction.atomic
def runde_open(*, runde: Runde) -> Runde:
    """Open a meeting round; one round of a Sitzung is open at a time."""
    locked = Runde.objects.select_for_update().get(pk=runde.pk)
    if locked.status == Runde.Status.GESCHLOSSEN:
        raise ValidationError(
            _("Die Runde zu „%(titel)s“ ist bereits geschlossen.")
            % {"titel": locked.handlungsempfehlung.titel},
            code="geschlossen",
        )
    andere = (
        Runde.objects.filter(
            sitzung_id=locked.sitzung_id, art=Runde.Art.SITZUNG, status=Runde.Status.OFFEN
        )
        .exclude(pk=locked.pk)
        .select_related("handlungsempfehlung")
        .first()
    )
    if locked.sitzung_id and andere is not None:
        raise ValidationError(
            _("Bitte schließen Sie zuerst die offene Runde zu „%(titel)s“.")
            % {"titel": andere.handlungsempfehlung.titel},
            code="andere_offen",
        )
    bewertungsschema_ensure(planungsjahr=locked.planungsjahr)
    locked.status = Runde.Status.OFFEN
    locked.geoeffnet = locked.geoeffnet or timezone.now()
    locked.full_clean()
    locked.save()
    return locked


def runde_result(runde: Runde) -> scoring.Ergebnis:
    """The result from the stored totals, with the year's thresholds."""
    schema = bewertungsschema_ensure(planungsjahr=runde.planungsjahr)
    summen = runde.einschaetzungen.values_list("summe", flat=True)
    return scoring.score_result(
        list(summen),
        schwelle_relevant=schema.schwelle_relevant,
        schwelle_hoch=schema.schwelle_hoch,
    )


@transaction.atomic
def runde_close(*, runde: Runde) -> scoring.Ergebnis:
    """Close the round, compute its result and write the category back to the recommendation."""
    locked = Runde.objects.select_for_update().get(pk=runde.pk)
    if locked.status == Runde.Status.VORBEREITET:
        raise ValidationError(
            _("Die Runde zu „%(titel)s“ wurde noch nicht geöffnet.")
            % {"titel": locked.handlungsempfehlung.titel},
            code="nicht_offen",
        )
    if locked.status == Runde.Status.OFFEN:
        locked.status = Runde.Status.GESCHLOSSEN
        locked.geschlossen = timezone.now()
        locked.full_clean()
        locked.save()
    ergebnis = runde_result(locked)
    empfehlung_ergebnis_apply(
        handlungsempfehlung_id=locked.handlungsempfehlung_id, kategorie=ergebnis.kategorie
    )
    return ergebnis


@transaction.atomic
def empfehlung_ergebnis_apply(*, handlungsempfehlung_id: int, kategorie: str | None) -> None:
    """Results flow back: the category, and whether the recommendation goes into the dossier.

    Only these two fields are written, so that it does not overwrite what the
    recommendation's editors change at the same time; and only when they differ, so that
    an unchanged result does not count as a change of the recommendation. Through save()
    rather than update(), so that the change log keeps it with who closed the round
    (nobody, i.e. "System", when the circulation closes by cron).
    """
    werte = {
        "steuerungsrelevanz": kategorie or "",
        "im_dossier": kategorie in (Steuerungsrelevanz.RELEVANT, Steuerungsrelevanz.HOCH),
    }
    empfehlung = (
        Handlungsempfehlung.objects.select_for_update()
        .filter(pk=handlungsempfehlung_id)
        .exclude(**werte)
        .order_by()
        .first()
    )
    if empfehlung is None:
        return
    for feld, wert in werte.items():
        setattr(empfehlung, feld, wert)
    empfehlung.save(update_fields=[*werte, "modified"])


@transaction.atomic
def umlauf_open(
    *, handlungsempfehlungen, frist: datetime.datetime, sitzung: Sitzung | None = None
) -> list[Runde]:
    """Written circulation for recommendations not finished in the meeting.

    A meeting round that is still open or only prepared moves into the circulation and
    keeps the entries it already has; a closed one is refused.
    """
    if frist <= timezone.now():
        raise ValidationError(
            {"frist": _("Die Frist muss in der Zukunft liegen.")}, code="frist_vergangen"
        )
    runden = []
    for empfehlung in handlungsempfehlungen:
        # Lock the recommendation first: without a round there is no row to lock, and two
        # concurrent requests would both insert one.
        list(
            Handlungsempfehlung.objects.select_for_update()
            .filter(pk=empfehlung.pk)
            .order_by()
            .values_list("pk", flat=True)
        )
        # order_by("pk"): the default ordering joins the nullable Sitzung, which FOR UPDATE
        # cannot lock on PostgreSQL.
        runde = (
            Runde.objects.select_for_update()
            .filter(handlungsempfehlung=empfehlung)
            .order_by("pk")
            .first()
        )
        if runde is not None and runde.ist_abgeschlossen:
            raise ValidationError(
                _("„%(titel)s“ ist bereits abschließend eingeschätzt.") % {"titel": empfehlung},
                code="abgeschlossen",
            )
        runde = runde or Runde(
            handlungsempfehlung=empfehlung,
            sitzung=sitzung,
        )
        runde.art = Runde.Art.UMLAUF
        runde.status = Runde.Status.OFFEN
        runde.frist = frist
        runde.geoeffnet = runde.geoeffnet or timezone.now()
        runde.full_clean()
        runde.save()
        bewertungsschema_ensure(planungsjahr=empfehlung.planungsjahr)
        runden.append(runde)
    return runden


def umlauf_close_due(*, jetzt: datetime.datetime | None = None) -> list[Runde]:
    """Close every circulation whose deadline has passed, with the same arithmetic as a meeting.

    Runs from ``manage.py umlauf_abschliessen`` (cron) and lazily whenever staff open
    the circulation overview; until then a past deadline already refuses entries.
    """
    jetzt = jetzt or timezone.now()
    faellig = Runde.objects.filter(
        art=Runde.Art.UMLAUF, status=Runde.Status.OFFEN, frist__lte=jetzt
    )
    geschlossen = []
    for runde in faellig:
        with transaction.atomic():
            locked = Runde.objects.select_for_update().get(pk=runde.pk)
            if locked.status != Runde.Status.OFFEN:
                continue
            locked.status = Runde.Status.GESCHLOSSEN
            locked.geschlossen = locked.frist
            locked.save(update_fields=["status", "geschlossen"])
            ergebnis = runde_result(locked)
            empfehlung_ergebnis_apply(
                handlungsempfehlung_id=locked.handlungsempfehlung_id,
                kategorie=ergebnis.kategorie,
            )
            geschlossen.append(locked)
    return geschlossen


@transaction.atomic
def zielvorschlag_vote(
    *, zielvorschlag: Zielvorschlag, mitglied: Mitglied, stimme: str, anmerkung: str = ""
) -> Zielvorschlagsstimme:
    """A member's vote; open while the year is still before its Planungsdossier phase."""
    if zielvorschlag.planungsjahr.phase > Phase.BEWERTUNG:
        raise ValidationError(
            _("Die Abstimmung über die Zielvorschläge %(jahr)s ist beendet.")
            % {"jahr": zielvorschlag.planungsjahr.jahr},
            code="beendet",
        )
    objekt = Zielvorschlagsstimme.objects.filter(
        zielvorschlag=zielvorschlag, mitglied=mitglied
    ).first() or Zielvorschlagsstimme(zielvorschlag=zielvorschlag, mitglied=mitglied)
    objekt.stimme = stimme
    objekt.anmerkung = anmerkung.strip()
    objekt.full_clean()
    objekt.save()
    return objekt
