"""The change log: django-simple-history's records of the audited models, read for staff.

One list of object types (``ARTEN``) says which models are audited, how their objects are
named and searched. The global log pages over all their history tables with one
``UNION ALL`` of (type, history_id, history_date) – one query for the page, one for the
count, however many rows – and then fetches the page's records per type. The previous
record of each (for "alt → neu") comes with an annotated subquery, so that the page needs
two queries per type shown, never one per row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sozialplanung.anzeige import person

KUERZEN = 120  # characters of a value in a row; long section texts are cut


def _titel(beziehung: str) -> Callable:
    def name(eintrag) -> str:
        objekt = getattr(eintrag, beziehung)
        return str(objekt.titel) if objekt is not None else ""

    return name


@dataclass(frozen=True)
class Art:
    """An audited model as the log shows it."""

    schluessel: str  # in URLs and the type filter
    modell: str  # "app_label.ModelName"
    suche: tuple[str, ...]  # lookups the free-text filter searches with icontains
    name: Callable  # historical record -> the object's name
    verwandt: tuple[str, ...] = ()  # select_related for ``name`` and ``empfehlung_id``
    empfehlung: str = ""  # the attribute holding the recommendation's id, if any
    # Fields the log never shows: who scored is confidential (DOMAIN.md).
    # Lock counters and creation stamps (the record's own date says it).
    ausgeblendet: tuple[str, ...] = ()
    vertraulich: bool = False  # who entered it is not shown (a member's own scores)

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.modell)

    @property
    def history(self) -> type[models.Model]:
        return self.model.history.model

    @property
    def bezeichnung(self) -> str:
        return str(self.model._meta.verbose_name)


ARTEN: dict[str, Art] = {
    art.schluessel: art
    for art in (
        Art(
            "handlungsempfehlung",
            "empfehlungen.Handlungsempfehlung",
            suche=("titel",),
            name=lambda e: e.titel,
            empfehlung="id",
            ausgeblendet=("version", "created"),
        ),
        Art(
            "massnahme",
            "empfehlungen.Massnahme",
            suche=("massnahme", "handlungsempfehlung__titel"),
            name=lambda e: e.massnahme[:80],
            empfehlung="handlungsempfehlung_id",
        ),
        Art(
            "umsetzungsschritt",
            "empfehlungen.MassnahmeStatusAenderung",
            suche=("massnahme__massnahme",),
            name=lambda e: e.massnahme.massnahme[:80] if e.massnahme else "",
            verwandt=("massnahme",),
        ),
        Art(
            "wirkungsziel",
            "empfehlungen.Wirkungsziel",
            suche=("text", "handlungsempfehlung__titel"),
            name=lambda e: e.text[:80],
            empfehlung="handlungsempfehlung_id",
            ausgeblendet=("version", "created"),
        ),
        Art(
            "vorlage",
            "empfehlungen.Vorlage",
            suche=("reference", "titel"),
            name=lambda e: f"{e.reference} {e.titel}",
        ),
        Art(
            "beratung",
            "empfehlungen.Beratung",
            suche=("gremium", "vorlage__reference"),
            name=lambda e: f"{e.vorlage.reference}: {e.gremium}" if e.vorlage else e.gremium,
            verwandt=("vorlage",),
        ),
        Art(
            "bewertungsschema",
            "steuerungsgruppe.Bewertungsschema",
            suche=("planungsjahr__jahr",),
            name=lambda e: (
                _("Bewertungsschema %(jahr)s")
                % {"jahr": e.planungsjahr.jahr if e.planungsjahr else "?"}
            ),
            verwandt=("planungsjahr",),
        ),
        Art(
            "bewertungskriterium",
            "steuerungsgruppe.Bewertungskriterium",
            suche=("name",),
            name=lambda e: e.name,
        ),
        Art(
            "runde",
            "steuerungsgruppe.Runde",
            suche=("handlungsempfehlung__titel",),
            name=_titel("handlungsempfehlung"),
            verwandt=("handlungsempfehlung",),
            empfehlung="handlungsempfehlung_id",
        ),
        Art(
            "einschaetzung",
            "steuerungsgruppe.Einschaetzung",
            suche=("handlungsempfehlung__titel",),
            name=_titel("handlungsempfehlung"),
            verwandt=("handlungsempfehlung",),
            empfehlung="handlungsempfehlung_id",
            ausgeblendet=("mitglied", "erfasst_von"),
            vertraulich=True,
        ),
        Art(
            "fachkraefte",
            "steuerungsgruppe.FachkraefteEinschaetzung",
            suche=("runde__handlungsempfehlung__titel",),
            name=lambda e: e.runde.handlungsempfehlung.titel if e.runde else "",
            verwandt=("runde__handlungsempfehlung",),
        ),
    )
}

AENDERUNGSARTEN = [
    ("+", gettext_lazy("angelegt")),
    ("~", gettext_lazy("geändert")),
    ("-", gettext_lazy("gelöscht")),
]


@dataclass
class Feldaenderung:
    feld: str
    alt: str
    neu: str


@dataclass
class Zeile:
    """One history record as a row of the log."""

    art: Art
    eintrag: models.Model
    name: str
    wer: str
    aenderungen: list[Feldaenderung] = field(default_factory=list)

    @property
    def wann(self) -> datetime.datetime:
        return self.eintrag.history_date

    @property
    def aenderungsart(self) -> str:
        return str(dict(AENDERUNGSARTEN)[self.eintrag.history_type])

    @property
    def objekt_id(self) -> int:
        return self.eintrag.id

    @property
    def verlauf_url(self) -> str:
        return reverse(
            "aenderungsverlauf", kwargs={"art": self.art.schluessel, "pk": self.eintrag.id}
        )


# --- Showing values -------------------------------------------------------------------


def _anzeige(modell_feld, wert, bezogen: dict) -> str:
    """A stored value as staff read it: choices by label, FKs by name, German formats."""
    if wert is None or wert == "":
        return "–"
    if modell_feld.is_relation:
        objekt = bezogen.get((modell_feld.related_model, wert))
        return str(objekt) if objekt is not None else f"#{wert}"
    if modell_feld.choices:
        return str(dict(modell_feld.flatchoices).get(wert, wert))
    if isinstance(wert, bool):
        return _("ja") if wert else _("nein")
    if isinstance(wert, datetime.datetime):
        return formats.date_format(timezone.localtime(wert), "SHORT_DATETIME_FORMAT")
    if isinstance(wert, datetime.date):
        return formats.date_format(wert, "SHORT_DATE_FORMAT")
    if isinstance(wert, Decimal) and getattr(modell_feld, "decimal_places", 0) > 2:
        # Measured values are stored with four places; staff read 1,5, not 1,5000.
        stellen = max(0, -wert.normalize().as_tuple().exponent)
        return formats.number_format(wert, stellen, use_l10n=True, force_grouping=True)
    if isinstance(wert, Decimal | float):
        return formats.number_format(wert, use_l10n=True, force_grouping=True)
    if isinstance(wert, dict):
        # Points per criterion are stored by the criterion's id; staff read its name.
        kriterien = bezogen.get("kriterien", {})
        return "; ".join(f"{kriterien.get(str(k), k)}: {v}" for k, v in wert.items()) or "–"
    text = str(wert)
    return text if len(text) <= KUERZEN else text[: KUERZEN - 1] + "…"


def _felder(art: Art) -> list:
    """The fields the log compares: those simple-history keeps, minus the hidden ones."""
    history = art.history
    behalten = {f.name for f in history._meta.fields}
    return [
        f
        for f in art.model._meta.fields
        if f.name in behalten and f.name not in art.ausgeblendet and not f.primary_key
    ]


def _roh_aenderungen(art: Art, eintrag, vorher) -> list[tuple]:
    """(model field, old raw value, new raw value) of what this record changed."""
    ergebnis = []
    for modell_feld in _felder(art):
        attr = modell_feld.attname
        neu = getattr(eintrag, attr)
        if eintrag.history_type == "-":
            continue
        alt = getattr(vorher, attr) if vorher is not None else None
        if vorher is None and neu in (None, "", {}, False):
            continue  # a new object: only what it was created with
        if alt != neu:
            ergebnis.append((modell_feld, alt, neu))
    return ergebnis


def _zeilen(paare: list[tuple[Art, object, object]]) -> list[Zeile]:
    """Rows for (type, record, previous record or None), with related names in bulk."""
    roh = [
        (art, eintrag, _roh_aenderungen(art, eintrag, vorher)) for art, eintrag, vorher in paare
    ]
    # The names of related objects that changed: one query per related model on the page.
    gesucht: dict[type, set] = {}
    for _art, _eintrag, aenderungen in roh:
        for modell_feld, alt, neu in aenderungen:
            if modell_feld.is_relation:
                for wert in (alt, neu):
                    if wert is not None:
                        gesucht.setdefault(modell_feld.related_model, set()).add(wert)
    kriterien: set[str] = set()
    for _art, _eintrag, aenderungen in roh:
        for modell_feld, alt, neu in aenderungen:
            if modell_feld.name == "punkte":
                kriterien |= {str(k) for wert in (alt, neu) if wert for k in wert}
    bezogen: dict = {}
    if kriterien:
        bezogen["kriterien"] = {
            str(pk): name
            for pk, name in apps.get_model("steuerungsgruppe.Bewertungskriterium")
            .objects.filter(pk__in=[k for k in kriterien if k.isdigit()])
            .values_list("pk", "name")
        }
    for modell, ids in gesucht.items():
        for pk, objekt in modell._default_manager.in_bulk(ids).items():
            bezogen[(modell, pk)] = objekt
    zeilen = []
    for art, eintrag, aenderungen in roh:
        zeilen.append(
            Zeile(
                art=art,
                eintrag=eintrag,
                name=art.name(eintrag) or f"#{eintrag.id}",
                wer=_("vertraulich") if art.vertraulich else person(eintrag.history_user),
                aenderungen=[
                    Feldaenderung(
                        feld=str(modell_feld.verbose_name),
                        alt=_anzeige(modell_feld, alt, bezogen) if alt is not None else "–",
                        neu=_anzeige(modell_feld, neu, bezogen),
                    )
                    for modell_feld, alt, neu in aenderungen
                ],
            )
        )
    return zeilen


# --- Reading ----------------------------------------------------------------------------


def _mit_vorgaenger(art: Art, qs):
    """Annotate each record with the history_id of the same object's previous record."""
    history = art.history
    vorgaenger = (
        history.objects.filter(id=OuterRef("id"))
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    return qs.annotate(vorgaenger_id=Subquery(vorgaenger))


def _laden(art: Art, history_ids) -> list[tuple[Art, object, object]]:
    history = art.history
    qs = history.objects.filter(history_id__in=history_ids).select_related(
        "history_user", *art.verwandt
    )
    eintraege = list(_mit_vorgaenger(art, qs))
    vorgaenger = history.objects.in_bulk([e.vorgaenger_id for e in eintraege if e.vorgaenger_id])
    return [(art, e, vorgaenger.get(e.vorgaenger_id)) for e in eintraege]


def objekt_verlauf(art: Art, pk: int) -> list[Zeile]:
    """Every record of one object, newest first (few per object; no paging needed)."""
    eintraege = list(
        art.history.objects.filter(id=pk)
        .select_related("history_user", *art.verwandt)
        .order_by("-history_date", "-history_id")
    )
    if not eintraege:
        return []
    paare = [
        (art, eintrag, vorher)
        for eintrag, vorher in zip(eintraege, [*eintraege[1:], None], strict=True)
    ]
    return _zeilen(paare)


def empfehlung_id(art: Art, zeilen: list[Zeile]) -> int | None:
    """The recommendation an object belongs to, for a link back to it."""
    if not art.empfehlung or not zeilen:
        return None
    return getattr(zeilen[0].eintrag, art.empfehlung)


def verwandte_verlaeufe(empfehlung) -> list[dict]:
    """Links to the logs of what belongs to a recommendation, for its Verlauf page."""
    links = []
    for art_schluessel, objekte in (
        ("massnahme", empfehlung.massnahmen.all()),
        ("wirkungsziel", empfehlung.wirkungsziele.all()),
        (
            "runde",
            apps.get_model("steuerungsgruppe.Runde").objects.filter(
                handlungsempfehlung=empfehlung
            ),
        ),
        ("vorlage", empfehlung.vorlagen.all()),
    ):
        art = ARTEN[art_schluessel]
        for objekt in objekte:
            links.append(
                {
                    "art": art.bezeichnung,
                    "name": str(objekt)[:80],
                    "url": reverse(
                        "aenderungsverlauf", kwargs={"art": art.schluessel, "pk": objekt.pk}
                    ),
                }
            )
    return links


class ProtokollSeite:
    """The global log's records of one filter, as a sliceable sequence for the Paginator.

    ``count`` and each slice are one query over the UNION ALL of the history tables; a
    slice then loads its records per type (two queries per type on the page).
    """

    def __init__(self, teilabfragen: dict[str, models.QuerySet]):
        self.teile = [
            qs.order_by()
            .annotate(protokoll_art=Value(schluessel, output_field=CharField()))
            .values_list("protokoll_art", "history_id", "history_date")
            for schluessel, qs in teilabfragen.items()
        ]

    def _union(self):
        erste, *weitere = self.teile
        return erste.union(*weitere, all=True) if weitere else erste

    def count(self) -> int:
        return self._union().count() if self.teile else 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, bereich: slice) -> list[Zeile]:
        if not self.teile:
            return []
        schluessel = self._union().order_by("-history_date", "-history_id")[bereich]
        schluessel = list(schluessel)
        je_art: dict[str, list[int]] = {}
        for art, history_id, _datum in schluessel:
            je_art.setdefault(art, []).append(history_id)
        geladen = {}
        for art, ids in je_art.items():
            for paar in _laden(ARTEN[art], ids):
                geladen[(art, paar[1].history_id)] = paar
        return _zeilen([geladen[(art, hid)] for art, hid, _d in schluessel])
