"""The article and the background notes, and the quotations in the case data: what the
tests of quotations share (tests/test_sources.py, tests/test_content.py).

The article is reference material kept outside the project (shared/source/, beside
the repository); where it is absent the tests that need it are skipped with a message."""

import re

import pytest

from casebook import data
from support import REPO

SOURCE_FOLDER = REPO.parent / "shared" / "source"
ARTICLE = next(SOURCE_FOLDER.glob("semafor-*.txt"), None)
BACKGROUND = SOURCE_FOLDER / "background-facts.md"
needs_article = pytest.mark.skipif(
    ARTICLE is None, reason="the article is not beside the repository (../shared/source/); quotations cannot be checked"
)


def normalised(text: str) -> str:
    """Lower case, straight quotes and hyphens, single spaces: how quotations are compared."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2014", "-").replace("\u2013", "-")
    return " ".join(re.findall(r"[\w'-]+", text.lower()))


def data_quotations() -> list[tuple[str, str, str, str]]:
    """(table, row id, quotation, source) for every quotation in the data tables."""
    found = []
    for name, table in sorted(data.TABLES.items()):
        frame = data.read_table(table)
        if "quote" not in frame:
            continue
        for row_id, row in frame.dropna(subset=["quote"]).iterrows():
            sources = (row["source_id"],) if "source_id" in frame else row["source_ids"]
            found.append((name, row_id, row["quote"], "albergotti2026" if "albergotti2026" in sources else sources[0]))
    return found


QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d\n]{3,}?)["\u201d]')


def quoted_in_text_cells() -> list[tuple[str, str, str]]:
    """(table, row id, words) for every double-quoted run in any text cell of the data, quote columns aside."""
    found = []
    for name, table in sorted(data.TABLES.items()):
        frame = data.read_table(table)
        for column in frame.columns.drop("quote", errors="ignore"):
            for row_id, cell in frame[column].items():
                if isinstance(cell, str):
                    found += [(name, row_id, words) for words in QUOTED.findall(cell)]
    return found
