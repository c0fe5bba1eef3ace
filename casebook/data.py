"""Load the case's tables from ``data/`` as validated, typed pandas DataFrames.

One loader per table. Each table's rules are declared once, below, as a pandera
schema plus a few rules that need more than one column or more than one table.
A table that breaks any rule raises :class:`DataError`, which lists every problem
at once with the file, the line number an editor shows, the column, the rule and
the value found, so that someone who does not program can fix the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pandas as pd
import pandera.pandas as pa
from pybtex.database import BibliographyDataError, parse_file
from pybtex.scanner import PybtexSyntaxError

from casebook.vocabulary import DECISIONS, LENSES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Quotations are short by rule (shared/source/README.md): about 25 words at most.
MAX_QUOTE_WORDS = 25

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Problem:
    """One broken rule in one place of a data file."""

    file: str
    line: int | None
    column: str | None
    rule: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        found = "" if self.value is None else f" (found: {self.value!r})"
        return f"{where}: {self.rule}{found}"


class DataError(ValueError):
    """A data file breaks its rules; ``problems`` lists each break."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"The case data has {len(self.problems)} problem(s). "
            f"Fix each one in the file named, then run again:\n{lines}"
        )


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


def source_label(key: str, sources: pd.DataFrame) -> str:
    """A source as a short author-year label, e.g. 'Albergotti, 2026' or 'Ballotpedia, n.d.'."""
    entry = sources.loc[key]
    first_author = str(entry["author"]).split(" and ")[0]
    name = first_author.split(",")[0].replace("{", "").replace("}", "").replace("\\&", "&").strip()
    return f"{name}, {entry['year'] or 'n.d.'}"


@dataclass(frozen=True)
class Table:
    """A CSV table in data/: its rules, and which of its columns point into other tables."""

    file: str
    schema: pa.DataFrameSchema
    row_rules: tuple[RowRule, ...] = ()
    # (column, target): every id in the column must exist in the target, a table's
    # file name or "sources.bib". A column may hold one id or a ';'-separated list.
    references: tuple[tuple[str, str], ...] = ()
    list_columns: tuple[str, ...] = ()

    @property
    def id_column(self) -> str:
        return next(iter(self.schema.columns))


QUOTE_NEEDS_SPEAKER = RowRule(
    "quote_by",
    "a row with a quotation must say who said it",
    lambda t: t["quote"].isna() | t["quote_by"].notna(),
)

SOURCING_KINDS = (
    "on-record",  # a named person or a spokesman, on the record
    "anonymous-official",  # an official who is not named
    "people-familiar",  # "people familiar with the matter"
    "people-briefed",  # "people briefed on the matter": told by others, so second-hand at best
    "other-outlet",  # another outlet's report (e.g. Axios)
    "earlier-report",  # the same outlet's earlier reporting ("Semafor previously reported")
    "reporter",  # the reporter's own account
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
        # stated: the article gives it; inferred: worked out, date_note says how;
        # report-date: only when a report appeared, which is not when the event happened.
        "date_basis": text(one_of("stated", "inferred", "report-date")),
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
        # own-words: a party's (named or speaking for an organisation); opinion: the columnist's view.
        "basis": text(one_of("own-words", "anonymous", "reported", "reporter", "opinion", "casebook")),
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

STATEMENT_LABELS = ("reported-fact", "on-record-claim", "anonymous-claim", "denial", "opinion")

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
        "date_earliest": text(iso_date()),
        "date_latest": text(iso_date()),
        "event": text(),
        # primary: a primary document (a statement, a court order); two-reports: at least two
        # independent reports; single-report: one outlet, which the book must name.
        "corroboration": text(one_of("primary", "two-reports", "single-report")),
        "quote": text(short_quote(), required=False),
        "quote_by": text(required=False),
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
        Table("actors.csv", ACTORS_SCHEMA, ACTORS_ROW_RULES, references=(("source_id", "sources.bib"),)),
        Table(
            "timeline.csv",
            TIMELINE_SCHEMA,
            TIMELINE_ROW_RULES,
            references=(("actors", "actors.csv"), ("disputed_by", "actors.csv"), ("source_id", "sources.bib")),
            list_columns=("actors", "sourcing", "disputed_by"),
        ),
        Table("propositions.csv", PROPOSITIONS_SCHEMA),
        Table(
            "arguments.csv",
            ARGUMENTS_SCHEMA,
            ARGUMENTS_ROW_RULES,
            references=(("proposition_id", "propositions.csv"), ("made_by", "actors.csv"), ("source_id", "sources.bib")),
        ),
        Table(
            "analogies.csv",
            ANALOGIES_SCHEMA,
            references=(("offered_by", "actors.csv"), ("source_ids", "sources.bib")),
            list_columns=("source_ids",),
        ),
        Table("analogy_dimensions.csv", DIMENSIONS_SCHEMA, references=(("source_ids", "sources.bib"),), list_columns=("source_ids",)),
        Table(
            "epilogue.csv",
            EPILOGUE_SCHEMA,
            (QUOTE_NEEDS_SPEAKER, TIMELINE_ROW_RULES[1]),
            references=(("source_ids", "sources.bib"),),
            list_columns=("source_ids",),
        ),
        Table(
            "lens_readings.csv",
            LENS_READINGS_SCHEMA,
            LENS_READINGS_ROW_RULES,
            references=(("source_ids", "sources.bib"),),
            list_columns=("source_ids",),
        ),
        Table(
            "statements.csv",
            STATEMENTS_SCHEMA,
            references=(("speaker", "actors.csv"), ("source_id", "sources.bib")),
        ),
    )
}


