"""The header words of the admin's file: which column holds what, and which headers name a secret.

Columns are found by their header, whatever the case, accents, spaces and punctuation, in English, French or
Traditional Chinese (`HEADER_ALIASES`, plus every header the export writes in any language). A header naming a
password (or a PIN, a one-time code, a secret) marks a column that is dropped on read: its cells are never kept,
only its header, to say that it was dropped. The word tables live here and only here (issue 22 adds to them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from ..errors import ChecklistError
from ..i18n import LANGUAGES, N_, Texts
from . import secret_words
from .fields import EMPLOYEE_FIELDS

if TYPE_CHECKING:
    from .reading import TeamCsv

__all__ = ["COLUMN_LABELS", "COMPUTED_LABELS", "HEADER_ALIASES", "MAX_COLUMNS", "alias_conflicts"]
__all__ += ["is_password_header", "map_columns", "normal_header", "roles", "secret_key"]

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
# Any other header naming a secret (a password, credentials, a code, a PIN, a token, a key) is dropped too: its
# cells are never read. The words are a termbase of their own (`secret_words`), matched on `secret_key`.
_CJK = "\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"  # Han, kana, Hangul (and jamo)
_WORDS = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")  # a run of CJK, or of other letters: "pin碼" is "pin", "碼"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # "TempPwd" -> "Temp Pwd", "APIKey"
# Letters NFKD does not take apart, and digits or symbols written for letters ("Passw0rd", "Pa$$", "P@ss").
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "œ": "oe", "ð": "d"})
_LEET_I = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"})
_LEET_L = str.maketrans({"1": "l"})
_LEETABLE = re.compile(r"[\w$@]*[^\W\d_][\w$@]*|[\w$@]+(?=[^\W\d_])")  # a run with a letter in it


def _folded(text: str) -> str:
    """Case, accents and full-width forms folded (NFKD; the same for the word tables and for headers)."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text).casefold() if not unicodedata.combining(ch))
    return text.translate(_LETTERS)


def secret_key(header: str) -> list[list[str]]:
    """The header's words as the secret tables are matched on, once per reading of "1" (i, l): camelCase split,
    folded, digits and $ @ inside words read as letters, and single letters joined ("P/W", "P.W." are "pw")."""
    text = _folded(_CAMEL.sub(" ", header))
    readings = []
    for table in (_LEET_I, _LEET_L):
        leet = _LEETABLE.sub(lambda m, first=table: m[0].translate(first).translate(_LEET_I), text)
        words: list[str] = []
        for word in _WORDS.findall(leet):
            if len(word) == 1 and word.isascii() and words and len(words[-1]) <= 2 and words[-1].isascii():
                words[-1] += word  # p / w, P.W.: one word
            else:
                words.append(word)
        readings.append(words)
    return readings


