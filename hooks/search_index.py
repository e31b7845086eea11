"""One search index per language, in the shape the site's own search worker reads.

Material's search plugin (with mkdocs-static-i18n) writes one `search/search_index.json` holding every language,
its text already cut by jieba for Chinese (with `\\u200b` between the pieces, and Traditional Chinese words cut
in the wrong places because jieba's dictionary is Simplified). This hook, after the merge, writes one index per
language root (`search/`, `fr/search/`, `zh-TW/search/`) with:

- `docs`: that language's pages and sections, locations relative to the language root (the page's `__config`
  sets Material's `base` to that root, so Material fetches this file and resolves result links with no patch),
  title and text as plain text (tags and `\\u200b` removed: the worker does its own analysis);
- `config.pct`: what the worker needs beyond Material's fields: the language, the reference pages (ranked
  below the guides unless the query is a term), the synonyms readers type and the question words that never
  weigh (l10n/search/<language>.yml and the termbase), and for Chinese the dictionary of words kept whole.

The worker (`overrides/assets/javascripts/search/`) analyses these documents and the query with the same code,
so the index and the query are always cut the same way. How it ranks: ARCHITECTURE.md, "Search".
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from _buildlog import report
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from l10n.glossary import Term, Variant, load_termbase, load_variants

_report = report("search_index")

# Pages that repeat the guides' terms without explaining them: the generated glossary and translation-status
# tables, and the home page, whose summaries point to the guides. They rank below the guides that contain the
# same words, so that a reader lands on the page that explains. ("" is the home page, relative to its root.)
REFERENCE_PAGES = ("", "glossary/", "translation-status/")
# The page that lists every term: a query it holds in the reader's order is a term, which reference pages may
# answer first; any other query is a question, which the guides answer.
GLOSSARY_PAGE = "glossary/"

# How readers ask, per language (l10n/search/<language>.yml, reviewed like the termbase): the question words
# that never weigh, the synonym lists (the guide's own form first) and, for Chinese, the words kept whole.
SEARCH_WORDS = Path(__file__).resolve().parents[1] / "l10n" / "search"


def search_words(language: str, folder: Path = SEARCH_WORDS) -> dict[str, list[Any]]:
    """One language's search words; a missing file means none, a malformed one fails the build naming it."""
    path = folder / f"{language}.yml"
    if not path.exists():
        return {"question_words": [], "synonyms": [], "words": []}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words = {key: data.get(key) or [] for key in ("question_words", "synonyms", "words")}
    groups = words["synonyms"]
    if not all(isinstance(group, list) and all(isinstance(form, str) for form in group) for group in groups):
        raise ValueError(f"{path}: `synonyms` must be lists of words")
    if not all(isinstance(word, str) for word in [*words["question_words"], *words["words"]]):
        raise ValueError(f"{path}: `question_words` and `words` must be lists of words")
    return words


class _Text(HTMLParser):
    """Plain text of Material's index HTML (`<p>`, `<code>`, lists): block ends become spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


def plain(markup: str) -> str:
    """Text without tags, entities or the zero-width spaces Material's jieba pass inserts."""
    parser = _Text()
    parser.feed(markup.replace("\u200b", ""))
    parser.close()
    return re.sub(r"\s+", " ", html.unescape("".join(parser.parts))).strip()


class _Defined(HTMLParser):
    """The terms a page defines (`<dt>`, the guide's definition lists: "Microsoft Action Pack subscription",
    "Global admin credentials…"), per section as Material's index locates it (`page/#id`, the page itself
    before its first subheading)."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url, self.location, self.depth = url, url, 0
        self.found: dict[str, list[str]] = {}
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if re.fullmatch(r"h[2-6]", tag) and ident:
            self.location = f"{self.url}#{ident}"
        elif tag == "dt":
            self.depth, self.parts = 1, []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt" and self.depth:
            self.depth = 0
            text = re.sub(r"\s+", " ", "".join(self.parts).replace("\u200b", "")).strip()
            if text:
                self.found.setdefault(self.location, []).append(text)


# Per location (`fr/membership/#membership-options`), the terms its section defines, gathered page by page while
# every language is built and written into the indexes after the last one.
_DEFINED: dict[str, list[str]] = {}


def defined(html_text: str, url: str) -> dict[str, list[str]]:
    """The `<dt>` texts of a page's HTML per section location."""
    parser = _Defined(url)
    parser.feed(html_text)
    parser.close()
    return parser.found


def definition_spans(text: str, terms: list[str]) -> list[list[int]]:
    """Where each defined term stands in a section's plain text ([start, end], in order): the worker counts
    the words there as a heading's (a definition answers "what is…" as a heading does)."""
    spans, at = [], 0
    for term in terms:
        start = text.find(term, at)
        if start >= 0:
            spans.append([start, start + len(term)])
            at = start + len(term)
    return spans


def languages(config: MkDocsConfig) -> list[str]:
    return [lang["locale"] for lang in config.plugins["i18n"].config.languages if lang["build"]]


