"""The case's tables, declared once: each table's columns and rules, and its references.

A table is a pandera schema, plus rules that need more than one column of a row, plus
the columns whose ids point into another table or into ``sources.bib``. The fixed
lists a column allows come from :mod:`casebook.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from casebook.data.reading import LIST_SEPARATOR, split_list
from casebook.vocabulary import (
    ARGUMENT_BASES, CORROBORATION, DATE_BASES, DECISIONS, LENSES, SOURCING_KINDS, STATEMENT_LABELS,
)

# The bibliography, which tables' source columns point into.
BIBLIOGRAPHY = "sources.bib"

# Quotations are short by the casebook's sourcing rules: about 25 words at most.
MAX_QUOTE_WORDS = 25


# --------------------------------------------------------------------------- rules


def one_of(*values: str) -> pa.Check:
    return pa.Check.isin(values, error=f"must be one of: {', '.join(values)}")


def list_of(*values: str) -> pa.Check:
    """Every item of a ';'-separated list is one of ``values``."""
    allowed = set(values)
    return pa.Check(
        lambda cell: all(item in allowed for item in split_list(cell)),
        element_wise=True,
        error=f"each item (separated by '{LIST_SEPARATOR}') must be one of: {', '.join(values)}",
    )


def as_dates(cells: pd.Series) -> pd.Series:
    """Dates written YYYY-MM-DD; anything else becomes NaT."""
    return pd.to_datetime(cells, format="%Y-%m-%d", errors="coerce")


def iso_date() -> pa.Check:
    return pa.Check(
        lambda cells: as_dates(cells).notna(),
        error="must be a real date written YYYY-MM-DD, e.g. 2026-02-17 (leave it empty if unknown, where allowed)",
    )


def short_quote() -> pa.Check:
    return pa.Check(
        lambda cell: len(cell.split()) <= MAX_QUOTE_WORDS,
        element_wise=True,
        error=f"a quotation may have at most {MAX_QUOTE_WORDS} words; shorten it or paraphrase",
    )


def slug() -> pa.Check:
    return pa.Check.str_matches(
        r"^[a-z0-9]+(-[a-z0-9]+)*$",
        error="must be lower-case letters, digits and single hyphens, e.g. 'pete-hegseth'",
    )


def text(*checks: pa.Check, required: bool = True, unique: bool = False) -> pa.Column:
    return pa.Column(str, list(checks), nullable=not required, unique=unique)


@dataclass(frozen=True)
class RowRule:
    """A rule on each row that involves more than one column."""

    column: str
    rule: str
    holds: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Table:
    """A CSV table in data/: its rules, and which of its columns point into other tables."""

    file: str
    schema: pa.DataFrameSchema
    row_rules: tuple[RowRule, ...] = ()
    # (column, target): every id in the column must exist in the target, a table's
    # file name or the bibliography. A column may hold one id or a ';'-separated list.
    references: tuple[tuple[str, str], ...] = ()
    # How the text of a cell is typed once checked: ';'-separated lists become tuples,
    # dates (YYYY-MM-DD) timestamps, and flags ("true" or "false") booleans.
    list_columns: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def id_column(self) -> str:
        return next(iter(self.schema.columns))


QUOTE_NEEDS_SPEAKER = RowRule(
    "quote_by",
    "a row with a quotation must say who said it",
    lambda t: t["quote"].isna() | t["quote_by"].notna(),
)

ACTORS_SCHEMA = pa.DataFrameSchema(
    {
        "actor_id": text(slug(), unique=True),
        "name": text(),
        "kind": text(one_of("organisation", "person", "group", "anonymous-source")),
        "role": text(),
        "position": text(required=False),
        # Whose words the position is: the party's own (on the record or anonymously),
        # as reported by someone else, the reporter's description, or none at all.
        "position_basis": text(one_of("own-words", "anonymous", "reported", "reporter", "none")),
        "quote": text(short_quote(), required=False),
        "quote_by": text(required=False),
        "source_id": text(),
        # The stakeholder map: the casebook's own assessment, for the parties only.
        "interest": text(one_of("1", "2", "3"), required=False),
        "influence": text(one_of("1", "2", "3"), required=False),
        "assessment": text(required=False),
    },
    strict=True,
    ordered=True,
)

ACTORS_ROW_RULES = (
    QUOTE_NEEDS_SPEAKER,
    RowRule(
        "assessment",
        "a party placed on the stakeholder map (interest and influence) needs both numbers and an assessment",
        lambda t: (t["interest"].isna() == t["influence"].isna()) & (t["interest"].isna() == t["assessment"].isna()),
    ),
    RowRule(
        "position",
        "position and position_basis must agree: a position needs a basis other than 'none', "
        "and a basis of 'none' means the sources give the party no position, so leave it empty",
        lambda t: t["position"].isna() == (t["position_basis"] == "none"),
    ),
)

TIMELINE_SCHEMA = pa.DataFrameSchema(
    {
        "event_id": text(pa.Check.str_matches(r"^T\d{2,}$", error="must be T followed by digits, e.g. T07"), unique=True),
        "headline": text(pa.Check.str_length(max_value=60, error="a headline has at most 60 characters")),
        # Empty when the sources give no lower bound (the event came "at or before").
        "date_earliest": text(iso_date(), required=False),
        "date_latest": text(iso_date()),
        # inferred: date_note says how; report-date: only when a report appeared, which is not
        # when the event happened.
        "date_basis": text(one_of(*DATE_BASES)),
        "year_inferred": text(one_of("true", "false")),
        "date_note": text(),
        "status": text(one_of("happened", "ongoing", "planned")),
        "event": text(),
        "actors": text(),
        "sourcing": text(list_of(*SOURCING_KINDS)),
        "disputed_by": text(required=False),
        "quote": text(short_quote(), required=False),
        "quote_by": text(required=False),
        "source_id": text(),
    },
    strict=True,
    ordered=True,
)

TIMELINE_ROW_RULES = (
    QUOTE_NEEDS_SPEAKER,
    RowRule(
        "date_latest",
        "the latest possible date must not come before the earliest",
        # Only where both dates are real: a malformed date is reported by its own rule.
        lambda t: ~(as_dates(t["date_earliest"]) > as_dates(t["date_latest"])),
    ),
)


PROPOSITIONS_SCHEMA = pa.DataFrameSchema(
    {
        "proposition_id": text(pa.Check.str_matches(r"^P\d+$", error="must be P followed by digits, e.g. P1"), unique=True),
        "text": text(),
    },
    strict=True,
    ordered=True,
)

ARGUMENTS_SCHEMA = pa.DataFrameSchema(
    {
        # By convention A and B are for and against P1, C and D for and against P2.
        "argument_id": text(pa.Check.str_matches(r"^[A-Z]\d{2,}$", error="must be a capital letter followed by digits, e.g. A01"), unique=True),
        "proposition_id": text(),
        "side": text(one_of("for", "against")),
        "summary": text(pa.Check.str_length(max_value=60, error="a summary has at most 60 characters")),
        "text": text(),
        # Empty when the argument is the casebook's own reasoning (basis 'casebook').
        "made_by": text(required=False),
        "basis": text(one_of(*ARGUMENT_BASES)),
        "quote": text(short_quote(), required=False),
        "source_id": text(),
    },
    strict=True,
    ordered=True,
)

ARGUMENTS_ROW_RULES = (
    RowRule(
        "made_by",
        "an argument says who makes it, unless its basis is 'casebook' (the book's own reasoning) "
        "or 'reporter' without a party to name",
        lambda t: t["made_by"].notna() | t["basis"].isin(["casebook", "reporter"]),
    ),
)

ANALOGIES_SCHEMA = pa.DataFrameSchema(
    {
        "analogy_id": text(slug(), unique=True),
        "name": text(),
        "description": text(),
        "offered_by": text(required=False),
        "source_ids": text(),
    },
    strict=True,
    ordered=True,
)

DIMENSIONS_SCHEMA = pa.DataFrameSchema(
    {
        "dimension_id": text(slug(), unique=True),
        "name": text(),
        "question": text(),
        "ai_case": text(),
        "source_ids": text(),
    },
    strict=True,
    ordered=True,
)

STATEMENTS_SCHEMA = pa.DataFrameSchema(
    {
        "statement_id": text(pa.Check.str_matches(r"^S\d{2,}$", error="must be S followed by digits, e.g. S04"), unique=True),
        "text": text(),
        "label": text(one_of(*STATEMENT_LABELS)),
        "speaker": text(required=False),
        "attribution": text(),
        "explanation": text(),
        "quote": text(short_quote(), required=False),
        "source_id": text(),
    },
    strict=True,
    ordered=True,
)

EPILOGUE_SCHEMA = pa.DataFrameSchema(
    {
        "event_id": text(pa.Check.str_matches(r"^E\d{2,}$", error="must be E followed by digits, e.g. E03"), unique=True),
        # Short enough to label the epilogue's figure on a phone.
        "headline": text(pa.Check.str_length(max_value=45, error="a headline here has at most 45 characters")),
        "date_earliest": text(iso_date()),
        "date_latest": text(iso_date()),
        "event": text(),
        "corroboration": text(one_of(*CORROBORATION)),
        "quote": text(short_quote(), required=False),
        "quote_by": text(required=False),
        "source_ids": text(),
    },
    strict=True,
    ordered=True,
)

FORECASTS_SCHEMA = pa.DataFrameSchema(
    {
        "forecast_id": text(pa.Check.str_matches(r"^F\d{2,}$", error="must be F followed by digits, e.g. F03"), unique=True),
        # Written only from what was known on 17 February 2026: no hint of the answer.
        "question": text(),
        # The date the question resolves by.
        "closes": text(iso_date()),
        "outcome": text(one_of("yes", "no")),
        # One sentence: what happened, attributed as the epilogue attributes it.
        "resolution": text(),
        # The events of epilogue.csv that settle the question.
        "resolved_by": text(),
        "source_ids": text(),
    },
    strict=True,
    ordered=True,
)

LENS_READINGS_SCHEMA = pa.DataFrameSchema(
    {
        "reading_id": text(pa.Check.str_matches(r"^L\d{2,}$", error="must be L followed by digits, e.g. L07"), unique=True),
        # An option of either decision-maker, and a lens (casebook/vocabulary.py).
        "option": text(one_of(*DECISIONS)),
        "lens": text(one_of(*LENSES)),
        # The option's strongest reading under the lens, and the strongest worry the lens raises:
        # the casebook's analysis, written with the same care for every option.
        "strongest_case": text(),
        "main_concern": text(),
        "source_ids": text(required=False),
    },
    strict=True,
    ordered=True,
)

LENS_READINGS_ROW_RULES = (
    RowRule(
        "lens",
        "each option has one reading per lens, but this option and lens appear on another line too",
        lambda t: ~t.duplicated(["option", "lens"], keep=False),
    ),
)

TABLES = {
    table.file: table
    for table in (
        Table("actors.csv", ACTORS_SCHEMA, ACTORS_ROW_RULES, references=(("source_id", BIBLIOGRAPHY),)),
        Table(
            "timeline.csv",
            TIMELINE_SCHEMA,
            TIMELINE_ROW_RULES,
            references=(("actors", "actors.csv"), ("disputed_by", "actors.csv"), ("source_id", BIBLIOGRAPHY)),
            list_columns=("actors", "sourcing", "disputed_by"),
            dates=("date_earliest", "date_latest"),
            flags=("year_inferred",),
        ),
        Table("propositions.csv", PROPOSITIONS_SCHEMA),
        Table(
            "arguments.csv",
            ARGUMENTS_SCHEMA,
            ARGUMENTS_ROW_RULES,
            references=(("proposition_id", "propositions.csv"), ("made_by", "actors.csv"), ("source_id", BIBLIOGRAPHY)),
        ),
        Table(
            "analogies.csv",
            ANALOGIES_SCHEMA,
            references=(("offered_by", "actors.csv"), ("source_ids", BIBLIOGRAPHY)),
            list_columns=("source_ids",),
        ),
        Table("analogy_dimensions.csv", DIMENSIONS_SCHEMA, references=(("source_ids", BIBLIOGRAPHY),), list_columns=("source_ids",)),
        Table(
            "epilogue.csv",
            EPILOGUE_SCHEMA,
            (QUOTE_NEEDS_SPEAKER, TIMELINE_ROW_RULES[1]),
            references=(("source_ids", BIBLIOGRAPHY),),
            list_columns=("source_ids",),
            dates=("date_earliest", "date_latest"),
        ),
        Table(
            "forecasts.csv",
            FORECASTS_SCHEMA,
            references=(("resolved_by", "epilogue.csv"), ("source_ids", BIBLIOGRAPHY)),
            list_columns=("resolved_by", "source_ids"),
            dates=("closes",),
        ),
        Table(
            "lens_readings.csv",
            LENS_READINGS_SCHEMA,
            LENS_READINGS_ROW_RULES,
            references=(("source_ids", BIBLIOGRAPHY),),
            list_columns=("source_ids",),
        ),
        Table(
            "statements.csv",
            STATEMENTS_SCHEMA,
            references=(("speaker", "actors.csv"), ("source_id", BIBLIOGRAPHY)),
        ),
    )
}
