"""The admin's CSV file in and the status table out: headers, encodings, hostile cells, limits, row numbers."""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Iterable
from typing import Any

import pytest

from checklist import ChecklistError
from checklist.team import (
    EMPLOYEE_FIELDS,
    HEADER_ALIASES,
    MAX_BYTES,
    MAX_EMPLOYEES,
    read_team_csv,
    team,
    team_from_csv,
    team_template_csv,
    team_to_csv,
)
from checklist.team.cells import neutralise, restore
from checklist.team.headers import alias_conflicts, is_password_header

TODAY = "2027-04-01"
HEADER = "Name,Email,Temporary password issued on,Signed in,Partner University connected,Exams associated\r\n"


def read(text: str | bytes, **options: Any) -> dict[str, Any]:
    return team_from_csv(text, today=options.pop("today", TODAY), **options)


def failure(text: str | bytes, **options: Any) -> ChecklistError:
    with pytest.raises(ChecklistError) as raised:
        read(text, **options)
    return raised.value


def by_row(result: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(result["employees"], key=lambda e: e["row"])


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


# --- headers ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Email", "email"),
        ("E-mail", "email"),
        ("  EMAIL ADDRESS ", "email"),
        ("e_mail", "email"),
        ("Adresse e-mail", "email"),
        ("adresse electronique", "email"),  # accents optional
        ("Courriel", "email"),
        ("電子郵件", "email"),
        ("ＥＭＡＩＬ", "email"),  # full-width, as a Chinese keyboard may type it
        ("Name", "name"),
        ("Display name", "name"),
        ("Nom", "name"),
        ("姓名", "name"),
        ("Temporary password issued on", "temp_password_issued_on"),
        ("temp_password_issued_on", "temp_password_issued_on"),
        ("Créé le", "temp_password_issued_on"),
        ("Mot de passe temporaire émis le", "temp_password_issued_on"),
        ("暫時密碼核發日期", "temp_password_issued_on"),
        ("Signed in", "signed_in"),
        ("Connecté", "signed_in"),
        ("已登入", "signed_in"),
        ("Partner University", "partner_university_connected"),
        ("Université des partenaires", "partner_university_connected"),
        ("合作夥伴大學", "partner_university_connected"),
        ("Exams associated", "exams_associated"),
        ("Examens associés", "exams_associated"),
        ("已建立測驗關聯", "exams_associated"),
        ("Exams associated at", "exams_associated_at"),
    ],
)
def test_header_aliases(header: str, role: str) -> None:
    columns = [header]
    if role not in ("email", "name"):
        columns.append("Email")
    if role != "temp_password_issued_on":
        columns.append("Issued on")
    table = read_team_csv(",".join(f'"{c}"' for c in columns) + "\n")
    assert table.columns[role] == header.strip()
    assert table.ignored_columns == table.dropped_columns == []


def test_aliases_do_not_collide() -> None:
    assert alias_conflicts() == []
    assert all(headers for headers in HEADER_ALIASES.values())


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_the_template_and_the_export_read_back_in_every_language(language: str) -> None:
    template = team_template_csv(language)
    assert template.startswith("\ufeff") and template.endswith("\r\n") and template.count("\n") == 1
    result = read(template + "Ana,ana@contoso.example,2027-03-01,,,\r\n", language=language)
    assert result["ignored_columns"] == [] and result["missing_columns"] == []
    assert result["employees"][0]["name"] == "Ana"
    again = read(team_to_csv(result), language=language)
    assert [(e["name"], e["email"], e["status"]) for e in again["employees"]] == [
        ("Ana", "ana@contoso.example", "in_progress")
    ]


def test_template_names_the_columns() -> None:
    assert team_template_csv(bom=False) == HEADER.replace("Email", "E-mail")
    assert team_template_csv("fr", bom=False).startswith("Nom,Adresse e-mail,")


def test_the_admins_own_columns_are_kept_and_listed() -> None:
    result = read("Email,Department,Issued on,,Notes\nana@contoso.example,Sales,2027-03-01,,x\n")
    assert result["extra_columns"] == ["Department", "Notes"] and result["ignored_columns"] == []
    assert result["employees"][0]["extra"] == {"Department": "Sales", "Notes": "x"}
    assert result["notices"][-1] == {
        "code": "columns_kept",
        "message": "Your own columns, kept as they are: Department, Notes.",
    }


