"""Writes of the dossier's own texts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dossier.models import Dossier
from sozialplanung.models import Phase
from sozialplanung.versionen import versioniert_speichern


@transaction.atomic
def dossier_speichern(*, planungsjahr, zusammenfassung: str, version: int, user) -> Dossier:
    """Save the dossier's Zusammenfassung unless somebody else saved it since ``version``.

    Once the Kreistag decides (phase „Entscheidung“) the dossier it received is closed,
    like the year's Strategische Analysen.
    """
    if planungsjahr.phase == Phase.ENTSCHEIDUNG:
        raise ValidationError(
            _("Das Planungsdossier %(jahr)s liegt dem Kreistag vor und ist abgeschlossen.")
            % {"jahr": planungsjahr.jahr},
            code="abgeschlossen",
        )
    dossier, _neu = Dossier.objects.select_for_update().get_or_create(planungsjahr=planungsjahr)
    versioniert_speichern(dossier, version=version, user=user, zusammenfassung=zusammenfassung)
    return dossier
