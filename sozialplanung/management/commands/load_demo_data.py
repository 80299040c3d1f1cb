"""Load Kreis Pinneberg's real planning data and one demo user per role. Idempotent."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from dossier.models import Dossier
from empfehlungen.models import Handlungsempfehlung, Vorlage, Wirkungsziel
from empfehlungen.oparl import DEMO_ORDNER, oparl_sync
from empfehlungen.services_wirkung import (
    dialognotiz_create,
    wirkungsmessung_create,
    wirkungsziel_create,
)
from handlungsfelder.importer import lesen
from handlungsfelder.models import Fokusgruppe, Handlungsfeld, Indikator, StrategischeAnalyse
from handlungsfelder.services import indikatoren_import
from sozialplanung import demo_data as d
from sozialplanung.demo_menge import empfehlungen_auffuellen
from sozialplanung.models import Phase, PhasenWechsel, Planungsjahr
from steuerungsgruppe import demo as steuerungsgruppe_demo
from steuerungsgruppe.models import Zielvorschlag


def upsert(model, defaults: dict, **lookup):
    """Like ``update_or_create``, but writes only what differs, so a rerun changes nothing."""
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    geaendert = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if geaendert and not created:
        for name in geaendert:
            setattr(obj, name, defaults[name])
        obj.full_clean()
        obj.save()
    return obj


class Command(BaseCommand):
    help = "Lädt die Demodaten des Kreises Pinneberg (Handlungsfelder, Empfehlungen, Benutzer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ohne-statistik",
            action="store_true",
            help="Die GENESIS-Dateien des Sozialmonitorings nicht importieren (schneller).",
        )
        parser.add_argument(
            "--empfehlungen",
            type=int,
            metavar="ANZAHL",
            help=(
                "Mit erfundenen, veröffentlichten Handlungsempfehlungen auf ANZAHL auffüllen "
                "(für Mess- und Lasttests, z. B. 2000)."
            ),
        )

    @transaction.atomic
    def handle(self, *args, ohne_statistik=False, empfehlungen=None, **options):
        felder = self._handlungsfelder()
        gruppen = self._fokusgruppen(felder)
        jahre = self._planungsjahre()
        self._empfehlungen(felder, gruppen, jahre)
        self._kreistag(jahre)
        self._zielvorschlaege(jahre[2023])
        upsert(
            Dossier,
            planungsjahr=jahre[2023],
            defaults={"zusammenfassung": d.DOSSIER_ZUSAMMENFASSUNG_2023},
        )
        self._benutzer(gruppen)
        steuerungsgruppe_demo.laden(upsert, jahre[2023])
        if not ohne_statistik:
            self._sozialmonitoring(felder, jahre[2023])
        self._wirkungsziele(jahre)
        if empfehlungen:
            neu = empfehlungen_auffuellen(gesamt=empfehlungen)
            self.stdout.write(f"  {neu} erfundene Handlungsempfehlungen ergänzt")
        self.stdout.write(self.style.SUCCESS("Demodaten geladen."))
        self.stdout.write(f"Demo-Zugänge (Passwort jeweils: {d.DEMO_PASSWORT}):")
        for username, _first, _last, rolle, _staff, superuser in d.DEMO_BENUTZER:
            beschreibung = "Administration" if superuser else rolle
            self.stdout.write(f"  {username:<18} {beschreibung}")

    def _handlungsfelder(self) -> dict[str, Handlungsfeld]:
        felder = {}
        for reihenfolge, (slug, name, von, bis, beschreibung) in enumerate(d.HANDLUNGSFELDER, 1):
            felder[slug] = upsert(
                Handlungsfeld,
                slug=slug,
                defaults={
                    "name": name,
                    "reihenfolge": reihenfolge,
                    "gueltig_von": von,
                    "gueltig_bis": bis,
                    "beschreibung": beschreibung,
                },
            )
        return felder

    def _fokusgruppen(self, felder) -> dict[str, Fokusgruppe]:
        gruppen = {}
        for name, art, slugs, beschreibung in d.FOKUSGRUPPEN:
            gruppe = upsert(
                Fokusgruppe, name=name, defaults={"art": art, "beschreibung": beschreibung}
            )
            gruppe.handlungsfelder.set([felder[slug] for slug in slugs])
            gruppen[name] = gruppe
        return gruppen

    def _planungsjahre(self) -> dict[int, Planungsjahr]:
        jahre = {}
        for jahr, phase in d.PLANUNGSJAHRE.items():
            planungsjahr, created = Planungsjahr.objects.get_or_create(
                jahr=jahr, defaults={"phase": phase}
            )
            if created and jahr == 2024:
                beginn = datetime.datetime.fromisoformat(d.BEGINN_2024)
                PhasenWechsel.objects.create(
                    planungsjahr=planungsjahr,
                    nach_phase=Phase.STRATEGISCHE_ANALYSE,
                    zeitpunkt=timezone.make_aware(beginn),
                )
            jahre[jahr] = planungsjahr
        return jahre

    def _empfehlungen(self, felder, gruppen, jahre) -> None:
        # The Kreistag status is not written here: _kreistag derives it from the Beratungen.
        for titel, jahr, feld, relevanz, im_dossier, _status, herkunft, text in d.EMPFEHLUNGEN:
            upsert(
                Handlungsempfehlung,
                titel=titel,
                planungsjahr=jahre[jahr],
                defaults={
                    "handlungsfeld": felder[feld],
                    "herkunft": gruppen[herkunft] if herkunft else None,
                    "steuerungsrelevanz": relevanz,
                    "im_dossier": im_dossier,
                    "status": Handlungsempfehlung.Status.VEROEFFENTLICHT,
                    "beschreibung": text,
                },
            )

    def _kreistag(self, jahre) -> None:
        for reference, titel, art, datum, empfehlungen in d.VORLAGEN:
            vorlage = upsert(
                Vorlage,
                reference=reference,
                defaults={"titel": titel, "art": art, "datum": datetime.date.fromisoformat(datum)},
            )
            vorlage.handlungsempfehlungen.set(
                [
                    Handlungsempfehlung.objects.get(titel=titel, planungsjahr=jahre[jahr])
                    for titel, jahr in empfehlungen
                ]
            )
        bericht = oparl_sync(quelle=str(DEMO_ORDNER))
        self.stdout.write(f"  OParl-Demo: {bericht.zeilen()[2]}")

    def _zielvorschlaege(self, planungsjahr) -> None:
        for reihenfolge, (titel, zu, passt_nicht, anmerkungen) in enumerate(
            d.ZIELVORSCHLAEGE_2023, 1
        ):
            upsert(
                Zielvorschlag,
                planungsjahr=planungsjahr,
                titel=titel,
                defaults={
                    "reihenfolge": reihenfolge,
                    "stimmen_zu": zu,
                    "stimmen_passt_nicht": passt_nicht,
                    "anmerkungen": anmerkungen,
                },
            )

    def _benutzer(self, gruppen) -> None:
        User = get_user_model()
        for username, first, last, rolle, staff, superuser in d.DEMO_BENUTZER:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                    "is_staff": staff,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.set_password(d.DEMO_PASSWORT)
                user.save(update_fields=["password"])
            if rolle:
                user.groups.add(Group.objects.get_or_create(name=rolle)[0])
        mitglied, gruppe = d.DEMO_FOKUSGRUPPE_MITGLIED
        gruppen[gruppe].mitglieder.add(User.objects.get(username=mitglied))

    def _sozialmonitoring(self, felder, planungsjahr) -> None:
        ordner = Path(__file__).resolve().parents[2] / "demo" / "genesis"
        for dateiname, slugs in d.GENESIS_DATEIEN:
            ergebnis = lesen((ordner / dateiname).read_bytes(), gebiet_praefix=d.GENESIS_LAND)
            bilanz = indikatoren_import(
                ergebnis=ergebnis, handlungsfelder=[felder[slug] for slug in slugs]
            )
            self.stdout.write(f"  {dateiname}: {bilanz.neu} neue Werte")
        for slug, angaben in d.ANALYSEN_2023.items():
            analyse = upsert(
                StrategischeAnalyse,
                handlungsfeld=felder[slug],
                planungsjahr=planungsjahr,
                defaults={f: angaben.get(f, "") for f in StrategischeAnalyse.TEXTFELDER},
            )
            analyse.indikatoren.set(
                [
                    Indikator.objects.get(tabelle=tabelle, name=name)
                    for tabelle, name in angaben["indikatoren"]
                ]
            )

    def _wirkungsziele(self, jahre) -> None:
        """The example goals, created once through the services like staff would.

        A goal whose Sozialmonitoring indicator is not imported (``--ohne-statistik``) is
        left out; an existing goal is left as it is, so a rerun changes nothing.
        """
        User = get_user_model()
        planerin = User.objects.get(username="sozialplanung")
        for titel, jahr, angelegt, felder, messwerte, notizen in d.WIRKUNGSZIELE:
            empfehlung = Handlungsempfehlung.objects.get(titel=titel, planungsjahr=jahre[jahr])
            if Wirkungsziel.objects.filter(
                handlungsempfehlung=empfehlung, text=felder["text"]
            ).exists():
                continue
            daten = dict(felder)
            if daten["indikator"] is not None:
                tabelle, name = daten["indikator"]
                daten["indikator"] = Indikator.objects.filter(tabelle=tabelle, name=name).first()
                if daten["indikator"] is None:
                    continue
            for feld in ("ausgangswert", "zielwert"):
                if daten.get(feld) is not None:
                    daten[feld] = Decimal(daten[feld])
            for feld in ("ausgangsdatum", "zieldatum"):
                if daten.get(feld):
                    daten[feld] = datetime.date.fromisoformat(daten[feld])
            ziel = wirkungsziel_create(empfehlung=empfehlung, daten=daten, user=planerin)
            for datum, wert, notiz in messwerte:
                wirkungsmessung_create(
                    ziel=ziel,
                    datum=datetime.date.fromisoformat(datum),
                    wert=Decimal(wert),
                    notiz=notiz,
                    user=planerin,
                )
            for datum, seite, von, text in notizen:
                dialognotiz_create(
                    ziel=ziel,
                    datum=datetime.date.fromisoformat(datum),
                    seite=seite,
                    von=von,
                    text=text,
                    user=planerin,
                )
            if angelegt:
                # Agreed soon after the Kreistag's decision; the six weeks are long over.
                zeitpunkt = timezone.make_aware(datetime.datetime.fromisoformat(angelegt))
                Wirkungsziel.objects.filter(pk=ziel.pk).update(created=zeitpunkt)
                ziel.history.update(history_date=zeitpunkt)
