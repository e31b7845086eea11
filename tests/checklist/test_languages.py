"""One list of languages: mkdocs.yml's i18n plugin declares it, everything else derives it. The engine reads
it from the catalogs it ships (it runs under Pyodide, where there is no mkdocs.yml): both must say the same."""

from __future__ import annotations

import re
from pathlib import Path

from checklist import i18n
from checklist.plan import LANGUAGE_PREFIX
from l10n.project import load

ROOT = Path(__file__).resolve().parents[2]


def test_the_engine_knows_the_languages_of_mkdocs_yml_and_no_other() -> None:
    site = load(ROOT).languages
    assert site[0] == i18n.DEFAULT_LANGUAGE
    assert sorted(i18n.LANGUAGES) == sorted(site)


def test_each_language_links_into_its_own_folder() -> None:
    assert {lang: "/" if lang == "en" else f"/{lang}/" for lang in load(ROOT).languages} == LANGUAGE_PREFIX


# A module-level name set to the three tags (a tuple, a list), or the Makefile's LOCALES.
SPELLED = re.compile(r'^[A-Z_]+\b[^=\n]*= .*"en"\W+"fr"\W+"zh[-_]TW"', re.MULTILINE)


def test_no_other_file_spells_the_list_of_languages() -> None:
    """The list the project used to copy into the engine, the Makefile and the tests (issue 26). The fixture
    projects of tests/l10n have languages of their own, and the search helper's files are another issue's."""
    sources = [*ROOT.glob("checklist/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("l10n/*.py")]
    sources += [*ROOT.glob("deploy/*.py"), *ROOT.glob("tools/*.py")]
    copies = sorted(p.relative_to(ROOT).as_posix() for p in sources if SPELLED.search(p.read_text(encoding="utf-8")))
    assert copies == ["tests/helpers/l10n_fixture.py"]
    assert not re.search(r"^LOCALES\b", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)


def test_nginx_has_no_list_of_languages() -> None:
    """Its 404 rule picks the folder's own 404 page, whichever languages the build made."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert not re.search(r"^[^#]*\bfr\b", conf, re.MULTILINE)
