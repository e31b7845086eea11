"""What a reader today is told (issue 21): when each guide's facts were written, that PMC is shut down, the
product's own zh-TW labels, and the word readers search for the Azure benefit.

The dates a guide gives are checked against the seeds themselves (their `ms.date` / `ms.lasthandoff`), so a
page cannot show a period that no source has; the phrases below are the present-tense PMC sentences the pages
used to hold, in each language, so that they cannot come back.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest

from l10n.markdown import split_front_matter
from tests.helpers.built import page_file
from tests.helpers.docs import LANGUAGES, PAGES, SEEDS, source

GUIDES = ("index", "transition", "pmc-retirement-faq", "membership", "benefits", "glossary")
FAQ_DATE = dt.date(2021, 6, 15)  # seed 001, ms.date: the PMC retirement FAQ

# Present-tense sentences that told a reader PMC could still be used (the pages' own former wording).
FORBIDDEN = {
    "en": [
        "is moving from the partner membership center",
        "pmc information is view-only",
        "you can use both systems",
        "you have access to pmc and to partner center",
        "your current benefits stay visible in pmc",
        "go on managing your mpn membership benefits in pmc",
        "where you can sign in right away",
    ],
    "fr": [
        "passent du site partner membership center",
        "sont en lecture seule",
        "vous pouvez utiliser les deux systèmes",
        "vous avez accès à la fois à pmc",
        "restent consultables dans pmc",
        "gérez toujours les avantages",
    ],
    "zh-TW": [
        "會從 partner membership center (pmc) 網站移到",
        "您在 pmc 中的資訊只能檢視",
        "您可以在一段期間內同時使用兩個系統",
        "您可以同時存取 pmc",
        "請繼續在 pmc 中管理",
        "立即登入 pmc",
    ],
}
# Where each language describes the Azure benefit, the word readers search for.
CREDITS = {"en": "Azure credits", "fr": "crédits Azure", "zh-TW": "Azure 點數"}
YEAR = re.compile(r"\b(20\d\d)\b")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not beside the repository")


def seed_dates() -> set[dt.date]:
    """Every date a seed carries in its front matter (US order, as Microsoft's docs write them)."""
    found = set()
    for seed in SEEDS.glob("*.txt"):
        for month, day, year in re.findall(r"^ms\.(?:date|lasthandoff): (\d\d)/(\d\d)/(\d{4})", seed.read_text(), re.M):
            found.add(dt.date(int(year), int(month), int(day)))
    return found


def facts(page: str, language: str) -> dict:
    meta, _, _ = split_front_matter(source(page, language).read_text(encoding="utf-8"))
    return meta.get("facts") or {}


def content(built: Path, page: str, language: str) -> str:
    """The page's own content (title, notices, text), without the navigation and the footer."""
    html = page_file(built, page, language).read_text(encoding="utf-8")
    start = html.index('<div class="pct-content"')
    return html[start : html.index("</article>", start)]


def text(html: str) -> str:
    words = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"[\s\u00a0\u202f]+", " ", words).replace("\u2019", "'").casefold()


@needs_seeds
def test_the_seeds_have_their_dates() -> None:
    """Guard for the tests below: 2017, 2018 and 2021, as the seeds were read for issue 21."""
    assert {d.year for d in seed_dates()} == {2017, 2018, 2021}
    assert FAQ_DATE in seed_dates()


@needs_seeds
@pytest.mark.parametrize("page", GUIDES)
def test_every_guide_dates_its_facts_from_the_seeds(page: str) -> None:
    english = facts(page, "en")
    assert english.get("from"), f"{page}.md has no facts.from"
    if english["from"] != "undated":
        assert set(english["from"]) <= seed_dates(), english["from"]
    assert english.get("changed") in (None, FAQ_DATE)
    assert [lang for lang in LANGUAGES if facts(page, lang) != english] == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", GUIDES)
def test_every_guide_shows_its_period(built_site: Path, page: str, language: str) -> None:
    html = content(built_site, page, language)
    block = re.search(r"<div[^>]*data-facts[^>]*>(.*?)</div>", html, re.S)
    assert block, f"{page} ({language}) does not say when its facts are from"
    shown = set(re.findall(r'<time datetime="(\d{4}-\d\d)">', block.group(1)))
    dated = facts(page, "en")
    wanted = set() if dated["from"] == "undated" else {d.strftime("%Y-%m") for d in dated["from"]}
    if dated.get("changed"):
        wanted.add(dated["changed"].strftime("%Y-%m"))
        assert "pmc-retirement-faq/" in block.group(1), "the FAQ that changed the facts is not linked"
    assert shown == wanted
    assert "learn.microsoft.com" in block.group(1), "no place to check what is true today"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", [p for p in PAGES if p != "translation-status"])
def test_no_page_presents_pmc_as_usable(built_site: Path, page: str, language: str) -> None:
    said = text(content(built_site, page, language))
    assert [phrase for phrase in FORBIDDEN[language] if phrase in said] == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", GUIDES)
def test_examples_stay_in_the_years_of_their_sources(built_site: Path, page: str, language: str) -> None:
    """No date after the FAQ: the example of the move is in 2017/2018, never in the reader's own future."""
    years = {int(y) for y in YEAR.findall(text(content(built_site, page, language)))}
    assert {y for y in years if y > FAQ_DATE.year} == set()


def test_transition_opens_with_what_is_true_now(built_site: Path) -> None:
    for language in LANGUAGES:
        html = content(built_site, "transition", language)
        headings = re.findall(r'<h2 id="([\w-]+)"', html)
        assert headings[:2] == ["what-is-true-now", "reenrollment-and-key-dates"], (language, headings)
        first = html[html.index('id="what-is-true-now"') : html.index('id="reenrollment-and-key-dates"')]
        for answer in ("my-company-has-not-completed-migration", "what-will-happen-to-my-existing-pmc-mpn-id"):
            assert f"pmc-retirement-faq/#{answer}" in first, (language, answer)


def seed_labels_zh() -> list[str]:
    """The bold UI labels of Microsoft's zh-TW page (seed 002), `**\\[label\\]**` or `**\\[a\\] > \\[b\\]**`."""
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    spans = re.findall(r"\*\*\s*(\\\[.+?\\\](?:\s*>\s*\\\[.+?\\\])*)\s*\*\*", seed)
    return [re.sub(r"\\\[|\\\]", "", span).strip() for span in spans]


def bold(html: str) -> set[str]:
    return {unescape(re.sub(r"<[^>]+>", "", s)).strip() for s in re.findall(r"<strong>(.*?)</strong>", html, re.S)}


@needs_seeds
def test_zh_tw_bold_labels_are_the_products(built_site: Path) -> None:
    """Bold labels are the product's own (seed 002 says 小組): never the guide's prose word 團隊 in their place."""
    labels = seed_labels_zh()
    assert "設定您的小組" in labels and "檢查您的小組狀態" in labels
    everywhere = set().union(*(bold(content(built_site, page, "zh-TW")) for page in PAGES))
    assert [label for label in labels if "小組" in label and label.replace("小組", "團隊") in everywhere] == []
    transition = bold(content(built_site, "transition", "zh-TW"))
    assert [label for label in labels if label not in transition] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_azure_benefit_says_credits(built_site: Path, language: str) -> None:
    html = content(built_site, "benefits", language)
    start = html.index('id="manage-cloud-services-benefits"')
    cloud = text(html[start : html.index("<h3", start)])
    assert CREDITS[language].casefold() in cloud
