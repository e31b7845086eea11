"""Display text beside every date and count: one date style per language wherever the engine writes a date
(the new `*_text` fields, the warnings, the CLI), and counts with the language's plural forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checklist import plan, team
from checklist.cli import render_text
from checklist.i18n import NP_, Texts
from checklist.plan import PROGRESS

# The guide pages' way of writing a date, and a date-time on the 24-hour clock, per language.
DATES = {
    "en": ("30 June 2027", "1 May 2027", "30 June 2027, 09:05"),
    "fr": ("30 juin 2027", "1er mai 2027", "30 juin 2027 à 09:05"),
    "zh-TW": ("2027 年 6 月 30 日", "2027 年 5 月 1 日", "2027 年 6 月 30 日 09:05"),
}

# A PMC company's renewal under the 2017 rules, which hold only before PMC's retirement (checklist/retirement.py).
BEFORE_RETIREMENT = {"role": "admin", "today": "2017-03-01", "pmc_membership_end": "2017-06-30"}


@pytest.mark.parametrize("language", DATES)
def test_one_date_style_per_language(language: str) -> None:
    _ = Texts(language)
    day, first, moment = DATES[language]
    assert _.date(dt.date(2027, 6, 30)) == _.iso("2027-06-30") == day
    assert _.date(dt.date(2027, 5, 1)) == _.iso("2027-05-01") == first
    assert _.datetime(dt.datetime(2027, 6, 30, 9, 5)) == _.iso("2027-06-30T09:05") == moment


def _texts_match_their_dates(language: str, values: dict[str, Any], texts: dict[str, str]) -> None:
    assert set(texts) == {key for key, value in values.items() if value is not None}
    for key, text in texts.items():
        assert text == Texts(language).iso(values[key]), key


@pytest.mark.parametrize("language", DATES)
def test_plan_writes_a_text_beside_each_date(language: str) -> None:
    result = plan(
        {
            "role": "employee",
            "language": language,
            "now": "2027-04-20T09:05",
            "temp_password_issued_on": "2027-02-01",
            "exams_associated_at": "2027-04-20T08:00",
            "done": ["employee.get_signin_info"],
        }
    )
    _texts_match_their_dates(language, result["dates"], result["dates_text"])
    assert result["dates_text"]["temp_password_expires"] == Texts(language).date(dt.date(2027, 5, 2))
    for step in result["remaining"] + result["completed"]:
        assert step["due_text"] == (Texts(language).iso(step["due"]) if step["due"] else None), step["id"]
    (sign_in,) = [s for s in result["remaining"] if s["id"] == "employee.sign_in"]
    assert sign_in["due_text"] == DATES[language][1]  # last day to sign in: 1 May
    # The warnings write the same dates the same way.
    messages = " ".join(w["message"] for w in result["warnings"])
    assert result["dates_text"]["temp_password_expires"] in messages
    assert result["dates_text"]["competency_progress_visible"] in messages


@pytest.mark.parametrize(
    ("language", "projected"),
    [
        ("en", "30 June 2018 (if you renew before your membership ends)"),
        ("fr", "30 juin 2018 (si vous renouvelez avant la fin de votre adhésion)"),
        ("zh-TW", "2018 年 6 月 30 日（若您在會員資格結束前續約）"),
    ],
)
def test_projected_dates_have_their_note(language: str, projected: str) -> None:
    result = plan(BEFORE_RETIREMENT | {"language": language})
    assert result["projected_dates"] == ["membership_end"]
    assert result["projected_dates_text"] == {"membership_end": projected}
    _texts_match_their_dates(language, result["dates"], result["dates_text"])


@pytest.mark.parametrize(
    ("language", "total", "expected"),
    [
        ("en", 1, "0 of 1 required step done"),
        ("en", 4, "0 of 4 required steps done"),
        ("fr", 1, "Étape obligatoire terminée\u00a0: 0 sur 1"),
        ("fr", 4, "Étapes obligatoires terminées\u00a0: 0 sur 4"),
        ("zh-TW", 1, "1 個必要步驟中已完成 0 個"),
        ("zh-TW", 4, "4 個必要步驟中已完成 0 個"),
    ],
)
def test_progress_text_has_the_plural_form_of_the_language(language: str, total: int, expected: str) -> None:
    assert Texts(language).plural(PROGRESS, total, done=0, total=total) == expected


@pytest.mark.parametrize("language", DATES)
def test_plan_progress_text_counts_the_required_steps(language: str) -> None:
    result = plan({"role": "employee", "language": language, "today": "2027-03-01", "done": ["employee.sign_in"]})
    progress = result["progress"]
    assert progress["text"] == Texts(language).plural(PROGRESS, progress["total"], done=1, total=progress["total"])
    assert str(progress["done"]) in progress["text"] and str(progress["total"]) in progress["text"]


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("en", 0, "0 people"), ("en", 1, "1 person"), ("fr", 0, "0 personne"), ("fr", 1, "1 personne")]
    + [("fr", 2, "2 personnes"), ("zh-TW", 1, "1 人"), ("zh-TW", 2, "2 人")],
)
def test_catalogs_hold_real_plural_forms(language: str, count: int, expected: str) -> None:
    assert Texts(language).plural(NP_("{count} person", "{count} people"), count, count=count) == expected


def _team(language: str, *employees: dict[str, Any]) -> dict[str, Any]:
    return team({"language": language, "today": "2027-04-01", "employees": list(employees)})


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        (
            "en",
            "1 person: 1 needs action, 0 with an expired password, 1 due within 14 days, 0 done.",
            "2 people: 2 need action, 1 with an expired password, 1 due within 14 days, 0 done.",
        ),
        (
            "fr",
            "1 personne\u00a0: 1 doit agir, 0 avec un mot de passe expiré, 1 à échéance dans 14 jours ou moins, "
            "0 a terminé.",
            "2 personnes\u00a0: 2 doivent agir, 1 avec un mot de passe expiré, 1 à échéance dans 14 jours ou moins, "
            "0 a terminé.",
        ),
        (
            "zh-TW",
            "共 1 人：1 人需要處理，0 人的暫時密碼已失效，1 人將在 14 天內到期，0 人已完成。",
            "共 2 人：2 人需要處理，1 人的暫時密碼已失效，1 人將在 14 天內到期，0 人已完成。",
        ),
    ],
)
def test_team_totals_text_has_plural_forms(language: str, one: str, two: str) -> None:
    soon = {"name": "Ana", "temp_password_issued_on": "2027-01-15"}
    expired = {"name": "Bo", "temp_password_issued_on": "2026-12-01"}
    assert _team(language, soon)["totals_text"] == one
    assert _team(language, soon, expired)["totals_text"] == two


@pytest.mark.parametrize("language", DATES)
def test_team_writes_a_text_beside_each_date(language: str) -> None:
    result = _team(
        language,
        {"name": "Ana", "temp_password_issued_on": "2027-01-15", "exams_associated_at": "2027-03-31T09:05"},
        {"name": "Bo", "signed_in": True},
    )
    for person in result["employees"]:
        _texts_match_their_dates(language, person["dates"], person["dates_text"])
        for step in person["remaining"]:
            assert step["due_text"] == (Texts(language).iso(step["due"]) if step["due"] else None), step["id"]
    assert result["next_due"] == "2027-04-14"
    assert result["next_due_text"] == Texts(language).date(dt.date(2027, 4, 14))
    ana = next(p for p in result["employees"] if p["name"] == "Ana")
    assert ana["dates_text"]["competency_progress_visible"] == Texts(language).iso("2027-04-01T09:05")
    assert ana["dates_text"]["temp_password_expires"] in " ".join(w["message"] for w in ana["warnings"])
    assert _team(language, {"name": "Bo", "signed_in": True})["next_due_text"] is None


@pytest.mark.parametrize("language", DATES)
def test_cli_text_writes_the_plans_texts(language: str) -> None:
    result = plan(BEFORE_RETIREMENT | {"language": language})
    text = render_text(result)
    assert result["progress"]["text"] in text
    for key, shown in (result["dates_text"] | result["projected_dates_text"]).items():
        assert shown in text, key
    (renew,) = [s for s in result["remaining"] if s["id"] == "membership.renew"]
    assert renew["due_text"] == Texts(language).date(dt.date(2017, 6, 30)) and renew["due_text"] in text
