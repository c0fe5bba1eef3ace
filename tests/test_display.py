"""The book's tables show every text as text, the caption included."""

import pandas as pd
import pytest

from casebook.display import captioned_table

pytestmark = pytest.mark.unit

HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


def test_cells_labels_and_caption_are_escaped():
    frame = pd.DataFrame({"<i>column</i>": [HOSTILE]}, index=pd.Index(["<u>row</u>"], name="id"))
    html = captioned_table(frame, f"Table 1. {HOSTILE}").to_html()
    for markup in ("<script>", "<b>", "<i>", "<u>"):
        assert markup not in html
    assert html.count("&lt;script&gt;alert(") == 2  # the cell and the caption, as typed
    assert "<caption>Table 1. &lt;script&gt;" in html


def test_header_cells_are_scoped_and_none_is_empty():
    """Screen readers announce a table's headers by scope; an empty header cell says nothing (WCAG 2, H43, H63)."""
    from bs4 import BeautifulSoup

    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=pd.Index(["r1", "r2"], name="id"))
    for index in (True, False):
        table = BeautifulSoup(captioned_table(frame, "A table.", index=index).to_html(), "html.parser").table
        headers = table.find_all("th")
        assert headers and all(th.get_text(strip=True) for th in headers)
        assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
        assert [th["scope"] for th in table.tbody.find_all("th")] == (["row", "row"] if index else [])


def test_a_dataframe_as_a_notebook_shows_it_gets_the_same_header_cells():
    """DataFrame.to_html, as a notebook shows a DataFrame (casebook.markup on the exercise pages)."""
    from bs4 import BeautifulSoup

    from casebook.table_headers import scoped_headers

    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
    table = BeautifulSoup(scoped_headers(frame.to_html()), "html.parser").table
    assert all(th.get_text(strip=True) for th in table.find_all("th"))
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    assert [th["scope"] for th in table.tbody.find_all("th")] == ["row", "row"]
    assert table.thead.find("td") is not None  # the corner, a data cell
