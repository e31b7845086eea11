"""Outputs that mkdocs-static-i18n writes once for the whole site but readers need once per language.

- Search: one index per language root, written by `hooks/search_index.py`.
- 404 page: each language build writes `404.html` at the site root, the last one winning. We keep each
  language's copy under its root (`fr/404.html`) and put the default language's back at the root.
"""

from __future__ import annotations

from pathlib import Path

from _buildlog import report
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

_report = report("per_language_outputs")


def languages(config: MkDocsConfig) -> list[str]:
    return [lang["locale"] for lang in config.plugins["i18n"].config.languages if lang["build"]]


_default_404: bytes | None = None


def keep_language_404(config: MkDocsConfig) -> None:
    """Runs once per language build, right after that language wrote its 404.html at the site root."""
    global _default_404
    site = Path(config.site_dir)
    page = site / "404.html"
    locale = config.theme["language"]
    if not page.exists():
        return
    if locale == languages(config)[0]:
        _default_404 = page.read_bytes()
    else:
        (site / locale).mkdir(exist_ok=True)
        (site / locale / "404.html").write_bytes(page.read_bytes())


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def restore_default_404(config: MkDocsConfig) -> None:
    with _report.timing():
        if _default_404 is not None:
            (Path(config.site_dir) / "404.html").write_bytes(_default_404)
        _report.produced = f"a 404 page per language ({', '.join(languages(config))})"


on_post_build = CombinedEvent(keep_language_404, restore_default_404)
