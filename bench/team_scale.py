"""Time `team()` on generated teams of 100, 1,000 and 10,000 employees (CPython), and the CSV round trip.

    .venv/bin/python bench/team_scale.py [--repeat 5]

Prints the best of `--repeat` runs in milliseconds and per row in microseconds, so growth is visibly linear.
The browser target is 1,000 employees in at most 50 ms on Pyodide; CPython is a few times faster than that.
No assertions: the numbers are for people (tests never time anything).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checklist.team import team  # noqa: E402
from checklist.team_csv import team_from_csv, team_to_csv  # noqa: E402

TODAY = dt.date(2027, 4, 1)
SIZES = (100, 1_000, 10_000)


def employees(count: int, seed: int = 0) -> list[dict[str, Any]]:
    """A realistic mix: accounts created over 120 days, about half signed in, some connected, some associated."""
    rng = random.Random(seed)
    found = []
    for index in range(count):
        issued = TODAY - dt.timedelta(days=rng.randrange(0, 120))
        employee: dict[str, Any] = {
            "name": f"Employee {index}",
            "email": f"employee{index}@contoso.example",
            "temp_password_issued_on": issued.isoformat(),
            "signed_in": rng.random() < 0.5,
        }
        if employee["signed_in"]:
            employee["partner_university_connected"] = rng.random() < 0.7
            if rng.random() < 0.5:
                at = dt.datetime.combine(TODAY, dt.time(9)) - dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
                employee["exams_associated_at"] = at.strftime("%Y-%m-%dT%H:%M")
        found.append(employee)
    return found


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, best of {args.repeat}")
    print(f"{'employees':>10} {'team() ms':>10} {'µs/row':>8} {'CSV in ms':>10} {'µs/row':>8} {'CSV out ms':>11}")
    for size in SIZES:
        document = {"language": "fr", "today": TODAY.isoformat(), "employees": employees(size)}
        result = team(document)
        text = team_to_csv(result)
        seconds = best_of(args.repeat, lambda document=document: team(document))
        read = best_of(args.repeat, lambda text=text: team_from_csv(text, language="fr", today=TODAY))
        write = best_of(args.repeat, lambda result=result: team_to_csv(result))
        print(
            f"{size:>10,} {seconds * 1e3:>10.1f} {seconds / size * 1e6:>8.1f} "
            f"{read * 1e3:>10.1f} {read / size * 1e6:>8.1f} {write * 1e3:>11.1f}"
        )


if __name__ == "__main__":
    main()
