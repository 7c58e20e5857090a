# The two commands a fresh machine needs are `make run` and `make test`; everything else is a step they use.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export PORT
export FLASK_APP := wsgi.py

.PHONY: run test install assets translations system-deps model lint format db-upgrade seed \
        i18n-extract i18n-update i18n-compile i18n-check bench bench-load eval clean

run: install assets translations model
	SELFSERVICE_DEMO_MODE=1 $(BIN)/flask db upgrade
	SELFSERVICE_DEMO_MODE=1 $(BIN)/flask demo seed
	@echo "Serving on http://127.0.0.1:$(PORT) (demo mode)"
	SELFSERVICE_DEMO_MODE=1 exec $(BIN)/gunicorn --preload --workers 2 --threads 4 --bind 127.0.0.1:$(PORT) wsgi:app

test: install assets translations system-deps model
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto -p no:cacheprovider
	scripts/with-postgres.sh $(BIN)/pytest -n auto -p no:cacheprovider -m db

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed
	npm run --silent build

translations: $(VENV)/.installed
	$(BIN)/pybabel compile -d translations --statistics 2>&1 | grep -v "^compiling" || true

system-deps:
	scripts/install-system-deps.sh

# The assistant's classifier, trained from selfservice/assistant/data and the guides, cached under .cache/.
model: install
	$(BIN)/python scripts/train_model.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

i18n-extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output --width 120 \
	  --project selfservice -o translations/messages.pot .

i18n-update: i18n-extract
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --width 120

i18n-compile: translations

i18n-check: i18n-extract
	$(BIN)/python -m selfservice.catalogues translations/messages.pot

eval: install translations model
	$(BIN)/python scripts/eval.py $(if $(VERBOSE),--verbose)

bench: install assets translations system-deps
	$(BIN)/python scripts/bench.py

# Two app instances on PostgreSQL and Redis under a mixed load of 100 users, against a minimal Flask ceiling.
bench-load: install assets translations system-deps
	scripts/install-system-deps.sh redis-server
	$(BIN)/python scripts/bench_load.py

clean:
	rm -rf $(VENV) node_modules static/vendor instance
