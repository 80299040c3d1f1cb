"""Writes folders of OParl 1.1 objects (System, Body, Organizations, Meetings, Papers).

Each Vorlage is given with its Beratungsfolge; a consultation with ``ergebnis=None`` is
scheduled but has no result yet, so its Meeting carries no AgendaItem for it.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BASIS = "https://ris.kreis-beispiel.de/oparl/v1.1"
SCHEMA = "https://schema.oparl.org/1.1/"
STAND = "2024-01-15T10:00:00+01:00"
_basis = BASIS


@dataclass
class Schritt:
    gremium: str
    datum: str  # ISO date of the sitting
    rolle: str
    authoritative: bool = False
    ergebnis: str | None = None
    beschlusstext: str = ""


@dataclass
class Papier:
    nummer: int
    reference: str
    name: str
    schritte: Iterable[Schritt]
    paper_type: str = "Beschlussvorlage"
    datum: str = "2023-06-01"


def _obj(typ: str, pfad: str, **felder) -> dict:
    return {
        "id": f"{_basis}/{pfad}",
        "type": SCHEMA + typ,
        **felder,
        "created": STAND,
        "modified": STAND,
    }


def objekte(papiere: Iterable[Papier], basis: str = BASIS) -> list[tuple[str, dict]]:
    """(file name, object) for every object the Papers need; ids start with ``basis``."""
    global _basis
    _basis = basis
    BASIS = basis  # noqa: N806 - the same name as the default, for the f-strings below
    system = _obj(
        "System", "system", oparlVersion=SCHEMA, body=f"{BASIS}/bodies", name="Beispiel-RIS"
    )
    system["id"] = f"{BASIS}/"
    body = _obj(
        "Body",
        "body/1",
        system=system["id"],
        name="Kreis Beispiel",
        shortName="Kreis Beispiel",
        organization=f"{BASIS}/body/1/organizations",
        person=f"{BASIS}/body/1/persons",
        meeting=f"{BASIS}/body/1/meetings",
        paper=f"{BASIS}/body/1/papers",
        legislativeTerm=[],
    )
    organisationen: dict[str, dict] = {}
    sitzungen: dict[tuple[str, str], dict] = {}
    papers = []
    for papier in papiere:
        consultations = []
        for n, schritt in enumerate(papier.schritte, 1):
            if schritt.gremium not in organisationen:
                onr = len(organisationen) + 1
                organisationen[schritt.gremium] = _obj(
                    "Organization",
                    f"organization/{onr}",
                    body=body["id"],
                    name=schritt.gremium,
                    organizationType="Gremium",
                )
            organisation = organisationen[schritt.gremium]
            schluessel = (schritt.gremium, schritt.datum)
            if schluessel not in sitzungen:
                mnr = len(sitzungen) + 1
                sitzungen[schluessel] = _obj(
                    "Meeting",
                    f"meeting/{mnr}",
                    name=f"Sitzung {schritt.gremium}",
                    start=f"{schritt.datum}T17:00:00+01:00",
                    organization=[organisation["id"]],
                    agendaItem=[],
                )
            sitzung = sitzungen[schluessel]
            cid = f"{BASIS}/consultation/{papier.nummer}-{n}"
            consultation = {
                "id": cid,
                "type": SCHEMA + "Consultation",
                "paper": f"{BASIS}/paper/{papier.nummer}",
                "meeting": sitzung["id"],
                "organization": [organisation["id"]],
                "authoritative": schritt.authoritative,
                "role": schritt.rolle,
            }
            if schritt.ergebnis is not None:
                order = len(sitzung["agendaItem"]) + 1
                item = _obj(
                    "AgendaItem",
                    f"agendaitem/{papier.nummer}-{n}",
                    meeting=sitzung["id"],
                    number=str(order),
                    order=order,
                    name=papier.name,
                    public=True,
                    consultation=cid,
                    result=schritt.ergebnis,
                )
                if schritt.beschlusstext:
                    item["resolutionText"] = schritt.beschlusstext
                sitzung["agendaItem"].append(item)
                consultation["agendaItem"] = item["id"]
            consultations.append(consultation)
        papers.append(
            _obj(
                "Paper",
                f"paper/{papier.nummer}",
                body=body["id"],
                name=papier.name,
                reference=papier.reference,
                date=papier.datum,
                paperType=papier.paper_type,
                consultation=consultations,
                web=f"https://ris.kreis-beispiel.de/vorlage/{papier.nummer}",
            )
        )
    dateien = [("System.json", system), ("Body.json", body)]
    dateien += [(f"Organization-{i}.json", o) for i, o in enumerate(organisationen.values(), 1)]
    dateien += [(f"Meeting-{i}.json", m) for i, m in enumerate(sitzungen.values(), 1)]
    dateien += [(f"Paper-{p['id'].rsplit('/', 1)[1]}.json", p) for p in papers]
    return dateien


def ordner_schreiben(ordner: Path, papiere: Iterable[Papier], basis: str = BASIS) -> Path:
    ordner.mkdir(parents=True, exist_ok=True)
    for name, obj in objekte(papiere, basis):
        (ordner / name).write_text(
            json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return ordner
