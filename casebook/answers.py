"""The answer-file format: read, check, migrate, merge and write students' answers.

The format is defined once, as the JSON Schema ``answers.schema.json`` beside this
file; the browser checks files against the same schema. An answer file is::

    {"format": "casebook-answers", "version": 3, "student": "…",
     "exported": "2026-02-17T22:30:00.000Z",
     "answers": {"<widget key>": {"kind": "argument-weigher", "title": "…",
                                  "updated": "…", "state": {…}}}}

A file that is not valid is refused with a message a student can act on, and
nothing already saved is touched.
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NoReturn

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from casebook import vocabulary

FORMAT = "casebook-answers"
VERSION = 3
MAX_BYTES = 5 * 1024 * 1024
SCHEMA_PATH = Path(__file__).with_name("answers.schema.json")
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
KEY_PATTERN = re.compile(SCHEMA["$defs"]["key"]["pattern"])
# The same schema compiled to Python code: about fifty times faster, for reading a whole
# class's files. fastjsonschema knows draft 7, which means the same for this schema (it
# puts no keyword beside a $ref); jsonschema, above, still explains any failure.
# (It rewrites the schema it is given, hence the deep copy.)
FAST_VALIDATE = fastjsonschema.compile({**copy.deepcopy(SCHEMA), "$schema": "http://json-schema.org/draft-07/schema#"})
KNOWN_VERSIONS = tuple(SCHEMA["properties"]["version"]["enum"])

# Answers of version 1 carry no time; they count as older than any dated answer.
UNDATED = "1970-01-01T00:00:00.000Z"
# How deep a file may nest its values. An answer file needs 7; much deeper files are
# refused before they are checked, the same way in the browser, and before Python's
# parser runs out of stack (at about a thousand).
MAX_DEPTH = 32


class AnswerFileError(ValueError):
    """An answer file that cannot be used; the message says why and what to do.

    ``reason`` is a short code: broken, empty, too-large, other-format,
    unknown-version, newer-version or invalid.
    """

    def __init__(self, message: str, reason: str = "invalid"):
        super().__init__(message)
        self.reason = reason


def now() -> str:
    """The current UTC time as the format writes it (milliseconds, 'Z')."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def moment(time: str) -> datetime:
    """A time of the format as a datetime; compare these, not the strings ('…00Z' sorts after '…00.5Z')."""
    return datetime.fromisoformat(time.replace("Z", "+00:00"))


def check_answer_file(document: object) -> dict:
    """A parsed answer file, checked and migrated to the current version.

    Raises AnswerFileError for another format, an unknown or newer version, or
    any field that breaks the schema.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise AnswerFileError("This is not a casebook answer file (its 'format' is not 'casebook-answers').", "other-format")
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise AnswerFileError(
            f"This answer file was made by a newer version of the casebook (format version {version}; "
            f"this one reads up to {VERSION}). Use the newer casebook to open it.",
            "newer-version",
        )
    if version not in KNOWN_VERSIONS or isinstance(version, bool):
        raise AnswerFileError(f"This answer file has an unknown format version ({json.dumps(version)}).", "unknown-version")
    if not is_valid(document):
        # jsonschema explains the failure; should it ever disagree, the file is still refused.
        error = best_match(VALIDATOR.iter_errors(document))
        where, problem = "the file", "it breaks the schema"
        if error is not None:
            where = " → ".join(str(part) for part in error.absolute_path) or where
            problem = explain(error)
        raise AnswerFileError(f"This answer file does not match the answer-file format: at {where}, {problem}.")
    impossible = impossible_time(document)
    if impossible:
        raise AnswerFileError(f"This answer file does not match the answer-file format: {impossible}.")
    return migrate(document)


def impossible_time(document: dict) -> str | None:
    """The first time the schema's pattern accepts but the calendar does not (30 February, hour 25)."""
    times = [("exported", document["exported"])]
    times += [(f"answers → {key} → updated", answer["updated"]) for key, answer in document["answers"].items() if "updated" in answer]
    for where, time in times:
        try:
            moment(time)
        except ValueError:
            return f"at {where}, {json.dumps(time)} is not a real time"
    return None


