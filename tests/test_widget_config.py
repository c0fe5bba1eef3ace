"""What the widgets' Python side takes from the case: names from the vocabulary, sources in
plain text and only those the edition shows, and a docstring example that really runs."""

import doctest
import json

import pytest

from casebook import data, vocabulary
from casebook.widgets import AnalogyMatrix, AnswerBuilder, ArgumentWeigher, MyAnswers, SourceCheck
from casebook.widgets import bundle
from casebook.widgets import weigher as weigher_module

pytestmark = pytest.mark.unit


def test_the_answer_builder_shows_source_titles_without_bibtex_braces():
    labels = {source["key"]: source["label"] for source in AnswerBuilder(key="t").config["sources"]}
    assert labels["albergotti2026"] == "Albergotti, 2026: Palantir partnership is at heart of Anthropic, Pentagon rift"
    assert labels["aacu_ethical"].startswith("AAC&U, n.d.: VALUE rubric")
    for label in labels.values():
        assert not set(label) & set("{}\\"), f"BibTeX markup shown to students: {label!r}"


def test_every_source_reads_as_plain_text():
    sources = data.load_sources()
    for column in ("author", "title", "note", "label"):
        marked = sources[sources[column].str.contains(r"[{}\\]|--", regex=True)]
        assert marked.empty, f"BibTeX markup in {column}: {marked[column].to_dict()}"
    # A braced organisation's name is one name, even with "and" in it.
    assert sources.loc["nist_scr", "label"] == "National Institute of Standards and Technology, n.d."


@pytest.mark.parametrize("setting, later_sources_offered", [("yes", True), ("no", False), (None, True)])
def test_the_epilogue_sources_are_offered_only_where_the_edition_shows_the_epilogue(monkeypatch, setting, later_sources_offered):
    if setting is None:
        monkeypatch.delenv("CASEBOOK_EPILOGUE", raising=False)
    else:
        monkeypatch.setenv("CASEBOOK_EPILOGUE", setting)
    sources = data.load_sources()
    later = set(sources.index[sources["epilogue"]])
    assert later, "test set-up: sources.bib marks no source as epilogue"
    offered = {source["key"] for source in AnswerBuilder(key="t").config["sources"]}
    named = set(MyAnswers().config["names"]["sources"])
    assert offered == named
    assert bool(offered & later) == later_sources_offered
    assert offered | later == set(sources.index)


def test_the_configs_hold_case_data_and_the_scales_come_from_the_bundled_vocabulary():
    """Fixed lists reach the browser once, in the bundle's constants; a widget's config holds only case data."""
    constants = json.loads(bundle.CONSTANTS.read_text())
    for widget in (MyAnswers(), SourceCheck(key="t"), ArgumentWeigher(key="t"), AnalogyMatrix(key="t"), AnswerBuilder(key="t")):
        config = json.dumps(widget.config)
        assert not {"labels", "roles", "decisions", "weights", "fit"} & set(widget.config), type(widget).__name__
        assert vocabulary.WEIGHTS[3] not in config and vocabulary.STATEMENT_LABELS["denial"] not in config
    assert vocabulary.WEIGHTS[3] in json.dumps(constants) and vocabulary.STATEMENT_LABELS["denial"] in json.dumps(constants)
    weigher = ArgumentWeigher(key="t").config
    assert {argument["basis"] for argument in weigher["arguments"]} <= set(vocabulary.ARGUMENT_BASES.values())


def test_the_weighers_docstring_example_runs_and_holds():
    results = doctest.testmod(weigher_module, optionflags=doctest.ELLIPSIS)
    assert results.attempted >= 4 and results.failed == 0
