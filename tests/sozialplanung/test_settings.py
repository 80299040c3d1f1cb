"""Settings come from the environment; production settings pass Django's deploy check."""

import os
import subprocess
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.template import Context, Template
from django.utils import timezone

BASE_DIR = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    if args[0] == "shell":
        args = (*args, "--no-imports")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k" * 20 + "-eine-lange-zufaellige-zeichenkette-0123456789",
        DJANGO_ALLOWED_HOSTS="sozialplanung.kreis-pinneberg.de",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_asked_for():
    code = "from django.conf import settings; print(settings.DEBUG)"
    assert _manage("shell", "-c", code).stdout.strip() == "False"
    assert _manage("shell", "-c", code, DJANGO_DEBUG="1").stdout.strip() == "True"


def test_database_url_switches_the_engine():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    assert _manage("shell", "-c", code).stdout.strip() == "django.db.backends.sqlite3"
    postgres = _manage(
        "shell", "-c", code, DATABASE_URL="postgres://postgres@127.0.0.1:5432/irgendwas"
    )
    assert postgres.stdout.strip() == "django.db.backends.postgresql"


def test_dates_and_money_are_written_the_german_way(settings):
    template = Template("{{ datum|date:'SHORT_DATE_FORMAT' }} {{ datum|date }} {{ betrag|euro }}")
    datum = timezone.make_aware(datetime(2023, 5, 12, 18, 0))
    text = template.render(Context({"datum": datum, "betrag": Decimal("1234.56")}))
    assert text == "12.05.2023 12.05.2023 1.234,56\u00a0€"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.LANGUAGE_CODE == "de"


def test_a_public_host_without_a_secret_key_is_refused():
    result = _manage("check", DJANGO_ALLOWED_HOSTS="sozialplanung.kreis-pinneberg.de")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY fehlt" in result.stderr