def test_data_under_no_header_is_reported_not_lost() -> None:
    result = read("Email,Issued on,\nana@contoso.example,2027-03-01,something\nbo@contoso.example,2027-03-01,,extra\n")
    assert result["ignored_columns"] == ["#3"]
    assert [e["email"] for e in result["employees"]] == ["ana@contoso.example"]
    assert [(r["row"], r["code"]) for r in result["rejected"]] == [(3, "row_width")], "a longer row is refused"


def test_missing_optional_columns_are_listed() -> None:
    result = read("Email,Issued on\nana@contoso.example,2027-03-01\n")
    assert result["missing_columns"] == ["signed_in", "partner_university_connected", "exams_associated"]
    assert [n["code"] for n in result["notices"]] == ["column_missing"] * 3
    assert result["notices"][0]["message"] == "No “Signed in” column: that step is shown as not done for everyone."


@pytest.mark.parametrize(
    ("language", "missing"),
    [
        ("en", "“Temporary password issued on”"),
        ("fr", "«\u00a0Mot de passe temporaire émis le\u00a0»"),
        ("zh-TW", "「暫時密碼核發日期」"),
    ],
)
def test_missing_date_column_is_named_in_the_readers_language(language: str, missing: str) -> None:
    raised = failure("Email,Signed in\nana@contoso.example,yes\n", language=language)
    assert (raised.field, raised.code, raised.column) == ("columns", "missing_column", "temp_password_issued_on")
    assert missing in raised.message


def test_missing_identity_column_is_named() -> None:
    raised = failure("Department,Issued on\nSales,2027-03-01\n")
    assert (raised.code, raised.column) == ("missing_column", "email")
    assert "“E-mail”" in raised.message and "“Name”" in raised.message


def test_two_columns_for_the_same_field_are_refused() -> None:
    raised = failure("Email,E-mail,Issued on\na@contoso.example,b@contoso.example,2027-03-01\n")
    assert raised.code == "duplicate_column"
    assert "“Email” and “E-mail”" in raised.message


def test_user_name_stands_in_for_the_email_and_first_last_names_are_joined() -> None:
    result = read("First name,Last name,User name,Issued on\nAna,Silva,ana@contoso.onmicrosoft.com,2027-03-01\n")
    assert (result["employees"][0]["name"], result["employees"][0]["email"]) == (
        "Ana Silva",
        "ana@contoso.onmicrosoft.com",
    )
    result = read("姓,名,建立日期\n王,小明,2027/3/1\n")
    assert result["employees"][0]["name"] == "王小明"
    result = read("Email,User name,Issued on\nana@contoso.example,ana@contoso.onmicrosoft.com,2027-03-01\n")
    assert result["employees"][0]["email"] == "ana@contoso.example" and result["ignored_columns"] == ["User name"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_comes_from_the_header_line(delimiter: str) -> None:
    text = (
        delimiter.join(["Nom", "Adresse e-mail", "Créé le"])
        + "\n"
        + delimiter.join(["Ana, Li", "a@b.example", "2027-03-01"])
    )
    result = read(text.replace("Ana, Li", '"Ana, Li"') if delimiter == "," else text)
    assert result["employees"][0]["name"] == "Ana, Li"
    assert result["source"]["delimiter"] == delimiter


# --- cells -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [("yes", True), ("YES", True), ("Oui", True), ("是", True), ("x", True), ("✓", True), ("2027-03-02", True),
     ("no", False), ("non", False), ("否", False), ("0", False), ("-", False), ("", False)],
)  # fmt: skip
def test_yes_no_cells(cell: str, value: bool) -> None:
    result = read(f"Email,Issued on,Signed in\nana@contoso.example,2027-03-01,{cell}\n")
    assert result["employees"][0]["signed_in"] is value


