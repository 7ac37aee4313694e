# The two commands for a fresh machine: `make build` and `make test`.
# Each installs what it needs by itself into .venv/ (and Debian's chromium).
# A publish is gated by `make check`, `make build` and `make sitecheck`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build serve test lint test-properdocs check sitecheck schemas bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime packages (the swvsite command and MkDocs with its plugins).
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

# Test packages on top of the runtime ones.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed-runtime $(VENV)/.installed-sitecheck

# The browser check's packages on top of the runtime ones (a subset of the test ones).
$(VENV)/.installed-sitecheck: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[sitecheck]'
	touch $@ $(VENV)/.installed-runtime

build: $(VENV)/.installed-runtime
	$(BIN)/swvsite build

serve: $(VENV)/.installed-runtime
	$(BIN)/swvsite serve

check: $(VENV)/.installed-runtime
	$(BIN)/swvsite check

schemas: $(VENV)/.installed-runtime
	$(BIN)/swvsite schema --out schemas

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The built site in site/: record pages, links, anchors, search index, no third-party
# requests, and axe-core on every page in Debian's chromium.
sitecheck: build $(VENV)/.installed-sitecheck $(CHROMIUM)
	$(BIN)/swvsite check-site --browser

# Lint (pycodestyle, pyflakes, imports, complexity, bugbear, naming, pyupgrade) and
# types first: both must be clean before the tests run.
test: $(VENV)/.installed-test $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Only the lint and type gate of `make test`.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# The whole suite with ProperDocs as the engine (swvsite.engine.choice; `make test`
# itself builds a fixture site with both engines in tests/test_engines.py).
test-properdocs: $(VENV)/.installed-test $(CHROMIUM)
	SWVSITE_ENGINE=properdocs $(BIN)/python -m pytest -q

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .site.previous .site.new .cache/swvsite $(VENV)
