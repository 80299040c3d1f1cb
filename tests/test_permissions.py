"""Every URL for every role, with the status code each role must get.

The table below must name every URL of the portal: a new URL without an entry fails
``test_matrix_covers_every_url``, so nobody forgets to decide who may see it.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from empfehlungen.models import Handlungsempfehlung
from sozialplanung.models import BarrierefreiheitRueckmeldung
from steuerungsgruppe.models import Mitglied, Runde, Sitzung
from tests.empfehlungen.factories import (
    HandlungsempfehlungFactory,
    MassnahmeFactory,
    WirkungszielFactory,
)
from tests.handlungsfelder.factories import IndikatorFactory, IndikatorImportFactory
from tests.steuerungsgruppe.factories import MitgliedFactory

User = get_user_model()
ROLLEN = ["anonym", "fokusgruppe", "steuerungsgruppe", "sozialplanung", "admin"]
OEFFENTLICH = dict.fromkeys(ROLLEN, 200)
NUR_SOZIALPLANUNG = {
    "anonym": 302,  # to the login
    "fokusgruppe": 403,
    "steuerungsgruppe": 403,
    "sozialplanung": 200,
    "admin": 200,
}
NUR_STAFF_ADMIN = {
    "anonym": 302,
    "fokusgruppe": 302,
    "steuerungsgruppe": 302,
    "sozialplanung": 200,
    "admin": 200,
}
NUR_MITGLIEDER = {
    "anonym": 302,
    "fokusgruppe": 403,
    "steuerungsgruppe": 200,
    "sozialplanung": 403,
    "admin": 403,
}

VORSCHLAGENDE = NUR_SOZIALPLANUNG | {"fokusgruppe": 200}
ENTWURF_UNSICHTBAR = {"anonym": 404, "fokusgruppe": 404, "steuerungsgruppe": 404}

# url name -> (method, kwargs factory, expected status per role)
MATRIX = {
    "start": ("get", {}, OEFFENTLICH),
    "zyklus": ("get", {"jahr": 2023}, OEFFENTLICH),
    "phase_weiter": (
        "post",
        {"jahr": 2024},
        NUR_SOZIALPLANUNG | {"sozialplanung": 302, "admin": 302},
    ),
    "phase_zurueck": ("get", {"jahr": 2023}, NUR_SOZIALPLANUNG),
    "impressum": ("get", {}, OEFFENTLICH),
    "datenschutz": ("get", {}, OEFFENTLICH),
    "barrierefreiheit": ("get", {}, OEFFENTLICH),
    "barrierefreiheit_rueckmeldungen": ("get", {}, NUR_SOZIALPLANUNG),
    # A POST without erledigt=0/1 is refused as a bad request by those who may act.
    "barrierefreiheit_rueckmeldung_erledigt": (
        "post",
        "rueckmeldung",
        NUR_SOZIALPLANUNG | {"sozialplanung": 400, "admin": 400},
    ),
    "leichte_sprache": ("get", {}, OEFFENTLICH),
    "favicon": ("get", {}, dict.fromkeys(ROLLEN, 302)),
    "login": ("get", {}, OEFFENTLICH),
    "logout": ("post", {}, dict.fromkeys(ROLLEN, 302)),
    "password_change": ("get", {}, dict.fromkeys(ROLLEN, 200) | {"anonym": 302}),
    "password_change_done": ("get", {}, dict.fromkeys(ROLLEN, 200) | {"anonym": 302}),
    "empfehlungen:list": ("get", {}, OEFFENTLICH),
    "empfehlungen:detail": ("get", "veroeffentlicht", OEFFENTLICH),
    "empfehlungen:detail_kurz": ("get", "veroeffentlicht_kurz", dict.fromkeys(ROLLEN, 302)),
    "empfehlungen:export_csv": ("get", {}, OEFFENTLICH),
    "empfehlungen:export_xlsx": ("get", {}, OEFFENTLICH),
    "empfehlungen:create": ("get", {}, VORSCHLAGENDE),
    "empfehlungen:vorschlaege": ("get", {}, VORSCHLAGENDE),
    # A Fokusgruppe sees the published recommendation but may not change it.
    "empfehlungen:update": ("get", "veroeffentlicht_kurz", VORSCHLAGENDE | {"fokusgruppe": 403}),
    # A POST without a workflow step is refused as a bad request by those who may act.
    "empfehlungen:status": (
        "post",
        "veroeffentlicht_kurz",
        VORSCHLAGENDE | {"fokusgruppe": 400, "sozialplanung": 400, "admin": 400},
    ),
    "empfehlungen:verlauf": ("get", "veroeffentlicht_kurz", NUR_SOZIALPLANUNG),
    "handlungsfelder:list": ("get", {}, OEFFENTLICH),
    "handlungsfelder:detail": ("get", {"slug": "bildung"}, OEFFENTLICH),
    "handlungsfelder:indikator_list": ("get", {}, OEFFENTLICH),
    "handlungsfelder:indikator": ("get", "indikator", OEFFENTLICH),
    "handlungsfelder:import": ("get", {}, NUR_SOZIALPLANUNG),
    "handlungsfelder:import_vorschau": ("get", "import", NUR_SOZIALPLANUNG),
    "handlungsfelder:analyse": ("get", {"slug": "bildung", "jahr": 2024}, NUR_SOZIALPLANUNG),
    "steuerungsgruppe:index": ("get", {}, OEFFENTLICH),
    "steuerungsgruppe:protokoll": ("get", "sitzung", OEFFENTLICH),
    "steuerungsgruppe:protokoll_pdf": ("get", "sitzung", OEFFENTLICH),
    "steuerungsgruppe:ergebnisse": ("get", "sitzung", OEFFENTLICH),
    "steuerungsgruppe:portfolio": ("get", {"jahr": 2023}, OEFFENTLICH),
    "steuerungsgruppe:moderation": ("get", "sitzung", NUR_SOZIALPLANUNG),
    "steuerungsgruppe:moderation_stand": ("get", "sitzung", NUR_SOZIALPLANUNG),
    "steuerungsgruppe:runde_oeffnen": (
        "post",
        "runde",
        NUR_SOZIALPLANUNG | {"sozialplanung": 302, "admin": 302},
    ),
    "steuerungsgruppe:runde_schliessen": (
        "post",
        "runde",
        NUR_SOZIALPLANUNG | {"sozialplanung": 302, "admin": 302},
    ),
    "steuerungsgruppe:papierbogen": ("get", "runde", NUR_SOZIALPLANUNG),
    "steuerungsgruppe:fachkraefte": ("get", "runde", NUR_SOZIALPLANUNG),
    "steuerungsgruppe:umlauf": ("get", {}, NUR_SOZIALPLANUNG),
    # Members of the Steuerungsgruppe only: staff and the admin are no members (403).
    "steuerungsgruppe:einschaetzung": ("get", "runde", NUR_MITGLIEDER),
    "steuerungsgruppe:mitwirken": ("get", {}, NUR_MITGLIEDER),
    "steuerungsgruppe:zielvorschlaege_abstimmen": ("get", {"jahr": 2023}, NUR_MITGLIEDER),
    "dossier:index": ("get", {}, OEFFENTLICH),
    "dossier:detail": ("get", {"jahr": 2023}, OEFFENTLICH),
    "dossier:pdf": ("get", {"jahr": 2023}, OEFFENTLICH),
    "dossier:bearbeiten": ("get", {"jahr": 2024}, NUR_SOZIALPLANUNG),
    "admin:index": ("get", {}, NUR_STAFF_ADMIN),
    "umsetzung": ("get", {}, OEFFENTLICH),
    "empfehlungen:oparl_sync": ("get", {}, NUR_SOZIALPLANUNG),
    "empfehlungen:beratungen_import": ("get", {}, NUR_SOZIALPLANUNG),
    # Without an uploaded file the preview sends staff back to the upload.
    "empfehlungen:beratungen_import_vorschau": (
        "get",
        {},
        NUR_SOZIALPLANUNG | {"sozialplanung": 302, "admin": 302},
    ),
    "empfehlungen:massnahme_status": ("get", "massnahme", NUR_SOZIALPLANUNG),
    "empfehlungen:vorlage_entwurf": ("get", "steuerungsrelevant", NUR_SOZIALPLANUNG),
    # Wirkungsorientierung: the overview is public, goals are kept by staff only. A POST
    # without a value or note shows the goal page again with the messages at the fields.
    "wirkung": ("get", {}, OEFFENTLICH),
    "empfehlungen:wirkungsziel_create": ("get", "veroeffentlicht_kurz", NUR_SOZIALPLANUNG),
    "empfehlungen:wirkungsziel_detail": ("get", "wirkungsziel", NUR_SOZIALPLANUNG),
    "empfehlungen:wirkungsziel_update": ("get", "wirkungsziel", NUR_SOZIALPLANUNG),
    "empfehlungen:wirkungsmessung_create": ("post", "wirkungsziel", NUR_SOZIALPLANUNG),
    "empfehlungen:dialognotiz_create": ("post", "wirkungsziel", NUR_SOZIALPLANUNG),
    # The change log (issue 9): staff only, like the recommendation's Verlauf.
    "aenderungsprotokoll": ("get", {}, NUR_SOZIALPLANUNG),
    "aenderungsverlauf": ("get", "aenderungsverlauf", NUR_SOZIALPLANUNG),
}

# Cases beyond one per URL: a draft is invisible (404, not 403) to all but the staff.
ZUSATZ = [
    (
        "empfehlungen:detail",
        "entwurf",
        {
            "anonym": 404,
            "fokusgruppe": 404,
            "steuerungsgruppe": 404,
            "sozialplanung": 200,
            "admin": 200,
        },
    ),
    # Object level: a Fokusgruppe edits its own group's drafts and nobody else's.
    ("empfehlungen:update", "entwurf_eigen_kurz", VORSCHLAGENDE),
    (
        "empfehlungen:detail",
        "entwurf_eigen",
        VORSCHLAGENDE | {"steuerungsgruppe": 404, "anonym": 404},
    ),
    ("empfehlungen:update", "entwurf_kurz", VORSCHLAGENDE | {"fokusgruppe": 404}),
    ("empfehlungen:verlauf", "entwurf_kurz", NUR_SOZIALPLANUNG),
    # Before its phase a dossier is a draft for staff; others learn nothing of it.
    ("dossier:detail", {"jahr": 2024}, NUR_SOZIALPLANUNG | ENTWURF_UNSICHTBAR),
    ("dossier:pdf", {"jahr": 2024}, NUR_SOZIALPLANUNG | ENTWURF_UNSICHTBAR),
    # A submitted, unpublished proposal of another group: only staff see or act on it.
    ("empfehlungen:detail", "eingereicht", NUR_SOZIALPLANUNG | ENTWURF_UNSICHTBAR),
    ("empfehlungen:update", "eingereicht_kurz", VORSCHLAGENDE | {"fokusgruppe": 404}),
    (
        "empfehlungen:status",
        "post",
        "eingereicht_kurz",
        VORSCHLAGENDE | {"fokusgruppe": 404, "sozialplanung": 400, "admin": 400},
    ),
    # Only a steuerungsrelevant recommendation has a Kreistag draft; staff get 404 too.
    (
        "empfehlungen:vorlage_entwurf",
        "eingereicht_kurz",
        NUR_SOZIALPLANUNG | {"sozialplanung": 404, "admin": 404},
    ),
    ("empfehlungen:wirkungsziel_create", "eingereicht_kurz", NUR_SOZIALPLANUNG),
    # Scoring: a closed round refuses a member's entry; a former member may not score.
    (
        "steuerungsgruppe:einschaetzung",
        "post",
        "runde_geschlossen",
        NUR_MITGLIEDER | {"steuerungsgruppe": 409},
    ),
    (
        "steuerungsgruppe:einschaetzung",
        "runde_ehemals",
        NUR_MITGLIEDER | {"steuerungsgruppe": 403},
    ),
    ("steuerungsgruppe:mitwirken", "ehemals", NUR_MITGLIEDER | {"steuerungsgruppe": 403}),
]


def _all_url_names(resolver=None, namespace=None) -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's own admin: covered by admin:index and its own tests.
            inner = pattern.namespace or namespace
            names |= _all_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_matrix_covers_every_url():
    assert _all_url_names() | {"admin:index"} == set(MATRIX)


@pytest.fixture
def users(fokusgruppe_user, steuerungsgruppe_user, sozialplanung_user, admin_user):
    MitgliedFactory(user=steuerungsgruppe_user)
    return {
        "anonym": None,
        "fokusgruppe": fokusgruppe_user,
        "steuerungsgruppe": steuerungsgruppe_user,
        "sozialplanung": sozialplanung_user,
        "admin": admin_user,
    }


def _kwargs(spec):
    if isinstance(spec, dict):
        return spec
    if spec == "sitzung":
        return {"pk": Sitzung.objects.get(datum="2023-05-12").pk}
    if spec.endswith("ehemals"):
        # The member's term ended yesterday: the role alone does not let them score.
        gestern = timezone.localdate() - datetime.timedelta(days=1)
        Mitglied.objects.filter(user__username="mitglied").update(
            mitglied_von=gestern - datetime.timedelta(days=365), mitglied_bis=gestern
        )
        if spec == "ehemals":
            return {}
    if spec.startswith("runde"):
        # The demo's prepared round, opened so that members may score it.
        runde = Runde.objects.get(handlungsempfehlung__titel__startswith="Ausweitung")
        status = Runde.Status.GESCHLOSSEN if spec == "runde_geschlossen" else Runde.Status.OFFEN
        Runde.objects.filter(pk=runde.pk).update(status=status)
        return {"pk": runde.pk}
    if spec == "indikator":
        return {"pk": IndikatorFactory().pk}
    if spec == "import":
        return {"pk": IndikatorImportFactory().pk}
    if spec == "wirkungsziel":
        return {"pk": WirkungszielFactory().pk}
    if spec == "rueckmeldung":
        return {"pk": BarrierefreiheitRueckmeldung.objects.create(nachricht="Kontrast").pk}
    if spec == "massnahme":
        return {"pk": MassnahmeFactory().pk}
    if spec == "aenderungsverlauf":
        return {"art": "massnahme", "pk": MassnahmeFactory().pk}
    if spec == "steuerungsrelevant":
        return {"pk": Handlungsempfehlung.objects.filter(steuerungsrelevanz="hoch").first().pk}
    if spec.startswith("veroeffentlicht"):
        empfehlung = Handlungsempfehlung.objects.veroeffentlicht().first()
    elif spec.startswith("eingereicht"):
        # Submitted by another Fokusgruppe and not yet published.
        empfehlung = HandlungsempfehlungFactory(
            status=Handlungsempfehlung.Status.EINGEREICHT,
            planungsjahr=Handlungsempfehlung.objects.first().planungsjahr,
        )
    else:
        empfehlung = HandlungsempfehlungFactory(
            status=Handlungsempfehlung.Status.ENTWURF,
            planungsjahr=Handlungsempfehlung.objects.first().planungsjahr,
        )
        if spec.startswith("entwurf_eigen"):
            empfehlung.herkunft.mitglieder.add(User.objects.get(username="fokus"))
    if spec.endswith("_kurz"):
        return {"pk": empfehlung.pk}
    return {"pk": empfehlung.pk, "slug": empfehlung.slug}


CASES = [(name, *entry) for name, entry in MATRIX.items()] + [
    (name, "get", *rest) if len(rest) == 2 else (name, *rest) for name, *rest in ZUSATZ
]


@pytest.mark.parametrize(
    ("url_name", "method", "spec", "expected"),
    CASES,
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_permission_matrix(demo_data, users, url_name, method, spec, expected):
    # All five roles in one test: the demo data load once per URL, not once per role.
    url = reverse(url_name, kwargs=_kwargs(spec))
    data = {"erwartete_phase": 1} if method == "post" else None
    erhalten = {}
    for rolle in ROLLEN:
        client = Client()
        if users[rolle] is not None:
            client.force_login(users[rolle])
        erhalten[rolle] = getattr(client, method)(url, data).status_code
    assert erhalten == expected, f"{method.upper()} {url}"
