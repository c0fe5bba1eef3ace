"""Showing tables in the book: always captioned, always escaped.

pandas' Styler does not escape cell text by default; every table the book shows
goes through :func:`captioned_table`, so text from the data is never read as HTML.
"""

import pandas as pd
from pandas.io.formats.style import Styler


def captioned_table(frame: pd.DataFrame, caption: str, index: bool = True) -> Styler:
    """``frame`` as an HTML table with a caption, every cell and label escaped."""
    styled = (
        frame.style.format(escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .set_caption(caption)
        .set_table_attributes('class="casebook-table"')
    )
    # The index's name would add a header row of its own; the ids speak for themselves.
    return styled.hide(axis="index", names=True) if index else styled.hide(axis="index")
