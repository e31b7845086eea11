# The two commands of the README: `make serve` and `make test`. Everything else they need is installed
# here, from the project's own files, so that a fresh machine (or CI) needs nothing by hand.
SHELL := bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# The languages are mkdocs.yml's (plugins.i18n.languages) and nowhere else: the engine finds its catalogs in
# checklist/locale/, made for a new language with `make catalogs-init LANG=de` (README, "Add a language").
POT := checklist/locale/checklist.pot

.PHONY: help serve build dist lock test lint format deps system-deps catalogs-extract catalogs-init catalogs-update catalogs-compile clean
.PHONY: l10n-status l10n-refresh l10n-check l10n-export l10n-import bench screenshots audit pyodide-sha256

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000 with live reload"
	@echo "make test    install what is missing and run every test"
	@echo "make build   strict build into site/"
	@echo "make dist SITE_URL=https://partners.example.org/guide/   the deployable folder dist/ (README, Publish)"
	@echo "make catalogs-extract | catalogs-update | catalogs-compile   checklist .po workflow"
	@echo "make catalogs-init LANG=de   the checklist catalog of a new language (README, Add a language)"
	@echo "make screenshots   the README's three pictures (screenshots/*.png), and the browser tests' pictures (artifacts/screenshots/)"
	@echo "make audit   known vulnerabilities in npm and Python packages (skipped, with the reason, when offline)"
	@echo "make pyodide-sha256   record the Pyodide files the build ships (after reviewing a Pyodide upgrade)"
	@echo "make bench   checklist page (P1-P4, transfer size) in headless chromium, the team engine at scale, search"
	@echo "make l10n-status   table page x language: up to date / stale / untracked / fallback / missing"
	@echo "make l10n-refresh PAGE=transition LANG=fr   mark a translation as made from the current English"
	@echo "make l10n-check    structure parity, glossary terms and catalogs of every translation"
	@echo "make l10n-export LANG=fr [PAGE=transition]   one XLIFF 1.2 file per page in build/xliff/fr/"
	@echo "make l10n-import FILE=build/xliff/fr/transition.fr.xlf   write a translation tool's work back"

# Installed from the lock file (exact versions and their hashes, every transitive dependency), then the project
# itself without its dependencies. `make lock` rewrites requirements.lock after a change in pyproject.toml.
# Quiet on success: one line saying what is being installed, then only what needs action (pip's and npm's
# errors). setuptools' "Editable installation" notice is information only: filtered by its message.
$(VENV)/.installed: pyproject.toml requirements.lock
	@echo "Installing the Python packages into $(VENV) (requirements.lock: site, test, screenshots)"
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip install --quiet --no-deps -e .
	@touch $@

lock:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra site --extra test --extra screenshots \
	  --output-file requirements.lock pyproject.toml

node_modules/.installed: package.json package-lock.json
	@echo "Installing the npm packages into node_modules (package-lock.json: Pyodide, axe-core)"
	@npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

deps: $(VENV)/.installed node_modules/.installed

