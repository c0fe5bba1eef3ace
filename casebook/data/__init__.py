"""The case's tables from ``data/``, as validated, typed pandas DataFrames.

- :mod:`casebook.data.reading`: reading the CSV and BibTeX files, and the problems
  found in them (:class:`Problem`, :class:`DataError`);
- :mod:`casebook.data.tables`: each table declared once, its schema, rules and references;
- :mod:`casebook.data.case`: the :class:`Case`, every table read and cross-checked once
  per data folder, and one loader per table (``load_timeline()`` and so on).
"""

from casebook.data.case import (
    DATA_DIR,
    Case,
    load_actors,
    load_analogies,
    load_analogy_dimensions,
    load_arguments,
    load_case,
    load_epilogue,
    load_forecasts,
    load_lens_readings,
    load_propositions,
    load_sources,
    load_statements,
    load_timeline,
    read_table,
    source_label,
)
from casebook.data.reading import DataError, Problem, split_list
from casebook.data.tables import TABLES, Table
from casebook.vocabulary import STATEMENT_LABELS

__all__ = [
    "DATA_DIR", "STATEMENT_LABELS", "TABLES", "Case", "DataError", "Problem", "Table",
    "load_actors", "load_analogies", "load_analogy_dimensions", "load_arguments", "load_case", "load_epilogue", "load_forecasts",
    "load_lens_readings", "load_propositions", "load_sources", "load_statements", "load_timeline",
    "read_table", "source_label", "split_list",
]