def test_dates_in_common_unambiguous_forms() -> None:
    text = "Email,Issued on,Exams associated\n"
    text += "a@x.example,2027/3/1,2027-03-05 10:30:15\nb@x.example,2027-03-01 00:00:00,yes\nc@x.example,2027.03.01,\n"
    a, b, c = by_row(read(text))
    assert a["temp_password_issued_on"] == b["temp_password_issued_on"] == c["temp_password_issued_on"] == "2027-03-01"
    assert (a["exams_associated_at"], a["exams_associated"]) == ("2027-03-05T10:30", True)
    assert (b["exams_associated_at"], b["exams_associated"]) == (None, True)
    assert (c["exams_associated_at"], c["exams_associated"]) == (None, False)


DATE_FIELD = "temp_password_issued_on"


@pytest.mark.parametrize(
    ("lines", "row", "column", "value", "code"),
    [
        (
            ["Email,Issued on", "a@x.example,2027-03-01", "b@x.example,March 1st"],
            3, "Issued on", "March 1st", "invalid_value",
        ),
        (
            ["Email,Issued on", "a@x.example,2027-03-01", "", "b@x.example,2027-02-30"],
            4, "Issued on", "2027-02-30", "impossible_date",
        ),
        (
            ["Name,Email,Issued on", '"Ana', 'Silva",a@x.example,2027-03-01', "Bo,b@x.example,2027-05-01"],
            3, "Issued on", "2027-05-01", "in_future",
        ),
        (["Email,Issued on,Signed in", "a@x.example,2027-03-01,maybe"], 2, "Signed in", "maybe", "invalid_value"),
        (
            ["Email,Issued on,Exams associated", "a@x.example,2027-03-01,2027-03-05"],
            2, "Exams associated", "2027-03-05", "invalid_value",
        ),
        (["Courriel,Issued on", "not-an-address,2027-03-01"], 2, "Courriel", "not-an-address", "invalid_email"),
        (["Email,Name,Issued on", ",,2027-03-01"], 2, "Email", None, "required"),
    ],
)  # fmt: skip
def test_a_bad_cell_refuses_its_row_only_named_in_the_files_own_words(
    lines: list[str], row: int, column: str, value: str | None, code: str
) -> None:
    good = "z@x.example,2027-03-01" if lines[0].count(",") == 1 else None
    text = "\n".join(lines) + "\n" + (good + "\n" if good else "")
    result = read(text)
    (entry,) = result["rejected"]
    assert (entry["row"], entry["column"], entry["value"], entry["code"]) == (row, column, value, code)
    assert entry["expected"] and entry["message"].startswith(f"Row {row}, column “{column}”: ")
    assert (value is None) or f"“{value}”" in entry["message"]
    assert row not in [e["row"] for e in result["employees"]]
    if good:
        assert "z@x.example" in [e["email"] for e in result["employees"]], "the other rows are computed"
    internal = ("temp_password_issued_on", "exams_associated", "signed_in", "rows[")
    assert not any(name in entry["message"] or name in entry["column"] for name in internal)
    assert result["notices"][0]["code"] == "rows_rejected"


def test_every_bad_row_is_listed_not_only_the_first() -> None:
    text = "Name,Created on,Signed in\n" + "".join(
        f"P{i},{'2026-10-01' if i % 3 else 'soon'},{'yes' if i % 5 else 'perhaps'}\n" for i in range(200)
    )
    result = read(text, today="2026-11-21")
    bad = sorted({i + 2 for i in range(200) if i % 3 == 0 or i % 5 == 0})
    assert [r["row"] for r in result["rejected"]] == bad
    assert len(result["employees"]) == 200 - len(bad)
    assert {r["column"] for r in result["rejected"]} == {"Created on", "Signed in"}
    assert result["notices"][0]["message"].startswith(f"{len(bad)} rows not imported (2, 5, 7, ")


def test_cell_errors_are_in_the_readers_language() -> None:
    result = read("Email,Issued on,Signed in\na@x.example,2027-03-01,peut-être\n", language="fr")
    assert result["rejected"][0]["expected"] == "Écrivez oui ou non, ou laissez la cellule vide."
    assert result["rejected"][0]["message"].startswith("Ligne 2, colonne «\u00a0Signed in\u00a0»")


