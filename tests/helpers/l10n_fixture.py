"""The small fixture project of the l10n tests (its own three languages, not the site's): a page in English and
its French translation."""

from __future__ import annotations

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
