"""Shared fixtures: the site built once per run (shared by every pytest-xdist worker), served on loopback.

Two builds serve the whole suite: the real site, and `changed_site`, a copy of the project in which an English
page changed after its translations, a section was added, a French page was reviewed and a zh-TW translation is
missing (the states readers are told about). Under xdist the first worker to ask builds, the others wait on a file
lock and read the same folder: a build is about a minute of one core.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from tests.helpers.variants import ChangedSite, build_changed
from tools.site_server import SiteServer, build_site, serve


def _shared(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, make: Callable[[Path], dict]
) -> tuple[Path, dict]:
    """`make(folder)` once per run: in the workers' common temporary folder under xdist, where its JSON-ready
    result is kept beside the folder for the workers that come later."""
    if worker_id == "master":
        folder = tmp_path_factory.mktemp(name)
        return folder, make(folder)
    common = tmp_path_factory.getbasetemp().parent
    folder, record = common / name, common / f"{name}.json"
    with FileLock(str(common / f"{name}.lock")):
        if not record.is_file():
            folder.mkdir()
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
    return folder, json.loads(record.read_text(encoding="utf-8"))


def _build(folder: Path) -> dict:
    result = build_site(folder / "site")
    return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[Path, subprocess.CompletedProcess]:
    folder, result = _shared(tmp_path_factory, worker_id, "built", _build)
    return folder / "site", subprocess.CompletedProcess(["mkdocs", "build"], **result)


@pytest.fixture(scope="session")
def built_site(site_build: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    site, result = site_build
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    server = serve(built_site)
    yield server
    server.stop()


# --- the site after an English edit --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> ChangedSite:
    folder, result = _shared(tmp_path_factory, worker_id, "changed", build_changed)
    project = folder / "project"
    return ChangedSite(project / "site", project, dt.date.fromisoformat(result["changed_on"]))


# `pytest --hypothesis-profile long tests/property`: the fuzzing run, 10,000 examples per engine entry point
# (tests/property/strategies.py). Registered here because the plugin loads a profile before collection.
settings.register_profile(
    "long",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
