"""Each widget on the built site, offline, in Chromium: it renders, answers to mouse and
keyboard, keeps the student's work across reloads, and survives broken storage."""

import json

import pytest
from playwright.sync_api import expect

from casebook import answers, vocabulary
from casebook.widgets.base import STATIC
from conformance.suite import FIXTURES
from helpers import CH2, CH5, CH6, CH8, HOSTILE, STORAGE_REFUSED, saved, storage_key, weigh
from support import storage_full_for

pytestmark = pytest.mark.browser


# ------------------------------------------------------------------ argument weigher

WORKED_EXAMPLE = {"A01": 5, "A02": 4, "A03": 3, "A05": 2, "A06": 1, "A07": 0, "A08": 0, "A09": 0, "A10": 0, "A11": 0,
                  "B01": 5, "B02": 4, "B03": 3, "B04": 2, "B05": 0, "B06": 0, "B07": 0, "B08": 0, "B09": 0, "B10": 0, "B11": 0}


def test_weigher_balance_and_tipping_point_on_a_case_worked_by_hand(visit):
    """For: 5+4+3+2+1 = 15. Against: 5+4+3+2 = 14, the rest 0. Balance +1, so reversing it needs a change of 2.

    Lowering A01 (5→3), A02 (4→2), A03 (3→1) or A05 (2→0) would do, and so would raising
    B03 (3→5), B04 (2→4) or any of B05 to B11 (0→2): thirteen candidates. The heaviest is A01.
    """
    visit.open(CH6)
    widget = visit.wait_ready()
    for argument_id, weight in WORKED_EXAMPLE.items():
        weigh(widget, argument_id, weight)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +1")
    expect(widget.locator(".cb-verdict")).to_contain_text("for the proposition prevail")
    tipping = widget.locator(".cb-tipping")
    expect(tipping).to_have_attribute("data-argument", "A01")
    expect(tipping).to_contain_text("lowering “Limits within a usage policy still serve security” from 5 to 3")
    expect(tipping).to_contain_text("12 other single changes of 2 would too")
    expect(widget.locator(".cb-progress")).to_have_text(f"{len(WORKED_EXAMPLE)} of {len(WORKED_EXAMPLE)} arguments weighed.")


def test_weigher_says_when_no_single_change_can_reverse_it(visit):
    visit.open(CH6)
    widget = visit.wait_ready()
    for argument_id in ("A01", "A02", "A03", "A05", "A06"):
        weigh(widget, argument_id, 5)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +25")
    expect(widget.locator(".cb-tipping")).to_contain_text("no change to a single argument's weight could reverse")


def test_weigher_works_from_the_keyboard(visit):
    page = visit.open(CH6)
    widget = visit.wait_ready()
    against = widget.locator("li.cb-argument[data-id='B01']")
    against.get_by_role("radio", name="0 irrelevant").focus()
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(against.get_by_role("radio", name="3 important")).to_be_checked()
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: -3")
    page.keyboard.press("Tab")
    page.keyboard.type("Operations need certainty.")
    assert saved(page, "ch6-weigher")["state"] == {"weights": {"B01": 3}, "justifications": {"B01": "Operations need certainty."}}


def test_weigher_restores_after_reload(visit):
    page = visit.open(CH6)
    widget = visit.wait_ready()
    weigh(widget, "A03", 4)
    widget.locator("li.cb-argument[data-id='A03'] input[type=text]").fill("Matches the directive.")
    page.reload()
    widget = visit.wait_ready()
    expect(widget.locator("li.cb-argument[data-id='A03']").get_by_role("radio", name="4 strong")).to_be_checked()
    expect(widget.locator("li.cb-argument[data-id='A03'] input[type=text]")).to_have_value("Matches the directive.")
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +4")


def test_result_is_announced_to_screen_readers(visit):
    visit.open(CH6)
    widget = visit.wait_ready()
    expect(widget.locator(".cb-result")).to_have_attribute("aria-live", "polite")
    assert widget.locator(".cb-bar").get_attribute("role") == "img"


# ------------------------------------------------------------------ analogy matrix


def test_analogy_matrix_by_mouse_and_keyboard(visit):
    page = visit.open(CH5)
    widget = visit.wait_ready()
    jet = widget.get_by_role("combobox", name="How well does “A fighter jet's G-force limit” match the AI case on general purpose?")
    jet.select_option("0")
    control = widget.get_by_role("combobox", name="How well does “A fighter jet's G-force limit” match the AI case on control after delivery?")
    control.focus()
    page.keyboard.press("ArrowDown")  # from "– rate –" to "0 not at all"
    page.keyboard.press("ArrowDown")  # to "1 barely"
    page.keyboard.press("ArrowDown")  # to "2 partly"
    expect(control).to_have_value("2")
    row = widget.locator("tr[data-analogy='fighter-jet']")
    expect(row.locator(".cb-fit")).to_have_text("1.0 of 4 (2 of 5 rated)")
    expect(row.locator(".cb-breaks")).to_have_text("Breaks on: General purpose")


