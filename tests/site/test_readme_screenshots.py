"""The README's "What it looks like" pictures (made by `make screenshots`): present, linked, small, real PNGs."""

from __future__ import annotations

import re
import struct

import pytest

from tests.helpers.docs import ROOT

SCREENSHOTS = ROOT / "screenshots"
NAMES = ("guide-fr.png", "checklist-zh-TW.png", "team-en.png")
LIMIT = 150 * 1024  # the README loads all three at once


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), which must come first."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", NAMES)
def test_screenshot_is_a_small_png(name: str) -> None:
    data = (SCREENSHOTS / name).read_bytes()
    assert len(data) < LIMIT, f"{name} is {len(data) // 1024} KB: rerun `make screenshots` (it compresses)"
    width, height = png_size(data)
    assert 800 <= width <= 1600 and 500 <= height <= 1200, (width, height)


def test_readme_shows_the_three_pictures_and_nothing_missing() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What it looks like", 1)[1].split("\n## ", 1)[0]
    shown = re.findall(r"!\[[^\]]+\]\((screenshots/[\w.-]+\.png)\)", section)
    assert shown == [f"screenshots/{name}" for name in NAMES]
    assert sorted(path.name for path in SCREENSHOTS.glob("*.png")) == sorted(NAMES), "unused or missing PNGs"


def test_png_reader_rejects_other_files() -> None:
    with pytest.raises(AssertionError):
        png_size(b"GIF89a" + bytes(30))
