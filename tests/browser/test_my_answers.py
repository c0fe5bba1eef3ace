"""The My answers page: it lists the student's answers, exports them (JSON and Markdown),
imports them into a fresh browser profile, refuses every invalid file without touching
saved answers, and clears them after a confirmation."""

import json
import re

import pytest
from playwright.sync_api import expect

from casebook import answers
from conformance import suite
from helpers import CH2, CH6, CH8, HOSTILE, MY, storage_key, stored, weigh
from support import storage_full_for

pytestmark = pytest.mark.browser

# The answer files of tests/fixtures/answer-files, as the conformance suite says each must be read.
FIXTURES = [case for case in suite.CASES["read"] if "file" in case]
VALID = [suite.FIXTURES / case["file"] for case in FIXTURES if "reason" not in case]
INVALID = [case for case in FIXTURES if "reason" in case]


def give_answers(visit):
    """Answer three widgets on three pages, including hostile text."""
    widget = visit.wait_ready(visit.open(CH6))
    weigh(widget, "A01", 4)
    widget.locator("li.cb-argument[data-id='A01'] input[type=text]").fill(HOSTILE)
    widget = visit.wait_ready(visit.open(CH2))
    widget.locator("li.cb-statement[data-id='S04']").get_by_text("Denial", exact=True).click()
    widget = visit.wait_ready(visit.open(CH8))
    widget.get_by_text("Pete Hegseth, Defense Secretary:", exact=False).click()
    widget.get_by_role("textbox", name="Claim").fill(HOSTILE)
    expect(widget.locator(".cb-preview")).to_contain_text(HOSTILE)


def open_my_answers(visit):
    page = visit.open(MY)
    return page, visit.wait_ready(page)


def download(page, button_name, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def choose_file(widget, path):
    widget.get_by_label("Import answers from a file:").set_input_files(str(path))


def test_lists_exports_and_imports_into_a_fresh_profile(visit, new_visit, tmp_path):
    give_answers(visit)
    page, widget = open_my_answers(visit)
    expect(widget.locator(".cb-answers > li")).to_have_count(3)
    expect(widget.locator("li[data-key='ch8-answer']")).to_contain_text(HOSTILE)
    widget.get_by_label("Your name (included in downloads):").fill("Ada <b>Lovelace</b>")
    assert page.evaluate("document.body.dataset.pwned") is None

    exported = answers.read_answer_file(download(page, "Download answers (JSON)", tmp_path))
    assert exported["student"] == "Ada <b>Lovelace</b>"
    assert set(exported["answers"]) == {"ch6-weigher", "ch2-source-check", "ch8-answer"}
    weigher = exported["answers"]["ch6-weigher"]["state"]
    assert weigher == {"weights": {"A01": 4}, "justifications": {"A01": HOSTILE}}
    assert exported["answers"]["ch2-source-check"]["state"] == {"labels": {"S04": "denial"}}
    assert exported["answers"]["ch8-answer"]["state"]["claim"] == HOSTILE

    markdown = download(page, "Download for handing in (Markdown)", tmp_path).read_text()
    assert not re.search(r"(?<!\\)[<>]", markdown), "an unescaped < or > would let Markdown render HTML"
    assert r"\<img src=x onerror=" in markdown
    assert r"Ada \<b\>Lovelace\</b\>" in markdown

    other = new_visit()  # another computer
    other_page, other_widget = open_my_answers(other)
    expect(other_widget.locator(".cb-empty")).to_be_visible()
    choose_file(other_widget, tmp_path / next(p.name for p in tmp_path.iterdir() if p.suffix == ".json"))
    expect(other_widget.locator(".cb-import-preview li[data-action='add']")).to_have_count(3)
    other_widget.get_by_role("button", name="Apply the import").click()
    expect(other_widget.locator(".cb-answers > li")).to_have_count(3)
    restored = other.wait_ready(other.open(CH6))
    expect(restored.locator("li.cb-argument[data-id='A01']").get_by_role("radio", name="4 strong")).to_be_checked()
    expect(restored.locator("li.cb-argument[data-id='A01'] input[type=text]")).to_have_value(HOSTILE)


def test_import_keeps_the_newer_answer_and_deletes_nothing(visit, tmp_path):
    give_answers(visit)
    page, widget = open_my_answers(visit)
    older = {
        "ch2-source-check": {"kind": "source-check", "updated": "2026-01-01T00:00:00.000Z", "state": {"labels": {"S04": "opinion"}}},
        "ch5-analogies": {"kind": "analogy-matrix", "updated": "2026-01-01T00:00:00.000Z",
                          "state": {"ratings": {"starlink": {"general-purpose": 3}}, "own_analogy": ""}},
    }
    path = tmp_path / "older.json"
    path.write_text(json.dumps(answers.answer_file(older)))
    before = stored(page)
    choose_file(widget, path)
    expect(widget.locator(".cb-import-preview li[data-action='keep']")).to_contain_text("yours is kept")
    expect(widget.locator(".cb-import-preview li[data-action='add']")).to_have_count(1)
    assert stored(page) == before  # nothing changes before the student applies
    widget.get_by_role("button", name="Apply the import").click()
    expect(widget.locator(".cb-answers > li")).to_have_count(4)
    after = json.loads(stored(page)[storage_key("ch2-source-check")])
    assert after["state"] == {"labels": {"S04": "denial"}}


@pytest.mark.parametrize("case", INVALID, ids=lambda case: case["file"])
def test_invalid_file_is_refused_and_changes_nothing(visit, case):
    visit.wait_ready(visit.open(CH2)).locator("li.cb-statement[data-id='S01']").get_by_text("Denial", exact=True).click()
    page, widget = open_my_answers(visit)
    before = stored(page)
    choose_file(widget, suite.FIXTURES / case["file"])
    message = widget.locator(".cb-message")
    expect(message).to_contain_text(case.get("message") or (suite.SCHEMA_ERROR + case.get("where", "")))
    expect(message).to_contain_text("Nothing was changed")
    expect(widget.locator(".cb-import-preview button")).to_have_count(0)
    assert stored(page) == before


def test_file_over_five_megabytes_is_refused(visit, tmp_path):
    page, widget = open_my_answers(visit)
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"format": "casebook-answers", "padding": "y" * (answers.MAX_BYTES + 10)}))
    choose_file(widget, big)
    expect(widget.locator(".cb-message")).to_contain_text("too large")
    assert stored(page) == {}


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.name)
def test_valid_file_is_offered_for_import_and_shown_as_text(visit, fixture):
    page, widget = open_my_answers(visit)
    choose_file(widget, fixture)
    expect(widget.get_by_role("button", name="Apply the import")).to_be_visible()
    widget.get_by_role("button", name="Apply the import").click()
    count = len(json.loads(fixture.read_text())["answers"])
    expect(widget.locator(".cb-answers > li")).to_have_count(count)
    assert page.evaluate("document.body.dataset.pwned") is None
    assert widget.locator(".cb-answer-list img, .cb-answer-list script, .cb-answer-list iframe").count() == 0