def language_of(location: str, locales: list[str]) -> str:
    """`fr/transition/#x` is French; a location without a language folder belongs to the default language."""
    first = location.split("/", 1)[0]
    return first if first in locales[1:] else locales[0]


def _forms(term: Term, language: str) -> list[str]:
    """The term's name (without a trailing `(ABBR)`) and its match forms in one language."""
    forms = [re.sub(r"\s*\([^)]*\)\s*$", "", term.names.get(language, "")).strip()]
    forms += list(term.match.get(language, ()))
    return [form for form in dict.fromkeys(forms) if form]


def synonyms(language: str, terms: list[Term], variants: list[Variant] = ()) -> list[list[str]]:
    """Synonym lists for one language: ours; per termbase entry the language's forms, its `avoid` forms
    (misspellings seen in the sources) and the English name, which readers of the translations often type; and
    the termbase's `variants` (訂閱 for the guide's 訂用帳戶, 小組 for 團隊): words the guide must not use, so
    readers who use them find the guide's word."""
    lists = [list(group) for group in search_words(language)["synonyms"]]
    for term in terms:
        group = _forms(term, language) + list(term.avoid.get(language, ()))
        if language != "en":
            group += _forms(term, "en")
        group = list(dict.fromkeys(group))
        if len(group) > 1:
            lists.append(group)
    lists += [[variant.use, variant.wrong] for variant in variants]
    return lists


def zh_dictionary(terms: list[Term], variants: list[Variant] = ()) -> list[str]:
    """Chinese words kept whole (the user dictionary): every Chinese termbase form, variant and synonym, and
    the `words` of l10n/search/zh-TW.yml (the worker adds the question words itself).

    Only runs of Chinese characters are dictionary words; "Microsoft 合作夥伴網路" contributes "合作夥伴網路".
    """
    own = search_words("zh-TW")
    words: list[str] = list(own["words"])
    for term in terms:
        for form in _forms(term, "zh-TW") + list(term.avoid.get("zh-TW", ())):
            words += re.findall(r"[\u3400-\u9fff\uf900-\ufaff]{2,}", form)
    for group in [*own["synonyms"], *([v.use, v.wrong] for v in variants)]:
        for form in group:
            words += re.findall(r"[\u3400-\u9fff\uf900-\ufaff]{2,}", form)
    return sorted(set(words), key=lambda word: (-len(word), word))


def language_index(
    index: dict[str, Any],
    locale: str,
    locales: list[str],
    terms: list[Term],
    variants: list[Variant] = (),
    definitions: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The index one language's readers get: its documents relative to its root (with where the terms they
    define stand, `defines`), and the worker's settings."""
    definitions = definitions or {}
    prefix = "" if locale == locales[0] else f"{locale}/"
    docs = []
    for doc in index["docs"]:
        if language_of(doc["location"], locales) != locale:
            continue
        entry = {"location": doc["location"][len(prefix) :], "title": plain(doc["title"]), "text": plain(doc["text"])}
        spans = definition_spans(entry["text"], definitions.get(doc["location"], []))
        if spans:
            entry["defines"] = spans
        if "boost" in doc:
            entry["boost"] = doc["boost"]
        docs.append(entry)
    settings: dict[str, Any] = {
        "language": locale,
        "reference": list(REFERENCE_PAGES),
        "glossary": GLOSSARY_PAGE,
        "synonyms": synonyms(locale, terms, variants),
        "questionWords": search_words(locale)["question_words"],
    }
    if locale.startswith("zh"):
        settings["dictionary"] = zh_dictionary(terms, variants)
    lang = ["zh"] if locale.startswith("zh") else [locale]
    return {"config": {**index["config"], "lang": lang, "pct": settings}, "docs": docs}


def search_root(config: MkDocsConfig) -> str:
    """The language folder of the pages being built (`fr/`, or "" for the default language)."""
    locales = languages(config)
    locale = config.theme["language"]
    return "" if locale == locales[0] or locale not in locales else f"{locale}/"


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """`search_root` for the `__config` block (overrides/partials/search-config.html), which points Material's
    `base` at the reader's language root."""
    context["search_root"] = search_root(config)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The same for pages built from a template alone (404.html), which have no page context."""
    context["search_root"] = search_root(config)
    return context


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    """Remember the terms the page defines (Material's index keeps no trace of `<dt>`)."""
    _DEFINED.update(defined(html_text, page.url))
    return html_text


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    with _report.timing():
        _write_indexes(config)


def _write_indexes(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    locales = languages(config)
    terms = load_termbase()
    variants = load_variants()
    for locale in locales:
        target = site / ("" if locale == locales[0] else locale) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        per_language = language_index(index, locale, locales, terms, variants.get(locale, []), _DEFINED)
        target.write_text(json.dumps(per_language, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    _report.produced = f"a search index per language ({', '.join(locales)})"
