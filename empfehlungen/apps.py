from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmpfehlungenConfig(AppConfig):
    name = "empfehlungen"
    verbose_name = _("Handlungsempfehlungen")

    def ready(self):
        from empfehlungen import verknuepfungen

        verknuepfungen.verbinden()
