# ASN Portal — the README's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv venv-dev deps lint format audit migrate seed worker check-deploy clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed
venv-dev: $(VENV)/.installed-dev

deps:
	scripts/system_deps.sh

## make run: install, migrate, load the demo data and serve http://127.0.0.1:8000
run: venv deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Portal berjalan di http://$(HOST):$(PORT)/  (Ctrl+C untuk berhenti)"
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: the whole suite (unit, view, Celery worker and browser tests)
# In parallel processes (pytest-xdist: one per core, at most 4, each with its own test
# database; `--dist load` keeps each process's tests in collection order, so the browser and
# flushing tests still run after the plain ones). PYTEST_WORKERS=-n0 runs one process.
PYTEST_WORKERS ?= -n auto --maxprocesses=4 --dist load
test: venv-dev
	scripts/system_deps.sh --test
	$(PY) -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

format: venv-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make audit: known vulnerabilities in the pinned requirements (needs pypi.org) + bandit
audit: venv-dev
	$(VENV)/bin/pip-audit --strict --progress-spinner off -r requirements.txt -r requirements-dev.txt
	$(VENV)/bin/bandit -c pyproject.toml -r asnportal core positions performance training talent home demo -q

migrate: venv
	$(PY) manage.py migrate --noinput

seed: venv
	$(PY) manage.py seed_demo

worker: venv
	$(VENV)/bin/celery -A asnportal worker --loglevel=info

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

## make backup-check: back up a demo database + MEDIA_ROOT, restore both, check the restore (PostgreSQL)
.PHONY: backup-check
backup-check: venv
	PYTHON=$(PY) scripts/backup_restore_check.sh
