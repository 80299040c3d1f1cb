"""``manage.py sync_oparl SOURCE``: Beratungen and statuses from an OParl system or folder."""

from django.core.management.base import BaseCommand, CommandError

from empfehlungen.oparl import OParlFehler, oparl_sync


class Command(BaseCommand):
    help = (
        "Gleicht die Beratungen der Vorlagen mit dem Ratsinformationssystem ab (OParl 1.1). "
        "SOURCE ist die Adresse eines OParl-Systems oder einer Körperschaft (Body) oder ein "
        "Ordner mit OParl-JSON-Dateien."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="SOURCE")

    def handle(self, *args, source, **options):
        try:
            bericht = oparl_sync(quelle=source)
        except OParlFehler as e:
            raise CommandError(str(e)) from e
        for zeile in bericht.zeilen():
            self.stdout.write(zeile)
        for hinweis in bericht.hinweise:
            self.stdout.write(self.style.WARNING(f"Hinweis: {hinweis}"))
        for fehler in bericht.fehler:
            self.stderr.write(f"Übersprungen: {fehler}")
        if bericht.aenderungen:
            self.stdout.write(self.style.SUCCESS("Abgleich abgeschlossen."))
        else:
            self.stdout.write(self.style.SUCCESS("Abgleich abgeschlossen, nichts geändert."))
