"""The forecast widget on the built site, offline, in Chromium: students forecast at the end
of chapter 8, keep, export and import their forecasts like every other answer, and see them
in chapter 9 beside what happened, with their Brier score; chapter 8 reveals nothing.
(test_live_jupyterlab.py runs them live, where the kernel reads them back.)"""

import json
import re

import pytest
from playwright.sync_api import expect

from casebook import answers, data
from helpers import CH8, HOSTILE, MY, axe_problems, storage_key

pytestmark = pytest.mark.browser

CH9 = "chapters/09-epilogue.html"
KEY = "ch8-forecast"
STORAGE = storage_key(KEY)
FORECASTS = data.load_forecasts()
# One question that resolved yes and one that resolved no, forecast 80% and 20%: each
# misses by 0.2, so the Brier score is 0.2² = 0.040.
YES = next(i for i, outcome in FORECASTS["outcome"].items() if outcome == "yes")
NO = next(i for i, outcome in FORECASTS["outcome"].items() if outcome == "no")


def open_forecast(visit, path):
    """The forecast widget on a page, once every widget of the page is ready."""
    page = visit.open(path)
    visit.wait_ready(page, count=page.locator(".cb-widget").count() or 1)
    widget = page.locator(".cb-forecast[data-ready='true']")
    expect(widget).to_be_visible(timeout=15000)
    return page, widget


def field(widget, question_id):
    return widget.locator(f"li.cb-question[data-id='{question_id}'] input")


def forecast(visit, probabilities: dict[str, int]):
    page, widget = open_forecast(visit, CH8)
    for question_id, probability in probabilities.items():
        field(widget, question_id).fill(str(probability))
    return page, widget


def saved(page):
    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE)
    return None if raw is None else json.loads(raw)


def test_forecasts_are_given_by_keyboard_announced_and_kept_across_a_reload(visit):
    page, widget = open_forecast(visit, CH8)
    expect(widget.locator("li.cb-question")).to_have_count(len(FORECASTS))
    first = field(widget, YES)
    # Each field is labelled by its question.
    expect(widget.get_by_label(FORECASTS.loc[YES, "question"])).to_have_count(1)
    first.focus()
    page.keyboard.type("79")
    page.keyboard.press("ArrowUp")
    expect(first).to_have_value("80")
    expect(widget.locator(".cb-announce")).to_have_text(re.compile(r"Question \d+: your forecast is 80%\."))
    assert saved(page)["state"] == {"probabilities": {YES: 80}}
    # Not a whole percent: said so, and not saved.
    field(widget, NO).fill("150")
    expect(field(widget, NO)).to_have_attribute("aria-invalid", "true")
    expect(widget.locator(".cb-announce")).to_contain_text("whole number from 0 to 100")
    assert saved(page)["state"] == {"probabilities": {YES: 80}}
    field(widget, NO).fill("0")
    page.reload()
    _, widget = open_forecast(visit, CH8)
    expect(field(widget, YES)).to_have_value("80")
    expect(field(widget, NO)).to_have_value("0")
    # Emptying a field withdraws the forecast.
    field(widget, YES).fill("")
    expect(widget.locator(".cb-announce")).to_contain_text("no forecast")
    assert saved(page)["state"] == {"probabilities": {NO: 0}}


def test_chapter_8_holds_no_outcome_or_resolution(site, visit):
    html = (site / CH8).read_text(encoding="utf-8")
    page, widget = open_forecast(visit, CH8)
    shown = page.locator("body").inner_text()
    for row in FORECASTS.itertuples():
        assert row.question in shown
        assert row.resolution not in html and row.resolution not in shown
    assert '"outcome"' not in html and '"resolution"' not in html


