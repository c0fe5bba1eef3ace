"""casebook.classroom on a class: every valid file is used, each broken kind is refused with
the right reason, duplicates keep the latest export, and student text stays text."""

import filecmp
from pathlib import Path

import pytest

from casebook import answers, classroom, data, demo, vocabulary
from casebook.display import captioned_table

pytestmark = pytest.mark.unit

OLD_FILE = Path(__file__).parent / "fixtures" / "answer-files" / "valid" / "v2-retired-decision.json"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    return demo.write_demo(tmp_path_factory.mktemp("class"), students=36, seed=7)


@pytest.fixture(scope="module")
def demo_class(demo_folder):
    return classroom.load_class(demo_folder)


def test_demo_data_is_reproducible(tmp_path):
    first = demo.write_demo(tmp_path / "a", students=5, seed=3)
    second = demo.write_demo(tmp_path / "b", students=5, seed=3)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert filecmp.cmpfiles(first, second, names, shallow=False)[0] == names


def test_every_broken_kind_is_refused_with_its_reason(demo_class):
    reasons = dict(zip(demo_class.refused["file"], demo_class.refused["reason"]))
    assert reasons == {
        "broken-not-json.json": "broken",
        "broken-empty.json": "empty",
        "broken-other-format.json": "other-format",
        "broken-newer-version.json": "newer-version",
        "broken-unknown-version.json": "unknown-version",
        "broken-too-large.json": "too-large",
        "broken-wrong-type.json": "invalid",
        "demo-student-01.json": "duplicate",
    }
    assert all(message.startswith(file) for file, message in zip(demo_class.refused["file"], demo_class.refused["message"]))


def test_every_valid_file_is_used_and_the_later_duplicate_wins(demo_class, demo_folder):
    valid = {path.name for path in demo_folder.glob("demo-student-*.json")} - {"demo-student-01.json"}
    assert set(demo_class.answers["file"]) == valid
    assert demo_class.students == 37  # 36 demo students and the one who typed markup
    # Every student gave the four answers and the weighers; some a written answer too.
    kinds = demo_class.answers[demo_class.answers["kind"] != "written-answer"].groupby("student_id")["key"].count()
    assert (kinds == 4 + len(demo.WEIGHERS)).all()


def test_aggregations_count_every_student(demo_class):
    distribution = classroom.weight_distribution(demo_class)
    assert set(distribution.index) == set(data.load_arguments().index)
    assert (distribution.sum(axis=1) == 37).all()
    assert list(distribution.columns) == list(range(len(vocabulary.WEIGHTS)))  # every weight, given or not
    assert classroom.decisions(demo_class)["students"].sum() == 37
    fit = classroom.analogy_fit(demo_class)
    assert set(fit.index) == {"fighter-jet", "starlink"} and fit.notna().all().all()
    assert ((fit >= 0) & (fit <= len(vocabulary.FIT) - 1)).all().all()
    errors = classroom.source_check_errors(demo_class, data.load_statements()["label"])
    assert (errors["answered"] == 37).all() and errors["share_wrong"].is_monotonic_decreasing


def test_decisions_list_every_option_of_both_decision_makers(demo_class):
    table = classroom.decisions(demo_class)
    assert list(table["decision"][:-1]) == list(vocabulary.DECISIONS.values())
    assert set(table["decision-maker"][:-1]) == set(vocabulary.ROLE_NAMES.values())
    claims = classroom.answer_sample(demo_class, size=100)
    counted = dict(zip(table["decision"], table["students"]))
    assert all(counted[decision] == (claims["decision"] == decision).sum() for decision in vocabulary.DECISIONS.values())


def test_a_version_two_file_counts_its_retired_choice_as_no_decision(tmp_path):
    (tmp_path / "old.json").write_bytes(OLD_FILE.read_bytes())
    table = classroom.decisions(classroom.load_class(tmp_path))
    assert table.set_index("decision")["students"].to_dict()["(no decision yet)"] == 1
    assert table["students"].sum() == 1


def test_a_student_with_no_name_and_an_empty_file_are_handled(tmp_path):
    entry = {"kind": "source-check", "updated": "2026-03-01T10:00:00.000Z", "state": {"labels": {"S01": "denial"}}}
    answers.write_answer_file(tmp_path / "a.json", {"ch2-source-check": entry})
    answers.write_answer_file(tmp_path / "b.json", {"ch2-source-check": entry})
    answers.write_answer_file(tmp_path / "c.json", {})
    loaded = classroom.load_class(tmp_path)
    assert loaded.students == 2  # unnamed files are never merged as duplicates
    assert dict(zip(loaded.refused["file"], loaded.refused["reason"])) == {"c.json": "empty"}


def test_student_text_is_shown_literally(demo_class):
    sample = classroom.answer_sample(demo_class, size=100)
    assert sample["claim"].str.contains("<script>").any()
    html = captioned_table(sample, "sample", index=False).to_html()
    assert "<script>" not in html and "&lt;script&gt;alert" in html
    names = captioned_table(demo_class.answers[["student"]].drop_duplicates(), "names").to_html()
    assert "<b>bold</b>" not in names and "&lt;b&gt;bold&lt;/b&gt;" in names


def test_the_class_forecasts_and_brier_scores(demo_class):
    questions = data.load_forecasts()
    given = classroom.forecasts(demo_class)
    distribution = classroom.forecast_distribution(demo_class)
    assert set(distribution.index) == set(questions.index)
    assert list(distribution.columns[:10]) == classroom.FORECAST_BANDS
    assert (distribution[classroom.FORECAST_BANDS].sum(axis=1) == distribution["forecasts"]).all()
    assert distribution["forecasts"].sum() == len(given)
    scores = classroom.brier_scores(demo_class, questions)
    assert scores["brier_score"].between(0, 1).all() and scores["brier_score"].is_monotonic_increasing
    assert (scores["questions"] >= 1).all() and (scores["questions"] <= len(questions)).all()
    # Worked by hand for one student: the mean of (p/100 - outcome)^2 over their answers.
    student = scores.iloc[0]
    mine = given[given["student_id"] == student["student_id"]].set_index("question")["probability"]
    outcome = (questions["outcome"] == "yes").astype(int)
    expected = ((mine / 100 - outcome[mine.index]) ** 2).mean()
    assert student["brier_score"] == pytest.approx(expected) and student["questions"] == len(mine)


def test_a_forecast_of_100_falls_in_the_top_band_and_a_student_without_forecasts_has_no_score(tmp_path):
    entry = {"kind": "forecast", "updated": "2026-03-01T10:00:00.000Z", "state": {"probabilities": {"F01": 100, "F02": 0}}}
    answers.write_answer_file(tmp_path / "a.json", {"ch8-forecast": entry}, student="A")
    empty = {**entry, "state": {"probabilities": {}}}
    answers.write_answer_file(tmp_path / "b.json", {"ch8-forecast": empty}, student="B")
    loaded = classroom.load_class(tmp_path)
    distribution = classroom.forecast_distribution(loaded)
    assert distribution.loc["F01", "90-100%"] == 1 and distribution.loc["F02", "0-9%"] == 1
    scores = classroom.brier_scores(loaded, data.load_forecasts())
    assert len(scores) == 1 and scores.loc[0, "questions"] == 2
