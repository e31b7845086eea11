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

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000 with live reload"
	@echo "make test    install what is missing and run every test"
	@echo "make build   strict build into site/"
	@echo "make catalogs-extract | catalogs-update | catalogs-compile   checklist .po workflow"

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
	$(VENV)/bin/ruff check checklist hooks tests
	$(VENV)/bin/ruff format --check checklist hooks tests
	$(PY) -m pytest

lint: deps
	$(VENV)/bin/ruff check checklist hooks tests

format: deps
	$(VENV)/bin/ruff format checklist hooks tests
	$(VENV)/bin/ruff check --fix checklist hooks tests

catalogs-extract: deps
	$(VENV)/bin/pybabel extract --no-location --sort-output -k N_ -k NC_:1c,2 -k ctx:1c,2 \
	  --project=partner-center-checklist -o $(POT) checklist

catalogs-update: catalogs-extract
	$(VENV)/bin/pybabel update -i $(POT) -d checklist/locale -D checklist

catalogs-compile: deps
	$(VENV)/bin/pybabel compile --statistics -d checklist/locale -D checklist

clean:
	rm -rf site build .pytest_cache
