# The front door: `make build` and `make test` set themselves up on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
BOROUGH ?= blackburn-with-darwen
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build check serve test lint render publish preview clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

build: $(STAMP)
	$(BIN)/handbook build

check: $(STAMP)
	$(BIN)/handbook check

serve: $(STAMP)
	$(BIN)/handbook serve --borough $(BOROUGH)

render: $(STAMP)
	$(BIN)/handbook render --out build/markdown

publish: $(STAMP)
	@test -n "$(VERSION)" || { echo "usage: make publish VERSION=2026.1"; exit 2; }
	$(BIN)/handbook publish --version $(VERSION)

preview: $(STAMP)
	$(BIN)/handbook preview

lint: $(STAMP)
	$(BIN)/ruff check src tests hooks
	$(BIN)/ruff format --check src tests hooks

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf site site.staging site.old build .pytest_cache
