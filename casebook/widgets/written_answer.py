"""A written answer to an exercise: a text the student writes on the site or in a notebook,
kept in the answer-file format like every other answer."""

from __future__ import annotations

from pathlib import Path

import traitlets

from casebook import answers
from casebook.widgets.base import AnswerWidget

# Where written answers keep themselves in a notebook (keep_answers_in); None on the site's
# build, whose pages must never carry anyone's answers.
ANSWER_FILE: Path | None = None
MAX_CHARACTERS = 20000


def keep_answers_in(path: str | Path) -> Path:
    """Keep every written answer of this notebook in the answer file at ``path`` (made when
    the first answer is written): each saves itself there as it changes, and starts from
    what the file holds. A file there that is not an answer file is refused now, untouched."""
    global ANSWER_FILE
    path = Path(path).resolve()
    if path.exists():
        answers.read_answer_file(path)
    ANSWER_FILE = path
    return path


class WrittenAnswer(AnswerWidget):
    """A text box for a written exercise, under the exercise's label as its key."""

    _kind = "written-answer"
    since_version = 5
    state_schema = {
        "description": "The student's written answer to an exercise.",
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {"text": {"type": "string", "maxLength": MAX_CHARACTERS}},
    }

    def __init__(self, *, key: str, title: str = "", **kwargs):
        # The key names the exercise, so that My answers and a hand-in say which it answers.
        super().__init__(key=key, title=title or f"Your answer ({key})", config={"max_characters": MAX_CHARACTERS}, answer={"text": ""}, **kwargs)
        if ANSWER_FILE is not None and ANSWER_FILE.exists():
            entry = answers.read_answer_file(ANSWER_FILE)["answers"].get(key)
            if entry is not None and entry["kind"] == self.kind:
                self.answer, self.updated = entry["state"], entry["updated"]
        self._keeping = True  # from now on: setting up the widget is not the student writing

    @property
    def text(self) -> str:
        return self.answer["text"]

    @traitlets.observe("answer")
    def _keep(self, change):
        if ANSWER_FILE is not None and getattr(self, "_keeping", False) and change["new"] != change["old"]:
            self.save(ANSWER_FILE)