def test_my_answers_lists_and_exports_forecasts_as_text(visit, tmp_path):
    page, _ = forecast(visit, {YES: 80, NO: 20})
    page = visit.open(MY)
    widget = visit.wait_ready(page)
    item = widget.locator(f"li[data-key='{KEY}']")
    expect(item).to_contain_text(FORECASTS.loc[YES, "question"])
    expect(item).to_contain_text("80%")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download answers (JSON)").click()
    path = tmp_path / "answers.json"
    info.value.save_as(path)
    exported = answers.read_answer_file(path)
    assert exported["answers"][KEY]["kind"] == "forecast"
    assert exported["answers"][KEY]["state"] == {"probabilities": {YES: 80, NO: 20}}
    with page.expect_download() as info:
        page.get_by_role("button", name="Download for handing in (Markdown)").click()
    markdown = (tmp_path / "answers.md")
    info.value.save_as(markdown)
    text = markdown.read_text()
    assert "Forecasts, last changed" in text and ":** 80%" in text and ":** 20%" in text


def test_an_imported_file_with_forecasts_reaches_both_chapters_and_its_text_stays_text(new_visit, tmp_path):
    entry = {"kind": "forecast", "title": HOSTILE, "updated": "2026-03-01T10:00:00.000Z",
             "state": {"probabilities": {YES: 80, NO: 20, "constructor": 50}}}
    path = tmp_path / "forecasts.json"
    path.write_text(json.dumps(answers.answer_file({KEY: entry})))
    visit = new_visit()
    page = visit.open(MY)
    widget = visit.wait_ready(page)
    widget.get_by_label("Import answers from a file:").set_input_files(str(path))
    expect(widget.locator(".cb-import-preview li[data-action='add']")).to_have_count(1)
    widget.get_by_role("button", name="Apply the import").click()
    expect(widget.locator(f"li[data-key='{KEY}']")).to_contain_text(HOSTILE)
    assert page.evaluate("document.body.dataset.pwned") is None
    _, chapter_8 = open_forecast(visit, CH8)
    expect(field(chapter_8, YES)).to_have_value("80")
    page, chapter_9 = open_forecast(visit, CH9)
    expect(chapter_9.locator(".cb-score")).to_contain_text("0.040")
    assert page.evaluate("document.body.dataset.pwned") is None


def test_chapter_9_shows_the_forecasts_beside_the_outcomes_with_the_score(visit):
    forecast(visit, {YES: 80, NO: 20})
    page, widget = open_forecast(visit, CH9)
    rows = widget.locator("tbody tr")
    expect(rows).to_have_count(len(FORECASTS))
    for question_id, row in FORECASTS.iterrows():
        cells = widget.locator(f"tbody tr[data-id='{question_id}']")
        expect(cells.locator(".cb-outcome")).to_have_text(row["outcome"].capitalize())
        expect(cells).to_contain_text(row["resolution"])
    expect(widget.locator(f"tr[data-id='{YES}'] .cb-given")).to_have_text("80%")
    expect(widget.locator(f"tr[data-id='{NO}'] .cb-given")).to_have_text("20%")
    others = [i for i in FORECASTS.index if i not in (YES, NO)]
    expect(widget.locator(f"tr[data-id='{others[0]}'] .cb-given")).to_have_text("no forecast")
    score = widget.locator(".cb-score")
    expect(score).to_contain_text("Your Brier score is 0.040")
    expect(score).to_contain_text(f"2 of {len(FORECASTS)} questions")
    expect(score).to_contain_text("0.25")
    # Revealed, the forecasts are read-only: nothing to change after seeing the outcomes.
    expect(widget.locator("input")).to_have_count(0)
    assert not axe_problems(page), axe_problems(page)
    page, _ = open_forecast(visit, CH8)
    assert not axe_problems(page), axe_problems(page)


def test_a_student_without_forecasts_sees_the_questions_and_the_outcomes(visit):
    _, widget = open_forecast(visit, CH9)
    expect(widget.locator(".cb-score")).to_contain_text("You made no forecast")
    for question_id, row in FORECASTS.iterrows():
        cells = widget.locator(f"tbody tr[data-id='{question_id}']")
        expect(cells).to_contain_text(row["question"])
        expect(cells.locator(".cb-given")).to_have_text("no forecast")
        expect(cells.locator(".cb-outcome")).to_have_text(row["outcome"].capitalize())
