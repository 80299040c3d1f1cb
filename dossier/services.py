"""Writes of the dossier's own texts."""

from django.db import transaction
from django.utils import timezone

from dossier.models import Dossier
from sozialplanung.anzeige import veraltet


@transaction.atomic
def dossier_speichern(*, planungsjahr, zusammenfassung: str, version: int, user) -> Dossier:
    """Save the dossier's Zusammenfassung unless somebody else saved it since ``version``."""
    dossier, _neu = Dossier.objects.select_for_update().get_or_create(planungsjahr=planungsjahr)
    if dossier.version != version:
        raise veraltet(dossier)
    dossier.zusammenfassung = zusammenfassung
    dossier.version += 1
    dossier.geaendert_von = user
    dossier.geaendert_am = timezone.now()
    dossier.full_clean()
    dossier.save()
    return dossier
