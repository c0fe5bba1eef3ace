"""A chapter runs live in JupyterLab: the widget works in the page, and the state the
student sets there is read back from Python in the notebook's kernel.

Nothing here waits a fixed time: JupyterLab is ready when it announces its address, the
notebook when the server says its kernel is idle and the page connected, and the
kernel's state is read as the kernel reports each change."""

import json
import os
import queue
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient
from playwright.sync_api import expect

from helpers import weigh
from support import REPO

pytestmark = pytest.mark.live

CHAPTER = "chapters/06-competing-viewpoints.md"
BIN = Path(sys.executable).parent
# The server's log line once it listens: "[I ... ServerApp] http://127.0.0.1:PORT/lab?token=..."
ANNOUNCED = re.compile(r"(http://127\.0\.0\.1:\d+)/lab\?token=")


def announced_url(server: subprocess.Popen, log: Path, seconds: float = 120) -> str:
    """The address JupyterLab announces on stderr. A thread copies all it writes to ``log``
    (so that its pipe never fills) and hands each line over until the deadline."""
    lines = queue.Queue()

    def copy():
        with open(log, "w") as out:
            for line in server.stderr:
                out.write(line)
                out.flush()
                lines.put(line)
        lines.put(None)  # it stopped

    threading.Thread(target=copy, daemon=True).start()
    deadline = time.monotonic() + seconds
    while True:
        try:
            line = lines.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            raise RuntimeError(f"JupyterLab did not start in {seconds} s:\n" + log.read_text()[-3000:]) from None
        if line is None:
            raise RuntimeError("JupyterLab stopped:\n" + log.read_text()[-3000:])
        if match := ANNOUNCED.search(line):
            return match.group(1)


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 with a token, serving a copy of one chapter; stopped whatever happens."""
    root = tmp_path / "work"
    (root / "chapters").mkdir(parents=True)
    shutil.copy(REPO / CHAPTER, root / CHAPTER)
    runtime = tmp_path / "runtime"
    token = secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    # Port 0: the server asks the OS for a free port just as it binds it, then announces it.
    server = subprocess.Popen(
        [str(BIN / "jupyter-lab"), "--no-browser", "--ServerApp.port=0", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
         "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield {"url": announced_url(server, tmp_path / "lab.log"), "token": token, "runtime": runtime}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def wait_for_the_notebooks_kernel(page) -> None:
    """Until JupyterLab's current notebook has its kernel, idle. Run All acts on that
    notebook, and does nothing (no error, no queued cell) before then.

    The status bar is the one place JupyterLab shows it: the server (`/api/sessions`)
    and the notebook's own toolbar say "idle" up to seconds earlier, and a test waiting
    on them failed in most runs. A text notebook may first make JupyterLab ask which
    kernel to start; the offer is the notebook's own (Python 3)."""
    select_kernel = page.locator(".jp-Dialog .jp-mod-accept")
    kernel_idle = page.locator(".jp-StatusBar-Widget").get_by_text(re.compile(r"^Python 3 \(ipykernel\) \| Idle$"))
    expect(kernel_idle.or_(select_kernel).first).to_be_visible(timeout=60000)
    if select_kernel.is_visible():
        select_kernel.click()
    expect(kernel_idle).to_be_visible(timeout=60000)


def kernel_client(lab) -> BlockingKernelClient:
    """A second client of the notebook's own kernel, through its connection file."""
    with urllib.request.urlopen(f"{lab['url']}/api/sessions?token={lab['token']}") as response:
        sessions = json.load(response)
    assert len(sessions) == 1, sessions
    client = BlockingKernelClient()
    client.load_connection_file(lab["runtime"] / f"kernel-{sessions[0]['kernel']['id']}.json")
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return client


# Prints the weigher's state now, and again on every change the page makes to it.
REPORT_WEIGHER = """
import json
def _report_weigher(change=None):
    print("STATE " + json.dumps([weigher.weights, weigher.balance]))
weigher.observe(_report_weigher)
_report_weigher()
"""


def wait_for_weigher(client, expected: list, seconds: float = 30) -> None:
    """Until the kernel's `weigher` holds ``expected`` ([weights, balance]), as the kernel reports it.

    The report's first line comes from this client's request; the next ones from the
    observer, as the kernel handles the page's messages, on the channel every client hears."""
    reports = []

    def keep(message):
        text = message["content"].get("text", "") if message["msg_type"] == "stream" else ""
        reports.extend(json.loads(line[len("STATE "):]) for line in text.splitlines() if line.startswith("STATE "))

    client.execute_interactive(REPORT_WEIGHER, timeout=60, output_hook=keep)
    deadline = time.monotonic() + seconds
    while expected not in reports:
        try:
            keep(client.get_iopub_msg(timeout=max(0, deadline - time.monotonic())))
        except queue.Empty:
            raise AssertionError(f"after {seconds} s the kernel's weigher holds {reports[-1:]}, not {expected}") from None


def test_widget_state_set_in_the_page_is_read_back_in_the_kernel(local_visit, jupyterlab):
    page = local_visit.page
    page.goto(f"{jupyterlab['url']}/lab/tree/{CHAPTER}?token={jupyterlab['token']}")
    # The chapter opens as a notebook (jupytext), not as a text file.
    expect(page.locator(".jp-NotebookPanel")).to_be_visible(timeout=60000)
    wait_for_the_notebooks_kernel(page)
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()
    widget = page.locator(".cb-argument-weigher[data-ready='true']").first  # P1's weigher, `weigher` in the kernel
    expect(widget).to_be_visible(timeout=90000)
    weigh(widget, "A01", 4)
    weigh(widget, "B01", 1)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +3")

    client = kernel_client(jupyterlab)
    try:
        wait_for_weigher(client, [{"A01": 4, "B01": 1}, 3])
        # The kernel is authoritative: a change made in Python shows in the page.
        client.execute_interactive("weigher.answer = {'weights': {'B02': 5}, 'justifications': {}}", timeout=60)
        expect(widget.locator(".cb-balance-number")).to_have_text("Balance: -5")
    finally:
        client.stop_channels()
