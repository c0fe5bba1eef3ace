"""Keep the book's execution cache honest.

myst-nb re-executes a notebook only when its code cells change. The chapters'
outputs also depend on the casebook package (the widgets' front end is saved into
each page), on the data tables and on the pinned dependencies, so when any of them
changes, every cached execution is stale. `python -m casebook.buildcache` (run by `make book` and by the tests
before they build) clears the cache, and Sphinx's record of what it has read,
when a digest of those files has changed.
"""

import hashlib
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "_build"
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


def clear_stale_cache(build: Path = BUILD) -> bool:
    """Clear the execution cache if the package or the data changed since it was filled."""
    stamp = build / ".inputs-digest"
    digest = inputs_digest()
    if stamp.exists() and stamp.read_text() == digest:
        return False
    # Sphinx would not even re-read an unchanged page, so its environment goes too,
    # for every edition built under _build/.
    shutil.rmtree(build / ".jupyter_cache", ignore_errors=True)
    for name in (".doctrees", "jupyter_execute"):
        for stale in list(build.rglob(name)):
            shutil.rmtree(stale, ignore_errors=True)
    build.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)
    return True


if __name__ == "__main__":
    if clear_stale_cache():
        print("casebook or data changed: every chapter will be executed again", file=sys.stderr)
