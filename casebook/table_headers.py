"""Header cells that say what they head, in pandas' HTML for a table: for the book's own
tables (casebook.display) and for the DataFrames a notebook shows (casebook.markup). A
module of its own, without pandas, so that the Sphinx build need not import pandas."""

import re

# pandas' HTML for a table, as a Styler writes it and as DataFrame.to_html does (which a
# notebook shows; casebook.markup): its head and body, a header cell, and the empty header
# cell in the corner above the row headers (Styler's "blank" cell, or to_html's bare one).
TABLE_PART = re.compile(r"<(thead|tbody)>(.*?)</\1>", re.S)
HEADER_CELL = re.compile(r"<th(?=[\s>])")
CORNER = re.compile(r'<th(?: class="blank[^"]*" )?>(?:&nbsp;)?</th>')


def scoped_headers(table: str) -> str:
    """pandas' HTML for a table with each header cell's scope (a column in the head, a row in
    the body) and the empty corner a data cell."""
    def part(found: re.Match) -> str:
        name = found.group(1)
        cells = HEADER_CELL.sub(f'<th scope="{"col" if name == "thead" else "row"}"', CORNER.sub("<td></td>", found.group(2)))
        return f"<{name}>{cells}</{name}>"
    return TABLE_PART.sub(part, table)
