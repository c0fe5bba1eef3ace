"""Quotations in the case data are the article's own words, short, and few.

The article is reference material kept outside the project (shared/source/, beside
the repository); where it is absent these tests are skipped with a message saying so.
"""

import re

import pytest

from casebook import data
from support import REPO

pytestmark = pytest.mark.unit

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


@needs_article
@pytest.mark.parametrize("table, row_id, quote, source", data_quotations(), ids=lambda value: str(value)[:30])
def test_data_quotation_is_verbatim_in_its_source(table, row_id, quote, source):
    """Quotations of the article are in the article; others are in the background notes that quote them."""
    where = ARTICLE if source == "albergotti2026" else BACKGROUND
    assert normalised(quote) in normalised(where.read_text(encoding="utf-8")), (
        f"{table}, row {row_id}: {quote!r} is not word for word in {where.name}"
    )


def test_comparison_ignores_curly_quotes_and_case():
    assert normalised("We won\u2019t \u201cfight\u201d") == normalised("we won't fight")


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


@needs_article
@pytest.mark.parametrize("table, row_id, words", quoted_in_text_cells(), ids=lambda value: str(value)[:30])
def test_words_in_double_quotes_in_the_data_are_verbatim_in_a_source(table, row_id, words):
    """A text cell may quote a phrase ("all lawful uses"), but only words a source really uses."""
    sources = normalised(ARTICLE.read_text(encoding="utf-8")) + " " + normalised(BACKGROUND.read_text(encoding="utf-8"))
    assert normalised(words) in sources, f"{table}, row {row_id}: {words!r} is not word for word in the article or the background"
