"""What the checklist web page needs from the engine: its questions, its words, its pre-rendered plans, and the
one entry point the browser's Web Worker calls.

Kept here, next to the rules, so that the page template, the worker and the CLI all read one source of truth:
the page never decides which question applies or how a plan is computed, it only shows what this module says.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .answers import FIELDS
from .calendar import check_url, ics, team_ics
from .errors import ChecklistError, input_error, load_json
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Texts
from .plan import LANGUAGE_PREFIX, date_labels, guide_link, plan
from .retirement import RETIRED_FIELDS, retired
from .steps import STEPS
from .team import (
    ADMIN_ACTIONS,
    COLUMN_LABELS,
    DATE_ORDERS,
    EMPLOYEE_FIELDS,
    REPLACE_ACCOUNT,
    STATUS_CONTEXT,
    STATUS_LABELS,
    WARNING_MESSAGES,
    WARNING_PARAMETERS,
    order_name,
    reminder,
    team,
    team_from_csv,
    team_template_csv,
    team_to_csv,
)
from .team.date_cells import read_pasted_day
from .team.export import mail_merge_csv

__all__ = [
    "ANSWER_FIELDS",
    "CALLS",
    "PAGE_STRINGS",
    "QUESTIONS",
    "Question",
    "asked",
    "call",
    "page_context",
    "page_strings",
    "questions",
]


@dataclass(frozen=True)
class Question:
    """One form question: `when` lists (field, value) pairs that must all hold for it to be asked.

    A question on one of `retirement.RETIRED_FIELDS` is asked only before PMC's retirement (`questions`);
    `hint_retired`, when given, replaces `hint` from the retirement on.
    """

    field: str
    kind: str  # "choice", "date", "datetime", "flag" or "multi"
    label: str  # msgid
    hint: str | None = None  # msgid
    options: tuple[tuple[str, str], ...] = ()  # (value, msgid)
    when: tuple[tuple[str, str], ...] = ()
    hint_retired: str | None = None  # msgid


_ADMIN = (("role", "admin"),)
_TRANSITION = (("role", "admin"), ("situation", "transition"))
_EMPLOYEE = (("role", "employee"),)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "role",
        "choice",
        N_("Which tasks are yours?"),
        options=(
            # Not "I set up": the admin's plan starts before the account exists, so the wording must not say done.
            ("admin", N_("I am the one who sets up my company in Partner Center (partner admin)")),
            ("employee", N_("An admin added me to my company's Partner Center account (employee)")),
        ),
    ),
    Question(
        "situation",
        "choice",
        N_("Where does your company start from?"),
        options=(
            ("transition", N_("We had an MPN membership in Partner Membership Center")),
            ("enroll", N_("We are joining the Microsoft Partner Network as a new partner")),
        ),
        when=_ADMIN,
        hint_retired=N_(
            "PMC has been shut down since June 2021: a company that had a membership there and never moved it "
            "enrolls again as a new partner, and the checklist shows how."
        ),
    ),
    Question(
        "pmc_membership_end",
        "date",
        N_("When does your current MPN membership end?"),
        N_("The end date shown for your membership. Renew in Partner Center before it."),
        when=_TRANSITION,
    ),
    Question(
        "reenrolled_on",
        "date",
        N_("If you already renewed in Partner Center, on which day?"),
        N_("Leave empty if you have not renewed yet."),
        when=_TRANSITION,
    ),
    Question("csp", "flag", N_("We are a Cloud Solution Provider (CSP)"), when=_ADMIN),
    Question(
        "marketplace",
        "flag",
        N_("We publish offers in the commercial marketplace, or want to"),
        when=_ADMIN,
    ),
    Question(
        "benefits",
        "multi",
        N_("Which membership benefits does your company have?"),
        options=(
            ("software", N_("Software (product keys and downloads)")),
            ("cloud", N_("Cloud services (Azure and Microsoft 365 credits)")),
            ("visual_studio", N_("Visual Studio subscriptions")),
            ("technical", N_("Technical benefits (support incidents and advisory hours)")),
        ),
        when=_ADMIN,
    ),
    Question(
        "temp_password_issued_on",
        "date",
        N_("On which day did you receive your temporary password?"),
        N_("It works for 90 days: sign in before it stops working."),
        when=_EMPLOYEE,
    ),
    Question(
        "exams_associated_at",
        "datetime",
        N_("When did you associate your exams and certifications?"),
        N_("Date and time. Progress shows within 24 hours. Leave empty if you have not done it yet."),
        when=_EMPLOYEE,
    ),
)

# Every answer the page stores or shares; `language`, `today` and `now` come from the page, not the reader.
ANSWER_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS if f not in ("language", "today", "now"))

# Words the page's script shows; the template shows the rest from `QUESTIONS` and the plan itself.
PAGE_STRINGS: dict[str, str] = {
    "questions": N_("Your situation"),
    "plan": N_("Your remaining steps"),
    "overview": N_("All the steps, by role"),
    "key_dates": N_("Key dates"),
    "no_dates": N_("Answer the date questions to see your key dates."),
    "no_dates_here": N_("No key dates apply to your situation."),
    "progress": N_("{done} of {total} required steps done"),
    "optional": N_("optional"),
    "due": N_("due {date}"),
    "projected": N_("(if you renew before your membership ends)"),
    "nothing_left": N_("Nothing left to do. Well done!"),
    "done_steps": N_("Done"),
    "read_guide": N_("How to do it"),
    # The link's accessible name: five links called "How to do it" cannot be told apart in a links list. The
    # template and plan-view.js both fill it in, so the pre-rendered and the live plan name their links alike.
    "read_guide_named": N_("How to do it: {step}"),
    # A step's accessible name is its title then what its badges say, joined two by two with this comma.
    "name_and": N_("{before}, {after}"),
    "warnings": N_("Needs your attention"),
    "choose_role": N_("Choose which tasks are yours to see your own checklist."),
    "no_script": N_(
        "Turn on JavaScript to answer the questions and tick steps. Without it, here is every step for each role."
    ),
    "loading": N_("Starting the checklist engine in your browser…"),
    "ready": N_("Checklist up to date."),
    "engine_ready": N_("The checklist is ready."),
    # Issue 21: a refused (or half-typed) answer is left out of the plan, and the plan says it waits for it.
    "waiting_for": N_("Waiting for your answer to “{question}”: this plan is made without it until it is corrected."),
    "calendar_no_dates": N_("No key dates yet: answer the date questions to add them to your calendar."),
    "calendar_no_dates_here": N_("No key dates apply to your situation, so there is nothing to add to a calendar."),
    "calendar_not_ready": N_("Available once the checklist has started."),
    "offline_ready": N_("This page and the guide now work offline on this device."),
    "update_installed": N_("A new version of this page was installed: reload the page to use it."),
    "stored": N_("Showing your saved checklist; updating it…"),
    "load_failed": N_(
        "The checklist engine could not start in your browser. The list below is the general checklist for your "
        "role; your answers and ticks are still saved on this device."
    ),
    "load_slow": N_(
        "The checklist engine stopped loading: nothing arrived for {seconds} seconds, so the connection may have "
        "been interrupted. The list below is the general checklist for your role; your answers and ticks are still "
        "saved on this device."
    ),
    "load_busy": N_(
        "The checklist engine did not finish starting within {seconds} seconds: this device may be too busy. The "
        "list below is the general checklist for your role; your answers and ticks are still saved on this device."
    ),
    # Issue 11, slow links: what the engine's start is doing, said in the status line while it downloads.
    "try_again": N_("Try again"),
    "start_download_plain": N_("Downloading Python for the checklist…"),
    "start_download": N_("Downloading Python for the checklist: {received} of {total} MB"),
    "start_download_bytes": N_("Downloading Python for the checklist: {received} MB received"),
    "start_python": N_("Getting the checklist ready in your browser…"),
    "start_engine": N_("Loading the checklist…"),
    "start_busy": N_("Still starting the checklist: this device is busy, so this can take a minute…"),
    "corrupt_state": N_(
        "Your saved answers could not be read, so the checklist started again. A copy of them was kept on this "
        "device under the name {key}."
    ),
    "shared_loaded": N_("These answers come from a shared link. Your own previous answers were kept."),
    "restore_previous": N_("Restore my previous answers"),
    "private": N_(
        "Your answers stay in this browser: they are saved on this device only and never sent anywhere, not even "
        "when you share a link (the answers travel after the # sign, which browsers do not send to servers)."
    ),
    "change_answers": N_("Change answers"),
    "start_over": N_("Start over"),
    "started_over": N_("Answers and ticks cleared."),
    "undo": N_("Undo"),
    "share": N_("Copy a link to this checklist"),
    "share_copied": N_("Link copied. Anyone who opens it sees these answers."),
    "share_label": N_("Link to this checklist"),
    "calendar": N_("Add the key dates to my calendar (.ics)"),
    "print": N_("Print"),
    "field_error": N_("Check this answer: {message}"),
    "mark_done": N_("Done: {title}"),
    "calendar_file": N_("partner-center-key-dates"),
    "team_title": N_("Your team"),
    "team_intro": N_(
        "Import the list of the people you added to Partner Center to see who has not signed in before their "
        "temporary password stops working (90 days), who still has to connect Partner University or associate "
        "exams, and when competency progress should appear."
    ),
    "team_import": N_("Import your team (CSV file)"),
    "team_import_hint": N_(
        "Our template, or the file Partner Center offered to download when it created users from PMC data during "
        "the move. Columns are found by their names; other columns are ignored. A password column is dropped as the "
        "file is read: passwords are never kept or shown. The file stays on this device."
    ),
    "team_template": N_("Download the template"),
    "team_template_file": N_("team-template"),
    "team_export": N_("Download the table (CSV)"),
    "team_export_file": N_("team-status"),
    "team_calendar": N_("Add the team's deadlines to my calendar (.ics)"),
    "team_calendar_file": N_("team-deadlines"),
    "team_clear": N_("Remove the team from this device"),
    "team_error": N_("The file was not imported, and your previous team list is unchanged. {message}"),
    "team_col_name": N_("Name"),
    "team_col_status": N_("Status"),
    "team_col_deadline": N_("Temporary password stops working on"),
    "team_col_warnings": N_("What to do"),
    # Storage that tells the truth, faults, deleting everything (the page's own words, issue 16/18).
    "storage_failed": N_(
        "This browser is not letting the page save anything, so nothing you enter here will be kept on this "
        "device after you leave. The checklist still works for this visit; copy a link to keep your answers."
    ),
    "corrupt_state_not_kept": N_(
        "Your saved answers could not be read, so the checklist started again. No copy of them could be kept on "
        "this device."
    ),
    "shared_loaded_lost": N_(
        "These answers come from a shared link. Your own previous answers could not be kept on this device."
    ),
    "fault": N_(
        "Something went wrong while updating the checklist. Your answers and ticks are kept; reload the page to "
        "try again. ({message})"
    ),
    "delete_all": N_("Delete everything this site stored on this device"),
    "delete_all_confirm": N_(
        "Delete your answers, ticks, team list and every setting this site saved in this browser? This cannot be "
        "undone."
    ),
    "delete_all_yes": N_("Yes, delete everything"),
    "delete_all_cancel": N_("Cancel"),
    # What "Delete everything" removed, and only what is ours on a shared origin (issue 25).
    "deleted_what": N_(
        "Deleted from this device: {items}. Nothing that other sites or applications stored was touched."
    ),
    "deleted_keys": N_("saved answers, ticks and settings ({count})"),
    "deleted_offline_copy": N_("the offline copy of the guide"),
    "deleted_snapshot": N_("the copy of the checklist engine that speeds up its start"),
    "deleted_service_worker": N_("the offline service of this site (service worker)"),
    "deleted_nothing": N_("This site had nothing stored on this device."),
    "delete_all_failed": N_(
        "This browser refused to delete some of what this site stored. Remove it in the browser's site data settings."
    ),
    "team_saved_on": N_("Team list saved on this device on {date}."),
    # Issue 12: the checklist for every reader (keyboard, screen reader, dates, overdue steps, print).
    "overdue": N_("overdue"),
    "next_step": N_("next step"),
    "warning_cleared": N_("No longer applies: {message}"),
    "date_day": N_("Day"),
    "date_month": N_("Month"),
    "date_year": N_("Year"),
    "date_time": N_("Time (24-hour, HH:MM)"),
    "date_example": N_("For example, 1 9 2026 for 1 September 2026."),
    "date_incomplete": N_("Enter the day, the month and the year, or leave all three empty."),
    "date_not_a_date": N_("There is no such day: check the day, the month and the year."),
    "date_year_digits": N_("Write the year with four digits, for example 2026."),
    "date_time_invalid": N_("Write the time as hours and minutes on the 24-hour clock, for example 09:30."),
    "summary_title": N_("Your answers"),
    "change": N_("Change"),
    "change_named": N_("Change: {question}"),
    "printed_on": N_("Printed on {date}."),
    "share_address": N_("Link to these answers: {url}"),
    # The team view (issue 13): filters, search, sort, group, copy, reminders, date order, rejected rows.
    "team_filter_label": N_("Show"),
    "team_filter_all": N_("Everyone ({count})"),
    "team_filter_needs_action": N_("Needs action ({count})"),
    "team_filter_expired": N_("Password expired ({count})"),
    "team_filter_due_soon": N_("Password stops working soon ({count})"),
    "team_filter_not_signed_in": N_("Not signed in ({count})"),
    "team_filter_pu": N_("Partner University not connected ({count})"),
    "team_filter_exams": N_("Exams not associated ({count})"),
    "team_search": N_("Search by name or e-mail"),
    "team_group": N_("Group by"),
    "team_group_none": N_("No grouping"),
    "team_group_all": N_("All values"),
    "team_sort": N_("Sort by"),
    "team_sort_row": N_("Row in your file"),
    "team_sort_urgency": N_("Most urgent first"),
    "team_sort_name": N_("Name"),
    "team_sort_email": N_("E-mail"),
    "team_sort_status": N_("Status"),
    "team_sort_deadline": N_("Temporary password stops working on"),
    "team_shown": N_("{shown} of {total} people shown."),
    "team_show_more": N_("Show more people ({shown} of {total} listed)"),
    "team_col_row": N_("Row"),
    "team_col_email": N_("E-mail"),
    "team_copy_emails": N_("Copy the e-mail addresses shown"),
    "team_copied_emails": N_("E-mail addresses copied: {count}."),
    "team_copy_failed": N_("This browser did not allow copying: select the addresses below and copy them."),
    "team_remind": N_("Write a reminder to the people shown"),
    "team_remind_one": N_("Reminder"),
    # Issue 22: one line per person, the rest on demand; a reminder named after its person, in batches that fit.
    "team_col_action": N_("Action"),
    "team_details": N_("Details"),
    "team_details_for": N_("Details for {name}"),
    "team_remind_for": N_("Reminder for {name}"),
    "team_has_warnings": N_("Has a warning"),
    "team_warning_unknown": N_("Check this row in your file."),
    "team_remind_batch": N_("Open in my mail program ({number} of {count}; recipients: {people})"),
    "team_remind_batches": N_(
        "Each mail link holds at most {size} people and {chars} characters: some mail programs and browsers cut "
        "longer links, and mail servers limit the recipients of one message."
    ),
    "team_remind_each": N_("One message per person, with their own checklist link"),
    "team_remind_merge": N_("Download one message per person (mail merge for Outlook or Word)"),
    "team_remind_mail_to": N_("Mail to {name}"),
    "team_mail_merge_file": N_("reminders"),
    "team_stored_unreadable": N_(
        "The team list saved on this device could not be read. It was set aside, not replaced (kept in this "
        "browser's storage as {key}): import your file again to see your team."
    ),
    "team_stored_unreadable_kept": N_(
        "The team list saved on this device could not be read, and there was no room to set it aside: it stays "
        "as it was until you import a file."
    ),
    "team_remind_language": N_("Language of the reminder"),
    "team_remind_subject": N_("Subject"),
    "team_remind_body": N_("Message"),
    "team_remind_open": N_("Open in my mail program"),
    "team_remind_copy": N_("Copy the message"),
    "team_remind_copied": N_("Message copied."),
    "team_remind_note": N_(
        "Nothing is sent from this page: your mail program opens with the message, or you paste it."
    ),
    "team_remind_too_many": N_(
        "Too many addresses for a mail link: copy the addresses and the message, and paste them into your mail program."
    ),
    "team_remind_too_long": N_(
        "This message is too long for a mail link: copy the addresses and the message, and paste them into your "
        "mail program."
    ),
    "team_removed": N_("Team list removed from this device."),
    "team_date_order": N_("How does your file write dates like 8/10/2026?"),
    "team_date_order_auto": N_("Find out from the file"),
    "team_rejected_title": N_("Rows not imported"),
    "team_no_match": N_("Nobody matches these filters."),
    "team_empty_cell": N_("(empty)"),
    "team_not_kept": N_(
        "This team list could not be kept on this device (not enough space, or storage is blocked): it is shown "
        "for this visit only, and the list saved earlier, if any, stays on this device."
    ),
}


# Day, month, year as each language writes them ("1 septembre 2026", "2026 年 9 月 1 日").
DATE_PARTS: dict[str, tuple[str, ...]] = {
    "en": ("day", "month", "year"),
    "fr": ("day", "month", "year"),
    "zh-TW": ("year", "month", "day"),
}


# How a pasted slashed date that does not prove its order (8/10/2026) is read on each language's page: the
# English and French pages write the day first; a Traditional Chinese reader writes the year first, so a
# year-last date is read only when it proves its order (15/06/2027).
PASTED_DATE_ORDER: dict[str, str] = {"en": "dmy", "fr": "dmy"}


def asked(today: dt.date) -> tuple[Question, ...]:
    """The questions that apply on `today`: from PMC's retirement on, none on the answers only the 2017 rules
    read (the engine ignores those answers then, so asking them would only mislead)."""
    gone = RETIRED_FIELDS if retired(today) else ()
    return tuple(q for q in QUESTIONS if q.field not in gone)


def questions(language: str, today: dt.date) -> list[dict[str, Any]]:
    """The form for `today`, translated, for the page template."""
    _ = Texts(language)
    after = retired(today)
    return [
        {
            "field": q.field,
            "kind": q.kind,
            "label": _(q.label),
            "hint": _(hint) if (hint := q.hint_retired if after and q.hint_retired else q.hint) else None,
            "options": [{"value": value, "label": _(label)} for value, label in q.options],
            "when": dict(q.when),
        }
        for q in asked(today)
    ]


def page_strings(language: str) -> dict[str, str]:
    _ = Texts(language)
    return (
        {key: _(message) for key, message in PAGE_STRINGS.items()}
        | {f"date.{key}": _(label) for key, label in date_labels().items()}
        | team_strings(language)
    )


def team_strings(language: str) -> dict[str, str]:
    """The words of the team view's compact records (`team(view=True)`), held once by the page: status labels,
    the admin's action for each step (with and without its date), each warning's message with its
    {placeholders}, each step's guide link, and the names of the date orders (issue 11, "slim team replies")."""
    _ = Texts(language)
    found = {f"team_status.{status}": _.ctx(STATUS_CONTEXT, label) for status, label in STATUS_LABELS.items()}
    found["team_action.replace_account"] = _(REPLACE_ACCOUNT)
    steps = {step.id: step for step in STEPS}
    for step_id, (plain, dated) in ADMIN_ACTIONS.items():
        found[f"team_action.{step_id}"] = _(plain)
        if dated is not None:
            found[f"team_action_by.{step_id}"] = _(dated)
        step = steps[step_id]
        found[f"team_link.{step_id}"] = guide_link(language, step.page, step.anchor)
    for code, message in WARNING_MESSAGES.items():
        found[f"team_warning.{code}"] = _(message)
        found[f"team_warning_params.{code}"] = ",".join(WARNING_PARAMETERS[code])
    for order in DATE_ORDERS:
        found[f"team_date_order.{order}"] = order_name(_, order)
    return found