def is_valid(document: object) -> bool:
    try:
        FAST_VALIDATE(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def explain(error) -> str:
    """jsonschema's message, or the schema's own description where a raw pattern would mean nothing."""
    if error.validator == "pattern" and "description" in error.schema:
        expected = error.schema["description"].rstrip(".")
        return f"{error.instance!r} is not valid here (expected: {expected})"
    return error.message


def migrate(document: dict) -> dict:
    """A valid answer file of any known version, as the current version."""
    answers = {key: migrate_answer(answer, document["version"]) for key, answer in document["answers"].items()}
    return {**document, "version": VERSION, "answers": answers}


def migrate_answer(answer: dict, version: int) -> dict:
    """One answer saved under ``version``, as the current version.

    Version 1 answers carry no time. Version 2 named the decision-maker in words and
    offered options since retired: the name becomes its id, and a choice with no
    equivalent now is kept, in words, as ``earlier_choice`` (never dropped).
    """
    if version == 1:
        answer = {**answer, "updated": UNDATED}
    if version <= 2 and answer["kind"] == "answer-builder":
        state = dict(answer["state"])
        earlier = []
        role = vocabulary.V2_ROLES.get(state["role"], "")
        if state["role"] and not role:
            earlier.append(f"decision-maker: {state['role']}")
        decision = state.get("decision", "")
        if decision in vocabulary.V2_RETIRED_DECISIONS:
            earlier.append(vocabulary.V2_RETIRED_DECISIONS[decision])
            decision = ""
        state.update(role=role, decision=decision)
        if earlier:
            state["earlier_choice"] = "; ".join(earlier)
        answer = {**answer, "state": state}
    return answer


def parse_answer_file(raw: bytes) -> dict:
    """The bytes of an answer file, checked and migrated; see :func:`check_answer_file`."""
    if len(raw) > MAX_BYTES:
        raise AnswerFileError(
            f"This file is too large ({len(raw) / 1024 / 1024:.1f} MB); an answer file is at most 5 MB.", "too-large"
        )
    if not raw.strip():
        raise AnswerFileError("This file is empty.", "empty")
    too_deep = AnswerFileError(f"This file nests its values more than {MAX_DEPTH} deep, so it cannot be an answer file.")
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=not_json)
    except RecursionError:
        raise too_deep from None
    except ValueError:  # not UTF-8, not JSON, or NaN and Infinity, which JSON does not have
        raise AnswerFileError("This is not a JSON file, so it cannot be an answer file.", "broken") from None
    if depth(document) > MAX_DEPTH:
        raise too_deep
    return check_answer_file(document)


def not_json(constant: str) -> NoReturn:
    """Refuse NaN, Infinity and -Infinity, which Python's json reads but JSON (and the browser) do not have."""
    raise ValueError(f"{constant} is not JSON")


def depth(value: object) -> int:
    """How deep ``value`` nests lists and objects (a bare value is 1), counted up to MAX_DEPTH + 1.

    Without recursion, which a hostile file could exhaust.
    """
    deepest, stack = 0, [(value, 1)]
    while stack and deepest <= MAX_DEPTH:
        node, level = stack.pop()
        deepest = max(deepest, level)
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, level + 1) for child in children)
    return deepest


