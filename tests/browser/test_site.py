"""The whole built site in Chromium: nothing loads from outside, no page throws, pages
without widgets load no widget script, and axe-core finds no serious accessibility issue."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from helpers import CH6, STORAGE_REFUSED, axe_problems
from support import NOTEBOOK_HEADER, assert_no_failed_requests, build_tiny_book, leaves_the_machine, site_pages

pytestmark = pytest.mark.browser


def has_widgets(site, page) -> bool:
    return "application/vnd.jupyter.widget-view+json" in (site / page).read_text(encoding="utf-8")


def test_every_page_loads_offline_without_errors_and_only_widget_pages_load_the_host(site, visit):
    requested = []
    visit.context.on("request", lambda request: requested.append(request.url))
    pages = site_pages(site)
    assert len(pages) >= 8
    for path in pages:
        requested.clear()
        page = visit.open(path)
        page.wait_for_load_state("networkidle")
        host_loaded = any("casebook-host.js" in url for url in requested)
        if has_widgets(site, path):
            assert host_loaded, f"{path} has widgets but did not load the host"
            visit.wait_ready(page)
        else:
            assert not host_loaded, f"{path} has no widgets but loaded the widget host"
    # the visit fixture asserts no non-local request and no page error happened


def test_every_request_a_page_makes_succeeds_including_its_icon(site, browser, base_url, server_log):
    """As a student's browser loads the pages, without Playwright's interception (which
    stops Chromium asking for a page's icon): the server's log holds every request."""
    log_start = server_log.stat().st_size
    context = browser.new_context()
    non_local = []
    context.on("request", lambda request: leaves_the_machine(request.url) and non_local.append(request.url))
    page = context.new_page()
    for path in site_pages(site):
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("networkidle")
    context.close()
    assert non_local == []
    assert_no_failed_requests(server_log, log_start)
    assert b"GET /_static/favicon.svg" in server_log.read_bytes()[log_start:]


def test_search_and_colour_mode_work_where_the_browser_refuses_storage(new_visit):
    """Sphinx's search and the theme's scripts use localStorage and sessionStorage
    unguarded; the site's head gives them stand-ins when the browser refuses storage."""
    normal = new_visit().open("intro.html")
    # The refusal is simulated by redefining the properties, which a real browser allows.
    assert normal.evaluate("['localStorage', 'sessionStorage'].every(name => Object.getOwnPropertyDescriptor(window, name).configurable)")
    visit = new_visit()
    visit.context.add_init_script(STORAGE_REFUSED)
    page = visit.open("search.html?q=Palantir")
    expect(page.locator("#search-results li").first).to_be_visible()
    page = visit.open("intro.html")
    mode = page.evaluate("document.documentElement.dataset.mode")
    page.locator(".theme-switch-button").first.click()
    expect(page.locator("html")).not_to_have_attribute("data-mode", mode)
    # new_visit asserts that no script threw.


def test_widgets_work_in_a_page_opened_from_disk(site, visit):
    """Chromium runs the widgets' modules in a page opened from disk (file://)."""
    page = visit.page
    page.goto((site / CH6).as_uri())
    visit.wait_ready(page)
    expect(page.locator(".cb-host-note")).to_have_count(0)


def test_a_page_opened_from_disk_says_how_to_view_it_where_the_browser_blocks_its_widgets(site, new_visit):
    """Other browsers refuse to import the widgets' modules from a page on disk; here the
    refusal is simulated by making the blob URLs they are imported from impossible."""
    visit = new_visit()
    visit.context.add_init_script("URL.createObjectURL = () => { throw new DOMException('blocked', 'SecurityError'); };")
    page = visit.page
    page.goto((site / CH6).as_uri())
    expect(page.locator(".cb-host-note").first).to_contain_text("run `make serve`, then open http://127.0.0.1:8000")
    expect(page.locator(".cb-widget[data-ready='true']")).to_have_count(0)


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_no_serious_accessibility_violations_on_any_page(site, visit, axe):
    problems = {}
    for path in site_pages(site):
        page = visit.open(path)
        page.wait_for_load_state("networkidle")
        if has_widgets(site, path):
            visit.wait_ready(page)
        serious = axe_problems(page, axe)
        if serious:
            problems[path] = serious
    assert not problems, "\n".join(f"{page}: {found}" for page, found in problems.items())


def test_a_widget_that_is_not_an_anywidget_gets_a_note(visit, tmp_path):
    """The host runs only anywidgets; any other widget view says it needs a live notebook."""
    page_source = NOTEBOOK_HEADER + "# A page\n\n```{code-cell} ipython3\nimport ipywidgets\nipywidgets.IntSlider(value=3)\n```\n"
    code, log, built = build_tiny_book(tmp_path, page_source)
    assert code == 0, log[-3000:]
    page = visit.page
    page.goto(built.as_uri())
    expect(page.locator(".cb-host-note")).to_have_text("This interactive element works when the notebook runs live in Jupyter.")


# The headings a reader meets (the theme's print-only copy of the title is hidden on screen).
HEADING_LEVELS = "[...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].filter(h => h.checkVisibility()).map(h => Number(h.tagName[1]))"


def assert_headings_in_order(page, path):
    levels = page.evaluate(HEADING_LEVELS)
    assert levels[0] == 1 and all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:])), (path, levels)


def test_headings_never_skip_a_level_on_any_page_with_its_widgets_drawn(site, visit):
    """Screen-reader users move by headings: the page's h1, then its sections, then their
    parts. A widget's title sits one level below its section's heading: h3 in a chapter's
    section, h2 straight under an exercise page's title."""
    for path in site_pages(site):
        if 'http-equiv="Refresh"' in (site / path).read_text(encoding="utf-8"):
            continue  # index.html only sends the reader on to the intro
        page = visit.open(path)
        visit.wait_ready(page, count=page.locator(".cb-widget-slot").count())
        assert_headings_in_order(page, path)


def test_headings_never_skip_a_level_on_my_answers_with_saved_answers(visit):
    page = visit.open(CH6)
    visit.wait_ready(page)
    page.locator(".cb-widget input[type=radio]").first.check()
    page = visit.open("my-answers.html")
    visit.wait_ready(page)
    expect(page.locator(".cb-answers > li")).not_to_have_count(0)
    assert_headings_in_order(page, "my-answers.html")
