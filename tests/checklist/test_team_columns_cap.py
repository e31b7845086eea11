"""A cap on the number of columns (issue 22): a file far wider than any export is refused with a typed error
naming the limit and the count, in the reader's language, before any row is read; up to the cap, every column
is handled in sets and dicts (the figure is in `bench/team_scale.py`, never timed here)."""

from __future__ import annotations

import pytest

from checklist import ChecklistError
from checklist.team import team_from_csv
from checklist.team.headers import MAX_COLUMNS


def wide(count: int) -> str:
    header = ["Email", "Issued on"] + [f"Column {i}" for i in range(count - 2)]
    row = ["a@x.example", "2027-03-01"] + [str(i) for i in range(count - 2)]
    return ",".join(header) + "\n" + ",".join(row) + "\n"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "; the limit is"), ("fr", "\u00a0; la limite est de"), ("zh-TW", "上限為")],
)
def test_ten_thousand_columns_get_the_typed_error(language: str, words: str) -> None:
    with pytest.raises(ChecklistError) as raised:
        team_from_csv(wide(10_000), language=language, today="2027-06-01")
    error = raised.value
    assert (error.field, error.code) == ("columns", "too_many_columns")
    assert "10000" in error.message and str(MAX_COLUMNS) in error.message and words in error.message


def test_the_cap_itself_is_read_and_one_more_is_refused() -> None:
    result = team_from_csv(wide(MAX_COLUMNS), today="2027-06-01")
    assert len(result["extra_columns"]) == MAX_COLUMNS - 2 and result["rejected"] == []
    with pytest.raises(ChecklistError) as raised:
        team_from_csv(wide(MAX_COLUMNS + 1), today="2027-06-01")
    assert raised.value.code == "too_many_columns"


def test_duplicate_headers_among_many_keep_the_first() -> None:
    text = "Email,Issued on," + ",".join(["Dept"] * 50) + "\na@x.example,2027-03-01," + ",".join("x" * 50) + "\n"
    result = team_from_csv(text, today="2027-06-01")
    assert result["extra_columns"] == ["Dept"] and result["ignored_columns"] == ["Dept"] * 49
