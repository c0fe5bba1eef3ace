"""The conformance suite (tests/conformance/answer-format.json) against Python: the
answer-file format of casebook.answers, and the scores of the widget classes."""

import pytest

from casebook import answers
from casebook.widgets import AnswerBuilder, ArgumentWeigher
from casebook.widgets.forecast import brier_score
from conformance import suite

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("case", suite.CASES["read"], ids=suite.names("read"))
def test_read(case):
    try:
        document = answers.parse_answer_file(suite.file_bytes(case))
    except answers.AnswerFileError as error:
        result = {"reason": error.reason, "message": str(error)}
    else:
        result = {"answers": document["answers"]}
    suite.check_read(case, result)


@pytest.mark.parametrize("case", suite.CASES["merge"], ids=suite.names("merge"))
def test_merge(case):
    incoming = answers.check_answer_file(case["incoming"])
    merged, changes = answers.merge_answers(case["existing"], incoming["answers"])
    suite.check_merge(case, {
        "actions": {change.key: change.action for change in changes},
        "titles": {change.key: change.title for change in changes},
        "updated": {key: answer["updated"] for key, answer in merged.items()},
    })


@pytest.fixture(scope="module")
def weigher():
    return ArgumentWeigher(key="conformance")


@pytest.mark.parametrize("case", suite.CASES["balance"], ids=suite.names("balance"))
def test_balance(case, weigher):
    weigher.config = {**weigher.config, "arguments": case["arguments"]}
    weigher.answer = {"weights": case["weights"], "justifications": {}}
    suite.check_balance(case, {"balance": weigher.balance})


@pytest.fixture(scope="module")
def builder():
    return AnswerBuilder(key="conformance")


@pytest.mark.parametrize("case", suite.CASES["missing_core_parts"], ids=suite.names("missing_core_parts"))
def test_missing_core_parts(case, builder):
    builder.answer = case["state"]
    suite.check_missing_core_parts(case, builder.missing)


@pytest.mark.parametrize("case", suite.CASES["brier"], ids=suite.names("brier"))
def test_brier(case):
    suite.check_brier(case, brier_score(case["questions"], case["probabilities"]))


def test_every_section_of_the_suite_is_run():
    """Here and in tests/browser/test_bundle_conformance.py: a new section needs a runner in both."""
    assert set(suite.CASES) == {"description", "read", "merge", "balance", "missing_core_parts", "brier"}
