"""Import a statistics file (GENESIS CSV, tidy CSV or XLSX) from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handlungsfelder.importer import MAX_BYTES, ImportFehler, lesen
from handlungsfelder.models import Handlungsfeld
from handlungsfelder.services import indikatoren_bilanz, indikatoren_import


class Command(BaseCommand):
    help = (
        "Importiert eine Statistikdatei (GENESIS-CSV, CSV oder XLSX mit den Spalten "
        "indikator, gebiet_schluessel, jahr, wert). Alles oder nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("pfad", metavar="PATH")
        parser.add_argument(
            "--vorschau", action="store_true", help="Nur die Vorschau zeigen, nichts speichern."
        )
        parser.add_argument(
            "--handlungsfeld",
            action="append",
            default=[],
            metavar="SLUG",
            help="Die Indikatoren diesem Handlungsfeld zuordnen (mehrfach möglich).",
        )
        parser.add_argument(
            "--gebiet-praefix",
            help="Nur Gebiete, deren Schlüssel so beginnt, z. B. 01 für Schleswig-Holstein.",
        )

    def handle(self, *args, pfad, vorschau, handlungsfeld, gebiet_praefix, **options):
        datei = Path(pfad)
        if not datei.is_file():
            raise CommandError(f"Die Datei {datei} gibt es nicht.")
        if datei.stat().st_size > MAX_BYTES:
            raise CommandError("Die Datei ist größer als 50 MB; erlaubt sind höchstens 50 MB.")
        felder = list(Handlungsfeld.objects.filter(slug__in=handlungsfeld))
        unbekannt = set(handlungsfeld) - {f.slug for f in felder}
        if unbekannt:
            raise CommandError(f"Unbekanntes Handlungsfeld: {', '.join(sorted(unbekannt))}")
        try:
            ergebnis = lesen(
                datei.read_bytes(), dateiname=datei.name, gebiet_praefix=gebiet_praefix
            )
        except ImportFehler as fehler:
            raise CommandError(f"{datei.name}: {fehler}") from fehler

        jahre = ergebnis.jahre
        self.stdout.write(f"{datei.name}: {ergebnis.format} {ergebnis.tabelle}".rstrip())
        self.stdout.write(f"  Indikatoren: {len(ergebnis.reihen)}")
        for reihe in ergebnis.reihen:
            self.stdout.write(f"    – {reihe.name} ({reihe.einheit or 'ohne Einheit'})")
        self.stdout.write(f"  Gebiete: {len(ergebnis.gebiete)}")
        self.stdout.write(f"  Jahre: {jahre[0]}–{jahre[-1]} ({len(jahre)})")
        self.stdout.write(
            f"  Werte: {ergebnis.anzahl_werte}, davon fehlend mit Kennzeichen: "
            f"{ergebnis.anzahl_fehlend}"
        )
        for abgelehnt in ergebnis.abgelehnt:
            self.stdout.write(f"  abgelehnt: Zeile {abgelehnt.zeile}: {abgelehnt.grund}")

        if vorschau:
            bilanz = indikatoren_bilanz(ergebnis=ergebnis)
            self.stdout.write(
                f"Vorschau: {bilanz.neu} neu, {bilanz.geaendert} geändert, "
                f"{bilanz.unveraendert} unverändert. Nichts gespeichert."
            )
            return
        bilanz = indikatoren_import(ergebnis=ergebnis, handlungsfelder=felder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Importiert: {bilanz.neu} neu, {bilanz.geaendert} geändert, "
                f"{bilanz.unveraendert} unverändert."
            )
        )
