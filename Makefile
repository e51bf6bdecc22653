# Mains Libres: `make run` serves the demo, `make test` runs the suite. `make help` lists the rest.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
# The address `make run` serves: the demo's Site, the e-mails' links and the banner follow it.
export SITE_URL ?= http://127.0.0.1:$(PORT)
# pytest-xdist workers for `make test` (each loads the demo into its own database).
WORKERS ?= auto
# Catalogue sizes for `make bench`; the largest is also served for the load figures.
SIZES ?= 30,300,3000
comma := ,

.DEFAULT_GOAL := help
.PHONY: help install messages translations migrate demo run test lint ci clean bench load

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned requirements

messages: install ## Compile the French and English translations
	$(MANAGE) compilemessages --ignore=.venv --verbosity=0

translations: install ## Collect new interface strings into locale/*/django.po (then translate the French)
	$(MANAGE) makemessages -l fr -l en --no-location --no-obsolete --ignore=.venv --ignore=demo/content --ignore=var

migrate: messages ## Create or update the local SQLite database
	$(MANAGE) migrate --noinput --verbosity=0

demo: migrate ## Load the demo content once (French texts, XOF prices, local images)
	$(MANAGE) load_demo --if-empty

run: demo ## Serve the demo site at http://127.0.0.1:$PORT (8000), with the mail worker beside it
	@# The task worker sends the queued e-mails; it stops when the server does (Ctrl+C).
	$(MANAGE) db_worker --backend background --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: messages ## Run the test suite (same set-up as `make run`, own test database)
	@# axe-core for the browser tests; without npm (or Chromium) they skip and say why.
	@if command -v npm >/dev/null && [ ! -d node_modules ]; then npm ci --no-audit --no-fund --silent; fi
	$(BIN)/pytest -n $(WORKERS)

lint: install ## Check the code with ruff
	$(BIN)/ruff check .

ci: ## Run what CI runs: tests on SQLite, checks, lint, tests on PostgreSQL
	.ci/run

bench: messages ## Page queries and times at SIZES=30,300,3000, wrk load, weight, this site vs bakerydemo (BAKERYDEMO_DIR)
	$(BIN)/python bench/pages.py --sizes $(SIZES)
	$(BIN)/python bench/load.py --size $(lastword $(subst $(comma), ,$(SIZES)))
	$(BIN)/python bench/compare.py --size $(lastword $(subst $(comma), ,$(SIZES)))

load: messages ## Load run on the buying path: 50 shoppers for 60 s, checks oversells and lost orders
	$(BIN)/python bench/buying.py

clean: ## Remove the virtualenv, local database, media and caches
	rm -rf $(VENV) node_modules db.sqlite3 media var static .pytest_cache .ruff_cache
