"""hooks/csp_icons.py: every icon of Material's stylesheet becomes a file, and a change of format stops the build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers.hooks import build_hook

ICON_CSS = (
    ":root{--md-admonition-icon--note:"
    'url("data:image/svg+xml;charset=utf-8,<svg xmlns=%27x%27><path d=%27M1%27/></svg>")}'
)


@pytest.fixture(scope="module")
def csp_icons() -> Iterator[ModuleType]:
    """The hook as MkDocs loads it: with hooks/ on sys.path (it imports its sibling _buildlog)."""
    with build_hook("csp_icons") as module:
        yield module


def test_every_data_url_of_the_installed_theme_is_read(csp_icons: ModuleType) -> None:
    css = csp_icons.main_stylesheet().read_text(encoding="utf-8")
    found = csp_icons.icons(css)
    assert len(found) == css.count("data:image/svg") > 10
    assert all(svg.startswith("<svg") for svg in found.values())


def test_icon_is_decoded_from_its_url(csp_icons: ModuleType) -> None:
    assert csp_icons.icons(ICON_CSS) == {"--md-admonition-icon--note": "<svg xmlns='x'><path d='M1'/></svg>"}


@pytest.mark.parametrize(
    "changed",
    [
        ICON_CSS.replace('url("', "url('").replace('")', "')"),  # other quotes
        ICON_CSS.replace(";charset=utf-8", ""),  # no charset
        ICON_CSS.replace("--md-admonition-icon--note:", "--md-admonition-icon--note: "),  # unminified
        ICON_CSS + ICON_CSS.replace(":root", ".x"),  # the same property twice
    ],
)
def test_a_change_of_format_fails_the_build(csp_icons: ModuleType, changed: str) -> None:
    with pytest.raises(PluginError, match="update ICON in hooks/csp_icons.py"):
        csp_icons.icons(changed)


def test_no_stylesheet_or_several_fail_the_build(csp_icons: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="found 0"):
        csp_icons.main_stylesheet(tmp_path)
    for name in ("main.aaaa.min.css", "main.bbbb.min.css"):
        (tmp_path / name).write_text(ICON_CSS, encoding="utf-8")
    with pytest.raises(PluginError, match="found 2"):
        csp_icons.main_stylesheet(tmp_path)


def test_built_site_has_the_icons_as_files(built_site: Path) -> None:
    sheet = (built_site / "assets/stylesheets/csp-icons.css").read_text(encoding="utf-8")
    assert sheet.count('url("../images/csp/') == len(list((built_site / "assets/images/csp").glob("*.svg"))) > 10
