"""Source tracking: a translation records the hash of the English it was made from; stale when English changes."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n import status
from l10n.cli import main
from l10n.history import file_hash, last_changed
from l10n.markdown import split_front_matter
from l10n.project import Project, load
from l10n.status import CURRENT, FALLBACK, MISSING, STALE, UNTRACKED
from tests.helpers.docs import LANGUAGES, PAGES, ROOT
from tests.helpers.l10n_fixture import ENGLISH, FRENCH

GIT = shutil.which("git")


def test_refresh_records_the_english_hash_after_the_translation_kind(make_project: Callable[..., Project]) -> None:
    project = make_project(move=ENGLISH, move__fr=FRENCH)
    translation = project.docs / "move.fr.md"
    old, new = status.refresh(project, translation)
    assert old is None and new == file_hash(project.docs / "move.md")
    text = translation.read_text(encoding="utf-8")
    assert f"translation: machine\nsource_hash: {new}\nsource_sections:\n  _top: " not in text  # no intro text
    assert f"translation: machine\nsource_hash: {new}\nsource_sections:\n  move: " in text  # after `translation:`
    assert re.sub(r"source_hash: \w+\nsource_sections:\n(  .*\n)+", "", text) == FRENCH  # the body intact
    assert status.refresh(project, translation) == (new, new)  # refreshing twice changes nothing


def test_a_changed_english_sentence_makes_every_translation_stale_until_refreshed(
    make_project: Callable[..., Project],
) -> None:
    project = make_project(move=ENGLISH, move__fr=FRENCH, **{"move.zh-TW": FRENCH})
    for language in ("fr", "zh-TW"):
        status.refresh(project, project.source("move", language))
    assert {s.state for s in status.project_status(project)} == {CURRENT}

    english = project.docs / "move.md"
    english.write_text(ENGLISH.replace("after 24 hours", "within 24 hours"), encoding="utf-8")
    stale = status.project_status(project)
    assert [(s.page, s.language, s.state) for s in stale] == [("move", "fr", STALE), ("move", "zh-TW", STALE)]
    assert stale[0].english_changed == dt.date.fromtimestamp(english.stat().st_mtime)
    table = status.format_table(stale, project.translations)
    assert "move" in table and f"stale since {stale[0].english_changed.isoformat()} (machine)" in table

    status.refresh(project, project.source("move", "fr"))
    assert [s.state for s in status.project_status(project)] == [CURRENT, STALE]


def test_untracked_fallback_and_missing(make_project: Callable[..., Project]) -> None:
    project = make_project(move=ENGLISH, move__fr=FRENCH)
    states = {s.language: s.state for s in status.project_status(project)}
    assert states == {"fr": UNTRACKED, "zh-TW": FALLBACK}
    no_fallback = Project(project.docs, project.languages, fallback=False)
    assert status.page_status(no_fallback, "move", "zh-TW").state == MISSING


def test_set_front_matter_replaces_in_place_and_keeps_everything_else() -> None:
    text = "---\ntitle: T\nsource_hash: abc\nroles: [admin]\n---\n# T\n"
    assert (
        status.set_front_matter(text, "source_hash", "def")
        == "---\ntitle: T\nsource_hash: def\nroles: [admin]\n---\n# T\n"
    )
    assert status.set_front_matter("# T\n", "source_hash", "x") == "---\nsource_hash: x\n---\n# T\n"


def test_refresh_refuses_an_english_page(make_project: Callable[..., Project]) -> None:
    project = make_project(move=ENGLISH)
    with pytest.raises(ValueError, match="English source"):
        status.refresh(project, project.docs / "move.md")


@pytest.mark.skipif(GIT is None, reason="git not installed")
def test_hash_is_gits_blob_id_and_the_date_is_the_last_commit(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(ENGLISH, encoding="utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_AUTHOR_DATE": "2025-03-04T12:00:00+00:00",
        "GIT_COMMITTER_DATE": "2025-03-04T12:00:00+00:00",
    }

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("add", "page.md")
    git("commit", "-q", "-m", "page")
    assert file_hash(page) == git("hash-object", "page.md").strip()
    assert last_changed(page) == dt.date(2025, 3, 4)  # committed: the commit date, not today's mtime

    page.write_text(ENGLISH + "\nOne more sentence.\n", encoding="utf-8")
    os.utime(page, (dt.datetime(2025, 6, 7, 12).timestamp(),) * 2)
    assert last_changed(page) == dt.date(2025, 6, 7)  # edited, not committed: the working copy's mtime


def test_without_git_the_date_is_the_files_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "page.md"
    page.write_text(ENGLISH, encoding="utf-8")
    os.utime(page, (dt.datetime(2024, 1, 2, 12).timestamp(),) * 2)
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))  # `git` cannot be found
    assert last_changed(page) == dt.date(2024, 1, 2)


def test_cli_status_refresh_and_strict(
    make_project: Callable[..., Project], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(move=ENGLISH, move__fr=FRENCH, **{"move.zh-TW": FRENCH})
    root = project.docs.parent
    (root / "mkdocs.yml").write_text(
        "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n        - {locale: fr}\n        - {locale: zh-TW}\n",
        encoding="utf-8",
    )
    assert main(["--root", str(root), "refresh", "--page", "move"]) == 0
    assert main(["--root", str(root), "status", "--strict"]) == 0
    (project.docs / "move.md").write_text(ENGLISH + "\nNew sentence.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "status", "--strict"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[2].split()[:2] == ["move", "stale"]
    # Refreshing without touching the translation is refused, naming the section; --unchanged says it needs none.
    assert main(["--root", str(root), "refresh", str(project.docs / "move.fr.md")]) == 1
    err = capsys.readouterr().err
    assert "not refreshed" in err and "#check-status: the English changed, the translated section did not" in err
    assert main(["--root", str(root), "status", "--strict"]) == 1
    assert main(["--root", str(root), "refresh", str(project.docs / "move.fr.md"), "--unchanged"]) == 0
    zh = project.docs / "move.zh-TW.md"
    zh.write_text(zh.read_text(encoding="utf-8") + "\n新的句子。\n", encoding="utf-8")  # translated
    assert main(["--root", str(root), "refresh", "--page", "move", "--lang", "zh-TW"]) == 0
    assert main(["--root", str(root), "status", "--strict"]) == 0


def test_the_real_project_is_read_from_mkdocs_yml() -> None:
    project = load(ROOT)
    assert project.languages == LANGUAGES
    assert set(PAGES) <= set(project.pages())
    assert project.pages()[0] == "index"


@pytest.mark.parametrize("language", LANGUAGES[1:])
@pytest.mark.parametrize("page", PAGES)
def test_every_translation_records_its_source_and_kind(page: str, language: str) -> None:
    """Tracked, machine or human: the status table can say where each translation stands (stale is allowed)."""
    project = load(ROOT)
    meta, _, _ = split_front_matter(project.source(page, language).read_text(encoding="utf-8"))
    assert meta.get("translation") in ("machine", "human"), f"{page}.{language}.md: translation: machine|human"
    assert status.page_status(project, page, language).state != UNTRACKED, (
        f"{page}.{language}.md has no source_hash: run make l10n-refresh PAGE={page} LANG={language}"
    )


def test_diff_shows_the_english_change_beside_the_translated_section(
    make_project: Callable[..., Project], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(move=ENGLISH, move__fr=FRENCH)
    root = project.docs.parent
    (root / "mkdocs.yml").write_text(
        "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n        - {locale: fr}\n",
        encoding="utf-8",
    )
    status.refresh(project, project.docs / "move.fr.md")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "pages"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    english = project.docs / "move.md"
    english.write_text(ENGLISH.replace("after 24 hours", "after 48 hours"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "diff", str(project.docs / "move.fr.md")]) == 0
    out = capsys.readouterr().out.splitlines()
    check_status = next(i for i, t in enumerate(ENGLISH.splitlines(), 1) if "{#check-status}" in t)
    assert out[0] == f"=== #check-status: English move.md:{check_status}"
    assert "-Competency progress shows after 24 hours. See [the FAQ](faq.md)." in out
    assert "+Competency progress shows after 48 hours. See [the FAQ](faq.md)." in out
    translated = (project.docs / "move.fr.md").read_text(encoding="utf-8").splitlines()
    heading = next(i for i, t in enumerate(translated, 1) if t.startswith("## Vérifier le statut"))
    sentence = next(i for i, t in enumerate(translated, 1) if t.startswith("La progression"))
    assert f"--- move.fr.md:{heading}" in out
    assert f"{sentence:>5}  {translated[sentence - 1]}" in out  # the translated line to change, with its number
    assert "#admin-tasks" not in "\n".join(out)  # unchanged sections are not shown
