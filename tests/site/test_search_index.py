"""The per-language search indexes written by hooks/search_index.py: what the worker gets, per language."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from l10n.glossary import load_termbase
from tools.site_server import ROOT


def hook() -> ModuleType:
    """The hook module, loaded as MkDocs loads it (hooks/ on sys.path, for `_buildlog`)."""
    if str(ROOT / "hooks") not in sys.path:
        sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("search_index_hook", ROOT / "hooks" / "search_index.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plain_text_drops_tags_entities_and_zero_width_spaces() -> None:
    assert hook().plain("<p>合作\u200b夥伴 &amp; <code>page.fr.md</code></p><ul><li>a</li><li>b</li></ul>") == (
        "合作夥伴 & page.fr.md a b"
    )


def test_termbase_gives_synonyms_in_each_language_and_the_chinese_dictionary() -> None:
    search_index = hook()
    terms = load_termbase()
    fr = search_index.synonyms("fr", terms)
    assert ["Université des partenaires", "Partner University"] in fr  # the English name in the French box
    assert any("ActionPack" in group for group in fr)  # a misspelling the termbase lists under `avoid`
    dictionary = search_index.zh_dictionary(terms)
    for word in ("合作夥伴大學", "合作夥伴中心", "暫時密碼", "系統管理代理人", "專長認證", "臨時密碼"):
        assert word in dictionary, word
    assert all(len(word) >= 2 and word.strip() == word for word in dictionary)


@pytest.fixture(scope="module")
def indexes(built_site: Path) -> dict[str, dict[str, Any]]:
    return {
        language: json.loads((built_site / root / "search" / "search_index.json").read_text(encoding="utf-8"))
        for language, root in (("en", ""), ("fr", "fr"), ("zh-TW", "zh-TW"))
    }


def test_each_language_root_has_its_own_documents_relative_to_that_root(indexes: dict[str, dict[str, Any]]) -> None:
    for language, index in indexes.items():
        locations = [doc["location"] for doc in index["docs"]]
        assert "transition/" in locations and "glossary/" in locations, language
        assert not [loc for loc in locations if loc.startswith(("fr/", "zh-TW/"))], language
        assert index["config"]["pct"]["language"] == language
        text = json.dumps(index["docs"], ensure_ascii=False)
        assert "\u200b" not in text and "<p>" not in text, language
    assert "dictionary" in indexes["zh-TW"]["config"]["pct"] and "dictionary" not in indexes["fr"]["config"]["pct"]
    french = " ".join(doc["text"] for doc in indexes["fr"]["docs"])
    assert "mot de passe temporaire" in french


def test_search_words_of_each_language_reach_the_synonyms_and_the_dictionary() -> None:
    """l10n/search/<language>.yml: the readers' verbs and words (issue 24) become synonym lists, the Chinese
    ones dictionary words, the question words a setting of the index; no form means two things."""
    search_index = hook()
    terms = load_termbase()
    for language in ("en", "fr", "zh-TW"):
        words = search_index.search_words(language)
        assert words["question_words"] and words["synonyms"], language
        forms = [form.casefold() for group in words["synonyms"] for form in group]
        assert len(forms) == len(set(forms)), (language, sorted({f for f in forms if forms.count(f) > 1}))
    groups = {language: search_index.synonyms(language, terms) for language in ("en", "fr", "zh-TW")}
    assert any({"connect", "link"} <= set(group) for group in groups["en"])
    assert any({"demander", "réserver"} <= set(group) for group in groups["fr"])
    assert any({"連接", "連結"} <= set(group) for group in groups["zh-TW"])
    assert any({"雲端服務", "點數"} <= set(group) for group in groups["zh-TW"])
    dictionary = search_index.zh_dictionary(terms)
    assert {"連結", "點數", "過期"} <= set(dictionary)


def test_a_malformed_search_words_file_fails_the_build_naming_it(tmp_path: Path) -> None:
    search_index = hook()
    (tmp_path / "fr.yml").write_text("synonyms:\n  - relier\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fr\.yml: `synonyms` must be lists of words"):
        search_index.search_words("fr", tmp_path)
    assert search_index.search_words("de", tmp_path) == {"question_words": [], "synonyms": [], "words": []}


def test_each_index_carries_its_question_words(indexes: dict[str, dict[str, Any]]) -> None:
    assert "how" not in indexes["en"]["config"]["pct"]["questionWords"]  # built in (analyze.js), not repeated
    assert "still" in indexes["en"]["config"]["pct"]["questionWords"]
    assert "comment" in indexes["fr"]["config"]["pct"]["questionWords"]
    assert "為什麼" in indexes["zh-TW"]["config"]["pct"]["questionWords"]


def test_the_terms_a_section_defines_are_located_in_its_plain_text() -> None:
    """Material's index keeps no `<dt>`: the hook finds them in the page's HTML, per section, and gives where
    they stand in the section's text (`defines`), so that the worker can read them as headings."""
    search_index = hook()
    html = (
        '<h1 id="top">Membership</h1><p>Intro.</p><h2 id="options">Options</h2>'
        "<dl><dt>Network <em>membership</em></dt><dd>The core level.</dd><dt>Action Pack</dt><dd>Yearly.</dd></dl>"
    )
    found = search_index.defined(html, "fr/membership/")
    assert found == {"fr/membership/#options": ["Network membership", "Action Pack"]}, found
    text = "Network membership The core level. Action Pack Yearly."
    assert search_index.definition_spans(text, found["fr/membership/#options"]) == [[0, 18], [35, 46]]
    merged = {"config": {}, "docs": [{"location": "fr/membership/#options", "title": "Options", "text": text}]}
    (doc,) = search_index.language_index(merged, "fr", ["en", "fr"], [], [], found)["docs"]
    assert doc["location"] == "membership/#options" and doc["defines"] == [[0, 18], [35, 46]], doc


def test_a_language_without_search_words_still_gets_an_index(tmp_path: Path) -> None:
    """Issue 26: a language added to mkdocs.yml with no l10n/search/<language>.yml builds; the worker gives it
    the plain analyzer (test_search_questions.py)."""
    search_index = hook()
    assert search_index.search_words("de", tmp_path) == {"question_words": [], "synonyms": [], "words": []}
    merged = {"config": {}, "docs": [{"location": "de/", "title": "Start", "text": "<p>Größe</p>"}]}
    index = search_index.language_index(merged, "de", ["en", "de"], [], [])
    assert index["config"]["pct"]["language"] == "de" and "dictionary" not in index["config"]["pct"], index
    assert index["docs"] == [{"location": "", "title": "Start", "text": "Größe"}], index
