"""The change log for the links between Vorlagen and Handlungsempfehlungen.

simple-history keeps a Vorlage's own fields; which recommendations it carries is a
many-to-many link that changes without saving the Vorlage (the admin's selection, a
sync, ``.add()``). A receiver of ``m2m_changed`` covers every such path in one place: it
writes a history record of each Vorlage concerned, with the linked recommendations
before and after as the change's reason, and by whom the request says. Saving also moves
``modified``, so the public pages that show the link are rebuilt.
"""

from contextlib import contextmanager

from django.db.models.signals import m2m_changed
from django.utils.translation import gettext as _

from empfehlungen.models import Vorlage

VORHER = "_vorlagen_verknuepfungen_vorher"


def _stand(vorlagen_ids) -> dict[int, list[str]]:
    stand = {pk: [] for pk in vorlagen_ids}
    for vorlage_id, titel in Vorlage.handlungsempfehlungen.through.objects.filter(
        vorlage_id__in=vorlagen_ids
    ).values_list("vorlage_id", "handlungsempfehlung__titel"):
        stand[vorlage_id].append(titel)
    return {pk: sorted(titel) for pk, titel in stand.items()}


def _betroffene(instance, reverse: bool, pk_set) -> list[int]:
    if not reverse:
        return [instance.pk]
    if pk_set is None:  # clear() from the recommendation's side
        return list(instance.vorlagen.values_list("pk", flat=True))
    return list(pk_set)


def _liste(titel: list[str]) -> str:
    return "; ".join(f"„{t}“" for t in titel) or "–"


def verknuepfung_protokollieren(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("pre_"):
        setattr(instance, VORHER, _stand(_betroffene(instance, reverse, pk_set)))
        return
    vorher = getattr(instance, VORHER, None)
    if not action.startswith("post_") or vorher is None:
        return
    delattr(instance, VORHER)
    nachher = _stand(vorher.keys())
    for vorlage in Vorlage.objects.filter(
        pk__in=[pk for pk in vorher if vorher[pk] != nachher[pk]]
    ):
        vorlage._change_reason = _(
            "Verknüpfte Handlungsempfehlungen: %(vorher)s → %(nachher)s"
        ) % {
            "vorher": _liste(vorher[vorlage.pk]),
            "nachher": _liste(nachher[vorlage.pk]),
        }
        vorlage.save(update_fields=["modified"])


SIGNAL = {
    "receiver": verknuepfung_protokollieren,
    "sender": Vorlage.handlungsempfehlungen.through,
    "dispatch_uid": "vorlagen_verknuepfung_protokollieren",
}


def verbinden() -> None:
    m2m_changed.connect(**SIGNAL)


@contextmanager
def ohne_protokoll():
    """For loading saved rows as they were (a restore): no new history, no new times."""
    m2m_changed.disconnect(**SIGNAL)
    try:
        yield
    finally:
        verbinden()
