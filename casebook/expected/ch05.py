"""Chapter 5, Two analogies (exercises/05-two-analogies.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects


@expects("two-analogies-ex4")
def sources_behind_starlink() -> pd.DataFrame:
    keys = list(data.load_analogies().loc["starlink", "source_ids"])
    return data.load_sources().loc[keys, ["label", "entry_type", "title", "note"]]


@expects("two-analogies-ex5")
def dimensions_the_article_leaves_open() -> list[str]:
    dimensions = data.load_analogy_dimensions()
    return list(dimensions[dimensions["ai_case"].str.contains("does not say")].index)
