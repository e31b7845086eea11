"""The onboarding steps of the guides, as data: the single source the page, the worker and the CLI read.

Each step says who it is for, when it applies, where the guides explain it, and its rules: when it is due
(`due_from`), which facts prove it done without a tick (`proved_by`) and which key dates belong to it (`dates`).
`plan.py`, `team.py` and `calendar.py` read those fields and never name a step, so adding a step is one `Step`
here plus its translations (README, "Add a step"). Ids are public (saved progress and share links store them):
add steps, never rename one.

The other modules read `STEPS` through `step_ids()`, `steps_by_id()` and `key_dates()` at call time, never through
a copy made at import, so what they see is always this tuple.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import dates
from .i18n import N_
from .retirement import retired

if TYPE_CHECKING:  # annotations only: answers.py imports this module at run time
    from .answers import Answers

__all__ = [
    "BENEFIT_KINDS",
    "GROUPS",
    "STEPS",
    "STEP_IDS",
    "Group",
    "KeyDate",
    "Step",
    "from_answer",
    "key_dates",
    "step_ids",
    "steps_by_id",
]


@dataclass(frozen=True)
class Group:
    id: str
    title: str  # msgid


def _never(_: Answers) -> bool:
    return False


@dataclass(frozen=True)
class KeyDate:
    """A date the reader acts on, shown under "Key dates" and written to the calendar as an event of its step.

    `key` is public (the output's `dates`); `compute` returns the date, or a date and time, or None when it does
    not apply; `projected` says the date holds only if the reader acts in time (shown with a note). A `deadline`
    stops mattering once its step is done: the team's calendar leaves it out for the people who did the step.
    """

    key: str
    label: str  # msgid
    compute: Callable[[Answers], dt.date | None]
    projected: Callable[[Answers], bool] = _never
    deadline: bool = False


@dataclass(frozen=True)
class Step:
    """One step of the guides, with every rule about it.

    - `due_from`: the day the step is due, computed from the answers (None: no deadline, or not known yet).
    - `proved_by`: facts that prove the step done without the reader ticking it: answer fields (a re-enrolment
      date) or the facts an admin sees for an employee (`signed_in`). Any one present and not false is proof;
      a fact a document does not have proves nothing there.
    - `dates`: the key dates that belong to this step (their events link to its guide section).
    - `overdue`: what to do once the due day has passed (msgid, may use `{date}`, the due day); None: the generic
      "do it as soon as you can". The plan shows it on the step itself, where the reader is looking.
    """

    id: str
    group: str
    role: str
    title: str  # msgid
    detail: str  # msgid
    page: str  # docs page name (docs/<page>.md)
    anchor: str  # heading id on that page, identical in every language
    applies: Callable[[Answers], bool]
    optional: bool = False
    due_from: Callable[[Answers], dt.date | None] | None = None
    proved_by: tuple[str, ...] = ()
    dates: tuple[KeyDate, ...] = ()
    overdue: str | None = None


def from_answer(field: str, rule: Callable[[dt.date], dt.date] | None = None) -> Callable[[Answers], dt.date | None]:
    """A rule on one dated answer: `rule(value)` (or the value itself), None while that answer is not given."""

    def compute(answers: Answers) -> dt.date | None:
        value = getattr(answers, field)
        if value is None:
            return None
        return value if rule is None else rule(value)

    return compute


def _always(_: Answers) -> bool:
    return True


def _transition(a: Answers) -> bool:
    """A company moving its PMC membership while PMC still runs: the 2017 rules (seeds 000/002)."""
    return a.situation == "transition" and not retired(a.today)


def _left_behind(a: Answers) -> bool:
    """A company that had a PMC membership, after PMC's retirement: it enrolls as a new partner (seed 001)."""
    return a.situation == "transition" and retired(a.today)


def _enroll(a: Answers) -> bool:
    return a.situation == "enroll"


def _csp(a: Answers) -> bool:
    return a.csp


def _marketplace(a: Answers) -> bool:
    return a.marketplace


def _new_id_in_marketplace(a: Answers) -> bool:
    """A new MPN ID (a new partner, or a PMC company after the retirement) must be re-associated with an existing
    marketplace account (seed 001)."""
    return a.marketplace and (a.situation == "enroll" or _left_behind(a))


def _bought(kind: str) -> Callable[[Answers], bool]:
    def applies(a: Answers) -> bool:
        return kind in a.benefits

    return applies


def _pmc_end(a: Answers) -> dt.date | None:
    """The PMC membership end date, which only a transition while PMC runs has (a new partner never had one;
    after the retirement the 2017 rules that read it no longer hold, whatever date is still stored)."""
    return a.pmc_membership_end if _transition(a) else None


def _renew_by(a: Answers) -> dt.date | None:
    """Renew before the current membership ends (seeds 000/002); gone once the re-enrolment date is given."""
    return _pmc_end(a) if a.reenrolled_on is None else None


def _membership_end(a: Answers) -> dt.date | None:
    """One year after the current end date, for a re-enrolment before it (seeds 000/002); projected while the
    reader has not renewed yet and still can; unknown after a late re-enrolment (the guides promise nothing)."""
    end = _pmc_end(a)
    if end is None:
        return None
    if a.reenrolled_on is None:
        return dates.one_year_after(end) if a.today <= end else None
    return dates.one_year_after(end) if dates.reenrolled_in_time(a.reenrolled_on, end) else None


def _not_renewed_yet(a: Answers) -> bool:
    return a.reenrolled_on is None


GROUPS: tuple[Group, ...] = (
    Group("prepare", N_("Before you create the account")),
    Group("account", N_("Create the Partner Center account")),
    Group("membership", N_("Your MPN membership")),
    Group("people", N_("Add your team")),
    Group("employee", N_("Your own account")),
    Group("csp", N_("Cloud Solution Provider")),
    Group("marketplace", N_("Commercial marketplace")),
    Group("benefits", N_("Membership benefits")),
)

_FAQ_CSP = "my-company-is-a-cloud-solution-provider-how-do-we-get-an-mpn-id-and-accept-the-microsoft-partner-agreement"
_FAQ_MARKETPLACE = (
    "i-have-published-or-want-to-publish-offers-in-the-commercial-marketplace-"
    "how-do-i-connect-my-mpn-id-to-my-marketplace-account"
)
_FAQ_NOT_MIGRATED = "my-company-has-not-completed-migration-how-do-we-engage-with-the-microsoft-partner-network"
_FAQ_PMC_ID = "what-will-happen-to-my-existing-pmc-mpn-id"

STEPS: tuple[Step, ...] = (
    # Admin, before creating the account (seed 003, "Before you begin").
    Step(
        "prepare.global_admin",
        "prepare",
        "admin",
        N_("Have the global admin credentials of your company's Azure AD tenant ready"),
        N_(
            "You sign in with them while you enroll. No Azure Active Directory tenant yet? You can create one during enrollment."
        ),
        "membership",
        "before-you-begin",
        _always,
    ),
    Step(
        "prepare.legal_profile",
        "prepare",
        "admin",
        N_("Gather the company's legal name, address and primary contact"),
        N_(
            "Microsoft uses them to check that the company has an established profile and that you may act on its behalf."
        ),
        "membership",
        "before-you-begin",
        _always,
    ),
    Step(
        "prepare.signing_authority",
        "prepare",
        "admin",
        N_("Make sure you may sign contracts for the company"),
        N_("You will be asked to accept agreements during enrollment."),
        "membership",
        "before-you-begin",
        _always,
    ),
    Step(
        "prepare.primary_contact",
        "prepare",
        "admin",
        N_("Choose the primary contact and note their name and work e-mail address"),
        N_(
            "Microsoft e-mails them to confirm that they signed up for a Partner Center account and that the address belongs to your company. Verification continues once they confirm."
        ),
        "membership",
        "before-you-begin",
        _always,
    ),
    # Admin, account (seed 003, "Create a Partner Center account").
    Step(
        "account.create",
        "account",
        "admin",
        N_("Start the account and sign in to Azure AD"),
        N_(
            "Read the Welcome page and select Next. Select Sign in to Azure AD and enter your tenant's global admin credentials, or select Create new tenant and then sign in as the new tenant's global admin."
        ),
        "membership",
        "create-a-partner-center-account",
        _always,
    ),
    Step(
        "account.verify_primary_contact",
        "account",
        "admin",
        N_("Enter the legal profile and primary contact, then have the contact verified"),
        N_(
            "Fill in the company's legal profile and primary contact and select Enroll now. The primary contact must confirm the verification e-mail before Microsoft goes on checking your details."
        ),
        "membership",
        "create-a-partner-center-account",
        _always,
    ),
    Step(
        "account.accept_mpn_agreement",
        "account",
        "admin",
        N_("Accept the Microsoft Partner Network agreement"),
        N_("Read its terms and conditions, then accept them."),
        "membership",
        "create-a-partner-center-account",
        _always,
    ),
    Step(
        "account.admin_agent",
        "account",
        "admin",
        N_("Check that you are in the admin agent group"),
        N_(
            "You need admin agent permissions to finish the set-up and add users: Dashboard > Account settings > User management, select your name, select Admin agent, then Update."
        ),
        "membership",
        "create-a-partner-center-account",
        _always,
    ),
    # Admin, membership.
    Step(
        "membership.renew",
        "membership",
        "admin",
        N_("Renew your MPN membership in Partner Center"),
        N_(
            "The new membership starts at once and its end date moves to one year after your current end date. Until the current membership ends you can use both PMC and Partner Center."
        ),
        "transition",
        "reenrollment-and-key-dates",
        _transition,
        due_from=_pmc_end,
        proved_by=("reenrolled_on",),
        overdue=N_(
            "Overdue: your membership ended on {date}. Enroll in the Microsoft Partner Network as a new partner to receive a new MPN ID."
        ),
        dates=(
            KeyDate("renew_by", N_("Renew by"), _renew_by, deadline=True),
            KeyDate("membership_end", N_("Membership ends"), _membership_end, projected=_not_renewed_yet),
            KeyDate("pmc_access_until", N_("PMC benefits viewable until"), _pmc_end),
        ),
    ),
    Step(
        "enroll.new_partner",
        "membership",
        "admin",
        N_("Enroll in the Microsoft Partner Network as a new partner"),
        N_(
            "PMC is retired and its MPN IDs cannot be recovered: create a new MPN account in Partner Center and enroll to receive a new MPN ID. Use a company e-mail address; personal ones are not supported."
        ),
        "pmc-retirement-faq",
        _FAQ_NOT_MIGRATED,
        _enroll,
    ),
    Step(
        "membership.new_mpn_id",
        "membership",
        "admin",
        N_("Get a new MPN ID: enroll as a new partner in Partner Center"),
        N_(
            "PMC has been shut down, so the MPN ID your company had there cannot be recovered. Create a new MPN account in Partner Center, then enroll as a new partner to receive a new MPN ID. Use a company e-mail address; personal ones are not supported."
        ),
        "pmc-retirement-faq",
        _FAQ_PMC_ID,
        _left_behind,
    ),
    # Admin, people (seed 000).
    Step(
        "admin.add_users",
        "people",
        "admin",
        N_("Add your employees' accounts"),
        N_(
            "On the Partner Center dashboard, select Add new user and follow the instructions on screen. During the move from PMC, Set up your team (Add users using PMC data) added many people at once; since PMC's shutdown it may no longer appear."
        ),
        "transition",
        "admin-tasks-add-employee-accounts",
        _always,
    ),
    Step(
        "admin.send_credentials",
        "people",
        "admin",
        N_("Get the sign-in info to each new user"),
        N_(
            "For a single account, send the user name and temporary password yourself. During the move from PMC, accounts created from PMC data got an e-mail automatically, with a file of the same details to download and resend. A temporary password works for 90 days: if someone has not signed in by then, remove the account and add it again."
        ),
        "transition",
        "admin-tasks-add-employee-accounts",
        _always,
    ),
    Step(
        "admin.enable_sspr",
        "people",
        "admin",
        N_("Turn on self-service password reset"),
        N_("Set it up for individual accounts, including the security questions users must answer."),
        "transition",
        "admin-tasks-add-employee-accounts",
        _always,
        optional=True,
    ),
    Step(
        "admin.check_team_status",
        "people",
        "admin",
        N_("Check your team's status"),
        N_(
            "Select Check your team's status on the dashboard to see who has connected Partner University and associated exams and certifications. Progress shows under Partnership > Competencies 24 hours after a user associates their account or reaches a competency goal."
        ),
        "transition",
        "checking-team-status-and-receiving-competency-achievements",
        _always,
    ),
    # Employee (seed 000, "Employee tasks").
    Step(
        "employee.get_signin_info",
        "employee",
        "employee",
        N_("Get your sign-in info"),
        N_(
            "It comes from Microsoft Partner Center or from your admin. Nothing arrived? Ask your company's admin to send it to you directly."
        ),
        "transition",
        "nonadmin_tasks",
        _always,
        proved_by=("signed_in",),
    ),
    Step(
        "employee.sign_in",
        "employee",
        "employee",
        N_("Sign in with your temporary password"),
        N_(
            "The temporary password works for 90 days. After that, your admin must remove your account and add it again."
        ),
        "transition",
        "nonadmin_tasks",
        _always,
        due_from=from_answer("temp_password_issued_on", dates.last_day_to_sign_in),
        proved_by=("signed_in",),
        overdue=N_(
            "Overdue: the last day to sign in was {date}. Ask your admin to remove your account and add it again: you will receive new sign-in info."
        ),
        dates=(
            KeyDate(
                "temp_password_expires",
                N_("Temporary password stops working on"),
                from_answer("temp_password_issued_on", dates.temp_password_expires),
                deadline=True,
            ),
        ),
    ),
    Step(
        "employee.connect_partner_university",
        "employee",
        "employee",
        N_("Connect your Microsoft Partner University account"),
        N_(
            "On the dashboard, select Update your profile > Get Partner University access. Once it is connected, you can use Partner University again."
        ),
        "transition",
        "nonadmin_tasks",
        _always,
        proved_by=("partner_university_connected",),
    ),
    Step(
        "employee.associate_exams",
        "employee",
        "employee",
        N_("Associate your technical exams and certifications"),
        N_(
            "On the dashboard, select Update your profile > Associate exams and certifications. Progress shows under Partnership > Competencies after 24 hours."
        ),
        "transition",
        "nonadmin_tasks",
        _always,
        proved_by=("exams_associated_at", "exams_associated"),
        dates=(
            KeyDate(
                "competency_progress_visible",
                N_("Competency progress visible from"),
                from_answer("exams_associated_at", dates.competency_progress_visible),
            ),
        ),
    ),
    Step(
        "employee.setup_sspr",
        "employee",
        "employee",
        N_("Set up self-service password reset"),
        N_("Lets you reset your own password later without asking your admin."),
        "transition",
        "nonadmin_tasks",
        _always,
        optional=True,
    ),
    # CSP and marketplace (seed 001).
    Step(
        "csp.associate_mpn_id",
        "csp",
        "admin",
        N_("Associate your MPN ID with your CSP account"),
        N_(
            "Make sure your Microsoft Partner Network ID (the new one, if you enrolled again) is associated with your Cloud Solution Provider account."
        ),
        "pmc-retirement-faq",
        _FAQ_CSP,
        _csp,
    ),
    Step(
        "csp.sign_mpa",
        "csp",
        "admin",
        N_("Sign the Microsoft Partner Agreement"),
        N_("Once the MPN ID is associated, complete the signing of the Microsoft Partner Agreement (MPA)."),
        "pmc-retirement-faq",
        _FAQ_CSP,
        _csp,
    ),
    Step(
        "marketplace.create_account",
        "marketplace",
        "admin",
        N_("Create a commercial marketplace account in Partner Center"),
        N_("You need it to publish offers in the commercial marketplace."),
        "pmc-retirement-faq",
        _FAQ_MARKETPLACE,
        _marketplace,
    ),
    Step(
        "marketplace.update_mpn_id",
        "marketplace",
        "admin",
        N_("Have your new MPN ID associated with your marketplace account"),
        N_(
            "For an existing commercial marketplace account, make sure you are enrolled in the Microsoft Partner Network, then contact Support to change the MPN ID association."
        ),
        "pmc-retirement-faq",
        _FAQ_MARKETPLACE,
        _new_id_in_marketplace,
    ),
    # Benefits (seed 004).
    Step(
        "benefits.software",
        "benefits",
        "admin",
        N_("Activate your software benefits"),
        N_(
            "Benefits page > Software: expand a product, select Get keys, choose the language and operating system, then download and install."
        ),
        "benefits",
        "manage-software-benefits",
        _bought("software"),
    ),
    Step(
        "benefits.cloud",
        "benefits",
        "admin",
        N_("Activate your cloud services"),
        N_(
            "Benefits page > Cloud: for Azure usage-based subscriptions, assign yourself as user and manage them in the Azure portal; for license-based ones, select Get keys and follow the special instructions."
        ),
        "benefits",
        "manage-cloud-services-benefits",
        _bought("cloud"),
    ),
    Step(
        "benefits.visual_studio",
        "benefits",
        "admin",
        N_("Assign your Visual Studio subscriptions"),
        N_(
            "Benefits page > Visual Studio subscriptions: for each subscription, select a user, then Assign user. Users manage their subscriptions in the Visual Studio portal."
        ),
        "benefits",
        "manage-visual-studio-subscriptions",
        _bought("visual_studio"),
    ),
    Step(
        "benefits.technical",
        "benefits",
        "admin",
        N_("Assign your technical benefits"),
        N_(
            "Benefits page > Technical benefits: select a user, give an e-mail address other than the company's dashboard account, then Assign user. Activation can take several days."
        ),
        "benefits",
        "manage-technical-benefits",
        _bought("technical"),
    ),
    Step(
        "benefits.advisory_hours",
        "benefits",
        "admin",
        N_("Request presales or advisory hours"),
        N_(
            "Fill in the request form and select Submit request to get technical help with the presales, design, deployment or app development phases of cloud and hybrid solutions."
        ),
        "benefits",
        "request-advisory-hours",
        _bought("technical"),
        optional=True,
    ),
)


def step_ids() -> tuple[str, ...]:
    """Every step id, in `STEPS` order (the ids a saved `done` list may hold)."""
    return tuple(step.id for step in STEPS)


def steps_by_id() -> dict[str, Step]:
    return {step.id: step for step in STEPS}


def key_dates() -> tuple[tuple[Step, KeyDate], ...]:
    """Every key date with the step it belongs to, in the order a reader acts on them (`STEPS` order)."""
    return tuple((step, key_date) for step in STEPS for key_date in step.dates)


# An import-time copy for readers of the package's public surface (`checklist.STEP_IDS`); the engine itself calls
# the functions above.
STEP_IDS: tuple[str, ...] = step_ids()
BENEFIT_KINDS: tuple[str, ...] = ("software", "cloud", "visual_studio", "technical")
