"""The analogy fit matrix: rate how well each analogy matches the AI case, dimension by dimension."""

from __future__ import annotations

import pandas as pd

from casebook import data, vocabulary
from casebook.schema import by_id
from casebook.widgets.base import AnswerWidget


def analogy_config() -> dict:
    """The analogies, with their sources, and the dimensions they are compared on."""
    actors, sources = data.load_actors(), data.load_sources()
    analogies = data.load_analogies()
    dimensions = data.load_analogy_dimensions()
    return {
        "analogies": [
            {
                "id": analogy_id,
                "name": row["name"],
                "description": row["description"],
                "offered_by": "" if pd.isna(row["offered_by"]) else actors.loc[row["offered_by"], "name"],
                "sources": "; ".join(data.source_label(key, sources) for key in row["source_ids"]),
            }
            for analogy_id, row in analogies.iterrows()
        ],
        "dimensions": [
            {"id": dimension_id, "name": row["name"], "question": row["question"], "ai_case": row["ai_case"]}
            for dimension_id, row in dimensions.iterrows()
        ],
        # The scale's names, from 0 to 4, for the front end to show.
    }


class AnalogyMatrix(AnswerWidget):
    """Rate analogies against the AI case from 0 (not at all) to 4 (fully) on each dimension.

    The student may add an analogy of their own, stored under the id ``own``.
    """

    _kind = "analogy-matrix"
    state_schema = {
        "description": f"How well each analogy matches the AI case on each dimension, from 0 ({vocabulary.FIT[0]}) to "
                       f"{len(vocabulary.FIT) - 1} ({vocabulary.FIT[-1]}); 'own' is the student's own analogy, named in own_analogy.",
        "type": "object",
        "required": ["ratings", "own_analogy"],
        "additionalProperties": False,
        "properties": {
            "ratings": by_id(by_id({"type": "integer", "minimum": 0, "maximum": len(vocabulary.FIT) - 1})),
            "own_analogy": {"type": "string", "maxLength": 200},
        },
    }

    def __init__(self, *, key: str, title: str = "How well do the analogies fit?", **kwargs):
        super().__init__(
            key=key, title=title, config=analogy_config(),
            answer={"ratings": {}, "own_analogy": ""}, **kwargs,
        )

    @property
    def ratings(self) -> pd.DataFrame:
        """Analogies by dimension; NA where not rated yet."""
        rows = [a["id"] for a in self.config["analogies"]] + ["own"]
        columns = [d["id"] for d in self.config["dimensions"]]
        return pd.DataFrame(
            [[self.answer["ratings"].get(row, {}).get(column) for column in columns] for row in rows],
            index=rows, columns=columns, dtype="Int64",
        )

    @property
    def fit(self) -> pd.Series:
        """Each analogy's mean rating over the dimensions rated so far."""
        return self.ratings.astype("Float64").mean(axis=1, skipna=True)
