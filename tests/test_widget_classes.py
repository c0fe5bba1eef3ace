"""The widgets' Python side: traits built from the case data, answers checked against the
schema, save/load in the answer-file format, and one front-end module for every kind."""

import json
import re
import shutil

import pytest
import traitlets

from casebook import answers, data, schema, vocabulary
from casebook.widgets import AnalogyMatrix, AnswerBuilder, ArgumentWeigher, Forecast, MyAnswers, SourceCheck, WrittenAnswer, bundle
from casebook.widgets.base import STATIC, answer_kinds

pytestmark = pytest.mark.unit

ANSWER_KINDS = [ArgumentWeigher, AnalogyMatrix, SourceCheck, AnswerBuilder, Forecast, WrittenAnswer]


@pytest.mark.parametrize("widget_class", ANSWER_KINDS + [MyAnswers], ids=lambda c: c.__name__)
def test_every_widget_has_a_kind_a_stable_key_and_the_shared_module(widget_class):
    widget = widget_class(key="t-key")
    assert widget.kind == widget_class._kind and widget.key == "t-key" and widget.config
    # _esm and _css are the files themselves, as anywidget reads them.
    assert widget._esm == (STATIC / "casebook.js").read_text() and widget._css == (STATIC / "casebook.css").read_text()


def test_key_must_be_stable_and_readable():
    with pytest.raises(ValueError, match="lower-case"):
        ArgumentWeigher(key="Chapter 6!")


def test_unknown_keyword_arguments_are_refused():
    with pytest.raises(TypeError, match="colour"):
        SourceCheck(key="t", colour="red")


def test_weigher_options_come_from_the_data():
    weigher = ArgumentWeigher(key="t", proposition_id="P1")
    arguments = data.load_arguments()
    assert [a["id"] for a in weigher.config["arguments"]] == list(arguments[arguments["proposition_id"] == "P1"].index)
    assert weigher.config["proposition"] == data.load_propositions().loc["P1", "text"]
    with pytest.raises(ValueError, match="no arguments"):
        ArgumentWeigher(key="t", proposition_id="P9")


def test_weigher_exposes_weights_balance_and_a_table():
    weigher = ArgumentWeigher(key="t")
    weigher.answer = {"weights": {"A01": 5, "A02": 4, "A03": 3, "A05": 2, "A06": 1, "B01": 5, "B02": 4, "B03": 3, "B04": 2},
                      "justifications": {"B01": "Operations need certainty."}}
    assert weigher.balance == 1  # the case worked by hand in the browser tests
    assert weigher.weights["A01"] == 5
    table = weigher.table
    assert table.loc["B01", "justification"] == "Operations need certainty."
    on_p1 = (data.load_arguments()["proposition_id"] == "P1").sum()
    assert table["weight"].isna().sum() == on_p1 - 9  # every argument on P1 not weighed above


def test_analogy_ratings_and_fit():
    matrix = AnalogyMatrix(key="t")
    matrix.answer = {"ratings": {"fighter-jet": {"general-purpose": 0, "control-after-delivery": 3}}, "own_analogy": "A lease"}
    assert matrix.ratings.loc["fighter-jet", "general-purpose"] == 0
    assert matrix.fit["fighter-jet"] == 1.5
    assert matrix.fit.isna()["starlink"]


def test_source_check_results_against_the_key():
    check = SourceCheck(key="t", statement_ids=["S01", "S04"])
    check.answer = {"labels": {"S01": "on-record-claim", "S04": "opinion"}}
    assert check.results["correct"].to_dict() == {"S01": True, "S04": False}


def test_answer_builder_reports_missing_core_parts():
    builder = AnswerBuilder(key="t")
    assert builder.missing == ["a decision-maker", "a decision", "claim", "grounds", "warrant"]
    builder.answer = {**builder.answer, "role": "anthropic", "decision": "narrower", "claim": "c", "grounds": "g", "warrant": "w"}
    assert builder.missing == ["a source for the grounds"]
    builder.answer = {**builder.answer, "citations": ["albergotti2026"]}
    assert builder.missing == []


@pytest.mark.parametrize("bad", [{"weights": {"A01": 6}, "justifications": {}}, {"weights": {"A01": "5"}, "justifications": {}}, {"weights": {}}])
def test_an_answer_that_breaks_the_schema_is_refused(bad):
    weigher = ArgumentWeigher(key="t")
    with pytest.raises(traitlets.TraitError):
        weigher.answer = bad
    assert weigher.answer == {"weights": {}, "justifications": {}}


