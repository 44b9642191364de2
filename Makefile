# Two commands on a fresh machine: `make crawl` and `make test` (`make demo` works offline).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SCRAPY_ARGS ?=
# The gold corpus, where it lies beside the repository: its score floors are then checked.
export OSCE_CORPUS_DIR ?= $(abspath $(wildcard ../shared/osce_corpus))

# Every dependency at its declared floor (uv's lowest-direct resolution), in a venv of its own.
FLOORS_VENV := .venv-floors
FLOORS_BIN := $(FLOORS_VENV)/bin
# The crawl test of the floors job: a real `scrapy crawl` against the mock site whose robots.txt has a Crawl-delay.
CRAWL_DELAY_TEST := tests/spiders/test_unattended.py::test_robots_crawl_delay_spaces_requests_even_with_politeness_off

.PHONY: install crawl demo test test-floors lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Crawling and the data tools (pandas, Parquet, DuckDB); the test tools only for `make test`.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[data]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Incremental: fetches only what is new and appends it to output/press_releases.jsonl. make turns any
# failing recipe into its own status 2, so the crawl's status (3 a check failed, 4 another run holds the
# lock, 5 a write failed) is printed here; cron and systemd run `.venv/bin/scrapy crawl` itself (README).
crawl: install
	@$(BIN)/scrapy crawl press_releases -a incremental=1 $(SCRAPY_ARGS); status=$$?; \
	  if [ $$status -ne 0 ]; then echo "make crawl: scrapy crawl exited with status $$status" >&2; fi; exit $$status

# The mock site's markup: drupal (default), definition, flat, grid or drupal11 (`make demo VARIANT=drupal11`).
VARIANT ?= drupal
# The demo keeps a dataset of its own, output/demo.jsonl, merged into like the real one (an interrupted
# demo leaves the previous one whole), with its own state, runs, errors and archive: nothing of it
# enters the real crawl's files. The mock releases are years old: the freshness check is off.
DEMO_FILES := -s OSCE_DATASET_PATH=output/demo.jsonl -s OSCE_STATE_PATH=output/demo-state.sqlite \
  -s OSCE_RUNS_PATH=output/demo-runs.jsonl -s OSCE_ERRORS_PATH=output/demo-errors.jsonl \
  -s OSCE_REJECTED_PATH=output/demo-rejected.jsonl -s OSCE_WARC_DIR=output/demo-warc
# A fixed port: the records' URLs name the mock's address, and a demo run again must find them unchanged.
DEMO_PORT ?= 8765
demo: install
	@$(BIN)/python -m tests.site --variant $(VARIANT) --port $(DEMO_PORT) -- \
	  $(BIN)/scrapy crawl press_releases -a base_url={base_url} $(DEMO_FILES) \
	  -s AUTOTHROTTLE_ENABLED=0 -s DOWNLOAD_DELAY=0 -s CONCURRENT_REQUESTS_PER_DOMAIN=8 -s OSCE_MAX_SILENCE_DAYS=0 \
	  -s OSCE_MIN_NEWSROOM_RELEASES=0 \
	  $(SCRAPY_ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The floors job of CI: uv from PyPI, a fresh venv with every dependency at its floor, the fast tests and
# one real crawl with a Crawl-delay there. pytest's status 5 (no test collected) fails it like any other.
$(FLOORS_VENV)/.installed: pyproject.toml
	rm -rf $(FLOORS_VENV)
	$(PYTHON) -m venv $(FLOORS_VENV)
	$(FLOORS_BIN)/python -m pip install --quiet uv
	$(FLOORS_BIN)/uv pip install --quiet --python $(FLOORS_BIN)/python --resolution lowest-direct -e '.[test]'
	touch $@

test-floors: $(FLOORS_VENV)/.installed
	$(FLOORS_BIN)/python -m pytest -m "not slow" -q -p no:cacheprovider $(PYTEST_ARGS)
	$(FLOORS_BIN)/python -m pytest -q -p no:cacheprovider --junitxml=$(FLOORS_VENV)/crawl-delay.xml $(CRAWL_DELAY_TEST)
	@# A skipped crawl would pass unseen: the crawl test must have run and passed.
	$(FLOORS_BIN)/python -c 'import sys, xml.etree.ElementTree as E; s = E.parse(sys.argv[1]).find("testsuite"); \
	  ok = int(s.get("tests")) >= 1 and not any(int(s.get(k)) for k in ("skipped", "failures", "errors")); \
	  sys.exit(0 if ok else "make test-floors: the Crawl-delay crawl test did not run and pass")' \
	  $(FLOORS_VENV)/crawl-delay.xml

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .

# What is rebuilt: the venvs, caches, build output and the demo's output. Never the dataset and what
# belongs to it (output/press_releases.jsonl, its .quarantine, runs.jsonl, errors.jsonl, rejected.jsonl,
# state.sqlite: the failed pages and the checks' window are not in the dataset), nor the run lock
# (deleting it under a running crawl would let a second run start), nor .scrapy/httpcache (re-parsing
# without re-fetching reads it).
clean:
	rm -rf $(VENV) $(FLOORS_VENV) .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
	rm -rf output/demo.jsonl* output/demo-*
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +
