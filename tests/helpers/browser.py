"""Browser checks several modules share: axe-core runs and their report."""

from __future__ import annotations

import os

from playwright.sync_api import Locator, Page

from tests.helpers.docs import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            // Colours in the middle of a transition are not the page's colours: Material's "Back to top" button
            // fading in measured 4.35:1 once. Let every running transition and animation that has an end finish.
            const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
            await Promise.all(ending.map((animation) => animation.finished.catch(() => null)));
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }"""
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {' '.join(node['summary'].split())}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


QUIET_NETWORK_TIMEOUT = 60_000  # ms: the network falls quiet late on a loaded 2-core machine, but it does
VIEWPORT = {"width": 1280, "height": 900}  # the desktop window of every browser test unless it says otherwise
PICTURES = ROOT / "artifacts" / "screenshots"


def pictures_wanted() -> bool:
    """`make screenshots` sets PCT_PICTURES=1; an ordinary `make test` writes no picture (it wrote 53 files,
    22 MB, every run, for people who were rarely looking)."""
    return os.environ.get("PCT_PICTURES") == "1"


def picture(target: Page | Locator, name: str, **options: object) -> None:
    """artifacts/screenshots/<name> (git-ignored) for a person to look at, when pictures are wanted: a PNG of a
    page or an element, or a PDF of a page when the name ends in .pdf."""
    if not pictures_wanted():
        return
    PICTURES.mkdir(parents=True, exist_ok=True)
    path = PICTURES / name
    if path.suffix == ".pdf":
        target.pdf(path=str(path), **options)
    else:
        target.screenshot(path=str(path), **options)