def _table(source: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """A table's phrases in the form headers are matched in (words joined by one space)."""
    return frozenset(" ".join(words) for phrases in source.values() for p in phrases for words in secret_key(p))


def _parts(source: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({_folded(p) for phrases in source.values() for p in phrases}))


_SECRET_WORDS = _table(secret_words.WORDS)
_SECRET_PARTS = _parts(secret_words.PARTS)
_OPENERS = _table(secret_words.OPENERS)
_OPENER_PARTS = _parts(secret_words.OPENER_PARTS)
_QUALIFIERS = _table(secret_words.QUALIFIERS)
_QUALIFIER_PARTS = _parts(secret_words.QUALIFIER_PARTS)
_LONGEST = max(len(phrase.split()) for phrase in _SECRET_WORDS | _OPENERS)


def is_password_header(header: str) -> bool:
    """True for a header that names a secret (a password, credentials, a PIN, a token, a secret; a code or a
    key that nothing else qualifies), in any language of `secret_words`."""
    return any(_secret(words) for words in secret_key(header))


def _secret(words: list[str]) -> bool:
    key = "".join(words)
    phrases = {" ".join(words[i : i + n]) for n in range(1, _LONGEST + 1) for i in range(len(words) - n + 1)}
    if phrases & _SECRET_WORDS or any(part in key for part in _SECRET_PARTS):
        return True
    if not (phrases & _OPENERS or any(part in key for part in _OPENER_PARTS)):
        return False
    return not (phrases & _QUALIFIERS or any(part in key for part in _QUALIFIER_PARTS))


# The columns the export writes, in order, with their header msgids; the first six are the template.
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
REQUIRED_DATE = "temp_password_issued_on"
# Columns a file may have: wide exports (HR systems, Entra ID) have about 100; a file far wider is a mistake (a
# transposed sheet, a row of data taken for the header) and would cost time per row for nothing.
MAX_COLUMNS = 200
_OPTIONAL = ("signed_in", "partner_university_connected", "exams_associated")


def normal_header(header: str) -> str:
    """The form headers are compared in: no accents, case, spaces or punctuation; full-width folded."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", header).casefold() if ch.isalnum())


@cache
def roles() -> dict[str, str]:
    """Normalised header → column role, including the export's headers in every language (built once)."""
    found: dict[str, str] = {}

    def add(role: str, header: str) -> None:
        found.setdefault(normal_header(header), role)

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
    return found


def alias_conflicts() -> list[tuple[str, str, str]]:
    """(header, role it gets, role it was also meant for): must stay empty (a test checks it)."""
    known = roles()
    found = []
    for role, headers in HEADER_ALIASES.items():
        found += [(h, known[normal_header(h)], role) for h in headers if known[normal_header(h)] != role]
    return found


def map_columns(header: list[str], table: TeamCsv, texts: Texts) -> dict[str, int]:
    """Column role -> position for the columns read; fills the table's ignored, dropped and missing columns."""
    index = _sort_headers(header, table, texts)
    # The e-mail address, or else the user name (a Partner Center user name is one).
    if "user_name" in index:
        if "email" in index:
            table.ignored_columns.append(header[index.pop("user_name")].strip())
        else:
            index["email"] = index.pop("user_name")
    # The name, or else the first and last names (joined in the file's order).
    if "name" in index:
        table.ignored_columns += [header[index.pop(k)].strip() for k in ("first_name", "last_name") if k in index]
    _check_required(index, table, texts)
    table.columns = {
        role: header[position].strip()
        for role, position in sorted(index.items(), key=lambda i: i[1])
        if not role.startswith("extra:")
    }
    return index


def check_width(header: list[str], texts: Texts) -> None:
    """A header of more than `MAX_COLUMNS` cells is refused, naming the limit and the count."""
    if len(header) > MAX_COLUMNS:
        message = N_(
            "Columns in the file: {count}; the limit is {limit}. Keep the columns you need and import it again."
        )
        raise ChecklistError("columns", "too_many_columns", texts(message, count=len(header), limit=MAX_COLUMNS))


def _sort_headers(header: list[str], table: TeamCsv, texts: Texts) -> dict[str, int]:
    """Each header to its role (`extra:N` for the admin's own columns), or to the dropped or ignored lists."""
    known = roles()
    index: dict[str, int] = {}
    kept: set[str] = set()  # the admin's own headers so far: a set, so a wide file is read in linear time
    for position, cell in enumerate(header):
        label = cell.strip()
        key = normal_header(label)
        role = known.get(key)
        if role is None and not key:
            continue  # no header: its cells are checked row by row (ignored if they hold anything)
        if role == "password" or (role is None and is_password_header(label)):
            table.dropped_columns.append(label)
            table.dropped.append({"column": label, "reason": "header"})
        elif role == "computed":
            table.ignored_columns.append(label)
        elif role is None:
            if label in kept:  # two columns of the same name: the first is kept
                table.ignored_columns.append(label)
            else:
                kept.add(label)
                table.extra_columns.append(label)
                index[f"extra:{len(table.extra_columns) - 1}"] = position
        elif role in index:
            message = N_("Two columns hold the same information: “{first}” and “{second}”. Keep one of them.")
            first = header[index[role]].strip()
            raise ChecklistError("columns", "duplicate_column", texts(message, first=first, second=label), column=role)
        else:
            index[role] = position
    return index


def _check_required(index: dict[str, int], table: TeamCsv, texts: Texts) -> None:
    """A file without a name or e-mail, or without the issue date, is refused; a missing yes/no column is said."""
    _ = texts
    labels = dict(COLUMN_LABELS)
    if not index.keys() & {"email", "name", "first_name", "last_name"}:
        message = N_("The file has no column for the e-mail address or the name: add a column “{email}” or “{name}”.")
        names = {"email": _(labels["email"]), "name": _(labels["name"])}
        raise ChecklistError("columns", "missing_column", _(message, **names), column="email")
    if REQUIRED_DATE not in index:
        message = N_(
            "The file has no “{column}” column: add it, with the date each temporary password was issued (YYYY-MM-DD)."
        )
        label = _(labels[REQUIRED_DATE])
        text = _(message, column=label)
        # "Date du mot de passe temporaire": the admin's date column, dropped for naming a password. Never read
        # (a guess could keep a password), but named, so the fix is a rename and not a hunt.
        named = [entry["column"] for entry in table.dropped if entry["reason"] == "header"]
        if named:
            hint = N_(
                "“{dropped}” was not read: a column whose name speaks of a password is never kept. If it holds these"
                " dates, rename it “{column}”."
            )
            text += " " + _(hint, dropped=named[0], column=label)
        raise ChecklistError("columns", "missing_column", text, column=REQUIRED_DATE)
    for role in _OPTIONAL:
        if role not in index and not (role == "exams_associated" and "exams_associated_at" in index):
            table.missing_columns.append(role)
            message = N_("No “{column}” column: that step is shown as not done for everyone.")
            table.notices.append({"code": "column_missing", "message": _(message, column=_(labels[role]))})
