"""Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright.

``browser`` (module-scoped) skips with the reason when no browser can be had
(scripts/browser.sh installs one), and fails instead under GRAPH_API_REQUIRE_BROWSER,
as in CI. :func:`recorded_page` opens a fresh context
whose every request is recorded, so a test can prove the page stayed offline.
Screenshots go to ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for this module's tests (never `playwright install`)."""
    # CI sets GRAPH_API_REQUIRE_BROWSER: there a missing browser fails, never skips.
    missing = pytest.fail if os.environ.get("GRAPH_API_REQUIRE_BROWSER") else pytest.skip
    if not CHROMIUM.exists():
        missing(f"no browser: {CHROMIUM} is missing (scripts/browser.sh installs it)")
    if importlib.util.find_spec("playwright") is None:
        missing("no browser driver: the playwright package is not installed (.[dev])")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class RecordedPage:
    page: Any
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self, host: str = "127.0.0.1") -> list[str]:
        """Requests that left ``host`` (data: and blob: URLs never touch the network)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).hostname != host
        ]


@contextmanager
def recorded_page(browser: Any, **context_options: Any) -> Iterator[RecordedPage]:
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        recorded = RecordedPage(page)
        page.on("request", lambda request: recorded.requests.append(request.url))
        yield recorded
    finally:
        context.close()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
