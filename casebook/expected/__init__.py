"""The expected answers of the data exercises in exercises/, one module per chapter
(chNN.py), each computed from the case data when a check runs (casebook.exercises.check),
so that a change to the data keeps the checks true. They are never printed: a check
gives hints only."""

import importlib
import pkgutil

# Importing a chapter's module registers its exercises (casebook.exercises.expects).
for module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{module.name}")
