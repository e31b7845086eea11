"""Date questions on the checklist page are day, month and year boxes (dates.js): the helpers tests share."""

from __future__ import annotations

from playwright.sync_api import Page


def date_box(field: str, part: str) -> str:
    """The selector of one box of a date question (`part`: day, month, year or time)."""
    return f"#pct-f-{field}-{part}"


def type_date(page: Page, field: str, iso: str) -> None:
    """Fill a date question from an ISO date (or date and time) as a person would, then leave its boxes."""
    date, _, time = iso.partition("T")
    year, month, day = date.split("-")
    values = {"day": day, "month": month, "year": year}
    if time:
        values["time"] = time
    for part, value in values.items():
        page.fill(date_box(field, part), value)
    page.locator(date_box(field, "year")).press("Tab")  # the boxes are read once the reader leaves them
    if time:
        page.locator(date_box(field, "time")).press("Tab")


def date_value(page: Page, field: str) -> str:
    """The ISO date the boxes of a date question hold now ("" when empty)."""
    return page.evaluate(
        """field => {
            const box = part => document.getElementById(`pct-f-${field}-${part}`);
            const [d, m, y] = ["day", "month", "year"].map(p => box(p).value);
            if (!d && !m && !y) return "";
            const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
            return box("time") && box("time").value ? `${date}T${box("time").value}` : date;
        }""",
        field,
    )
