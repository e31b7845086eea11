"""When an English page last changed, and which commit held the version a translation was made from.

Readers of a stale translation are told the date the English changed. The honest date is the commit that last
touched the English file; but the tools also run where git is absent (a tarball, a container without git), in
fixture folders that are not repositories, and on English files edited but not committed yet. In all of those
the file's modification time is the best we know, so that is the fallback, never an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from functools import lru_cache
from pathlib import Path


def blob_hash(data: bytes) -> str:
    """The git blob id of some content: what `git hash-object FILE` prints for a file holding `data`.

    Using git's own object id (rather than any sha1) lets a localizer find the exact English text a translation
    was made from in the history: `git log --find-object=<hash>`; see `python -m l10n diff`.
    """
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def file_hash(path: Path) -> str:
    return blob_hash(path.read_bytes())


def _git(path: Path, *args: str) -> str | None:
    """Output of a git command run next to `path`, or None if git is missing or the folder is no repository."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@lru_cache(maxsize=512)
def _committed_date(path: Path, mtime_ns: int) -> dt.date | None:
    """Commit date of the last change to a clean, tracked file; None when git cannot vouch for the content.

    `mtime_ns` is only part of the cache key, so that an edit during `mkdocs serve` is seen at once.
    """
    status = _git(path, "status", "--porcelain", "--", path.name)
    if status is None or status.strip():  # no git, or modified / untracked: the working copy is newer
        return None
    log = _git(path, "log", "-1", "--format=%cs", "--", path.name)
    if not log or not log.strip():
        return None
    try:
        return dt.date.fromisoformat(log.strip())
    except ValueError:
        return None


def last_changed(path: Path) -> dt.date:
    """The date `path` last changed: its last commit when the working copy is committed, else its mtime."""
    path = path.resolve()
    stat = path.stat()
    committed = _committed_date(path, stat.st_mtime_ns)
    return committed or dt.date.fromtimestamp(stat.st_mtime)


def commit_holding(path: Path, blob: str) -> str | None:
    """The oldest commit in which `path` had content `blob` (the version a translation was made from), if any."""
    path = path.resolve()
    commits = _git(path, "log", "--format=%H", f"--find-object={blob}", "--", path.name)
    if not commits or not commits.split():
        return None
    return commits.split()[-1]  # newest first: the last one listed is the commit that introduced the blob


def blob_text(path: Path, blob: str) -> str | None:
    """The content of the git blob `blob` (the English text a translation was made from), if git has it."""
    text = _git(path.resolve(), "cat-file", "blob", blob)
    return text


def in_repository(path: Path) -> bool:
    """Whether git can answer for `path` (git installed, and the file's folder inside a work tree)."""
    return (_git(path.resolve(), "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


def known_revision(path: Path, blob: str) -> bool | None:
    """Whether `blob` was ever the content of `path` (now, or in a commit); None when git cannot tell.

    A `source_hash` that names no revision of the English file is a typo or a copy from another page: the
    translation is then neither current nor stale, and treating it as stale would hide its problems.
    """
    if file_hash(path) == blob:
        return True
    if not in_repository(path):
        return None
    return commit_holding(path, blob) is not None
