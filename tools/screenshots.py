"""`make screenshots`: the three pictures of the README's "What it looks like", taken from the built site.

The guide in French, the checklist in Traditional Chinese with a warning, the team view in English: built with
`mkdocs build`, served on loopback with the checklist page's CSP, opened in Debian's headless Chromium (as the
browser tests do), on a fixed day so that the dates do not change from one run to the next. Each PNG is reduced
to a 256-colour palette (Pillow), which keeps text sharp and the file under LIMIT bytes; the script fails if one
is larger, rather than committing a heavy README.

Run it again when the pages change; it prints each file and its size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site, serve  # noqa: E402

OUTPUT = ROOT / "screenshots"
LIMIT = 150 * 1024
WIDTH = 1100  # wide enough for the table of contents beside the text, narrow enough for small files
DAY = dt.date(2027, 4, 20)  # a day inside the transition, so that the plan has deadlines and warnings
READY_TIMEOUT = 120_000  # Pyodide's first start on a loaded machine


def days_from(days: int) -> str:
    return (DAY + dt.timedelta(days=days)).isoformat()


def open_checklist(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)


def answer(page: Page, field: str, value: str) -> None:
    """As a reader would: choose or type, then wait for the engine's new plan."""
    before = int(page.locator("#pct-plan").get_attribute("data-revision") or 0)
    if field == "role":
        page.check(f"#pct-f-{field}-{value}")
    else:  # a date: its day, month and year boxes (dates.js), read once the reader leaves them
        year, month, day = value.split("-")
        for part, typed in (("day", day), ("month", month), ("year", year)):
            page.fill(f"#pct-f-{field}-{part}", typed)
        page.press(f"#pct-f-{field}-year", "Tab")
    page.wait_for_function(
        "before => Number(document.getElementById('pct-plan').dataset.revision || 0) > before", arg=before
    )


def scroll_to(page: Page, selector: str) -> None:
    """Scrolls down only (scrolling up shows Material's back-to-top button), then lets the header's title
    finish its change from site name to page title."""
    page.evaluate(
        "s => window.scrollTo(0, document.querySelector(s).getBoundingClientRect().top + window.scrollY - 64)",
        selector,
    )
    page.wait_for_timeout(800)


def guide_fr(page: Page, server: SiteServer) -> None:
    page.goto(f"{server.url}/fr/transition/")


def checklist_zh(page: Page, server: SiteServer) -> None:
    """An employee whose temporary password runs out in ten days: the plan opens with that warning."""
    open_checklist(page, f"{server.url}/zh-TW/checklist/")
    answer(page, "role", "employee")
    answer(page, "temp_password_issued_on", days_from(-80))
    warning = page.locator(".pct-warnings li").first
    expect(warning).to_be_visible()
    scroll_to(page, "#pct-plan")


TEAM = [  # name, e-mail, temporary password issued (days before DAY), signed in, Partner University, exams
    ("Ana Silva", "ana.silva", -95, "no", "no", "no"),
    ("Bo Chen", "bo.chen", -82, "no", "no", "no"),
    ("Chloé Martin", "chloe.martin", -40, "yes", "no", "no"),
    ("David Okafor", "david.okafor", -30, "yes", "yes", "no"),
    ("Eva Novak", "eva.novak", -20, "yes", "yes", "yes"),
    ("Farid Haddad", "farid.haddad", -12, "yes", "yes", "yes"),
]


def team_csv() -> str:
    lines = ["Display name,User name,Created on,Signed in,Partner University,Exams associated"]
    for name, user, issued, *facts in TEAM:
        lines.append(",".join([name, f"{user}@contoso.com", days_from(issued), *facts]))
    return "\n".join(lines) + "\n"


def team_en(page: Page, server: SiteServer) -> None:
    """The admin's team section after importing a six-person export."""
    open_checklist(page, f"{server.url}/checklist/")
    answer(page, "role", "admin")
    csv = {"name": "users.csv", "mimeType": "text/csv", "buffer": team_csv().encode()}
    page.set_input_files("#pct-team-file", files=[csv])
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(len(TEAM))
    scroll_to(page, "#pct-team-filters")


# file → (browser locale, window height, what to show)
SHOTS: dict[str, tuple[str, int, Callable[[Page, SiteServer], None]]] = {
    "guide-fr.png": ("fr-FR", 760, guide_fr),
    "checklist-zh-TW.png": ("zh-TW", 760, checklist_zh),
    "team-en.png": ("en-US", 900, team_en),
}


def compress(png: bytes) -> bytes:
    """A 256-colour palette PNG: screenshots of text lose nothing visible and shrink three to five times."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    reduced = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()


def take(server: SiteServer, output: Path) -> list[tuple[Path, int]]:
    written = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for name, (locale, height, scene) in SHOTS.items():
                viewport = {"width": WIDTH, "height": height}
                context = browser.new_context(viewport=viewport, color_scheme="light", locale=locale)
                try:
                    page = context.new_page()
                    page.clock.set_fixed_time(dt.datetime.combine(DAY, dt.time(9, 30)))
                    scene(page, server)
                    page.evaluate("document.fonts.ready")
                    data = compress(page.screenshot())
                finally:
                    context.close()
                target = output / name
                target.write_bytes(data)
                written.append((target, len(data)))
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"folder for the PNGs (default: {OUTPUT})")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pct-screenshots-") as folder:
        result = build_site(Path(folder), repo_url=None)  # as published: no placeholder repository link
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        server = serve(Path(folder), csp=True)
        try:
            written = take(server, args.output)
        finally:
            server.stop()
    too_big = [(path, size) for path, size in written if size > LIMIT]
    for path, size in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {size // 1024} KB")
    if too_big:
        print(f"over {LIMIT // 1024} KB: {', '.join(p.name for p, _ in too_big)} (smaller viewport?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
