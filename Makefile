# The two commands for a fresh machine: `make build` and `make test`.
# Each installs what it needs by itself into .venv/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test check schemas clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime packages (the swvsite command and MkDocs with its plugins).
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

# Test packages on top of the runtime ones.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed-runtime

build: $(VENV)/.installed-runtime
	$(BIN)/swvsite build

serve: $(VENV)/.installed-runtime
	$(BIN)/swvsite serve

check: $(VENV)/.installed-runtime
	$(BIN)/swvsite check

schemas: $(VENV)/.installed-runtime
	$(BIN)/swvsite schema --out schemas

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf site .site.previous .site.new $(VENV)
