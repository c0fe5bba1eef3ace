"""Chapter 7, Ethical lenses (exercises/07-ethical-lenses.md)."""

import pandas as pd

from casebook import data
from casebook.exercises import expects

# The word "if", in either case, and not the letters inside another word ("life", "ifs").
SAYS_IF = r"\bif\b"


@expects("ethical-lenses-ex4")
def conditional_readings() -> pd.DataFrame:
    readings = data.load_lens_readings()
    says_if = readings["strongest_case"].str.contains(SAYS_IF, case=False) | readings["main_concern"].str.contains(
        SAYS_IF, case=False
    )
    return readings.loc[says_if, ["option", "lens"]]