def page_context(language: str, today: dt.date) -> dict[str, Any]:
    """Everything the page template needs: the form, the words, and one plan per role for the pre-render.

    The pre-rendered plans take no personal answers, so the page is useful before (or without) JavaScript.
    """
    _ = Texts(language)
    role_names = {"admin": _(N_("Partner admins")), "employee": _(N_("Employees"))}
    overview = [
        {"role": role, "title": title, "plan": plan({"role": role, "language": language, "today": today.isoformat()})}
        for role, title in role_names.items()
    ]
    return {
        "language": language,
        # The page writes its own dates with the engine's words and links with its prefixes (no copy in JS).
        "date_words": _.date_words(),
        "language_prefixes": LANGUAGE_PREFIX,
        "questions": questions(language, today),
        "strings": page_strings(language),
        "answer_fields": list(ANSWER_FIELDS),
        "date_order": list(date_labels()),  # the page's JSON sorts object keys: the order travels as a list
        # The order a reader of the language writes a date in: the date fields follow it, not the browser's.
        "date_parts": list(DATE_PARTS.get(language, DATE_PARTS[DEFAULT_LANGUAGE])),
        "overview": overview,
    }


def _team_csv(args: dict[str, Any]) -> dict[str, Any]:
    options = {key: args.get(key) for key in ("language", "today", "now", "date_order")}
    return _stored_team(team_from_csv(_file_bytes(args), **options))


