# Two commands do everything: `make reports` and `make test` (both set up .venv first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := conflictnews
# JupyterLab's settings for this project (jupyter/README.md), installed into .venv
LAB_CONFIG   := $(VENV)/etc/jupyter/jupyter_server_config.json
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.d/conflictnews.json

.PHONY: setup reports extract test lint lab clean browser

setup: $(STAMP) $(LAB_CONFIG) $(LAB_SETTINGS)

# Re-installs when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (conflictnews)" >/dev/null
	touch $@

$(LAB_CONFIG): jupyter/jupyter_server_config.json $(STAMP)
	mkdir -p $(@D) && cp $< $@

$(LAB_SETTINGS): jupyter/overrides.json $(STAMP)
	mkdir -p $(@D) && cp $< $@

# The main job: the four notebook reports as offline HTML, with reports/index.html.
reports: setup
	$(BIN)/conflictnews reports --config notebooks/reports.yml --out reports --jobs 2

# The tidy tables (Parquet + CSV) of the seed corpus, and its summary.
extract: setup
	$(BIN)/conflictnews extract seeds --metadata data/metadata.csv --out build/extract

# Debian's chromium for the browser tests: installed when missing and we may (root).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		chromium >/dev/null; } || echo "chromium is not installed: browser tests skip"

lint: setup
	$(BIN)/ruff check src tests benchmarks

test: setup lint browser
	$(BIN)/python -m pytest

# JupyterLab on the project kernel, opening the first lesson (docs/teaching.md); extra
# options in LAB_ARGS, e.g. make lab LAB_ARGS="--ip=0.0.0.0 --no-browser" for a classroom.
lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ARGS) \
		$$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/01-corpus-overview.ipynb

clean:
	rm -rf build reports .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
