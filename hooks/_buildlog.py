"""One log line per hook per build: what it produced and how long it took, over every language build.

mkdocs-static-i18n runs the whole build once per language, so a hook that logged as it worked would say the same
thing three times between the plugin's own lines. Each hook instead records its work in a `Report`; the
`build_log` hook writes every report once, after the last language is built, and starts them afresh for the
next build (`mkdocs serve` rebuilds in the same process).

Not a hook itself (no events): MkDocs puts hooks/ on sys.path while it loads a hook, so hooks import this
module by name and all share the one instance kept in sys.modules.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mkdocs.plugins import get_plugin_logger


@dataclass
class Report:
    """What one hook did during one build (all languages): its line is `<name>: <produced> (<seconds> s)`."""

    name: str
    seconds: float = 0.0
    produced: str = ""
    counts: Counter[str] = field(default_factory=Counter)

    @contextmanager
    def timing(self) -> Iterator[Report]:
        """Adds the time spent inside the block to this build's total (language builds add up)."""
        start = time.perf_counter()
        try:
            yield self
        finally:
            self.seconds += time.perf_counter() - start

    def line(self) -> str:
        return f"{self.produced or 'nothing'} ({self.seconds:.2f} s)"

    def reset(self) -> None:
        """In place: hooks keep the object they got at import time."""
        self.seconds, self.produced = 0.0, ""
        self.counts.clear()


REPORTS: dict[str, Report] = {}


def report(name: str) -> Report:
    """The report of the hook `name`, created on first use; the same object for every language build."""
    return REPORTS.setdefault(name, Report(name))


def nested_language_build(config: Any) -> bool:
    """True while mkdocs-static-i18n builds a non-default language inside the default language's build.

    Work that is the same for every language (icons, Pyodide files) is done once, outside these builds.
    """
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def flush() -> None:
    """Logs one INFO line per hook that recorded work, then starts every report afresh."""
    for name, entry in REPORTS.items():
        if entry.produced or entry.seconds:
            get_plugin_logger(name).info(entry.line())
        entry.reset()
