"""Shared fixtures (one build of each edition per test run), the test layers, and the
order of the notebook tests."""

import json
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

from casebook.build import edition_name, output_folder
from support import build_command

# The test layers (markers declared in pyproject.toml); every test is in exactly one, so
# that `-m unit` and the others add up to the whole suite.
LAYERS = ("unit", "build", "browser", "live")

# The notebook tests take 1 to 3 s each. Ordered by the times of the last run (kept in
# pytest's cache; a clean clone, as in CI, has none and keeps the file order), the xdist
# workers finish together instead of one idling while the other runs a slow notebook
# that happened to come last. worksteal hands each of n workers a contiguous block of
# tests, and an idle worker takes from the end of another's block: so the tests are
# dealt out round-robin, longest first, and each block runs its longest first.
TIMED_TEST = "test_notebook_executes"
TIMES_KEY = "casebook/notebook-test-seconds"
times_this_run: dict[str, float] = {}


@pytest.hookimpl(tryfirst=True)  # before -m deselects any test
def pytest_collection_modifyitems(config, items):
    unlayered = [item.nodeid for item in items if len([m for m in item.iter_markers() if m.name in LAYERS]) != 1]
    if unlayered:
        raise pytest.UsageError(f"each test belongs to exactly one layer ({', '.join(LAYERS)}); these do not: {unlayered[:5]}")
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


def build(edition: str, epilogue: bool, build_dir: Path, log: Path) -> dict:
    """Build one edition with the build's own command, into a folder of the tests' own, as
    `make pdf` does: its PDF in its site, and linked from it."""
    with open(log, "w") as out:
        result = subprocess.run(build_command(edition, build_dir, epilogue, pdf=True), stdout=out, stderr=subprocess.STDOUT)
    return {"returncode": result.returncode, "log": str(log), "site": str(output_folder(build_dir, edition, epilogue))}


def built_once(edition: str, tmp_path_factory, worker_id, epilogue: bool = True) -> dict:
    """The result of building an edition, built once however many xdist workers ask.

    The first worker to ask builds; the others wait on a lock and read its result
    (the pattern pytest-xdist documents for session fixtures). Every edition is built
    into one temporary folder, never the reader's _build, one at a time: they share
    its execution caches and its check that the caches are not stale.
    """
    name = edition_name(edition, epilogue)
    if worker_id == "master":  # not running under xdist
        shared = tmp_path_factory.getbasetemp()
    else:
        shared = tmp_path_factory.getbasetemp().parent
    result_file = shared / f"{name}-build.json"
    with FileLock(str(shared / "build.lock")):
        if not result_file.exists():
            result_file.write_text(json.dumps(build(edition, epilogue, shared / "book", shared / f"{name}-build.log")))
    return json.loads(result_file.read_text())


def succeeded(result: dict) -> Path:
    if result["returncode"] != 0:
        log = Path(result["log"]).read_text()[-4000:]
        pytest.fail(f"the book did not build (exit {result['returncode']}); end of the log:\n{log}")
    return Path(result["site"])


@pytest.fixture(scope="session")
def built_book(tmp_path_factory, worker_id) -> dict:
    """The result of building the student edition (make book)."""
    return built_once("student", tmp_path_factory, worker_id)


@pytest.fixture(scope="session")
def site(built_book) -> Path:
    """The student edition's folder, after a build that succeeded."""
    return succeeded(built_book)


@pytest.fixture(scope="session")
def instructor_site(built_book, tmp_path_factory, worker_id) -> Path:
    """The instructor edition's folder (make instructor), after a build that succeeded.

    It is built after the student edition, whose PDF its site holds too: built first, that
    PDF would be printed twice."""
    return succeeded(built_once("instructor", tmp_path_factory, worker_id))


@pytest.fixture(scope="session")
def no_epilogue_site(built_book, tmp_path_factory, worker_id) -> Path:
    """The student edition without the epilogue (make book EPILOGUE=no), after a build that succeeded.

    It is built after the full student edition, into the same folder: had the two shared
    an execution cache, its pages would hold the later sources that the tests look for."""
    return succeeded(built_once("student", tmp_path_factory, worker_id, epilogue=False))
