"""PMC's retirement (seed 001, the FAQ of 15 June 2021) as a dated fact on the rules: before it the 2017 rules
(seeds 000/002) hold, from it on a PMC company is sent to the FAQ's steps and no date is computed from PMC."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist import plan
from checklist.dates import LAST_DAY
from checklist.i18n import LANGUAGES, Texts
from checklist.retirement import RETIRED_FIELDS, RETIREMENT, retired
from checklist.steps import steps_by_id
from checklist.web import ANSWER_FIELDS, asked, call, page_context
from tests.helpers.docs import heading_ids, source

ROOT = Path(__file__).resolve().parents[2]
BEFORE = (RETIREMENT.effective - dt.timedelta(days=1)).isoformat()  # the last day of the 2017 rules
ON = RETIREMENT.effective.isoformat()
TODAY = "2026-12-02"  # the day of issue 21's report
PMC_COMPANY = {"role": "admin", "situation": "transition", "pmc_membership_end": "2027-06-30"}
FAQ_STEPS = ["membership.new_mpn_id", "csp.associate_mpn_id", "csp.sign_mpa", "marketplace.update_mpn_id"]
CSP = "my-company-is-a-cloud-solution-provider-how-do-we-get-an-mpn-id-and-accept-the-microsoft-partner-agreement"
FAQ_ANCHORS = {
    "membership.new_mpn_id": "what-will-happen-to-my-existing-pmc-mpn-id",
    "csp.associate_mpn_id": CSP,
    "csp.sign_mpa": CSP,
    "marketplace.update_mpn_id": (
        "i-have-published-or-want-to-publish-offers-in-the-commercial-marketplace-"
        "how-do-i-connect-my-mpn-id-to-my-marketplace-account"
    ),
}


def ids(result: dict[str, Any]) -> list[str]:
    return [step["id"] for step in result["remaining"]]


def codes(result: dict[str, Any]) -> list[str]:
    return [w["code"] for w in result["warnings"]]


# --- the fact ----------------------------------------------------------------------------------------------


def test_the_retirement_is_dated_and_cited() -> None:
    assert RETIREMENT.effective == RETIREMENT.source_date == dt.date(2021, 6, 15)  # seed 001: ms.date 06/15/2021
    assert RETIREMENT.source_url.endswith("/partner-center/pmc-retirement-faq")
    assert not retired(dt.date(2021, 6, 14)) and retired(dt.date(2021, 6, 15)) and retired(dt.date(2026, 12, 2))
    # The plan says which rules it follows, and where they are written.
    assert plan({"role": "admin", "today": TODAY})["retirement"] == {
        "retired": True,
        "effective": "2021-06-15",
        "source": RETIREMENT.source_url,
        "source_date": "2021-06-15",
    }
    assert plan({"role": "admin", "today": BEFORE})["retirement"]["retired"] is False


# --- before and after, per role ------------------------------------------------------------------------------


def test_before_the_retirement_a_pmc_company_still_renews_under_the_2017_rules() -> None:
    result = plan({**PMC_COMPANY, "pmc_membership_end": "2021-12-31", "today": BEFORE, "marketplace": True})
    assert "membership.renew" in ids(result) and "membership.new_mpn_id" not in ids(result)
    assert "marketplace.update_mpn_id" not in ids(result)  # the MPN ID stays the same while PMC runs
    assert result["dates"] == {
        "renew_by": "2021-12-31",
        "membership_end": "2022-12-31",
        "pmc_access_until": "2021-12-31",
    }
    assert "pmc_retired" not in codes(result)


@pytest.mark.parametrize("today", [ON, TODAY, LAST_DAY.isoformat()])
def test_from_the_retirement_on_a_pmc_company_gets_the_faqs_steps(today: str) -> None:
    result = plan({**PMC_COMPANY, "today": today, "csp": True, "marketplace": True})
    assert [i for i in ids(result) if i in FAQ_STEPS] == FAQ_STEPS
    assert "membership.renew" not in ids(result)
    links = {step["id"]: step["link"] for step in result["remaining"]}
    assert {i: links[i] for i in FAQ_STEPS} == {i: f"/pmc-retirement-faq/#{a}" for i, a in FAQ_ANCHORS.items()}
    assert result["dates"] == {} and result["projected_dates"] == []
    assert all(step["due"] is None for step in result["remaining"])
    assert codes(result) == ["pmc_retired"]
    assert "15 June 2021" in result["warnings"][0]["message"]


def test_the_faqs_links_land_on_headings_of_our_faq_page_in_every_language() -> None:
    by_id = steps_by_id()
    for step_id, anchor in FAQ_ANCHORS.items():
        assert (by_id[step_id].page, by_id[step_id].anchor) == ("pmc-retirement-faq", anchor)
        for language in LANGUAGES:
            assert anchor in {ident for _, ident, _ in heading_ids(source("pmc-retirement-faq", language))}


def test_the_retirement_changes_nothing_for_a_new_partner_or_an_employee() -> None:
    for answers in ({"role": "admin", "situation": "enroll", "marketplace": True}, {"role": "employee"}):
        before, after = plan({**answers, "today": BEFORE}), plan({**answers, "today": TODAY})
        assert ids(before) == ids(after) and "pmc_retired" not in codes(after), answers


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        ("en", "Get a new MPN ID: enroll as a new partner in Partner Center", "15 June 2021"),
        ("fr", "Obtenir un nouvel ID MPN\u00a0: s’inscrire en tant que nouveau partenaire", "15 juin 2021"),
        ("zh-TW", "取得新的 MPN 識別碼：在合作夥伴中心以新合作夥伴身分註冊", "2021 年 6 月 15 日"),
    ],
)
def test_the_faqs_steps_speak_the_readers_language(language: str, title: str, said: str) -> None:
    result = plan({**PMC_COMPANY, "today": TODAY, "language": language})
    (step,) = [s for s in result["remaining"] if s["id"] == "membership.new_mpn_id"]
    assert step["title"].startswith(title)
    assert step["link"].startswith({"en": "/", "fr": "/fr/", "zh-TW": "/zh-TW/"}[language] + "pmc-retirement-faq/")
    (warning,) = result["warnings"]
    assert said in warning["message"]
    english = plan({**PMC_COMPANY, "today": TODAY})["warnings"][0]["message"]
    assert (warning["message"] == english) is (language == "en")


# --- what a reader gave earlier --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stored",
    [
        {"pmc_membership_end": "2027-06-30", "reenrolled_on": "2027-01-01"},  # a renewal day after today
        {"pmc_membership_end": "2027-13-45", "reenrolled_on": 7},  # not even dates
    ],
)
def test_stored_answers_to_questions_no_longer_asked_are_ignored(stored: dict[str, Any]) -> None:
    answers = {"role": "admin", "situation": "transition", "today": TODAY}
    assert plan({**answers, **stored}) == plan(answers)
    reply = json.loads(call("plan", json.dumps({"answers": {**answers, **stored}})))
    assert reply["ok"] is True and reply["result"]["dates"] == {}


# --- a property: nothing in the future from PMC ----------------------------------------------------------------

ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})")
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=LAST_DAY)


@settings(max_examples=150, deadline=None)
@given(
    today=st.dates(min_value=RETIREMENT.effective, max_value=LAST_DAY),
    end=DAYS,
    renewed=st.one_of(st.none(), DAYS),
    language=st.sampled_from(LANGUAGES),
    csp=st.booleans(),
    marketplace=st.booleans(),
)
def test_after_the_retirement_no_date_comes_from_pmc(
    today: dt.date, end: dt.date, renewed: dt.date | None, language: str, csp: bool, marketplace: bool
) -> None:
    document = {
        **PMC_COMPANY,
        "today": today.isoformat(),
        "language": language,
        "pmc_membership_end": end.isoformat(),
        "reenrolled_on": renewed.isoformat() if renewed else None,
        "csp": csp,
        "marketplace": marketplace,
    }
    result = plan(document)
    assert result["dates"] == {} and all(step["due"] is None for step in result["remaining"])
    assert "membership.renew" not in ids(result) and "membership.new_mpn_id" in ids(result)
    # No day in the whole output is after today, and none is the PMC date the reader gave (unless it is today or
    # the retirement's own day, which the output names for other reasons).
    shown = set(ISO_DAY.findall(json.dumps(result)))
    assert all(day <= today.isoformat() for day in shown), shown
    assert shown <= {today.isoformat(), RETIREMENT.effective.isoformat(), RETIREMENT.source_date.isoformat()}
    assert result == plan({**document, "pmc_membership_end": None, "reenrolled_on": None})


# --- the questions ---------------------------------------------------------------------------------------------


def test_questions_that_no_longer_apply_are_not_asked() -> None:
    before = {q.field for q in asked(dt.date.fromisoformat(BEFORE))}
    after = {q.field for q in asked(dt.date.fromisoformat(TODAY))}
    assert set(RETIRED_FIELDS) == {"pmc_membership_end", "reenrolled_on"}
    assert set(RETIRED_FIELDS) <= before and before - after == set(RETIRED_FIELDS)
    assert set(RETIRED_FIELDS) <= set(ANSWER_FIELDS)  # still stored and shared, so old links keep working


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_asks_the_questions_of_its_build_day(language: str) -> None:
    def form(day: str) -> dict[str, dict[str, Any]]:
        return {q["field"]: q for q in page_context(language, dt.date.fromisoformat(day))["questions"]}

    before, after = form(BEFORE), form(TODAY)
    assert set(before) - set(after) == set(RETIRED_FIELDS)
    # The situation question says, from the retirement on, what a PMC company does now.
    assert before["situation"]["hint"] is None and after["situation"]["hint"]
    assert {"en": "2021", "fr": "2021", "zh-TW": "2021"}[language] in after["situation"]["hint"]
    # The pre-rendered admin list is the FAQ's path, not the renewal.
    admin = page_context(language, dt.date.fromisoformat(TODAY))["overview"][0]["plan"]
    assert "membership.new_mpn_id" in ids(admin) and "membership.renew" not in ids(admin)


# --- the CLI ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cli_shows_the_faqs_steps_today(language: str) -> None:
    document = {**PMC_COMPANY, "today": TODAY, "language": language, "csp": True, "marketplace": True}
    done = subprocess.run(
        [sys.executable, "-m", "checklist", "--format", "text"],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    expected = plan(document)
    for step_id in FAQ_STEPS:
        (step,) = [s for s in expected["remaining"] if s["id"] == step_id]
        assert step["title"] in done.stdout and step["link"] in done.stdout
    assert not re.search(r"\b20(2[7-9]|[3-9]\d)\b", done.stdout), "a date after today"
    renew = Texts(language)(steps_by_id()["membership.renew"].title)
    assert renew not in done.stdout
