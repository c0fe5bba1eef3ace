"""What the widgets' Python side takes from the case: names from the vocabulary."""

from casebook import vocabulary
from casebook.widgets import AnalogyMatrix, ArgumentWeigher, MyAnswers, SourceCheck


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
