"""Quotations in the case data are the article's own words, short, and few.

The article is reference material kept outside the project (shared/source/, beside
the repository); where it is absent these tests are skipped with a message saying so.
"""

import pytest

from quotations import ARTICLE, BACKGROUND, data_quotations, needs_article, normalised, quoted_in_text_cells

pytestmark = pytest.mark.unit

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


@needs_article
@pytest.mark.parametrize("table, row_id, words", quoted_in_text_cells(), ids=lambda value: str(value)[:30])
def test_words_in_double_quotes_in_the_data_are_verbatim_in_a_source(table, row_id, words):
    """A text cell may quote a phrase ("all lawful uses"), but only words a source really uses."""
    sources = normalised(ARTICLE.read_text(encoding="utf-8")) + " " + normalised(BACKGROUND.read_text(encoding="utf-8"))
    assert normalised(words) in sources, f"{table}, row {row_id}: {words!r} is not word for word in the article or the background"