def test_save_and_load_round_trip_and_keep_other_answers(tmp_path):
    path = tmp_path / "answers.json"
    weigher = ArgumentWeigher(key="ch6-weigher")
    weigher.answer = {"weights": {"A01": 4}, "justifications": {"A01": "<b>as typed</b>"}}
    weigher.save(path)
    check = SourceCheck(key="ch2-source-check")
    check.answer = {"labels": {"S02": "reported-fact"}}
    check.save(path)
    document = answers.read_answer_file(path)
    assert set(document["answers"]) == {"ch6-weigher", "ch2-source-check"}

    again = ArgumentWeigher(key="ch6-weigher")
    again.load(path)
    assert again.answer == weigher.answer and again.updated == document["answers"]["ch6-weigher"]["updated"]


def test_load_refuses_a_missing_key_or_another_kind(tmp_path):
    path = tmp_path / "answers.json"
    SourceCheck(key="shared-key").save(path)
    with pytest.raises(answers.AnswerFileError, match="no answer for the widget 'other'"):
        ArgumentWeigher(key="other").load(path)
    with pytest.raises(answers.AnswerFileError, match="is a source-check, not a argument-weigher"):
        ArgumentWeigher(key="shared-key").load(path)


def test_save_refuses_to_overwrite_a_file_that_is_not_an_answer_file(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"my": "notes"}')
    with pytest.raises(answers.AnswerFileError):
        SourceCheck(key="t").save(path)
    assert path.read_text() == '{"my": "notes"}'


def schema_keywords(node) -> set[str]:
    """Every keyword the schema uses (names under properties and $defs are not keywords)."""
    found = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for child in value.values():
                    found |= schema_keywords(child)
            else:
                found |= schema_keywords(value)
    elif isinstance(node, list):
        for child in node:
            found |= schema_keywords(child)
    return found


def test_the_browser_validator_supports_every_keyword_the_schema_uses():
    source = (bundle.SRC / "json-schema.js").read_text()
    supported = set(json.loads("[" + re.search(r"const SUPPORTED_KEYWORDS = \[(.*?)\];", source, re.S).group(1).strip().rstrip(",") + "]"))
    used = schema_keywords(answers.SCHEMA)
    assert used <= supported, f"the browser's validator would ignore: {used - supported}"


# ------------------------------------------------------------------ what `make bundle` writes


def test_the_committed_schema_is_what_python_generates():
    assert answers.SCHEMA_PATH.read_text() == schema.as_text(schema.answer_file_schema()), "run `make bundle`"


def test_the_front_end_constants_are_what_python_generates():
    assert json.loads(bundle.CONSTANTS.read_text()) == json.loads(json.dumps(bundle.constants())), "run `make bundle`"


def test_the_committed_bundle_is_built_from_the_current_sources():
    """The bundle records the hash of the sources it was built from; Node is not needed to check it."""
    assert bundle.recorded_hash() == bundle.source_hash(), "casebook.js is older than its sources: run `make bundle`"


def test_the_freshness_check_notices_a_changed_source(tmp_path):
    copies = []
    for path in bundle.sources():
        copy = tmp_path / path.relative_to(bundle.REPO)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copies.append(shutil.copy(path, copy))
    assert bundle.source_hash(copies, tmp_path) == bundle.source_hash()
    copies[0].write_text(copies[0].read_text() + "\n")
    assert bundle.source_hash(copies, tmp_path) != bundle.source_hash()


def test_every_kind_of_the_vocabulary_has_a_class_and_a_front_end_module():
    kinds = answer_kinds()
    assert list(kinds) == list(vocabulary.KINDS)
    modules = {path.stem for path in (bundle.SRC / "kinds").glob("*.js")}
    assert modules == set(vocabulary.KINDS), "one module per kind in casebook/widgets/src/kinds/, named by the kind"
    for kind, widget_class in kinds.items():
        assert widget_class.state_schema, f"{widget_class.__name__} declares no state_schema"
        assert answers.SCHEMA["$defs"][kind] == widget_class.state_schema


def test_every_kind_says_how_it_prints():
    """The README's recipe: a kind's module exports printForm, the form that replaces it on paper."""
    for kind in vocabulary.KINDS:
        source = (bundle.SRC / "kinds" / f"{kind}.js").read_text(encoding="utf-8")
        assert "export function printForm(" in source, f"src/kinds/{kind}.js does not export printForm"


def test_every_option_of_version_two_was_retired_or_kept_under_its_id():
    """Migration keeps a version 2 decision as it is unless it is retired (then it is kept in words)."""
    retired = set(vocabulary.V2_RETIRED_DECISIONS)
    assert retired <= set(vocabulary.V2_DECISIONS)
    assert set(vocabulary.V2_DECISIONS) - retired <= set(vocabulary.DECISIONS)
    assert not retired & set(vocabulary.DECISIONS)


def test_the_answer_builder_refuses_a_decision_maker_in_words():
    builder = AnswerBuilder(key="t")
    with pytest.raises(traitlets.TraitError):
        builder.answer = {**builder.answer, "role": "Anthropic's leadership"}
    with pytest.raises(traitlets.TraitError):
        builder.answer = {**builder.answer, "role": "pentagon", "decision": "not-designate"}
