"""The My answers page: every answer the student saved in this browser, to download, import or clear."""

from __future__ import annotations

from casebook import data, edition
from casebook.widgets.base import CasebookWidget


def names_config() -> dict:
    """Readable names for the ids that answers hold, so the list and the download read as text."""
    sources = edition.shown_sources(data.load_sources())
    return {
        "names": {
            "arguments": data.load_arguments()["summary"].to_dict(),
            "analogies": data.load_analogies()["name"].to_dict(),
            "dimensions": data.load_analogy_dimensions()["name"].to_dict(),
            "statements": data.load_statements()["text"].to_dict(),
            "sources": sources["label"].to_dict(),
            # The questions only: their outcomes belong to the epilogue.
            "forecasts": data.load_forecasts()["question"].to_dict(),
        }
    }


class MyAnswers(CasebookWidget):
    """Lists the student's saved answers, with download (JSON and Markdown), import and clear."""

    _kind = "my-answers"

    def __init__(self, *, key: str = "my-answers", title: str = "My answers", **kwargs):
        super().__init__(key=key, title=title, config=names_config(), **kwargs)
