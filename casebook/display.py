"""How the book shows the case: tables always captioned and always escaped, and the figures' colours.

pandas' Styler escapes neither cell text nor the caption by default; every table the
book shows goes through :func:`captioned_table`, so text from the data or from a
student is never read as HTML. Its header cells also say what they head (`scope`), and
the corner above the row headers is an empty data cell rather than an empty header
cell, which screen readers would announce for every column (WCAG 2, H43 and H63).
"""

import html

import pandas as pd
from pandas.io.formats.style import Styler

from casebook.table_headers import scoped_headers

# The figures' colours, said once. Blue and orange stay distinct for readers with the
# common colour-vision deficiencies; the widgets draw "for" and "against" in the same
# two (casebook/widgets/static/casebook.css: --cb-for, --cb-against).
COLOURS = {
    "blue": "#1b6ca8",
    "orange": "#b35806",
    "grey": "#555555",
    "grid": "#dddddd",  # grid lines behind the data
    "rule": "#bbbbbb",  # lines that divide a figure into cells
}
SIDE_COLOURS = {"for": COLOURS["blue"], "against": COLOURS["orange"]}


class CasebookTable(Styler):
    """A Styler whose HTML has scoped header cells and no empty header cell."""

    def to_html(self, *args, **kwargs):
        written = super().to_html(*args, **kwargs)
        if written is None:  # written to a buffer or file, as pandas allows; the book never does
            return written
        return scoped_headers(written)


def captioned_table(frame: pd.DataFrame, caption: str, index: bool = True) -> Styler:
    """``frame`` as an HTML table with a caption, every cell, label and the caption escaped."""
    styled = (
        CasebookTable(frame).format(escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .set_caption(html.escape(caption))
        .set_table_attributes('class="casebook-table"')
    )
    # The index's name would add a header row of its own; the ids speak for themselves.
    return styled.hide(axis="index", names=True) if index else styled.hide(axis="index")
