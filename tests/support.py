"""Paths and helpers the tests share (a plain module: test files cannot import conftest
reliably, since tests/ and tests/browser/ each have one)."""

import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
INSTRUCTOR_SITE = REPO / "_build" / "instructor" / "_build" / "html"
# The same commands as `make book` and `make instructor`; warnings are errors and
# references are checked.
BUILD_COMMAND = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
INSTRUCTOR_OPTIONS = ["--toc", "_toc_instructor.yml", "--path-output", "_build/instructor"]
# Debian's Chromium (`make test` installs it), and how the tests and the benchmark start it.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
# The host names a browser test may reach; every other request is refused.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def leaves_the_machine(url: str) -> bool:
    """Whether a request goes over the network to another host (not file:, data: or blob:)."""
    parsed = urlparse(url)
    return parsed.scheme in {"http", "https", "ws", "wss"} and parsed.hostname not in LOCAL_HOSTS


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, relative to it; _static/ holds the theme's template fragments, not pages."""
    return sorted(str(page.relative_to(site)) for page in site.rglob("*.html") if "_static" not in page.parts)


@contextmanager
def served(folder: Path, log: Path | None = None):
    """A static server for ``folder`` on 127.0.0.1, on a port the server itself chose; stopped
    afterwards. It writes a line per request to ``log``, when given."""
    with open(log or os.devnull, "w") as requests_log:
        server = subprocess.Popen(
            [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(folder)],
            stdout=subprocess.PIPE, stderr=requests_log, text=True,
        )
        try:
            announced = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port NNNNN (...)"
            port = re.search(r"port (\d+)", announced)
            if not port:
                raise RuntimeError(f"the static server did not start: {announced!r}")
            yield f"http://127.0.0.1:{port.group(1)}"
        finally:
            server.terminate()
            server.wait(timeout=10)


# http.server's log line: 127.0.0.1 - - [date] "GET /favicon.ico HTTP/1.1" 404 -
FAILED_REQUEST = re.compile(r'"([A-Z]+ \S+)[^"]*" ([45]\d\d) ')


def failed_requests(log: Path, since: int = 0) -> list[str]:
    """The requests in a `served` log, from byte ``since`` on, that got an error status.

    The server's log sees what Playwright does not: Chromium's own requests, such as
    the one for /favicon.ico."""
    with open(log, "rb") as requests_log:
        requests_log.seek(since)
        text = requests_log.read().decode("utf-8", "replace")
    return [f"{status} {request}" for request, status in FAILED_REQUEST.findall(text)]


def assert_no_failed_requests(log: Path, since: int) -> None:
    failed = failed_requests(log, since)
    assert not failed, "the site answered with an error:\n" + "\n".join(failed)


def storage_full_for(condition: str) -> str:
    """An init script for a page whose storage is full for the item names ``condition``
    (JavaScript, on ``key``) accepts: setItem then throws QuotaExceededError, as a full
    storage does."""
    return f"""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {{
            if ({condition}) throw new DOMException('full', 'QuotaExceededError');
            return setItem.call(this, key, value);
        }};
    """
