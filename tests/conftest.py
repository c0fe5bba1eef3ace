"""Shared fixtures (one build of the book per test run), and the order of the notebook tests."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

from casebook.buildcache import clear_stale_cache
from support import BUILD_COMMAND, INSTRUCTOR_OPTIONS, INSTRUCTOR_SITE, REPO, SITE

# The notebook tests take 1 to 3 s each. Ordered by the times of the last run (kept in
# pytest's cache; a clean clone, as in CI, has none and keeps the file order), the xdist
# workers finish together instead of one idling while the other runs a slow notebook
# that happened to come last. worksteal hands each of n workers a contiguous block of
# tests, and an idle worker takes from the end of another's block: so the tests are
# dealt out round-robin, longest first, and each block runs its longest first.
TIMED_TEST = "test_notebook_executes"
TIMES_KEY = "casebook/notebook-test-seconds"
times_this_run: dict[str, float] = {}


def pytest_collection_modifyitems(config, items):
    cache = getattr(config, "cache", None)  # absent with -p no:cacheprovider
    last_times = cache.get(TIMES_KEY, {}) if cache else {}
    slots = [index for index, item in enumerate(items) if getattr(item, "originalname", None) == TIMED_TEST]
    # A notebook not timed yet (a new one) counts as the longest.
    longest_first = sorted((items[index] for index in slots), key=lambda item: -last_times.get(item.nodeid, float("inf")))
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    dealt = [item for worker in range(workers) for item in longest_first[worker::workers]]
    for index, item in zip(slots, dealt):
        items[index] = item


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed and f"::{TIMED_TEST}[" in report.nodeid:
        times_this_run[report.nodeid] = report.duration


def pytest_sessionfinish(session):
    cache = getattr(session.config, "cache", None)
    is_xdist_worker = hasattr(session.config, "workerinput")  # the controller sees every report
    if cache and times_this_run and not is_xdist_worker:
        cache.set(TIMES_KEY, {**cache.get(TIMES_KEY, {}), **times_this_run})


def build(edition: str, log: Path) -> dict:
    """Build one edition, reusing the execution cache unless the package or data changed."""
    clear_stale_cache()
    command = BUILD_COMMAND + (INSTRUCTOR_OPTIONS if edition == "instructor" else [])
    environment = {**os.environ, "CASEBOOK_EDITION": edition}
    with open(log, "w") as out:
        result = subprocess.run(command, cwd=REPO, env=environment, stdout=out, stderr=subprocess.STDOUT)
    return {"returncode": result.returncode, "log": str(log)}


def built_once(edition: str, tmp_path_factory, worker_id) -> dict:
    """The result of building an edition, built once however many xdist workers ask.

    The first worker to ask builds; the others wait on a lock and read its result
    (the pattern pytest-xdist documents for session fixtures). One lock serves both
    editions, since they share the execution cache.
    """
    if worker_id == "master":  # not running under xdist
        return build(edition, tmp_path_factory.mktemp(edition) / "build.log")
    shared = tmp_path_factory.getbasetemp().parent
    result_file = shared / f"{edition}-build.json"
    with FileLock(str(shared / "build.lock")):
        if not result_file.exists():
            result_file.write_text(json.dumps(build(edition, shared / f"{edition}-build.log")))
    return json.loads(result_file.read_text())


def succeeded(result: dict, folder: Path) -> Path:
    if result["returncode"] != 0:
        log = Path(result["log"]).read_text()[-4000:]
        pytest.fail(f"the book did not build (exit {result['returncode']}); end of the log:\n{log}")
    return folder


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, worker_id) -> dict:
    """The result of building the student edition (make book)."""
    return built_once("student", tmp_path_factory, worker_id)


@pytest.fixture(scope="session")
def site(built_book) -> Path:
    """The student edition's folder, after a build that succeeded."""
    return succeeded(built_book, SITE)


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory, worker_id) -> Path:
    """The instructor edition's folder (make instructor), after a build that succeeded."""
    return succeeded(built_once("instructor", tmp_path_factory, worker_id), INSTRUCTOR_SITE)
