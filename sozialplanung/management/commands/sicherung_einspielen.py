"""``make restore FILE=…``: replace all data with a backup's, all or nothing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sozialplanung.management.commands.sicherung_erstellen import standard_ordner
from sozialplanung.sicherung import SicherungFehler, sicherung_einspielen, sicherung_erstellen


class Command(BaseCommand):
    help = _(
        "Ersetzt alle Daten und hochgeladenen Dateien durch die einer Sicherung. "
        "Vorher wird der aktuelle Stand selbst gesichert."
    )

    def add_arguments(self, parser):
        parser.add_argument("datei", type=Path)
        parser.add_argument(
            "--noinput",
            "--no-input",
            dest="interactive",
            action="store_false",
            help=_("Nicht nachfragen."),
        )
        parser.add_argument(
            "--ohne-vorsicherung",
            dest="vorsicherung",
            action="store_false",
            help=_("Den aktuellen Stand vorher nicht sichern."),
        )

    def handle(self, *args, datei, interactive, vorsicherung, **options):
        if not datei.is_file():
            raise CommandError(_("Die Sicherung %s gibt es nicht.") % datei)
        if interactive and sys.stdin.isatty():
            antwort = input(
                _("Alle Daten des Portals werden durch %s ersetzt. Fortfahren? [ja/nein] ") % datei
            )
            if antwort.strip().lower() not in {"ja", "j"}:
                raise CommandError(_("Abgebrochen; nichts wurde geändert."))
        try:
            if vorsicherung:
                # Nothing is lost even if the wrong file was chosen.
                vorher = sicherung_erstellen(standard_ordner(), praefix="vor-wiederherstellung")
                self.stdout.write(_("Bisheriger Stand gesichert: %s") % vorher.pfad)
            ergebnis = sicherung_einspielen(datei)
        except SicherungFehler as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Sicherung eingespielt: %(pfad)s (%(n)d Datensätze, %(d)d Dateien)")
            % {"pfad": ergebnis.pfad, "n": ergebnis.datensaetze, "d": ergebnis.dateien}
        )
