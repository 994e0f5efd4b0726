"""Where the browser tests find chromium, and what a missing chromium means: a skip, or a failure in CI."""

import os
from pathlib import Path

import pytest

DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"

# Debian's chromium, run headless as root in a container: no sandbox, no GPU, and no calls home.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

INSTALL_HINT = "apt-get install -y chromium"


def browser_required(environ=None):
    """REQUIRE_BROWSER=1 (CI) turns a missing chromium from a skip into a failure."""
    environ = os.environ if environ is None else environ
    return environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}


def chromium_executable(environ=None):
    """Return the chromium to drive (CHROMIUM_PATH, else /usr/bin/chromium), or skip or fail when it is missing.

    We never download a browser: without Debian's chromium, ``make test`` skips the browser tests and says why,
    unless REQUIRE_BROWSER=1 asks for them, in which case the run fails.
    """
    environ = os.environ if environ is None else environ
    path = Path(environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM_PATH)
    if path.is_file() and os.access(path, os.X_OK):
        return str(path)
    if browser_required(environ):
        pytest.fail(
            f"chromium not found at {path}, and REQUIRE_BROWSER=1 forbids skipping the browser tests "
            f"({INSTALL_HINT}, or point CHROMIUM_PATH at an installed chromium)",
            pytrace=False,
        )
    pytest.skip(f"chromium not found at {path}: browser tests skipped ({INSTALL_HINT})")
