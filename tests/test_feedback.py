"""The checks of the data exercises: each kind of mistake gets its hint, and no hint ever
shows the expected answer."""

import pandas as pd
import pytest

from casebook import exercises
from casebook.feedback import NOT_ATTEMPTED, RIGHT, WRONG, compare

pytestmark = pytest.mark.unit

# Values no student would type, so that a hint that leaked them would show.
EXPECTED = pd.DataFrame({"speaker": ["alpha", "beta", "gamma"], "count": [17, 23, 31]}, index=["S01", "S02", "S03"])


def test_the_same_table_in_another_row_order_is_right_unless_order_is_asked():
    shuffled = EXPECTED.iloc[[2, 0, 1]]
    assert compare(shuffled, EXPECTED) is None
    assert "not in the order" in compare(shuffled, EXPECTED, ordered=True)
    assert compare(EXPECTED.copy(), EXPECTED, ordered=True) is None


def test_numbers_compare_whatever_their_type():
    assert compare(EXPECTED.astype({"count": float}), EXPECTED) is None


@pytest.mark.parametrize(
    "answer, hint",
    [
        (EXPECTED["count"], "single column"),
        ([17, 23, 31], "asks for a table"),
        (EXPECTED[["speaker"]], "lacks the column(s) count"),
        (EXPECTED.assign(extra=1), "does not ask for: extra"),
        (EXPECTED.iloc[:2], "1 row is missing"),
        (pd.concat([EXPECTED, EXPECTED.iloc[[0]].rename(index={"S01": "S09"})]), "should not be there: S09"),
        (pd.concat([EXPECTED, EXPECTED.iloc[[0]]]), "more than once: S01"),
        (EXPECTED.assign(count=[17, 23, 30]), "values in count"),
    ],
    ids=["a series", "a list", "missing column", "extra column", "missing row", "extra row", "repeated row", "wrong value"],
)
def test_each_mistake_gets_its_hint_and_never_the_expected_values(answer, hint):
    message = compare(answer, EXPECTED)
    assert hint in message
    for value in ("17", "23", "31", "alpha", "beta", "gamma"):
        assert value not in message.replace("S01", "").replace("S09", ""), f"the hint shows {value}: {message}"


def test_rows_labelled_by_other_columns_or_in_another_order_are_named():
    table = pd.DataFrame({"side": ["for", "against"], "proposition": ["P1", "P1"], "n": [3, 4]})
    expected = table.set_index(["proposition", "side"])
    assert "wrong order" in compare(table.set_index(["side", "proposition"]), expected)
    assert "labelled by side; the exercise asks for rows labelled by proposition, side" in compare(table.set_index("side")[["n"]], expected)
    assert compare(table.set_index(["proposition", "side"]), expected) is None


def test_series_lists_and_numbers():
    series = EXPECTED["count"]
    assert compare(series.iloc[::-1], series) is None
    assert "values are not" in compare(series + 1, series)
    assert compare(["S02", "S01"], ["S01", "S02"]) is None
    assert "order" in compare(["S02", "S01"], ["S01", "S02"], ordered=True)
    assert "should not be there: S07" in compare(["S01", "S07"], ["S01", "S02"])
    assert "list of ids" in compare("S01", ["S01"])
    assert ".index.tolist()" in compare(EXPECTED, ["S01", "S02"])
    assert "2 entries are missing" in compare(series.iloc[:1], series)
    assert compare(3.0, 3) is None and "not the right number" in compare(4, 3)
    assert "asks for a number" in compare("3", 3)


def test_check_says_not_attempted_right_or_wrong(monkeypatch):
    monkeypatch.setitem(exercises.EXPECTED, "test-exercise", exercises.Expectation(lambda: EXPECTED))
    assert exercises.check("test-exercise", ...).status == NOT_ATTEMPTED
    right = exercises.check("test-exercise", EXPECTED.copy())
    assert right.status == RIGHT and bool(right)
    wrong = exercises.check("test-exercise", EXPECTED.iloc[:1])
    assert wrong.status == WRONG and not wrong
    assert "✗" in str(wrong) and "missing" in wrong._repr_html_()


def test_an_answer_no_hint_foresees_gets_a_hint_not_a_traceback(monkeypatch):
    def cannot_compare(answer, expected, ordered):
        raise TypeError("unhashable type")

    monkeypatch.setitem(exercises.EXPECTED, "test-exercise", exercises.Expectation(lambda: EXPECTED))
    monkeypatch.setattr(exercises, "compare", cannot_compare)
    feedback = exercises.check("test-exercise", EXPECTED)
    assert feedback.status == WRONG and "cannot be compared" in feedback.message


def test_a_hint_is_shown_as_text():
    feedback = exercises.Feedback("x", WRONG, "these rows should not be there: <script>alert(1)</script>")
    assert "<script>" not in feedback._repr_html_() and "&lt;script&gt;" in feedback._repr_html_()


def test_an_unknown_label_says_what_to_fix():
    with pytest.raises(KeyError, match="no exercise is labelled 'no-such-exercise'"):
        exercises.check("no-such-exercise", 1)
