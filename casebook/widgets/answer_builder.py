"""The answer builder: the student's decision as a Toulmin-model argument."""

from __future__ import annotations

from casebook import data, edition, vocabulary
from casebook.schema import ref
from casebook.widgets.base import AnswerWidget

CORE_PARTS = ("claim", "grounds", "warrant")
EMPTY_ANSWER = {"role": "", "decision": "", "claim": "", "grounds": "", "citations": [], "warrant": "", "backing": "", "qualifier": "", "rebuttal": ""}


def answer_builder_config() -> dict:
    sources = edition.shown_sources(data.load_sources())
    return {
        # The browser's completeness check and empty answer come from here, not a copy.
        "core_parts": list(CORE_PARTS),
        "empty_answer": EMPTY_ANSWER,
        "sources": [{"key": key, "label": f"{label}: {title or note}"}
                    for key, label, title, note in zip(sources.index, sources["label"], sources["title"], sources["note"])],
    }


class AnswerBuilder(AnswerWidget):
    """Claim, grounds with citations, warrant, backing, qualifier and rebuttal, with a completeness check."""

    _kind = "answer-builder"
    state_schema = {
        "description": "A Toulmin-model answer: the decision-maker's id and the option chosen (casebook/vocabulary.py; "
                       "empty until chosen), claim, grounds with cited sources, warrant, backing, qualifier, rebuttal.",
        "type": "object",
        "required": ["role", "claim", "grounds", "citations", "warrant", "backing", "qualifier", "rebuttal"],
        "additionalProperties": False,
        "properties": {
            "role": {"enum": ["", *vocabulary.ROLE_NAMES]},
            "decision": {"enum": ["", *vocabulary.DECISIONS]},
            "earlier_choice": {
                "description": "A choice made under an earlier version's options that has no equivalent now, kept in words.",
                "type": "string", "maxLength": 500,
            },
            "claim": ref("text"),
            "grounds": ref("text"),
            "citations": {"type": "array", "maxItems": 50, "items": ref("id")},
            "warrant": ref("text"),
            "backing": ref("text"),
            "qualifier": ref("text"),
            "rebuttal": ref("text"),
        },
    }

    def __init__(self, *, key: str, title: str = "Build your answer", **kwargs):
        super().__init__(
            key=key, title=title, config=answer_builder_config(),
            answer=dict(EMPTY_ANSWER), **kwargs,
        )

    @property
    def missing(self) -> list[str]:
        """What the core still lacks: a decision-maker and a decision, claim, grounds with a source, warrant."""
        missing = [part for part in CORE_PARTS if not self.answer[part].strip()]
        if "grounds" not in missing and not self.answer["citations"]:
            missing.append("a source for the grounds")
        chosen = [] if self.answer["role"] else ["a decision-maker"]
        chosen += [] if self.answer.get("decision") else ["a decision"]
        return chosen + missing
