"""Team CSV files: the admin's spreadsheet in, the team status table out. Pure functions on text or bytes.

Reading (`read_team_csv`, `team_from_csv`):

- Columns are found by their header, whatever the case, accents, spaces and punctuation, in English,
  French or Traditional Chinese (`HEADER_ALIASES`, plus every header `team_to_csv` writes in any language).
  The delimiter (comma, semicolon as a French Excel writes, tab) is taken from the header line.
- Unknown columns are ignored and listed. A password column is dropped on read: its cells are never
  kept, only its header, to say that it was dropped.
- Encodings: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM. Anything else (a "CSV" saved by an
  older Excel in Windows-1252, or in Big5 in Taiwan) is refused with a message saying how to save it as
  UTF-8, unless the caller names the encoding: guessing would garble names without anyone noticing.
- Size: at most `MAX_BYTES` (checked before anything is decoded) and `team.MAX_EMPLOYEES` rows.
- Row numbers are those of the spreadsheet: the header is row 1, so the first employee is row 2.

Writing (`team_to_csv`, `team_template_csv`): a cell that a spreadsheet would run as a formula (starting with
``= + - @``, tab or carriage return) is written with a leading apostrophe, which spreadsheets show as text and
`read_team_csv` removes again.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .date_words import read_worded
from .errors import ChecklistError
from .i18n import LANGUAGES, N_, NP_, Texts
from .team import EMPLOYEE_FIELDS, MAX_EMPLOYEES, build_team, read_options, too_many

__all__ = ["COLUMN_LABELS", "HEADER_ALIASES", "MAX_BYTES", "decode", "read_team_csv", "team_from_csv"]
__all__ += ["DATE_ORDERS", "order_name", "rejection", "rows_rejected_notice", "team_template_csv", "team_to_csv"]
__all__ += ["read_day"]

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB: about 30,000 rows, three times the employee limit

# Header aliases by column role; matching ignores case, accents, spaces and punctuation ("E-mail" = "email").
# fmt: off
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "Name", "Full name", "Display name", "Employee", "Employee name", "User",
        "Nom", "Nom complet", "Nom d'affichage", "Nom affiché", "Employé", "Nom de l'employé", "Utilisateur",
        "姓名", "名稱", "顯示名稱", "全名", "員工", "員工姓名", "使用者",
    ),
    "first_name": ("First name", "Given name", "Prénom", "名字", "名"),
    "last_name": ("Last name", "Surname", "Family name", "Nom de famille", "姓氏", "姓"),
    "email": (
        "Email", "E-mail", "Email address", "E-mail address", "Mail", "Work email",
        "Courriel", "Adresse e-mail", "Adresse électronique", "Adresse courriel", "Adresse de messagerie",
        "電子郵件", "電子郵件地址", "電子信箱", "電郵", "Email 地址",
    ),
    # A Partner Center user name is an e-mail address (user@contoso.onmicrosoft.com): read as the e-mail
    # when the file has no e-mail column, ignored otherwise.
    "user_name": (
        "User name", "User principal name", "UPN", "Sign-in name", "Login",
        "Nom d'utilisateur", "Identifiant",
        "使用者名稱", "登入名稱", "帳戶名稱",
    ),
    "temp_password_issued_on": (
        "Temporary password issued on", "Temp password issued on", "Password issued on", "Issued on",
        "Created on", "Date created", "Creation date", "Account created", "Added on", "Date added",
        "Mot de passe temporaire émis le", "Émis le", "Créé le", "Date de création", "Ajouté le", "Date d'ajout",
        "暫時密碼核發日期", "暫時密碼發出日期", "核發日期", "建立日期", "新增日期",
    ),
    "signed_in": (
        "Signed in", "Has signed in", "Last sign-in",
        "Connecté", "S'est connecté", "Dernière connexion",
        "已登入", "上次登入",
    ),
    "partner_university_connected": (
        "Partner University connected", "Partner University", "Partner University access", "PU connected",
        "Université des partenaires connectée", "Université des partenaires",
        "Accès à l'Université des partenaires",
        "合作夥伴大學已連接", "合作夥伴大學", "合作夥伴大學存取權",
    ),
    "exams_associated": (
        "Exams associated", "Exams and certifications associated",
        "Examens associés", "Examens et certifications associés",
        "已建立測驗關聯", "測驗已關聯",
    ),
    "exams_associated_at": (
        "Exams associated at", "Exams associated on", "Associated at", "Associated on",
        "Examens associés le", "Date d'association des examens",
        "測驗關聯時間", "測驗關聯日期",
    ),
    "password": (
        "Password", "Temporary password", "Temp password", "Initial password",
        "Mot de passe", "Mot de passe temporaire",
        "密碼", "暫時密碼", "臨時密碼", "初始密碼",
    ),
}
# fmt: on
# Any other header naming a password (or a PIN, a one-time code, a secret) is dropped too: its cells are never
# read. A false alarm only drops a column we would have ignored; a miss would show a password, so the list is
# broad. Matched on the normalised header (`normal_header`): whole words for the short ones ("PW", "PIN"
# would match "shipping" as substrings), anywhere for the long ones and for Chinese, which has no spaces.
# fmt: off
PASSWORD_WORDS: frozenset[str] = frozenset({
    "password", "passwd", "passwort", "passcode", "passphrase", "pass", "pw", "pwd", "pin", "otp", "totp",
    "secret", "mdp", "kennwort", "contrasena", "senha", "wachtwoord", "losenord", "salasana", "hasło", "пароль",
})
PASSWORD_TOKENS: tuple[str, ...] = (
    "password", "passwd", "passwort", "passcode", "passphrase", "onetimecode", "onetimepin", "secretcode",
    "motdepasse", "codesecret", "codeconfidentiel", "codeunique", "kennwort", "contrasena", "wachtwoord",
    "密碼", "密码", "口令", "暗碼", "驗證碼", "验证码", "pin碼", "pin码",
    "パスワード", "暗証番号", "비밀번호", "пароль",
)
# fmt: on
_CJK = "\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"  # Han, kana, Hangul (and jamo)
_WORDS = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")  # a run of CJK, or of other letters: "pin碼" is "pin", "碼"


def _folded(text: str) -> str:
    """Case, accents and full-width forms folded (NFKD; the same for the lists below and for headers)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text).casefold() if not unicodedata.combining(ch))


