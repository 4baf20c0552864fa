# accordwatch: `make demo` sets everything up from a bare machine and runs the seed article;
# `make test` runs the test suite. Needs only python3 (3.11), pip, git and make.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
BIN := .venv/bin
DB ?= warehouse/accordwatch.duckdb
export UV_COMPILE_BYTECODE := 1
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: setup demo run test dev sql check bench screenshots clean

setup: $(BIN)/.synced

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==0.13.8

$(BIN)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

demo: setup
	$(BIN)/accordwatch run --db $(DB) --show

run: setup
	$(BIN)/accordwatch run --db $(DB)

test: setup
	$(BIN)/pytest -q

# The UI and the daemon (inbox sensor, daily schedule) with the committed instance settings:
# one run at a time, one DuckDB writer at a time. Drop articles into data/inbox/ to ingest them.
dev: setup
	mkdir -p data/inbox
	DAGSTER_HOME=$(CURDIR)/dagster_home ACCORDWATCH_DB=$(CURDIR)/$(DB) $(BIN)/dagster dev -w workspace.yaml

sql: setup
	$(BIN)/accordwatch sql --db $(DB)

check: setup
	$(BIN)/accordwatch check --db $(DB)

# PNGs of the asset graph and of a run with its checks, from a live UI (needs Debian's chromium).
screenshots: setup
	$(BIN)/python scripts/screenshots.py --out docs

clean:
	rm -rf .venv $(TOOLS) .pytest_cache
