"""Values every page needs: the publisher and whether the user is Sozialplanung staff."""

from django.conf import settings

from sozialplanung.roles import is_sozialplanung


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "traeger": settings.TRAEGER,
        "ist_sozialplanung": bool(user and is_sozialplanung(user)),
    }
