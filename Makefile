# Sozialplanung: `make run` serves the portal with demo data, `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/sozialplanung
# One pytest worker per core (pytest-xdist); each worker has its own test database.
PYTEST_WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres lint format chromium postgres bench backup restore loadtest clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo_data
	@echo ""
	@echo "Portal: http://127.0.0.1:8000/  (Beenden mit Strg+C)"
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests and for kaleido; Playwright cannot download one here.
chromium:
	@command -v /usr/bin/chromium >/dev/null || { \
	  echo "Installiere Debians chromium …"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# PostgreSQL runs on these machines; start it when it does not answer, fail when it cannot.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  echo "Starte PostgreSQL …"; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
	  for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }
	@pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL ist nicht erreichbar." >&2; exit 1; }

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test-sqlite: $(VENV)/.installed-dev chromium
	env -u DATABASE_URL $(PY) -m pytest -n $(PYTEST_WORKERS)

# The second run checks the data layer on PostgreSQL. Browser tests (the pages) and tests
# with a database of their own already ran on SQLite and would only repeat themselves.
test-postgres: $(VENV)/.installed-dev postgres
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) -m pytest -n $(PYTEST_WORKERS) \
	  -m "not browser and not eigene_datenbank"

# The suite runs on SQLite, and again on PostgreSQL in CI or when DATABASE_URL is set.
test: lint test-sqlite
	@if [ -n "$$CI" ] || [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "PostgreSQL-Lauf übersprungen (CI oder DATABASE_URL setzen)."; fi

# Benchmarks named by the issues; each reports ratios against a baseline of the same run.
bench: $(VENV)/.installed-dev
	@for f in tests/bench/bench_*.py; do $(PY) $$f || exit 1; done

# Backup and restore of the database (SQLite or DATABASE_URL) and the uploads in media/.
# Archives go to sicherungen/ or $$SICHERUNG_ORDNER; a restore saves the current state first.
backup: $(VENV)/.installed
	$(PY) manage.py sicherung_erstellen

restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Bitte die Sicherung nennen: make restore FILE=sicherungen/…tar.gz" >&2; exit 2; }
	$(PY) manage.py sicherung_einspielen "$(FILE)"

$(VENV)/.installed-load: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[load]"
	touch $@

# Load and faults against gunicorn + PostgreSQL (not part of `make test`, about 5 minutes).
# Whatever happens, PostgreSQL is running again afterwards.
loadtest: $(VENV)/.installed-load chromium postgres
	@status=0; timeout 600 $(PY) tests/load/lasttest.py || status=$$?; \
	  $(MAKE) --no-print-directory postgres >/dev/null; exit $$status

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