def _file_bytes(args: dict[str, Any]) -> bytes:
    """The imported file's bytes, sent as base64 text (checked strictly: a stray character is not a byte)."""
    try:
        return base64.b64decode(args["data"], validate=True)
    except (binascii.Error, ValueError):
        _ = Texts(_language_of(args))
        raise ChecklistError("data", "invalid_base64", _(N_("Must be the file's bytes, written in base64."))) from None


# What the file said about itself, passed from the import to the compact view (the records say the rest).
_IMPORT_KEYS = (
    "columns",
    "ignored_columns",
    "dropped_columns",
    "missing_columns",
    "notices",
    "rejected",
    "source",
    "date_order",
    "date_order_source",
    "summary",  # issue 22: the columns dropped and why, the rejected rows grouped, the addresses to check
)


def _document(args: dict[str, Any]) -> Any:
    """The call's team document, in the page's language (`language` beside the document) when the document
    names none: a team JSON without "language" is read, and its errors written, in the reader's language."""
    document, language = args["document"], args.get("language")
    if isinstance(document, dict) and "language" not in document and language is not None:
        return {**document, "language": language}
    return document


def _team_view(args: dict[str, Any]) -> dict[str, Any]:
    """The page's recompute: the compact view, plus the display text of the other dates the section shows (the
    day the list was saved), so that one date style holds in the whole section (issue 13)."""
    shown = team(_document(args), view=True)
    texts = Texts(shown["language"])
    for value in args.get("date_texts") or []:
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            try:
                shown["dates_text"][value] = texts.iso(value)
            except ValueError:
                continue
    return shown


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _team_csv_view(args: dict[str, Any]) -> dict[str, Any]:
    """An import for the page: the facts to keep (document) and the compact view of the rows read, with what
    the file said (rejected rows, notices, date order). Imports are rare; the recompute (`team_view`) is hot."""
    stored = _team_csv(args)
    moment = {key: args[key] for key in ("language", "today", "now") if args.get(key) is not None}
    shown = team({**stored["document"], **moment}, view=True)
    shown.update({key: stored["team"][key] for key in _IMPORT_KEYS if key in stored["team"]})
    return {"team": shown, "document": stored["document"]}


