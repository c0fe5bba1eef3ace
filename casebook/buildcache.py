"""Keep the book's execution cache honest.

myst-nb re-executes a notebook only when its code cells change. The chapters'
outputs also depend on the casebook package (the widgets' front end is saved into
each page), on the data tables and on the pinned dependencies, so when any of them
changes, every cached execution is stale. casebook.build, before every build, clears
the execution caches, and Sphinx's record of what it has read, when a digest of those
files has changed.
"""

import hashlib
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("casebook", "data", "requirements.txt")
SUFFIXES = {".py", ".js", ".css", ".json", ".csv", ".bib"}


def inputs_digest() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        paths = [REPO / name] if (REPO / name).is_file() else sorted((REPO / name).rglob("*"))
        for path in paths:
            if (path.suffix in SUFFIXES or path.name == "requirements.txt") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clear_stale_cache(build: Path) -> bool:
    """Clear the execution caches under ``build`` if the package or the data changed since they were filled."""
    stamp = build / ".inputs-digest"
    digest = inputs_digest()
    if stamp.exists() and stamp.read_text() == digest:
        return False
    # Sphinx would not even re-read an unchanged page, so its environment goes too,
    # for every edition built there.
    for name in (".jupyter_cache*", ".doctrees", "jupyter_execute"):
        for stale in list(build.rglob(name)):
            shutil.rmtree(stale, ignore_errors=True)
    build.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    return True
