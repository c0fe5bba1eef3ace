"""What a phone on a slow connection feels, checked cheaply on the built site in Chromium:
every page's weight and fonts, layout shift, and widgets that fit the screen. Lighthouse's
own scores are slow to measure and belong to the benchmark (benchmarks/lighthouse.py)."""

import pytest
from playwright.sync_api import expect

from helpers import CH5
from support import DESKTOP, PHONE, RECORD_SHIFTS, WIDGETS_READY, WIDTHS, layout_shifts, page_weight, site_pages

pytestmark = pytest.mark.browser

# At most 0.2 MB over the wire, gzip-compressed, for a page and everything it loads.
MAX_PAGE_BYTES = 200_000
# Cumulative layout shift (CLS) a page may have; Lighthouse calls under 0.1 good.
MAX_LAYOUT_SHIFT = 0.05

def test_every_page_weighs_at_most_0_2_mb_compressed_and_loads_no_font_file_nor_bootstrap(site, browser, base_url):
    """Bootstrap's script only draws the header's tooltips, and waits for a reader to want one
    (casebook/templates/layout.html)."""
    too_heavy, fonts, bootstrap = {}, {}, []
    for path in site_pages(site):
        weight = page_weight(browser, base_url, path)
        if weight["gzip_bytes"] > MAX_PAGE_BYTES:
            too_heavy[path] = weight["gzip_bytes"]
        if weight["fonts"]:
            fonts[path] = weight["fonts"]
        if any("bootstrap" in url for url in weight["scripts"]):
            bootstrap.append(path)
    assert not too_heavy, f"pages over {MAX_PAGE_BYTES} bytes gzip-compressed: {too_heavy}"
    assert not fonts, f"pages that load font files: {fonts}"
    assert not bootstrap, f"pages that load Bootstrap's script before anyone asks for a tooltip: {bootstrap}"


@pytest.mark.parametrize("reach", ["pointer", "keyboard"])
def test_a_header_button_shows_its_tooltip_the_first_time_a_reader_points_at_or_focuses_it(visit, reach):
    page = visit.page
    page.set_viewport_size(DESKTOP)
    visit.open(CH5)
    page.wait_for_load_state("networkidle")
    button = page.locator(".theme-switch-button").first
    if reach == "pointer":
        button.hover()
    else:
        button.focus()
    expect(page.locator(".tooltip")).to_have_text("Color mode")
    expect(page.locator(".tooltip")).to_be_visible()
    expect(button).to_have_attribute("aria-describedby", page.locator(".tooltip").get_attribute("id"))


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_shifts_its_layout_as_it_loads_widgets_included(site, visit, width):
    """A widget draws itself after the page has shown: its place must already have its room."""
    page = visit.page
    page.set_viewport_size(WIDTHS[width])
    visit.context.add_init_script(RECORD_SHIFTS)
    shifted = {}
    for path in site_pages(site):
        visit.open(path)
        shifts = layout_shifts(page)
        total = sum(shift["value"] for shift in shifts)
        if total >= MAX_LAYOUT_SHIFT:
            shifted[path] = (round(total, 3), [shift["moved"] for shift in shifts][:3])
    assert not shifted, f"layout shift of {MAX_LAYOUT_SHIFT} or more at {WIDTHS[width]['width']} px: {shifted}"


# Every element inside a widget whose content is wider than its box: its name, and whether
# it shows that it scrolls (a scroll bar the reader can see, and a note that says so).
CLIPPED = """() => [...document.querySelectorAll('.cb-widget *')]
    .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible')
    .map((element) => ({
        name: element.className || element.nodeName,
        scrolls: ['auto', 'scroll'].includes(getComputedStyle(element).overflowX),
        cue: Boolean(element.closest('.cb-widget').querySelector('.cb-scroll-cue:not([hidden])')),
    }))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_widget_hides_a_column_without_a_visible_cue(site, visit, width):
    page = visit.page
    page.set_viewport_size(WIDTHS[width])
    hidden = {}
    for path in site_pages(site):
        if "widget-view+json" not in (site / path).read_text(encoding="utf-8"):
            continue
        visit.open(path)
        page.wait_for_function(WIDGETS_READY)
        clipped = [box for box in page.evaluate(CLIPPED) if not (box["scrolls"] and box["cue"])]
        if clipped:
            hidden[path] = clipped
    assert not hidden, f"widgets that hide content without a cue at {WIDTHS[width]['width']} px: {hidden}"


def test_analogy_matrix_shows_every_column_on_a_desktop_and_scrolls_with_a_cue_on_a_phone(visit):
    page = visit.page
    for width, fits in ((DESKTOP, True), (PHONE, False)):
        page.set_viewport_size(width)
        visit.open(CH5)
        visit.wait_ready(page)
        box = page.locator(".cb-analogy-matrix .cb-table-scroll")
        table_width, box_width = box.evaluate("box => [box.scrollWidth, box.clientWidth]")
        cue = page.locator(".cb-analogy-matrix .cb-scroll-cue")
        if fits:
            assert table_width <= box_width + 1, f"the matrix is {table_width} px wide in a {box_width} px box at 1280 px"
            assert cue.is_hidden()
        else:
            assert table_width > box_width
            assert cue.is_visible() and "scroll" in cue.inner_text().lower()
            # The box can be scrolled from the keyboard: it takes focus and has a name.
            assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label")
