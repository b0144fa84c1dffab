# Quick start: `make demo` and `make test`. Both set everything up from nothing and are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := out/demo.db

.PHONY: setup demo test lint bench bench-scale eval clean pg pg-stop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Build the gazetteer index once (about 7 s) so the first command does not pay for it.
	$(BIN)/python -c "from harmledger.extract.gazetteer import load_gazetteer; load_gazetteer()"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	@mkdir -p out
	$(BIN)/harmledger --db $(DEMO_DB) ingest examples/demo
	$(BIN)/harmledger --db $(DEMO_DB) incidents
	$(BIN)/harmledger --db $(DEMO_DB) export --format json -o out/incidents.json
	$(BIN)/harmledger --db $(DEMO_DB) export --format csv -o out/incidents.csv
	$(BIN)/harmledger --db $(DEMO_DB) export --format geojson -o out/incidents.geojson

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check harmledger tests bench
	$(BIN)/mypy harmledger

eval: setup
	$(BIN)/harmledger eval ../shared/corpus/dev

bench: setup
	$(BIN)/python bench/throughput.py

# 1 and 2 workers on SQLite and PostgreSQL; ARTICLES=20000 for the full run (long on 2 cores).
ARTICLES ?= 2000
bench-scale: setup
	$(BIN)/python bench/scale.py --articles $(ARTICLES)

# A local PostgreSQL server in .pg/ (installed from Debian packages when missing); prints its URL.
pg:
	@scripts/pg.sh start

pg-stop:
	@scripts/pg.sh stop

clean:
	rm -rf $(VENV) out
