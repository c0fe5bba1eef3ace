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
