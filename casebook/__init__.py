"""The casebook's Python package: the case data, the answer-file format, and the widgets."""
