"""Shared fixtures: one user per role, and the county's demo data."""

import io
import os

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sozialplanung import roles
from tests.sozialplanung.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _user_with_role(role: str, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def sozialplanung_user(db):
    return _user_with_role(roles.SOZIALPLANUNG, username="planerin", is_staff=True)


@pytest.fixture
def steuerungsgruppe_user(db):
    return _user_with_role(roles.STEUERUNGSGRUPPE, username="mitglied")


@pytest.fixture
def fokusgruppe_user(db):
    return _user_with_role(roles.FOKUSGRUPPE, username="fokus")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="chefin", is_staff=True, is_superuser=True)


@pytest.fixture
def demo_data(db):
    call_command("load_demo_data", "--ohne-statistik", stdout=io.StringIO())


@pytest.fixture
def abfragen(client):
    """Count the SQL queries of a GET through ``client`` that must answer 200.

    Query-count tests compare the count with 3 and with 30 rows; ``hoechstens`` also
    caps it, so that a page cannot pass by being equally wasteful at both sizes.
    """

    def zaehlen(url: str, hoechstens: int = 50) -> int:
        with CaptureQueriesContext(connection) as ctx:
            antwort = client.get(url)
        assert antwort.status_code == 200, url
        anzahl = len(ctx.captured_queries)
        assert anzahl <= hoechstens, f"{url}: {anzahl} SQL-Abfragen, erlaubt {hoechstens}"
        return anzahl

    return zaehlen


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The default PBKDF2 costs a quarter second per user; tests create many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _german_after_each_test():
    # A request to an /en/ page leaves English active in the test's thread (Django resets
    # nothing after a request); the next test would reverse URLs and read messages in it.
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    # The page cache lives in process memory; every test starts without it.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def _diagramm_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("diagramme")


@pytest.fixture(autouse=True)
def _dossier_cache_in_tmp(settings, tmp_path, _diagramm_cache):
    # Each test builds its own PDFs; chart SVGs of equal data may be shared, as in
    # production, so that kaleido's browser starts only where a test needs it.
    settings.DOSSIER_CACHE_DIR = tmp_path / "dossier"
    settings.DIAGRAMM_CACHE_DIR = _diagramm_cache


@pytest.fixture
def demo_statistik(db):
    """The demo data with the real GENESIS files imported, as `make run` has them."""
    call_command("load_demo_data", stdout=io.StringIO())
