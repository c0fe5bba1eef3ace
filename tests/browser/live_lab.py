"""JupyterLab for the live tests: a server serving one chapter, its notebook run in the
page, and a second client of the notebook's kernel that reads the widgets' state back.

Nothing here waits a fixed time: JupyterLab is ready when it answers at the address it
announces, the notebook when its kernel is idle, and the kernel's state is read as the
kernel reports each change."""

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
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from jupyter_client import BlockingKernelClient
from playwright.sync_api import expect

from support import REPO

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


def answering(url: str, server: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Return once ``url`` answers. Jupyter Server announces its address before it listens
    (it binds the port in a callback of its event loop, which starts after the
    announcement), and a browser sent there at once was refused in loaded runs."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:  # it answered, if not as hoped: the page will say more
            return
        except OSError:  # refused (not listening yet), or reset
            if server.poll() is not None:
                raise RuntimeError("JupyterLab stopped:\n" + log.read_text()[-3000:]) from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer at {url} in {seconds} s:\n" + log.read_text()[-3000:]) from None
            time.sleep(0.1)


@contextmanager
def jupyterlab_serving(chapter: str, tmp_path: Path):
    """JupyterLab on 127.0.0.1 with a token, serving a copy of one chapter; stopped whatever happens."""
    root = tmp_path / "work"
    (root / "chapters").mkdir(parents=True)
    shutil.copy(REPO / chapter, root / chapter)
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
        url = announced_url(server, tmp_path / "lab.log")
        answering(f"{url}/api/status?token={token}", server, tmp_path / "lab.log")
        yield {"url": url, "token": token, "runtime": runtime, "chapter": chapter}
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


def run_all_cells(page, lab) -> None:
    """Open the served chapter in JupyterLab and run all its cells, once its kernel is idle."""
    page.goto(f"{lab['url']}/lab/tree/{lab['chapter']}?token={lab['token']}")
    # The chapter opens as a notebook (jupytext), not as a text file.
    expect(page.locator(".jp-NotebookPanel")).to_be_visible(timeout=60000)
    wait_for_the_notebooks_kernel(page)
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()


def wait_for_kernel_state(client, widget: str, expression: str, expected, seconds: float = 30) -> None:
    """Until ``expression`` (Python, on the kernel's widget named ``widget``) is ``expected``.

    The kernel reports the value now, on this client's request, and again on every change
    of the widget, as it handles the page's messages, on the channel every client hears."""
    reports = []

    def keep(message):
        text = message["content"].get("text", "") if message["msg_type"] == "stream" else ""
        reports.extend(json.loads(line[len("STATE "):]) for line in text.splitlines() if line.startswith("STATE "))

    report = (
        "import json\n"
        f"def _report(change=None):\n    print('STATE ' + json.dumps({expression}))\n"
        f"{widget}.observe(_report)\n_report()\n"
    )
    client.execute_interactive(report, timeout=60, output_hook=keep)
    deadline = time.monotonic() + seconds
    while expected not in reports:
        try:
            keep(client.get_iopub_msg(timeout=max(0, deadline - time.monotonic())))
        except queue.Empty:
            raise AssertionError(f"after {seconds} s the kernel's {expression} is {reports[-1:]}, not {expected}") from None
