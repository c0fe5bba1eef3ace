"""The case's data tables: the real ones validate, and broken copies are refused
with a message naming the file, the line an editor shows, the column and the value."""

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from casebook import data
from casebook.data import DataError

pytestmark = pytest.mark.unit


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of data/ to break; named data/ so messages read as they would for the real files."""
    return Path(shutil.copytree(data.DATA_DIR, tmp_path / "data"))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_column(path: Path, column: str) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    position = rows[0].index(column)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([row[:position] + row[position + 1:] for row in rows])


def line_of(path: Path, row_id: str) -> int:
    """The line (as an editor numbers them) on which the row with this id starts."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{row_id},"):
            return number
    raise AssertionError(f"test set-up: no row {row_id} in {path.name}")


def refused(load, folder: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        load(folder)
    return caught.value


def assert_names(error: DataError, file: str, line: int | None, column: str | None, value: str | None):
    """The message names everything a person needs to find and fix the cell."""
    message = str(error)
    matching = [p for p in error.problems if (p.file, p.line, p.column, p.value) == (file, line, column, value)]
    assert matching, f"no problem at {file}, line {line}, column {column}, value {value!r} in:\n{message}"
    expected = [file] + ([f"line {line}"] if line else []) + ([f"column '{column}'"] if column else [])
    expected += [repr(value)] if value is not None else []
    for part in expected:
        assert part in message, f"{part!r} missing from the message:\n{message}"
    assert "Fix each one" in message


# ---------------------------------------------------------------------- the real tables


def test_timeline_loads_typed():
    timeline = data.load_timeline()
    assert timeline.index.is_unique and len(timeline) >= 12
    assert pd.api.types.is_datetime64_any_dtype(timeline["date_latest"])
    assert pd.api.types.is_datetime64_any_dtype(timeline["date_earliest"])
    assert timeline["year_inferred"].dtype == bool
    assert all(isinstance(actors, tuple) and actors for actors in timeline["actors"])
    known = timeline.dropna(subset=["date_earliest"])
    assert (known["date_earliest"] <= known["date_latest"]).all()


def test_every_event_falls_in_a_panel_of_the_timeline_figure():
    from casebook.timeline import events_outside_panels

    timeline = data.load_timeline()
    assert events_outside_panels(timeline) == []
    moved = timeline.copy()
    moved.loc["T02", ["date_earliest", "date_latest"]] = [pd.Timestamp("2025-11-01"), pd.Timestamp("2025-11-30")]
    assert events_outside_panels(moved) == ["T02"]


def test_timeline_dates_are_never_guessed_days():
    """An event without a stated day is a range or has no lower bound; report dates are marked."""
    timeline = data.load_timeline()
    single_days = timeline[timeline["date_earliest"] == timeline["date_latest"]]
    assert set(single_days["date_basis"]) <= {"stated"}
    assert "report-date" in set(timeline["date_basis"])
    assert timeline["date_note"].str.len().min() > 20


def test_every_reference_between_tables_exists():
    timeline, actors, sources = data.load_timeline(), data.load_actors(), data.load_sources()
    used_actors = {actor for ids in timeline["actors"] for actor in ids} | {a for ids in timeline["disputed_by"] for a in ids}
    assert used_actors <= set(actors.index)
    assert set(timeline["source_id"]) | set(actors["source_id"]) <= set(sources.index)


def test_parties_without_a_voice_are_shown_as_such():
    actors = data.load_actors()
    silent = actors[actors["position_basis"] == "none"]
    assert {"amazon", "ice", "openai"} <= set(silent.index)
    assert silent["position"].isna().all()


def test_sources_include_the_article():
    sources = data.load_sources()
    assert sources.loc["albergotti2026", "author"] == "Albergotti, Reed"
    assert sources.index.is_unique


# ---------------------------------------------------------------------- broken copies


def test_missing_column_is_named(folder):
    drop_column(folder / "timeline.csv", "date_basis")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", 1, "date_basis", None)


def test_bad_date_is_named(folder):
    path = folder / "timeline.csv"
    replace_in(path, "T07,Hegseth announces genai.mil,2026-01-12,2026-01-12", "T07,Hegseth announces genai.mil,2026-01-12,2026-02-30")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T07"), "date_latest", "2026-02-30")
    assert "YYYY-MM-DD" in str(error)


def test_date_in_another_format_is_refused(folder):
    path = folder / "timeline.csv"
    replace_in(path, "T02,Anthropic declines law-enforcement contractors,2025-09-01", "T02,Anthropic declines law-enforcement contractors,1/9/2025")
    assert_names(refused(data.load_timeline, folder), "data/timeline.csv", line_of(path, "T02"), "date_earliest", "1/9/2025")


def test_range_that_ends_before_it_starts_is_refused(folder):
    path = folder / "timeline.csv"
    replace_in(path, "T06,Rupture with the Pentagon,2026-01-01,2026-01-15", "T06,Rupture with the Pentagon,2026-01-20,2026-01-15")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T06"), "date_latest", "2026-01-15")
    assert "must not come before the earliest" in str(error)


def test_dangling_actor_is_named(folder):
    path = folder / "timeline.csv"
    replace_in(path, "pete-hegseth;pentagon;google", "pete-hegseth;department-of-war;google")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T07"), "actors", "department-of-war")
    assert "actors.csv" in str(error)


def test_dangling_source_is_named(folder):
    path = folder / "timeline.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    number = line_of(path, "T03")
    assert text[number - 1].endswith(",albergotti2026")
    text[number - 1] = text[number - 1].removesuffix("albergotti2026") + "semafor-feb"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", number, "source_id", "semafor-feb")
    assert "sources.bib" in str(error)


def test_duplicate_id_names_both_lines(folder):
    path = folder / "timeline.csv"
    first, second = line_of(path, "T07"), line_of(path, "T08")
    replace_in(path, "\nT08,", "\nT07,")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", first, "event_id", "T07")
    assert_names(error, "data/timeline.csv", second, "event_id", "T07")
    assert f"lines {first} and {second}" in str(error)


def test_value_outside_the_allowed_set_is_named(folder):
    path = folder / "timeline.csv"
    replace_in(path, "2026-02-14,2026-02-16,inferred", "2026-02-14,2026-02-15,guessed")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T09"), "date_basis", "guessed")
    assert "stated, inferred, report-date" in str(error)


def test_every_problem_is_reported_at_once(folder):
    path = folder / "timeline.csv"
    replace_in(path, "2026-02-14,2026-02-16,inferred", "2026-02-14,2026-02-15,guessed")
    replace_in(path, "pete-hegseth;pentagon;google", "pete-hegseth;nobody;google")
    error = refused(data.load_timeline, folder)
    assert {p.column for p in error.problems} >= {"date_basis", "actors"}


def test_line_numbers_count_lines_inside_quoted_cells(folder):
    """A cell spanning two lines shifts every later row by one line, as an editor shows it."""
    path = folder / "timeline.csv"
    replace_in(path, "declining to grant an exception", "declining to grant\nan exception")
    replace_in(path, "T07,Hegseth announces genai.mil,2026-01-12,2026-01-12", "T07,Hegseth announces genai.mil,2026-01-12,2026-01-32")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T07"), "date_latest", "2026-01-32")


def test_required_cell_left_empty_is_named(folder):
    path = folder / "actors.csv"
    replace_in(path, "\npalantir,Palantir,organisation,", "\npalantir,,organisation,")
    error = refused(data.load_actors, folder)
    assert_names(error, "data/actors.csv", line_of(path, "palantir"), "name", None)
    assert "required" in str(error)


def test_actors_missing_column_is_named(folder):
    drop_column(folder / "actors.csv", "position_basis")
    assert_names(refused(data.load_actors, folder), "data/actors.csv", 1, "position_basis", None)


def test_actors_duplicate_id_is_named(folder):
    path = folder / "actors.csv"
    google, openai = line_of(path, "google"), line_of(path, "openai")
    replace_in(path, "\ngoogle,Google,", "\nopenai,Google,")
    error = refused(data.load_actors, folder)
    assert_names(error, "data/actors.csv", google, "actor_id", "openai")
    assert_names(error, "data/actors.csv", openai, "actor_id", "openai")


def test_actors_dangling_source_is_named(folder):
    replace_in(folder / "sources.bib", "@misc{albergotti2026,", "@misc{albergotti2026a,")
    error = refused(data.load_actors, folder)
    assert_names(error, "data/actors.csv", 2, "source_id", "albergotti2026")


def test_actors_position_without_basis_is_refused(folder):
    path = folder / "actors.csv"
    replace_in(path, ",,none,,,albergotti2026,,,\ndario-amodei", ",He runs it.,none,,,albergotti2026,,,\ndario-amodei")
    error = refused(data.load_actors, folder)
    assert_names(error, "data/actors.csv", line_of(path, "anthropic-official"), "position", "He runs it.")


def test_overlong_quotation_is_refused(folder):
    path = folder / "actors.csv"
    long_quote = " ".join(["word"] * 30)
    replace_in(path, "fear-mongering,David Sacks,", long_quote + ",David Sacks,")
    error = refused(data.load_actors, folder)
    assert_names(error, "data/actors.csv", line_of(path, "david-sacks"), "quote", long_quote)


def test_quotation_without_speaker_is_refused(folder):
    path = folder / "actors.csv"
    replace_in(path, "fear-mongering,David Sacks,", "fear-mongering,,")
    assert_names(refused(data.load_actors, folder), "data/actors.csv", line_of(path, "david-sacks"), "quote_by", None)


# ---------------------------------------------------------------------- files that do not parse


def test_unclosed_quote_names_the_line_where_it_opens(folder):
    path = folder / "timeline.csv"
    last_line = len(path.read_text(encoding="utf-8").splitlines())
    with open(path, "a", encoding="utf-8") as f:
        f.write('T16,"An unclosed headline,2026-01-01,2026-01-02\n')
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", last_line + 1, None, None)
    assert "never closed" in str(error)


def test_wrong_number_of_fields_is_named(folder):
    path = folder / "timeline.csv"
    replace_in(path, "T04,Check-in between Anthropic and Palantir,,", "T04,Check-in between Anthropic and Palantir,")
    error = refused(data.load_timeline, folder)
    assert_names(error, "data/timeline.csv", line_of(path, "T04"), None, None)
    assert "14 fields but the header has 15" in str(error)


def test_a_byte_order_mark_is_not_part_of_the_header(folder):
    path = folder / "actors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "anthropic" in data.load_actors(folder).index


def test_empty_file_is_refused(folder):
    (folder / "actors.csv").write_text("", encoding="utf-8")
    assert_names(refused(data.load_actors, folder), "data/actors.csv", 1, None, None)


def test_broken_bibtex_names_the_line(folder):
    replace_in(folder / "sources.bib", "title     = {Elon Musk},", "title     = {Elon Musk,")
    error = refused(data.load_sources, folder)
    assert error.problems[0].file == "data/sources.bib" and error.problems[0].line
    assert "not valid BibTeX" in str(error) and "line" in str(error)


def test_repeated_bibtex_key_is_refused(folder):
    with open(folder / "sources.bib", "a", encoding="utf-8") as f:
        f.write("\n@misc{albergotti2026,\n  author = {{Semafor}},\n  year = {2026}\n}\n")
    error = refused(data.load_sources, folder)
    assert "data/sources.bib" in str(error) and "albergotti2026" in str(error)


def test_missing_file_is_named(folder):
    (folder / "actors.csv").unlink()
    error = refused(data.load_actors, folder)
    assert "data/actors.csv" in str(error) and "missing" in str(error)


# ---------------------------------------------------------------------- every table, the same way


def first_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.mark.parametrize("name", sorted(data.TABLES))
def test_every_table_loads_with_unique_ids(name):
    table = data.read_table(data.TABLES[name])
    assert len(table) >= 1 and table.index.is_unique


@pytest.mark.parametrize("name", sorted(data.TABLES))
def test_every_table_refuses_a_missing_column(folder, name):
    last = list(data.TABLES[name].schema.columns)[-1]
    drop_column(folder / name, last)
    error = refused(lambda f: data.read_table(data.TABLES[name], f), folder)
    assert_names(error, f"data/{name}", 1, last, None)


@pytest.mark.parametrize("name", sorted(data.TABLES))
def test_every_table_refuses_a_duplicate_id(folder, name):
    path = folder / name
    rows = first_rows(path)
    if len(rows) < 3:
        rows.append(list(rows[1]))  # a one-row table: repeat the row
    else:
        rows[2][0] = rows[1][0]
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    error = refused(lambda f: data.read_table(data.TABLES[name], f), folder)
    assert_names(error, f"data/{name}", 2, data.TABLES[name].id_column, rows[1][0])
    assert_names(error, f"data/{name}", 3, data.TABLES[name].id_column, rows[1][0])


REFERENCES = [(name, column, target) for name, table in sorted(data.TABLES.items()) for column, target in table.references]


@pytest.mark.parametrize("name, column, target", REFERENCES, ids=lambda v: str(v))
def test_every_reference_column_refuses_a_dangling_id(folder, name, column, target):
    path = folder / name
    rows = first_rows(path)
    position = rows[0].index(column)
    rows[1][position] = "no-such-id"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    error = refused(lambda f: data.read_table(data.TABLES[name], f), folder)
    assert_names(error, f"data/{name}", 2, column, "no-such-id")
    assert target in str(error)


def test_an_option_read_twice_under_one_lens_is_refused_naming_both_lines(folder):
    path = folder / "lens_readings.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines) + "L99," + lines[1].split(",", 1)[1], encoding="utf-8")
    lens = next(csv.reader([lines[1]]))[2]
    error = refused(data.load_lens_readings, folder)
    assert_names(error, "data/lens_readings.csv", 2, "lens", lens)
    assert_names(error, "data/lens_readings.csv", len(lines) + 1, "lens", lens)


# ---------------------------------------------------------------------- the case, read once


def test_the_case_reads_the_bibliography_once_however_many_loaders_ask(folder, monkeypatch):
    """Building the My answers page once parsed sources.bib eight times."""
    from casebook.data import reading

    calls = []
    parse = reading.parse_file
    monkeypatch.setattr(reading, "parse_file", lambda *args, **kwargs: calls.append(args) or parse(*args, **kwargs))
    for load in (data.load_sources, data.load_actors, data.load_timeline, data.load_arguments, data.load_analogies,
                 data.load_analogy_dimensions, data.load_statements, data.load_epilogue, data.load_lens_readings):
        load(folder)
    assert len(calls) == 1


def test_an_edited_file_is_read_again(folder):
    """The case is kept per folder only as long as its files stay the same, however fast they change."""
    path = folder / "actors.csv"
    assert data.load_actors(folder).loc["palantir", "name"] == "Palantir"
    replace_in(path, "\npalantir,Palantir,", "\npalantir,Palantyr,")  # same size, same second
    assert data.load_actors(folder).loc["palantir", "name"] == "Palantyr"
    replace_in(path, "\npalantir,Palantyr,", "\npalantir,,")
    assert_names(refused(data.load_actors, folder), "data/actors.csv", line_of(path, "palantir"), "name", None)


def test_each_loader_returns_a_copy_of_its_own():
    timeline = data.load_timeline()
    timeline.loc["T07", "headline"] = "changed by a reader"
    del timeline["event"]
    again = data.load_timeline()
    assert again.loc["T07", "headline"] != "changed by a reader" and "event" in again


def test_problems_in_several_tables_are_reported_together(folder):
    """Every table is checked whichever loader is called, so one run lists everything to fix."""
    timeline, actors = folder / "timeline.csv", folder / "actors.csv"
    replace_in(timeline, "2026-02-14,2026-02-16,inferred", "2026-02-14,2026-02-15,guessed")
    replace_in(actors, "\npalantir,Palantir,organisation,", "\npalantir,Palantir,company,")
    error = refused(data.load_sources, folder)
    assert_names(error, "data/timeline.csv", line_of(timeline, "T09"), "date_basis", "guessed")
    assert_names(error, "data/actors.csv", line_of(actors, "palantir"), "kind", "company")


def test_missing_bibliography_is_named(folder):
    (folder / "sources.bib").unlink()
    error = refused(data.load_sources, folder)
    assert_names(error, "data/sources.bib", None, None, None)
    assert "missing" in str(error)


def test_allowed_values_are_the_vocabulary(folder):
    """A kind of statement the vocabulary lacks is refused, and the message lists the vocabulary's."""
    from casebook import vocabulary

    path = folder / "statements.csv"
    rows = first_rows(path)
    position = rows[0].index("label")
    rows[1][position] = "rumour"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    error = refused(data.load_statements, folder)
    assert_names(error, "data/statements.csv", 2, "label", "rumour")
    assert ", ".join(vocabulary.STATEMENT_LABELS) in str(error)


# ---------------------------------------------------------------------- forecasts


def test_every_forecast_has_an_outcome_resolution_events_and_sources():
    forecasts = data.load_forecasts()
    assert 5 <= len(forecasts) <= 7
    assert set(forecasts["outcome"]) == {"yes", "no"}, "both outcomes should be among the questions"
    for forecast_id, row in forecasts.iterrows():
        assert row["resolution"].strip() and row["resolved_by"] and row["source_ids"], forecast_id
        assert row["resolution"].startswith(f"{row['outcome'].capitalize()}:"), f"{forecast_id}: the resolution says the outcome first"


def test_every_forecast_source_is_marked_epilogue_and_backs_a_resolving_event():
    """The resolutions are what was reported after 17 February: an edition without the epilogue leaves them out."""
    forecasts, sources, epilogue = data.load_forecasts(), data.load_sources(), data.load_epilogue()
    for forecast_id, row in forecasts.iterrows():
        unmarked = [key for key in row["source_ids"] if not sources.loc[key, "epilogue"]]
        assert not unmarked, f"{forecast_id}: sources not marked epilogue: {unmarked}"
        of_events = {key for event in row["resolved_by"] for key in epilogue.loc[event, "source_ids"]}
        assert set(row["source_ids"]) <= of_events, f"{forecast_id}: sources not behind its events: {set(row['source_ids']) - of_events}"


def test_every_forecast_is_resolved_by_events_on_or_before_it_closes():
    forecasts, epilogue = data.load_forecasts(), data.load_epilogue()
    for forecast_id, row in forecasts.iterrows():
        for event in row["resolved_by"]:
            assert event in epilogue.index, f"{forecast_id}: no event {event}"
            assert epilogue.loc[event, "date_latest"] <= row["closes"], f"{forecast_id}: {event} falls after {row['closes']:%Y-%m-%d}"


def test_every_forecast_question_is_asked_from_17_february():
    """A question closes after 17 February 2026, when it was asked, and names the date it resolves by."""
    for forecast_id, row in data.load_forecasts().iterrows():
        assert row["closes"] > pd.Timestamp("2026-02-17"), forecast_id
        assert f"{row['closes'].day} {row['closes']:%B %Y}" in row["question"], f"{forecast_id}: the question should name {row['closes']:%d %B %Y}"


def test_a_forecast_resolved_by_an_unknown_event_is_named(folder):
    replace_in(folder / "forecasts.csv", ",E03;E04,", ",E99;E04,")
    error = refused(data.load_forecasts, folder)
    assert_names(error, "data/forecasts.csv", line_of(folder / "forecasts.csv", "F02"), "resolved_by", "E99")


def test_a_forecast_outcome_other_than_yes_or_no_is_named(folder):
    replace_in(folder / "forecasts.csv", "2026-05-17,yes,", "2026-05-17,maybe,")
    error = refused(data.load_forecasts, folder)
    assert_names(error, "data/forecasts.csv", line_of(folder / "forecasts.csv", "F02"), "outcome", "maybe")
