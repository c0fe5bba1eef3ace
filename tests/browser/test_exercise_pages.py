"""The exercise pages on the built site, in Chromium: their download links give the
hand-out notebooks, and a written answer typed on the page is kept like every other
answer (My answers lists it and exports it in the answer-file format)."""

import json
import zipfile

import nbformat
import pytest
from playwright.sync_api import expect

from casebook import answers, handouts
from helpers import HOSTILE, MY, saved

pytestmark = pytest.mark.browser

PAGE = "exercises/02-reading-the-reporting.html"
KEY = "reading-the-reporting-ex1"


def test_the_download_links_give_the_student_notebook_and_the_zip(visit, tmp_path):
    page = visit.open(PAGE)
    with page.expect_download() as notebook:
        page.get_by_role("link", name="this page as a notebook").click()
    assert notebook.value.suggested_filename == "02-reading-the-reporting.ipynb"
    notebook.value.save_as(tmp_path / "notebook.ipynb")
    handout = nbformat.read(tmp_path / "notebook.ipynb", as_version=4)
    nbformat.validate(handout)
    assert any(f'check("{KEY}"' in cell.source for cell in handout.cells)
    with page.expect_download() as archive:
        page.get_by_role("link", name="the notebooks of every chapter (zip)").click()
    assert archive.value.suggested_filename == handouts.ZIP_NAME
    archive.value.save_as(tmp_path / "all.zip")
    with zipfile.ZipFile(tmp_path / "all.zip") as bundle:
        assert "casebook-exercises/02-reading-the-reporting.ipynb" in bundle.namelist()


def test_a_written_answer_is_kept_listed_and_exported_as_text(visit, tmp_path):
    page = visit.open(PAGE)
    visit.wait_ready(page)
    widget = page.locator(".cb-widget[data-ready='true']").filter(has=page.get_by_role("textbox", name="Your answer")).first
    widget.get_by_role("textbox", name="Your answer").fill(HOSTILE + " and four more words")
    expect(widget.locator(".cb-hint").last).to_contain_text("words")
    assert saved(page, KEY)["state"] == {"text": HOSTILE + " and four more words"}

    page = visit.open(MY)
    listed = visit.wait_ready(page).locator(f"li[data-key='{KEY}']")
    expect(listed).to_contain_text(HOSTILE)  # as text, not as markup
    expect(listed).to_contain_text("Written answer")
    assert page.evaluate("document.body.dataset.pwned") is None
    with page.expect_download() as exported:
        page.get_by_role("button", name="Download answers (JSON)").click()
    exported.value.save_as(tmp_path / "answers.json")
    document = answers.read_answer_file(tmp_path / "answers.json")
    assert document["answers"][KEY]["kind"] == "written-answer"
    assert json.dumps(document["answers"][KEY]["state"]) == json.dumps({"text": HOSTILE + " and four more words"})
