"""The two other browser engines students use, driven without Playwright (whose Firefox and
WebKit are patched builds it cannot download here): Debian's Firefox ESR over Marionette
(PyPI marionette-driver; no geckodriver is packaged), and WebKitGTK's MiniBrowser through
its WebDriver (Debian webkit2gtk-driver) and Selenium, on an Xvfb display (the MiniBrowser
has no headless mode). `make test` installs both (Makefile: engines).

Each engine is a small object with the same methods (open, run, errors, quit). It reads a
page's errors from a listener for uncaught errors and rejected promises that is in the page
before any of the page's own scripts: the engines are given a copy of the site with the
listener written at the top of every page's head (listening_copy), because neither driver
can add a script that runs before a page's own (WebDriver classic has no such command) and
the MiniBrowser ignores its setting to log the console under automation. Firefox's console,
which Firefox writes to its output, is read too.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

FIREFOX = Path("/usr/bin/firefox-esr")
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
XVFB = Path("/usr/bin/Xvfb")

# Firefox: the page's console on standard output, and none of Firefox's own traffic.
FIREFOX_PREFS = {
    "devtools.console.stdout.content": True,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
}
# How Firefox writes an uncaught error or a console.error of a page on this machine's
# server (its own internal errors name other sources).
FIREFOX_ERROR = re.compile(r"^(JavaScript error: (blob:)?http://127\.0\.0\.1|console\.error: .*casebook)")
# The listener added to each page: errors from then on, kept in the page.
LISTEN = """
    if (!window.casebookErrors) {
        window.casebookErrors = [];
        window.addEventListener('error', (event) => window.casebookErrors.push(`${event.message} (${event.filename}:${event.lineno})`));
        window.addEventListener('unhandledrejection', (event) => window.casebookErrors.push(`unhandled rejection: ${event.reason}`));
    }
"""
HARVEST = "const found = window.casebookErrors || []; window.casebookErrors = []; return found;"


def with_listener(html: str) -> str:
    """A page's HTML with the error listener as the first thing in its head."""
    if "<head>" not in html:
        raise ValueError("the page has no <head> to put the error listener in")
    return html.replace("<head>", f"<head><script>{LISTEN}</script>", 1)


def listening_copy(site: Path, folder: Path) -> Path:
    """A copy of the built site in ``folder`` whose every page listens for errors from its start."""
    copy = shutil.copytree(site, folder / "site")
    for page in copy.rglob("*.html"):
        if "_static" not in page.relative_to(copy).parts:  # the theme's template fragments are not pages
            page.write_text(with_listener(page.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def missing() -> list[str]:
    """What the engines need that is not installed."""
    return [str(path) for path in (FIREFOX, WEBKIT_DRIVER, MINIBROWSER, XVFB) if not path.exists()]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Engine:
    """What the tests use of a browser: open a URL, run a script in the page, read its errors."""

    name = ""

    def __init__(self, log: Path):
        self.log = log
        self.checked = 0  # bytes of the log already read
        self.found: list[str] = []

    def open(self, url: str) -> None:
        self.found += self.run(HARVEST) or []
        self.navigate(url)
        self.run(LISTEN)

    def errors(self) -> list[str]:
        """The errors found since the last call."""
        found, self.found = self.found + (self.run(HARVEST) or []) + self.logged(), []
        return found

    def logged(self) -> list[str]:
        return []

    def wait_for(self, script: str, timeout: float = 20, *args):
        """Run ``script`` (a function body that returns) until it returns something true; return that."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(script, *args)
            if value or time.monotonic() > deadline:
                if not value:
                    raise TimeoutError(f"{self.name}: still false after {timeout} s: {script}")
                return value
            time.sleep(0.2)


class Firefox(Engine):
    name = "Firefox ESR"

    def __init__(self, folder: Path):
        from marionette_driver.marionette import Marionette

        super().__init__(folder / "firefox.log")
        profile = folder / "profile"
        profile.mkdir()
        port = free_port()
        prefs = {**FIREFOX_PREFS, "marionette.port": port}
        (profile / "user.js").write_text("".join(f"user_pref({_js(k)}, {_js(v)});\n" for k, v in prefs.items()))
        self.process = subprocess.Popen(
            [str(FIREFOX), "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
            stdout=open(self.log, "wb"), stderr=subprocess.STDOUT,
        )
        self.client = Marionette(host="127.0.0.1", port=port)
        self.client.start_session()

    def navigate(self, url: str) -> None:
        self.client.navigate(url)

    def run(self, script: str, *args):
        return self.client.execute_script(script, script_args=list(args), sandbox=None)

    def logged(self) -> list[str]:
        text = self.log.read_bytes()[self.checked:]
        self.checked += len(text)
        return [line for line in text.decode("utf-8", "replace").splitlines() if FIREFOX_ERROR.match(line.strip())]

    def quit(self) -> None:
        try:
            self.client.delete_session()
        finally:
            self.process.terminate()
            self.process.wait(timeout=20)


class WebKit(Engine):
    name = "WebKitGTK"

    def __init__(self, folder: Path):
        from selenium import webdriver

        super().__init__(folder / "webkit.log")
        # An X display of our own; Xvfb writes the number it chose to the descriptor given.
        read, write = os.pipe()
        self.xvfb = subprocess.Popen([str(XVFB), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                     pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as announced:
            display = announced.readline().strip()
        options = webdriver.WebKitGTKOptions()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")  # without it no session starts
        service = webdriver.WebKitGTKService(executable_path=str(WEBKIT_DRIVER), log_output=str(self.log),
                                             env={**os.environ, "DISPLAY": f":{display}"})
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.xvfb.terminate()
            raise

    def navigate(self, url: str) -> None:
        self.driver.get(url)

    def run(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=20)


ENGINES = {"firefox": Firefox, "webkit": WebKit}


def _js(value) -> str:
    """A value as JavaScript in a prefs file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else '"' + str(value).replace('"', '\\"') + '"'


