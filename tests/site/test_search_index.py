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