def test_empty_lines_are_skipped_and_a_header_alone_is_an_empty_team() -> None:
    assert read(HEADER)["employees"] == []
    assert [e["row"] for e in by_row(read(HEADER + "\r\n,,,,,\r\nAna,,2027-03-01,,,\r\n"))] == [4]


@pytest.mark.parametrize("text", ["", "   \n\n", b"", "\ufeff"])
def test_empty_file(text: str | bytes) -> None:
    assert failure(text).code == "empty_file"


# --- encodings -------------------------------------------------------------------------------------------------

SAMPLE = (
    "Nom;Adresse e-mail;Créé le\n"
    "Élodie Dupré;elodie@contoso.example;2027-03-01\n"
    "王小明;xiaoming@contoso.example;2027-03-01\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # with its byte order mark, as Excel's "Unicode text"
        ("\ufeff".encode("utf-16-le") + SAMPLE.encode("utf-16-le"), "utf-16"),
        ("\ufeff".encode("utf-16-be") + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-32"), "utf-32"),
        (bytearray(SAMPLE.encode("utf-8")), "utf-8"),
        (memoryview(SAMPLE.encode("utf-8")), "utf-8"),
        (SAMPLE, "text"),
        ("\ufeff" + SAMPLE, "text"),
    ],
)
def test_accepted_encodings(data: bytes | str, encoding: str) -> None:
    result = read(data)
    assert [e["name"] for e in by_row(result)] == ["Élodie Dupré", "王小明"]
    assert result["source"] == {"format": "csv", "encoding": encoding, "delimiter": ";"}


def test_windows_1252_is_refused_with_a_clear_message_naming_the_line() -> None:
    data = "Email,Name,Issued on\na@x.example,Ana,2027-03-01\nb@x.example,Élodie,2027-03-01\n".encode("cp1252")
    raised = failure(data)
    assert (raised.field, raised.code) == ("$", "invalid_encoding")
    assert raised.message == (
        "The file is not UTF-8 text (line 3 cannot be read). Save it again as “CSV UTF-8” and import that file."
    )
    assert "CSV UTF-8" in failure(data, language="fr").message


def test_a_named_encoding_reads_windows_1252() -> None:
    data = "Email;Nom;Créé le\nb@x.example;Élodie;2027-03-01\n".encode("cp1252")
    result = read(data, encoding="cp1252")
    assert result["employees"][0]["name"] == "Élodie" and result["source"]["encoding"] == "cp1252"
    assert failure(data, encoding="klingon").code == "unknown_encoding"
    assert failure("é".encode("utf-16-le"), encoding="ascii").code == "invalid_encoding"


def test_utf16_without_byte_order_mark_is_refused() -> None:
    raised = failure(SAMPLE.encode("utf-16-le"))
    assert raised.code == "invalid_encoding" and "NUL" in raised.message


# --- hostile input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Password", "Temporary password", "Mot de passe", "密碼", "Password (initial)"])
def test_password_column_is_dropped_and_its_values_never_appear(header: str) -> None:
    secret = "Xy7$-hunter2-TOP"
    text = f'Email,"{header}",Issued on\na@x.example,{secret},2027-03-01\nb@x.example,{secret}2,2027-03-01\n'
    for language in ("en", "fr", "zh-TW"):
        result = read(text, language=language)
        assert result["dropped_columns"] == [header]
        assert result["notices"][-1]["code"] == "password_column_dropped"
        output = json.dumps(result, ensure_ascii=False) + team_to_csv(result)
        assert secret not in output
    table = read_team_csv(text)
    assert secret not in repr(table)


def test_password_in_a_badly_formed_row_is_not_shown_in_the_error() -> None:
    result = read("Email,Password,Issued on\na@x.example,hunter2,2027-02-30\n")
    assert result["rejected"][0]["code"] == "impossible_date"
    assert "hunter2" not in json.dumps(result)


