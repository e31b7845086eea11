"""`make audit` (part of `make test`): known vulnerabilities in the npm packages and the Python environment.

`npm audit` asks the npm registry's advisory endpoint, `pip-audit` asks PyPI's vulnerability data. A machine
that cannot reach them (offline, a registry mirror without the advisory API) must still be able to run the
tests: then each audit is skipped with the reason, printed. A report that lists a vulnerability fails.

Run: ``python -m tools.audit`` (exit status 1 when an audit found a vulnerability).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 300  # seconds; a hung connection is "cannot be reached", not a failure


@dataclass(frozen=True)
class Outcome:
    tool: str
    status: str  # "ok", "vulnerable" or "skipped"
    message: str

    def line(self) -> str:
        return f"{self.tool}: {self.status}: {self.message}"


def _run(command: list[str]) -> subprocess.CompletedProcess[str] | str:
    """The finished process, or why it could not run (missing tool, time-out): both mean "skip"."""
    try:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{command[0]} could not run ({error})"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def npm_outcome(stdout: str, stderr: str) -> Outcome:
    """Read `npm audit --json`: a report has `metadata.vulnerabilities`; anything else is the registry failing."""
    try:
        report = json.loads(stdout)
    except ValueError:
        report = None
    counts = report.get("metadata", {}).get("vulnerabilities") if isinstance(report, dict) else None
    if not isinstance(counts, dict):
        reason = report.get("message") if isinstance(report, dict) and report.get("message") else _last_line(stderr)
        return Outcome("npm audit", "skipped", f"the advisory database cannot be reached ({reason})")
    total = counts.get("total", 0)
    if total:
        found = ", ".join(f"{level} {n}" for level, n in counts.items() if level != "total" and n)
        names = ", ".join(sorted(report.get("vulnerabilities", {})))
        return Outcome(
            "npm audit", "vulnerable", f"{total} known vulnerabilities ({found}) in {names}; run `npm audit`"
        )
    return Outcome("npm audit", "ok", "no known vulnerabilities")


def pip_outcome(stdout: str, stderr: str) -> Outcome:
    """Read `pip-audit -f json`: packages with `vulns` fail; if PyPI knew none of the packages, it was not reached."""
    try:
        report = json.loads(stdout)
        dependencies = report["dependencies"]
    except (ValueError, KeyError, TypeError):
        return Outcome("pip-audit", "skipped", f"the advisory database cannot be reached ({_last_line(stderr)})")
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    if vulnerable:
        found = ", ".join(
            f"{d['name']} {d.get('version', '')} ({', '.join(v['id'] for v in d['vulns'])})" for d in vulnerable
        )
        return Outcome("pip-audit", "vulnerable", f"known vulnerabilities: {found}; run `pip-audit` for the fixes")
    if not audited:
        reason = f"PyPI knew none of the {len(dependencies)} packages: a mirror without its vulnerability data?"
        return Outcome("pip-audit", "skipped", f"the advisory database cannot be reached ({reason})")
    skipped = len(dependencies) - len(audited)
    return Outcome("pip-audit", "ok", f"{len(audited)} packages, no known vulnerabilities ({skipped} not on PyPI)")


def npm_audit() -> Outcome:
    done = _run(["npm", "audit", "--json"])
    if isinstance(done, str):
        return Outcome("npm audit", "skipped", done)
    return npm_outcome(done.stdout, done.stderr)


def pip_audit() -> Outcome:
    tool = Path(sys.executable).with_name("pip-audit")
    done = _run([str(tool), "--skip-editable", "--progress-spinner", "off", "-f", "json"])
    if isinstance(done, str):
        return Outcome("pip-audit", "skipped", done)
    return pip_outcome(done.stdout, done.stderr)


def main() -> int:
    outcomes = [npm_audit(), pip_audit()]
    for outcome in outcomes:
        print(outcome.line())
    return 1 if any(outcome.status == "vulnerable" for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
