"""Fixture projects for the l10n checks: a few pages in a temporary docs/ folder, never the real ones."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.project import Project

LANGUAGES = ("en", "fr", "zh-TW")

ENGLISH = """\
---
title: Move to Partner Center
description: What admins do.
roles: [admin]
---
# Move to Partner Center {#move}

Your Partner Center account replaces Partner Membership Center.

## Admin tasks {#admin-tasks}

1. Open the dashboard.
2. Select **Add new user**. See [benefits](benefits.md#software).
3. Send the temporary password.

## Check status {#check-status}

Competency progress shows after 24 hours. See [the FAQ](faq.md).
"""

FRENCH = """\
---
title: Passer à l’Espace partenaires
description: Ce que fait l’administrateur.
roles: [admin]
translation: machine
---
# Passer à l’Espace partenaires {#move}

Votre compte Espace partenaires remplace le Partner Membership Center.

## Tâches de l’administrateur {#admin-tasks}

1. Ouvrez le tableau de bord.
2. Sélectionnez **Ajouter un nouvel utilisateur**. Voir [avantages](benefits.md#software).
3. Envoyez le mot de passe temporaire.

## Vérifier le statut {#check-status}

La progression des compétences s’affiche après 24 heures. Voir [la FAQ](faq.md).
"""


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """`make_project(page=english, **{"page.fr": french})`: a docs/ folder holding exactly those pages."""

    def make(fallback: bool = True, **pages: str) -> Project:
        docs = tmp_path / "docs"
        docs.mkdir(exist_ok=True)
        for name, text in pages.items():
            (docs / f"{name.replace('__', '.')}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        return Project(docs=docs, languages=LANGUAGES, fallback=fallback)

    return make
