"""Forecasts before the epilogue: a probability (0 to 100%) for each question the epilogue
answers, given at the end of chapter 8 and scored beside what happened in chapter 9."""

from __future__ import annotations

from collections.abc import Mapping

from casebook import data, edition
from casebook.data import source_label
from casebook.schema import by_id
from casebook.widgets.base import AnswerWidget


def forecast_config(reveal: bool) -> dict:
    """The questions, and only when ``reveal`` is true, how each resolved and on what sources.

    Outcomes are what was reported after 17 February 2026: an edition without the
    epilogue must never carry them, so asking for them there is an error.
    """
    if reveal and not edition.shows_epilogue():
        raise ValueError("this edition leaves out the epilogue, so the forecasts' outcomes cannot be shown (reveal=False)")
    forecasts = data.load_forecasts()
    sources = data.load_sources() if reveal else None
    questions = []
    for forecast_id, row in forecasts.iterrows():
        question = {"id": forecast_id, "question": row["question"], "closes": row["closes"].strftime("%Y-%m-%d")}
        if reveal:
            question.update(
                outcome=row["outcome"],
                resolution=row["resolution"],
                sources=[source_label(key, sources) for key in row["source_ids"]],
            )
        questions.append(question)
    return {"reveal": reveal, "questions": questions}


def brier_score(questions: list[dict], probabilities: Mapping[str, int]) -> float | None:
    """The mean, over the questions answered and resolved, of (p/100 − outcome)², where the
    outcome is 1 for yes and 0 for no; None when no resolved question has a forecast.

    0 is perfect; always saying 50% scores 0.25. The browser computes the same
    (src/kinds/forecast.js, brierScore); tests/conformance holds the two to the same cases.
    """
    errors = [
        (probabilities[question["id"]] / 100 - (1 if question["outcome"] == "yes" else 0)) ** 2
        for question in questions
        if "outcome" in question and question["id"] in probabilities
    ]
    return sum(errors) / len(errors) if errors else None


class Forecast(AnswerWidget):
    """Give a probability for each question before reading the epilogue; with ``reveal``, see them scored.

    Chapter 8 asks (``reveal=False``: the questions only); chapter 9 shows the same
    answer, under the same key, beside the outcomes, read-only, with its Brier score.
    """

    _kind = "forecast"
    since_version = 4
    state_schema = {
        "description": "The student's probability, in whole percent, that each question resolves yes.",
        "type": "object",
        "required": ["probabilities"],
        "additionalProperties": False,
        "properties": {"probabilities": by_id({"type": "integer", "minimum": 0, "maximum": 100})},
    }

    def __init__(self, *, key: str, reveal: bool = False, title: str = "Your forecasts", **kwargs):
        super().__init__(key=key, title=title, config=forecast_config(reveal), answer={"probabilities": {}}, **kwargs)

    @property
    def probabilities(self) -> dict[str, int]:
        """The student's forecasts, by question id, in whole percent."""
        return dict(self.answer["probabilities"])

    @property
    def brier_score(self) -> float | None:
        """The Brier score of the forecasts given (None when none is given, or the outcomes are not revealed)."""
        return brier_score(self.config["questions"], self.answer["probabilities"])
