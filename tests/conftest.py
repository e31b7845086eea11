"""Shared fixtures: one strict build of the site per test session, served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site_server import SiteServer, build_site, serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, result.stdout + result.stderr
    pytest.build_output = result.stdout + result.stderr  # type: ignore[attr-defined]
    return site


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    server = serve(built_site)
    yield server
    server.stop()