def test_html_in_names_stays_plain_text() -> None:
    name = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    result = read(f'Name,Email,Issued on\n"{name.replace(chr(34), chr(34) * 2)}",a@x.example,2027-03-01\n')
    assert result["employees"][0]["name"] == name
    assert "&lt;" not in json.dumps(result) and "&lt;" not in team_to_csv(result)
    assert cells(team_to_csv(result))[1][1] == name


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝"])
def test_formula_injection_is_neutralised_on_export(start: str) -> None:
    name = f'{start}HYPERLINK("https://evil.example","click")'
    result = team({"today": TODAY, "employees": [{"name": "x" + name, "email": "a@x.example"}]})
    result["employees"][0]["name"] = name  # names are trimmed on read: put the tab or CR back, as any caller could
    result["employees"][0]["warnings"] = [{"code": "x", "message": "-" + start}]
    exported = cells(team_to_csv(result))
    assert exported[1][1] == "'" + name
    for row in exported:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r＝", cell
    assert read(team_to_csv(result))["employees"][0]["name"] == name.strip()


def test_neutralise_and_restore_are_inverse() -> None:
    for cell in ["=1+1", "'=1+1", "'", "''", "'plain", "plain", "", "-", "@x", "\tx"]:
        assert restore(neutralise(cell)) == cell
    assert restore("'O'Brien") == "'O'Brien"  # an apostrophe before a letter is part of the text


def test_file_too_large_is_refused_at_once() -> None:
    ten_megabytes = (HEADER + "Ana,ana@contoso.example,2027-03-01,yes,yes,yes\r\n" * 250_000).encode()[
        : 10 * 1024 * 1024
    ]
    assert len(ten_megabytes) == 10 * 1024 * 1024 > MAX_BYTES
    raised = failure(ten_megabytes)
    assert (raised.field, raised.code) == ("$", "too_large")
    assert raised.message == "The file is too large (10.0 MB; the limit is 5.0 MB). Split it into several files."
    assert "10,0\u00a0Mo" in failure(ten_megabytes, language="fr").message
    assert failure(ten_megabytes.decode()).code == "too_large"


def test_too_many_rows_is_refused() -> None:
    text = HEADER + "A,,2027-03-01,,,\r\n" * (MAX_EMPLOYEES + 1)
    assert len(text) < MAX_BYTES
    raised = failure(text)
    assert (raised.field, raised.code) == ("$", "too_many_rows")
    assert len(read(HEADER + "A,,2027-03-01,,,\r\n" * MAX_EMPLOYEES)["employees"]) == MAX_EMPLOYEES


def test_a_huge_cell_is_a_clear_error() -> None:
    raised = failure(HEADER + '"' + "x" * 200_000 + '",,2027-03-01\n')
    assert raised.code == "invalid_csv" and "line" in raised.message


# --- export ----------------------------------------------------------------------------------------------------


def test_export_columns_and_round_trip() -> None:
    document = {
        "today": TODAY,
        "language": "fr",
        "employees": [
            {"name": "Ana", "email": "ana@x.example", "temp_password_issued_on": "2027-01-01"},
            {"name": "Bo", "signed_in": True, "exams_associated_at": "2027-03-31T23:00"},
            {"email": "c@x.example", "signed_in": True, "partner_university_connected": True, "exams_associated": True},
        ],
    }
    result = team(document)
    exported = team_to_csv(result)
    assert exported.startswith("\ufeff") and not team_to_csv(result, bom=False).startswith("\ufeff")
    rows = cells(exported)
    assert rows[0][:4] == ["Ligne", "Nom", "Adresse e-mail", "Mot de passe temporaire émis le"]
    assert rows[1][:8] == [
        "1",
        "Ana",
        "ana@x.example",
        "2027-01-01",
        "non",
        "non",
        "non",
        "Mot de passe expiré\u00a0: supprimer et ajouter de nouveau",
    ]
    again = read(exported, language="fr")
    keys = ("row", *EMPLOYEE_FIELDS, "status")
    assert [[e[k] for k in keys] for e in again["employees"]] == [[e[k] for k in keys] for e in result["employees"]]
    assert again["columns"]["row"] == "Ligne" and again["dropped_columns"] == [] and again["rejected"] == []


