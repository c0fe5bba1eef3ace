"""The epilogue's figure shows every event inside its window, and its labels neither
overlap nor leave the figure: the page may scale the image to a phone's width, which
shrinks it but cannot make labels collide that do not collide here."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from casebook import data  # noqa: E402
from casebook.timeline import EPILOGUE_WINDOW, plot_epilogue  # noqa: E402

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def figure():
    fig = plot_epilogue(data.load_epilogue())
    fig.canvas.draw()
    yield fig
    plt.close(fig)


def overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_every_event_of_the_epilogue_falls_inside_the_window():
    epilogue = data.load_epilogue()
    start, end = EPILOGUE_WINDOW
    assert (epilogue["date_earliest"] >= start).all() and (epilogue["date_latest"] <= end).all()


def test_one_label_per_event_and_no_two_labels_touch(figure):
    ax = figure.axes[0]
    labels = [label for label in ax.get_yticklabels() if label.get_text()]
    assert [label.get_text() for label in labels] == list(data.load_epilogue()["headline"])
    rows = [label.get_position()[1] for label in labels]
    assert rows == sorted(rows, reverse=True), "the first event is the top row"
    boxes = [label.get_window_extent() for label in labels] + [label.get_window_extent() for label in ax.get_xticklabels()]
    touching = [(i, j) for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2) if overlaps(a, b)]
    assert not touching, f"labels overlap: {touching}"


def test_labels_and_legend_stay_inside_the_figure(figure):
    bounds = figure.bbox
    texts = figure.axes[0].get_yticklabels() + figure.axes[0].get_xticklabels() + figure.legends[0].get_texts()
    outside = [text.get_text() for text in texts if text.get_text() and not (
        bounds.x0 <= text.get_window_extent().x0 and text.get_window_extent().x1 <= bounds.x1
        and bounds.y0 <= text.get_window_extent().y0 and text.get_window_extent().y1 <= bounds.y1)]
    assert not outside, f"cut off at the figure's edge: {outside}"

