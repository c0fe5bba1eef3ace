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
from datetime import datetime, timedelta, timezone
from pathlib import Path

from casebook import answers, data, vocabulary

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
# One synthetic claim per option (casebook.vocabulary), each argued from its own side.
CLAIMS = {
    "sign": "Anthropic should sign: public law, not a vendor's terms, should govern how the military uses a tool it buys.",
    "hold": "Anthropic should hold out for the carve-outs: limits on two areas of use are a line within service, not a refusal.",
    "narrower": "Anthropic should propose narrower limits, defined in advance, that planners can check before an operation.",
    "withdraw": "Anthropic should step back: a supplier that cannot accept the customer's terms should not half-serve it.",
    "accept": "The Pentagon should negotiate limits it can plan around: that keeps a classified-ready model in service.",
    "other-suppliers": "The Pentagon should hold to all lawful uses and buy elsewhere: it cannot plan around terms it cannot foresee.",
    "restrict": "The Pentagon should restrict Anthropic's use now: trust in an operation matters more than one supplier's model.",
    "designate": "The Pentagon should seek a designation through the statute's procedure, and let the risk assessment decide.",
}
# The argument weighers of chapter 6, by proposition: (widget key, title).
WEIGHERS = {
    "P1": ("ch6-weigher", "Should an AI supplier be able to limit military use?"),
    "P2": ("ch6-weigher-response", "How far should the department's response go?"),
}
REASONS = ["Matters most for operations.", "The sources are thin here.", "Decisive for me.", "Less relevant than it looks."]
# Written answers of the kind students give (made up for the demo, as every answer here is).
WRITTEN = [
    "The department's gravest allegation reaches the reader through one unnamed official, so I would want it confirmed before giving it much weight.",
    "Anthropic's demands are described only by unnamed people familiar with the matter, so its side is as hard to check as the Pentagon's.",
    "Most on-record statements are positions, not facts; the facts that matter most come from people the article does not name.",
]


def time_at(minutes: int) -> str:
    return (START + timedelta(minutes=minutes)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def student_answers(rng: random.Random, number: int, case: data.Case) -> dict:
    """One synthetic student's answers to every widget of the student edition."""
    top_weight, top_fit = len(vocabulary.WEIGHTS) - 1, len(vocabulary.FIT) - 1
    arguments = case.table("arguments.csv")
    weighers = {}
    for minute_offset, (proposition, (key, title)) in enumerate(WEIGHERS.items()):
        lean = rng.choice([-1, 0, 1])  # against, undecided, for
        sides = arguments.loc[arguments["proposition_id"] == proposition, "side"]
        weights = {
            argument: max(0, min(top_weight, rng.randint(1, 4) + (lean if side == "for" else -lean)))
            for argument, side in sides.items()
        }
        justifications = {a: rng.choice(REASONS) for a in rng.sample(sorted(weights), 3)}
        weighers[key] = {"kind": "argument-weigher", "title": title, "updated": time_at(number * 7 + 2 + minute_offset),
                         "state": {"weights": weights, "justifications": justifications}}
    labels = {
        statement: label if rng.random() < 0.75 else rng.choice(list(vocabulary.STATEMENT_LABELS))
        for statement, label in case.table("statements.csv")["label"].items()
    }
    dimensions = case.table("analogy_dimensions.csv").index
    ratings = {analogy: {d: rng.randint(0, top_fit) for d in dimensions} for analogy in case.table("analogies.csv").index}
    role = rng.choice(vocabulary.ROLES)
    decision = rng.choice(role["options"])["value"]
    # Forecasts drawn without regard to the outcomes, in steps of five as people tend to
    # give them; about one question in six is left unanswered.
    probabilities = {
        question: rng.randrange(0, 101, 5) for question in case.table("forecasts.csv").index if rng.random() > 1 / 6
    }
    minute = number * 7
    # About two students in three answer the written part of the first exercise on sourcing.
    written = {
        "reading-the-reporting-ex1": {"kind": "written-answer", "title": "Your answer", "updated": time_at(minute + 6),
                                      "state": {"text": rng.choice(WRITTEN)}},
    } if rng.random() < 2 / 3 else {}
    return {
        "ch2-source-check": {"kind": "source-check", "title": "What kind of statement is it?", "updated": time_at(minute),
                             "state": {"labels": labels}},
        "ch5-analogies": {"kind": "analogy-matrix", "title": "How well do the analogies fit the AI case?", "updated": time_at(minute + 1),
                          "state": {"ratings": ratings, "own_analogy": ""}},
        **weighers,
        "ch8-answer": {"kind": "answer-builder", "title": "Your decision, argued", "updated": time_at(minute + 4),
                       "state": {"role": role["value"], "decision": decision, "claim": CLAIMS[decision],
                                 "grounds": "The reporting of 17 February.", "citations": ["albergotti2026"],
                                 "warrant": "A decision-maker should weigh reliability in operations against limits on use.",
                                 "backing": "", "qualifier": "", "rebuttal": ""}},
        "ch8-forecast": {"kind": "forecast", "title": "Your forecasts", "updated": time_at(minute + 5),
                         "state": {"probabilities": probabilities}},
        **written,
    }


def write_demo(folder: str | Path, students: int = 36, seed: int = 2026) -> Path:
    """Write ``students`` synthetic answer files and the broken ones into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    case = data.load_case()
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