def _team_mail_merge(args: dict[str, Any]) -> str:
    """One reminder per person of the document, as the mail-merge CSV (in the reminder's language)."""
    status = team(_document(args))
    return mail_merge_csv(reminder(status, args["site_url"]), status["language"])


# What the page may call, by name: each takes the call's arguments (a JSON object) and returns a JSON-ready value.
CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "plan": lambda args: plan(args["answers"]),
    "calendar": lambda args: ics(plan(args["answers"]), args["page_url"], args["site_url"]),
    "team_csv": _team_csv,
    "team": lambda args: _stored_team(team(_document(args))),
    # The page's calls: the same statuses as compact records (ids, dates, codes; the page has the words).
    "team_csv_view": _team_csv_view,
    "team_view": _team_view,
    "team_reminder": lambda args: reminder(team(_document(args)), args["site_url"]),
    "team_mail_merge": _team_mail_merge,
    "team_export": lambda args: team_to_csv(team(_document(args))),
    "team_calendar": lambda args: team_ics(team(_document(args)), args["page_url"], args["site_url"]),
    "team_template": lambda args: team_template_csv(args.get("language", DEFAULT_LANGUAGE)),
    # A whole date pasted into one box of a date question: the ISO date, or None (the form leaves the text).
    "read_date": lambda args: read_pasted_day(
        str(args.get("text", "")), PASTED_DATE_ORDER.get(args.get("language", ""))
    ),
}

