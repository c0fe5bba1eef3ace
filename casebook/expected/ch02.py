"""Chapter 2, Reading the reporting (exercises/02-reading-the-reporting.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects


@expects("reading-the-reporting-ex1")
def statements_by_speaker_and_label() -> pd.DataFrame:
    statements = data.load_statements()
    return pd.crosstab(statements["speaker"].fillna("unattributed"), statements["label"])


@expects("reading-the-reporting-ex4")
def events_relayed_from_other_reports() -> list[str]:
    timeline = data.load_timeline()
    relayed = {"earlier-report", "other-outlet"}
    return list(timeline.index[timeline["sourcing"].map(lambda kinds: bool(set(kinds) & relayed))])
