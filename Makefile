# The front door: `make build` and `make test` set themselves up on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
BOROUGH ?= blackburn-with-darwen
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build check serve test lint render publish preview bench clean schemas codeowners changes

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

# The JSON Schemas editors use to autocomplete data/*.yaml; regenerate after changing src/handbook/data/model.py.
schemas: $(STAMP)
	$(BIN)/handbook schema --out schemas

# .github/CODEOWNERS from the boroughs' owners in data/boroughs.yaml; run after changing them.
codeowners: $(STAMP)
	$(BIN)/handbook codeowners

# What a practitioner will see differently, compared with where this branch left main.
changes: $(STAMP)
	$(BIN)/handbook changes $(if $(BASE),--base $(BASE))

lint: $(STAMP)
	$(BIN)/ruff check src tests hooks bench
	$(BIN)/ruff format --check src tests hooks bench

# Test-only JavaScript: axe-core for the accessibility scan.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json
	npm install --no-audit --no-fund --silent
	touch $@

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest

# One borough grown to 100, 1,000, 3,000 and 10,000 services, the real data and England,
# timed against the targets in a temporary folder; prints the tables, writes
# bench/results.json (under 15 minutes; BENCH_ARGS=--full runs what it would predict).
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf site site.staging site.stage site.old build .pytest_cache .cache
