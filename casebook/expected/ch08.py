"""Chapter 8, Build your answer (exercises/08-build-your-answer.md)."""

from casebook import data
from casebook.exercises import expects
from casebook.expected.ch01 import events_on_unnamed_sources_only


@expects("build-your-answer-ex3-a")
def events_on_the_record() -> list[str]:
    timeline = data.load_timeline()
    return timeline.index[timeline["sourcing"].map(lambda kinds: "on-record" in kinds)].tolist()


@expects("build-your-answer-ex3-b")
def events_neither_on_the_record_nor_on_unnamed_sources_only() -> list[str]:
    """The third kind of ground: events the article tells in the reporter's own voice or takes
    from earlier reports, alone or with unnamed sources. It builds on chapter 1's list of the
    events resting only on unnamed sources (what-was-reported-ex2), which it reuses."""
    firmer_or_weaker = set(events_on_the_record()) | set(events_on_unnamed_sources_only())
    return [event for event in data.load_timeline().index if event not in firmer_or_weaker]
