"""Values every page needs: the publisher, the user's roles and the page in each language."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

from sozialplanung.roles import FOKUSGRUPPE, has_role, is_sozialplanung


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "traeger": settings.TRAEGER,
        "ist_sozialplanung": bool(user and is_sozialplanung(user)),
        "darf_vorschlagen": bool(user and (is_sozialplanung(user) or has_role(user, FOKUSGRUPPE))),
    }


def _in_sprache(request, sprache: str) -> str:
    """The current page in ``sprache``, with its query string; the start page if unknown."""
    ziel = translate_url(request.get_full_path(), sprache)
    aktuell = get_language()
    if ziel == request.get_full_path() and sprache != aktuell:
        # Not a URL of the portal (a 404): offer the start page in the other language.
        with override(sprache):
            return reverse("start")
    return ziel


def sprachen(request) -> dict:
    """The same page in every language, for the switch and the hreflang links."""
    if not hasattr(request, "get_full_path"):
        return {}
    try:
        request.get_host()
    except DisallowedHost:
        # The 400 page for a forged Host header must not fail on that header again.
        return {}
    aktuell = get_language()
    seiten = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": (url := _in_sprache(request, code)),
            "absolut": request.build_absolute_uri(url),
            "aktuell": code == aktuell,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"sprachen": seiten, "andere_sprachen": [s for s in seiten if not s["aktuell"]]}
