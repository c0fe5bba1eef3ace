"""Chapter 9, Epilogue (exercises/09-epilogue.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects

# The events claim 4 of the source-evaluation exercise gives days of the week for: the
# President's directive (a page says "Friday, February 28") and the D.C. Circuit's
# argument (a page says "Monday, May 19").
CLAIM_4_EVENTS = ["E03", "E13"]
# Claim 6 comes from a page written in June: it could know nothing that began after this.
PAGE_WRITTEN_BY = pd.Timestamp("2026-06-30")


@expects("epilogue-ex1-a")
def weekdays_of_claim_4_events() -> pd.Series:
    return data.load_epilogue().loc[CLAIM_4_EVENTS, "date_earliest"].dt.day_name()


@expects("epilogue-ex1-b")
def events_after_june() -> list[str]:
    epilogue = data.load_epilogue()
    return epilogue.index[epilogue["date_earliest"] > PAGE_WRITTEN_BY].tolist()


@expects("epilogue-ex2-a")
def events_by_corroboration() -> pd.Series:
    return data.load_epilogue()["corroboration"].value_counts()


@expects("epilogue-ex2-b")
def single_report_events() -> list[str]:
    epilogue = data.load_epilogue()
    return epilogue.index[epilogue["corroboration"] == "single-report"].tolist()


@expects("epilogue-ex4")
def brier_score_of_always_yes() -> float:
    forecasts = data.load_forecasts()
    outcome = (forecasts["outcome"] == "yes").astype(int)
    return float(((1 - outcome) ** 2).mean())
