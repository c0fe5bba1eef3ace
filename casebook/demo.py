"""Synthetic answer files for a class that does not exist, to try the aggregation notebook.

    python -m casebook.demo FOLDER [--students 36] [--seed 2026]

Every file is clearly synthetic ("Demo student 07"). The set is reproducible for a
given seed and includes, besides the valid files, one broken file of each kind the
aggregation must refuse: not JSON, empty, another format, an unknown and a newer
version, over 5 MB, a field of the wrong type, and a student who handed in twice.
"""

import argparse
import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from casebook import answers, data
from casebook.widgets.answer_builder import ROLES

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
CLAIMS = {
    "sign": "Anthropic should sign: serving the military on its terms keeps the company inside the room.",
    "hold": "Anthropic should hold out for the carve-outs: the limits are the point of its usage policy.",
    "narrower": "Anthropic should seek narrower terms, agreed in advance, that the Pentagon can plan around.",
    "designate": "The Pentagon should designate: it cannot rely on a supplier that may refuse mid-operation.",
    "not-designate": "The Pentagon should not designate: the statute targets adversaries, not a supplier's terms.",
}
REASONS = ["Matters most for operations.", "The sources are thin here.", "Decisive for me.", "Less relevant than it looks."]


def time_at(minutes: int) -> str:
    return (START + timedelta(minutes=minutes)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Case:
    """The case data the synthetic answers refer to, read once."""

    sides: dict  # argument id -> for / against
    labels: dict  # statement id -> correct label
    analogies: list
    dimensions: list

    @classmethod
    def load(cls) -> "Case":
        return cls(
            sides=data.load_arguments()["side"].to_dict(),
            labels=data.load_statements()["label"].to_dict(),
            analogies=list(data.load_analogies().index),
            dimensions=list(data.load_analogy_dimensions().index),
        )


def student_answers(rng: random.Random, number: int, case: Case) -> dict:
    """One synthetic student's answers to the four widgets of the student edition."""
    lean = rng.choice([-1, 0, 1])  # against, undecided, for
    weights = {
        argument: max(0, min(5, rng.randint(1, 4) + (lean if side == "for" else -lean)))
        for argument, side in case.sides.items()
    }
    labels = {
        statement: label if rng.random() < 0.75 else rng.choice(data.STATEMENT_LABELS)
        for statement, label in case.labels.items()
    }
    ratings = {analogy: {d: rng.randint(0, 4) for d in case.dimensions} for analogy in case.analogies}
    role = rng.choice(ROLES)
    decision = rng.choice(role["options"])["value"]
    minute = number * 7
    return {
        "ch2-source-check": {"kind": "source-check", "title": "What kind of statement is it?", "updated": time_at(minute),
                             "state": {"labels": labels}},
        "ch5-analogies": {"kind": "analogy-matrix", "title": "How well do the analogies fit the AI case?", "updated": time_at(minute + 1),
                          "state": {"ratings": ratings, "own_analogy": ""}},
        "ch6-weigher": {"kind": "argument-weigher", "title": "Should an AI supplier be able to limit military use?", "updated": time_at(minute + 2),
                        "state": {"weights": weights, "justifications": {a: rng.choice(REASONS) for a in rng.sample(sorted(weights), 3)}}},
        "ch8-answer": {"kind": "answer-builder", "title": "Your decision, argued", "updated": time_at(minute + 3),
                       "state": {"role": role["name"], "decision": decision, "claim": CLAIMS[decision],
                                 "grounds": "The reporting of 17 February.", "citations": ["albergotti2026"],
                                 "warrant": "A decision-maker should weigh reliability against limits.",
                                 "backing": "", "qualifier": "", "rebuttal": ""}},
    }


def write_demo(folder: str | Path, students: int = 36, seed: int = 2026) -> Path:
    """Write ``students`` synthetic answer files and the broken ones into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    case = Case.load()
    for number in range(1, students + 1):
        document = answers.answer_file(student_answers(rng, number, case), f"Demo student {number:02d}", time_at(number * 7 + 5))
        (folder / f"demo-student-{number:02d}.json").write_text(json.dumps(document, indent=1))
    # A student who typed markup: the notebook must show it as text.
    hostile = answers.answer_file(student_answers(rng, students + 1, case), "Demo student <b>bold</b>", time_at(students * 7 + 12))
    hostile["answers"]["ch8-answer"]["state"]["claim"] = "<script>alert('demo')</script> is shown as typed."
    (folder / "demo-student-markup.json").write_text(json.dumps(hostile))
    # Student 01 handed in again, later: the earlier file is the duplicate.
    again = json.loads((folder / "demo-student-01.json").read_text())
    again["exported"] = time_at(24 * 60)
    (folder / "demo-student-01-again.json").write_text(json.dumps(again))
    broken = {
        "broken-not-json.json": "{ this is not JSON",
        "broken-empty.json": "",
        "broken-other-format.json": json.dumps({"format": "quiz-results", "version": 1}),
        "broken-newer-version.json": json.dumps({"format": answers.FORMAT, "version": answers.VERSION + 1, "answers": {}}),
        "broken-unknown-version.json": json.dumps({"format": answers.FORMAT, "version": 0, "answers": {}}),
        "broken-wrong-type.json": json.dumps({**answers.answer_file({}, exported=time_at(0)), "answers": {
            "ch6-weigher": {"kind": "argument-weigher", "updated": time_at(0), "state": {"weights": {"A01": "five"}, "justifications": {}}}}}),
        "broken-too-large.json": json.dumps({"format": answers.FORMAT, "padding": "x" * (answers.MAX_BYTES + 1)}),
    }
    for name, text in broken.items():
        (folder / name).write_text(text)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic answer files for the class aggregation notebook.")
    parser.add_argument("folder")
    parser.add_argument("--students", type=int, default=36)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    folder = write_demo(options.folder, options.students, options.seed)
    print(f"wrote {options.students} demo students and the broken files to {folder}")


if __name__ == "__main__":
    main()
