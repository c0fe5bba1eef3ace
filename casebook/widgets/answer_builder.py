"""The answer builder: the student's decision as a Toulmin-model argument."""

from __future__ import annotations

from casebook import data
from casebook.widgets.base import AnswerWidget

# The two decisions the case forces (see intro.md), each taken by a named decision-maker,
# with the options open to each (the values are the answer file's "decision").
ROLES = [
    {
        "name": "Anthropic's leadership",
        "question": "sign an all-lawful-uses contract, hold out for the carve-outs, or seek narrower terms?",
        "options": [
            {"value": "sign", "label": "Sign the all-lawful-uses contract"},
            {"value": "hold", "label": "Hold out for the carve-outs"},
            {"value": "narrower", "label": "Seek narrower terms"},
        ],
    },
    {
        "name": "The Pentagon's leadership",
        "question": "treat a supplier's usage limits as a supply chain risk, or not?",
        "options": [
            {"value": "designate", "label": "Treat the limits as a supply chain risk"},
            {"value": "not-designate", "label": "Do not treat them as one"},
        ],
    },
]
DECISIONS = {option["value"]: option["label"] for role in ROLES for option in role["options"]}
CORE_PARTS = ("claim", "grounds", "warrant")
EMPTY_ANSWER = {"role": "", "decision": "", "claim": "", "grounds": "", "citations": [], "warrant": "", "backing": "", "qualifier": "", "rebuttal": ""}


def answer_builder_config() -> dict:
    sources = data.load_sources()
    return {
        "roles": ROLES,
        # The browser's completeness check and empty answer come from here, not a copy.
        "core_parts": list(CORE_PARTS),
        "empty_answer": EMPTY_ANSWER,
        "sources": [{"key": key, "label": f"{data.source_label(key, sources)}: {title or note}"}
                    for key, title, note in zip(sources.index, sources["title"], sources["note"])],
    }


class AnswerBuilder(AnswerWidget):
    """Claim, grounds with citations, warrant, backing, qualifier and rebuttal, with a completeness check."""

    def __init__(self, *, key: str, title: str = "Build your answer", **kwargs):
        super().__init__(
            key=key, title=title, kind="answer-builder", config=answer_builder_config(),
            answer=dict(EMPTY_ANSWER), **kwargs,
        )

    @property
    def parts(self) -> dict:
        return dict(self.answer)

    @property
    def missing(self) -> list[str]:
        """What the core still lacks: a decision-maker and a decision, claim, grounds with a source, warrant."""
        missing = [part for part in CORE_PARTS if not self.answer[part].strip()]
        if "grounds" not in missing and not self.answer["citations"]:
            missing.append("a source for the grounds")
        chosen = [] if self.answer["role"] else ["a decision-maker"]
        chosen += [] if self.answer.get("decision") else ["a decision"]
        return chosen + missing
