from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteuerungsgruppeConfig(AppConfig):
    name = "steuerungsgruppe"
    verbose_name = _("Steuerungsgruppe")