def test_own_analogy_is_named_rated_and_shown_as_text(visit):
    page = visit.open(CH5)
    widget = visit.wait_ready()
    widget.get_by_label("Your own analogy (name it):").fill(HOSTILE)
    widget.get_by_role("combobox", name="How well does your own analogy match the AI case on remote switch-off?").select_option("4")
    row = widget.locator("tr[data-analogy='own']")
    expect(row.locator("th")).to_have_text(HOSTILE)
    expect(row.locator(".cb-fit")).to_have_text("4.0 of 4 (1 of 5 rated)")
    assert page.evaluate("document.body.dataset.pwned") is None
    page.reload()
    widget = visit.wait_ready()
    expect(widget.get_by_label("Your own analogy (name it):")).to_have_value(HOSTILE)


# ------------------------------------------------------------------ source check


def test_source_check_gives_feedback_with_the_attribution(visit):
    page = visit.open(CH2)
    widget = visit.wait_ready()
    s01 = widget.locator("li.cb-statement[data-id='S01']")
    s01.get_by_text("Denial", exact=True).click()
    expect(s01.locator(".cb-feedback")).to_contain_text("✗ Not quite")
    expect(s01.locator(".cb-feedback")).to_contain_text("Attribution in the text: A statement to Semafor from the Chief Pentagon Spokesman.")
    s01.get_by_text("On-record claim", exact=True).click()
    expect(s01.locator(".cb-feedback")).to_contain_text("✓ Correct")
    expect(widget.locator(".cb-score")).to_have_text("1 of 19 labelled; 1 correct.")
    # by keyboard: the next statement
    s02 = widget.locator("li.cb-statement[data-id='S02']")
    s02.get_by_role("radio", name="Reported fact").focus()
    page.keyboard.press("Space")
    expect(s02.locator(".cb-feedback")).to_contain_text("✓ Correct")
    page.reload()
    widget = visit.wait_ready()
    expect(widget.locator("li.cb-statement[data-id='S01']").get_by_role("radio", name="On-record claim")).to_be_checked()
    expect(widget.locator(".cb-score")).to_have_text("2 of 19 labelled; 2 correct.")


# ------------------------------------------------------------------ answer builder


def test_answer_builder_checks_completeness_and_previews_text_literally(visit):
    page = visit.open(CH8)
    widget = visit.wait_ready()
    expect(widget.locator(".cb-completeness")).to_contain_text("a decision-maker, a decision, claim, grounds, warrant")
    widget.get_by_text("Dario Amodei, Anthropic's CEO:", exact=False).click()
    widget.get_by_role("radio", name=vocabulary.DECISIONS["narrower"], exact=True).check()
    widget.get_by_role("textbox", name="Claim").fill(HOSTILE)
    widget.get_by_role("textbox", name="Grounds").fill("The carve-outs concern two areas.")
    expect(widget.locator(".cb-completeness")).to_contain_text("warrant, a source for the grounds")
    widget.get_by_label("Albergotti, 2026:", exact=False).check()
    widget.get_by_role("textbox", name="Warrant").fill("Precise limits serve the customer.")
    expect(widget.locator(".cb-completeness")).to_have_attribute("data-complete", "true")
    preview = widget.locator(".cb-preview")
    expect(preview).to_contain_text("As Dario Amodei, Anthropic's CEO: Propose narrower, precisely defined limits")
    expect(preview).to_contain_text(f"Claim: {HOSTILE}")
    expect(preview).to_contain_text("Sources: Albergotti, 2026")
    assert preview.locator("img, script").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None
    entry = saved(page, "ch8-answer")
    assert entry["state"]["claim"] == HOSTILE and entry["state"]["citations"] == ["albergotti2026"]
    assert entry["state"]["role"] == "anthropic" and entry["state"]["decision"] == "narrower"
    assert answers.VALIDATOR.is_valid(answers.answer_file({"ch8-answer": entry}))


# ------------------------------------------------------------------ broken storage


def test_widget_works_and_says_so_when_storage_is_disabled(new_visit):
    visit = new_visit()
    visit.context.add_init_script(STORAGE_REFUSED)
    visit.open(CH6)
    widget = visit.wait_ready()
    expect(widget.locator(".cb-status")).to_contain_text("not letting this page save answers")
    weigh(widget, "A01", 5)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +5")
    # new_visit asserts that no script on the page threw, the theme's included.


