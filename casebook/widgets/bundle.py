"""Build the widgets' front end: ``python -m casebook.widgets.bundle`` (``make bundle``).

It writes what the front end takes from Python (src/constants.json, from
casebook.answers and casebook.vocabulary; and casebook/answers.schema.json, through
casebook.schema), then bundles src/ with esbuild (npm, pinned in package.json) into
static/casebook.js, the one module every widget's ``_esm`` points to. The bundle's
first line records a hash of its sources, so that a test can tell, without Node, that
the committed bundle is older than its sources.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from casebook import answers, schema, vocabulary

REPO = Path(__file__).resolve().parents[2]
SRC = Path(__file__).with_name("src")
CONSTANTS = SRC / "constants.json"
BUNDLE = Path(__file__).with_name("static") / "casebook.js"
ESBUILD = REPO / "node_modules" / ".bin" / "esbuild"
HEADER = re.compile(r"^// Built by `make bundle` from sources with sha256 ([0-9a-f]{64})")


def constants() -> dict:
    """What the front end imports from Python, under the names Python gives them."""
    return {
        "_comment": "Written by `make bundle` (python -m casebook.widgets.bundle) from casebook/answers.py "
                    "and casebook/vocabulary.py: do not edit.",
        "FORMAT": answers.FORMAT,
        "VERSION": answers.VERSION,
        "MAX_BYTES": answers.MAX_BYTES,
        "UNDATED": answers.UNDATED,
        "MAX_DEPTH": answers.MAX_DEPTH,
        "V2_ROLES": vocabulary.V2_ROLES,
        "V2_RETIRED_DECISIONS": vocabulary.V2_RETIRED_DECISIONS,
        "KINDS": vocabulary.KINDS,
        "ROLES": vocabulary.ROLES,
        "STATEMENT_LABELS": vocabulary.STATEMENT_LABELS,
        "WEIGHTS": vocabulary.WEIGHTS,
        "FIT": vocabulary.FIT,
    }


def sources() -> list[Path]:
    """Every file the bundle is built from: src/, the schema it imports, and the pinned esbuild."""
    return sorted(path for path in SRC.rglob("*") if path.is_file()) + [answers.SCHEMA_PATH, REPO / "package.json"]


def source_hash(paths: list[Path] | None = None, root: Path = REPO) -> str:
    """A hash of the files' names (relative to ``root``) and contents; by default, of the bundle's sources."""
    digest = hashlib.sha256()
    for path in sources() if paths is None else paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def recorded_hash(bundle: Path = BUNDLE) -> str | None:
    """The hash of the sources the bundle was built from, as its first line records it."""
    match = HEADER.match(bundle.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)


def main() -> None:
    schema.main()
    write_if_changed(CONSTANTS, json.dumps(constants(), indent=2, ensure_ascii=False) + "\n")
    if not ESBUILD.exists():
        sys.exit("esbuild is missing: run `npm ci` in the repository first (make bundle does).")
    banner = (f"// Built by `make bundle` from sources with sha256 {source_hash()}; do not edit: "
              "edit casebook/widgets/src/ and run `make bundle` again.")
    subprocess.run(
        [str(ESBUILD), str(SRC.relative_to(REPO) / "index.js"), "--bundle", "--format=esm",
         f"--outfile={BUNDLE.relative_to(REPO)}", f"--banner:js={banner}", "--log-level=warning"],
        cwd=REPO, check=True,
    )


if __name__ == "__main__":
    main()
