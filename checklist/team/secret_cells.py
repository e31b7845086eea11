"""Columns whose cells look like generated passwords (issue 22): dropped whatever their header says.

A header can say nothing ("Column 7", "Initial", a word in a language `secret_words` lacks), so the cells are
looked at too, after the file is read and before anything is kept. A cell looks generated when it is one word of
8 to 64 characters mixing upper case, lower case and digits (or letters, digits and a symbol other than the
separators of codes and addresses: - _ . /), and is not an e-mail address or a link. A column is dropped when
most of its cells (80 %) look generated and nearly all of them (90 %) differ: a team's department codes
("FR-Paris-03") repeat, its passwords do not. With fewer than three cells, every one must look generated.
"""

from __future__ import annotations

import re

__all__ = ["looks_generated", "password_like_columns"]

_SEPARATORS = frozenset("-_./")
_NOT_SECRET = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+|[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_SHARE, _DISTINCT, _FEW = 0.8, 0.9, 3


def looks_generated(cell: str) -> bool:
    """A cell that looks like a generated password ("Xk7!q2Lm", "Bav43621")."""
    if not 8 <= len(cell) <= 64 or any(ch.isspace() for ch in cell) or _NOT_SECRET.fullmatch(cell):
        return False
    lower = any(ch.islower() for ch in cell)
    upper = any(ch.isupper() for ch in cell)
    digit = any(ch.isdigit() for ch in cell)
    symbol = any(not ch.isalnum() and ch not in _SEPARATORS for ch in cell)
    return (lower and upper and digit) or ((lower or upper) and digit and symbol)


def password_like_columns(cells: dict[str, list[str]]) -> list[str]:
    """The columns (header -> their non-empty cells) that hold passwords by the rule above, in the given order."""
    found = []
    for label, values in cells.items():
        if not values:
            continue
        generated = sum(1 for value in values if looks_generated(value))
        if len(values) < _FEW:
            if generated == len(values):
                found.append(label)
        elif generated >= _SHARE * len(values) and len(set(values)) >= _DISTINCT * len(values):
            found.append(label)
    return found
