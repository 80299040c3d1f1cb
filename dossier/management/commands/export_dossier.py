"""python manage.py export_dossier <jahr> -o <pfad>: the Planungsdossier as a PDF file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dossier import pdf
from dossier.selectors import dossier_inhalt
from sozialplanung.models import Planungsjahr

BALKEN = 24


class Command(BaseCommand):
    help = "Exportiert das Planungsdossier „Sozialplanung Fokus <Jahr>“ als PDF."

    def add_arguments(self, parser):
        parser.add_argument("jahr", type=int, help="Das Planungsjahr, z. B. 2023.")
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            type=Path,
            help="Zieldatei; bei einem Ordner wird der übliche Dateiname darin angelegt.",
        )

    def handle(self, *args, jahr: int, output: Path, **options):
        planungsjahr = Planungsjahr.objects.filter(jahr=jahr).first()
        if planungsjahr is None:
            raise CommandError(f"Es gibt kein Planungsjahr {jahr}.")
        inhalt = dossier_inhalt(planungsjahr)
        if output.is_dir():
            output = output / f"Sozialplanung-Fokus-{jahr}.pdf"
        if not output.parent.is_dir():
            raise CommandError(f"Der Ordner {output.parent} existiert nicht.")
        if inhalt.ist_entwurf:
            self.stderr.write(
                f"Hinweis: {jahr} hat die Phase „Planungsdossier“ noch nicht erreicht; "
                "das PDF trägt das Wasserzeichen „Entwurf“."
            )

        # A bar per chapter, written over itself on a terminal and line by line in a log.
        anzahl = len(inhalt.kapitel)
        terminal = self.stderr.isatty()

        def fortschritt(kapitel) -> None:
            voll = round(BALKEN * kapitel.nummer / anzahl)
            zeile = (
                f"Kapitel {kapitel.nummer:>2}/{anzahl} [{'#' * voll}{'·' * (BALKEN - voll)}] "
                f"{kapitel.handlungsfeld.name}"
            )
            if terminal:
                self.stderr.write(f"\r{zeile:<90}", ending="")
            else:
                self.stderr.write(zeile)

        try:
            ergebnis = pdf.dossier_pdf(inhalt, fortschritt=fortschritt)
        except pdf.DossierFehler as fehler:
            raise CommandError(str(fehler)) from fehler
        if terminal:
            self.stderr.write("")
        try:
            output.write_bytes(ergebnis.daten)
        except OSError as fehler:
            raise CommandError(f"{output} konnte nicht geschrieben werden: {fehler}") from fehler
        herkunft = "aus dem Zwischenspeicher" if ergebnis.aus_cache else "neu erzeugt"
        groesse = output.stat().st_size / 1024
        self.stdout.write(
            self.style.SUCCESS(f"{inhalt.titel}: {output} ({groesse:,.0f} KB, {herkunft})")
        )
