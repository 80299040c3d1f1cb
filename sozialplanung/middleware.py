"""A friendly German 503 page while the database cannot be reached, e.g. during a restart."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error

logger = logging.getLogger(__name__)

# Seconds after which a client may ask again; a PostgreSQL restart takes a few.
RETRY_AFTER = 30


def datenbank_nicht_erreichbar() -> HttpResponse:
    """The 503 page, rendered without the request.

    A RequestContext would run the context processors, and they ask the database for the
    user's roles; the page must come out while the database is gone.
    """
    antwort = HttpResponse(render_to_string("503.html", {"traeger": settings.TRAEGER}), status=503)
    antwort["Retry-After"] = str(RETRY_AFTER)
    antwort["Cache-Control"] = "no-store"
    return antwort


def serverfehler(request):
    """Error 500 handler: a database error raised outside a view still gets the 503 page.

    The middleware below catches what views and their templates raise; a session saved
    after the view, or another middleware asking the database, ends up here instead.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return datenbank_nicht_erreichbar()
    return server_error(request)


class DatenbankAusfallMiddleware:
    """Turns a lost or refused database connection in a view into the 503 page.

    Django wraps every driver error of this kind (connection refused, connection
    terminated by a restart, a deadlock to retry) as OperationalError or InterfaceError;
    all of them pass, so the visitor is asked to retry rather than shown an error 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning(
            "Datenbank nicht erreichbar (%s %s): %s", request.method, request.path, exception
        )
        return datenbank_nicht_erreichbar()
