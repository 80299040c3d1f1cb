"""App config of the planning cycle."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SozialplanungConfig(AppConfig):
    name = "sozialplanung"
    verbose_name = _("Planungszyklus")

    def ready(self) -> None:
        from sozialplanung.roles import grant_staff_permissions

        # Permissions only exist after migrate has created them, app by app in the order
        # of INSTALLED_APPS. Granting after every app's post_migrate (not only this one's,
        # which comes before the later apps have theirs) keeps the Sozialplanung group
        # complete without a data migration per model.
        post_migrate.connect(
            grant_staff_permissions, dispatch_uid="sozialplanung.grant_staff_permissions"
        )
