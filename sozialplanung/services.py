"""Writes to the planning cycle: the only way a Planungsjahr's phase changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from empfehlungen.models import Handlungsempfehlung
from handlungsfelder.models import Handlungsfeld
from sozialplanung.models import BarrierefreiheitRueckmeldung, Phase, PhasenWechsel, Planungsjahr


def _vorbedingungen(planungsjahr: Planungsjahr, ziel: Phase) -> list[str]:
    """What is still missing before ``planungsjahr`` may enter ``ziel``; empty when ready."""
    empfehlungen = Handlungsempfehlung.objects.filter(planungsjahr=planungsjahr)
    fehlt: list[str] = []
    if ziel == Phase.VORSCHLAEGE:
        if not Handlungsfeld.objects.gueltig_in(planungsjahr.jahr).exists():
            fehlt.append(
                _("Für %(jahr)s ist kein Handlungsfeld gültig.") % {"jahr": planungsjahr.jahr}
            )
    elif ziel == Phase.BEWERTUNG:
        if not empfehlungen.eingereicht_oder_veroeffentlicht().exists():
            fehlt.append(
                _("Für %(jahr)s ist noch kein Vorschlag eingereicht oder veröffentlicht.")
                % {"jahr": planungsjahr.jahr}
            )
    elif ziel == Phase.PLANUNGSDOSSIER:
        offen = empfehlungen.veroeffentlicht().filter(steuerungsrelevanz="").count()
        if offen:
            fehlt.append(
                ngettext(
                    "%(anzahl)s veröffentlichter Vorschlag ist noch nicht eingeschätzt.",
                    "%(anzahl)s veröffentlichte Vorschläge sind noch nicht eingeschätzt.",
                    offen,
                )
                % {"anzahl": offen}
            )
        if not empfehlungen.veroeffentlicht().filter(im_dossier=True).exists():
            fehlt.append(_("Noch keine Handlungsempfehlung ist für das Dossier vorgesehen."))
    return fehlt


def vorbedingungen_naechste_phase(planungsjahr: Planungsjahr) -> list[str]:
    ziel = planungsjahr.naechste_phase
    if ziel is None:
        return [_("Die Entscheidung ist die letzte Phase des Zyklus.")]
    return _vorbedingungen(planungsjahr, ziel)


def _lock(planungsjahr: Planungsjahr, erwartete_phase: int | None) -> Planungsjahr:
    locked = Planungsjahr.objects.select_for_update().get(pk=planungsjahr.pk)
    if erwartete_phase is not None and locked.phase != erwartete_phase:
        raise ValidationError(
            _(
                "Die Phase wurde inzwischen von jemand anderem auf „%(phase)s“ geändert. "
                "Bitte prüfen Sie den neuen Stand."
            )
            % {"phase": locked.get_phase_display()},
            code="phase_geaendert",
        )
    return locked


def _wechsel(locked: Planungsjahr, nach: Phase, user, begruendung: str = "") -> PhasenWechsel:
    wechsel = PhasenWechsel(
        planungsjahr=locked,
        von_phase=locked.phase,
        nach_phase=nach,
        zeitpunkt=timezone.now(),
        user=user,
        begruendung=begruendung,
    )
    wechsel.full_clean()
    locked.phase = nach
    locked.full_clean()
    locked.save(update_fields=["phase"])
    wechsel.save()
    return wechsel


@transaction.atomic
def planungsjahr_create(*, jahr: int, user) -> Planungsjahr:
    planungsjahr = Planungsjahr(jahr=jahr, phase=Phase.STRATEGISCHE_ANALYSE)
    planungsjahr.full_clean()
    planungsjahr.save()
    PhasenWechsel.objects.create(
        planungsjahr=planungsjahr,
        von_phase=None,
        nach_phase=Phase.STRATEGISCHE_ANALYSE,
        zeitpunkt=timezone.now(),
        user=user,
    )
    return planungsjahr


@transaction.atomic
def planungsjahr_advance(
    *, planungsjahr: Planungsjahr, user, erwartete_phase: int | None = None
) -> PhasenWechsel:
    """Move one phase forward, once every precondition of the next phase holds.

    ``erwartete_phase`` is the phase the user saw: if somebody else changed it in the
    meantime, the change is refused instead of skipping a phase.
    """
    locked = _lock(planungsjahr, erwartete_phase)
    ziel = locked.naechste_phase
    if ziel is None:
        raise ValidationError(
            _("Die Entscheidung ist die letzte Phase des Zyklus."), code="letzte_phase"
        )
    fehlt = _vorbedingungen(locked, ziel)
    if fehlt:
        raise ValidationError(fehlt, code="vorbedingung")
    wechsel = _wechsel(locked, ziel, user)
    planungsjahr.phase = locked.phase
    return wechsel


@transaction.atomic
def planungsjahr_revert(
    *, planungsjahr: Planungsjahr, user, begruendung: str, erwartete_phase: int | None = None
) -> PhasenWechsel:
    """Move one phase back. It undoes agreed work, so it needs a written reason."""
    if not begruendung.strip():
        raise ValidationError(
            {"begruendung": _("Bitte begründen Sie, warum die Phase zurückgesetzt wird.")},
            code="begruendung_fehlt",
        )
    locked = _lock(planungsjahr, erwartete_phase)
    ziel = locked.vorherige_phase
    if ziel is None:
        raise ValidationError(
            _("Die Strategische Analyse ist die erste Phase des Zyklus."), code="erste_phase"
        )
    wechsel = _wechsel(locked, ziel, user, begruendung.strip())
    planungsjahr.phase = locked.phase
    return wechsel


def rueckmeldung_create(
    *, nachricht: str, seite: str = "", name: str = "", email: str = ""
) -> BarrierefreiheitRueckmeldung:
    rueckmeldung = BarrierefreiheitRueckmeldung(
        nachricht=nachricht, seite=seite, name=name, email=email
    )
    rueckmeldung.full_clean()
    rueckmeldung.save()
    return rueckmeldung


def rueckmeldung_set_erledigt(
    *, rueckmeldung: BarrierefreiheitRueckmeldung, erledigt: bool
) -> BarrierefreiheitRueckmeldung:
    rueckmeldung.erledigt = erledigt
    rueckmeldung.erledigt_am = timezone.now() if erledigt else None
    rueckmeldung.save(update_fields=["erledigt", "erledigt_am"])
    return rueckmeldung
