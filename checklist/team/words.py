"""The admin's words for each employee step still open (the team view, issue 13): kept apart from the rules.

The rules of a step (when it is due, what proves it) live on `Step` and the rule readers (`team/model.py`, `plan.py`,
`calendar.py`) never name a step. What an admin does about a step is wording, not a rule: it is keyed by step id
here, and a test checks that every required employee step has its words.
"""

from __future__ import annotations

from ..i18n import N_

__all__ = ["ADMIN_ACTIONS", "REPLACED_WHEN_EXPIRED", "REPLACE_ACCOUNT"]

# Step id -> (the admin's action, the same with its due date `{date}`, or None when the step has no date).
ADMIN_ACTIONS: dict[str, tuple[str, str | None]] = {
    "employee.get_signin_info": (N_("Send the sign-in info again"), None),
    "employee.sign_in": (N_("Remind them to sign in"), N_("Remind them to sign in by {date}")),
    "employee.connect_partner_university": (N_("Ask them to connect Partner University"), None),
    "employee.associate_exams": (N_("Ask them to associate their exams and certifications"), None),
}
# An expired temporary password replaces the sign-in steps' actions with this one (the account must be re-added).
REPLACE_ACCOUNT = N_("Remove the account and add it again")
REPLACED_WHEN_EXPIRED: frozenset[str] = frozenset({"employee.get_signin_info", "employee.sign_in"})
