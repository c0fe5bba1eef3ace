"""The answer-file format on the Python side: the shared fixtures, migration, merging, writing."""

import json
import os
import stat

import pytest

from casebook import answers, vocabulary
from casebook.answers import AnswerFileError
from support import FIXTURES, INVALID, REASONS, VALID, reason_of

pytestmark = pytest.mark.unit


def test_there_are_fixtures_of_each_reason():
    assert len(VALID) >= 3
    assert {reason_of(path) for path in INVALID} == set(REASONS.values())


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_is_accepted_and_migrated_to_the_current_version(path):
    document = answers.read_answer_file(path)
    assert document["version"] == answers.VERSION
    assert all("updated" in answer for answer in document["answers"].values())
    assert answers.VALIDATOR.is_valid(document)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_is_refused_with_its_reason(path):
    with pytest.raises(AnswerFileError) as caught:
        answers.read_answer_file(path)
    assert reason_of(path) in str(caught.value)
    assert path.name in str(caught.value)


def test_file_over_five_megabytes_is_refused(tmp_path):
    big = json.loads((FIXTURES / "valid" / "v2-every-kind.json").read_text())
    big["student"] = "x" * 100
    big["padding"] = "y" * (answers.MAX_BYTES + 10)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(big))
    with pytest.raises(AnswerFileError, match="too large"):
        answers.read_answer_file(path)


def test_version_one_answers_count_as_older_than_dated_ones():
    old = answers.read_answer_file(FIXTURES / "valid" / "v1-without-times.json")
    assert old["answers"]["ch2-source-check"]["updated"] == answers.UNDATED


def test_version_two_decision_makers_become_ids_and_a_retired_choice_is_kept_in_words():
    """Version 3 gave the Pentagon four options; 'not-designate' has no equivalent, so it is kept, not dropped."""
    kept = answers.read_answer_file(FIXTURES / "valid" / "v2-every-kind.json")["answers"]["ch8-answer"]["state"]
    assert kept["role"] == "anthropic" and kept["decision"] == "" and "earlier_choice" not in kept
    retired = answers.read_answer_file(FIXTURES / "valid" / "v2-retired-decision.json")["answers"]["ch8-answer"]["state"]
    assert retired["role"] == "pentagon" and retired["decision"] == ""
    assert retired["earlier_choice"] == vocabulary.V2_RETIRED_DECISIONS["not-designate"]
    assert retired["claim"] == "Do not designate." and retired["citations"] == ["usc10_3252"]


def test_a_decision_maker_named_in_unknown_words_is_kept_as_an_earlier_choice():
    answer = entry("answer-builder", "2026-03-01T09:00:00Z", {"role": "The board", "decision": "sign", "claim": "c", "grounds": "",
                                                             "citations": [], "warrant": "", "backing": "", "qualifier": "", "rebuttal": ""})
    state = answers.migrate_answer(answer, 2)["state"]
    assert state["role"] == "" and state["decision"] == "sign" and state["earlier_choice"] == "decision-maker: The board"


def entry(kind: str, updated: str, state: dict, title: str = "") -> dict:
    return {"kind": kind, "title": title, "updated": updated, "state": state}


def test_merge_adds_new_replaces_older_and_keeps_newer_never_deletes():
    existing = {
        "mine-only": entry("source-check", "2026-03-01T10:00:00.000Z", {"labels": {"S01": "denial"}}),
        "both-ours-newer": entry("source-check", "2026-03-05T10:00:00.000Z", {"labels": {"S01": "opinion"}}),
        "both-theirs-newer": entry("source-check", "2026-03-01T10:00:00.000Z", {"labels": {"S01": "opinion"}}),
    }
    incoming = {
        "theirs-only": entry("source-check", "2026-03-02T10:00:00.000Z", {"labels": {}}),
        "both-ours-newer": entry("source-check", "2026-03-04T10:00:00.000Z", {"labels": {}}),
        "both-theirs-newer": entry("source-check", "2026-03-01T10:00:00.5Z", {"labels": {"S02": "denial"}}),
    }
    merged, changes = answers.merge_answers(existing, incoming)
    assert {change.key: change.action for change in changes} == {
        "theirs-only": "add", "both-ours-newer": "keep", "both-theirs-newer": "replace",
    }
    assert merged["mine-only"] == existing["mine-only"]
    assert merged["both-ours-newer"] == existing["both-ours-newer"]
    assert merged["both-theirs-newer"] == incoming["both-theirs-newer"]
    assert set(merged) == set(existing) | set(incoming)


def test_times_compare_as_times_not_strings():
    assert answers.moment("2026-03-01T10:00:00.5Z") > answers.moment("2026-03-01T10:00:00Z")


def test_written_file_reads_back(tmp_path):
    state = {"labels": {"S01": "on-record-claim"}}
    path = tmp_path / "answers.json"
    answers.write_answer_file(path, {"ch2-check": entry("source-check", answers.now(), state)}, student="Ada")
    document = answers.read_answer_file(path)
    assert document["student"] == "Ada" and document["answers"]["ch2-check"]["state"] == state


def test_a_written_file_gets_the_usual_permissions_without_touching_the_umask(tmp_path, monkeypatch):
    """Setting the umask to read it would race with other threads of a kernel creating files."""
    def no_umask(mask):
        raise AssertionError("write_answer_file changed the process umask")

    state = {"labels": {"S01": "denial"}}
    previous = os.umask(0o027)  # an unusual umask, so that a fixed mode would show
    try:
        monkeypatch.setattr(os, "umask", no_umask)
        answers.write_answer_file(tmp_path / "answers.json", {"ch2-check": entry("source-check", answers.now(), state)})
    finally:
        monkeypatch.undo()
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "answers.json").stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["answers.json"]


def test_invalid_answers_are_not_written_and_the_old_file_is_untouched(tmp_path):
    path = tmp_path / "answers.json"
    answers.write_answer_file(path, {"ch2-check": entry("source-check", answers.now(), {"labels": {}})})
    before = path.read_bytes()
    bad = {"ch2-check": entry("source-check", answers.now(), {"labels": {"S01": "rumour"}})}
    with pytest.raises(AnswerFileError):
        answers.write_answer_file(path, bad)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("path", VALID + [p for p in INVALID if reason_of(p) == REASONS["schema"]], ids=lambda p: p.name)
def test_the_fast_validator_agrees_with_jsonschema(path):
    """Classes are read with a compiled validator; it must accept and refuse exactly what jsonschema does."""
    document = json.loads(path.read_text())
    assert answers.is_valid(document) == answers.VALIDATOR.is_valid(document)


def test_compiling_the_fast_validator_left_the_schema_as_written():
    assert answers.SCHEMA == json.loads(answers.SCHEMA_PATH.read_text())
