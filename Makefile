# Quick start: `make demo` and `make test`. Both set everything up from nothing and are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB := out/demo.db
WEB := harmledger/serve/web
NODE_STAMP := $(WEB)/node_modules/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Root installs directly; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup encoder demo serve test test-fast lint readme bench bench-scale bench-api fuzz eval clean pg pg-stop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Build the gazetteer index and the WordNet word classes once (about 20 s) so the first command
	# does not pay for them.
	$(BIN)/python -c "from harmledger.extract.gazetteer import load_gazetteer; load_gazetteer()"
	$(BIN)/python -c "from harmledger.extract.lang.en.wordnet import word_classes; word_classes()"
	touch $(STAMP)

# Browser assets (Leaflet, uPlot, world-atlas, Swagger UI) come from npm at set-up time, pinned by
# the lock file; the app serves them itself so the UI never needs a CDN. Install scripts stay off.
$(NODE_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	npm ci --prefix $(WEB) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
/usr/bin/chromium:
	$(SUDO) apt-get install -y chromium chromium-driver || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver)

# WordNet 3.0 for the English word classes (extract/lang/en/wordnet.py), from Debian.
/usr/share/wordnet/data.noun:
	$(SUDO) apt-get install -y wordnet-base wordnet-sense-index || ($(SUDO) apt-get update && $(SUDO) apt-get install -y wordnet-base wordnet-sense-index)

# The fast sentence encoder: all-MiniLM-L6-v2 from its installed package, exported to ONNX with int8
# weights (about 10 s) into the cache folder beside the gazetteer index. Checked on every setup, built
# only when absent, so a cleared cache is rebuilt here and not by the first ingest.
encoder: $(STAMP)
	$(BIN)/python -c "from harmledger.extract.encoder import build_encoder; build_encoder()"

setup: /usr/share/wordnet/data.noun $(STAMP) encoder $(NODE_STAMP) /usr/bin/chromium

demo: setup
	@mkdir -p out
	$(BIN)/harmledger --db $(DEMO_DB) ingest examples/demo
	$(BIN)/harmledger --db $(DEMO_DB) incidents
	$(BIN)/harmledger --db $(DEMO_DB) export --format json -o out/incidents.json
	$(BIN)/harmledger --db $(DEMO_DB) export --format csv -o out/incidents.csv
	$(BIN)/harmledger --db $(DEMO_DB) export --format geojson -o out/incidents.geojson
	@echo "Open the web UI on the demo database: make serve  (then http://$(HOST):$(PORT)/)"

serve: setup
	@test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/harmledger --db $(DEMO_DB) serve --host $(HOST) --port $(PORT)

# Two pytest-xdist workers, one a core; `make test-fast` leaves out the whole-pipeline runs
# (tests marked slow: corpora, Dask, concurrent ingests) for the inner loop. loadgroup: the tests
# of one xdist_group (the writing server's) run on one worker, which starts that server once.
test: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test-fast: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not slow"

lint: setup
	$(BIN)/ruff check harmledger tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy harmledger bench tests

eval: setup
	$(BIN)/harmledger eval ../shared/corpus/dev ../shared/corpus/dev2 ../shared/corpus/ukru

bench: setup
	$(BIN)/python bench/throughput.py

# Mixed API reads as a ratio of /health, same run, with the production command (serve --workers 2).
bench-api: setup
	$(BIN)/python bench/api_load.py --workers 2 --concurrency 10

# 1,000 seeded hostile inputs (about 10 minutes at most), then kill -9 at 10 random moments of a
# 300-article ingest and compare each re-run's export with the uninterrupted one.
fuzz: setup
	$(BIN)/python bench/fuzz.py --inputs 1000 --seed 17 --minutes 10
	$(BIN)/python bench/kill_converge.py --articles 300 --kills 10 --seed 17

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
	rm -rf $(VENV) out $(WEB)/node_modules

# The README's generated parts (the CLI table from the Typer app, the demo's incident list from a
# real ingest of examples/demo): cog rewrites them in place; tests/test_readme.py fails when stale.
readme: setup
	$(BIN)/cog -r README.md
