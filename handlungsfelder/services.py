"""Writes of the Sozialmonitoring: storing a previewed statistics file, all or nothing."""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from handlungsfelder.importer import Ergebnis, lesen
from handlungsfelder.models import (
    Gebiet,
    Handlungsfeld,
    Indikator,
    IndikatorImport,
    Messwert,
    StrategischeAnalyse,
)
from sozialplanung.versionen import versioniert_speichern

VIER_STELLEN = Decimal("0.0001")


@dataclass(frozen=True)
class Bilanz:
    """What an import does (or did): new, changed and unchanged values."""

    neu: int
    geaendert: int
    unveraendert: int

    @property
    def gesamt(self) -> int:
        return self.neu + self.geaendert + self.unveraendert


def _schluessel_indikatoren(ergebnis: Ergebnis) -> dict[str, Indikator | None]:
    vorhanden = {
        i.name: i
        for i in Indikator.objects.filter(
            tabelle=ergebnis.tabelle, name__in=[r.name for r in ergebnis.reihen]
        )
    }
    return {r.name: vorhanden.get(r.name) for r in ergebnis.reihen}


def _vergleich(ergebnis: Ergebnis, indikatoren: dict, gebiete: dict):
    """Split the file's values into new, changed and unchanged against the database."""
    ids = [i.pk for i in indikatoren.values() if i is not None]
    bestehend = {
        (m["indikator_id"], m["gebiet__schluessel"], m["jahr"]): (
            m["wert"],
            m["fehlkennzeichen"],
            m["stichtag"],
        )
        for m in Messwert.objects.filter(
            indikator_id__in=ids, gebiet__schluessel__in=list(gebiete)
        ).values(
            "indikator_id", "gebiet__schluessel", "jahr", "wert", "fehlkennzeichen", "stichtag"
        )
    }
    neu, geaendert, unveraendert = [], [], 0
    for zeile in ergebnis.werte.itertuples(index=False):
        indikator = indikatoren[zeile.indikator]
        # The database keeps four decimals; compare what it will hold.
        wert = Decimal(zeile.wert).quantize(VIER_STELLEN) if isinstance(zeile.wert, str) else None
        stichtag = zeile.stichtag or None
        schluessel = (indikator.pk if indikator else None, zeile.gebiet_schluessel, zeile.jahr)
        alt = bestehend.get(schluessel) if indikator else None
        eintrag = (zeile, wert, stichtag)
        if alt is None:
            neu.append(eintrag)
        elif alt != (wert, zeile.fehlkennzeichen, stichtag):
            geaendert.append(eintrag)
        else:
            unveraendert += 1
    return neu, geaendert, unveraendert


def indikatoren_bilanz(*, ergebnis: Ergebnis) -> Bilanz:
    """The preview's figures: how many values an import would add or change."""
    neu, geaendert, unveraendert = _vergleich(
        ergebnis, _schluessel_indikatoren(ergebnis), dict(ergebnis.gebiete)
    )
    return Bilanz(len(neu), len(geaendert), unveraendert)


