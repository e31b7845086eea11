"""Bad input: one typed error naming the field, with a message in the reader's language."""

from __future__ import annotations

from typing import Any

import pytest

from checklist import ChecklistError, plan

VALID: dict[str, Any] = {"role": "admin", "today": "2027-03-01"}
# The answers only the 2017 rules read are checked only before PMC's retirement (after it they are ignored:
# tests/checklist/test_retirement.py).
BEFORE_RETIREMENT: dict[str, Any] = {"role": "admin", "today": "2017-03-01"}


@pytest.mark.parametrize(
    ("document", "field", "code"),
    [
        ([], "$", "not_an_object"),
        ({"today": "2027-03-01"}, "role", "required"),
        ({**VALID, "role": "owner"}, "role", "invalid_value"),
        ({**VALID, "language": "de"}, "language", "invalid_value"),
        ({**VALID, "situation": "migrate"}, "situation", "invalid_value"),
        ({"role": "admin"}, "today", "required"),
        ({**VALID, "today": "2027-02-30"}, "today", "impossible_date"),
        ({**VALID, "today": "01/03/2027"}, "today", "invalid_date"),
        ({**VALID, "today": 20270301}, "today", "invalid_date"),
        ({**VALID, "now": "2027-03-01 10:00"}, "now", "invalid_datetime"),
        ({**VALID, "now": "2027-03-02T10:00"}, "now", "conflict"),
        ({**BEFORE_RETIREMENT, "pmc_membership_end": "2017-13-01"}, "pmc_membership_end", "impossible_date"),
        ({**BEFORE_RETIREMENT, "reenrolled_on": "2017-03-02"}, "reenrolled_on", "in_future"),
        ({**VALID, "temp_password_issued_on": "2028-01-01"}, "temp_password_issued_on", "in_future"),
        ({**VALID, "exams_associated_at": "2027-03-01T25:00"}, "exams_associated_at", "impossible_date"),
        ({**VALID, "csp": "yes"}, "csp", "invalid_type"),
        ({**VALID, "marketplace": 1}, "marketplace", "invalid_type"),
        ({**VALID, "benefits": "software"}, "benefits", "invalid_type"),
        ({**VALID, "benefits": ["software", "hardware"]}, "benefits[1]", "unknown_value"),
        ({**VALID, "done": ["account.create", "account.delete"]}, "done[1]", "unknown_value"),
        ({**VALID, "done": [3]}, "done[0]", "unknown_value"),
        ({**VALID, "colour": "blue"}, "colour", "unknown_field"),
    ],
)
def test_bad_input_names_the_field(document: Any, field: str, code: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        plan(document)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert caught.value.message


def test_messages_are_in_the_readers_language() -> None:
    messages = {}
    for language in ("en", "fr", "zh-TW"):
        with pytest.raises(ChecklistError) as caught:
            plan({**VALID, "language": language, "today": "2027-02-30"})
        messages[language] = caught.value.message
    assert len(set(messages.values())) == 3
    assert messages["en"] == "This date does not exist."


def test_error_serialises_for_the_page() -> None:
    with pytest.raises(ChecklistError) as caught:
        plan({**VALID, "role": "x"})
    assert caught.value.to_dict() == {"field": "role", "code": "invalid_value", "message": caught.value.message}


def test_null_optional_fields_are_accepted() -> None:
    document = {**VALID, "pmc_membership_end": None, "reenrolled_on": None, "benefits": None, "done": None}
    assert plan(document)["remaining"]
