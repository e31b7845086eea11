"""Material's search worker and lunr files are not shipped: the site's search is its own worker, and the service
worker would otherwise keep ~1.2 MB of unused files (hooks/unused_assets.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers.hooks import build_hook

with build_hook("unused_assets") as unused_assets:
    remove_unused = unused_assets.remove_unused


def test_the_built_site_has_no_material_search_files_and_the_offline_list_names_none(built_site: Path) -> None:
    assert not (built_site / "assets/javascripts/lunr").exists()
    assert not (built_site / "assets/javascripts/workers").exists()
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"^const MANIFEST = (\{.*\});$", sw, re.MULTILINE).group(1))["files"]
    assert [name for name in files if "lunr" in name or "workers/" in name] == []
    assert any(name.startswith("assets/javascripts/search/") for name in files)  # the site's own search stays


def test_a_page_that_still_names_a_removed_file_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.fr.min.js").write_text("/* lunr */")
    (tmp_path / "index.html").write_text('<script src="assets/javascripts/lunr/min/lunr.fr.min.js"></script>')
    with pytest.raises(PluginError, match="index.html"):
        remove_unused(tmp_path)


def test_removal_counts_what_it_removed(tmp_path: Path) -> None:
    (tmp_path / "assets/javascripts/workers").mkdir(parents=True)
    (tmp_path / "assets/javascripts/workers/search.1234.min.js").write_bytes(b"x" * 300)
    (tmp_path / "index.html").write_text("<p>no search worker named</p>")
    assert remove_unused(tmp_path) == 300
    assert not (tmp_path / "assets/javascripts/workers").exists()
