"""Handlungsfelder with their period of validity, and the Fokusgruppen working in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class HandlungsfeldQuerySet(models.QuerySet):
    def gueltig_in(self, jahr: int) -> "HandlungsfeldQuerySet":
        """The Handlungsfelder valid in ``jahr``: they change with the Sozialplanungskonferenz."""
        return self.filter(gueltig_von__lte=jahr).filter(
            Q(gueltig_bis__isnull=True) | Q(gueltig_bis__gte=jahr)
        )


class Handlungsfeld(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=200, unique=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    priorisiert = models.BooleanField(
        _("priorisiert"),
        default=False,
        help_text=_("Besonders herausgehobenes Handlungsfeld mit eigenem Schwerpunkt."),
    )
    gueltig_von = models.PositiveSmallIntegerField(_("gültig ab Jahr"))
    gueltig_bis = models.PositiveSmallIntegerField(
        _("gültig bis Jahr"), null=True, blank=True, help_text=_("Leer lassen, wenn unbefristet.")
    )

    objects = HandlungsfeldQuerySet.as_manager()

    class Meta:
        ordering = ["reihenfolge", "name"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        constraints = [
            models.CheckConstraint(
                condition=Q(gueltig_bis__isnull=True)
                | Q(gueltig_bis__gte=models.F("gueltig_von")),
                name="handlungsfeld_gueltigkeit_geordnet",
                violation_error_message=_("„gültig bis“ darf nicht vor „gültig ab“ liegen."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("handlungsfelder:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.gueltig_bis is not None and self.gueltig_bis < self.gueltig_von:
            raise ValidationError(
                {"gueltig_bis": _("„gültig bis“ darf nicht vor „gültig ab“ liegen.")},
                code="gueltigkeit",
            )

    def ist_gueltig_in(self, jahr: int) -> bool:
        return self.gueltig_von <= jahr and (self.gueltig_bis is None or jahr <= self.gueltig_bis)

    @property
    def gueltigkeit(self) -> str:
        if self.gueltig_bis is None:
            return _("seit %(von)s") % {"von": self.gueltig_von}
        return _("%(von)s bis %(bis)s") % {"von": self.gueltig_von, "bis": self.gueltig_bis}


class Fokusgruppe(models.Model):
    """A Fokusgruppe or another working structure that proposes Handlungsempfehlungen."""

    class Art(models.TextChoices):
        FOKUSGRUPPE = "fokusgruppe", _("Fokusgruppe")
        ARBEITSSTRUKTUR = "arbeitsstruktur", _("Ergänzende Arbeitsstruktur")
        VERWALTUNG = "verwaltung", _("Verwaltung")

    name = models.CharField(_("Name"), max_length=200, unique=True)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices, default=Art.FOKUSGRUPPE)
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, related_name="fokusgruppen", blank=True, verbose_name=_("Handlungsfelder")
    )
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    mitglieder = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="fokusgruppen",
        blank=True,
        verbose_name=_("Mitglieder"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Fokusgruppe")
        verbose_name_plural = _("Fokusgruppen")

    def __str__(self) -> str:
        return self.name
