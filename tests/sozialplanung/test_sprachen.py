"""English public pages: German stays the default, /en/ is English, nothing is left out."""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from empfehlungen.models import Handlungsempfehlung
from tests.test_permissions import MATRIX, _kwargs

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

# Every URL an anonymous visitor reaches; a new public page is covered by its matrix entry.
# The PDFs are left out: the county's official documents stay German (test below).
OEFFENTLICHE_SEITEN = sorted(
    name
    for name, (method, _spec, erwartet) in MATRIX.items()
    if method == "get" and erwartet["anonym"] == 200 and not name.endswith("pdf")
)


def _lang(antwort) -> str:
    return re.search(r'<html lang="([^"]+)"', antwort.content.decode()).group(1)


def _englisch(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def fehlende_uebersetzungen(monkeypatch):
    """Records every msgid that the English catalogue lacks while a test renders pages.

    Django's own strings and those of the libraries we use are English already; they are
    the msgids of the German catalogues these packages ship (our own project has none).
    """
    englische_quelltexte = {
        schluessel if isinstance(schluessel, str) else schluessel[0]
        # TranslationCatalog has keys() but no __iter__.
        for schluessel in trans_real.translation("de")._catalog.keys()  # noqa: SIM118
    }
    fehlend: set[str] = set()
    gettext_orig = trans_real.DjangoTranslation.gettext
    ngettext_orig = trans_real.DjangoTranslation.ngettext

    def _pruefen(katalog, msgid, schluessel):
        if (
            katalog.language() == "en"
            and msgid not in englische_quelltexte
            and schluessel not in katalog._catalog
        ):
            fehlend.add(msgid.replace("\x04", " | "))

    def gettext_pruefend(self, message):
        _pruefen(self, message, message)
        return gettext_orig(self, message)

    def ngettext_pruefend(self, msgid1, msgid2, n):
        _pruefen(self, msgid1, (msgid1, 0))
        return ngettext_orig(self, msgid1, msgid2, n)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", gettext_pruefend)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", ngettext_pruefend)
    return fehlend


def test_public_pages_have_no_untranslated_strings(demo_data, fehlende_uebersetzungen):
    client = Client()
    for name in OEFFENTLICHE_SEITEN:
        spec = MATRIX[name][1]
        url = _englisch(name, **_kwargs(spec))
        antwort = client.get(url)
        assert antwort.status_code == 200, url
        if antwort["Content-Type"].startswith("text/html"):
            assert _lang(antwort) == "en", url

    # The states a visitor meets beyond the plain pages: filters, a failed login, errors.
    assert client.get("/en/empfehlungen/?q=Kita&jahr=2023&sortierung=-jahr").status_code == 200
    assert client.get("/en/empfehlungen/?jahr=abc&status=unbekannt").status_code == 200
    assert client.get("/en/empfehlungen/?q=gibtesnichtxyz").status_code == 200
    assert client.get("/en/umsetzung/?jahr=abc").status_code == 200
    falsch = client.post(_englisch("login"), {"username": "x", "password": "y"})
    assert falsch.status_code == 200
    assert client.get("/en/gibt-es-nicht/").status_code == 404
    with translation.override("en"):
        render_to_string("403.html")
        render_to_string("500.html")

    fehlend = "\n".join(sorted(fehlende_uebersetzungen))
    assert not fehlend, f"Ohne englische Übersetzung in locale/en (make messages):\n{fehlend}"


def test_english_catalogue_is_complete_and_mo_matches_po():
    katalog = polib.pofile(str(PO))
    assert [e.msgid for e in katalog.fuzzy_entries()] == []
    # Staff pages are translated too; a new msgid without English fails here.
    assert [e.msgid for e in katalog.untranslated_entries()] == []
    # `make messages` compiles the .mo; a .po edited without it would not show.
    with MO.open("rb") as datei:
        kompiliert = gettext.GNUTranslations(datei)._catalog
    erwartet = {}
    for eintrag in katalog.translated_entries():
        msgid = f"{eintrag.msgctxt}\x04{eintrag.msgid}" if eintrag.msgctxt else eintrag.msgid
        if eintrag.msgid_plural:
            for index, text in eintrag.msgstr_plural.items():
                erwartet[(msgid, int(index))] = text
        else:
            erwartet[msgid] = eintrag.msgstr
    kompiliert.pop("", None)  # the header
    assert kompiliert == erwartet


