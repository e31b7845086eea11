"""Localization tooling for the guide: source tracking, structure parity, termbase, catalog checks.

Pure functions over files (no MkDocs needed except to read mkdocs.yml), so that the same code serves the
command line (`python -m l10n`), the build hook (`hooks/translations.py`) and the tests.
"""