# The arguments each call cannot do without, and the checks of those the engine does not read itself: the
# worker builds every call, but a call of another shape (a page script out of date, a message crafted in the
# console) must end in an error naming the argument, never `internal` (issue 25).
REQUIRED: dict[str, tuple[str, ...]] = {
    "plan": ("answers",),
    "calendar": ("answers", "page_url", "site_url"),
    "team_csv": ("data",),
    "team": ("document",),
    "team_csv_view": ("data",),
    "team_view": ("document",),
    "team_reminder": ("document", "site_url"),
    "team_mail_merge": ("document", "site_url"),
    "team_export": ("document",),
    "team_calendar": ("document", "page_url", "site_url"),
    "team_template": (),
    "read_date": ("text",),
}


def _check_arguments(fn: str, args: Any) -> None:
    _ = Texts(_language_of(args))
    if not isinstance(args, dict):
        raise ChecklistError("$", "not_an_object", _(N_("The input must be a JSON object.")))
    for name in REQUIRED[fn]:
        if name not in args:
            raise ChecklistError(name, "required", _(N_("This field is required.")))
        if name in ("page_url", "site_url"):
            check_url(name, args[name], _language_of(args))
    if "data" in args and not isinstance(args["data"], str):
        raise ChecklistError("data", "invalid_type", _(N_("Must be text.")))
    if args.get("date_texts") is not None and not isinstance(args["date_texts"], list):
        raise ChecklistError("date_texts", "invalid_type", _(N_("Must be a list.")))


