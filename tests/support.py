"""Paths and helpers the tests share (a plain module: test files cannot import conftest
reliably, since tests/ and tests/browser/ each have one)."""

import re
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
INSTRUCTOR_SITE = REPO / "_build" / "instructor" / "_build" / "html"
# The same commands as `make book` and `make instructor`; warnings are errors and
# references are checked.
BUILD_COMMAND = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
INSTRUCTOR_OPTIONS = ["--toc", "_toc_instructor.yml", "--path-output", "_build/instructor"]


@contextmanager
def served(folder: Path):
    """A static server for ``folder`` on 127.0.0.1, on a port the server itself chose; stopped afterwards."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        announced = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port NNNNN (...)"
        port = re.search(r"port (\d+)", announced)
        if not port:
            raise RuntimeError(f"the static server did not start: {announced!r}")
        yield f"http://127.0.0.1:{port.group(1)}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
