# TriggerFlow: `make run` serves the app with demo data on SQLite; `make test` lints, then runs every test;
# `make format` lays the code out; `make serve` runs it in production under gunicorn; `make bench` measures it
# at national scale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
# Links in the demo's e-mails lead to the address `make run` serves on.
SERVICE_URL ?= http://127.0.0.1:$(PORT)
FLASK := TRIGGERFLOW_ENV=development SERVICE_URL=$(SERVICE_URL) $(BIN)/flask --app triggerflow
PYTEST := $(BIN)/python -m pytest -n auto
PYTEST_ARGS ?=
CHROMIUM_PATH ?= /usr/bin/chromium
BENCH_SIZES ?= 10000 100000

.PHONY: install assets database run serve lint format test test-sqlite test-postgresql browser-deps postgresql-deps \
	bench wrk-deps load diagram clean

install: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend compiled with Arial (no GDS Transport), plus its images and script.
assets: triggerflow/static/css/app.css triggerflow/static/govuk/govuk-frontend.min.js

triggerflow/static/css/app.css: assets/scss/app.scss node_modules/.installed
	npm run --silent build:css

triggerflow/static/govuk/govuk-frontend.min.js: node_modules/.installed
	mkdir -p triggerflow/static/govuk/assets
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images node_modules/govuk-frontend/dist/govuk/assets/manifest.json triggerflow/static/govuk/assets/
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $@

# SQLite in instance/triggerflow.db (or DATABASE_URL). Every step is idempotent.
database: install
	$(FLASK) db upgrade
	$(FLASK) seed-reference-data
	$(FLASK) load-demo-data

run: database
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Production: gunicorn (gunicorn.conf.py: workers from the CPU count) on DATABASE_URL, with the
# production configuration. Apply the migrations first (docs/deploy.md); BIND=0.0.0.0:8000 to listen wider.
serve: install
	@test -n "$$DATABASE_URL" || (echo "Set DATABASE_URL (and SECRET_KEY): see docs/deploy.md" >&2; exit 1)
	TRIGGERFLOW_ENV=production $(BIN)/gunicorn wsgi:app

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser-deps:
	@test -x "$(CHROMIUM_PATH)" || command -v chromium >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# The PostgreSQL server binaries; the tests start their own throwaway cluster with them.
postgresql-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "$(PG_BIN)" ] || \
		(apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

# The checks pre-commit runs too (.pre-commit-config.yaml): ruff's lint rules and layout, mypy on the
# packages it covers (pyproject.toml), and the import layers once pyproject.toml declares them.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@if grep -q '^\[tool.importlinter\]' pyproject.toml; then echo "$(BIN)/lint-imports"; $(BIN)/lint-imports; fi

# What ruff can put right by itself, then the layout: afterwards `make lint` finds only what needs a person.
format: install
	$(BIN)/ruff check --fix-only .
	$(BIN)/ruff format .

# The lint, every test on SQLite, then every test again on PostgreSQL (the browser tests' server included).
test: install lint browser-deps postgresql-deps
	$(PYTEST) $(PYTEST_ARGS)
	TRIGGERFLOW_TEST_DB=postgresql $(PYTEST) $(PYTEST_ARGS)

test-sqlite: install browser-deps
	$(PYTEST) $(PYTEST_ARGS)

test-postgresql: install browser-deps postgresql-deps
	TRIGGERFLOW_TEST_DB=postgresql $(PYTEST) $(PYTEST_ARGS)

wrk-deps:
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)

# Synthetic data on SQLite and a throwaway PostgreSQL, measured, written to docs/performance.md.
# A million forms too: make bench BENCH_SIZES="10000 100000 1000000" (sizes over 100,000 on PostgreSQL alone;
# BENCH_ARGS="--sqlite-up-to 1000000" takes SQLite there too). BENCH_ARGS="--profile" to profile.
bench: install postgresql-deps wrk-deps
	$(BIN)/python -m bench --sizes $(BENCH_SIZES) $(BENCH_ARGS)

# Fifty people at once against `make serve` on a throwaway PostgreSQL, written into docs/performance.md.
# LOAD_ARGS="--people 50 --minutes 5 --background-forms 10000" are the defaults.
load: install postgresql-deps
	$(BIN)/python -m bench.crowd $(LOAD_ARGS)

# Rewrite the lifecycle diagram in the README from workflow/definition.py.
diagram: install
	$(BIN)/python -m triggerflow.workflow.diagram --readme README.md

clean:
	rm -rf $(VENV) node_modules triggerflow/static/css triggerflow/static/govuk instance
