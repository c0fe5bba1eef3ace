"""Quotations in the case data are the article's own words, short, and few.

The article is reference material kept outside the project (shared/source/, beside
the repository); where it is absent these tests are skipped with a message saying so.
"""

import re
from pathlib import Path

import pytest

from casebook import data
from conftest import REPO

ARTICLE = next((REPO.parent / "shared" / "source").glob("semafor-*.txt"), None)
needs_article = pytest.mark.skipif(
    ARTICLE is None, reason="the article is not beside the repository (../shared/source/); quotations cannot be checked"
)


def normalised(text: str) -> str:
    """Lower case, straight quotes and hyphens, single spaces: how quotations are compared."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2014", "-").replace("\u2013", "-")
    return " ".join(re.findall(r"[\w'-]+", text.lower()))


def data_quotations() -> list[tuple[str, str, str]]:
    """(table, row id, quotation) for every quotation in the data tables."""
    found = []
    for table, frame in (("timeline.csv", data.load_timeline()), ("actors.csv", data.load_actors())):
        for row_id, quote in frame["quote"].dropna().items():
            found.append((table, row_id, quote))
    return found


@needs_article
@pytest.mark.parametrize("table, row_id, quote", data_quotations(), ids=lambda value: str(value)[:30])
def test_data_quotation_is_verbatim_in_the_article(table, row_id, quote):
    article = normalised(ARTICLE.read_text(encoding="utf-8"))
    assert normalised(quote) in article, f"{table}, row {row_id}: {quote!r} is not in the article word for word"


@needs_article
def test_quotations_stay_under_a_tenth_of_the_article():
    article_words = len(normalised(ARTICLE.read_text(encoding="utf-8")).split())
    quoted_words = sum(len(quote.split()) for quote in {quote for _, _, quote in data_quotations()})
    assert quoted_words < article_words / 10, f"{quoted_words} quoted words against {article_words} in the article"


def test_comparison_ignores_curly_quotes_and_case():
    assert normalised("We won\u2019t \u201cfight\u201d") == normalised("we won't fight")