def test_german_stays_the_default_also_for_english_browsers(demo_data):
    antwort = Client().get("/empfehlungen/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert antwort.status_code == 200
    assert _lang(antwort) == "de"
    assert "Handlungsempfehlungen" in antwort.content.decode()
    assert reverse("empfehlungen:list") == "/empfehlungen/"


def test_english_pages_are_english(demo_data):
    antwort = Client().get("/en/empfehlungen/")
    html = antwort.content.decode()
    assert _lang(antwort) == "en"
    assert "<title>Recommendations" in html
    assert "published in German only" in html
    start = Client().get("/en/").content.decode()
    assert "Skip to content" in start
    with translation.override("en"):
        fehler = render_to_string("500.html")
    assert '<html lang="en">' in fehler and "<h1>Technical error</h1>" in fehler


def test_language_switch_keeps_the_page_and_its_query_string(demo_data):
    html = Client().get("/empfehlungen/?jahr=2023&sortierung=-jahr").content.decode()
    assert (
        '<a class="sprachwechsel" href="/en/empfehlungen/?jahr=2023&amp;sortierung=-jahr" '
        'lang="en" hreflang="en">English</a>'
    ) in html
    assert (
        '<link rel="alternate" hreflang="de" '
        'href="http://testserver/empfehlungen/?jahr=2023&amp;sortierung=-jahr">'
    ) in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/empfehlungen/' in html

    empfehlung = Handlungsempfehlung.objects.veroeffentlicht().first()
    with translation.override("de"):
        deutsch = empfehlung.get_absolute_url()
    englisch = Client().get("/en" + deutsch).content.decode()
    assert f'href="{deutsch}" lang="de" hreflang="de">Deutsch</a>' in englisch


def test_language_switch_on_an_unknown_page_leads_to_the_start_page(db):
    html = Client().get("/gibt-es-nicht/").content.decode()
    assert 'href="/en/" lang="en" hreflang="en">English</a>' in html


def test_guest_cache_serves_each_language_its_own_page(demo_data):
    empfehlung = Handlungsempfehlung.objects.veroeffentlicht().first()
    with translation.override("de"):
        detail = empfehlung.get_absolute_url()
    for url in ("/empfehlungen/", detail, "/wirkung/"):
        # German first fills the cache; English must not get it, and the reverse.
        assert _lang(Client().get(url)) == "de"
        assert _lang(Client().get("/en" + url)) == "en"
        assert _lang(Client().get(url)) == "de"
        assert _lang(Client().get("/en" + url)) == "en"


def test_protocol_pdf_stays_german_on_the_english_pages(demo_data):
    from io import BytesIO

    from pypdf import PdfReader

    url = _englisch("steuerungsgruppe:protokoll_pdf", **_kwargs("sitzung"))
    antwort = Client().get(url)
    assert antwort.status_code == 200
    text = "".join(seite.extract_text() for seite in PdfReader(BytesIO(antwort.content)).pages)
    text = " ".join(text.split())
    assert "Steuerungsgruppe" in text
    assert "Protokoll" in text
    # The result sentences are built before the template; they must be German too.
    assert "wird als in hohem Maße steuerungsrelevant eingeschätzt" in text
    assert "is rated" not in text and "relevant for steering" not in text


def test_dossier_pdf_from_an_english_page_is_the_same_german_file(demo_data, settings):
    """One official document: /en/ neither builds nor caches a second PDF."""
    englisch = Client().get(_englisch("dossier:pdf", jahr=2023))
    deutsch = Client().get(reverse("dossier:pdf", kwargs={"jahr": 2023}))
    assert englisch.status_code == deutsch.status_code == 200
    assert b"".join(englisch.streaming_content) == b"".join(deutsch.streaming_content)
    assert len(list(Path(settings.DOSSIER_CACHE_DIR).rglob("*.pdf"))) == 1