# --------------------------------------------------------------------------- reading


def split_list(cell) -> list[str]:
    """The items of a ';'-separated cell; an empty cell has none."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return []
    return [item.strip() for item in str(cell).split(LIST_SEPARATOR) if item.strip()]


def read_rows(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """Every cell of a CSV file as text (empty cells as missing), and the line each row starts on.

    The line numbers are the ones an editor shows (the header is line 1), which
    differ from row positions when a quoted cell spans several lines.
    """
    name = display_name(path)
    problems: list[Problem] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        # utf-8-sig also reads a file saved with a byte-order mark, as spreadsheet programs do.
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f, strict=True)
            header = next(reader, None)
            if not header:
                raise DataError([Problem(name, 1, None, "the file is empty; line 1 must name the columns")])
            start = reader.line_num + 1
            try:
                for row in reader:
                    if not row:  # a blank line
                        pass
                    elif len(row) != len(header):
                        problems.append(Problem(
                            name, start, None,
                            f"this row has {len(row)} fields but the header has {len(header)}; look for a "
                            "missing or extra comma, or a text with a comma that is not inside double quotes",
                        ))
                    else:
                        rows.append(row)
                        lines.append(start)
                    start = reader.line_num + 1
            except csv.Error as error:
                problems.append(Problem(
                    name, start, None,
                    f"the file cannot be read as CSV from this line on ({error}); a double quote opened "
                    'here is probably never closed (write a quote inside a text as "")',
                ))
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, None, None, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8")])
    except FileNotFoundError:
        raise DataError([Problem(name, None, None, "the file is missing")])
    if problems:
        raise DataError(problems)
    table = pd.DataFrame(rows, columns=header, dtype=object).replace("", None)
    return table, lines


def display_name(path: Path) -> str:
    """The file as the error messages name it: data/NAME.csv."""
    return f"{path.parent.name}/{path.name}"


def check_table(
    table: pd.DataFrame,
    lines: list[int],
    schema: pa.DataFrameSchema,
    row_rules: tuple[RowRule, ...],
    path: Path,
) -> list[Problem]:
    """Every way ``table`` breaks ``schema`` and ``row_rules``."""
    name = display_name(path)
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = [describe_failure(case, lines, schema, name) for case in errors.failure_cases.itertuples()]
        if not header_is_right(problems):
            return problems  # row rules would only repeat the header's problems
        problems = [name_duplicate_lines(p, problems) for p in problems]
    else:
        problems = []
    for rule in row_rules:
        for position in (~rule.holds(table).astype(bool)).to_numpy().nonzero()[0]:
            problems.append(Problem(name, lines[position], rule.column, rule.rule, table.iloc[position][rule.column]))
    return problems


def name_duplicate_lines(problem: Problem, problems: list[Problem]) -> Problem:
    """Say on which lines a value that must be unique appears."""
    if problem.rule != UNIQUE_RULE:
        return problem
    same = [str(p.line) for p in problems if p.rule == UNIQUE_RULE and (p.column, p.value) == (problem.column, problem.value)]
    return replace(problem, rule=f"must be unique, but lines {' and '.join(same)} have the same value")


UNIQUE_RULE = "must be unique, but another row has the same value"


def describe_failure(case, lines: list[int], schema: pa.DataFrameSchema, name: str) -> Problem:
    """One row of pandera's failure table, in the words of a :class:`Problem`."""
    value = None if pd.isna(case.failure_case) else str(case.failure_case)
    if case.check == "column_in_dataframe":
        return Problem(name, 1, value, "the header has no such column; add it (the columns, in order, are: "
                       f"{', '.join(schema.columns)})")
    if case.check == "column_in_schema":
        return Problem(name, 1, value, f"unexpected column; the columns, in order, are: {', '.join(schema.columns)}")
    if case.check == "column_ordered":
        return Problem(name, 1, value, f"column out of order; the columns, in order, are: {', '.join(schema.columns)}")
    line = None if pd.isna(case.index) else lines[int(case.index)]
    rule = {
        "not_nullable": "this cell is required; it may not be empty",
        "field_uniqueness": UNIQUE_RULE,
    }.get(case.check, case.check)
    return Problem(name, line, case.column, rule, value)


def check_references(
    table: pd.DataFrame,
    lines: list[int],
    column: str,
    known: set[str],
    target: str,
    path: Path,
) -> list[Problem]:
    """Every id in ``column`` (a single id or a ';'-separated list) that ``known`` lacks."""
    return [
        Problem(display_name(path), line, column, f"no such id in {target}; add it there or correct this id", item)
        for cell, line in zip(table[column], lines)
        for item in split_list(cell)
        if item not in known
    ]


