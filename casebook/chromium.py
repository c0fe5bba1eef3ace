"""Which Chromium to drive, for the print edition (casebook.pdf) and the browser tests alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def chromium(playwright) -> dict:
    """How to launch Chromium (keyword arguments for ``playwright.chromium.launch``): the
    browser at CHROMIUM=/path when given, else Playwright's own where one is installed
    (`python -m playwright install chromium`), else Debian's."""
    given = os.environ.get("CHROMIUM")
    own = Path(playwright.chromium.executable_path)
    path = Path(given) if given else own if own.is_file() else DEBIAN_CHROMIUM
    if not path.is_file():
        raise FileNotFoundError(
            f"No Chromium at {path}. Set CHROMIUM=/path/to/chromium, or install Playwright's own browser with "
            f"`{sys.executable} -m playwright install chromium`"
            + ("" if given else ", or Debian's chromium package (make test installs it where apt-get exists)")
        )
    return {"executable_path": str(path), "args": CHROMIUM_ARGS}
