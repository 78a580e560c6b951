# Warmline's tasks. `make run` and `make test` are README's quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test test-browser lint format bench screenshots docs install clean

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Warmline needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(INSTALLED)

run: $(INSTALLED)  ## set up, migrate and serve on http://127.0.0.1:$(PORT)
	$(BIN)/warmline serve --port $(PORT)

test: $(INSTALLED)  ## the whole suite (browser tests too, where Chromium is installed)
	$(BIN)/pytest

test-browser: $(INSTALLED)
	$(BIN)/pytest -m browser

lint: $(INSTALLED)  ## ruff, mypy, and no model change without its migration
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy warmline bench scripts
	DJANGO_SETTINGS_MODULE=warmline.config.test_settings $(BIN)/python manage.py makemigrations --check --dry-run

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

docs: $(INSTALLED)  ## regenerate docs/cli.md from --help
	$(BIN)/python -m warmline.cli.docs > docs/cli.md

screenshots: $(INSTALLED)  ## regenerate README's screenshots through Playwright
	$(BIN)/python scripts/screenshots.py

bench: $(INSTALLED)
	$(BIN)/python bench/people_pages.py
	$(BIN)/python bench/imports.py
	$(BIN)/python bench/writers.py
	$(BIN)/python bench/insights.py
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