# Debian's chromium (driven by Playwright, no browser download), CJK fonts for screenshots, gettext (msgfmt --check
# on the catalogs, in make l10n-check and the tests), and nginx with its brotli_static module: the publishing tests
# serve dist/ with the shipped deploy/nginx.conf (RUNLEVEL=1: the package must not start a system nginx on port 80;
# the tests run their own in the foreground).
SYSTEM_PACKAGES := chromium fonts-noto-cjk gettext nginx libnginx-mod-http-brotli-static
system-deps:
	@if command -v chromium >/dev/null && command -v msgfmt >/dev/null && fc-list 2>/dev/null | grep -qi "noto sans cjk" \
	  && { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } && ls /usr/lib/nginx/modules/*brotli_static* >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "Please install $(SYSTEM_PACKAGES) (Debian packages) for the browser and nginx tests." >&2; fi

# Follows every source, not only docs/: the engine, the hooks and the theme overrides rebuild the site (and the
# pre-rendered checklist), PORT=8001 for another port.
PORT ?= 8000
serve: deps
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:$(PORT) --livereload \
	  -w checklist -w hooks -w overrides -w l10n -w mkdocs.yml

# The deployable folder for SITE_URL (see README, "Publish"): strict build, content-hashed assets, .br/.gz
# beside each compressible file, _headers/_redirects; deploy/nginx.conf is the server configuration.
SITE_URL ?= http://127.0.0.1:$(PORT)/
dist: deps
	rm -rf dist
	SITE_URL=$(SITE_URL) $(VENV)/bin/mkdocs build --strict -d dist
	$(PY) -m deploy.dist dist --site-url $(SITE_URL)

build: deps
	$(VENV)/bin/mkdocs build --strict

# Two pytest-xdist workers (TEST_WORKERS=0 for one process): the site is built once and shared by both, and a
# test module stays on one worker, so its module fixtures (a dist/ behind nginx) are made once.
TEST_WORKERS ?= 2
test: deps system-deps
	$(VENV)/bin/ruff check checklist hooks tests l10n bench tools deploy
	$(VENV)/bin/ruff format --check checklist hooks tests l10n bench tools deploy
	$(PY) -m tools.audit
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=15

# npm audit and pip-audit; each is skipped, saying why, when its advisory database cannot be reached.
audit: deps
	$(PY) -m tools.audit

# The SHA-256 of each Pyodide file the site ships (hooks/pyodide.sha256, checked by every build).
pyodide-sha256: deps
	$(PY) hooks/pyodide_integrity.py record

lint: deps
	$(VENV)/bin/ruff check checklist hooks tests l10n bench tools deploy

format: deps
	$(VENV)/bin/ruff format checklist hooks tests l10n bench tools deploy
	$(VENV)/bin/ruff check --fix checklist hooks tests l10n bench tools deploy

catalogs-extract: deps
	$(VENV)/bin/pybabel extract --no-default-keywords --no-location --sort-output -k N_ -k NC_:1c,2 -k NP_:1,2 -k ctx:1c,2 \
	  --project=partner-center-checklist -o $(POT) checklist

catalogs-init: deps  # from the committed checklist.pot (the tests keep it current): only the new catalog changes
	@if [ -z "$(L10N_LANG)" ]; then echo "usage: make catalogs-init LANG=de (the locale of mkdocs.yml)" >&2; exit 2; fi
	$(VENV)/bin/pybabel init -i $(POT) -d checklist/locale -D checklist -l $(subst -,_,$(L10N_LANG))
	$(VENV)/bin/pybabel compile -d checklist/locale -D checklist -l $(subst -,_,$(L10N_LANG))

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
	  echo "usage: make l10n-refresh PAGE=transition [LANG=fr] [UNCHANGED=1]   (or LANG=fr alone for every page)" >&2; \
	  exit 2; fi
	@$(L10N) refresh $(if $(PAGE),--page $(PAGE)) $(if $(L10N_LANG),--lang $(L10N_LANG)) $(if $(UNCHANGED),--unchanged)

l10n-check: deps system-deps
	@$(L10N) check

l10n-export: deps
	@if [ -z "$(L10N_LANG)" ]; then echo "usage: make l10n-export LANG=fr [PAGE=transition]" >&2; exit 2; fi
	@$(L10N) export --lang $(L10N_LANG) $(if $(PAGE),--page $(PAGE))

l10n-import: deps
	@if [ -z "$(FILE)" ]; then echo "usage: make l10n-import FILE=build/xliff/fr/transition.fr.xlf" >&2; exit 2; fi
	@$(L10N) import $(FILE)

# Figures for people, not pass/fail: the machines are shared and noisy, so compare ratios from one run.
bench: deps system-deps
	$(PY) bench/checklist_page.py
	$(PY) bench/team_scale.py
	$(VENV)/bin/mkdocs build --strict -q && $(PY) bench/search_worker.py

# The README's pictures (commit them when the pages they show change), then every picture the browser tests
# take along their journeys, in artifacts/screenshots/ (git-ignored), for a person to look at.
screenshots: deps system-deps
	$(PY) tools/screenshots.py
	PCT_PICTURES=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile -m browser -q

clean:
	rm -rf site dist build .pytest_cache