_FOLDED_WORDS = frozenset(_folded(word) for word in PASSWORD_WORDS)
_FOLDED_TOKENS = tuple(_folded(token) for token in PASSWORD_TOKENS)


def is_password_header(header: str) -> bool:
    """True for a header that names a password, a PIN or a one-time code, in any language we know of."""
    words = _WORDS.findall(_folded(header))
    key = "".join(words)
    return any(word in _FOLDED_WORDS for word in words) or any(token in key for token in _FOLDED_TOKENS)


# The columns `team_to_csv` writes, in order, with their header msgids; the first six are the template.
COLUMN_LABELS: tuple[tuple[str, str], ...] = (
    ("name", N_("Name")),
    ("email", N_("E-mail")),
    ("temp_password_issued_on", N_("Temporary password issued on")),
    ("signed_in", N_("Signed in")),
    ("partner_university_connected", N_("Partner University connected")),
    ("exams_associated", N_("Exams associated")),
)
# Computed columns of the export: recognised on import, and ignored (the engine computes them again).
COMPUTED_LABELS: tuple[str, ...] = (
    N_("Row"),
    N_("Status"),
    N_("Temporary password stops working on"),
    N_("Competency progress visible from"),
    N_("Remaining steps"),
    N_("Warnings"),
)
_REQUIRED_DATE = "temp_password_issued_on"
_FLAGS = ("signed_in", "partner_university_connected")
_OPTIONAL = ("signed_in", "partner_university_connected", "exams_associated")

# Cell values read as yes / no (after normalising); the catalogs' "yes" and "no" in every language are added.
# fmt: off
YES: tuple[str, ...] = (
    "yes", "y", "true", "1", "x", "ok", "done", "oui", "o", "vrai", "fait", "是", "已", "有", "已完成",
)
NO: tuple[str, ...] = ("no", "n", "false", "0", "non", "faux", "否", "未", "無", "沒有", "未完成")
# fmt: on
_SYMBOLS = {"✓": True, "✔": True, "☑": True, "☒": False, "✗": False, "-": False, "–": False, "—": False}

# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"), full-width too.
FORMULA_STARTS = "=+-@\t\r＝＋－＠"

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATETIME = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normal_header(header: str) -> str:
    """The form headers are compared in: no accents, case, spaces or punctuation; full-width folded."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", header).casefold() if ch.isalnum())


@cache
def _vocabulary() -> tuple[dict[str, str], dict[str, bool]]:
    """Header → column role, and cell → yes/no, including the catalogs' words in every language (built once)."""
    roles: dict[str, str] = {}

    def add(role: str, header: str) -> None:
        roles.setdefault(normal_header(header), role)

    for field_name in EMPLOYEE_FIELDS:
        add(field_name, field_name)
    for language in LANGUAGES:
        _ = Texts(language)
        for role, label in COLUMN_LABELS:
            add(role, _(label))
        add("row", _(COMPUTED_LABELS[0]))  # "Row": the person's row in the admin's first file (identity)
        for label in COMPUTED_LABELS[1:]:
            add("computed", _(label))
    for role, headers in HEADER_ALIASES.items():
        for header in headers:
            add(role, header)
    answers = {normal_header(word): True for word in YES}
    answers.update({normal_header(word): False for word in NO})
    for language in LANGUAGES:
        _ = Texts(language)
        answers.setdefault(normal_header(_(N_("yes"))), True)
        answers.setdefault(normal_header(_(N_("no"))), False)
    return roles, answers


