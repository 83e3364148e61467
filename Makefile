# Arena Huddinge: `make run` serves the site locally, `make test` runs the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint install checkers migrate messages clean bench prod-check

# The venv is rebuilt from requirements.txt whenever that file changes.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

migrate: install
	$(MANAGE) migrate --noinput

run: migrate
	$(MANAGE) seed_demo
	PORT=$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The independent checkers (axe-core, the Nu HTML Checker) come from npm when npm is there;
# without it their tests are skipped locally (CI installs npm and fails instead).
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

checkers:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm saknas: tillgänglighets- och HTML-kontrollerna hoppas över."; fi

test: install checkers
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

# Updates our Swedish catalogue after strings in the code changed (needs GNU gettext).
messages: install
	$(MANAGE) makemessages -l sv --no-location --ignore=.venv --ignore=staticfiles
	$(MANAGE) compilemessages -l sv --ignore=.venv

# Seeds a large data set into its own database (bench/bench.sqlite3, or DATABASE_URL), serves it
# with gunicorn and prints req/s, latency, CPU and SQL per page (README.md, "Prestandamätning").
bench: install
	$(MANAGE) bench --settings=bench.settings

# Starts deploy/Procfile (gunicorn and the worker) with honcho and the production settings against
# PostgreSQL and Redis on loopback, in a database of its own; waits for /readyz, fetches the start
# page, stops them and prints their output (tests/quality/test_prod_check.py).
PROD_CHECK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PROD_CHECK_REDIS_URL ?= redis://127.0.0.1:6379/0
prod-check: install
	DATABASE_URL=$(PROD_CHECK_DATABASE_URL) REDIS_URL=$(PROD_CHECK_REDIS_URL) \
		$(BIN)/pytest -q -s -p no:cacheprovider tests/quality/test_prod_check.py

clean:
	rm -rf $(VENV) staticfiles node_modules
