# TriggerFlow: `make run` serves the app with demo data on SQLite; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := TRIGGERFLOW_ENV=development $(BIN)/flask --app triggerflow
PYTEST_ARGS ?=

.PHONY: install assets database run test browser-deps diagram clean

install: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
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

database: install
	$(FLASK) db upgrade
	$(FLASK) seed-reference-data
	$(FLASK) load-demo-data

run: database
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test: install browser-deps
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

diagram: install
	$(BIN)/python -m triggerflow.workflow.diagram --readme README.md

clean:
	rm -rf $(VENV) node_modules triggerflow/static/css triggerflow/static/govuk instance
