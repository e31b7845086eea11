"""The fixture pair of tests/l10n's break tests (one page in English, French and Chinese, clean and marked up to
date), and the edits a test makes to break it: shared by the checks', the staleness and the XLIFF tests."""

from __future__ import annotations

from pathlib import Path

from l10n.project import Project

ENGLISH = """\
---
title: Move to Partner Center
description: What admins do.
---
# Move to Partner Center {#move}

Your Partner Center account replaces Partner Membership Center.

!!! note "Note"
    The temporary password works for 90 days, until 30 June 2027.

## Admin tasks {#admin-tasks}

1. Open the [dashboard](https://partner.microsoft.com/en-us/dashboard).
2. Select **Add new user**. See [benefits](benefits.md).
3. Send the temporary password. See [benefits](benefits.md) and [benefits](benefits.md).

## Check status {#check-status}

Competency progress shows after 24 hours.
"""

FRENCH = """\
---
title: Passer à l’Espace partenaires
description: Ce que fait l’administrateur.
translation: machine
---
# Passer à l’Espace partenaires {#move}

Votre compte Espace partenaires remplace le Partner Membership Center.

!!! note "Remarque"
    Le mot de passe temporaire fonctionne 90 jours, jusqu’au 30 juin 2027.

## Tâches de l’administrateur {#admin-tasks}

1. Ouvrez le [tableau de bord](https://partner.microsoft.com/fr-fr/dashboard).
2. Sélectionnez **Ajouter un nouvel utilisateur**. Voir [avantages](benefits.md).
3. Envoyez le mot de passe temporaire. Voir [avantages](benefits.md) et [avantages](benefits.md).

## Vérifier le statut {#check-status}

La progression des compétences s’affiche après 24 heures.
"""

CHINESE = """\
---
title: 移轉到合作夥伴中心
description: 系統管理員要做的事。
translation: machine
---
# 移轉到合作夥伴中心 {#move}

您的合作夥伴中心帳戶會取代 Partner Membership Center。

!!! note "附註"
    暫時密碼的有效期限為 90 天，直到 2027 年 6 月 30 日。

## 系統管理員工作 {#admin-tasks}

1. 開啟[儀表板](https://partner.microsoft.com/zh-tw/dashboard)。
2. 選取 **新增使用者**。請參閱[權益](benefits.md)。
3. 傳送暫時密碼。請參閱[權益](benefits.md)與[權益](benefits.md)。

## 檢查狀態 {#check-status}

專長認證進度會在 24 小時後顯示。
"""

MKDOCS = (
    "docs_dir: docs\nplugins:\n  - i18n:\n      languages:\n"
    "        - {locale: en, default: true}\n        - {locale: fr}\n        - {locale: zh-TW}\n"
)


def edit(project: Project, language: str, old: str, new: str) -> tuple[Path, int]:
    """Replace `old` by `new` in a translation (keeping it marked up to date); the file and the line edited."""
    path = project.source("move", language)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
