"""One shape for every finding of every check, so that a failure always reads `file:line: what differs`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        try:
            shown = self.path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            shown = str(self.path)
        return f"{shown}:{self.line}: {self.message}"


def report(problems: list[Problem]) -> str:
    """Problems one per line, in file and line order (how editors and CI logs like them)."""
    return "\n".join(str(p) for p in sorted(problems, key=lambda p: (str(p.path), p.line)))
