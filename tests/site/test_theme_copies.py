"""Our copies of Material's templates still match the installed theme, so that an upgrade says what to re-copy.

Each file of overrides/ that replaces one of Material's (or a block of its base.html) was made from a given
version of that file. We record the SHA-256 of that theme source, not of our copy: our copies differ on purpose
(inline scripts moved to files for the CSP, storage guarded, the logo's size, translated words), so comparing
the copy itself would need a list of intentional differences that every edit would have to keep in step. The
source's hash does not change when we edit our copy, and changes exactly when Material changes the original.

When a test here fails after upgrading mkdocs-material: diff the named theme file against the previous version
(`pip download mkdocs-material==<old>` or the theme's git history), carry the change into our copy, then put
the new hash (printed in the failure) in COPIES.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.helpers.docs import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# our file (under overrides/) → (the theme source it was made from, under material/templates/, SHA-256 prefix).
# A "base.html#name" source is the `{% block name %}` of Material's base.html.
COPIES: dict[str, tuple[str, str]] = {
    "partials/content.html": ("partials/content.html", "ce33929c85af129f"),
    "partials/copyright.html": ("partials/copyright.html", "bc86bca3bf75070f"),
    "partials/logo.html": ("partials/logo.html", "e0925ef6c190174a"),
    "partials/search.html": ("partials/search.html", "bfd556535abcddb9"),
    "partials/javascripts/base.html": ("partials/javascripts/base.html", "d6113712bc4deb30"),
    "partials/javascripts/content.html": ("partials/javascripts/content.html", "3722e156f0f6339d"),
    "partials/javascripts/palette.html": ("partials/javascripts/palette.html", "8790389765ea6036"),
    "main.html#site_meta": ("base.html#site_meta", "e306b9472bf91403"),
    "main.html#htmltitle": ("base.html#htmltitle", "8ebd0d3f80cb7be8"),
    "main.html#config": ("base.html#config", "b84001acaa9dc379"),  # copied into partials/search-config.html
}

# Files of overrides/ named like one of Material's that are not copies of it (nothing to keep in step).
NOT_COPIES = {
    "main.html",  # Material's main.html is a bare `extends "base.html"`; ours overrides blocks (tracked above)
    "404.html",  # our own page in each language, not Material's
}


def theme_source(source: str) -> str:
    """The text of a theme file, or of one `{% block %}` of it ("base.html#site_meta")."""
    path, _, block = source.partition("#")
    text = (THEME / path).read_text(encoding="utf-8")
    if not block:
        return text
    found = re.search(r"\{% block " + re.escape(block) + r" %\}.*?\{% endblock %\}", text, re.S)
    assert found, f"Material's {path} has no block {block!r} any more: see what replaced it before re-copying"
    return found.group(0)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("ours", sorted(COPIES))
def test_copied_template_matches_installed_theme(ours: str) -> None:
    source, recorded = COPIES[ours]
    current = digest(theme_source(source))
    assert current == recorded, (
        f"Material's {source} changed since overrides/{ours} was copied from it: re-copy the change into "
        f"overrides/{ours} (keeping our intentional differences), then set its hash to {current!r} in "
        "tests/site/test_theme_copies.py"
    )


def test_copy_exists_where_recorded() -> None:
    """A stale entry (our file renamed or removed) would leave an override untracked without a word."""
    missing = [ours for ours in COPIES if not (OVERRIDES / ours.partition("#")[0]).is_file()]
    assert not missing, f"COPIES lists files that overrides/ no longer has: {missing}"
    blocks = [ours for ours in COPIES if "#" in ours]
    for ours in blocks:
        path, _, block = ours.partition("#")
        assert f"{{% block {block} %}}" in (OVERRIDES / path).read_text(encoding="utf-8"), ours


def test_every_override_of_a_theme_file_is_tracked() -> None:
    """A new copy of a Material template must be added to COPIES, or it will silently drift on upgrade."""
    shadowing = {
        str(path.relative_to(OVERRIDES))
        for path in OVERRIDES.rglob("*.html")
        if (THEME / path.relative_to(OVERRIDES)).is_file()
    }
    tracked = {ours.partition("#")[0] for ours in COPIES} | NOT_COPIES
    untracked = sorted(shadowing - tracked)
    assert not untracked, (
        f"overrides/ replaces Material's {untracked} without recording which theme file it was copied from: "
        f"add them to COPIES in tests/site/test_theme_copies.py (hash: digest of the theme file)"
    )


def test_digest_tells_a_changed_theme_file_apart() -> None:
    """The check can fail: one changed character of a theme source gives another hash."""
    text = theme_source("partials/javascripts/base.html")
    assert digest(text) != digest(text.replace("localStorage", "sessionStorage"))
