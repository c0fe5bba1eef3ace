"""Browser fixtures: the built site served on 127.0.0.1, and Chromium (support.chromium
says which) driven by Playwright with every request that leaves this machine aborted
and counted."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from live_lab import jupyterlab_serving
from support import LOCAL_HOSTS, assert_no_failed_requests, chromium, leaves_the_machine, served


@pytest.fixture(scope="session")
def server_log(tmp_path_factory) -> Path:
    """The static server's log of requests, checked for failures after every visit."""
    return tmp_path_factory.mktemp("static-server") / "requests.log"


@pytest.fixture(scope="session")
def base_url(site, server_log):
    """The built site, served by a plain static server on a free local port."""
    with served(site, server_log) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            **chromium(playwright),
            # Everything not on this machine goes to a proxy that is not there, so that
            # even what Playwright cannot intercept (Chromium's own requests, such as
            # for a page's icon) cannot leave; Visit still records what tried to.
            proxy={"server": "http://127.0.0.1:9", "bypass": ",".join(LOCAL_HOSTS)},
        )
        yield browser
        browser.close()


class Visit:
    """A fresh browser profile (context) that aborts and records every non-local request and page error."""

    def __init__(self, browser, base_url, **context_options):
        self.base_url = base_url
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(accept_downloads=True, **context_options)
        self.context.route("**/*", self._route)
        self.page = self.new_page()

    def _route(self, route):
        if leaves_the_machine(route.request.url):
            self.external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def new_page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{error.message}\n{error.stack}"))
        return page

    def open(self, path: str, page=None):
        page = page or self.page
        page.goto(f"{self.base_url}/{path}")
        return page

    def wait_ready(self, page=None, count: int = 1):
        page = page or self.page
        page.wait_for_function(
            "n => document.querySelectorAll('.cb-widget[data-ready=\"true\"]').length >= n", arg=count, timeout=15000,
        )
        return page.locator(".cb-widget").first

    def close(self):
        """Close the profile; fail if any request tried to leave the machine or a page threw."""
        self.context.close()
        assert self.external == [], f"non-local requests: {self.external}"
        assert self.errors == [], f"errors in the page: {self.errors}"


@pytest.fixture
def visit(browser, base_url, server_log):
    """A fresh profile; the test fails if any request tried to leave the machine, the
    site answered any request with an error (such as a 404), or a page threw."""
    log_start = server_log.stat().st_size
    opened = Visit(browser, base_url)
    yield opened
    opened.close()
    assert_no_failed_requests(server_log, log_start)


@pytest.fixture
def local_visit(browser):
    """A fresh profile for pages served by something other than the built site (JupyterLab),
    checked like `visit` but for the site's server log."""
    opened = Visit(browser, base_url=None)
    yield opened
    opened.close()


@pytest.fixture
def visit_folder(browser):
    """A factory for fresh profiles on a site opened from disk (file://), checked like `visit`."""
    visits = []

    def make(folder: Path):
        visits.append(Visit(browser, folder.as_uri()))
        return visits[-1]

    yield make
    for opened in visits:
        opened.close()


@pytest.fixture
def new_visit(browser, base_url, server_log):
    """A factory for further fresh profiles (e.g. another computer), checked like `visit`."""
    log_start = server_log.stat().st_size
    visits = []

    def make(**context_options):
        visits.append(Visit(browser, base_url, **context_options))
        return visits[-1]

    yield make
    for opened in visits:
        opened.close()
    assert_no_failed_requests(server_log, log_start)


@pytest.fixture
def lab_chapter() -> str:
    """The chapter the `jupyterlab` fixture serves; a test module may override it."""
    return "chapters/06-competing-viewpoints.md"


@pytest.fixture
def jupyterlab(lab_chapter, tmp_path):
    """JupyterLab on 127.0.0.1 serving a copy of `lab_chapter`; stopped whatever happens."""
    with jupyterlab_serving(lab_chapter, tmp_path) as lab:
        yield lab
