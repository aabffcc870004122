"""Serve the built site on 127.0.0.1 and drive Debian's Chromium through Playwright.

Playwright cannot download its own browser here, so the launch uses the
system's Chromium (`apt-get install chromium`, /usr/bin/chromium) with the
flags that keep it from calling Google's services. The site must be built
first (`nox -s site` does both).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = ROOT / "site"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config: pytest.Config) -> None:
    """Let pytest-base-url (a pytest-playwright dependency) pass pytest 9's warning.

    Its session fixture is an instance method, which pytest 9 deprecates; the
    suite turns warnings into errors, so this one warning is let through here.
    """
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep the test output free of one line per request."""


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The built site, served over HTTP on a free loopback port."""
    if not (SITE_DIR / "index.html").is_file():
        pytest.skip("site/ is not built: run `nox -s docs` first")
    handler = functools.partial(_QuietHandler, directory=str(SITE_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    """Launch the system's Chromium, never a downloaded one."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).is_file():
        pytest.skip("Chromium is not installed: apt-get install chromium")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots are kept for review (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
