"""The base classes every casebook widget shares: one front-end module, a stable key,
and (for widgets that hold a student's answer) save and load in the answer-file format."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import anywidget
import traitlets
from jsonschema import Draft202012Validator

from casebook import answers, schema, vocabulary

STATIC = Path(__file__).with_name("static")


class CasebookWidget(anywidget.AnyWidget):
    """A casebook widget: the shared module renders it according to ``kind``.

    ``key`` must be stable across executions (it names the student's saved answer),
    so it is set in the notebook, never derived from the model id.
    """

    # One module for every kind, bundled from src/ by `make bundle`. Given as files,
    # anywidget reads them, and reloads them when they change if ANYWIDGET_HMR=1 and
    # watchfiles is installed.
    _esm = STATIC / "casebook.js"
    _css = STATIC / "casebook.css"
    # Which kind this is (a key of casebook.vocabulary.KINDS, or "my-answers"): the front
    # end renders a widget by its kind.
    _kind = ""

    kind = traitlets.Unicode("").tag(sync=True)
    key = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    config = traitlets.Dict().tag(sync=True)

    def __init__(self, *, key: str, title: str = "", **kwargs):
        unknown = set(kwargs) - set(self.trait_names())
        if unknown:
            raise TypeError(f"{type(self).__name__} got unknown keyword arguments: {', '.join(sorted(unknown))}")
        if not answers.KEY_PATTERN.search(key):
            raise ValueError(f"key {key!r} must be lower-case letters, digits and hyphens (at most 80), e.g. 'ch6-weigher'")
        super().__init__(kind=self._kind, key=key, title=title, **kwargs)


class AnswerWidget(CasebookWidget):
    """A widget that holds a student's answer in ``answer`` (its state in the answer file).

    Live in Jupyter the kernel's ``answer`` is authoritative; ``save`` and ``load``
    read and write the answer-file format. Each kind declares ``state_schema``, the
    JSON Schema of its ``answer``, which casebook.schema puts into the answer-file format.
    """

    state_schema: dict = {}
    # The first format version with this kind: an earlier file holding it is refused.
    since_version = 1

    answer = traitlets.Dict().tag(sync=True)
    updated = traitlets.Unicode("").tag(sync=True)

    @traitlets.observe("answer")
    def _answer_changed(self, change):
        # Live, the kernel dates every change of the answer with its own clock, whether it
        # was made in Python or in the browser (which sends only the answer: src/frame.js).
        self.updated = answers.now()

    @traitlets.validate("answer")
    def _check_answer(self, proposal):
        error = next(iter(state_validator(type(self)).iter_errors(proposal["value"])), None)
        if error is not None:
            raise traitlets.TraitError(f"not a valid {self.kind} answer: {error.message}")
        return proposal["value"]

    def entry(self) -> dict:
        """This widget's answer as an entry of an answer file."""
        return {"kind": self.kind, "title": self.title, "updated": self.updated or answers.now(), "state": self.answer}

    def save(self, path: str | Path) -> None:
        """Save this answer into the answer file at ``path``, keeping the file's other answers.

        A file that exists but is not a valid answer file is refused and left untouched.
        """
        path = Path(path)
        existing = answers.read_answer_file(path) if path.exists() else {"answers": {}}
        merged = {**existing["answers"], self.key: self.entry()}
        answers.write_answer_file(path, merged, student=existing.get("student"))

    def load(self, path: str | Path) -> None:
        """Load this widget's answer (by its key) from the answer file at ``path``."""
        document = answers.read_answer_file(path)
        entry = document["answers"].get(self.key)
        if entry is None:
            raise answers.AnswerFileError(f"{Path(path).name} holds no answer for the widget {self.key!r}.")
        if entry["kind"] != self.kind:
            raise answers.AnswerFileError(f"{Path(path).name}: the answer under {self.key!r} is a {entry['kind']}, not a {self.kind}.")
        self.answer = entry["state"]
        self.updated = entry["updated"]


@lru_cache
def state_validator(widget_class: type[AnswerWidget]) -> Draft202012Validator:
    """A validator for the state of one kind of answer, as the current version writes it."""
    return Draft202012Validator({**widget_class.state_schema, "$defs": schema.SHARED_DEFS})


def answer_kinds() -> dict[str, type[AnswerWidget]]:
    """Every kind of answer widget by its kind, in the order of casebook.vocabulary.KINDS."""
    import casebook.widgets  # noqa: F401  (defines every kind)

    classes = {widget_class._kind: widget_class for widget_class in AnswerWidget.__subclasses__()}
    return {kind: classes[kind] for kind in vocabulary.KINDS}
