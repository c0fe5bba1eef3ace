"""The source check: label each statement from the reporting by the kind of sourcing behind it."""

from __future__ import annotations

import pandas as pd

from casebook import data, vocabulary
from casebook.schema import by_id
from casebook.widgets.base import AnswerWidget


def source_check_config(statement_ids: list[str] | None = None) -> dict:
    """The statements with their answer key (part of the student edition by design: it is a self-check)."""
    statements = data.load_statements()
    if statement_ids is not None:
        statements = statements.loc[statement_ids]
    return {
        "statements": [
            {
                "id": statement_id,
                "text": row["text"],
                "label": row["label"],
                "attribution": row["attribution"],
                "explanation": row["explanation"],
            }
            for statement_id, row in statements.iterrows()
        ],
    }


class SourceCheck(AnswerWidget):
    """Label statements as reported fact, on-record claim, anonymous claim, denial or opinion."""

    _kind = "source-check"
    state_schema = {
        "description": "The kind of statement the student chose for each statement.",
        "type": "object",
        "required": ["labels"],
        "additionalProperties": False,
        "properties": {"labels": by_id({"enum": list(vocabulary.STATEMENT_LABELS)})},
    }

    def __init__(self, *, key: str, statement_ids: list[str] | None = None, title: str = "Check the sourcing", **kwargs):
        super().__init__(
            key=key, title=title, config=source_check_config(statement_ids),
            answer={"labels": {}}, **kwargs,
        )

    @property
    def results(self) -> pd.DataFrame:
        """One row per statement: the student's label, the key's label, and whether they agree."""
        frame = pd.DataFrame(self.config["statements"]).set_index("id")[["text", "label"]]
        frame["chosen"] = [self.answer["labels"].get(i) for i in frame.index]
        frame["correct"] = frame["chosen"] == frame["label"]
        return frame
