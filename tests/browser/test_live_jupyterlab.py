"""Chapters run live in JupyterLab: the widgets work in the page, and the state the
student sets there is read back from Python in the notebook's kernel (tests/browser/live_lab.py
starts JupyterLab and reads the kernel)."""

import pytest
from playwright.sync_api import expect

from casebook import data
from helpers import weigh
from live_lab import kernel_client, run_all_cells, wait_for_kernel_state

pytestmark = pytest.mark.live


def test_widget_state_set_in_the_page_is_read_back_in_the_kernel(local_visit, jupyterlab):
    page = local_visit.page
    run_all_cells(page, jupyterlab)
    widget = page.locator(".cb-argument-weigher[data-ready='true']").first  # P1's weigher, `weigher` in the kernel
    expect(widget).to_be_visible(timeout=90000)
    weigh(widget, "A01", 4)
    weigh(widget, "B01", 1)
    expect(widget.locator(".cb-balance-number")).to_have_text("Balance: +3")

    client = kernel_client(jupyterlab)
    try:
        wait_for_kernel_state(client, "weigher", "[weigher.weights, weigher.balance]", [{"A01": 4, "B01": 1}, 3])
        # The kernel is authoritative: a change made in Python shows in the page.
        client.execute_interactive("weigher.answer = {'weights': {'B02': 5}, 'justifications': {}}", timeout=60)
        expect(widget.locator(".cb-balance-number")).to_have_text("Balance: -5")
    finally:
        client.stop_channels()


def forecast_field(widget, question_id):
    return widget.locator(f"li.cb-question[data-id='{question_id}'] input")


@pytest.mark.parametrize("lab_chapter", ["chapters/08-build-your-answer.md"])
def test_forecasts_work_live_and_the_kernel_reads_them(local_visit, jupyterlab):
    resolved = data.load_forecasts()["outcome"]
    yes = resolved[resolved == "yes"].index[0]
    no = resolved[resolved == "no"].index[0]
    page = local_visit.page
    run_all_cells(page, jupyterlab)
    widget = page.locator(".cb-forecast[data-ready='true']")
    expect(widget).to_be_visible(timeout=90000)
    forecast_field(widget, yes).fill("65")
    client = kernel_client(jupyterlab)
    try:
        wait_for_kernel_state(client, "forecast", "forecast.probabilities", {yes: 65})
        # The kernel is authoritative: a change made in Python shows in the page.
        client.execute_interactive(f"forecast.answer = {{'probabilities': {{'{no}': 15}}}}", timeout=60)
        expect(forecast_field(widget, no)).to_have_value("15")
        expect(forecast_field(widget, yes)).to_have_value("")
    finally:
        client.stop_channels()
