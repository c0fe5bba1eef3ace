"""Chapter 4, The contract question (exercises/04-the-contract-question.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects

# The search of exercise 1: arguments that mention deciding, lawfulness, operations or surveillance.
SEARCH = "decid|decision|lawful|operation|surveil"
# The statute on excluding a source, and the definition of supply chain risk it relies on.
LEGAL_SOURCES = ["usc10_3252", "nist_scr"]


def arguments_on_p1() -> tuple[pd.DataFrame, pd.Series]:
    arguments = data.load_arguments()
    p1 = arguments[arguments["proposition_id"] == "P1"]
    return p1, p1["text"].str.contains(SEARCH, case=False)


@expects("the-contract-question-ex1-a")
def found_by_the_search() -> list[str]:
    p1, selected = arguments_on_p1()
    return list(p1[selected].index)


@expects("the-contract-question-ex1-b")
def missed_by_the_search() -> list[str]:
    p1, selected = arguments_on_p1()
    return list(p1[~selected].index)


@expects("the-contract-question-ex3")
def arguments_on_the_law() -> pd.DataFrame:
    arguments = data.load_arguments()
    return arguments.loc[arguments["source_id"].isin(LEGAL_SOURCES), ["side", "source_id", "basis", "summary"]]
