# The two commands a fresh machine needs are `make run` and `make test`; everything else is a step they use or a
# shortcut for developers. `make help` lists the targets: a target line's `## ` comment is its description.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export PORT
export FLASK_APP := wsgi.py

.PHONY: help run test test-fast install assets translations system-deps model lint format db-upgrade seed \
        i18n-extract i18n-update i18n-compile i18n-check bench bench-load eval clean

run: install assets translations model ## set up everything and start the demo (PORT=5000)
	SELFSERVICE_DEMO_MODE=1 $(BIN)/flask db upgrade
	SELFSERVICE_DEMO_MODE=1 $(BIN)/flask demo seed
	@echo "Serving on http://127.0.0.1:$(PORT) (demo mode)"
	SELFSERVICE_DEMO_MODE=1 exec $(BIN)/gunicorn --preload --workers 2 --threads 4 --bind 127.0.0.1:$(PORT) wsgi:app

test: install assets translations system-deps model ## set up everything and run every test (SQLite, then PostgreSQL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -n auto -p no:cacheprovider
	scripts/with-postgres.sh $(BIN)/pytest -n auto -p no:cacheprovider -m db

# The quick inner loop: no reinstall when nothing changed, no system packages, no PostgreSQL, no browser.
test-fast: install assets translations model ## ruff check, then every test but the browser ones, on SQLite only
	$(BIN)/ruff check .
	$(BIN)/pytest -n auto -p no:cacheprovider -m "not browser"

help: ## list the targets with what each does
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-zA-Z0-9_-]+:[^=]*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(VENV)/.installed node_modules/.installed ## the Python venv (.venv) and the npm packages

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed ## build the fingerprinted CSS, JS and icons into static/build
	npm run --silent build

translations: $(VENV)/.installed ## compile the gettext catalogues (.mo)
	$(BIN)/pybabel compile -d selfservice/translations --statistics 2>&1 | grep -v "^compiling" || true

system-deps: ## Debian packages the tests need: chromium, PostgreSQL, Noto fonts
	scripts/install-system-deps.sh

# The assistant's classifier, trained from selfservice/assistant/data and the guides, cached under .cache/.
model: install ## train the assistant's classifier (cached under .cache/assistant)
	$(BIN)/python scripts/train_model.py

lint: install ## ruff check, ruff format --check, the import-linter layers and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install ## ruff check --fix and ruff format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

i18n-extract: install ## new message ids into selfservice/translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output --width 120 \
	  --project selfservice -o selfservice/translations/messages.pot .

i18n-update: i18n-extract ## extract, then update every catalogue from messages.pot
	$(BIN)/pybabel update -i selfservice/translations/messages.pot -d selfservice/translations --no-fuzzy-matching --ignore-obsolete --width 120

i18n-compile: translations ## the same as translations

i18n-check: i18n-extract ## fail on missing, fuzzy or placeholder-changed translations
	$(BIN)/python -m selfservice.catalogues selfservice/translations/messages.pot

eval: install translations model ## the assistant's accuracy on the tuning and held-out sets (VERBOSE=1)
	$(BIN)/python scripts/eval.py $(if $(VERBOSE),--verbose)

bench: install assets translations system-deps ## page sizes, assistant latency and memory, throughput
	$(BIN)/python scripts/bench.py

# Two app instances on PostgreSQL and Redis under a mixed load of 100 users, against a minimal Flask ceiling.
bench-load: install assets translations system-deps ## two instances on PostgreSQL and Redis under load
	scripts/install-system-deps.sh redis-server
	$(BIN)/python scripts/bench_load.py

clean: ## remove the venv, node_modules, static/vendor and instance/
	rm -rf $(VENV) node_modules static/vendor instance
