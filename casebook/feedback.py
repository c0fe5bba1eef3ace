"""Instant feedback on a data exercise: compare a student's answer with the expected one
and say what is wrong, without ever showing the expected answer.

The hints name what the student can see in their own answer (a column they should not
have, a row that should not be there, a column whose values are off) and only count
what is missing. casebook.exercises computes the expected answers from the case data.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass
from numbers import Number

import numpy as np
import pandas as pd

NOT_ATTEMPTED = "not attempted"
RIGHT = "right"
WRONG = "wrong"
# How many of the student's own wrong rows or items a hint names.
NAMED = 5
SYMBOLS = {NOT_ATTEMPTED: "…", RIGHT: "✓", WRONG: "✗"}


@dataclass(frozen=True)
class Feedback:
    """What a check found: its ``status`` (not attempted, right or wrong) and a message."""

    label: str
    status: str
    message: str

    def __bool__(self) -> bool:
        return self.status == RIGHT

    def __str__(self) -> str:
        return f"{SYMBOLS[self.status]} {self.label}: {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (
            f'<p class="cb-feedback cb-feedback-{self.status.replace(" ", "-")}" role="status">'
            f"<strong>{SYMBOLS[self.status]} {html.escape(self.label)}</strong>: {html.escape(self.message)}</p>"
        )


def compare(answer, expected, ordered: bool = False) -> str | None:
    """None when ``answer`` matches ``expected``; otherwise a hint about what is wrong.

    Tables and series match when they hold the same rows (by index), columns and values;
    the order of the rows counts only when ``ordered``. Collections of ids match as sets
    (as sequences when ``ordered``). Numbers match within a small tolerance.
    """
    if isinstance(expected, pd.DataFrame):
        return compare_tables(answer, expected, ordered)
    if isinstance(expected, pd.Series):
        return compare_series(answer, expected, ordered)
    if isinstance(expected, Number) and not isinstance(expected, bool):
        if not isinstance(answer, Number) or isinstance(answer, bool):
            return f"The answer is {kind_of(answer)}; the exercise asks for a number."
        return None if np.isclose(float(answer), float(expected)) else "That is not the right number: check how you counted or filtered."
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return f"The answer is {kind_of(answer)}; the exercise asks for a text (a string)."
        return None if answer.strip().casefold() == expected.strip().casefold() else "That is not the answer the data gives."
    if isinstance(expected, Collection):
        return compare_items(answer, expected, ordered)
    return None if answer == expected else "That is not the answer the data gives."


def kind_of(value) -> str:
    if isinstance(value, pd.DataFrame):
        return "a table (DataFrame)"
    if isinstance(value, pd.Series):
        return "a column (Series)"
    return f"a {type(value).__name__}"


def compare_tables(answer, expected: pd.DataFrame, ordered: bool) -> str | None:
    if isinstance(answer, pd.Series):
        return (
            "The answer is a single column (a Series); the exercise asks for a table: a long Series from a groupby "
            "becomes one with `.unstack()`, a single column with `.to_frame()`, and columns are kept as a table with a list, `[[...]]`."
        )
    if not isinstance(answer, pd.DataFrame):
        return f"The answer is {kind_of(answer)}; the exercise asks for a table (a DataFrame)."
    columns, wanted = [str(c) for c in answer.columns], [str(c) for c in expected.columns]
    missing = [c for c in wanted if c not in columns]
    extra = [c for c in columns if c not in wanted]
    if missing or extra:
        hints = []
        if missing:
            hints.append(f"it lacks the column(s) {', '.join(missing)}")
        if extra:
            hints.append(f"it has column(s) the exercise does not ask for: {', '.join(extra)}")
        return "The table has the wrong columns: " + "; ".join(hints) + "."
    levels = index_levels(answer.index, expected.index)
    if levels:
        return levels
    rows = compare_rows(answer.index, expected.index, ordered, "row")
    if rows:
        return rows
    answer = answer.rename(columns=str)[wanted].loc[expected.index]
    differing = [c for c in wanted if not same_values(answer[c], expected.rename(columns=str)[c])]
    if differing:
        return f"The rows and columns are right, but the values in {', '.join(differing)} are not: check how you computed them."
    return None


def compare_series(answer, expected: pd.Series, ordered: bool) -> str | None:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, pd.Series):
        return f"The answer is {kind_of(answer)}; the exercise asks for one column of values (a Series)."
    rows = index_levels(answer.index, expected.index) or compare_rows(answer.index, expected.index, ordered, "entry")
    if rows:
        return rows
    if not same_values(answer.loc[expected.index], expected):
        return "The entries are the right ones, but some of their values are not: check how you computed them."
    return None


def index_levels(index: pd.Index, wanted: pd.Index) -> str | None:
    """A hint when the rows are labelled by other columns than the exercise asks for."""
    names, wanted_names = [str(n) for n in index.names], [str(n) for n in wanted.names]
    if names == wanted_names or all(n is None for n in wanted.names):
        return None
    if sorted(names) == sorted(wanted_names):
        return f"The rows are labelled by {', '.join(names)} in the wrong order: the exercise asks for {', '.join(wanted_names)}."
    return f"The rows are labelled by {', '.join(names)}; the exercise asks for rows labelled by {', '.join(wanted_names)}."


def compare_rows(index: pd.Index, wanted: pd.Index, ordered: bool, noun: str) -> str | None:
    """A hint when ``index`` does not hold the rows of ``wanted`` (in its order, when ``ordered``)."""
    if index.has_duplicates:
        return f"Some {plural(noun)} appear more than once: {', '.join(map(str, index[index.duplicated()].unique()[:NAMED]))}."
    extra = [label for label in index if label not in wanted]
    missing = [label for label in wanted if label not in index]
    if extra or missing:
        hints = []
        if extra:
            hints.append(f"these {plural(noun)} should not be there: {', '.join(map(str, extra[:NAMED]))}" + (" …" if len(extra) > NAMED else ""))
        if missing:
            hints.append(f"{len(missing)} {plural(noun) + ' are' if len(missing) > 1 else noun + ' is'} missing")
        return f"Not the right {plural(noun)}: " + "; ".join(hints) + "."
    if ordered and list(index) != list(wanted):
        return f"The {plural(noun)} are the right ones, but not in the order the exercise asks for."
    return None


def plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def compare_items(answer, expected: Collection, ordered: bool) -> str | None:
    if isinstance(answer, pd.DataFrame):
        return "The answer is a table (DataFrame); the exercise asks for a list of ids: try `.index.tolist()` on the rows you kept."
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Collection):
        return f"The answer is {kind_of(answer)}; the exercise asks for a list of ids."
    answer, expected = list(answer), list(expected)
    return compare_rows(pd.Index(answer), pd.Index(expected), ordered, "item")


def same_values(answer: pd.Series, expected: pd.Series) -> bool:
    if pd.api.types.is_numeric_dtype(expected) and pd.api.types.is_numeric_dtype(answer):
        return bool(np.allclose(answer.to_numpy(dtype=float), expected.to_numpy(dtype=float), equal_nan=True))
    return answer.astype(str).tolist() == expected.astype(str).tolist()