def header_is_right(problems: list[Problem]) -> bool:
    """Whether every column is there, so that checks across tables can run."""
    return not any(p.line == 1 for p in problems)


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


# --------------------------------------------------------------------------- loaders


def load_sources(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The bibliography ``sources.bib``: one row per entry, indexed by its key.

    ``epilogue`` is true for the sources reported after 17 February 2026.
    """
    path = Path(data_dir) / "sources.bib"
    try:
        bib = parse_file(str(path), bib_format="bibtex")
    except PybtexSyntaxError as error:
        raise DataError([Problem(display_name(path), error.lineno, None, f"not valid BibTeX ({error})")])
    except BibliographyDataError as error:
        raise DataError([Problem(display_name(path), None, None, f"not a valid bibliography ({error})")])
    except FileNotFoundError:
        raise DataError([Problem(display_name(path), None, None, "the file is missing")])
    rows = []
    for key, entry in bib.entries.items():
        people = entry.persons.get("author", [])
        rows.append({
            "key": key,
            "entry_type": entry.type,
            "author": " and ".join(str(person) for person in people),
            "title": entry.fields.get("title", ""),
            "year": entry.fields.get("year", ""),
            "note": entry.fields.get("note", ""),
            # Reported after 17 February 2026, so only for the epilogue.
            "epilogue": "epilogue" in entry.fields.get("keywords", ""),
        })
    sources = pd.DataFrame(rows).set_index("key")
    return sources.astype({column: "string" for column in sources.columns if column != "epilogue"})


def known_ids(target: str, data_dir: Path) -> set[str]:
    if target == "sources.bib":
        return set(load_sources(data_dir).index)
    return set(read_table(TABLES[target], data_dir).index)


def read_table(table: Table, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A table, checked against every rule, as text columns indexed by its id.

    ';'-separated columns become tuples of ids.
    """
    path = Path(data_dir) / table.file
    rows, lines = read_rows(path)
    problems = check_table(rows, lines, table.schema, table.row_rules, path)
    if header_is_right(problems):
        known: dict[str, set[str]] = {}  # read each target once, however many columns point into it
        for column, target in table.references:
            if target not in known:
                known[target] = known_ids(target, data_dir)
            problems += check_references(rows, lines, column, known[target], target, path)
    raise_if(problems)
    frame = rows.astype("string")
    for column in table.list_columns:
        frame[column] = frame[column].map(lambda cell: tuple(split_list(cell)))
    return frame.set_index(table.id_column)


def load_actors(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The parties and other people in the case (``actors.csv``), indexed by ``actor_id``."""
    return read_table(TABLES["actors.csv"], data_dir)


def load_timeline(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The dated events the article reports (``timeline.csv``), indexed by ``event_id``.

    Rows keep the file's order, which is the order of events as the sources put
    them: where two date ranges overlap, the dates alone cannot order them.

    ``date_earliest`` is missing (NaT) where the sources give no lower bound;
    ``actors``, ``sourcing`` and ``disputed_by`` are tuples of ids.
    """
    timeline = read_table(TABLES["timeline.csv"], data_dir)
    for column in ("date_earliest", "date_latest"):
        timeline[column] = pd.to_datetime(timeline[column], format="%Y-%m-%d")
    timeline["year_inferred"] = (timeline["year_inferred"] == "true").astype(bool)
    return timeline


def load_propositions(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Propositions students weigh arguments on (``propositions.csv``)."""
    return read_table(TABLES["propositions.csv"], data_dir)


def load_arguments(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Arguments for and against each proposition, with who makes them (``arguments.csv``)."""
    return read_table(TABLES["arguments.csv"], data_dir)


def load_analogies(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Analogies offered for the case (``analogies.csv``); ``source_ids`` are tuples."""
    return read_table(TABLES["analogies.csv"], data_dir)


def load_analogy_dimensions(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """What an analogy is compared on, and where the AI case stands (``analogy_dimensions.csv``)."""
    return read_table(TABLES["analogy_dimensions.csv"], data_dir)


def load_statements(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Statements from the reporting with the kind of each (``statements.csv``): the source check's key."""
    return read_table(TABLES["statements.csv"], data_dir)


def load_epilogue(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """What was reported after 17 February 2026 (``epilogue.csv``), with typed dates; ``source_ids`` are tuples."""
    epilogue = read_table(TABLES["epilogue.csv"], data_dir)
    for column in ("date_earliest", "date_latest"):
        epilogue[column] = pd.to_datetime(epilogue[column], format="%Y-%m-%d")
    return epilogue


def load_lens_readings(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The casebook's reading of each option under each ethical lens (``lens_readings.csv``).

    One row per option and lens (ids in :mod:`casebook.vocabulary`), indexed by
    ``reading_id``; ``source_ids`` are tuples.
    """
    return read_table(TABLES["lens_readings.csv"], data_dir)