def alias_conflicts() -> list[tuple[str, str, str]]:
    """(header, role it gets, role it was also meant for): must stay empty (a test checks it)."""
    roles, _ = _vocabulary()
    found = []
    for role, headers in HEADER_ALIASES.items():
        found += [(h, roles[normal_header(h)], role) for h in headers if roles[normal_header(h)] != role]
    return found


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as the same text and never runs as a formula (reversed by `restore`)."""
    if cell and (cell[0] in FORMULA_STARTS or cell[0] == "'"):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise`: drop the apostrophe put before a formula character (or before an apostrophe)."""
    if len(cell) > 1 and cell[0] == "'" and (cell[1] in FORMULA_STARTS or cell[1] == "'"):
        return cell[1:]
    return cell


# --- decoding ------------------------------------------------------------------------------------------------


def _megabytes(texts: Texts, size: int) -> str:
    shown = f"{size / 1024 / 1024:.1f}"
    return shown.replace(".", ",") if texts.language == "fr" else shown


def decode(data: str | bytes | bytearray | memoryview, texts: Texts, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read with (``"text"`` when given a str)."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            raise _too_large(texts, len(data))
        return data.removeprefix("\ufeff"), "text"
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise _too_large(texts, len(data))
    if encoding is not None:
        chosen = encoding
    else:
        chosen = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
        if chosen == "utf-8" and b"\x00" in data[:1024].split(b"\n", 1)[0]:
            raise _not_text(texts)
    # No `raise` inside the `except` blocks: a UnicodeDecodeError holds the whole file (`.object`), and as the
    # context of the error we raise it would keep the file's bytes alive as long as anyone keeps that error.
    text: str | None = None
    bad_line = 0
    try:
        text = data.decode(chosen)
    except UnicodeError as error:  # UnicodeDecodeError, or a codec's own complaint (idna: "label too long")
        bad_line = data.count(b"\n", 0, getattr(error, "start", 0)) + 1
    except LookupError:  # unknown, or not a text encoding at all (rot13, base64: bytes <-> bytes or str <-> str)
        pass
    if text is None and not bad_line:
        message = texts(N_("Unknown encoding: {encoding}."), encoding=encoding)
        raise ChecklistError("encoding", "unknown_encoding", message)
    if text is None:
        if encoding is None and chosen == "utf-8":
            message = texts(
                N_(
                    "The file is not UTF-8 text (line {line} cannot be read). Save it again as “CSV UTF-8” "
                    "and import that file."
                ),
                line=bad_line,
            )
        else:
            message = texts(N_("The file cannot be read as {encoding} (line {line})."), encoding=chosen, line=bad_line)
        raise ChecklistError("$", "invalid_encoding", message)
    return text.removeprefix("\ufeff"), codecs.lookup(chosen).name


def _not_text(texts: Texts) -> ChecklistError:
    message = N_(
        "The file is not CSV text (it contains NUL characters; a UTF-16 file needs its byte order mark). "
        "Save it again as “CSV UTF-8”."
    )
    return ChecklistError("$", "invalid_encoding", texts(message))


def _too_large(texts: Texts, size: int) -> ChecklistError:
    message = texts(
        N_("The file is too large ({size} MB; the limit is {limit} MB). Split it into several files."),
        size=_megabytes(texts, size),
        limit=_megabytes(texts, MAX_BYTES),
    )
    return ChecklistError("$", "too_large", message)


# --- reading -------------------------------------------------------------------------------------------------


@dataclass
class TeamCsv:
    """A read CSV file: employee rows (spreadsheet row number, fields) and what was done with each column."""

    rows: list[tuple[int, dict[str, Any]]]
    columns: dict[str, str] = field(default_factory=dict)  # column role -> header as written in the file
    ignored_columns: list[str] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    notices: list[dict[str, str]] = field(default_factory=list)
    # Rows not imported, as {row, column, value, code, message}: `value` is never a cell of the file (a row that
    # does not fit cannot say which of its cells is the password), `column` is None when the whole row is meant.
    rejected: list[dict[str, Any]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)  # the admin's own columns, kept ("Department")
    date_order: str | None = None  # "dmy", "mdy" or "ymd" when the file has dates written with slashes
    date_order_source: str | None = None  # "file" (a 25/12 proved it) or "chosen" (the caller said)
    # The date cells as written, by (spreadsheet row, column role): a date refused later is shown as written.
    written: dict[tuple[int, str], str] = field(default_factory=dict)
    encoding: str = "utf-8"
    delimiter: str = ","


def _delimiter(first_line: str, roles: dict[str, str]) -> str:
    """The delimiter under which the header line has the most known headers (comma on a tie)."""
    best, score = ",", -1
    for candidate in (",", ";", "\t"):
        try:
            cells = next(csv.reader([first_line], delimiter=candidate), [])
        except csv.Error:  # a cell over the csv module's size limit: reported when the file is read
            continue
        found = sum(1 for cell in cells if normal_header(cell) in roles)
        if found > score:
            best, score = candidate, found
    return best


def _cell_error(texts: Texts, row: int, column: str, message: str) -> ChecklistError:
    return ChecklistError(f"rows[{row}].{column}", "invalid_value", texts(message), row=row, column=column)


_FLAG_MESSAGE = N_("Write yes or no, or leave the cell empty.")


def _map_columns(header: list[str], roles: dict[str, str], table: TeamCsv, texts: Texts) -> dict[str, int]:
    """Column role -> position for the columns read; fills the table's ignored, dropped and missing columns."""
    _ = texts
    index: dict[str, int] = {}
    for position, cell in enumerate(header):
        label = cell.strip()
        key = normal_header(label)
        role = roles.get(key)
        if role is None and not key:
            continue  # no header: its cells are checked row by row (ignored if they hold anything)
        if role == "password" or (role is None and is_password_header(label)):
            table.dropped_columns.append(label)
        elif role == "computed":
            table.ignored_columns.append(label)
        elif role is None:
            if label in table.extra_columns:  # two columns of the same name: the first is kept
                table.ignored_columns.append(label)
            else:
                table.extra_columns.append(label)
                index[f"extra:{len(table.extra_columns) - 1}"] = position
        elif role in index:
            message = N_("Two columns hold the same information: “{first}” and “{second}”. Keep one of them.")
            first = header[index[role]].strip()
            raise ChecklistError("columns", "duplicate_column", _(message, first=first, second=label), column=role)
        else:
            index[role] = position
    # The e-mail address, or else the user name (a Partner Center user name is one).
    if "user_name" in index:
        if "email" in index:
            table.ignored_columns.append(header[index.pop("user_name")].strip())
        else:
            index["email"] = index.pop("user_name")
    # The name, or else the first and last names (joined in the file's order).
    if "name" in index:
        table.ignored_columns += [header[index.pop(k)].strip() for k in ("first_name", "last_name") if k in index]
    labels = dict(COLUMN_LABELS)
    if not index.keys() & {"email", "name", "first_name", "last_name"}:
        message = N_("The file has no column for the e-mail address or the name: add a column “{email}” or “{name}”.")
        names = {"email": _(labels["email"]), "name": _(labels["name"])}
        raise ChecklistError("columns", "missing_column", _(message, **names), column="email")
    if _REQUIRED_DATE not in index:
        message = N_(
            "The file has no “{column}” column: add it, with the date each temporary password was issued (YYYY-MM-DD)."
        )
        label = _(labels[_REQUIRED_DATE])
        raise ChecklistError("columns", "missing_column", _(message, column=label), column=_REQUIRED_DATE)
    for role in _OPTIONAL:
        if role not in index and not (role == "exams_associated" and "exams_associated_at" in index):
            table.missing_columns.append(role)
            message = N_("No “{column}” column: that step is shown as not done for everyone.")
            table.notices.append({"code": "column_missing", "message": _(message, column=_(labels[role]))})
    table.columns = {
        role: header[position].strip()
        for role, position in sorted(index.items(), key=lambda i: i[1])
        if not role.startswith("extra:")
    }
    return index


DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy", "ymd")
# A date written with the year last (25/12/2026, 8.10.2026, 8-10-2026 09:30): day or month first, by the file.
_SLASHED = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?")
_DATE_ORDER_OF_ROLES = (_REQUIRED_DATE, "exams_associated", "exams_associated_at")
_DATE_ROLES = frozenset(_DATE_ORDER_OF_ROLES)
_ORDER_EXAMPLES = {"dmy": "31/12/2026", "mdy": "12/31/2026", "ymd": "2026-12-31"}
_ORDER_NAMES = {
    "dmy": N_("day first (31/12/2026)"),
    "mdy": N_("month first (12/31/2026)"),
    "ymd": N_("year first (2026-12-31)"),
}


def order_name(texts: Texts, order: str) -> str:
    """The reader's words for a date order ("day first (31/12/2026)")."""
    return texts(_ORDER_NAMES[order])


def _evidence(value: str) -> str | None:
    """ "dmy" or "mdy" when this cell proves the file's order (25/12/2026, 12/25/2026), "?" when it could be
    either (8/10/2026), None when it has no slashed date (or the same number twice: 5/5/2026 reads one way)."""
    found = _SLASHED.match(value)
    if found is None:
        return None
    first, second = int(found[1]), int(found[2])
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None if first == second or first > 12 else "?"


def _decide_order(
    texts: Texts, chosen: str | None, seen: set[str], example: str | None
) -> tuple[str | None, str | None]:
    """The day/month order and where it came from; asks (an error the page and the CLI turn into a question)
    when the file does not prove it, or proves both."""
    if chosen is not None:
        if chosen not in DATE_ORDERS:
            message = texts(N_("Must be one of: {choices}."), choices=", ".join(DATE_ORDERS))
            raise ChecklistError("date_order", "invalid_value", message)
        return chosen, "chosen"
    proved = seen & {"dmy", "mdy"}
    if len(proved) == 1:
        return proved.pop(), "file"
    if proved or "?" in seen:
        message = N_(
            "Dates like “{example}” can be read two ways. Say whether the day or the month comes first, and the "
            "file is read again."
        )
        raise ChecklistError("date_order", "date_order_needed", texts(message, example=example or ""))
    return None, None


def _day(value: str, order: str | None) -> str | None:
    """An ISO date (or date and time, with "T") for a date cell, or None when it is not a date in `order`."""
    found = _DATETIME.fullmatch(value)
    if found is not None:
        year, month, day, hour, minute = found.groups()
        return f"{year}-{int(month):02}-{int(day):02}T{int(hour):02}:{minute}"
    found = _DATE.fullmatch(value)
    if found is not None:
        year, month, day = found.groups()
        return f"{year}-{int(month):02}-{int(day):02}"
    found = _SLASHED.fullmatch(value)
    if found is None:
        return read_worded(value)  # "Nov 8, 2026", "1er mai 2027", "2026年11月8日": the same in any order
    if order not in ("dmy", "mdy"):
        return None
    first, second, year, hour, minute = found.groups()
    day, month = (first, second) if order == "dmy" else (second, first)
    if int(month) > 12:  # 25/09/2026 read month first: not a date in this order (the message shows the order)
        return None
    text = f"{year}-{int(month):02}-{int(day):02}"
    return text if hour is None else f"{text}T{int(hour):02}:{minute}"


def read_day(value: str, order: str | None = None) -> str | None:
    """A date on its own, read as a date cell is (ISO, year-first, slashed, month in words, 年月日): the page's
    form reads a whole date pasted into one of its boxes with the same rules as a team file. A slashed date
    reads in the order it proves itself (15/06/2027), else in `order` ("dmy" or "mdy"), else not at all; the day
    is not checked against the month here (the form's own check names a day that does not exist)."""
    text = value.strip()
    proved = _evidence(text)
    return _day(text, proved if proved in ("dmy", "mdy") else order)


_WORDED_EXAMPLE = dt.date(2026, 12, 31)


def _expected_date(texts: Texts, order: str | None, with_time: bool) -> str:
    """What a date cell should hold, in the file's order, and that the month may be in words, shown the way the
    reader writes a date ("31/12/2026, 2026-12-31 or 31 December 2026"; "2026 年 12 月 31 日" in Chinese)."""
    shown = _ORDER_EXAMPLES.get(order or "ymd", "2026-12-31")
    # Two examples side by side, with the language's own list comma (Chinese: "、").
    examples = shown if shown == "2026-12-31" else texts(N_("{example}, {iso}"), example=shown, iso="2026-12-31")
    worded = texts.date(_WORDED_EXAMPLE)
    if with_time:
        return texts(
            N_(
                "Write yes or no, or the date and time the exams were associated ({examples} 09:30, or with the "
                "month in words: {worded} 09:30), or leave it empty."
            ),
            examples=examples,
            worded=worded,
        )
    return texts(
        N_("Write a date like {examples}, or with the month in words: {worded}."), examples=examples, worded=worded
    )


def rejection(texts: Texts, row: int, column: str, value: str | None, code: str, expected: str) -> dict[str, Any]:
    """One refused row, in the admin's words: their row number, their column header, their cell, what to write.

    `message` is the whole line, punctuated the way the reader's language does it (the catalogs' separators):
    the page lists it and the CLI prints it as is, so both say the same words."""
    if value is None:
        message = texts(N_("Row {row}, column “{column}”: {expected}"), row=row, column=column, expected=expected)
    else:
        message = texts(
            N_("Row {row}, column “{column}”: “{value}” — {expected}"),
            row=row,
            column=column,
            value=value,
            expected=expected,
        )
    return {"row": row, "column": column, "value": value, "code": code, "expected": expected, "message": message}


def read_team_csv(
    data: str | bytes | bytearray | memoryview,
    *,
    language: str = "en",
    encoding: str | None = None,
    date_order: str | None = None,
) -> TeamCsv:
    """Read a team CSV (text, or the file's bytes) into employee rows for `team.build_team`.

    Rows with a cell that cannot be read are listed in `rejected` (every one of them) and the others are read.
    Dates written with the year last are read in `date_order`, else in the order the file proves (a day above
    12 anywhere); when it proves nothing, a ``date_order_needed`` error asks for the order.
    """
    texts = Texts(language if language in LANGUAGES else "en")
    text, used = decode(data, texts, encoding)
    if not text.strip():
        raise ChecklistError("$", "empty_file", texts(N_("The file is empty.")))
    first_line = text.split("\n", 1)[0]
    if "\x00" in first_line:
        raise _not_text(texts)
    roles, answers = _vocabulary()
    delimiter = _delimiter(first_line, roles)
    table = TeamCsv(rows=[], encoding=used, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    seen: set[str] = set()
    example: str | None = None
    ids: list[tuple[int, str]] = []
    try:
        header = next(reader, [])
        index = _map_columns(header, roles, table, texts)
        names = sorted(index.pop(k) for k in ("first_name", "last_name") if k in index)
        row_position = index.pop("row", None)
        extras = [(table.extra_columns[int(k[6:])], index.pop(k)) for k in list(index) if k.startswith("extra:")]
        fields = list(index.items())
        width = len(header)
        blank = {p for p, cell in enumerate(header) if not normal_header(cell)}
        unnamed: set[int] = set()
        rows = table.rows
        flags: dict[str, bool] = {}  # cell text -> yes/no, for this file: the same few words on every row
        for number, cells in enumerate(reader, start=2):
            if not "".join(cells).strip():
                continue  # an empty line: nothing to lose
            size = len(cells)
            if size != width:  # a cell missing or a delimiter not quoted: every later cell would be shifted
                table.rejected.append(_misfit(texts, number, size, width))
                continue
            if len(rows) >= MAX_EMPLOYEES:
                raise too_many(texts, "$")
            if blank:
                unnamed.update(p for p in blank if cells[p].strip())
            row: dict[str, Any] = {}
            try:
                for role, position in fields:
                    value = cells[position]
                    if value[:1] == "'":
                        value = restore(value)
                    value = value.strip()
                    if not value:
                        continue
                    if role in _FLAGS:
                        found = flags.get(value)
                        if found is None:
                            found = flags[value] = _yes_no(value, answers, texts, number, role)
                        row[role] = found
                    elif role in _DATE_ROLES:
                        kind = _evidence(value)
                        if kind is not None:
                            seen.add(kind)
                            if kind == "?" and example is None:
                                example = value
                        table.written[number, role] = value
                        row[role] = value  # read once the order is known
                    else:
                        row[role] = value
            except ChecklistError as error:
                column = table.columns[error.column or ""]
                cell = cells[index[error.column or ""]].strip()
                table.rejected.append(rejection(texts, number, column, cell, error.code, error.message))
                continue
            if names:
                name = _join_name([restore(cells[p]).strip() for p in names])
                if name:
                    row["name"] = name
            if extras:
                kept = {label: restore(cells[p]).strip() for label, p in extras}
                row["extra"] = {label: value for label, value in kept.items() if value}
            if row_position is not None:
                ids.append((number, cells[row_position].strip()))
            rows.append((number, row))
    except csv.Error:
        message = N_("The file could not be read as CSV near line {line}: a cell is too long or badly quoted.")
        raise ChecklistError("$", "invalid_csv", texts(message, line=reader.line_num)) from None
    table.date_order, table.date_order_source = _decide_order(texts, date_order, seen, example)
    _read_dates(table, answers, texts)
    if ids:
        _read_ids(table, ids, texts)
    table.ignored_columns += [f"#{position + 1}" for position in sorted(unnamed)]
    _notices(table, texts)
    return table


def _read_dates(table: TeamCsv, answers: dict[str, bool], texts: Texts) -> None:
    """The date cells of every row, now that the order is known; a row with a date that is not one is refused."""
    order = table.date_order
    kept = []
    for number, row in table.rows:
        raw = {role: row.pop(role) for role in _DATE_ORDER_OF_ROLES if role in row}
        try:
            for role, value in raw.items():
                if role == _REQUIRED_DATE:
                    day = _day(value, order)
                    if day is None:
                        raise _cell_error(texts, number, role, _expected_date(texts, order, False))
                    row[role] = day.split("T", 1)[0]
                else:
                    _exams(row, value, answers, texts, number, role, order)
        except ChecklistError as error:
            role = error.column or ""
            column = table.columns[role]
            table.rejected.append(
                rejection(texts, number, column, table.written.get((number, role)), error.code, error.message)
            )
            continue
        kept.append((number, row))
    table.rows = kept


def _read_ids(table: TeamCsv, ids: list[tuple[int, str]], texts: Texts) -> None:
    """The "Row" column of our own export: each person keeps the row of the admin's first file (identity),
    so a re-sorted or re-imported export gives the same rows. Used only when every cell is a distinct whole
    number (or empty: a person added to the export gets a new number after the largest)."""
    values = {number: cell for number, cell in ids}
    numbers = [int(cell) for cell in values.values() if cell.isdigit() and int(cell) > 0]
    filled = [cell for cell in values.values() if cell]
    if len(numbers) != len(filled) or len(set(numbers)) != len(numbers):
        message = N_(
            "The “{column}” column does not hold one distinct row number per person: rows are numbered as in this file."
        )
        label = texts(COMPUTED_LABELS[0])
        table.notices.append({"code": "row_column_ignored", "message": texts(message, column=label)})
        return
    following = max(numbers, default=1)
    for number, row in table.rows:
        cell = values.get(number, "")
        if cell:
            row["row"] = int(cell)
        else:
            following += 1
            row["row"] = following


def _notices(table: TeamCsv, texts: Texts) -> None:
    """What the admin is told about the file as a whole (the rows refused come first)."""
    if table.rejected:
        table.rejected.sort(key=lambda entry: entry["row"])
        table.notices.insert(0, rows_rejected_notice(texts, table.rejected))
    if table.date_order is not None:
        message = N_("Dates in the file were read {order}.")
        table.notices.append(
            {"code": "date_order", "message": texts(message, order=order_name(texts, table.date_order))}
        )
    for label in table.dropped_columns:
        message = N_("Column “{column}” was dropped: passwords are never read, kept or shown.")
        table.notices.append({"code": "password_column_dropped", "message": texts(message, column=label)})
    if table.extra_columns:
        message = texts(N_("Your own columns, kept as they are: {columns}."), columns=", ".join(table.extra_columns))
        table.notices.append({"code": "columns_kept", "message": message})
    if table.ignored_columns:
        message = texts(N_("Columns not used: {columns}."), columns=", ".join(table.ignored_columns))
        table.notices.append({"code": "columns_ignored", "message": message})


def rows_rejected_notice(texts: Texts, rejected: list[dict[str, Any]]) -> dict[str, str]:
    """The one-line notice above the list of refused rows (the list itself has every row and cell)."""
    rows = sorted({entry["row"] for entry in rejected})
    shown = [str(row) for row in rows[:_REJECTED_SHOWN]] + (["…"] if len(rows) > _REJECTED_SHOWN else [])
    message = texts.plural(
        NP_(
            "{count} row not imported ({rows}): correct it in your file and import it again. "
            "The other rows were imported.",
            "{count} rows not imported ({rows}): correct them in your file and import it again. "
            "The other rows were imported.",
        ),
        len(rows),
        count=len(rows),
        rows=", ".join(shown),
    )
    return {"code": "rows_rejected", "message": message}


_REJECTED_SHOWN = 20  # row numbers listed in the notice; `rejected` has them all


def _misfit(texts: Texts, row: int, size: int, width: int) -> dict[str, Any]:
    """A row with more or fewer cells than the header: refused whole rather than read shifted, which would
    put a password in the e-mail column (issue 16). Named by its spreadsheet row; none of its cells is kept."""
    message = N_("Row {row} has {size} cells and the header has {width}: the row was not imported. {expected}")
    expected = texts(N_("As many cells as the header: put a cell holding a separator in quotes."))
    return {
        "row": row,
        "column": None,
        "value": None,
        "code": "row_width",
        "expected": expected,
        "message": texts(message, row=row, size=size, width=width, expected=expected),
    }


def _yes_no(value: str, answers: dict[str, bool], texts: Texts, row: int, column: str) -> bool:
    """A yes/no cell; a date there (a "Last sign-in" column) means yes."""
    found = _SYMBOLS.get(value)
    if found is None:
        found = answers.get(normal_header(value))
    if found is None and (_DATE.match(value) or _SLASHED.match(value) or read_worded(value)):
        found = True
    if found is None:
        raise _cell_error(texts, row, column, _FLAG_MESSAGE)
    return found


def _exams(
    row: dict[str, Any], value: str, answers: dict[str, bool], texts: Texts, number: int, role: str, order: str | None
) -> None:
    """An exams cell: yes / no, or the date and time they were associated (which also means yes)."""
    moment = _day(value, order)
    if moment is not None and "T" in moment:
        row["exams_associated_at"] = moment
        row["exams_associated"] = True
        return
    found = _SYMBOLS.get(value)
    if found is None:
        found = answers.get(normal_header(value))
    if found is None:  # a date without a time too: the 24-hour rule needs the time, so ask for it
        raise _cell_error(texts, number, role, _expected_date(texts, order, True))
    row["exams_associated"] = row.get("exams_associated", False) or found


def _join_name(parts: list[str]) -> str:
    """First and last names in the file's order; no space between two Chinese (non-Latin) parts: 王小明."""
    parts = [part for part in parts if part]
    if len(parts) == 2 and not any(ch.isascii() and ch.isalpha() for ch in "".join(parts)):
        return "".join(parts) if all(_cjk(part) for part in parts) else " ".join(parts)
    return " ".join(parts)


def _cjk(text: str) -> bool:
    return all("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000" for ch in text)


def team_from_csv(
    data: str | bytes | bytearray | memoryview,
    *,
    language: str = "en",
    today: str | dt.date | None = None,
    now: str | dt.datetime | None = None,
    encoding: str | None = None,
    date_order: str | None = None,
    view: bool = False,
) -> dict[str, Any]:
    """The team status for a CSV file (its text or bytes): same output as `team.team`, plus what the columns held.

    A partial import: rows that cannot be read, or whose facts the engine refuses (a date in the future, an
    e-mail address that is not one), are in `rejected` with the file's own column header and cell; the others
    are computed.
    """
    options: dict[str, Any] = {"language": language}
    if today is not None:
        options["today"] = today.isoformat() if isinstance(today, dt.date) else today
    if now is not None:
        options["now"] = now.isoformat(timespec="minutes") if isinstance(now, dt.datetime) else now
    texts, language, today_date, now_time = read_options(options)
    table = read_team_csv(data, language=language, encoding=encoding, date_order=date_order)
    before = len(table.rejected)

    def reject(number: int, row: dict[str, Any], error: ChecklistError) -> dict[str, Any]:
        role = error.column or "email"
        if role == "email" and "email" not in table.columns:
            role = "name"
        if role == "exams_associated_at" and role not in table.columns:
            role = "exams_associated"
        if role == "row":
            column, value = texts(COMPUTED_LABELS[0]), str(row.get("row"))
        else:
            column = table.columns.get(role, role)
            value = table.written.get((number, role), row.get(role))
        return rejection(texts, number, column, value if isinstance(value, str) else None, error.code, error.message)

    result = build_team(
        texts,
        language,
        today_date,
        now_time,
        table.rows,
        reject,
        view=view,
        columns=table.columns,
        ignored_columns=table.ignored_columns,
        dropped_columns=table.dropped_columns,
        missing_columns=table.missing_columns,
        notices=table.notices,
        extra_columns=table.extra_columns,
        rejected=table.rejected,
        source={"format": "csv", "encoding": table.encoding, "delimiter": table.delimiter},
        date_order=table.date_order,
        date_order_source=table.date_order_source,
    )
    if len(result["rejected"]) != before:  # rows the engine refused: the notice counts them too
        notices = [notice for notice in result["notices"] if notice["code"] != "rows_rejected"]
        result["notices"] = [rows_rejected_notice(texts, result["rejected"]), *notices]
    return result


# --- writing -------------------------------------------------------------------------------------------------


def _csv_text(rows: list[list[str]], bom: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    return ("\ufeff" if bom else "") + out.getvalue()


def team_template_csv(language: str = "en", *, bom: bool = True) -> str:
    """The header line of the team template, in `language` (a UTF-8 BOM first, so that Excel reads it right)."""
    _ = Texts(language if language in LANGUAGES else "en")
    return _csv_text([[_(label) for _role, label in COLUMN_LABELS]], bom)


def team_to_csv(result: dict[str, Any], *, bom: bool = True) -> str:
    """The team status as the admin's table (CSV text, headers in the result's language), formulas neutralised.

    People are in the order of the admin's file (`row`), and the admin's own columns follow ours, so the file
    imports back to the same table: the "Row" column keeps each person's identity, the computed columns
    (status, dates, steps, warnings) are ignored on reading.
    """
    _ = Texts(result["language"])
    yes, no = _(N_("yes")), _(N_("no"))
    extra_columns = list(result.get("extra_columns") or [])
    rows = [[_(label) for label in COMPUTED_LABELS[:1]] + [_(label) for _role, label in COLUMN_LABELS]]
    rows[0] += [_(label) for label in COMPUTED_LABELS[1:]] + extra_columns
    for employee in sorted(result["employees"], key=lambda e: e["row"]):
        associated_at = employee["exams_associated_at"]
        visible = employee["dates"]["competency_progress_visible"]
        actions = employee.get("actions")
        steps = [a["message"] for a in actions] if actions is not None else [s["title"] for s in employee["remaining"]]
        own = employee.get("extra") or {}
        rows.append(
            [
                str(employee["row"]),
                employee["name"] or "",
                employee["email"] or "",
                employee["temp_password_issued_on"] or "",
                yes if employee["signed_in"] else no,
                yes if employee["partner_university_connected"] else no,
                associated_at.replace("T", " ") if associated_at else (yes if employee["exams_associated"] else no),
                employee["status_label"],
                employee["dates"]["temp_password_expires"] or "",
                visible.replace("T", " ") if visible else "",
                "; ".join(steps),
                " ".join(warning["message"] for warning in employee["warnings"]),
                *(own.get(column, "") for column in extra_columns),
            ]
        )
    return _csv_text(rows, bom)
