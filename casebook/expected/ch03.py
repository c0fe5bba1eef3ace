"""Chapter 3, The parties and their interests (exercises/03-parties-and-interests.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects


@expects("parties-and-interests-ex1")
def high_interest_low_influence() -> list[str]:
    actors = data.load_actors()
    return list(actors.index[(actors["interest"] == "3") & (actors["influence"] == "1")])


@expects("parties-and-interests-ex3")
def position_basis_by_interest() -> pd.DataFrame:
    actors = data.load_actors()
    return pd.crosstab(actors["interest"], actors["position_basis"])
