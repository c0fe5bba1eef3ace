"""The case: every table of one data folder, read and cross-checked once; one loader per table.

Reading a folder checks each table against its declaration and every reference
between tables, reading each file once; any problem anywhere raises one
:class:`DataError` listing them all. The checked case is kept per folder, and read
again when a file in it changes, so the loaders below are cheap and return copies
that a caller may change freely.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from casebook.data.reading import (
    DataError, Problem, check_references, check_table, header_is_right, read_bibliography, read_rows, split_list,
)
from casebook.data.tables import BIBLIOGRAPHY, TABLES, Table

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Case:
    """The checked, typed tables of one data folder, by file name (``sources.bib`` included)."""

    folder: Path
    tables: dict[str, pd.DataFrame]

    def table(self, file: str) -> pd.DataFrame:
        """A copy of one table, indexed by its id."""
        return self.tables[file].copy()


def load_case(data_dir: str | Path = DATA_DIR) -> Case:
    """The case in ``data_dir``, read and checked once for as long as its files stay the same."""
    folder = Path(data_dir).resolve()
    return read_case(folder, contents_digest(folder))


def contents_digest(folder: Path) -> str:
    """A digest of every file the case reads: a changed file is a changed case, however quickly
    it was changed (modification times can be too coarse to tell two edits apart)."""
    digest = hashlib.sha256()
    for name in [BIBLIOGRAPHY, *TABLES]:
        path = folder / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"(missing)") + b"\0")
    return digest.hexdigest()


# A few folders at most: the data/ folder, and the broken copies a test makes.
@lru_cache(maxsize=8)
def read_case(folder: Path, digest: str) -> Case:
    """Read and check every table in ``folder``; ``digest`` (of its files) keys the cache."""
    problems: list[Problem] = []
    try:
        sources = read_bibliography(folder / BIBLIOGRAPHY)
        ids = {BIBLIOGRAPHY: set(sources.index)}
    except DataError as error:
        problems += error.problems
        sources, ids = None, {}
    rows: dict[str, tuple[pd.DataFrame, list[int]]] = {}
    for table in TABLES.values():
        try:
            frame, lines = read_rows(folder / table.file)
        except DataError as error:
            problems += error.problems
            continue
        found = check_table(table, frame, lines, folder / table.file)
        problems += found
        if header_is_right(found):  # else its ids and references cannot be trusted
            rows[table.file] = (frame, lines)
            ids[table.file] = set(frame[table.id_column].dropna())
    for file, (frame, lines) in rows.items():
        for column, target in TABLES[file].references:
            if target in ids:  # a target that cannot be read has reported its own problems
                problems += check_references(frame, lines, column, ids[target], target, folder / file)
    if problems:
        raise DataError(problems)
    tables = {file: typed(TABLES[file], frame) for file, (frame, _) in rows.items()}
    return Case(folder, {**tables, BIBLIOGRAPHY: sources})


def typed(table: Table, rows: pd.DataFrame) -> pd.DataFrame:
    """A checked table as text columns indexed by its id, with its lists, dates and flags typed."""
    frame = rows.astype("string")
    for column in table.list_columns:
        frame[column] = frame[column].map(lambda cell: tuple(split_list(cell)))
    for column in table.dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in table.flags:
        frame[column] = (frame[column] == "true").astype(bool)
    return frame.set_index(table.id_column)


# --------------------------------------------------------------------------- loaders


def read_table(table: Table, data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """One of :data:`TABLES`, checked against every rule and typed, indexed by its id."""
    return load_case(data_dir).table(table.file)


def source_label(key: str, sources: pd.DataFrame) -> str:
    """A source as a short author-year label, e.g. 'Albergotti, 2026' or 'Ballotpedia, n.d.'."""
    return str(sources.loc[key, "label"])


def load_sources(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """The bibliography ``sources.bib``, one row per entry indexed by its key, in plain text.

    ``label`` is the entry's author-year label; ``epilogue`` is true for the sources
    reported after 17 February 2026.
    """
    return load_case(data_dir).table(BIBLIOGRAPHY)


def load_actors(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """The parties and other people in the case (``actors.csv``), indexed by ``actor_id``."""
    return load_case(data_dir).table("actors.csv")


def load_timeline(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """The dated events the article reports (``timeline.csv``), indexed by ``event_id``.

    Rows keep the file's order, which is the order of events as the sources put
    them: where two date ranges overlap, the dates alone cannot order them.

    ``date_earliest`` is missing (NaT) where the sources give no lower bound;
    ``actors``, ``sourcing`` and ``disputed_by`` are tuples of ids.
    """
    return load_case(data_dir).table("timeline.csv")


def load_propositions(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """Propositions students weigh arguments on (``propositions.csv``)."""
    return load_case(data_dir).table("propositions.csv")


def load_arguments(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """Arguments for and against each proposition, with who makes them (``arguments.csv``)."""
    return load_case(data_dir).table("arguments.csv")


def load_analogies(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """Analogies offered for the case (``analogies.csv``); ``source_ids`` are tuples."""
    return load_case(data_dir).table("analogies.csv")


def load_analogy_dimensions(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """What an analogy is compared on, and where the AI case stands (``analogy_dimensions.csv``)."""
    return load_case(data_dir).table("analogy_dimensions.csv")


def load_statements(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """Statements from the reporting with the kind of each (``statements.csv``): the source check's key."""
    return load_case(data_dir).table("statements.csv")


def load_epilogue(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """What was reported after 17 February 2026 (``epilogue.csv``), with typed dates; ``source_ids`` are tuples."""
    return load_case(data_dir).table("epilogue.csv")


def load_forecasts(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """The questions students forecast before the epilogue, and how each resolved (``forecasts.csv``).

    Indexed by ``forecast_id``; ``closes`` is a date, ``outcome`` "yes" or "no", and
    ``resolved_by`` (events of ``epilogue.csv``) and ``source_ids`` are tuples. The
    outcomes and resolutions belong to the epilogue: an edition without it shows the
    questions only (casebook.widgets.forecast).
    """
    return load_case(data_dir).table("forecasts.csv")


def load_lens_readings(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """The casebook's reading of each option under each ethical lens (``lens_readings.csv``).

    One row per option and lens (ids in :mod:`casebook.vocabulary`), indexed by
    ``reading_id``; ``source_ids`` are tuples.
    """
    return load_case(data_dir).table("lens_readings.csv")
