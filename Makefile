# MijnServices — every target a developer needs; CI calls the same ones.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=
# pytest-xdist workers: two per core by default (the suite waits on browsers, servers and
# worker processes: with one per core the cores were busy 42 % of the time, with two 62 %, and
# the suite took 277 s instead of 362 s on 2 cores); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= $(shell python3 -c "import os; print(2 * (os.cpu_count() or 1))")
BENCH_ZAKEN ?= 100000
BENCH_SECONDS ?= 10
CONFORMANCE_ARGS ?=

.PHONY: help install demo test check pytest soak system-deps bench conformance clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed; installing python3-venv with apt"; \
	  apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

conformance/node_modules/.installed: conformance/package.json conformance/package-lock.json
	cd conformance && npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed frontend/node_modules/.installed ## Set up: virtualenv, Python packages, NL Design System CSS, translations
	cd frontend && npm run --silent build
	DEMO_MODE=true $(BIN)/mijnservices compile-translations

demo: install ## Run the demo: migrate, load demo data, web + worker on http://127.0.0.1:$(PORT)
	DEMO_MODE=true $(BIN)/mijnservices migrate --no-input -v 0
	DEMO_MODE=true $(BIN)/mijnservices load-demo
	DEMO_MODE=true $(BIN)/mijnservices demo-employees
	DEMO_MODE=true SITE_URL=$(SITE_URL) $(BIN)/mijnservices demo-client
	DEMO_MODE=true SITE_URL=$(SITE_URL) PORT=$(PORT) $(BIN)/mijnservices run

system-deps: ## Install the Debian packages the tests and benchmarks start: Chromium, HAProxy, ClamAV, wrk (never a downloaded browser)
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing="$$missing haproxy"; \
	[ -x /usr/sbin/clamd ] || missing="$$missing clamav-daemon"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for the tests:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

check: install ## Lint, format, import layers, types, migrations and generated docs are up to date
	$(BIN)/ruff check src conftest.py
	$(BIN)/ruff format --check src conftest.py
	$(BIN)/lint-imports
	DEMO_MODE=true $(BIN)/mypy
	DEMO_MODE=true $(BIN)/mijnservices makemigrations --check --dry-run
	DEMO_MODE=true $(BIN)/mijnservices config-docs --check
	DEMO_MODE=true $(BIN)/mijnservices openapi --check

pytest: install system-deps conformance/node_modules/.installed ## Run the test suite only, in parallel (DATABASE_URL selects PostgreSQL)
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

soak: install ## Volume versions of tests that the suite runs small (worker kills, concurrency)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m soak $(PYTEST_ARGS)

test: check pytest conformance ## Set up and run every test: checks, unit, API and browser, VNG's ZGW suites

bench: install system-deps ## Benchmarks: portal, Zaken API (BENCH_ZAKEN zaken), notification delivery, citizen e-mails; DATABASE_URL for PostgreSQL; docs/performance.md
	DEMO_MODE=true VAR_DIR=var/bench $(BIN)/mijnservices bench portal --zaken $(BENCH_ZAKEN) --seconds $(BENCH_SECONDS)
	DEMO_MODE=true VAR_DIR=var/bench $(BIN)/mijnservices bench zaken-api --zaken $(BENCH_ZAKEN) --seconds $(BENCH_SECONDS)
	DEMO_MODE=true VAR_DIR=var/bench $(BIN)/mijnservices bench notifications --seconds $(BENCH_SECONDS)
	DEMO_MODE=true VAR_DIR=var/bench $(BIN)/mijnservices bench citizen-notifications --seconds $(BENCH_SECONDS)

conformance: install conformance/node_modules/.installed ## VNG's ZGW Postman suites (newman) against a live server; fails on failures not in conformance/expected-failures.yaml
	$(BIN)/python -m mijnservices.testing.conformance $(CONFORMANCE_ARGS)

clean: ## Remove the virtualenv, built assets and local data
	rm -rf $(VENV) frontend/node_modules conformance/node_modules src/mijnservices/static/nlds var
