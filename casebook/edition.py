"""Which edition of the casebook is being built, read by the Sphinx extension and by the
notebooks' kernels alike.

`python -m casebook.build` sets both variables; anything else (JupyterLab, a plain
`jupyter-book build`) gets the defaults: the student edition, with the epilogue.

- CASEBOOK_EDITION: "student" (no model answers, no teaching note) or "instructor".
- CASEBOOK_EPILOGUE: "no" leaves out everything reported after 17 February 2026 (the
  epilogue chapter, and the sources marked `keywords = {epilogue}` in data/sources.bib),
  for instructors who reveal it after class; "yes" keeps it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the Sphinx extension imports this module, and need not load pandas
    import pandas as pd

EDITIONS = ("student", "instructor")


def edition() -> str:
    chosen = os.environ.get("CASEBOOK_EDITION", "student")
    if chosen not in EDITIONS:
        raise ValueError(f"CASEBOOK_EDITION must be one of {EDITIONS}, not {chosen!r}")
    return chosen


def shows_epilogue() -> bool:
    # A typo must not quietly show what the instructor meant to hold back, nor hide it.
    chosen = os.environ.get("CASEBOOK_EPILOGUE", "yes")
    if chosen not in ("yes", "no"):
        raise ValueError(f"CASEBOOK_EPILOGUE must be 'yes' or 'no', not {chosen!r}")
    return chosen == "yes"


def shown_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``data.load_sources()`` that this edition may show."""
    return sources if shows_epilogue() else sources[~sources["epilogue"]]
