"""The conformance suite (tests/conformance/answer-format.json) against the committed
bundle, in Chromium: the functions it exports for tests, run on a blank page, offline."""

import base64

import pytest

from casebook.widgets import AnswerBuilder
from casebook.widgets.base import STATIC
from conformance import suite
from support import leaves_the_machine

pytestmark = pytest.mark.browser

# Runs every case of every section in the page, and returns results shaped as suite.check_* expects.
RUN_CASES = """async ({ source, cases, files, coreParts }) => {
  const bundle = await import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  const weigher = await bundle.loadKind("argument-weigher");
  const builder = await bundle.loadKind("answer-builder");
  const forecast = await bundle.loadKind("forecast");
  const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  function read(file) {
    try {
      return { answers: bundle.readAnswerFile(bytes(file)).answers };
    } catch (error) {
      if (!(error instanceof bundle.AnswerFileError)) throw error;
      return { reason: error.reason, message: error.message };
    }
  }
  function merge({ existing, incoming }) {
    const { merged, changes } = bundle.mergeAnswers(existing, bundle.checkAnswerFile(incoming).answers);
    return {
      actions: Object.fromEntries(changes.map((change) => [change.key, change.action])),
      titles: Object.fromEntries(changes.map((change) => [change.key, change.title])),
      updated: Object.fromEntries(Object.entries(merged).map(([key, answer]) => [key, answer.updated])),
    };
  }
  function balance({ arguments: list, weights }) {
    const tip = weigher.tippingPoint(list, weights);
    return {
      balance: weigher.balanceOf(list, weights),
      tipping_point: tip && { argument: tip.argument.id, from: tip.from, to: tip.to, change: tip.change, others: tip.others },
    };
  }
  return {
    read: files.map(read),
    merge: cases.merge.map(merge),
    balance: cases.balance.map(balance),
    missing_core_parts: cases.missing_core_parts.map(({ state }) => builder.missingCoreParts(state, { core_parts: coreParts })),
    brier: cases.brier.map(({ questions, probabilities }) => forecast.brierScore(questions, probabilities)),
  };
}"""


@pytest.fixture(scope="module")
def results(browser):
    """What the bundle makes of every case, by section, in the order of the cases."""
    context = browser.new_context()
    external, errors = [], []
    context.route("**/*", lambda route: (external.append(route.request.url), route.abort())
                  if leaves_the_machine(route.request.url) else route.continue_())
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(error.message))
    try:
        results = page.evaluate(RUN_CASES, {
            "source": (STATIC / "casebook.js").read_text(encoding="utf-8"),
            "cases": suite.CASES,
            "files": [base64.b64encode(suite.file_bytes(case)).decode() for case in suite.CASES["read"]],
            "coreParts": AnswerBuilder(key="conformance").config["core_parts"],
        })
    finally:
        context.close()
    assert external == [] and errors == [], (external, errors)
    return results


CHECKS = {"read": suite.check_read, "merge": suite.check_merge, "balance": suite.check_balance,
          "missing_core_parts": suite.check_missing_core_parts, "brier": suite.check_brier}
EVERY_CASE = [(section, index) for section in CHECKS for index in range(len(suite.CASES[section]))]


@pytest.mark.parametrize(("section", "index"), EVERY_CASE, ids=[f"{s}: {suite.CASES[s][i]['name']}" for s, i in EVERY_CASE])
def test_case(results, section, index):
    CHECKS[section](suite.CASES[section][index], results[section][index])
