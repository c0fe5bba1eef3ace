"""The answer-file format: read, check, migrate, merge and write students' answers.

The format is defined once, as the JSON Schema ``answers.schema.json`` beside this
file; the browser checks files against the same schema. An answer file is::

    {"format": "casebook-answers", "version": 4, "student": "…",
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
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NoReturn

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from casebook import vocabulary

FORMAT = "casebook-answers"
# Version 4 added the forecast kind, version 5 the written answer; a file of version 3
# or 4 is read unchanged.
VERSION = 5
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
    equivalent now is kept, in words, as ``earlier_choice`` (never dropped). Version 3
    answers are the same in versions 4 and 5, which only added kinds (forecast, written answer).
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
    descriptor, temporary = create_beside(path)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as f:
            f.write(json.dumps(document, ensure_ascii=False, indent=2))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def create_beside(path: Path) -> tuple[int, Path]:
    """A new file in ``path``'s folder, open for writing, with an ordinary new file's permissions.

    os.open applies the process's umask to the mode, as for any new file. (tempfile's
    files are for their owner only, and finding out the umask means setting it, which
    is not safe while other threads create files.)
    """
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:  # taken by another writer: try another name
            continue


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
