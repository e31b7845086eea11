"""Outputs that mkdocs-static-i18n writes once for the whole site but readers need once per language.

- Search: the plugin stacks every language into one `search/search_index.json`, so French readers would get
  English and Chinese hits too. We write one index per language root (`search/`, `fr/search/`,
  `zh-TW/search/`), each with its lunr language; `overrides/assets/javascripts/site.js` points Material's
  search at the reader's one.
- 404 page: each language build writes `404.html` at the site root, the last one winning. We keep each
  language's copy under its root (`fr/404.html`) and put the default language's back at the root.
"""

from __future__ import annotations

import json
from pathlib import Path

from _buildlog import report
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

# lunr languages of Material's bundle. For Chinese, jieba segments the text at build time and lunr.zh's trimmer
# keeps CJK characters (the default one strips them as non-word characters).
LUNR_LANG = {"en": ["en"], "fr": ["fr"], "zh-TW": ["zh"]}
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


def language_of(location: str, locales: list[str]) -> str:
    """`fr/transition/#x` is French; a location without a language folder belongs to the default language."""
    first = location.split("/", 1)[0]
    return first if first in locales[1:] else locales[0]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def split_outputs(config: MkDocsConfig) -> None:
    with _report.timing():
        _split_outputs(config)


def _split_outputs(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    if _default_404 is not None:
        (site / "404.html").write_bytes(_default_404)
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    locales = languages(config)
    for locale in locales:
        docs = [d for d in index["docs"] if language_of(d["location"], locales) == locale]
        target = site / ("" if locale == locales[0] else locale) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        per_language = {**index, "config": {**index["config"], "lang": LUNR_LANG.get(locale, ["en"])}, "docs": docs}
        target.write_text(json.dumps(per_language, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    _report.produced = f"a search index and a 404 page per language ({', '.join(locales)})"


on_post_build = CombinedEvent(keep_language_404, split_outputs)