# --- rows that do not fit the header, password headers, the file's bytes (issue 16) ----------------------------

MARK = "Kq7@m2Lp#PWMARK"


def assert_never_shown(result: dict[str, Any], secret: str) -> None:
    from checklist.calendar import team_ics

    shown = json.dumps(result, ensure_ascii=False) + team_to_csv(result)
    shown += team_ics(result, "https://example.com/checklist/", "https://example.com/")
    assert secret not in shown


def test_a_short_row_is_refused_not_shifted_and_its_password_never_shown() -> None:
    text = f"Display name,User name,Password,Created on\nAna Silva,{MARK},2026-10-01\nBo,bo@x.example,pw2,2026-10-01\n"
    for language in ("en", "fr", "zh-TW"):
        result = read(text, language=language)
        assert [e["email"] for e in result["employees"]] == ["bo@x.example"]
        assert result["rejected"] == [
            {
                "row": 2,
                "column": None,
                "value": None,
                "code": "row_width",
                "expected": result["rejected"][0]["expected"],
                "message": result["rejected"][0]["message"],
            }
        ]
        assert "2" in result["rejected"][0]["message"] and "3" in result["rejected"][0]["message"]
        assert result["notices"][0]["code"] == "rows_rejected"
        assert_never_shown(result, MARK)
    assert read(text, language="fr")["rejected"][0]["message"].startswith("La ligne 2 a 3 cellules")
    assert read(text, language="zh-TW")["notices"][0]["message"].startswith("1 列未匯入（2）")


def test_an_unquoted_comma_in_a_name_is_refused_not_shifted() -> None:
    text = f"Name,Email,Password,Issued on\nSilva, Ana,ana@x.example,{MARK},2027-03-01\n"
    result = read(text)
    assert result["employees"] == [] and [r["row"] for r in result["rejected"]] == [2]
    assert_never_shown(result, MARK)


def test_rejected_rows_keep_their_spreadsheet_numbers_and_the_rest_is_computed() -> None:
    text = HEADER + 'Ana,a@x.example,2027-03-01,no,no,no\r\n"Bo\nMultiline",b@x.example,2027-03-01,no\r\n'
    text += "\r\nCy,c@x.example,2027-03-01,yes,yes,yes,extra\r\nDi,d@x.example,2027-03-01,no,no,no\r\n"
    result = read(text)
    assert sorted(e["name"] for e in result["employees"]) == ["Ana", "Di"]
    assert [r["row"] for r in result["rejected"]] == [3, 5]  # the empty line 4 is not a row to refuse
    assert "3, 5" in result["notices"][0]["message"]


def test_the_notice_lists_the_first_rejected_rows_and_rejected_has_them_all() -> None:
    text = "Email,Issued on\n" + "a@x.example\n" * 30
    result = read(text)
    assert len(result["rejected"]) == 30
    listed = result["notices"][0]["message"].removeprefix("30 rows not imported (").split(")")[0]
    assert listed == ", ".join(str(row) for row in range(2, 22)) + ", …"


# fmt: off
PASSWORD_HEADERS = [
    "Password", "Temporary password", "Temp. password", "passwd", "PWD", "Pwd", "PW", "pw (temp)", "Pass",
    "Passcode", "Passphrase", "PIN", "User PIN", "PIN code", "OTP", "otp-code", "TOTP seed", "One-time code",
    "One time password", "One-time PIN", "Secret", "Client secret", "Secret code", "Mot de passe", "Mot-de-passe",
    "MdP", "MDP temporaire", "Code secret", "Code confidentiel", "Code unique", "密碼", "暫時密碼", "臨時密碼",
    "口令", "密码", "驗證碼", "PIN碼", "Kennwort", "Passwort", "Contraseña", "contrasena", "Senha", "Wachtwoord",
    "Lösenord", "Salasana", "Hasło", "パスワード", "비밀번호", "Пароль", "ＰＡＳＳＷＯＲＤ", "Initial_Password",
]
NOT_PASSWORDS = ["Shipping", "Passport", "Opinion", "Department", "Compass", "Pinned", "Spin", "Notes", "Bypass"]
# fmt: on


