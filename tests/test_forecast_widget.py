"""The forecast kind on the Python side: the questions without their outcomes before the
epilogue, the outcomes only where the edition shows it, the Brier score, and the answer
file's version 4 (which added the kind) reading version 3 files unchanged."""

import json

import pytest
import traitlets

from casebook import answers, data
from casebook.widgets import Forecast, MyAnswers
from casebook.widgets.forecast import brier_score
from support import FIXTURES

pytestmark = pytest.mark.unit


def test_before_the_epilogue_the_widget_holds_the_questions_and_nothing_of_the_outcomes():
    widget = Forecast(key="ch8-forecast")
    forecasts = data.load_forecasts()
    assert [q["id"] for q in widget.config["questions"]] == list(forecasts.index)
    assert all(set(q) == {"id", "question", "closes"} for q in widget.config["questions"])
    assert widget.config["reveal"] is False
    saved_state = json.dumps(widget.get_state(), default=str)
    for row in forecasts.itertuples():
        assert row.resolution not in saved_state
    assert widget.brier_score is None  # nothing to score against


def test_revealed_the_widget_holds_each_outcome_resolution_and_source():
    widget = Forecast(key="ch8-forecast", reveal=True)
    forecasts, sources = data.load_forecasts(), data.load_sources()
    for question in widget.config["questions"]:
        row = forecasts.loc[question["id"]]
        assert question["outcome"] == row["outcome"] and question["resolution"] == row["resolution"]
        assert question["sources"] == [sources.loc[key, "label"] for key in row["source_ids"]]


def test_an_edition_without_the_epilogue_cannot_reveal_the_outcomes(monkeypatch):
    monkeypatch.setenv("CASEBOOK_EPILOGUE", "no")
    with pytest.raises(ValueError, match="leaves out the epilogue"):
        Forecast(key="ch8-forecast", reveal=True)
    assert "outcome" not in Forecast(key="ch8-forecast").config["questions"][0]


def test_brier_score_of_the_forecasts_given():
    widget = Forecast(key="t", reveal=True)
    outcomes = data.load_forecasts()["outcome"]
    yes = next(i for i, o in outcomes.items() if o == "yes")
    no = next(i for i, o in outcomes.items() if o == "no")
    assert widget.brier_score is None
    widget.answer = {"probabilities": {yes: 100, no: 0}}
    assert widget.brier_score == 0
    widget.answer = {"probabilities": {yes: 70, no: 40}}
    assert widget.brier_score == pytest.approx((0.3 ** 2 + 0.4 ** 2) / 2)
    assert widget.probabilities == {yes: 70, no: 40}


def test_brier_score_ignores_forecasts_for_no_question():
    questions = [{"id": "F01", "outcome": "yes"}]
    assert brier_score(questions, {"constructor": 50}) is None
    assert brier_score(questions, {"F01": 50, "constructor": 0}) == 0.25


@pytest.mark.parametrize("probabilities", [{"F01": 101}, {"F01": -1}, {"F01": 42.5}, {"F01": "50"}, {"F01": True}, {"not an id": 5}])
def test_a_forecast_outside_whole_percent_is_refused(probabilities):
    with pytest.raises(traitlets.TraitError, match="not a valid forecast answer"):
        Forecast(key="t").answer = {"probabilities": probabilities}


def test_forecasts_save_and_load_in_an_answer_file(tmp_path):
    path = tmp_path / "answers.json"
    widget = Forecast(key="ch8-forecast")
    widget.answer = {"probabilities": {"F01": 10, "F06": 90}}
    widget.save(path)
    assert json.loads(path.read_text())["version"] == answers.VERSION
    revealed = Forecast(key="ch8-forecast", reveal=True)
    revealed.load(path)
    assert revealed.probabilities == {"F01": 10, "F06": 90} and revealed.brier_score is not None


def test_version_3_answers_are_read_unchanged():
    raw = json.loads((FIXTURES / "valid" / "v3-every-kind.json").read_text())
    document = answers.read_answer_file(FIXTURES / "valid" / "v3-every-kind.json")
    assert document["version"] == answers.VERSION and document["answers"] == raw["answers"]


def test_a_version_3_file_cannot_hold_forecasts_and_a_newer_file_says_so():
    with pytest.raises(answers.AnswerFileError, match="kind"):
        answers.read_answer_file(FIXTURES / "invalid" / "schema-v3-forecast.json")
    with pytest.raises(answers.AnswerFileError, match=f"format version {answers.VERSION + 1}; this one reads up to {answers.VERSION}"):
        answers.read_answer_file(FIXTURES / "invalid" / "newer-version.json")


def test_my_answers_names_the_questions_but_not_the_outcomes():
    names = MyAnswers().config["names"]["forecasts"]
    forecasts = data.load_forecasts()
    assert names == forecasts["question"].to_dict()
