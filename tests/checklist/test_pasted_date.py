"""A whole date pasted into one box of the page's date question is read by the engine (`read_date`), with the
rules that read a team file's date cells (issue 21): one reading of dates, in Python, for the file and the form."""

from __future__ import annotations

import json

import pytest

from checklist.web import call


def read_date(text: str, language: str) -> object:
    reply = json.loads(call("read_date", json.dumps({"text": text, "language": language})))
    assert reply["ok"], reply
    return reply["result"]


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
@pytest.mark.parametrize(
    "text",
    [
        "15/06/2027",
        "2027-06-15",
        "15 juin 2027",
        "2027年6月15日",
        "June 15, 2027",
        " 15.6.2027 ",
        "２０２７年６月１５日",
    ],
)
def test_every_way_of_writing_15_june_2027_reads_as_it(text: str, language: str) -> None:
    assert read_date(text, language) == "2027-06-15"


def test_a_slashed_date_that_does_not_prove_its_order_follows_the_page_language() -> None:
    assert read_date("8/10/2026", "en") == "2026-10-08"
    assert read_date("8/10/2026", "fr") == "2026-10-08"
    assert read_date("8/10/2026", "zh-TW") is None  # a year-first reader's page does not guess


@pytest.mark.parametrize("text", ["", "next Tuesday", "15", "2027", "Smarch 3, 2027", "15/06"])
def test_what_is_not_a_whole_date_reads_as_nothing(text: str) -> None:
    assert read_date(text, "en") is None
