"""Chapter 6, Competing viewpoints (exercises/06-competing-viewpoints.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects


@expects("competing-viewpoints-ex1")
def arguments_by_proposition_side_and_basis() -> pd.DataFrame:
    arguments = data.load_arguments()
    return pd.crosstab([arguments["proposition_id"], arguments["side"]], arguments["basis"])


@expects("competing-viewpoints-ex3")
def which_argument_each_answers() -> pd.Series:
    arguments = data.load_arguments()
    return arguments["text"].str.extract(r"an answer to ([A-D]\d\d)")[0].dropna()
