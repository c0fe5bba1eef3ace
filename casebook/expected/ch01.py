"""Chapter 1, What was reported (exercises/01-what-was-reported.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects

# The kinds of sourcing in which no source is named (casebook.vocabulary.SOURCING_KINDS).
UNNAMED = {"anonymous-official", "people-familiar", "people-briefed", "other-outlet"}


@expects("what-was-reported-ex1", ordered=True)
def timeline_by_date() -> pd.DataFrame:
    # A stable sort: events with the same dates keep the file's order.
    return data.load_timeline().sort_values(["date_latest", "date_earliest"], na_position="first", kind="stable")


@expects("what-was-reported-ex2")
def events_on_unnamed_sources_only() -> list[str]:
    timeline = data.load_timeline()
    return list(timeline.index[timeline["sourcing"].map(lambda kinds: set(kinds) <= UNNAMED)])


@expects("what-was-reported-ex3")
def disputed_events() -> pd.DataFrame:
    timeline = data.load_timeline()
    return timeline[timeline["disputed_by"].map(len) > 0][["headline", "sourcing", "disputed_by"]]
