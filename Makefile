# TriggerFlow: `make run` serves the app with demo data on SQLite; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := TRIGGERFLOW_ENV=development $(BIN)/flask --app triggerflow
PYTEST := $(BIN)/python -m pytest -n auto
PYTEST_ARGS ?=
CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: install assets database run test test-sqlite test-postgresql browser-deps postgresql-deps diagram clean

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

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser-deps:
	@test -x "$(CHROMIUM_PATH)" || command -v chromium >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# The PostgreSQL server binaries; the tests start their own throwaway cluster with them.
postgresql-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "$(PG_BIN)" ] || \
		(apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)

# Every test on SQLite (browser tests included), then every non-browser test on PostgreSQL.
test: install browser-deps postgresql-deps
	$(PYTEST) $(PYTEST_ARGS)
	TRIGGERFLOW_TEST_DB=postgresql $(PYTEST) -m "not browser" $(PYTEST_ARGS)

test-sqlite: install browser-deps
	$(PYTEST) $(PYTEST_ARGS)

test-postgresql: install postgresql-deps
	TRIGGERFLOW_TEST_DB=postgresql $(PYTEST) -m "not browser" $(PYTEST_ARGS)

# Rewrite the lifecycle diagram in the README from workflow/definition.py.
diagram: install
	$(BIN)/python -m triggerflow.workflow.diagram --readme README.md

clean:
	rm -rf $(VENV) node_modules triggerflow/static/css triggerflow/static/govuk instance
