# diplodata: the two commands a new user runs first.
#   make demo  - set up .venv, run the main job on the bundled data
#   make test  - set up .venv, run lint, type checks and every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint pytest dataset docs figures lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/diplodata demo --out build/demo

lint: $(STAMP)
	$(BIN)/ruff check src tests datasets bench docs/conf.py docs/figures.py docs/_ext notebooks
	$(BIN)/ruff format --check src tests datasets bench docs/conf.py docs/figures.py docs/_ext notebooks
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --doctest-modules --mpl src tests

test: lint pytest

dataset: $(STAMP)
	$(BIN)/python datasets/libya_2019/build.py

# The docs site, offline, warnings as errors: runs the notebooks, renders them with the
# dataset cards and the API reference into build/docs/ (open build/docs/index.html).
docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs build/docs

# Run every notebook and write each chart it draws to build/figures/<notebook>-<k>.png.
figures: $(STAMP)
	$(BIN)/python docs/figures.py --out build/figures

# Install JupyterLab and a kernel (the notebooks extra), open the notebooks in it.
lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[notebooks]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache docs/_generated
