"""The Steuerungsgruppe's Sozialpolitische Zielvorschläge and their vote results."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sozialplanung.models import Planungsjahr


class Zielvorschlag(models.Model):
    planungsjahr = models.ForeignKey(
        Planungsjahr,
        on_delete=models.PROTECT,
        related_name="zielvorschlaege",
        verbose_name=_("Planungsjahr"),
    )
    titel = models.CharField(_("Zielvorschlag"), max_length=300)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    # The counts as recorded on paper in the meeting (seed 004's table); online votes
    # of members are added to these once the voting in the portal exists.
    stimmen_zu = models.PositiveIntegerField(_("Stimme zu"), default=0)
    stimmen_passt_nicht = models.PositiveIntegerField(_("Passt für mich nicht"), default=0)
    anmerkungen = models.TextField(
        _("Anmerkungen"), blank=True, help_text=_("Eine Anmerkung je Zeile.")
    )

    class Meta:
        ordering = ["planungsjahr", "reihenfolge", "pk"]
        verbose_name = _("Sozialpolitischer Zielvorschlag")
        verbose_name_plural = _("Sozialpolitische Zielvorschläge")
        constraints = [
            models.UniqueConstraint(
                fields=["planungsjahr", "titel"], name="zielvorschlag_titel_je_jahr"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def anmerkungen_liste(self) -> list[str]:
        return [line.strip() for line in self.anmerkungen.splitlines() if line.strip()]
