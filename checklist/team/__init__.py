"""The admin's team view: each employee's steps left, by when, and who is stuck, from a JSON team or the admin's
CSV file. One module per concern, each below the next (no import circles):

- `fields`: the team document's fields and the size limit;
- `words`: the admin's words for each open step;
- `headers`: which header means which column, and which headers name a secret (their columns are dropped);
- `date_cells`: the file's day/month order and each date cell read; `cells`: yes/no cells, names, formulas;
- `decoding`, `reading`, `rejections`: the file's bytes to rows, and the rows refused in the admin's words;
- `model`: the rules, one `Person` record per employee; `views`: its two renderers (full, the page's compact);
- `from_csv`: a CSV file through the same rules; `personal`: an employee's own checklist as a share link;
  `reminders`: the reminder an admin sends (by status, with that link); `export`: the template, status and
  mail-merge CSV.
"""

from __future__ import annotations

from .date_cells import DATE_ORDERS, order_name
from .decoding import MAX_BYTES, decode
from .export import team_template_csv, team_to_csv
from .fields import EMPLOYEE_FIELDS, IDENTITY_FIELDS, MAX_EMPLOYEES, TEAM_FIELDS, read_options, too_many
from .from_csv import team_from_csv
from .headers import COLUMN_LABELS, HEADER_ALIASES
from .model import STATUS_CONTEXT, STATUS_LABELS, STATUSES, WARNING_MESSAGES, WARNING_PARAMETERS
from .reading import read_team_csv
from .reminders import reminder
from .views import FLAGS, VIEW_FIELDS, build_team, team
from .words import ADMIN_ACTIONS, REPLACE_ACCOUNT

__all__ = ["ADMIN_ACTIONS", "COLUMN_LABELS", "DATE_ORDERS", "EMPLOYEE_FIELDS", "FLAGS", "HEADER_ALIASES"]
__all__ += ["IDENTITY_FIELDS", "MAX_BYTES", "MAX_EMPLOYEES", "REPLACE_ACCOUNT", "STATUSES", "STATUS_CONTEXT"]
__all__ += ["STATUS_LABELS", "TEAM_FIELDS", "VIEW_FIELDS", "WARNING_MESSAGES", "WARNING_PARAMETERS"]
__all__ += ["build_team", "decode", "order_name", "read_options", "read_team_csv", "reminder", "team"]
__all__ += ["team_from_csv", "team_template_csv", "team_to_csv", "too_many"]
