"""Writes of Handlungsempfehlungen: saving with optimistic locking, and the workflow."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from empfehlungen.models import Handlungsempfehlung, StatusAenderung
from empfehlungen.selectors import darf_bearbeiten
from sozialplanung.roles import is_sozialplanung

Status = Handlungsempfehlung.Status


class VersionKonflikt(Exception):
    """Somebody saved the recommendation after the user opened it."""

    def __init__(self, aktuell: Handlungsempfehlung):
        super().__init__(aktuell.pk)
        self.aktuell = aktuell


def _gesperrt(pk: int, version: int) -> Handlungsempfehlung:
    """The current row, locked until the transaction ends, or a conflict if it moved on."""
    aktuell = Handlungsempfehlung.objects.select_for_update().get(pk=pk)
    if aktuell.version != version:
        raise VersionKonflikt(aktuell)
    return aktuell


def _massnahmen_speichern(empfehlung: Handlungsempfehlung, massnahmen, user) -> None:
    if massnahmen is None:
        return
    massnahmen.instance = empfehlung
    for reihenfolge, form in enumerate(massnahmen.forms):
        form.instance.reihenfolge = reihenfolge
        form.instance._history_user = user
    massnahmen.save()


@transaction.atomic
def empfehlung_create(*, daten: dict, user, massnahmen=None) -> Handlungsempfehlung:
    """Create a recommendation as a draft, with the Maßnahmen of a validated formset."""
    empfehlung = Handlungsempfehlung(**daten, status=Status.ENTWURF)
    if not is_sozialplanung(user) and not darf_bearbeiten(user, empfehlung):
        raise PermissionDenied
    empfehlung.full_clean()
    empfehlung._history_user = user
    empfehlung.save()
    _massnahmen_speichern(empfehlung, massnahmen, user)
    return empfehlung


@transaction.atomic
def empfehlung_update(
    *, empfehlung_id: int, version: int, daten: dict, user, massnahmen=None
) -> Handlungsempfehlung:
    """Save the edited fields unless somebody else saved since ``version``.

    Only the fields in ``daten`` are written onto the freshly locked row, so that a
    Steuerungsrelevanz or Kreistag status set meanwhile by another part of the portal
    is never put back to the value the form was opened with.
    """
    empfehlung = _gesperrt(empfehlung_id, version)
    if not darf_bearbeiten(user, empfehlung):
        raise PermissionDenied
    for feld, wert in daten.items():
        setattr(empfehlung, feld, wert)
    empfehlung.version += 1
    empfehlung.full_clean()
    empfehlung._history_user = user
    empfehlung.save()
    _massnahmen_speichern(empfehlung, massnahmen, user)
    return empfehlung


def _status_setzen(
    empfehlung: Handlungsempfehlung, *, nach: str, user, kommentar: str
) -> Handlungsempfehlung:
    StatusAenderung.objects.create(
        handlungsempfehlung=empfehlung,
        von_status=empfehlung.status,
        nach_status=nach,
        kommentar=kommentar.strip(),
        geaendert_von=user,
    )
    empfehlung.status = nach
    empfehlung.version += 1
    empfehlung._history_user = user
    empfehlung._change_reason = kommentar.strip()
    empfehlung.save(update_fields=["status", "version", "modified"])
    return empfehlung


def _unerlaubt(empfehlung: Handlungsempfehlung, aktion: str) -> ValidationError:
    return ValidationError(
        _("Eine Handlungsempfehlung im Status „%(status)s“ kann nicht %(aktion)s werden.")
        % {"status": empfehlung.get_status_display(), "aktion": aktion},
        code="status_unerlaubt",
    )


@transaction.atomic
def empfehlung_submit(
    *, empfehlung_id: int, version: int, user, kommentar: str = ""
) -> Handlungsempfehlung:
    """A draft (or a returned proposal) goes to the Sozialplanung for review."""
    empfehlung = _gesperrt(empfehlung_id, version)
    if not darf_bearbeiten(user, empfehlung):
        raise PermissionDenied
    if empfehlung.status not in Handlungsempfehlung.BEARBEITBAR_FUER_FOKUSGRUPPE:
        raise _unerlaubt(empfehlung, _("eingereicht"))
    if not empfehlung.beschreibung.strip():
        raise ValidationError(
            _("Bitte füllen Sie „Beschreibung der Empfehlung“ aus, bevor Sie einreichen."),
            code="beschreibung_fehlt",
        )
    return _status_setzen(empfehlung, nach=Status.EINGEREICHT, user=user, kommentar=kommentar)


@transaction.atomic
def empfehlung_publish(
    *, empfehlung_id: int, version: int, user, kommentar: str = ""
) -> Handlungsempfehlung:
    """Staff put a submitted proposal on the information platform."""
    if not is_sozialplanung(user):
        raise PermissionDenied
    empfehlung = _gesperrt(empfehlung_id, version)
    if empfehlung.status != Status.EINGEREICHT:
        raise _unerlaubt(empfehlung, _("veröffentlicht"))
    return _status_setzen(empfehlung, nach=Status.VEROEFFENTLICHT, user=user, kommentar=kommentar)


@transaction.atomic
def empfehlung_return(*, empfehlung_id: int, version: int, user, kommentar: str):
    """Staff give a submitted proposal back to its Fokusgruppe, saying why."""
    if not is_sozialplanung(user):
        raise PermissionDenied
    if not kommentar.strip():
        raise ValidationError(
            {
                "kommentar": _(
                    "Bitte schreiben Sie der Fokusgruppe, warum Sie den Vorschlag zurückgeben."
                )
            },
            code="kommentar_fehlt",
        )
    empfehlung = _gesperrt(empfehlung_id, version)
    if empfehlung.status != Status.EINGEREICHT:
        raise _unerlaubt(empfehlung, _("zurückgegeben"))
    return _status_setzen(empfehlung, nach=Status.ZURUECKGEGEBEN, user=user, kommentar=kommentar)