def test_widget_says_so_when_storage_is_full(new_visit):
    visit = new_visit()
    visit.context.add_init_script(storage_full_for("key.includes(':answer:')"))
    visit.open(CH6)
    widget = visit.wait_ready()
    expect(widget.locator(".cb-status")).to_be_hidden()
    weigh(widget, "A01", 2)
    expect(widget.locator(".cb-status")).to_contain_text("storage is full")
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +2")


def test_corrupt_saved_value_is_kept_aside_and_the_widget_starts_empty(visit):
    page = visit.open(CH6)
    visit.wait_ready()
    page.evaluate("key => localStorage.setItem(key, '{not json')", storage_key("ch6-weigher"))
    page.reload()
    widget = visit.wait_ready()
    expect(widget.locator(".cb-status")).to_contain_text("could not be read")
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':unreadable:ch6-weigher:'))")
    assert len(kept) == 1 and page.evaluate("k => localStorage.getItem(k)", kept[0]) == "{not json"
    weigh(widget, "B02", 1)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: -1")
    assert saved(page, "ch6-weigher")["state"]["weights"] == {"B02": 1}


def test_answer_saved_by_format_version_one_is_migrated(visit):
    page = visit.open(CH2)
    visit.wait_ready()
    old = {"kind": "source-check", "title": "Old", "state": {"labels": {"S04": "denial"}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key("ch2-source-check", version=1), json.dumps(old)])
    page.reload()
    widget = visit.wait_ready()
    expect(widget.locator("li.cb-statement[data-id='S04']").get_by_role("radio", name="Denial")).to_be_checked()
    migrated = saved(page, "ch2-source-check")
    assert migrated["updated"] == answers.UNDATED and migrated["state"] == old["state"]


def test_a_version_two_decision_is_migrated_and_a_retired_choice_is_shown_until_replaced(visit):
    page = visit.open(CH8)
    visit.wait_ready()
    old = json.loads((FIXTURES / "valid" / "v2-retired-decision.json").read_text())["answers"]["ch8-answer"]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key("ch8-answer", version=2), json.dumps(old)])
    page.reload()
    widget = visit.wait_ready()
    notice = widget.get_by_role("status").filter(has_text="no longer offered")
    expect(notice).to_contain_text(vocabulary.V2_RETIRED_DECISIONS["not-designate"])
    expect(widget.get_by_role("radio", name="Pete Hegseth, Defense Secretary:", exact=False)).to_be_checked()
    expect(widget.get_by_role("textbox", name="Claim")).to_have_value(old["state"]["claim"])
    migrated = saved(page, "ch8-answer")
    assert migrated["state"]["role"] == "pentagon" and migrated["state"]["decision"] == ""
    assert migrated["updated"] == old["updated"]
    widget.get_by_role("radio", name=vocabulary.DECISIONS["designate"], exact=True).check()
    expect(notice).to_have_count(0)
    assert "earlier_choice" not in saved(page, "ch8-answer")["state"]


@pytest.mark.parametrize("path", [CH2, CH5, CH6, CH8])
def test_every_widget_on_a_widget_page_starts(visit, path):
    page = visit.open(path)
    views = page.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
    assert views >= 1
    expect(page.locator(".cb-widget[data-ready='true']")).to_have_count(views)
    expect(page.locator(".cb-host-note")).to_have_count(0)


# ------------------------------------------------------------------ live, in Jupyter

# A widget rendered as anywidget renders it live in JupyterLab: a model and no host.
# The test records which traits the front end sets when the student answers.
LIVE = """async (source) => {
  const bundle = await import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  const state = {
    kind: "source-check", key: "ch2-source-check", title: "", answer: { labels: {} }, updated: "2026-01-01T00:00:00.000Z",
    config: { statements: [{ id: "S01", text: "A statement.", label: "denial", attribution: "A spokesman.", explanation: "Why." }] },
  };
  const sent = [];
  const model = {
    get: (name) => state[name],
    set(name, value) { state[name] = value; sent.push(name); },
    on() {}, off() {}, save_changes() {}, send() {},
  };
  const el = document.createElement("div");
  document.body.append(el);
  await bundle.default.render({ model, el });
  el.querySelector("input[type=radio]").click();
  return { sent, state };
}"""


def test_live_the_browser_sends_only_the_answer_and_the_kernel_dates_it(browser):
    """casebook/widgets/base.py dates every change of the answer with the kernel's clock;
    a time set by the browser would only be overwritten, so it sends none."""
    page = browser.new_page()
    try:
        result = page.evaluate(LIVE, (STATIC / "casebook.js").read_text(encoding="utf-8"))
    finally:
        page.close()
    assert result["sent"] == ["answer"]
    assert result["state"]["answer"] == {"labels": {"S01": "reported-fact"}}
    assert result["state"]["updated"] == "2026-01-01T00:00:00.000Z"