def call(fn: str, args_json: str) -> str:
    """The Web Worker's single entry point: JSON in, JSON out, never an exception.

    The reply is the text of ``{"ok": true, "result": ...}`` or ``{"ok": false, "error": {"field", "code",
    "message", ...}}`` (`row` and `column` too for a team's file), so the page can put the message next to the
    field it names; the worker passes this text on as is (worker.js, "Protocol").
    """
    args: Any = None  # the error reply reads it, even when the text is refused before it is parsed
    try:
        handler = CALLS.get(fn) if isinstance(fn, str) else None
        if handler is None:
            shown = fn[:100] if isinstance(fn, str) else type(fn).__name__  # repr() of a huge int raises
            raise ChecklistError("fn", "unknown_function", f"unknown function: {shown!r}")
        if not isinstance(args_json, str):
            raise ChecklistError("$", "invalid_type", Texts(DEFAULT_LANGUAGE)(N_("Must be text.")))
        # Too deep a document would crash Pyodide, not raise: the depth is measured before the parser runs.
        args = _loaded(args_json)
        _check_arguments(fn, args)
        result = handler(args)
    except ChecklistError as error:
        return json.dumps({"ok": False, "error": _located(error, args)})
    except (RecursionError, UnicodeDecodeError) as error:  # input no parser can read: typed, as in the CLI
        return json.dumps({"ok": False, "error": input_error(error).to_dict()})
    except Exception as error:  # noqa: BLE001 - the worker must answer, whatever went wrong
        failure = {"field": "$", "code": "internal", "message": f"{type(error).__name__}: {error}"}
        return json.dumps({"ok": False, "error": failure})
    # ASCII with \u escapes: Pyodide hands an ASCII str to JavaScript several times faster than one with other
    # characters (measured: 1,000-person team status, 27 ms instead of 90-120 ms under Node).
    return json.dumps({"ok": True, "result": result})


