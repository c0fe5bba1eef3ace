"""Reading the case's files, and saying what is wrong with them.

A problem is reported as a :class:`Problem` (file, line as an editor numbers it,
column, rule and value found), and every problem of a case is raised at once as one
:class:`DataError`, so that someone who does not program can fix the files.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pandera.pandas as pa
from pybtex.backends.plaintext import Backend as PlainText
from pybtex.database import BibliographyDataError, parse_file
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

if TYPE_CHECKING:
    from casebook.data.tables import Table

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


def display_name(path: Path) -> str:
    """The file as the error messages name it: data/NAME.csv."""
    return f"{path.parent.name}/{path.name}"


def split_list(cell) -> list[str]:
    """The items of a ';'-separated cell; an empty cell has none."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return []
    return [item.strip() for item in str(cell).split(LIST_SEPARATOR) if item.strip()]


# --------------------------------------------------------------------------- CSV


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


def check_table(table: Table, rows: pd.DataFrame, lines: list[int], path: Path) -> list[Problem]:
    """Every way ``rows`` break the table's schema and row rules (references aside)."""
    name = display_name(path)
    try:
        table.schema.validate(rows, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = [describe_failure(case, lines, table.schema, name) for case in errors.failure_cases.itertuples()]
        if not header_is_right(problems):
            return problems  # row rules would only repeat the header's problems
        problems = [name_duplicate_lines(p, problems) for p in problems]
    else:
        problems = []
    for rule in table.row_rules:
        for position in (~rule.holds(rows).astype(bool)).to_numpy().nonzero()[0]:
            problems.append(Problem(name, lines[position], rule.column, rule.rule, rows.iloc[position][rule.column]))
    return problems


def header_is_right(problems: list[Problem]) -> bool:
    """Whether every column is there, so that checks across tables can run."""
    return not any(p.line == 1 for p in problems)


UNIQUE_RULE = "must be unique, but another row has the same value"


def name_duplicate_lines(problem: Problem, problems: list[Problem]) -> Problem:
    """Say on which lines a value that must be unique appears."""
    if problem.rule != UNIQUE_RULE:
        return problem
    same = [str(p.line) for p in problems if p.rule == UNIQUE_RULE and (p.column, p.value) == (problem.column, problem.value)]
    return replace(problem, rule=f"must be unique, but lines {' and '.join(same)} have the same value")


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
    rows: pd.DataFrame,
    lines: list[int],
    column: str,
    known: set[str],
    target: str,
    path: Path,
) -> list[Problem]:
    """Every id in ``column`` (a single id or a ';'-separated list) that ``known`` lacks."""
    return [
        Problem(display_name(path), line, column, f"no such id in {target}; add it there or correct this id", item)
        for cell, line in zip(rows[column], lines)
        for item in split_list(cell)
        if item not in known
    ]


# --------------------------------------------------------------------------- BibTeX


def read_bibliography(path: Path) -> pd.DataFrame:
    """The bibliography: one row per entry, indexed by its key, in plain text.

    BibTeX's braces and escapes ("{Anthropic}", "AAC\\&U") are for LaTeX, not readers:
    ``author``, ``title`` and ``note`` hold the text as a reader should see it, and
    ``label`` the short author-year label the book shows ("Albergotti, 2026").
    ``epilogue`` is true for the sources reported after 17 February 2026.
    """
    if not path.is_file():  # pybtex would look for it elsewhere, then raise an error of its own
        raise DataError([Problem(display_name(path), None, None, "the file is missing")])
    try:
        bib = parse_file(str(path), bib_format="bibtex")
    except PybtexSyntaxError as error:
        raise DataError([Problem(display_name(path), error.lineno, None, f"not valid BibTeX ({error})")])
    except BibliographyDataError as error:
        raise DataError([Problem(display_name(path), None, None, f"not a valid bibliography ({error})")])
    rows = []
    for key, entry in bib.entries.items():
        people = entry.persons.get("author", [])
        year = entry.fields.get("year", "")
        rows.append({
            "key": key,
            "entry_type": entry.type,
            "author": " and ".join(plain(str(person)) for person in people),
            "title": plain(entry.fields.get("title", "")),
            "year": year,
            "note": plain(entry.fields.get("note", "")),
            "label": f"{surname(people[0]) if people else key}, {year or 'n.d.'}",
            # Reported after 17 February 2026, so only for the epilogue.
            "epilogue": "epilogue" in entry.fields.get("keywords", ""),
        })
    sources = pd.DataFrame(rows).set_index("key")
    return sources.astype({column: "string" for column in sources.columns if column != "epilogue"})


def plain(latex: str) -> str:
    """A BibTeX field as plain text: '{Anthropic}, {Pentagon}' → 'Anthropic, Pentagon'; 'AAC\\&U' → 'AAC&U'."""
    return Text.from_latex(latex).render(PLAIN_TEXT)


# The backend itself: render_as("text") would look it up among the installed plugins on every call.
PLAIN_TEXT = PlainText()


def surname(person) -> str:
    """A person's surname, or an organisation's name up to its first comma ('Markkula Center')."""
    return plain(" ".join(person.prelast_names + person.last_names)).split(",")[0].strip()
