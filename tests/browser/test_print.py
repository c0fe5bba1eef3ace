"""The site on paper and off the web: a page printed from the browser prints its widgets as
forms with the student's saved answers written in, and the archive `make zip` makes works
unpacked and opened from disk."""

import zipfile

import pytest
from playwright.sync_api import expect

from casebook.publish import make_zip
from helpers import CH2, CH5, CH6, CH8, HOSTILE

pytestmark = pytest.mark.browser


def start_printing(page):
    """What a browser does when asked to print: print media, and the beforeprint event."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


def test_a_page_printed_from_the_browser_prints_the_saved_answers_in_the_forms(visit):
    page = visit.open(CH2)
    widget = visit.wait_ready()
    widget.locator("li.cb-statement[data-id='S01']").get_by_text("On-record claim", exact=True).click()
    page.reload()
    widget = visit.wait_ready()
    start_printing(page)
    form = widget.locator(".cb-print")
    expect(form).to_be_visible()
    expect(widget.locator(".cb-body")).to_be_hidden()
    rows = form.locator("tbody tr")
    expect(rows.first.locator("td").last).to_have_text("On-record claim")
    expect(rows.nth(1).locator("td").last).to_have_text("")  # not labelled: a blank to fill in
    # The theme's navigation and buttons are not printed.
    expect(page.locator(".bd-sidebar-primary")).to_be_hidden()
    expect(page.locator(".bd-header-article")).to_be_hidden()
    # After printing, the screen is as it was, and the form is gone from the page.
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(form).to_be_hidden()
    expect(form.locator("*")).to_have_count(0)
    expect(widget.locator(".cb-body")).to_be_visible()


def test_the_printed_answer_builder_writes_the_students_text_as_text(visit):
    page = visit.open(CH8)
    visit.wait_ready(count=2)
    builder = page.locator(".cb-answer-builder")
    builder.get_by_role("textbox", name="Claim").fill(HOSTILE)
    start_printing(page)
    claim = builder.locator(".cb-print .cb-print-part").first
    expect(claim.locator(".cb-box")).to_have_text(HOSTILE)
    assert page.evaluate("document.body.dataset.pwned") is None


def test_the_zip_works_unpacked_and_opened_from_disk(site, visit_folder, tmp_path):
    archive = make_zip(site, tmp_path / "supplier-limits-student.zip")
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / "supplier-limits-student"
    visit = visit_folder(folder)
    page = visit.open("index.html")
    page.wait_for_url("**/intro.html")
    pdf = page.locator(".cb-print-edition a").first
    assert (folder / pdf.get_attribute("href")).read_bytes().startswith(b"%PDF-")
    for path in (CH2, CH5, CH6, CH8):
        page = visit.open(path)
        views = page.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
        assert views >= 1
        expect(page.locator(".cb-widget[data-ready='true']")).to_have_count(views)
        expect(page.locator(".cb-host-note")).to_have_count(0)
    # Answers are kept from disk too.
    page = visit.open(CH2)
    visit.wait_ready().locator("li.cb-statement[data-id='S01']").get_by_text("Denial", exact=True).click()
    page.reload()
    expect(visit.wait_ready().locator("li.cb-statement[data-id='S01']").get_by_role("radio", name="Denial")).to_be_checked()