def _loaded(args_json: str) -> Any:
    """The call's arguments; a field inside the answers or the team document is named as the engine names it
    (``done[0]``, ``employees[2].name``), so the page puts the error beside the same field either way."""
    try:
        return load_json(args_json)
    except ChecklistError as error:
        for argument in ("answers.", "document."):
            if error.field.startswith(argument):
                error.field = error.field.removeprefix(argument)
        raise


def _stored_team(result: dict[str, Any]) -> dict[str, Any]:
    """The team status plus what the page keeps on the device to recompute it later: the facts the admin gave,
    in the `team` document's shape, with each person's row and own columns (a CSV's password column was dropped
    before this point). Sorted by row: the order of the admin's file."""
    employees = [
        {key: employee[key] for key in ("row", *EMPLOYEE_FIELDS, "extra") if employee.get(key) not in (None, {})}
        for employee in sorted(result["employees"], key=lambda e: e["row"])
    ]
    return {"team": result, "document": {"employees": employees, "extra_columns": result.get("extra_columns", [])}}


def _located(error: ChecklistError, args: Any) -> dict[str, Any]:
    """The error, with the spreadsheet row and column named in its message (the admin sees a file, not fields)."""
    found = error.to_dict()
    row, column = getattr(error, "row", None), getattr(error, "column", None)
    if row is not None:
        _ = Texts(_language_of(args))
        label = dict(COLUMN_LABELS).get(column or "", column or "")
        found["message"] = _(
            N_("Row {row}, column {column}: {problem}"), row=row, column=_(label), problem=error.message
        )
    return found


def _language_of(args: Any) -> str:
    """The language of a call's error prefix: the document's own (the one its messages are written in), else
    the page's (`language` beside it), else English; never a prefix in one language and a message in another."""
    if not isinstance(args, dict):
        return DEFAULT_LANGUAGE
    document = args.get("document")
    for language in (document.get("language") if isinstance(document, dict) else None, args.get("language")):
        if language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE
