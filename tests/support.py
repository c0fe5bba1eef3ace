"""Paths and helpers the tests and the benchmark share (a plain module: test files cannot
import conftest reliably, since tests/ and tests/browser/ each have one, and no test
file imports another).

Run as a script, it says which Chromium the browser tests will drive (`make test`
does, before installing Debian's where none is found)."""

import copy
import functools
import gzip
import html
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import yaml

from casebook.build import output_folder
# Which Chromium to drive lives in the package: the print edition (casebook.pdf) drives it too.
from casebook.chromium import CHROMIUM_ARGS, DEBIAN_CHROMIUM, chromium  # noqa: F401

REPO = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------ the book and its build


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_command(edition: str, build_dir: Path, epilogue: bool = True, source: Path = REPO, pdf: bool = False) -> list[str]:
    """`python -m casebook.build` for one edition, into a folder of the test's own; with
    ``pdf``, as `make pdf` builds it (its PDF in its site, and linked)."""
    command = [sys.executable, "-m", "casebook.build", "--edition", edition, "--source", str(source), "--build-dir", str(build_dir)]
    return command + ([] if epilogue else ["--no-epilogue"]) + (["--pdf"] if pdf else [])


NOTEBOOK_HEADER = """---
jupytext:
  text_representation: {extension: .md, format_name: myst}
kernelspec: {display_name: Python 3, language: python, name: python3}
---
"""


def build_tiny_book(folder: Path, page: str) -> tuple[int, str, Path]:
    """Build a one-page book with the repository's own configuration in ``folder``; return
    the exit code, the log and the built page."""
    shutil.copy(REPO / "_config.yml", folder / "_config.yml")
    shutil.copytree(REPO / "data", folder / "data")
    shutil.copytree(REPO / "casebook" / "static", folder / "casebook" / "static")
    shutil.copytree(REPO / "casebook" / "templates", folder / "casebook" / "templates")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: page\n")
    (folder / "page.md").write_text(page)
    result = subprocess.run(build_command("student", folder / "_build", source=folder), capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr, output_folder(folder / "_build", "student") / "page.html"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, as poppler's pdftotext reads it (the order of reading)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # a form feed ends every page


def pdf_outline(pdf: Path) -> list[str]:
    """The titles of a PDF's outline (bookmarks), every level, in order, as poppler's pdftohtml lists them."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)], capture_output=True, text=True, check=True).stdout
    outline = xml[xml.find("<outline"):]
    return [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<item[^>]*>(.*?)</item>", outline)]


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, relative to it; _static/ holds the theme's template fragments, not pages."""
    return sorted(str(page.relative_to(site)) for page in site.rglob("*.html") if "_static" not in page.parts)


# ------------------------------------------------------------------ exercise pages

EXERCISE_PAGES = sorted((REPO / "exercises").glob("*.md"))
# A data exercise's check, `check("label", name)`, and its blank, `name = ...`.
CHECK_CALL = re.compile(r'check\("([\w-]+)",\s*(\w+)\)')
BLANK = re.compile(r"^(\w+) = \.\.\.$", re.M)


@functools.cache
def _handout(page: Path, instructor: bool):
    from casebook import handouts

    return handouts.handout(page, instructor, handouts.titles(REPO), {})


def handout(page: Path, instructor: bool):
    """The hand-out notebook of an exercise page, a copy of its own (converted once per run)."""
    return copy.deepcopy(_handout(page, instructor))


# ------------------------------------------------------------------ answer files

# Valid and invalid answer files, shared by the Python and the browser tests.
FIXTURES = Path(__file__).parent / "fixtures" / "answer-files"
VALID = sorted((FIXTURES / "valid").glob("*.json"))
INVALID = sorted((FIXTURES / "invalid").glob("*.json"))
# What the message says for each reason, by the prefix of the fixture's name.
REASONS = {
    "not-json": "not a JSON file",
    "other-format": "not a casebook answer file",
    "newer-version": "newer version of the casebook",
    "unknown-version": "unknown format version",
    "schema": "does not match the answer-file format",
}


def reason_of(path: Path) -> str:
    return next(message for prefix, message in REASONS.items() if path.name.startswith(prefix))


# ------------------------------------------------------------------ the browser

# The host names a browser test may reach; every other request is refused.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def leaves_the_machine(url: str) -> bool:
    """Whether a request goes over the network to another host (not file:, data: or blob:)."""
    parsed = urlparse(url)
    return parsed.scheme in {"http", "https", "ws", "wss"} and parsed.hostname not in LOCAL_HOSTS


@contextmanager
def served(folder: Path, log: Path | None = None):
    """The site's own static server (casebook.serve, which compresses as real hosts do) for
    ``folder`` on 127.0.0.1, on a port the server itself chose; stopped afterwards. It writes
    a line per request to ``log``, when given."""
    with open(log or os.devnull, "w") as requests_log:
        server = subprocess.Popen(
            [sys.executable, "-u", "-m", "casebook.serve", str(folder), "--port", "0", "--bind", "127.0.0.1"],
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


def page_weight(browser, base: str, path: str, **context_options) -> dict:
    """Every response body of one page load with an empty cache: raw and gzip-6 bytes (what a
    compressing host sends; images and fonts barely shrink), requests, requests that left the
    machine (aborted), the fonts and scripts asked for, and whether the widget host loaded."""
    context = browser.new_context(**context_options)
    bodies, external = [], []
    context.route("**/*", lambda route: (external.append(route.request.url), route.abort())
                  if leaves_the_machine(route.request.url) else route.continue_())
    page = context.new_page()
    page.on("response", lambda response: bodies.append((response.url, response)))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    raw = compressed = 0
    for _, response in bodies:
        try:
            body = response.body()
        except Exception:  # a redirect or aborted request has no body
            continue
        raw += len(body)
        compressed += len(gzip.compress(body, compresslevel=6))
    fonts = [url for url, response in bodies if response.request.resource_type == "font"]
    scripts = [url for url, response in bodies if response.request.resource_type == "script"]
    widget_script = any("casebook-host.js" in url for url, _ in bodies)
    context.close()
    return {"requests": len(bodies), "raw_bytes": raw, "gzip_bytes": compressed,
            "non_local_requests": len(external), "fonts": fonts, "scripts": scripts,
            "widget_script": widget_script}


# The two screens the site is checked at: a phone's and a laptop's.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# Every layout shift a page makes from its first paint on (not those a user's input causes),
# kept in window.casebookShifts: an init script for the page's context.
RECORD_SHIFTS = """
    window.casebookShifts = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.casebookShifts.push({
                value: entry.value,
                moved: entry.sources.map((source) => source.node ? (source.node.className || source.node.nodeName) : "?"),
            });
        }
    }).observe({ type: "layout-shift", buffered: true });
"""
# True once every widget of the page is drawn (at once on a page without widgets).
WIDGETS_READY = """() => document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length
    <= document.querySelectorAll('.cb-widget[data-ready="true"]').length"""


def layout_shifts(page) -> list[dict]:
    """The layout shifts a page made as it loaded and drew its widgets (its context runs RECORD_SHIFTS)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(WIDGETS_READY)
    page.wait_for_timeout(200)  # a frame or two, for a shift the last render causes to be reported
    return page.evaluate("window.casebookShifts")


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


if __name__ == "__main__":
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            launch = chromium(playwright)
        except FileNotFoundError as missing:
            sys.exit(str(missing))
    print(f"The browser tests drive {launch['executable_path']}.")
