"""Everything the Planungsdossier of a year shows, read in a fixed number of queries.

The web report and the PDF render the same ``DossierInhalt``. Its ``fingerprint`` is a
hash of every value it holds, so the PDF cache can tell an unchanged dossier from a
changed one without rendering anything.
"""

import functools
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dossier.models import Dossier
from empfehlungen.models import Handlungsempfehlung, Massnahme
from empfehlungen.selectors_wirkung import ZielStand, wirkungsziele_fuer
from handlungsfelder import charts
from handlungsfelder.models import Handlungsfeld, Indikator, StrategischeAnalyse
from handlungsfelder.selectors import Vergleichsraum, reihen, vergleichsraum
from sozialplanung.models import Planungsjahr
from steuerungsgruppe.selectors import ZielvorschlagErgebnis, zielvorschlaege_ergebnis

# Besides the data, the software shapes the output: its code, templates, translations,
# fonts and libraries. Their files' sizes and times, and the libraries' versions, are part
# of the cache keys, so a deploy that changes any of them rebuilds charts and PDFs.
_BASIS = Path(settings.BASE_DIR)
_APPS = ("sozialplanung", "handlungsfelder", "empfehlungen", "steuerungsgruppe", "dossier")


@functools.cache
def _dateien_diagramm() -> tuple[Path, ...]:
    return (
        Path(charts.__file__),
        Path(__file__).with_name("pdf.py"),
        _BASIS / "static" / "vendor" / "plotly" / "plotly.min.js",
    )


@functools.cache  # which files there are changes only with a deploy, which restarts us
def _dateien_dossier() -> tuple[Path, ...]:
    dateien = [*_dateien_diagramm(), _BASIS / "static" / "css" / "dossier-druck.css"]
    for app in _APPS:
        dateien += (_BASIS / app).rglob("*.py")
    dateien += (_BASIS / "templates").rglob("*.html")
    dateien += (_BASIS / "locale").rglob("*.mo")
    dateien += (_BASIS / "static" / "vendor" / "fonts").rglob("*.woff2")
    return tuple(sorted(dateien))


@functools.cache
def _version(paket: str) -> str:
    return metadata.version(paket)  # reads the installed metadata: once per process


def _softwarestand(dateien: tuple[Path, ...], pakete: tuple[str, ...]) -> list:
    stand = []
    for pfad in dateien:
        status = pfad.stat()
        stand.append((pfad.name, status.st_size, status.st_mtime_ns))
    return stand + [(paket, _version(paket)) for paket in pakete]


def _werte(objekt) -> list:
    """Every stored value of a model instance, for hashing."""
    if objekt is None:
        return []
    return [getattr(objekt, f.attname) for f in objekt._meta.concrete_fields]


@dataclass
class Kennzahl:
    """An indicator's latest figure for the own Kreis, beside its Land."""

    indikator: Indikator
    jahr: int | None
    kreis: str
    land: str
    veraenderung: str


@dataclass
class Zeitreihe:
    """The input of one chart: enough to name its cached SVG without drawing it."""

    indikator: Indikator
    reihen: dict

    def schluessel(self, raum: Vergleichsraum) -> str:
        roh = json.dumps(
            [
                _werte(self.indikator),
                _werte(raum.kreis),
                _werte(raum.land),
                sorted(self.reihen.items()),
                get_language(),
                _softwarestand(_dateien_diagramm(), ("plotly", "kaleido")),
            ],
            default=str,
        )
        return hashlib.sha256(roh.encode()).hexdigest()

    def diagramm(self, raum: Vergleichsraum) -> charts.Diagramm:
        return charts.zeitreihe(self.indikator, raum.kreis, raum.land, self.reihen)


@dataclass
class Kapitel:
    nummer: int
    handlungsfeld: Handlungsfeld
    analyse: StrategischeAnalyse | None
    empfehlungen: list[Handlungsempfehlung]
    zeitreihen: list[Zeitreihe]
    raum: Vergleichsraum
    # The impact goals of the recommendations above, by recommendation.
    wirkungsziele: dict[int, list[ZielStand]] = field(default_factory=dict)

    @property
    def anker(self) -> str:
        return f"kapitel-{self.handlungsfeld.slug}"

    @property
    def titel(self) -> str:
        return f"{self.nummer}. {self.handlungsfeld.name}"

    @cached_property
    def kennzahlen(self) -> list[Kennzahl]:
        def werte(reihe: Zeitreihe, gebiet) -> list[tuple[int, float]]:
            if gebiet is None:
                return []
            return [(j, w) for j, w, _k in reihe.reihen.get(gebiet.pk, []) if w is not None]

        ergebnis = []
        for reihe in self.zeitreihen:
            kreis = werte(reihe, self.raum.kreis)
            if not kreis:
                continue
            jahr, wert = kreis[-1]
            land = dict(werte(reihe, self.raum.land))
            veraenderung = "–"
            if len(kreis) > 1:
                vorjahr, vorwert = kreis[-2]
                differenz = wert - vorwert
                veraenderung = _("%(zeichen)s%(wert)s ggü. %(jahr)s") % {
                    "zeichen": "+" if differenz > 0 else "",
                    "wert": charts.zahl(differenz),
                    "jahr": vorjahr,
                }
            ergebnis.append(
                Kennzahl(
                    indikator=reihe.indikator,
                    jahr=jahr,
                    kreis=charts.zahl(wert),
                    land=charts.zahl(land.get(jahr)),
                    veraenderung=veraenderung,
                )
            )
        return ergebnis

    @property
    def kennzahlen_quellen(self) -> list[str]:
        return list(
            dict.fromkeys(z.indikator.quelle for z in self.kennzahlen if z.indikator.quelle)
        )


