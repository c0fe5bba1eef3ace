"""Every widget page in the two other engines students use: Firefox ESR (laptops) and
WebKitGTK (the engine of Safari on iPads), driven as tests/browser/engines.py says. Each
widget becomes ready, a change survives a reload, My answers lists it, and no page logs
an error. A smoke test: the widgets' behaviour is tested in depth in Chromium."""

import pytest

from engines import ENGINES, listening_copy, missing, with_listener
from support import served, site_pages

pytestmark = pytest.mark.browser

WIDGETS_READY = """
    const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
    return views > 0 && document.querySelectorAll('.cb-widget[data-ready="true"]').length >= views
        && !document.querySelector('.cb-host-note');
"""
# A change in the page's first answer widget that takes one, as a student makes it: a click
# on the first choice not yet made, or else a forecast typed, or else a rating chosen.
# Returns what to look for after a reload and the widget's title, or null where no widget
# takes an answer (the epilogue's forecasts only show what happened).
CHANGE = """
    for (const widget of document.querySelectorAll('.cb-widget:not(.cb-my-answers)')) {
        const title = widget.querySelector('.cb-title').textContent;
        const radio = widget.querySelector('input[type=radio]:not(:checked)');
        if (radio) {
            radio.click();
            return {title, selector: `input[type=radio][name="${radio.name}"][value="${radio.value}"]`, checked: true};
        }
        const number = widget.querySelector('li[data-id] input[type=number]');
        if (number) {
            number.value = '37';
            number.dispatchEvent(new Event('input', {bubbles: true}));
            return {title, selector: `li[data-id="${number.closest('li').dataset.id}"] input[type=number]`, value: '37'};
        }
        const select = widget.querySelector('select');
        if (select) {
            select.value = select.options[2].value;
            select.dispatchEvent(new Event('change', {bubbles: true}));
            return {title, selector: `select[data-analogy="${select.dataset.analogy}"][data-dimension="${select.dataset.dimension}"]`, value: select.value};
        }
    }
    return null;
"""
STILL_CHANGED = """
    const [change] = arguments;
    const element = document.querySelector(change.selector);
    return Boolean(element) && (change.checked ? element.checked : element.value === change.value);
"""
SAVED_KEYS = "return Object.keys(localStorage).filter((key) => key.includes(':answer:')).sort();"
LISTED = "return [...document.querySelectorAll('.cb-answers > li')].map((item) => item.querySelector('h3').textContent);"


def widget_pages(site) -> list[str]:
    return [path for path in site_pages(site) if path != "my-answers.html"
            and "application/vnd.jupyter.widget-view+json" in (site / path).read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def listening_site(site, tmp_path_factory):
    """The built site, each page listening for errors before its own scripts run (engines.py)."""
    return listening_copy(site, tmp_path_factory.mktemp("engines"))


@pytest.fixture(scope="module")
def listening_url(listening_site):
    with served(listening_site) as url:
        yield url


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine(request, tmp_path_factory):
    assert not missing(), f"not installed: {missing()} (make test installs them: make engines)"
    browser = ENGINES[request.param](tmp_path_factory.mktemp(request.param))
    yield browser
    browser.quit()


def test_every_widget_page_works_in_the_engine(site, listening_url, engine):
    pages = widget_pages(site)
    assert len(pages) >= 4
    changed = 0
    for path in pages:
        engine.open(f"{listening_url}/{path}")
        engine.wait_for(WIDGETS_READY)
        before = engine.run(SAVED_KEYS)
        change = engine.run(CHANGE)
        if change:
            changed += 1
            saved = engine.wait_for(f"const keys = {SAVED_KEYS.removeprefix('return ')}; return keys.length > {len(before)} || null;")
            assert saved, f"{engine.name}, {path}: the change was not saved"
            engine.open(f"{listening_url}/{path}")
            engine.wait_for(WIDGETS_READY)
            assert engine.run(STILL_CHANGED, change), f"{engine.name}, {path}: the change did not survive a reload"
            engine.open(f"{listening_url}/my-answers.html")
            engine.wait_for(WIDGETS_READY)
            assert change["title"] in engine.run(LISTED), f"{engine.name}: My answers does not list {change['title']!r} from {path}"
        assert engine.errors() == [], f"{engine.name}, {path}: errors in the page"
    assert changed >= 4


def test_the_engine_reports_an_error_a_page_throws(listening_url, engine):
    """The error check above can fail: a page that throws is caught."""
    engine.open(f"{listening_url}/intro.html")
    engine.errors()  # what came before
    engine.run("const script = document.createElement('script'); script.textContent = \"throw new Error('casebook: thrown on purpose')\"; document.head.append(script);")
    engine.wait_for("return new Promise((done) => setTimeout(() => done(true), 300));")
    assert any("thrown on purpose" in line for line in engine.errors())


def test_the_engine_reports_an_error_a_page_throws_while_it_loads(listening_site, listening_url, engine):
    """An error thrown by a page's own script as it loads, before the driver can run anything in it."""
    page = "throws-while-loading.html"
    (listening_site / page).write_text(with_listener(
        "<!DOCTYPE html><html lang='en'><head><title>Throws</title>"
        "<script>throw new Error('casebook: thrown while loading');</script></head><body><p>Loaded.</p></body></html>"
    ), encoding="utf-8")
    engine.open(f"{listening_url}/intro.html")
    engine.errors()  # what came before
    engine.open(f"{listening_url}/{page}")
    assert any("thrown while loading" in line for line in engine.errors())
