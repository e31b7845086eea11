# The two commands of the README: `make serve` and `make test`. Everything else they need is installed
# here, from the project's own files, so that a fresh machine (or CI) needs nothing by hand.
SHELL := bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

LOCALES := en fr zh_TW
POT := checklist/locale/checklist.pot
PO_FILES := $(foreach l,$(LOCALES),checklist/locale/$(l)/LC_MESSAGES/checklist.po)

.PHONY: help serve build test lint format deps system-deps catalogs-extract catalogs-update catalogs-compile clean
.PHONY: l10n-status l10n-refresh l10n-check bench audit pyodide-sha256

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000 with live reload"
	@echo "make test    install what is missing and run every test"
	@echo "make build   strict build into site/"
	@echo "make catalogs-extract | catalogs-update | catalogs-compile   checklist .po workflow"
	@echo "make audit   known vulnerabilities in npm and Python packages (skipped, with the reason, when offline)"
	@echo "make pyodide-sha256   record the Pyodide files the build ships (after reviewing a Pyodide upgrade)"
	@echo "make bench   checklist page (P1-P4, transfer size) in headless chromium, and the team engine at scale"
	@echo "make l10n-status   table page x language: up to date / stale / untracked / fallback / missing"
	@echo "make l10n-refresh PAGE=transition LANG=fr   mark a translation as made from the current English"
	@echo "make l10n-check    structure parity, glossary terms and catalogs of every translation"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[site,test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

# Debian's chromium (driven by Playwright, no browser download) and CJK fonts for screenshots.
system-deps:
	@if command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "noto sans cjk"; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "Please install chromium and fonts-noto-cjk (Debian packages) for the browser tests." >&2; fi

serve: deps
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000 --livereload

build: deps
	$(VENV)/bin/mkdocs build --strict

test: deps system-deps
	$(VENV)/bin/ruff check checklist hooks tests l10n bench
	$(VENV)/bin/ruff format --check checklist hooks tests l10n bench
	$(PY) -m tests.audit
	$(PY) -m pytest

# npm audit and pip-audit; each is skipped, saying why, when its advisory database cannot be reached.
audit: deps
	$(PY) -m tests.audit

# The SHA-256 of each Pyodide file the site ships (hooks/pyodide.sha256, checked by every build).
pyodide-sha256: deps
	$(PY) hooks/pyodide_integrity.py record

lint: deps
	$(VENV)/bin/ruff check checklist hooks tests l10n bench

format: deps
	$(VENV)/bin/ruff format checklist hooks tests l10n bench
	$(VENV)/bin/ruff check --fix checklist hooks tests l10n bench

catalogs-extract: deps
	$(VENV)/bin/pybabel extract --no-default-keywords --no-location --sort-output -k N_ -k NC_:1c,2 -k ctx:1c,2 \
	  --project=partner-center-checklist -o $(POT) checklist

catalogs-update: catalogs-extract
	$(VENV)/bin/pybabel update -i $(POT) -d checklist/locale -D checklist

catalogs-compile: deps
	$(VENV)/bin/pybabel compile --statistics -d checklist/locale -D checklist

# Localizer workflow (CONTRIBUTING.md). LANG is also the shell's locale variable: only a LANG given on the
# make command line selects a language, and the tools run with UTF-8 output whatever the locale says.
L10N := PYTHONUTF8=1 $(PY) -m l10n
L10N_LANG = $(if $(filter command line,$(origin LANG)),$(LANG))

l10n-status: deps
	@$(L10N) status

l10n-refresh: deps
	@if [ -z "$(PAGE)$(L10N_LANG)" ]; then \
	  echo "usage: make l10n-refresh PAGE=transition [LANG=fr]   (or LANG=fr alone for every page)" >&2; exit 2; fi
	@$(L10N) refresh $(if $(PAGE),--page $(PAGE)) $(if $(L10N_LANG),--lang $(L10N_LANG))

l10n-check: deps
	@$(L10N) check

# Figures for people, not pass/fail: the machines are shared and noisy, so compare ratios from one run.
bench: deps system-deps
	$(PY) bench/checklist_page.py
	$(PY) bench/team_scale.py

clean:
	rm -rf site build .pytest_cache
