"""Block-level breaks (issue 23, point 4), seen through Python-Markdown with mkdocs.yml's extensions: a dropped
bullet item, an admonition removed and its body dedented, an invented paragraph, an English sentence inside a
French paragraph, a broken definition-list row, a removed `title:`, a link that lost its `[`. Each message
names the translation's file and line and the English block."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.cli import check_project
from l10n.project import Project
from l10n.status import refresh

ENGLISH = """\
---
title: Renew
description: When and how.
roles: [admin]
---
# Renew {#renew}

Renew your membership before it ends.

- Your new membership starts at once.
- The end date moves out by one year.
- Both systems stay open until 30 June 2027.

!!! warning "Watch out"
    The temporary password expires after 90 days.

## Terms {#terms}

Re-enroll
:   To renew a membership in [Partner Center](https://partner.microsoft.com/en-us/).

Read [the FAQ](faq.md) and [the benefits](benefits.md) before you start.
"""

FRENCH = """\
---
title: Se réinscrire
description: Quand et comment.
roles: [admin]
translation: machine
---
# Se réinscrire {#renew}

Renouvelez votre adhésion avant son terme.

- Votre nouvelle adhésion démarre aussitôt.
- La date de fin recule d’un an.
- Les deux systèmes restent ouverts jusqu’au 30 juin 2027.

!!! warning "Attention"
    Le mot de passe temporaire expire après 90 jours.

## Termes {#terms}

Se réinscrire
:   Renouveler une adhésion dans l’[Espace partenaires](https://partner.microsoft.com/fr-fr/).

Lisez [la FAQ](faq.md) et [les avantages](benefits.md) avant de commencer.
"""


@pytest.fixture
def project(make_project: Callable[..., Project]) -> Project:
    made = make_project(renew=ENGLISH, renew__fr=FRENCH)
    refresh(made, made.source("renew", "fr"))
    return made


def problems_after(project: Project, old: str, new: str) -> tuple[Path, list[str]]:
    path = project.source("renew", "fr")
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found, _ = check_project(project, project.docs.parent, {"structure"})
    return path, [str(p).split("/")[-1] for p in found]


def reported(found: list[str], start: str) -> bool:
    """Whether one of the problems found begins with `start` (its end quotes the text, cut to a width)."""
    return any(problem.startswith(start) for problem in found)


def test_the_fixture_is_clean(project: Project) -> None:
    found, pending = check_project(project, project.docs.parent, {"structure"})
    assert found == [] and pending == []


def test_a_dropped_bullet_item(project: Project) -> None:
    _, found = problems_after(project, "- La date de fin recule d’un an.\n", "")
    assert (
        "renew.fr.md:15: section #renew: 2 bullet item(s) where renew.md:10 has 3: "
        "one was dropped or merged into another" in found
    )


def test_an_admonition_removed_and_its_body_dedented(project: Project) -> None:
    _, found = problems_after(
        project,
        '!!! warning "Attention"\n    Le mot de passe',
        "Le mot de passe",
    )
    assert reported(
        found, "renew.fr.md:19: section #renew: paragraph where renew.md:14 has the admonition warning 'Watch"
    ), found


def test_an_invented_paragraph(project: Project) -> None:
    _, found = problems_after(
        project,
        "Renouvelez votre adhésion avant son terme.\n",
        "Renouvelez votre adhésion avant son terme.\n\nUn ajout.\n",
    )
    assert "renew.fr.md:13: section #renew: 2 paragraph(s) where renew.md:8 has 1: one is not in the English" in found


def test_an_english_sentence_inside_a_french_paragraph(project: Project) -> None:
    _, found = problems_after(
        project,
        "Renouvelez votre adhésion avant son terme.",
        "Renouvelez votre adhésion avant son terme, depuis la page Adhésion de l’Espace partenaires, sans attendre"
        " la dernière semaine de votre adhésion actuelle. You can renew it in Partner Center before the end date.",
    )
    assert reported(
        found, "renew.fr.md:13: section #renew: English sentence left in a fr paragraph: 'You can renew it"
    ), found


def test_a_broken_definition_row(project: Project) -> None:
    _, found = problems_after(project, ":   Renouveler", "Renouveler")
    assert reported(
        found, "renew.fr.md:24: section #terms: paragraph where renew.md:19 has the definition term 'Re-enroll'"
    ), found


def test_a_removed_title(project: Project) -> None:
    _, found = problems_after(project, "title: Se réinscrire\n", "")
    assert "renew.fr.md:1: front matter lacks title: (the English renew.md has title: …)" in found


def test_a_translated_roles_key(project: Project) -> None:
    _, found = problems_after(project, "roles: [admin]\n", "roles: [administrateur]\n")
    assert (
        "renew.fr.md:4: front matter roles: ['administrateur'] where renew.md has ['admin'] (not translated)" in found
    )


def test_a_link_that_lost_its_bracket(project: Project) -> None:
    """The XLIFF break of the issue written into a page: `](target)` without its `[` is no link."""
    _, found = problems_after(project, "et [les avantages](benefits.md)", "et les avantages](benefits.md)")
    assert reported(found, "renew.fr.md:27: section #terms: paragraph has 1 link(s) where renew.md:22 has 2"), found


def test_an_english_sentence_inside_a_chinese_paragraph(make_project: Callable[..., Project]) -> None:
    english = "# Renew {#renew}\n\nRenew your membership before it ends. Partner Center shows the date.\n"
    chinese = "# 續約 {#renew}\n\n請在會員資格到期前續約。You can renew it in Partner Center before the end date.\n"
    made = make_project(renew=english, **{"renew.zh-TW": chinese})
    refresh(made, made.source("renew", "zh-TW"))
    problems, _ = check_project(made, made.docs.parent, {"structure"})
    found = [f"{p.path.name}:{p.line}: {p.message}" for p in problems]
    lines = made.source("renew", "zh-TW").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "You can renew" in text)
    expected = f"renew.zh-TW.md:{line}: section #renew: English sentence left in a zh-TW paragraph: 'You can renew it"
    assert reported(found, expected), found
