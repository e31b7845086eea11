"""Partner Center transition checklist: what one person still has to do, and by when.

Pure standard-library Python so that the same code runs in CPython (CLI, site build) and in Pyodide
(the browser page); the input and output documents are the public JSON contract described in README.md.
"""

from __future__ import annotations

from .errors import ChecklistError
from .plan import plan
from .steps import STEP_IDS
from .team import team, team_from_csv

__all__ = ["STEP_IDS", "ChecklistError", "plan", "team", "team_from_csv"]
__version__ = "1.0.0"
