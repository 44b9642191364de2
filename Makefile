# Two commands on a fresh machine: `make crawl` and `make test` (`make demo` works offline).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SCRAPY_ARGS ?=
# The gold corpus, where it lies beside the repository: its score floors are then checked.
export OSCE_CORPUS_DIR ?= $(abspath $(wildcard ../shared/osce_corpus))

.PHONY: install crawl demo test lint clean

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

# Incremental: fetches only what is new and appends it to output/press_releases.jsonl.
crawl: install
	$(BIN)/scrapy crawl press_releases -a incremental=1 $(SCRAPY_ARGS)

demo: install
	$(BIN)/python -m tests.site --variant drupal -- \
	  $(BIN)/scrapy crawl press_releases -a base_url={base_url} -O output/demo.jsonl \
	  -s AUTOTHROTTLE_ENABLED=0 -s DOWNLOAD_DELAY=0 -s CONCURRENT_REQUESTS_PER_DOMAIN=8 \
	  -s OSCE_REJECTED_PATH=output/demo-rejected.jsonl $(SCRAPY_ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check .

clean:
	rm -rf $(VENV) output/*.jsonl .pytest_cache
