"""The argument weigher: weigh each argument for and against a proposition."""

from __future__ import annotations

import pandas as pd

from casebook import data, vocabulary
from casebook.schema import by_id, ref
from casebook.widgets.base import AnswerWidget


def weigher_config(proposition_id: str) -> dict:
    """The proposition and its arguments, with who makes each and its source, from the case data."""
    arguments = data.load_arguments()
    arguments = arguments[arguments["proposition_id"] == proposition_id]
    if arguments.empty:
        raise ValueError(f"no arguments for proposition {proposition_id!r} in data/arguments.csv")
    actors, sources = data.load_actors(), data.load_sources()
    return {
        "proposition": data.load_propositions().loc[proposition_id, "text"],
        "arguments": [
            {
                "id": argument_id,
                "side": row["side"],
                "summary": row["summary"],
                "text": row["text"],
                "made_by": "The casebook" if pd.isna(row["made_by"]) else actors.loc[row["made_by"], "name"],
                "basis": vocabulary.ARGUMENT_BASES[row["basis"]],
                "source": data.source_label(row["source_id"], sources),
            }
            for argument_id, row in arguments.iterrows()
        ],
        # The scale's names, from 0 to 5, for the front end to show.
    }


class ArgumentWeigher(AnswerWidget):
    """Weigh arguments from 0 (irrelevant) to 5 (decisive) and see where the balance falls.

    Live, the student's weights are readable from Python (tests/test_widget_config.py runs this):

    >>> weigher = ArgumentWeigher(key="ch6-weigher", proposition_id="P1")
    >>> weigher.answer = {"weights": {"A01": 4, "B01": 5}, "justifications": {}}
    >>> weigher.weights  # {argument id: weight}
    {'A01': 4, 'B01': 5}
    >>> weigher.balance  # the weights for, minus the weights against
    -1
    """

    _kind = "argument-weigher"
    state_schema = {
        "description": f"A weight from 0 ({vocabulary.WEIGHTS[0]}) to {len(vocabulary.WEIGHTS) - 1} "
                       f"({vocabulary.WEIGHTS[-1]}) and a one-line justification per argument.",
        "type": "object",
        "required": ["weights", "justifications"],
        "additionalProperties": False,
        "properties": {
            "weights": by_id({"type": "integer", "minimum": 0, "maximum": len(vocabulary.WEIGHTS) - 1}),
            "justifications": by_id(ref("line")),
        },
    }

    def __init__(self, *, key: str, proposition_id: str = "P1", title: str = "Weigh the arguments", **kwargs):
        super().__init__(
            key=key, title=title, config=weigher_config(proposition_id),
            answer={"weights": {}, "justifications": {}}, **kwargs,
        )

    @property
    def weights(self) -> dict[str, int]:
        return dict(self.answer["weights"])

    @property
    def balance(self) -> int:
        """Sum of weights for, minus sum against; an argument not yet weighed counts 0."""
        sign = {argument["id"]: 1 if argument["side"] == "for" else -1 for argument in self.config["arguments"]}
        return sum(sign.get(argument_id, 0) * weight for argument_id, weight in self.answer["weights"].items())

    @property
    def table(self) -> pd.DataFrame:
        """One row per argument: side, summary, weight (NA if not weighed) and justification."""
        frame = pd.DataFrame(self.config["arguments"]).set_index("id")[["side", "summary", "made_by"]]
        frame["weight"] = pd.array([self.answer["weights"].get(i) for i in frame.index], dtype="Int64")
        frame["justification"] = [self.answer["justifications"].get(i, "") for i in frame.index]
        return frame
