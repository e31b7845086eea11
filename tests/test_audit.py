"""`make audit` reads the two tools' reports: vulnerabilities fail, an unreachable advisory database is skipped."""

from __future__ import annotations

import json

from tools.audit import npm_outcome, pip_outcome

# What `npm audit --json` printed here, where the registry mirror has no advisory endpoint.
NPM_UNREACHABLE = {
    "message": "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    "statusCode": 405,
    "error": {"summary": "", "detail": ""},
}
NPM_CLEAN = {"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {"vulnerabilities": {"low": 0, "total": 0}}}
NPM_VULNERABLE = {
    "auditReportVersion": 2,
    "vulnerabilities": {"axe-core": {"severity": "high"}},
    "metadata": {"vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 1, "critical": 0, "total": 1}},
}


def test_npm_report_without_vulnerabilities_passes() -> None:
    assert npm_outcome(json.dumps(NPM_CLEAN), "").status == "ok"


def test_npm_report_with_a_vulnerability_fails_naming_the_package() -> None:
    outcome = npm_outcome(json.dumps(NPM_VULNERABLE), "")
    assert outcome.status == "vulnerable" and "axe-core" in outcome.message and "high 1" in outcome.message


def test_npm_unreachable_endpoint_is_skipped_with_the_reason() -> None:
    outcome = npm_outcome(json.dumps(NPM_UNREACHABLE), "")
    assert outcome.status == "skipped" and "405 Method Not Allowed" in outcome.message
    offline = npm_outcome("", "npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org")
    assert offline.status == "skipped" and "registry.npmjs.org" in offline.message


def test_pip_report_with_a_vulnerability_fails_naming_it() -> None:
    report = {
        "dependencies": [
            {"name": "jinja2", "version": "3.0.0", "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}]},
            {"name": "pytest", "version": "9.2.0", "vulns": []},
        ]
    }
    outcome = pip_outcome(json.dumps(report), "")
    assert outcome.status == "vulnerable" and "jinja2 3.0.0 (GHSA-h5c8-rqwp-cp95)" in outcome.message


def test_pip_report_where_pypi_knew_no_package_is_skipped() -> None:
    report = {"dependencies": [{"name": n, "skip_reason": "Dependency not found on PyPI"} for n in ("babel", "pip")]}
    outcome = pip_outcome(json.dumps(report), "")
    assert outcome.status == "skipped" and "none of the 2 packages" in outcome.message


def test_pip_clean_report_passes_and_counts() -> None:
    report = {
        "dependencies": [
            {"name": "pytest", "version": "9.2.0", "vulns": []},
            {"name": "local", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    outcome = pip_outcome(json.dumps(report), "")
    assert outcome.status == "ok" and outcome.message.startswith("1 packages")


def test_pip_connection_failure_is_skipped_with_the_reason() -> None:
    outcome = pip_outcome("", "Traceback ...\nrequests.exceptions.ConnectionError: Max retries exceeded")
    assert outcome.status == "skipped" and "ConnectionError" in outcome.message
