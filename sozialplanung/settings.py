"""Settings for the Sozialplanung portal, all read from the environment.

Development: ``DJANGO_DEBUG=1`` (``make run`` sets it), SQLite in ``db.sqlite3``.
Production: set ``DJANGO_SECRET_KEY``, ``DJANGO_ALLOWED_HOSTS`` and ``DATABASE_URL``;
with DEBUG off the secure defaults below apply and ``manage.py check --deploy`` is clean.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# A real deployment names its own key; without one we are on a developer's machine
# or in the test suite, where an obvious dummy key is fine and HTTPS is not available.
PRODUCTION = "DJANGO_SECRET_KEY" in os.environ and not DEBUG
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-nur-fuer-entwicklung-und-tests-nicht-produktiv-nutzen"
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
LOKALE_HOSTS = {"127.0.0.1", "localhost", "[::1]", "testserver"}
if not DEBUG and "DJANGO_SECRET_KEY" not in os.environ and set(ALLOWED_HOSTS) - LOKALE_HOSTS:
    # Serving a real host name with the public development key would be a leak.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY fehlt: Für öffentliche Hostnamen braucht das Portal einen eigenen "
        "geheimen Schlüssel."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "sozialplanung",
    "handlungsfelder",
    "empfehlungen",
    "steuerungsgruppe",
    "dossier",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After authentication, as its documentation asks: it turns a locked login into the
    # lockout page. Only the database-outage middleware below comes later.
    "axes.middleware.AxesMiddleware",
    # Last, so that its process_exception sees a view's database error first.
    "sozialplanung.middleware.DatenbankAusfallMiddleware",
]

ROOT_URLCONF = "sozialplanung.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sozialplanung.context_processors.portal",
                "sozialplanung.context_processors.sprachen",
            ],
            "builtins": ["sozialplanung.templatetags.format_de"],
        },
    },
]

WSGI_APPLICATION = "sozialplanung.wsgi.application"
ASGI_APPLICATION = "sozialplanung.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The reason of a change (e.g. the comment when a proposal is returned, up to 2000
# characters) is kept whole in the change log; the default column holds only 100.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# Backups (make backup) keep times to the microsecond, see sozialplanung/serialisierung.py.
SERIALIZATION_MODULES = {"sicherung": "sozialplanung.serialisierung"}

# django-axes first: it refuses a locked login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"

# German is the default at the unprefixed URLs; English pages live under /en/ (see urls.py).
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# German dates as 12.05.2023, see sozialplanung/formats/de/formats.py; English pages keep
# them (sozialplanung/formats/en), as the figures quote the county's German documents.
FORMAT_MODULE_PATH = ["sozialplanung.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, whitenoise serves straight from the app and project folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "media/"

# The Planungsdossier: Debian's Chromium draws its charts through kaleido; finished PDFs
# and chart SVGs are cached on disk by a hash of their content, shared by all workers.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DOSSIER_CACHE_DIR = Path(os.environ.get("DOSSIER_CACHE_DIR", BASE_DIR / "cache" / "dossier"))
DIAGRAMM_CACHE_DIR = Path(os.environ.get("DIAGRAMM_CACHE_DIR", BASE_DIR / "cache" / "diagramme"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# No script of ours reads the CSRF cookie: forms carry the token in a hidden field.
CSRF_COOKIE_HTTPONLY = True
# Pages may use no camera, microphone, place or payment; nothing of ours needs them.
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# Everything a page loads comes from the portal itself (DSGVO: no third party). Scripts
# only from files: no inline script, no on*-handler, no eval. Styles allow 'unsafe-inline'
# because plotly.js sets style attributes and injects its own <style> rules when it draws;
# the issue allows that for styles, not for scripts. The policy is on in development and
# in the tests too, so that the browser tests see every violation.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Login throttling (django-axes): five failed logins lock that user name from that
# address for 15 minutes. Keyed on the pair, so one colleague's typos behind the town
# hall's shared address lock out nobody else, and one address cannot keep guessing one
# account. Correct passwords never count; a successful login forgets earlier failures.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "sozialplanung.anmeldung.axes_benutzername"
AXES_LOCKOUT_TEMPLATE = "registration/gesperrt.html"
AXES_HTTP_RESPONSE_CODE = 429
# The client address is REMOTE_ADDR unless the deployment names the header its own
# reverse proxy sets (e.g. HTTP_X_REAL_IP): a header a client may send itself would let
# an attacker pick a new address for every guess.
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "sozialplanung.anmeldung.client_adresse"
# Only failed logins are kept, and only until their lock expires (DSGVO: no log of
# every successful login with address and browser).
AXES_DISABLE_ACCESS_LOG = True

# Request limits: form posts stay far below 2.5 MB; uploads (GENESIS tables, Beratungen
# CSV) are checked by their forms against their own limits, with a German message.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# The publisher of the portal, shown in the header, the Impressum and the dossier.
# Another Kreis sets these through the environment.
TRAEGER = {
    "name": os.environ.get("PORTAL_TRAEGER", "Kreis Pinneberg"),
    "behoerde": os.environ.get(
        "PORTAL_BEHOERDE", "Fachbereich Soziales, Jugend, Schule und Gesundheit – Sozialplanung"
    ),
    "strasse": os.environ.get("PORTAL_STRASSE", "Kurt-Wagener-Straße 11"),
    "ort": os.environ.get("PORTAL_ORT", "25337 Elmshorn"),
    "telefon": os.environ.get("PORTAL_TELEFON", "04121 4502-0"),
    "email": os.environ.get("PORTAL_EMAIL", "sozialplanung@kreis-pinneberg.de"),
    "vertreten_durch": os.environ.get("PORTAL_VERTRETEN_DURCH", "die Landrätin"),
    # The own Kreis's official key; its Land is the first two digits.
    "kreis_schluessel": os.environ.get("PORTAL_KREIS_SCHLUESSEL", "01056"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports every layout step, fontTools every font it unpacks.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # kaleido and its browser driver narrate every tab they open.
        "kaleido": {"level": "WARNING"},
        "choreographer": {"level": "WARNING"},
        "logistro": {"level": "WARNING"},
    },
}
