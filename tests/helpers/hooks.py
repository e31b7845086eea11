"""Build hooks imported the way MkDocs imports them."""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from types import ModuleType

from tools.site_server import ROOT


@contextlib.contextmanager
def build_hook(name: str) -> Iterator[ModuleType]:
    """A module of hooks/, imported as MkDocs imports it: with hooks/ on sys.path, since hooks import their
    siblings (`_buildlog`); the path is restored afterwards."""
    folder = str(ROOT / "hooks")
    sys.path.insert(0, folder)
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(folder)
