"""The answer builder: the student's decision as a Toulmin-model argument."""

from __future__ import annotations

from casebook import data, edition, vocabulary
from casebook.widgets.base import AnswerWidget

CORE_PARTS = ("claim", "grounds", "warrant")
EMPTY_ANSWER = {"role": "", "decision": "", "claim": "", "grounds": "", "citations": [], "warrant": "", "backing": "", "qualifier": "", "rebuttal": ""}


def answer_builder_config() -> dict:
    sources = edition.shown_sources(data.load_sources())
    return {
        "roles": vocabulary.ROLES,
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
