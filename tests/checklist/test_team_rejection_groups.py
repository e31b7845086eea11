"""Rejections an admin can act on (issue 22): the refused rows grouped by problem, each group with its rows
(number and the person's name, else address) and one fix, in the reader's language."""

from __future__ import annotations

from typing import Any

from checklist.team import team_from_csv

TODAY = "2027-06-01"


def groups(text: str, language: str = "en") -> list[dict[str, Any]]:
    return team_from_csv(text, language=language, today=TODAY)["summary"]["rejected_groups"]


def test_fifty_one_wrong_weekdays_are_one_group_with_each_person() -> None:
    lines = ["Nom d'affichage;ADRESSE E-MAIL;Créé le"]
    lines += [f"Personne {i};p{i}@x.example;lundi 8 novembre 2026" for i in range(51)]  # a Sunday
    lines += ["Bo;bo@x.example;peut-être", "Ana;ana@x.example;2026-11-08"]
    text = "\n".join(lines) + "\n"
    for language, title in (("en", "51 rows: "), ("fr", "51 lignes\u00a0: "), ("zh-TW", "51 列：")):
        found = groups(text, language)
        assert [(g["code"], g["count"]) for g in found] == [("weekday_mismatch", 51), ("invalid_value", 1)]
        first = found[0]
        assert first["title"].startswith(title) and "Créé le" in first["title"]
        assert first["rows"][0]["row"] == 2 and first["rows"][0]["who"] == "Personne 0"
        assert "Personne 0" in first["rows"][0]["text"] and "lundi 8 novembre 2026" in first["rows"][0]["text"]
        assert first["fix"] and first["fix"] != found[1]["fix"]
        real = {"en": "Sunday", "fr": "dimanche", "zh-TW": "星期日"}[language]
        assert real in first["rows"][0]["text"]  # the group's fix says "check"; each row says what the day is
    fix = groups(text, "fr")[1]["fix"]
    assert fix.startswith("Écrivez une date")  # the cell's own advice, once for the group


def test_the_person_is_the_address_when_there_is_no_name() -> None:
    (group,) = groups("Email,Issued on\neve@x.example,soon\n")
    assert group["rows"] == [{"row": 2, "who": "eve@x.example", "text": "Row 2, eve@x.example: “soon”"}]


def test_a_row_that_does_not_fit_names_no_one() -> None:
    (group,) = groups("Name,Email,Issued on\nAna,ana@x.example\n")
    assert group["code"] == "row_width" and group["rows"] == [{"row": 2, "who": None, "text": "Row 2"}]


def test_rows_the_rules_refuse_are_grouped_too() -> None:
    text = "Name,Email,Issued on\nAna,ana@x.example,2027-02-30\nBo,bo@x.example,2030-01-01\nCy,cy,2027-01-01\n"
    found = {g["code"]: g for g in groups(text)}
    assert set(found) == {"impossible_date", "in_future", "invalid_email"}
    assert found["impossible_date"]["rows"][0]["who"] == "Ana"
    assert "does not exist" in found["impossible_date"]["title"]


def test_the_cli_lines_stay_one_per_row() -> None:
    result = team_from_csv("Email,Issued on\na@x.example,soon\nb@x.example,later\n", today=TODAY)
    assert [r["row"] for r in result["rejected"]] == [2, 3] and all(r["message"] for r in result["rejected"])
    assert result["summary"]["rejected_groups"][0]["count"] == 2


def test_incomplete_addresses_are_kept_and_listed() -> None:
    text = (
        "Name,Email,Issued on\nEve,eve@contoso,2027-03-01\nAl,al@contoso.com,2027-03-01\nZed,zed@intranet,2027-03-01\n"
    )
    for language, words in (
        ("en", "2 addresses look incomplete"),
        ("fr", "2 adresses semblent"),
        ("zh-TW", "2 個地址"),
    ):
        result = team_from_csv(text, language=language, today=TODAY)
        assert result["rejected"] == [] and len(result["employees"]) == 3
        assert [a["email"] for a in result["summary"]["incomplete_addresses"]] == ["eve@contoso", "zed@intranet"]
        notice = next(n for n in result["notices"] if n["code"] == "addresses_incomplete")
        assert words in notice["message"] and "eve@contoso" in notice["message"]
    zh = team_from_csv(text, language="zh-TW", today=TODAY)
    assert "、" in next(n for n in zh["notices"] if n["code"] == "addresses_incomplete")["message"]
