"""The built site, read as files: strict build, pages per language, anchors, links and facts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from l10n.project import load as load_project
from l10n.status import CURRENT, SECTION_MISSING, page_status, section_status
from tests.helpers.built import page_file, parse
from tests.helpers.docs import LANGUAGES, PAGES, ROOT, SEEDS, heading_ids, source

# Every `<a name>` / `id` of the seed documents (shared/seeds), by our page: old deep links must still land.
SEED_ANCHORS = {
    "transition": [
        "transition-your-mpn-membership-from-partner-membership-center-to-partner-center",
        "admin-tasks-add-employee-accounts",
        "nonadmin_tasks",
        "checking-team-status-and-receiving-competency-achievements",
    ],
    "pmc-retirement-faq": [
        "partner-membership-center-retirement-faq",
        "my-company-has-not-completed-migration-how-do-we-engage-with-the-microsoft-partner-network",
        "i-have-been-working-in-partner-membership-center-why-is-it-no-longer-available",
        "my-company-is-a-cloud-solution-provider-how-do-we-get-an-mpn-id-and-accept-the-microsoft-partner-agreement",
        "my-company-is-blocked-from-signing-the-microsoft-partner-agreement-mpa-and-i-am-unable-to-migrate-my-mpn-"
        "membership-from-pmc-to-partner-center-what-should-i-do",
        "can-i-enroll-into-microsoft-partner-network-with-my-company-email-id",
        "what-will-happen-to-my-existing-pmc-mpn-id",
        "i-have-published-or-want-to-publish-offers-in-the-commercial-marketplace-how-do-i-connect-my-mpn-id-to-my-"
        "marketplace-account",
        "where-can-i-find-the-tools-to-manage-my-mpn-membership-and-benefits",
        "i-have-an-inactive-account-in-partner-membership-center-can-i-re-gain-access-to-it",
    ],
    "membership": [
        "manage-your-microsoft-partner-network-membership",
        "why-join-the-microsoft-partner-network",
        "renew-your-network-membership-on-partner-center",
        "before-you-begin",
        "create-a-partner-center-account",
        "next-steps",
    ],
    "benefits": [
        "manage-your-microsoft-partner-network-membership-benefits",
        "manage-your-membership-benefits-in-the-dashboard",
        "manage-software-benefits",
        "manage-cloud-services-benefits",
        "manage-visual-studio-subscriptions",
        "manage-technical-benefits",
        "see-also",
    ],
}
HTML_LANG = {"en": "en", "fr": "fr", "zh-TW": "zh-TW"}


def test_strict_build_has_no_warnings(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = site_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output and "ERROR" not in output, output


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_exists_with_its_language(built_site: Path, page: str, language: str) -> None:
    assert source(page, language).exists(), f"missing translation {source(page, language).name}"
    assert parse(page_file(built_site, page, language)).html_lang == HTML_LANG[language]


@pytest.mark.parametrize("page", PAGES)
def test_heading_ids_identical_in_every_language(page: str) -> None:
    english = [(level, anchor) for level, anchor, _ in heading_ids(source(page, "en"))]
    assert english, f"{page}.md has no heading ids"
    project = load_project(ROOT)
    for language in LANGUAGES[1:]:
        translated = [(level, anchor) for level, anchor, _ in heading_ids(source(page, language))]
        if page_status(project, page, language).state != CURRENT:
            # A stale translation is not held to the English yet (the English author is never blocked); its
            # missing sections must show as such in `make l10n-status` and the readers' notice.
            pending = {s.id for s in section_status(project, page, language) if s.state == SECTION_MISSING}
            assert {a for _, a in english} - {a for _, a in translated} <= pending
            continue
        assert translated == english, f"{source(page, language).name}: heading ids differ from {page}.md"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(SEED_ANCHORS))
def test_seed_anchors_resolve(built_site: Path, page: str, language: str) -> None:
    ids = parse(page_file(built_site, page, language)).ids
    assert [a for a in SEED_ANCHORS[page] if a not in ids] == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not beside the repository")
def test_seed_anchor_list_is_complete() -> None:
    found = set()
    for seed in SEEDS.glob("*.txt"):
        found |= set(re.findall(r'<a (?:name|href="" id)="([\w-]+)"', seed.read_text(encoding="utf-8")))
    assert found == {a for anchors in SEED_ANCHORS.values() for a in anchors}


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    cache: dict[Path, set[str]] = {}
    for page in pages:
        base = "http://site/" + page.relative_to(built_site).as_posix()
        for href in parse(page).links:
            url = urlparse(urljoin(base, href))
            if url.netloc != "site":
                continue
            target = built_site / unquote(url.path).lstrip("/")
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = cache.setdefault(target, parse(target).ids)
                if url.fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {href} (no such anchor)")
    assert broken == []


FACTS = {
    "transition": {
        "en": ["90 days", "24 hours", "one year", "Add new user", "Set up your team", "Partnership > Competencies"],
        "fr": ["90 jours", "24 heures", "un an", "Ajouter un nouvel utilisateur", "Configurer votre équipe"],
        "zh-TW": ["90 天", "24 小時", "一年", "新增使用者", "設定您的小組", "檢查您的小組狀態", "合作夥伴大學"],
    },
    "membership": {
        "en": ["Admin agent", "Account settings > User management", "Silver", "Gold", "Action Pack"],
        "fr": ["Agent administrateur", "Paramètres du compte > Gestion des utilisateurs", "Argent", "Or"],
        "zh-TW": ["Admin agent", "Account settings > User management", "Action Pack"],
    },
    "benefits": {
        "en": ["Get keys", "Assign user", "Submit request", "several days", "Azure credits"],
        "fr": [
            "Obtenir des clés",
            "Assigner un utilisateur",
            "Envoyer une demande",
            "plusieurs jours",
            "crédits Azure",
        ],
        "zh-TW": ["Get keys", "Assign user", "Submit request", "Azure 點數"],
    },
}


def _normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(FACTS))
def test_facts_in_every_language(built_site: Path, page: str, language: str) -> None:
    text = _normalise("".join(parse(page_file(built_site, page, language)).text))
    assert [fact for fact in FACTS[page][language] if _normalise(fact) not in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_has_all_nine_questions(built_site: Path, language: str) -> None:
    questions = [a for _, a, _ in heading_ids(source("pmc-retirement-faq", language))][1:]
    assert len(questions) == 9
    assert set(questions) <= parse(page_file(built_site, "pmc-retirement-faq", language)).ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_404_page_in_every_language(built_site: Path, language: str) -> None:
    path = built_site / ("404.html" if language == "en" else f"{language}/404.html")
    assert parse(path).html_lang == HTML_LANG[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_description(built_site: Path, page: str, language: str) -> None:
    html = page_file(built_site, page, language).read_text(encoding="utf-8")
    match = re.search(r'<meta name="description" content="([^"]+)"', html)
    assert match and len(match.group(1)) > 20


def test_no_third_party_resources(built_site: Path) -> None:
    offenders = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for attr in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?://[^"]+)"', html):
            if not attr.startswith("http://127.0.0.1"):
                offenders.append(f"{path.relative_to(built_site)}: {attr}")
    assert offenders == []


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Page not found (404)"), ("fr", "Page introuvable (404)"), ("zh-TW", "找不到頁面 (404)")],
)
def test_404_page_speaks_the_readers_language(built_site: Path, language: str, title: str) -> None:
    path = built_site / ("404.html" if language == "en" else f"{language}/404.html")
    html = path.read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html and "404 - Not found" not in html
