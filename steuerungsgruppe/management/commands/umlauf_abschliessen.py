"""Close every Umlaufverfahren whose deadline has passed and write back its result (cron)."""

from django.core.management.base import BaseCommand

from steuerungsgruppe.services import umlauf_close_due


class Command(BaseCommand):
    help = "Schließt Umlaufverfahren mit abgelaufener Frist und überträgt ihr Ergebnis."

    def handle(self, *args, **options):
        runden = umlauf_close_due()
        for runde in runden:
            self.stdout.write(f"  abgeschlossen: {runde.handlungsempfehlung}")
        self.stdout.write(self.style.SUCCESS(f"{len(runden)} Umlaufverfahren abgeschlossen."))
