"""What the exercise notebooks (exercises/) call: ``check`` for instant feedback on a
data exercise, and ``WrittenAnswer`` for a written one, kept in the answer-file format.

A data exercise leaves a blank (``...``) for the student's answer and checks it::

    speakers = ...
    check("reading-the-reporting-ex1", speakers)

``check`` compares the answer with one computed from the case data when it runs (the
functions in casebook/expected/, registered with ``expects``), so that a change to the
data keeps the checks true, and says what is wrong without showing the expected answer.

In a hand-out notebook, ``keep_answers_in("my-answers.json")`` (its first code cell,
casebook/handouts.py adds it) makes every written answer save itself into that answer
file as the student types, and read itself back when the notebook runs again: the file
is what the student hands in, and the class aggregation reads it with every other
answer file (casebook/widgets/written_answer.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casebook.feedback import NOT_ATTEMPTED, RIGHT, WRONG, Feedback, compare
from casebook.widgets.written_answer import WrittenAnswer, keep_answers_in

__all__ = ["WrittenAnswer", "check", "expects", "keep_answers_in"]


@dataclass(frozen=True)
class Expectation:
    """How to compute an exercise's expected answer from the case data, and how to compare."""

    compute: Callable[[], object]
    ordered: bool = False


EXPECTED: dict[str, Expectation] = {}


def expects(label: str, ordered: bool = False):
    """Register the function that computes the expected answer of the exercise ``label``."""

    def register(compute):
        if label in EXPECTED:
            raise ValueError(f"the exercise {label!r} has two expected answers")
        EXPECTED[label] = Expectation(compute, ordered)
        return compute

    return register


def expectation(label: str) -> Expectation:
    import casebook.expected  # noqa: F401  (registers every chapter's expectations)

    if label not in EXPECTED:
        raise KeyError(f"no exercise is labelled {label!r}: check the label in the check(...) call")
    return EXPECTED[label]


def check(label: str, answer) -> Feedback:
    """Whether ``answer`` is right for the exercise ``label``; if not, a hint, never the answer."""
    expected = expectation(label)
    if answer is ... or answer is None:
        return Feedback(label, NOT_ATTEMPTED, "not attempted yet: replace the ... with your answer and run the cell again.")
    wanted = expected.compute()
    try:
        hint = compare(answer, wanted, expected.ordered)
    except Exception as error:  # an answer of a shape no hint foresees: say so, never crash the check
        hint = f"This answer cannot be compared with the one asked for ({type(error).__name__}): is it the kind of result the exercise describes?"
    if hint is None:
        return Feedback(label, RIGHT, "right. Now answer the question the result is for, in your own words.")
    return Feedback(label, WRONG, hint)
