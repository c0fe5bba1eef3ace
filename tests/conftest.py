"""Shared fixtures: the repository's paths, and one build of the book per test run."""

import json
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

from casebook.buildcache import clear_stale_cache
from support import BUILD_COMMAND, REPO, SITE


def build_book(log: Path) -> dict:
    """Build the site into _build/html, reusing the execution cache unless the package or data changed."""
    clear_stale_cache()
    with open(log, "w") as out:
        result = subprocess.run(BUILD_COMMAND, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    return {"returncode": result.returncode, "log": str(log)}


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, worker_id) -> dict:
    """The result of building the book, built once however many xdist workers ask.

    The first worker to ask builds; the others wait on a lock and read its result
    (the pattern pytest-xdist documents for session fixtures).
    """
    if worker_id == "master":  # not running under xdist
        return build_book(tmp_path_factory.mktemp("book") / "build.log")
    shared = tmp_path_factory.getbasetemp().parent
    result_file = shared / "book-build.json"
    with FileLock(str(shared / "book-build.lock")):
        if not result_file.exists():
            result_file.write_text(json.dumps(build_book(shared / "book-build.log")))
    return json.loads(result_file.read_text())


@pytest.fixture(scope="session")
def site(built_book) -> Path:
    """The built site's folder, after a build that succeeded."""
    if built_book["returncode"] != 0:
        log = Path(built_book["log"]).read_text()[-4000:]
        pytest.fail(f"the book did not build (exit {built_book['returncode']}); end of the log:\n{log}")
    return SITE