@dataclass
class DossierInhalt:
    planungsjahr: Planungsjahr
    dossier: Dossier | None
    zielvorschlaege: list[ZielvorschlagErgebnis]
    kapitel: list[Kapitel]
    anhang: list[Handlungsempfehlung]
    raum: Vergleichsraum
    traeger: dict = field(default_factory=lambda: dict(settings.TRAEGER))

    @property
    def titel(self) -> str:
        return self.planungsjahr.dossier_titel

    @property
    def ist_entwurf(self) -> bool:
        return self.planungsjahr.ist_dossier_entwurf

    @property
    def aufgenommen(self) -> int:
        return sum(len(k.empfehlungen) for k in self.kapitel)

    @property
    def hat_wirkungsziele(self) -> bool:
        return any(k.wirkungsziele for k in self.kapitel)

    def fingerprint(self) -> str:
        """A hash of every value the dossier shows, of its language and of its layout."""
        teile: list = [
            _werte(self.planungsjahr),
            _werte(self.dossier),
            _werte(self.raum.kreis),
            _werte(self.raum.land),
            self.traeger,
            get_language(),
            _softwarestand(_dateien_dossier(), ("django", "weasyprint", "plotly", "kaleido")),
            [
                (_werte(z.zielvorschlag), z.stimmen_zu, z.stimmen_passt_nicht, z.anmerkungen)
                for z in self.zielvorschlaege
            ],
        ]
        for kapitel in self.kapitel:
            teile += [
                _werte(kapitel.handlungsfeld),
                _werte(kapitel.analyse),
                [(_werte(r.indikator), sorted(r.reihen.items())) for r in kapitel.zeitreihen],
            ]
            for empfehlung in kapitel.empfehlungen:
                teile += [
                    str(empfehlung.herkunft or ""),
                    [_werte(m) for m in empfehlung.massnahmen.all()],
                    [
                        (
                            _werte(z.ziel),
                            z.ziel.indikator_name,
                            z.ziel.einheit_anzeige,
                            z.letzter,
                            z.fortschritt,
                            z.ampel,
                        )
                        for z in kapitel.wirkungsziele.get(empfehlung.pk, [])
                    ],
                ]
        teile += [(_werte(e), e.handlungsfeld.name) for e in self.anhang]
        roh = json.dumps(teile, default=str)
        return hashlib.sha256(roh.encode()).hexdigest()


def dossier_inhalt(planungsjahr: Planungsjahr) -> DossierInhalt:
    """The dossier of ``planungsjahr``: one chapter per Handlungsfeld valid in that year.

    A chapter carries the recommendations taken into the dossier; the appendix lists
    every published recommendation of the year. A Handlungsfeld whose validity was cut
    short after it got recommendations keeps its chapter, so that none goes missing.
    """
    aufgenommen_in = Handlungsempfehlung.objects.veroeffentlicht().filter(
        planungsjahr=planungsjahr, im_dossier=True
    )
    felder = list(
        Handlungsfeld.objects.filter(
            Q(pk__in=Handlungsfeld.objects.gueltig_in(planungsjahr.jahr))
            | Q(pk__in=aufgenommen_in.values("handlungsfeld"))
        ).order_by("reihenfolge", "name")
    )
    analysen = {
        a.handlungsfeld_id: a
        for a in StrategischeAnalyse.objects.filter(planungsjahr=planungsjahr).prefetch_related(
            Prefetch("indikatoren", queryset=Indikator.objects.order_by("tabelle", "name"))
        )
    }
    empfehlungen = list(
        Handlungsempfehlung.objects.veroeffentlicht()
        .filter(planungsjahr=planungsjahr)
        .select_related("handlungsfeld", "herkunft", "planungsjahr")
        .prefetch_related(
            Prefetch("massnahmen", queryset=Massnahme.objects.order_by("reihenfolge", "pk"))
        )
        .mit_raengen()
        .order_by("handlungsfeld__reihenfolge", "handlungsfeld__name", "-relevanz_rang", "titel")
    )
    raum = vergleichsraum()
    ziele = wirkungsziele_fuer([e for e in empfehlungen if e.im_dossier])
    indikatoren = {i.pk: i for a in analysen.values() for i in a.indikatoren.all()}
    daten = reihen(list(indikatoren.values()), [raum.kreis, raum.land]) if indikatoren else {}

    kapitel = []
    for nummer, feld in enumerate(felder, 1):
        analyse = analysen.get(feld.pk)
        aufgenommen = [e for e in empfehlungen if e.handlungsfeld_id == feld.pk and e.im_dossier]
        kapitel.append(
            Kapitel(
                nummer=nummer,
                handlungsfeld=feld,
                analyse=analyse,
                empfehlungen=aufgenommen,
                zeitreihen=[
                    Zeitreihe(i, dict(daten[i.pk]))
                    for i in (analyse.indikatoren.all() if analyse else [])
                    if i.pk in daten
                ],
                raum=raum,
                wirkungsziele={e.pk: ziele[e.pk] for e in aufgenommen if e.pk in ziele},
            )
        )
    return DossierInhalt(
        planungsjahr=planungsjahr,
        dossier=Dossier.objects.filter(planungsjahr=planungsjahr).first(),
        zielvorschlaege=zielvorschlaege_ergebnis([planungsjahr.pk]).get(planungsjahr.pk, []),
        kapitel=kapitel,
        anhang=empfehlungen,
        raum=raum,
    )


def dossierstand(*, jahr: int, **_url) -> str:
    """The guest cache's key for a year's public web report: its fingerprint."""
    planungsjahr = Planungsjahr.objects.mit_oeffentlichem_dossier().filter(jahr=jahr).first()
    return dossier_inhalt(planungsjahr).fingerprint() if planungsjahr else "nicht öffentlich"
