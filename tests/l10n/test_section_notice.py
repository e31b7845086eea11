"""Staleness per section in the built site: after an English edit to one section and a new English section,
readers of the translation see both named in the notice, the status page lists them under "Sections to
update", the review record shows on the status page, and the strict build passes (the English author is
not blocked)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.built import page_file
from tests.helpers.variants import ChangedSite

CHANGED = "checking-team-status-and-receiving-competency-achievements"
HEADINGS = {"fr": "Vérifier le statut de l’équipe", "zh-TW": "檢查小組狀態並取得專長認證成就"}
LEADS = {
    "fr": ("Sections modifiées en anglais\u00a0: ", "Nouvelles sections anglaises, pas encore traduites\u00a0: "),
    "zh-TW": ("英文版有變更的章節：", "英文版新增、尚未翻譯的章節："),
}


@pytest.fixture(scope="module")
def site(changed_site: ChangedSite) -> Path:
    """An English edit to one section and a new English section; membership.fr.md reviewed by a person."""
    return changed_site.site


def sections_paragraph(html: str, kind: str) -> str:
    match = re.search(rf'<p data-l10n-sections="{kind}">(.*?)</p>', html, re.S)
    assert match, f"no {kind} sections in the notice"
    return match.group(1)


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_the_notice_names_the_changed_and_the_new_sections(site: Path, language: str) -> None:
    html = page_file(site, "transition", language).read_text(encoding="utf-8")
    stale = sections_paragraph(html, "stale")
    assert stale.startswith(LEADS[language][0])
    assert f'<a href="#{CHANGED}">{HEADINGS[language]}' in stale
    assert "admin-tasks" not in stale  # only the section that changed
    missing = sections_paragraph(html, "missing")
    assert missing.startswith(LEADS[language][1])
    assert 'href="../../transition/#keep-your-records" hreflang="en" lang="en">Keep your records</a>' in missing


def test_an_unchanged_page_has_no_section_list(site: Path) -> None:
    html = page_file(site, "membership", "fr").read_text(encoding="utf-8")
    assert "data-l10n-sections" not in html


@pytest.mark.parametrize(
    ("language", "changed", "new", "review"),
    [
        ("en", "(changed in English)", "(not translated yet)", "reviewed by Claire Dubois on 2 November 2026"),
        ("fr", "(modifiée en anglais)", "(pas encore traduite)", "relue par Claire Dubois le 2 novembre 2026"),
        ("zh-TW", "（英文版已變更）", "（尚未翻譯）", "由 Claire Dubois 於 2026 年 11 月 2 日審閱"),
    ],
)
def test_status_page_lists_sections_and_the_review(
    site: Path, language: str, changed: str, new: str, review: str
) -> None:
    html = page_file(site, "translation-status", language).read_text(encoding="utf-8")
    assert 'id="sections-to-update"' in html
    part = html[html.index('id="sections-to-update"') :]
    assert f"#{CHANGED}" in part and changed in part
    assert '<span lang="en">Keep your records</span>' in part and new in part
    assert review in html


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("fr", "Cette section a changé en anglais depuis cette traduction\u00a0: elle n’est peut-être plus à jour."),
        ("zh-TW", "本章節的英文版在翻譯完成後有所變更，內容可能不是最新的。"),
    ],
)
def test_a_reader_deep_linked_to_a_changed_section_sees_the_note_there(site: Path, language: str, note: str) -> None:
    """`…/transition/#<changed section>` lands under that heading: the note is the next thing there, linking
    the same section of the current English; the unchanged sections have none."""
    html = page_file(site, "transition", language).read_text(encoding="utf-8")
    heading = re.search(rf'<h2 id="{CHANGED}">.*?</h2>', html, re.S)
    assert heading, "no heading for the changed section"
    after = html[heading.end() :]
    assert after.startswith('<div class="admonition warning pct-notice" data-notice="stale-section"')
    assert f'<p>{note} <a href="../../transition/#{CHANGED}" hreflang="en">' in after.split("</div>", 1)[0]
    assert html.count('data-notice="stale-section"') == 1  # admin-tasks and the others did not change
