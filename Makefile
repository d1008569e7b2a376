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
	$(BIN)/ruff check src tests datasets bench
	$(BIN)/ruff format --check src tests datasets bench
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --doctest-modules --mpl src tests

test: lint pytest

dataset: $(STAMP)
	$(BIN)/python datasets/libya_2019/build.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
