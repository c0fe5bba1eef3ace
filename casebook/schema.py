"""The answer-file format as a JSON Schema, assembled from the widget kinds and the vocabulary.

``python -m casebook.schema`` writes ``casebook/answers.schema.json``, which
casebook.answers and the browser (through the bundle, casebook/widgets/static/casebook.js)
check answer files against; ``make bundle`` runs it, and a test fails when the committed
file differs from what this module writes. Each kind's state is its widget class's
``state_schema`` (casebook/widgets/); this module adds what every answer file shares and
how earlier versions differed.
"""

from __future__ import annotations

import json
import sys

from casebook import vocabulary
from casebook.answers import FORMAT, SCHEMA_PATH, VERSION


def ref(name: str) -> dict:
    """A reference to one of the schema's $defs."""
    return {"$ref": f"#/$defs/{name}"}


def by_id(values: dict) -> dict:
    """An object whose keys are ids of the case data (arguments, statements, …), each holding ``values``."""
    return {"type": "object", "propertyNames": ref("id"), "additionalProperties": values}


# What every kind's state may use (as ref("id") and so on).
SHARED_DEFS = {
    "time": {
        "description": "A UTC time, e.g. 2026-02-17T22:30:00.000Z.",
        "type": "string",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z(?![\\s\\S])",
    },
    "key": {
        "description": "A widget's stable key, set in the notebook.",
        "type": "string",
        "pattern": "^[a-z0-9][a-z0-9-]{0,79}(?![\\s\\S])",
    },
    "id": {
        "description": "The id of a row in the case data (an argument, analogy, dimension or statement).",
        "type": "string",
        "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,79}(?![\\s\\S])",
    },
    "line": {"type": "string", "maxLength": 500},
    "text": {"type": "string", "maxLength": 5000},
}


def earlier_states(states: dict[str, dict]) -> dict[tuple[str, int], dict]:
    """The state of a kind up to a version, where it differed from now: {(kind, last version): schema}.

    casebook.answers.migrate_answer turns each into the current state.
    """
    builder = states["answer-builder"]
    return {
        # Up to version 2 the decision-maker was named in words, and the options were
        # those of the time; the earliest files have no decision at all.
        ("answer-builder", 2): {
            **builder,
            "properties": {
                **builder["properties"],
                "role": {"type": "string", "maxLength": 200},
                "decision": {"enum": ["", *vocabulary.V2_DECISIONS]},
            },
        },
    }


def answer_file_schema() -> dict:
    """The whole schema, as ``answers.schema.json`` holds it."""
    from casebook.widgets.base import answer_kinds

    kinds = answer_kinds()
    states = {kind: widget.state_schema for kind, widget in kinds.items()}
    earlier = earlier_states(states)

    def state_in(kind: str, version: int) -> str:
        """The name of the def for the state of ``kind`` in files of ``version``."""
        changed = [last for (name, last) in earlier if name == kind and version <= last]
        return f"{kind}-v{min(changed)}" if changed else kind

    versions = list(range(1, VERSION + 1))
    defs = {**SHARED_DEFS, "answer": {
        "description": "One widget's answer; its state depends on its kind and on the file's version (answer-vN).",
        "type": "object",
        "required": ["kind", "state"],
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": list(kinds)},
            "title": {"type": "string", "maxLength": 300},
            "page": {"type": "string", "maxLength": 300},
            "updated": ref("time"),
            "state": {"type": "object"},
        },
    }}
    for version in versions:
        defs[f"answer-v{version}"] = {
            "description": f"An answer in a file of version {version}."
            + (" Answers carry no time until version 2." if version == 1 else ""),
            "allOf": [
                {"if": {"properties": {"kind": {"const": kind}}}, "then": {"properties": {"state": ref(state_in(kind, version))}}}
                for kind in kinds
            ],
            # A kind added in a later version cannot be in an earlier file.
            "properties": {"kind": {"enum": [kind for kind, widget in kinds.items() if widget.since_version <= version]}},
            **({"required": ["updated"]} if version >= 2 else {}),
        }
    defs.update(states)
    defs.update({f"{kind}-v{last}": schema for (kind, last), schema in earlier.items()})

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": FORMAT,
        "title": "Casebook answer file",
        "description": (
            f"A student's answers, exported from the My answers page or saved from Python. Versions 1 to {VERSION} "
            "are known; version 1 answers have no 'updated' time; version 3 names the decision-maker by id and "
            "offers each four options; version 4 adds forecasts. Written by `python -m casebook.schema` from the widget classes and "
            "casebook/vocabulary.py: do not edit. Patterns end with (?![\\s\\S]) rather than $, which in Python "
            "would also match before a final newline."
        ),
        "type": "object",
        "required": ["format", "version", "exported", "answers"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "version": {"enum": versions},
            "student": {"type": "string", "maxLength": 200},
            "exported": ref("time"),
            "answers": {
                "type": "object",
                "maxProperties": 500,
                "propertyNames": ref("key"),
                "additionalProperties": ref("answer"),
            },
        },
        "allOf": [
            {
                "if": {"properties": {"version": {"const": version}}},
                "then": {"properties": {"answers": {"additionalProperties": ref(f"answer-v{version}")}}},
            }
            for version in versions
        ],
        "$defs": defs,
    }


def as_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    text = as_text(answer_file_schema())
    if SCHEMA_PATH.read_text(encoding="utf-8") != text:
        SCHEMA_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
