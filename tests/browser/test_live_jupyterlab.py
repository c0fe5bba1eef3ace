"""A chapter runs live in JupyterLab: the widget works in the page, and the state the
student sets there is read back from Python in the notebook's kernel."""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient
from playwright.sync_api import expect

from support import REPO
from test_widgets import weigh

CHAPTER = "chapters/06-competing-viewpoints.md"
BIN = Path(sys.executable).parent


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 with a token, serving a copy of one chapter; stopped whatever happens."""
    root = tmp_path / "work"
    (root / "chapters").mkdir(parents=True)
    shutil.copy(REPO / CHAPTER, root / CHAPTER)
    runtime = tmp_path / "runtime"
    token = secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "w")
    # Port 0: the server asks the OS for a free port just before it binds it, and writes
    # it to its info file (a far shorter window for another process to take it than a
    # port chosen here before JupyterLab has even started).
    server = subprocess.Popen(
        [str(BIN / "jupyter-lab"), "--no-browser", "--ServerApp.port=0", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.news_url=",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
         "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    info_file = runtime / f"jpserver-{server.pid}.json"
    try:
        for _ in range(300):
            if server.poll() is not None:
                raise RuntimeError("JupyterLab stopped:\n" + (tmp_path / "lab.log").read_text()[-3000:])
            try:  # the info file may not exist or be complete yet, nor the server answer
                url = f"http://127.0.0.1:{json.loads(info_file.read_text())['port']}"
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
                break
            except (OSError, ValueError, KeyError):
                time.sleep(0.2)
        else:
            raise RuntimeError("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text()[-3000:])
        yield {"url": url, "token": token, "runtime": runtime}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


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


def run_in_kernel(client, code: str) -> str:
    printed = []
    client.execute_interactive(code, timeout=60, output_hook=lambda message: printed.append(message["content"].get("text", "")))
    return "".join(printed)


def run_all_cells(page, lab) -> None:
    """Open the served chapter in JupyterLab and run all its cells, once its kernel is idle."""
    page.goto(f"{lab['url']}/lab/tree/{CHAPTER}?token={lab['token']}")
    # The chapter opens as a notebook (jupytext), not as a text file.
    notebook = page.locator(".jp-NotebookPanel")
    expect(notebook).to_be_visible(timeout=60000)
    # A text notebook may first ask which kernel to start (its kernelspec names Python 3);
    # either way, run the cells only once the kernel is idle.
    select_kernel = page.locator(".jp-Dialog .jp-mod-accept")
    kernel_idle = page.get_by_text(re.compile(r"^Python 3 \(ipykernel\) \| Idle$"))
    expect(kernel_idle.or_(select_kernel).first).to_be_visible(timeout=60000)
    if select_kernel.is_visible():
        select_kernel.click()
    expect(kernel_idle).to_be_visible(timeout=60000)
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()


def test_widget_state_set_in_the_page_is_read_back_in_the_kernel(visit, jupyterlab):
    page = visit.page
    run_all_cells(page, jupyterlab)
    widget = page.locator(".cb-argument-weigher[data-ready='true']").first  # P1's weigher, `weigher` in the kernel
    expect(widget).to_be_visible(timeout=90000)
    weigh(widget, "A01", 4)
    weigh(widget, "B01", 1)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +3")

    client = kernel_client(jupyterlab)
    try:
        deadline = time.time() + 30
        while True:
            state = json.loads(run_in_kernel(client, "import json; print(json.dumps([weigher.weights, weigher.balance]))"))
            if state == [{"A01": 4, "B01": 1}, 3] or time.time() > deadline:
                break
            time.sleep(0.5)
        assert state == [{"A01": 4, "B01": 1}, 3]
        # The kernel is authoritative: a change made in Python shows in the page.
        run_in_kernel(client, "weigher.answer = {'weights': {'B02': 5}, 'justifications': {}}")
        expect(widget.locator(".cb-balance-number")).to_have_text("Balance: -5")
    finally:
        client.stop_channels()
