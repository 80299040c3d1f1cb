"""App config of the planning cycle."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SozialplanungConfig(AppConfig):
    name = "sozialplanung"
    verbose_name = _("Planungszyklus")

    def ready(self) -> None:
        from sozialplanung.roles import grant_staff_permissions

        # Permissions only exist after migrate has created them, and later apps add
        # models of their own; granting them after every migrate keeps the
        # Sozialplanung group complete without a data migration per model.
        post_migrate.connect(grant_staff_permissions, sender=self)
