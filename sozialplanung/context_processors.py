"""Values every page needs: the publisher and whether the user is Sozialplanung staff."""

from django.conf import settings

from sozialplanung.roles import FOKUSGRUPPE, has_role, is_sozialplanung


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "traeger": settings.TRAEGER,
        "ist_sozialplanung": bool(user and is_sozialplanung(user)),
        "darf_vorschlagen": bool(user and (is_sozialplanung(user) or has_role(user, FOKUSGRUPPE))),
    }
