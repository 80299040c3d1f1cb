"""The year's dossier texts that belong to no single Handlungsfeld."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Dossier(models.Model):
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
    # Optimistic locking, as for the Strategische Analyse: a save names its version.
    version = models.PositiveIntegerField(_("Version"), default=0)
    geaendert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zuletzt geändert von"),
    )
    geaendert_am = models.DateTimeField(_("zuletzt geändert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Planungsdossier")
        verbose_name_plural = _("Planungsdossiers")

    def __str__(self) -> str:
        return self.planungsjahr.dossier_titel
