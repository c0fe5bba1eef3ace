"""The casebook's Python package: the case data, and (later) widgets and answers."""
