"""Paths and helpers the tests share (a plain module: test files cannot import conftest
reliably, since tests/ and tests/browser/ each have one)."""

import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
INSTRUCTOR_SITE = REPO / "_build" / "instructor" / "_build" / "html"
# The same commands as `make book` and `make instructor`; warnings are errors and
# references are checked.
BUILD_COMMAND = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
INSTRUCTOR_OPTIONS = ["--toc", "_toc_instructor.yml", "--path-output", "_build/instructor"]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
