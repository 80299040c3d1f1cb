"""A page cache for anonymous visitors that a change to the data empties at once.

Django's cache_page serves a page until its timeout ends, so a newly published
recommendation would stay invisible for that long. Here the key carries a "Datenstand"
that the view's data yields with one cheap query; a change gives a new key.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

# Bounds what the Datenstand cannot see, such as a renamed Handlungsfeld.
LAUFZEIT = 600


def fuer_gaeste_zwischenspeichern(stand):
    """Serve GET pages to visitors without a session from the cache, keyed by ``stand``.

    ``stand`` is called with the URL's keyword arguments.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            # A session or a message cookie may change the page (login, notices): skip.
            if (
                request.method != "GET"
                or request.user.is_authenticated
                or settings.SESSION_COOKIE_NAME in request.COOKIES
                or "messages" in request.COOKIES
            ):
                return view(request, *args, **kwargs)
            roh = f"{request.LANGUAGE_CODE}|{request.get_full_path()}|{stand(**kwargs)}"
            schluessel = "seite:" + hashlib.sha256(roh.encode()).hexdigest()
            inhalt = cache.get(schluessel)
            if inhalt is not None:
                return HttpResponse(inhalt)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code == 200 and not response.cookies:
                cache.set(schluessel, response.content, LAUFZEIT)
            return response

        return wrapper

    return decorator
