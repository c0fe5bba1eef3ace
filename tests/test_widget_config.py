"""What the widgets' Python side takes from the case: names from the vocabulary, sources in
plain text and only those the edition shows, and a docstring example that really runs."""

import doctest

import pytest

from casebook import data, vocabulary
from casebook.widgets import AnalogyMatrix, AnswerBuilder, ArgumentWeigher, MyAnswers, SourceCheck
from casebook.widgets import weigher as weigher_module


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


def test_names_and_scales_come_from_the_vocabulary():
    names = MyAnswers().config["names"]
    assert names["labels"] == vocabulary.STATEMENT_LABELS
    assert names["roles"] == vocabulary.ROLE_NAMES and names["decisions"] == vocabulary.DECISIONS
    assert names["weights"]["5"] == vocabulary.WEIGHTS[5] and names["fit"]["0"] == vocabulary.FIT[0]
    check = SourceCheck(key="t").config
    assert {label["value"]: label["name"] for label in check["labels"]} == vocabulary.STATEMENT_LABELS
    weigher = ArgumentWeigher(key="t").config
    assert weigher["weights"] == list(vocabulary.WEIGHTS)
    assert {argument["basis"] for argument in weigher["arguments"]} <= set(vocabulary.ARGUMENT_BASES.values())
    assert AnalogyMatrix(key="t").config["fit"] == list(vocabulary.FIT)


def test_the_weighers_docstring_example_runs_and_holds():
    results = doctest.testmod(weigher_module, optionflags=doctest.ELLIPSIS)
    assert results.attempted >= 4 and results.failed == 0