def read_answer_file(path: str | os.PathLike) -> dict:
    """Read, check and migrate the answer file at ``path``."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise AnswerFileError(f"{path.name} is too large; an answer file is at most 5 MB.", "too-large")
    try:
        return parse_answer_file(path.read_bytes())
    except AnswerFileError as error:
        raise AnswerFileError(f"{path.name}: {error}", error.reason) from None


def answer_file(answers: dict, student: str | None = None, exported: str | None = None) -> dict:
    """A current-version answer file holding ``answers``, checked against the schema."""
    document = {"format": FORMAT, "version": VERSION, "exported": exported or now(), "answers": answers}
    if student:
        document["student"] = student
    return check_answer_file(document)


def write_answer_file(path: str | os.PathLike, answers: dict, student: str | None = None) -> None:
    """Write an answer file atomically: a failed write leaves any existing file as it was."""
    document = answer_file(answers, student)
    path = Path(path)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as f:
        temporary = Path(f.name)
    try:
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)  # an ordinary file, not the temporary file's owner-only mode
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@dataclass(frozen=True)
class Change:
    """What merging one incoming answer does: 'add', 'replace' (it is newer) or 'keep' (ours is as new)."""

    key: str
    action: str
    kind: str
    title: str


def merge_answers(existing: dict, incoming: dict) -> tuple[dict, list[Change]]:
    """Merge ``incoming`` answers into ``existing`` by widget key, the newer answer winning.

    Nothing is ever deleted: keys only in ``existing`` stay as they are.
    """
    merged = dict(existing)
    changes = []
    for key, answer in incoming.items():
        ours = existing.get(key)
        if ours is None:
            action = "add"
        elif moment(answer["updated"]) > moment(ours["updated"]):
            action = "replace"
        else:
            action = "keep"
        if action != "keep":
            merged[key] = answer
        changes.append(Change(key, action, answer["kind"], answer.get("title") or key))
    return merged, changes


# --------------------------------------------------------------------------- a class's answers


@dataclass
class ClassAnswers:
    """A folder of students' answer files, read for the instructor.

    ``answers`` has one row per answer (anonymous ``student_id``, the student's name,
    widget key, kind, time and state); ``refused`` lists every file not used, with the
    reason. Files that are fine are used even when others in the folder are broken.
    """

    answers: "pd.DataFrame"
    refused: "pd.DataFrame"

    @property
    def students(self) -> int:
        return self.answers["student_id"].nunique()

    def of_kind(self, kind: str) -> "pd.DataFrame":
        return self.answers[self.answers["kind"] == kind]


def load_class(folder: str | os.PathLike) -> ClassAnswers:
    """Read every ``*.json`` answer file in ``folder``: check, migrate, and drop duplicates.

    A student who handed in more than one file (the same name, ignoring case and
    spaces) keeps the latest export; the others are listed as duplicates.
    """
    import pandas as pd

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


def weights(class_answers: ClassAnswers) -> "pd.DataFrame":
    """Every weight given in an argument weigher: student_id, key, argument, weight."""
    import pandas as pd

    rows = [
        {"student_id": row.student_id, "key": row.key, "argument": argument, "weight": weight}
        for row in class_answers.of_kind("argument-weigher").itertuples()
        for argument, weight in row.state["weights"].items()
    ]
    return pd.DataFrame(rows, columns=["student_id", "key", "argument", "weight"])


def weight_distribution(class_answers: ClassAnswers) -> "pd.DataFrame":
    """How many students gave each weight (0 to 5) to each argument."""
    import pandas as pd

    table = weights(class_answers)
    return pd.crosstab(table["argument"], table["weight"]).reindex(columns=range(6), fill_value=0)


def analogy_fit(class_answers: ClassAnswers) -> "pd.DataFrame":
    """The class's mean rating (0 to 4) of each analogy on each dimension."""
    import pandas as pd

    rows = [
        {"analogy": analogy, "dimension": dimension, "rating": rating}
        for state in class_answers.of_kind("analogy-matrix")["state"]
        for analogy, ratings in state["ratings"].items()
        for dimension, rating in ratings.items()
    ]
    table = pd.DataFrame(rows, columns=["analogy", "dimension", "rating"])
    return table.pivot_table(index="analogy", columns="dimension", values="rating", aggfunc="mean")


def positions(class_answers: ClassAnswers) -> "pd.DataFrame":
    """How many students took each option, for every option of each decision-maker.

    Options nobody chose are listed with 0, so that the table shows the whole choice;
    answers without a decision are counted last.
    """
    import pandas as pd

    chosen = pd.Series([state.get("decision", "") for state in class_answers.of_kind("answer-builder")["state"]], dtype=object)
    counts = chosen.value_counts()
    rows = [
        {"decision-maker": role["name"], "decision": option["label"], "students": int(counts.get(option["value"], 0))}
        for role in vocabulary.ROLES
        for option in role["options"]
    ]
    rows.append({"decision-maker": "(none chosen)", "decision": "(no decision yet)", "students": int(counts.get("", 0))})
    return pd.DataFrame(rows, columns=["decision-maker", "decision", "students"])


def source_check_errors(class_answers: ClassAnswers, key: "pd.Series") -> "pd.DataFrame":
    """For each statement, how many students labelled it and how many got it wrong, worst first.

    ``key`` maps statement ids to their correct label (data.load_statements()["label"]).
    """
    import pandas as pd

    rows = [
        {"statement": statement, "wrong": label != key.get(statement)}
        for state in class_answers.of_kind("source-check")["state"]
        for statement, label in state["labels"].items()
    ]
    table = pd.DataFrame(rows, columns=["statement", "wrong"])
    summary = table.groupby("statement")["wrong"].agg(answered="count", wrong="sum")
    summary["share_wrong"] = summary["wrong"] / summary["answered"]
    return summary.sort_values(["share_wrong", "answered"], ascending=False)


def answer_sample(class_answers: ClassAnswers, size: int = 5, seed: int = 0) -> "pd.DataFrame":
    """A random sample of built answers, without names: student_id, role, decision, claim."""
    built = class_answers.of_kind("answer-builder")
    sample = built.sample(n=min(size, len(built)), random_state=seed)
    return sample.assign(
        role=sample["state"].map(lambda state: vocabulary.ROLE_NAMES.get(state["role"], "")),
        decision=sample["state"].map(lambda state: vocabulary.DECISIONS.get(state.get("decision", ""), "")),
        claim=sample["state"].map(lambda state: state["claim"]),
    )[["student_id", "role", "decision", "claim"]].sort_values("student_id", ignore_index=True)
