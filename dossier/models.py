"""The year's dossier texts that belong to no single Handlungsfeld."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sozialplanung.models import VersionierterText


class Dossier(VersionierterText):
    """The opening of „Sozialplanung Fokus <Jahr>“: its Zusammenfassung.

    The chapters' texts are the Strategische Analysen of the year (``handlungsfelder``).
    """

    planungsjahr = models.OneToOneField(
        "sozialplanung.Planungsjahr",
        on_delete=models.CASCADE,
        related_name="dossier",
        verbose_name=_("Planungsjahr"),
    )
    zusammenfassung = models.TextField(_("Zusammenfassung"), blank=True)

    class Meta:
        verbose_name = _("Planungsdossier")
        verbose_name_plural = _("Planungsdossiers")

    def __str__(self) -> str:
        return self.planungsjahr.dossier_titel
