# Two commands do everything: `make reports` and `make test` (both set up .venv first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := conflictnews

.PHONY: setup reports extract test lint lab clean

setup: $(STAMP)

# Re-installs when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (conflictnews)" >/dev/null
	touch $@

# The main job: extract the seed corpus and print its summary.
reports: setup
	$(BIN)/conflictnews extract seeds --metadata data/metadata.csv --out build/extract

extract: reports

lint: setup
	$(BIN)/ruff check src tests benchmarks

test: setup lint
	$(BIN)/python -m pytest

lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf build reports .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
