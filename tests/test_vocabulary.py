"""The decision each decision-maker faces is a real choice, and every option is read
under every ethical lens: the mechanical part of a fair case (issue #10)."""

import pytest

from casebook import data, vocabulary

pytestmark = pytest.mark.unit


def test_each_decision_maker_is_named_and_has_at_least_three_options():
    for role in vocabulary.ROLES:
        assert "," in role["name"], f"{role['name']!r}: name the person and the office, as the sources do"
        assert len(role["options"]) >= 3, f"{role['name']} has only {len(role['options'])} options"
    assert len(vocabulary.DECISIONS) == sum(len(role["options"]) for role in vocabulary.ROLES), "option ids are unique"


def test_every_option_is_read_under_every_lens_once():
    readings = data.load_lens_readings()
    pairs = set(zip(readings["option"], readings["lens"]))
    expected = {(option, lens) for option in vocabulary.DECISIONS for lens in vocabulary.LENSES}
    assert pairs == expected, f"missing: {sorted(expected - pairs)}"
    assert len(readings) == len(expected)


def test_every_reading_gives_a_case_and_a_concern():
    readings = data.load_lens_readings()
    for column in ("strongest_case", "main_concern"):
        short = readings[readings[column].str.split().str.len() < 6]
        assert short.empty, f"readings too short to argue with in {column}: {list(short.index)}"


def test_every_argument_has_a_side_and_a_source_and_both_sides_are_argued():
    arguments = data.load_arguments()
    assert arguments["side"].notna().all() and arguments["source_id"].notna().all()
    counts = arguments.groupby("proposition_id")["side"].value_counts().unstack(fill_value=0)
    for proposition, row in counts.iterrows():
        assert row.get("for", 0) >= 4 and row.get("against", 0) >= 4, f"{proposition}: each side needs its strongest arguments"
        assert abs(row["for"] - row["against"]) <= 1, f"{proposition}: one side has more arguments than the other"