def test_clear_asks_first_then_deletes_everything(visit):
    give_answers(visit)
    page, widget = open_my_answers(visit)
    widget.get_by_role("button", name="Clear my answers").click()
    widget.get_by_role("button", name="Keep my answers").click()
    expect(widget.locator(".cb-answers > li")).to_have_count(3)
    widget.get_by_role("button", name="Clear my answers").click()
    widget.get_by_role("button", name="Yes, delete all my answers").click()
    expect(widget.locator(".cb-empty")).to_be_visible()
    assert stored(page) == {}


def test_ids_named_like_what_every_object_has_show_as_themselves(visit, tmp_path):
    """An id such as "constructor" is allowed; looked up naively, it finds the function every object inherits."""
    page, widget = open_my_answers(visit)
    choose_file(widget, suite.FIXTURES / "valid" / "v3-ids-named-constructor.json")
    widget.get_by_role("button", name="Apply the import").click()
    expect(widget.locator(".cb-answers > li")).to_have_count(4)
    terms = widget.locator(".cb-answers dt").all_text_contents()
    assert {"constructor", "toString", "hasOwnProperty"} <= set(terms)
    assert "constructor, toString" in terms  # an analogy and a dimension
    details = widget.locator(".cb-answers dd").all_text_contents()
    assert "3 (important): As typed." in details and "Denial" in details and "constructor; valueOf" in details
    markdown = download(page, "Download for handing in (Markdown)", tmp_path).read_text()
    listed = " ".join(terms + details)
    for text in (listed, markdown):
        assert "native code" not in text and "function" not in text


def test_a_full_storage_when_saving_the_name_is_reported_not_thrown(new_visit):
    visit = new_visit()
    visit.context.add_init_script(storage_full_for("key.endsWith(':student')"))
    page, widget = open_my_answers(visit)
    widget.get_by_label("Your name (included in downloads):").fill("Ada")
    expect(widget.locator(".cb-message")).to_contain_text("storage is full")
    expect(widget.locator(".cb-message")).to_have_attribute("data-kind", "error")
    # new_visit fails the test if the page threw.
