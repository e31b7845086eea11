"""Issue 22: a warning the reading adds to a row (e.g. an address without a dot in its domain) reaches both
renderers with no branch of its own: the full status words it from its parameters, the page's compact record
carries `[code, *values]` and its dates only go to `dates_text`."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.i18n import Texts
from checklist.team import model, views

FACTS = {
    "temp_password_issued_on": dt.date(2026, 11, 1),
    "signed_in": False,
    "exams_associated_at": None,
    "partner_university_connected": False,
    "exams_associated": False,
}


@pytest.fixture
def new_code(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(model.WARNING_MESSAGES, "test_row_note", "Check {email} (seen on {day}).")
    monkeypatch.setitem(model.WARNING_PARAMETERS, "test_row_note", ("email", "day"))
    return "test_row_note"


def test_a_new_warning_code_is_worded_and_sent_as_it_is(new_code: str) -> None:
    context = model.Context(Texts("en"), "en", dt.date(2026, 11, 21), None)
    person = context.person(2, "Eve", "eve@contoso", dict(FACTS), {})
    person.warnings.append([new_code, "eve@contoso", "2026-11-20"])
    worded = views.full(context, person)["warnings"]
    message = next(w["message"] for w in worded if w["code"] == new_code)
    assert message.startswith("Check eve@contoso (seen on ") and "2026-11-20" not in message  # the date in words
    record = views.compact(person)
    assert [new_code, "eve@contoso", "2026-11-20"] in record[views.VIEW_FIELDS.index("warnings")]
    decided = model.Evaluation(context, [person], {}, None, None, [])
    texts = views._view_dates(context, decided.people)
    assert "2026-11-20" in texts and "eve@contoso" not in texts


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
@pytest.mark.parametrize(
    ("email", "warned"),
    [("eve@contoso", True), ("eve@contoso.", True), ("Eve@INTRANET", True), ("eve@contoso.com", False)],
)
def test_an_address_without_a_dot_in_its_domain_is_kept_with_a_warning(language: str, email: str, warned: bool) -> None:
    context = model.Context(Texts(language), language, dt.date(2026, 11, 21), None)
    person = context.person(2, "Eve", email, dict(FACTS), {})
    assert person.email == email  # kept, never refused
    worded = [w for w in views.full(context, person)["warnings"] if w["code"] == "email_incomplete"]
    assert bool(worded) is warned
    if warned:
        assert email in worded[0]["message"] and ".com" in worded[0]["message"]
