"""The weekday a spreadsheet writes beside a long date ("dimanche 8 novembre 2026", "Sunday, November 8, 2026",
"2026年11月8日 星期日", "2026/11/8 (日)"): found, taken off, and checked against the date (issue 22).

Excel's long date formats put the weekday first in English and French and last in Chinese; a file mixes
colleagues' exports, so every language's words are read in every file, whatever the page's language. The words
are matched after `date_words.fold` (no case, no accents, one space), with or without the abbreviation's dot.
A weekday that does not match the date is refused, naming both (`WeekdayMismatchError`): a typo in the day or the
weekday, and the admin is the one who knows which.
"""

from __future__ import annotations

import re

from ..date_words import fold
from ..i18n import N_, Texts

__all__ = ["WEEKDAY_NAMES", "WEEKDAY_WORDS", "WeekdayMismatchError", "split_weekday", "weekday_name"]

# Folded word -> ISO weekday index (Monday 0 … Sunday 6). "mar" (mardi) is also March's abbreviation: a cell is
# read as a whole first and the weekday taken off only when that fails, so "Mar 8, 2026" stays March.
# fmt: off
WEEKDAY_WORDS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    "lundi": 0, "lun": 0, "mardi": 1, "mar": 1, "mercredi": 2, "mer": 2, "jeudi": 3, "jeu": 3,
    "vendredi": 4, "ven": 4, "samedi": 5, "sam": 5, "dimanche": 6, "dim": 6,
}
# The Chinese weekday's last character (星期日, 週日, 周日, 禮拜天, or alone in brackets: "(日)").
CJK_DAYS: dict[str, int] = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# fmt: on
# The reader's name of each weekday, for the message naming the weekday written and the real one.
WEEKDAY_NAMES: tuple[str, ...] = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)

_CJK_CHARS = "".join(CJK_DAYS)
# 星期日, 週日, 周日, 禮拜天 / 礼拜天, with or without brackets, anywhere (Chinese puts it after the date, and
# before a time: "2026年11月8日 星期日 下午2:05"); a bare "日" only in brackets ("2026/11/8 (日)").
_CJK = re.compile(rf"\s*\(?\s*(?:星期|週|周|禮拜|礼拜)([{_CJK_CHARS}])\s*\)?\s*|\s*\(\s*([{_CJK_CHARS}])\s*\)\s*")
_FIRST = re.compile(r"(?:le\s+)?([a-z]+)\.?\s*,?\s*")  # "sunday, ", "dim. ", "le dimanche "
_LAST = re.compile(r"[\s,(]+([a-z]+)\.?\)?$")  # ", dimanche", " (sun.)"


class WeekdayMismatchError(ValueError):
    """A date whose weekday is not the one written: `written` and `actual` are ISO weekday indexes (0 = Monday)."""

    def __init__(self, iso: str, written: int, actual: int) -> None:
        super().__init__(iso)
        self.iso, self.written, self.actual = iso, written, actual


def weekday_name(texts: Texts, index: int) -> str:
    """The reader's name of a weekday ("Sunday", "dimanche", "星期日")."""
    return texts(WEEKDAY_NAMES[index])


def split_weekday(value: str) -> tuple[str, int] | None:
    """The cell without its weekday, and the weekday written (0 = Monday); None when it has none."""
    text = fold(value)  # full-width brackets made ASCII: "（週日）" is "(週日)"
    found = _CJK.search(text)
    if found is not None:
        rest = (text[: found.start()] + " " + text[found.end() :]).strip()
        return rest, CJK_DAYS[found[1] or found[2]]
    first = _FIRST.match(text)
    if first is not None and first[1] in WEEKDAY_WORDS and first.end() < len(text):
        return text[first.end() :], WEEKDAY_WORDS[first[1]]
    last = _LAST.search(text)
    if last is not None and last[1] in WEEKDAY_WORDS and last.start() > 0:
        return text[: last.start()], WEEKDAY_WORDS[last[1]]
    return None
