"""Issue 12: each step links to the text that explains it, in every language.

For every step and language, the section its link lands on (from the heading with the step's anchor to the next
heading of the same or a higher level, in the docs source of that language) must hold the step's key words:
every number the step cites ("90 days", "24 hours"), and most of the words of its title (in Chinese, most of
its title's two-character pairs). A link to a section that says nothing about the step fails here.
"""

from __future__ import annotations

import re

import pytest

from checklist import steps
from checklist.i18n import Texts
from tests.helpers.docs import LANGUAGES, heading_ids, source

# Words that say nothing about a step (the title's content words are what the section must share).
STOP = {
    "en": {
        "about",
        "their",
        "there",
        "these",
        "which",
        "with",
        "your",
        "yours",
        "from",
        "into",
        "that",
        "have",
        "ready",
    },
    "fr": {"votre", "vos", "avec", "dans", "pour", "leur", "leurs", "cette", "entre", "prête", "prêts", "prêtes"},
}
# At least this share of the title's words must be in the section. In Chinese every two-character pair counts,
# those that straddle two words too ("戶並" in "帳戶並登入"), so about half of the pairs are noise: a third.
SHARE = {"en": 0.5, "fr": 0.5, "zh-TW": 1 / 3}


def section_text(page: str, language: str, anchor: str) -> str:
    path = source(page, language)
    lines = path.read_text(encoding="utf-8").splitlines()
    headings = heading_ids(path)
    found = [(level, number) for level, ident, number in headings if ident == anchor]
    assert found, f"{path.name}: no heading with id {anchor!r}"
    level, start = found[0]
    after = [number for other, _, number in headings if number > start and other <= level]
    end = after[0] - 1 if after else len(lines)
    return "\n".join(lines[start - 1 : end]).casefold()


def title_terms(title: str, language: str) -> list[str]:
    if language == "zh-TW":
        han = re.sub(r"[^\u4e00-\u9fff]", " ", title)
        return sorted({run[i : i + 2] for run in han.split() for i in range(len(run) - 1)})
    words = re.findall(r"[\w’'-]+", title.casefold())
    stems = {word.split("’")[-1].split("'")[-1][:5] for word in words}  # l’adhésion -> adhés; "renewal" -> "renew"
    return sorted(stem for stem in stems if len(stem) >= 5 and stem not in STOP[language])


CASES = [(step, language) for step in steps.STEPS for language in LANGUAGES]


@pytest.mark.parametrize(("step", "language"), CASES, ids=[f"{s.id}-{lang}" for s, lang in CASES])
def test_the_linked_section_explains_the_step(step: steps.Step, language: str) -> None:
    _ = Texts(language)
    text = section_text(step.page, language, step.anchor)
    numbers = set(re.findall(r"\d+", _(step.title) + " " + _(step.detail)))
    missing_numbers = sorted(n for n in numbers if n not in text)
    assert not missing_numbers, f"{step.id} cites {missing_numbers}; #{step.anchor} ({language}) does not"
    terms = title_terms(_(step.title), language)
    present = [term for term in terms if term in text]
    assert len(present) >= SHARE[language] * len(terms), (
        f"{step.id} ({language}): #{step.anchor} holds {present} of the title's {terms}"
    )
