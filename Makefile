# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench quality lint install clean chromium postgresql sentiment-models

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/auditor demo

# Browser tests use Debian's Chromium and the PostgreSQL tests Debian's server; installed here
# when missing (needs root, as in CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install -y chromium"; fi; }

postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing postgresql for the database tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "postgresql is missing: sudo apt-get install -y postgresql"; fi; }

TEST_WORKERS ?= 3  # pytest-xdist workers: the suite mostly waits on its local servers, so 3 on 2 cores
test: $(STAMP) chromium postgresql
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)

bench: $(STAMP)
	$(BIN)/python -m auditor.bench

quality: $(STAMP)
	$(BIN)/python -m auditor.quality

lint: $(STAMP)
	$(BIN)/ruff check auditor spiders tests

clean:
	rm -rf $(VENV) demo-output bench-results.json quality-results.json .pytest_cache

sentiment-models: $(STAMP)
	$(BIN)/python -m auditor.sentiment.train
