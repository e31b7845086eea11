"""The admin's real spreadsheet (issue 22): a French Excel export of 202 people, eight date styles, imports with
no row refused for a real date, its password column never kept, its own columns kept."""

from __future__ import annotations

import datetime as dt
import json

from checklist.team import team_from_csv, team_to_csv
from tests.helpers.french_export import PASSWORD_MARK, french_export

TODAY = dt.date(2027, 1, 20)


def test_the_french_export_imports_every_row_with_a_real_date() -> None:
    data, dates = french_export(TODAY)
    result = team_from_csv(data, language="fr", today=TODAY)
    assert result["rejected"] == [], result["summary"]["rejected_groups"]
    assert result["source"]["delimiter"] == ";" and result["date_order"] == "dmy"
    read = {e["row"]: e["temp_password_issued_on"] for e in result["employees"]}
    assert read == dates  # each row's date read back as the day it was written from
    assert len(result["employees"]) == 202


def test_the_french_export_keeps_service_and_phone_and_drops_the_password() -> None:
    data, _ = french_export(TODAY)
    for language in ("en", "fr", "zh-TW"):
        result = team_from_csv(data, language=language, today=TODAY)
        assert result["extra_columns"] == ["Service", "Téléphone"]
        assert result["dropped_columns"] == ["Mot de passe"]
        assert result["summary"]["dropped"] == [{"column": "Mot de passe", "reason": "header"}]
        assert PASSWORD_MARK not in json.dumps(result, ensure_ascii=False) + team_to_csv(result)
        codes = [notice["code"] for notice in result["notices"]]
        assert {"short_years_read", "excel_dates_read", "password_column_dropped"} <= set(codes)


def test_the_duplicates_in_capitals_are_warned_not_refused() -> None:
    data, _ = french_export(TODAY)
    result = team_from_csv(data, language="fr", today=TODAY)
    warned = [e for e in result["employees"] if any(w["code"] == "duplicate_email" for w in e["warnings"])]
    assert len(warned) == 2
