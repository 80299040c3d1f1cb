"""Security headers, cookies, login throttling and password rules."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.sozialplanung.factories import PASSWORT, UserFactory
from tests.sozialplanung.test_settings import _manage

PRODUKTION = {
    "DJANGO_SECRET_KEY": "k" * 20 + "-eine-lange-zufaellige-zeichenkette-0123456789",
    "DJANGO_ALLOWED_HOSTS": "sozialplanung.kreis-pinneberg.de",
}


def test_every_page_sends_the_security_headers(client):
    antwort = client.get(reverse("impressum"))
    policy = dict(
        teil.strip().split(" ", 1) for teil in antwort["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["base-uri"] == "'self'"
    assert "unsafe" not in policy["script-src"] + policy["default-src"]
    assert antwort["X-Frame-Options"] == "DENY"
    assert antwort["X-Content-Type-Options"] == "nosniff"
    assert antwort["Referrer-Policy"] == "same-origin"
    assert "camera=()" in antwort["Permissions-Policy"]
    assert "geolocation=()" in antwort["Permissions-Policy"]
    assert "microphone=()" in antwort["Permissions-Policy"]


# Production serves static files from a manifest that only `collectstatic` writes; the
# headers and cookies do not depend on it, so the probe renders with plain storage.
PROBE = """
import json
from django.conf import settings
from django.test import Client, override_settings
storages = settings.STORAGES | {"staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    client = Client(HTTP_HOST="sozialplanung.kreis-pinneberg.de")
    unsicher = client.get("/accounts/login/")
    sicher = client.get("/accounts/login/", secure=True)
csrf = sicher.cookies[settings.CSRF_COOKIE_NAME]
print(json.dumps({
    "http": [unsicher.status_code, unsicher.get("Location")],
    "hsts": sicher.get("Strict-Transport-Security"),
    "csrf_secure": bool(csrf["secure"]), "csrf_httponly": bool(csrf["httponly"]),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
}))
"""


def test_production_redirects_to_https_sends_hsts_and_marks_cookies_secure():
    ergebnis = _manage("shell", "-c", PROBE, **PRODUKTION)
    assert ergebnis.returncode == 0, ergebnis.stderr
    werte = json.loads(ergebnis.stdout.strip().splitlines()[-1])
    assert werte["http"] == [301, "https://sozialplanung.kreis-pinneberg.de/accounts/login/"]
    assert werte["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert werte["csrf_secure"] and werte["csrf_httponly"]
    assert werte["session_secure"] and werte["session_httponly"]


def _anmelden(client, username, passwort, adresse="10.0.0.1"):
    return client.post(
        reverse("login"),
        {"username": username, "password": passwort},
        REMOTE_ADDR=adresse,
    )


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_login_with_a_german_page():
    UserFactory(username="vertipper")
    client = Client()
    for _ in range(4):
        antwort = _anmelden(client, "vertipper", "falsch")
        assert antwort.status_code == 200
        assert "Bitte Benutzername und Passwort eingeben" in antwort.content.decode()

    antwort = _anmelden(client, "vertipper", "falsch")
    assert antwort.status_code == 429
    text = antwort.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in text
    assert "für 15 Minuten gesperrt" in text
    assert "sozialplanung@kreis-pinneberg.de" in text

    # Locked means locked: even the right password does not get through now.
    antwort = _anmelden(client, "vertipper", PASSWORT)
    assert antwort.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lock_holds_one_name_from_one_address_only():
    UserFactory(username="vertipper")
    UserFactory(username="kollegin")
    for _ in range(5):
        _anmelden(Client(), "vertipper", "falsch")

    # The colleague behind the same town-hall address logs in as usual …
    assert _anmelden(Client(), "kollegin", PASSWORT).status_code == 302
    # … and so does the locked person from another address.
    assert _anmelden(Client(), "vertipper", PASSWORT, adresse="10.0.0.2").status_code == 302
    assert _anmelden(Client(), "vertipper", PASSWORT).status_code == 429


@pytest.mark.django_db
def test_behind_a_proxy_the_lock_uses_the_address_the_proxy_names(settings):
    """Every request comes from the proxy; the lock must still fall on one browser only."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    UserFactory(username="vertipper")
    proxy = "10.0.0.1"
    for _ in range(5):
        _anmelden(Client(HTTP_X_REAL_IP="203.0.113.7"), "vertipper", "falsch", adresse=proxy)

    gesperrt = _anmelden(Client(HTTP_X_REAL_IP="203.0.113.7"), "vertipper", PASSWORT, proxy)
    assert gesperrt.status_code == 429
    # The same person from another browser behind the same proxy is not locked out.
    anderer = _anmelden(Client(HTTP_X_REAL_IP="198.51.100.9"), "vertipper", PASSWORT, proxy)
    assert anderer.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_forgets_earlier_failures():
    UserFactory(username="vertipper")
    for _ in range(4):
        _anmelden(Client(), "vertipper", "falsch")
    assert _anmelden(Client(), "vertipper", PASSWORT).status_code == 302
    for _ in range(4):
        assert _anmelden(Client(), "vertipper", "falsch").status_code == 200
    assert _anmelden(Client(), "vertipper", PASSWORT).status_code == 302


@pytest.mark.django_db
def test_password_change_refuses_a_weak_password_in_german(client):
    user = UserFactory(username="planerin2")
    client.force_login(user)
    antwort = client.post(
        reverse("password_change"),
        {"old_password": PASSWORT, "new_password1": "1234567", "new_password2": "1234567"},
    )
    assert antwort.status_code == 200
    text = antwort.content.decode()
    assert "Dieses Passwort ist zu kurz" in text
    assert "Dieses Passwort ist zu üblich" in text
    assert "Dieses Passwort ist komplett numerisch" in text
    user.refresh_from_db()
    assert user.check_password(PASSWORT)


@pytest.mark.django_db
def test_a_post_beyond_the_size_limit_gets_a_german_page(client):
    antwort = client.post(reverse("login"), {"username": "x" * 3_000_000, "password": "y"})
    assert antwort.status_code == 400
    assert "Die gesendeten Daten waren zu umfangreich" in antwort.content.decode()


@pytest.mark.django_db
def test_an_upload_beyond_the_limit_is_refused_with_the_size(
    client, sozialplanung_user, monkeypatch
):
    # The real limit is 50 MB; the form's check is the same with a smaller one.
    monkeypatch.setattr("handlungsfelder.forms.MAX_BYTES", 1000)
    client.force_login(sozialplanung_user)
    datei = SimpleUploadedFile("gross.csv", b"a;b\n" * 1000, content_type="text/csv")
    antwort = client.post(reverse("handlungsfelder:import"), {"datei": datei})
    assert antwort.status_code == 200
    assert "is-invalid" in antwort.content.decode()
    assert "erlaubt sind höchstens 50 MB" in antwort.content.decode()


@pytest.mark.django_db
def test_an_absurdly_long_user_name_is_refused_and_still_counted():
    # PostgreSQL refused to record a name over 255 characters: a 500 instead of a refusal.
    for _ in range(4):
        assert _anmelden(Client(), "x" * 100_000, "falsch").status_code == 200
    assert _anmelden(Client(), "x" * 100_000, "falsch").status_code == 429


def test_a_forged_host_header_gets_the_german_400_page_not_an_error(client):
    antwort = client.get("/impressum/", HTTP_HOST="evil.example")
    assert antwort.status_code == 400
    assert "Anfrage nicht verarbeitet" in antwort.content.decode()
