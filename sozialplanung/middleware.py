"""A friendly German 503 page while the database cannot be reached, e.g. during a restart."""

import logging
import sqlite3
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


# SQLSTATE of a lost connection: class 08, and the server shutting down or starting up.
VERBINDUNG_SQLSTATES = ("08", "57P01", "57P02", "57P03")
SQLITE_NICHT_ERREICHBAR = ("unable to open database", "database is locked")


def verbindung_verloren(fehler: BaseException) -> bool:
    """Whether a database error means "cannot reach the database", as during a restart.

    Other errors of the same class, such as SQLite's "no such table" after a forgotten
    migrate, are real faults: they must reach the error 500 page and its log.
    """
    if isinstance(fehler, InterfaceError):
        return True
    if not isinstance(fehler, OperationalError):
        return False
    ursache = fehler.__cause__
    if isinstance(ursache, sqlite3.Error):
        return any(text in str(ursache) for text in SQLITE_NICHT_ERREICHBAR)
    sqlstate = getattr(ursache, "sqlstate", None)
    # psycopg gives no SQLSTATE when it could not reach the server at all.
    return sqlstate is None or sqlstate.startswith(VERBINDUNG_SQLSTATES)


def serverfehler(request):
    """Error 500 handler: a database error raised outside a view still gets the 503 page.

    The middleware below catches what views and their templates raise; a session saved
    after the view, or another middleware asking the database, ends up here instead.
    """
    if verbindung_verloren(sys.exc_info()[1]):
        return datenbank_nicht_erreichbar()
    return server_error(request)


class DatenbankAusfallMiddleware:
    """Turns a lost or refused database connection in a view into the 503 page.

    Only a lost or refused connection (see ``verbindung_verloren``) gets the 503, so the
    visitor is asked to retry; any other database error stays an error 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not verbindung_verloren(exception):
            return None
        logger.warning(
            "Datenbank nicht erreichbar (%s %s): %s", request.method, request.path, exception
        )
        return datenbank_nicht_erreichbar()
