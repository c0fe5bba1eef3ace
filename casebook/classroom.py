"""A class's answer files, read for the instructor, and what the class thinks.

:func:`load_class` reads a folder of the files students downloaded from the My answers
page (each checked and migrated by :mod:`casebook.answers`); the functions after it
summarise the class's answers for the aggregation notebook, without names.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from casebook import vocabulary
from casebook.answers import AnswerFileError, moment, read_answer_file
from casebook.widgets.forecast import brier_score


@dataclass
class ClassAnswers:
    """A folder of students' answer files, read for the instructor.

    ``answers`` has one row per answer (anonymous ``student_id``, the student's name,
    widget key, kind, time and state); ``refused`` lists every file not used, with the
    reason. Files that are fine are used even when others in the folder are broken.
    """

    answers: pd.DataFrame
    refused: pd.DataFrame

    @property
    def students(self) -> int:
        return self.answers["student_id"].nunique()

    def of_kind(self, kind: str) -> pd.DataFrame:
        return self.answers[self.answers["kind"] == kind]


def load_class(folder: str | os.PathLike) -> ClassAnswers:
    """Read every ``*.json`` answer file in ``folder``: check, migrate, and drop duplicates.

    A student who handed in more than one file (the same name, ignoring case and
    spaces) keeps the latest export; the others are listed as duplicates.
    """
    usable, refused = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            document = read_answer_file(path)
        except AnswerFileError as error:
            refused.append({"file": path.name, "reason": error.reason, "message": str(error)})
            continue
        if not document["answers"]:
            refused.append({"file": path.name, "reason": "empty", "message": f"{path.name}: This answer file holds no answers."})
            continue
        usable.append((path.name, document))

    latest: dict[str, tuple[str, dict]] = {}
    for name, document in usable:
        student = " ".join(document.get("student", "").split()).casefold() or f"(unnamed: {name})"
        kept = latest.get(student)
        if kept is None or moment(document["exported"]) > moment(kept[1]["exported"]):
            if kept is not None:
                refused.append(duplicate(kept[0], name))
            latest[student] = (name, document)
        else:
            refused.append(duplicate(name, kept[0]))

    # Students are numbered in a shuffled order, so "Student 3" does not follow file names.
    kept = sorted(latest.values(), key=lambda item: item[0])
    random.Random(0).shuffle(kept)
    rows = []
    for number, (name, document) in enumerate(kept, start=1):
        for key, answer in document["answers"].items():
            rows.append({
                "student_id": f"Student {number}", "student": document.get("student", ""), "file": name,
                "key": key, "kind": answer["kind"], "updated": answer["updated"], "state": answer["state"],
            })
    columns = ["student_id", "student", "file", "key", "kind", "updated", "state"]
    return ClassAnswers(
        answers=pd.DataFrame(rows, columns=columns),
        refused=pd.DataFrame(refused, columns=["file", "reason", "message"]).sort_values("file", ignore_index=True),
    )


def duplicate(older: str, newer: str) -> dict:
    return {"file": older, "reason": "duplicate",
            "message": f"{older}: the same student handed in a later export ({newer}), which is used instead."}


# --------------------------------------------------------------------------- what the class thinks


def one_row_per_item(class_answers: ClassAnswers, kind: str, field: str, item: str, value: str) -> pd.DataFrame:
    """Each entry of the mapping ``field`` in every answer of ``kind``, as a row:
    student_id, key, ``item`` (the entry's id) and ``value``."""
    rows = [
        {"student_id": row.student_id, "key": row.key, item: item_id, value: given}
        for row in class_answers.of_kind(kind).itertuples()
        for item_id, given in row.state[field].items()
    ]
    return pd.DataFrame(rows, columns=["student_id", "key", item, value])


def weights(class_answers: ClassAnswers) -> pd.DataFrame:
    """Every weight given in an argument weigher: student_id, key, argument, weight."""
    return one_row_per_item(class_answers, "argument-weigher", "weights", "argument", "weight")


def weight_distribution(class_answers: ClassAnswers) -> pd.DataFrame:
    """How many students gave each weight of the scale (0 to 5) to each argument."""
    table = weights(class_answers)
    scale = range(len(vocabulary.WEIGHTS))
    return pd.crosstab(table["argument"], table["weight"]).reindex(columns=scale, fill_value=0)


def analogy_fit(class_answers: ClassAnswers) -> pd.DataFrame:
    """The class's mean rating (0 to 4) of each analogy on each dimension."""
    rows = [
        {"analogy": analogy, "dimension": dimension, "rating": rating}
        for state in class_answers.of_kind("analogy-matrix")["state"]
        for analogy, ratings in state["ratings"].items()
        for dimension, rating in ratings.items()
    ]
    table = pd.DataFrame(rows, columns=["analogy", "dimension", "rating"])
    return table.pivot_table(index="analogy", columns="dimension", values="rating", aggfunc="mean")


def decisions(class_answers: ClassAnswers) -> pd.DataFrame:
    """How many students took each option, for every option of each decision-maker.

    Options nobody chose are listed with 0, so that the table shows the whole choice;
    answers without a decision are counted last.
    """
    chosen = pd.Series([state.get("decision", "") for state in class_answers.of_kind("answer-builder")["state"]], dtype=object)
    counts = chosen.value_counts()
    rows = [
        {"decision-maker": role["name"], "decision": option["label"], "students": int(counts.get(option["value"], 0))}
        for role in vocabulary.ROLES
        for option in role["options"]
    ]
    rows.append({"decision-maker": "(none chosen)", "decision": "(no decision yet)", "students": int(counts.get("", 0))})
    return pd.DataFrame(rows, columns=["decision-maker", "decision", "students"])


def source_check_errors(class_answers: ClassAnswers, key: pd.Series) -> pd.DataFrame:
    """For each statement, how many students labelled it and how many got it wrong, worst first.

    ``key`` maps statement ids to their correct label (data.load_statements()["label"]).
    """
    rows = [
        {"statement": statement, "wrong": label != key.get(statement)}
        for state in class_answers.of_kind("source-check")["state"]
        for statement, label in state["labels"].items()
    ]
    table = pd.DataFrame(rows, columns=["statement", "wrong"])
    summary = table.groupby("statement")["wrong"].agg(answered="count", wrong="sum")
    summary["share_wrong"] = summary["wrong"] / summary["answered"]
    return summary.sort_values(["share_wrong", "answered"], ascending=False)


def answer_sample(class_answers: ClassAnswers, size: int = 5, seed: int = 0) -> pd.DataFrame:
    """A random sample of built answers, without names: student_id, role, decision, claim."""
    built = class_answers.of_kind("answer-builder")
    sample = built.sample(n=min(size, len(built)), random_state=seed)
    return sample.assign(
        role=sample["state"].map(lambda state: vocabulary.ROLE_NAMES.get(state["role"], "")),
        decision=sample["state"].map(lambda state: vocabulary.DECISIONS.get(state.get("decision", ""), "")),
        claim=sample["state"].map(lambda state: state["claim"]),
    )[["student_id", "role", "decision", "claim"]].sort_values("student_id", ignore_index=True)


def forecasts(class_answers: ClassAnswers) -> pd.DataFrame:
    """Every forecast given: student_id, key, question (its id) and probability (0 to 100)."""
    return one_row_per_item(class_answers, "forecast", "probabilities", "question", "probability")


# The bands of the forecast distribution: 0-9%, 10-19%, ..., 90-100% (100 joins the top band).
FORECAST_BANDS = [f"{low}-{low + 9}%" for low in range(0, 90, 10)] + ["90-100%"]


def forecast_distribution(class_answers: ClassAnswers) -> pd.DataFrame:
    """For each question, how many students gave a forecast in each band of ten points,
    with the number of forecasts and their median."""
    table = forecasts(class_answers)
    bands = pd.Categorical(
        [FORECAST_BANDS[min(p // 10, 9)] for p in table["probability"]], categories=FORECAST_BANDS,
    )
    counts = pd.crosstab(table["question"], bands).reindex(columns=FORECAST_BANDS, fill_value=0)
    counts.columns = list(FORECAST_BANDS)
    grouped = table.groupby("question")["probability"]
    return counts.assign(forecasts=grouped.count(), median=grouped.median())


def brier_scores(class_answers: ClassAnswers, questions: pd.DataFrame) -> pd.DataFrame:
    """Each student's Brier score, and over how many questions, best first.

    ``questions`` is data.load_forecasts() (its ``outcome`` column); students without a
    forecast on a resolved question are left out, as is the score of an unanswered widget.
    """
    resolved = [{"id": question, "outcome": outcome} for question, outcome in questions["outcome"].items()]
    rows = []
    for row in class_answers.of_kind("forecast").itertuples():
        probabilities = row.state["probabilities"]
        score = brier_score(resolved, probabilities)
        if score is not None:
            answered = sum(question["id"] in probabilities for question in resolved)
            rows.append({"student_id": row.student_id, "key": row.key, "questions": answered, "brier_score": score})
    table = pd.DataFrame(rows, columns=["student_id", "key", "questions", "brier_score"])
    return table.sort_values(["brier_score", "student_id"], ignore_index=True)


def written_answers(class_answers: ClassAnswers) -> pd.DataFrame:
    """Every written answer to an exercise (from the exercise notebooks or the site), without
    names: student_id, exercise (the answer's key), words and text, by exercise."""
    rows = class_answers.of_kind("written-answer")
    table = pd.DataFrame(
        {
            "student_id": rows["student_id"],
            "exercise": rows["key"],
            "text": [state["text"] for state in rows["state"]],
        }
    )
    table["words"] = table["text"].str.split().str.len().astype("Int64")
    table = table[table["text"].str.strip() != ""]
    return table[["student_id", "exercise", "words", "text"]].sort_values(["exercise", "student_id"]).reset_index(drop=True)