@pytest.mark.parametrize("header", PASSWORD_HEADERS)
def test_password_headers_are_recognised_and_dropped(header: str) -> None:
    assert is_password_header(header)
    text = f'Email,"{header}",Issued on\na@x.example,{MARK},2027-03-01\n'
    result = read(text)
    assert result["dropped_columns"] == [header] and result["ignored_columns"] == []
    assert_never_shown(result, MARK)


@pytest.mark.parametrize("header", NOT_PASSWORDS)
def test_other_headers_are_not_taken_for_passwords(header: str) -> None:
    assert not is_password_header(header)
    result = read(f"Email,{header},Issued on\na@x.example,x,2027-03-01\n")
    assert result["extra_columns"] == [header] and result["employees"][0]["extra"] == {header: "x"}


def test_known_columns_that_mention_a_password_keep_their_meaning() -> None:
    for header in HEADER_ALIASES["temp_password_issued_on"]:
        result = read(f'Email,"{header}"\na@x.example,2027-03-01\n')
        assert result["columns"]["temp_password_issued_on"] == header and result["dropped_columns"] == []


def test_out_of_range_dates_in_cells_are_typed_errors_naming_row_and_column() -> None:
    for cell in ("9999-12-31", "1999/12/31", "2101-01-01"):
        (entry,) = read(f"Email,Issued on\na@x.example,{cell}\n")["rejected"]
        assert (entry["row"], entry["column"], entry["value"], entry["code"]) == (2, "Issued on", cell, "out_of_range")
    (entry,) = read("Email,Issued on,Exams associated\na@x.example,2027-03-01,9999-01-01 10:00\n")["rejected"]
    assert (entry["column"], entry["value"], entry["code"]) == ("Exams associated", "9999-01-01 10:00", "out_of_range")


def test_non_text_encodings_are_refused_naming_the_option() -> None:
    for encoding in ("rot13", "base64", "hex", "zlib", "no-such-codec"):
        raised = failure(b"Email,Issued on\n", encoding=encoding)
        assert (raised.field, raised.code) == ("encoding", "unknown_encoding")


def _live_containers_holding(mark: str) -> list[str]:
    """Types of live objects (after a collection) that reference a str or bytes containing `mark`."""
    needle = mark.encode()
    found = []
    gc.collect()
    for holder in gc.get_objects():
        if isinstance(holder, dict):
            values: Iterable[Any] = holder.values()
        elif isinstance(holder, list | tuple | set | frozenset):
            values = holder
        elif isinstance(holder, BaseException):
            values = (*holder.args, getattr(holder, "object", None))
        else:
            continue
        for value in values:
            if (isinstance(value, str) and mark in value) or (isinstance(value, bytes) and needle in value):
                found.append(type(holder).__name__)
    return found


@pytest.mark.parametrize(
    "outcome",
    ["imported", "rejected_row", "bad_cell", "not_utf8"],
)
def test_the_files_bytes_and_text_do_not_outlive_the_import(outcome: str) -> None:
    """Nothing the engine keeps (caches, errors, their contexts) refers to the file once the import is over."""
    mark = f"PW{outcome.upper()}{id(outcome)}"  # built at run time: not a constant any module holds
    text = f"Email,Password,Issued on\na@x.example,{mark},2027-03-01\n"
    if outcome == "rejected_row":
        text += f"b@x.example,{mark}\n"
    elif outcome == "bad_cell":
        text += f"b@x.example,{mark},not a date\n"
    data = text.encode("utf-8") + (b"\xff" if outcome == "not_utf8" else b"")
    del text
    holder = [data]
    assert _live_containers_holding(mark) == ["list"], "the detector sees a reference when there is one"
    del holder
    kept: ChecklistError | None = None  # a caller may keep the error (to show it again): it must not hold the file
    try:
        result: dict[str, Any] | None = team_from_csv(data, today=TODAY)
    except ChecklistError as error:
        assert mark not in json.dumps(error.to_dict())
        result, kept = None, error
    del data
    assert result is None or mark not in json.dumps(result)
    assert _live_containers_holding(mark) == []
    assert kept is None or kept.code
