"""``make backup``: write the database and the uploads into one archive."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sozialplanung.sicherung import SicherungFehler, sicherung_erstellen


def standard_ordner() -> Path:
    return Path(os.environ.get("SICHERUNG_ORDNER", settings.BASE_DIR / "sicherungen"))


class Command(BaseCommand):
    help = _("Sichert die Datenbank und die hochgeladenen Dateien in ein Archiv.")

    def add_arguments(self, parser):
        parser.add_argument("--ordner", type=Path, default=None, help=_("Zielordner"))

    def handle(self, *args, ordner, **options):
        try:
            ergebnis = sicherung_erstellen(ordner or standard_ordner())
        except (SicherungFehler, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Sicherung geschrieben: %(pfad)s (%(n)d Datensätze, %(d)d Dateien)")
            % {"pfad": ergebnis.pfad, "n": ergebnis.datensaetze, "d": ergebnis.dateien}
        )