@transaction.atomic
def indikatoren_import(
    *, ergebnis: Ergebnis, handlungsfelder: list[Handlungsfeld] | tuple = ()
) -> Bilanz:
    """Store every value of ``ergebnis``, or nothing. A second run changes nothing."""
    gebiete = dict(ergebnis.gebiete)
    vorhanden = set(
        Gebiet.objects.filter(schluessel__in=list(gebiete)).values_list("schluessel", flat=True)
    )
    Gebiet.objects.bulk_create(
        [
            Gebiet(schluessel=s, name=n, ebene=Gebiet.ebene_fuer(s))
            for s, n in gebiete.items()
            if s not in vorhanden
        ],
        ignore_conflicts=True,  # a parallel import may have created it meanwhile
    )
    gebiet_ids = dict(
        Gebiet.objects.filter(schluessel__in=list(gebiete)).values_list("schluessel", "pk")
    )

    indikatoren = _schluessel_indikatoren(ergebnis)
    for reihe in ergebnis.reihen:
        indikator = indikatoren[reihe.name]
        if indikator is None:
            indikator, _neu = Indikator.objects.get_or_create(
                tabelle=ergebnis.tabelle,
                name=reihe.name,
                defaults={"einheit": reihe.einheit[:50], "quelle": ergebnis.quelle[:500]},
            )
            indikatoren[reihe.name] = indikator
        elif ergebnis.quelle and indikator.quelle != ergebnis.quelle:
            indikator.quelle = ergebnis.quelle
            indikator.save(update_fields=["quelle"])
        if handlungsfelder:
            indikator.handlungsfelder.add(*handlungsfelder)

    neu, geaendert, unveraendert = _vergleich(ergebnis, indikatoren, gebiete)
    Messwert.objects.bulk_create(
        [
            Messwert(
                indikator=indikatoren[zeile.indikator],
                gebiet_id=gebiet_ids[zeile.gebiet_schluessel],
                jahr=zeile.jahr,
                stichtag=stichtag,
                wert=wert,
                fehlkennzeichen=zeile.fehlkennzeichen,
            )
            for zeile, wert, stichtag in neu + geaendert
        ],
        batch_size=2000,
        # Also covers a parallel import that stored the same value meanwhile.
        update_conflicts=True,
        unique_fields=["indikator", "gebiet", "jahr"],
        update_fields=["wert", "fehlkennzeichen", "stichtag"],
    )
    return Bilanz(len(neu), len(geaendert), unveraendert)


def indikator_import_hochladen(*, datei, user) -> IndikatorImport:
    """Keep an uploaded file for its preview; refuses files that cannot be read at all."""
    inhalt = datei.read()
    ergebnis = lesen(inhalt, dateiname=datei.name)
    vorgang = IndikatorImport(
        dateiname=datei.name[:255],
        sha256=hashlib.sha256(inhalt).hexdigest(),
        hochgeladen_von=user,
        anzahl_werte=ergebnis.anzahl_werte,
    )
    vorgang.datei.save(f"{vorgang.sha256}.dat", ContentFile(inhalt), save=False)
    vorgang.save()
    return vorgang


def indikator_import_lesen(*, vorgang: IndikatorImport) -> Ergebnis:
    with vorgang.datei.open("rb") as datei:
        return lesen(datei.read(), dateiname=vorgang.dateiname)


@transaction.atomic
def indikator_import_bestaetigen(*, vorgang: IndikatorImport, handlungsfelder=()) -> Bilanz:
    """Store exactly the previewed file; a second confirmation is refused."""
    vorgang = IndikatorImport.objects.select_for_update().get(pk=vorgang.pk)
    if vorgang.status == IndikatorImport.Status.IMPORTIERT:
        raise ValidationError(_("Diese Datei wurde bereits importiert."), code="doppelt")
    bilanz = indikatoren_import(
        ergebnis=indikator_import_lesen(vorgang=vorgang), handlungsfelder=handlungsfelder
    )
    vorgang.status = IndikatorImport.Status.IMPORTIERT
    vorgang.importiert_am = timezone.now()
    vorgang.save(update_fields=["status", "importiert_am"])
    # Only once the values are committed: a failed commit keeps the preview usable.
    transaction.on_commit(lambda: vorgang.datei.delete(save=False))
    return bilanz


@transaction.atomic
def analyse_speichern(
    *,
    handlungsfeld: Handlungsfeld,
    planungsjahr,
    texte: dict[str, str],
    indikatoren,
    version: int,
    user,
) -> StrategischeAnalyse:
    """Save a Strategische Analyse unless somebody else saved it since ``version``."""
    analyse, _neu = StrategischeAnalyse.objects.select_for_update().get_or_create(
        handlungsfeld=handlungsfeld, planungsjahr=planungsjahr
    )
    versioniert_speichern(
        analyse,
        version=version,
        user=user,
        **{feld: texte[feld] for feld in StrategischeAnalyse.TEXTFELDER},
    )
    analyse.indikatoren.set(indikatoren)
    return analyse
