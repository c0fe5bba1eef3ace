"""Show the timeline: readable dates, a captioned table, and a figure of date ranges.

Uncertain dates are shown as what they are (a range, or "by" a date when the
sources give no lower bound), never as a guessed day.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from pandas.io.formats.style import Styler

from casebook.display import COLOURS, captioned_table
from casebook.vocabulary import CORROBORATION, DATE_BASES, SOURCING_KINDS


def day(date: pd.Timestamp) -> str:
    return f"{date.day} {date:%b %Y}"


def is_whole_month(earliest: pd.Timestamp, latest: pd.Timestamp) -> bool:
    return earliest.day == 1 and latest == earliest + pd.offsets.MonthEnd(0)


def date_label(earliest: pd.Timestamp, latest: pd.Timestamp, year_inferred: bool = False) -> str:
    """A date as precise as the sources make it: '12 Jan 2026', 'Sep 2025', '1–15 Jan 2026', 'by 31 May 2025'."""
    if pd.isna(earliest):
        label = f"by {day(latest)}"
    elif earliest == latest:
        label = day(latest)
    elif is_whole_month(earliest, latest):
        label = f"{latest:%b %Y}"
    elif (earliest.year, earliest.month) == (latest.year, latest.month):
        label = f"{earliest.day}–{latest.day} {latest:%b %Y}"
    else:
        label = f"{day(earliest)} – {day(latest)}"
    return label + (" (year inferred)" if year_inferred else "")


def actor_names(ids: tuple[str, ...], actors: pd.DataFrame) -> str:
    return ", ".join(actors.loc[list(ids), "name"])


def timeline_table(timeline: pd.DataFrame, actors: pd.DataFrame, caption: str) -> Styler:
    """The timeline as a captioned table; every cell is escaped, so text never becomes HTML."""
    rows = pd.DataFrame({
        "When": [date_label(e, l, y) for e, l, y in
                 zip(timeline["date_earliest"], timeline["date_latest"], timeline["year_inferred"])],
        "How the date is known": timeline["date_basis"].map(DATE_BASES),
        "What happened": timeline["event"],
        "Who": timeline["actors"].map(lambda ids: actor_names(ids, actors)),
        "Sourcing": timeline["sourcing"].map(lambda kinds: "; ".join(SOURCING_KINDS[k] for k in kinds)),
        "Disputed by": timeline["disputed_by"].map(lambda ids: actor_names(ids, actors) or "–"),
    }, index=timeline.index)
    return captioned_table(rows, caption)


# Each panel of the figure is a window of time (title, start, end, tick format);
# events outside it are clipped.
PANELS = (
    ("2025", pd.Timestamp("2025-04-15"), pd.Timestamp("2025-10-15"), "%b"),
    ("January–February 2026", pd.Timestamp("2025-12-28"), pd.Timestamp("2026-02-22"), "%-d %b"),
)
PANEL_WIDTHS = (1, 2)  # the dense weeks of 2026 get twice the room
# Each way a date is known (casebook.vocabulary.DATE_BASES), drawn in its own colour and dash.
BASIS_STYLES = {
    "stated": dict(color=COLOURS["blue"], linestyle="-"),
    "inferred": dict(color=COLOURS["orange"], linestyle="--"),
    "report-date": dict(color=COLOURS["grey"], linestyle=":"),
}


def events_outside_panels(timeline: pd.DataFrame) -> list[str]:
    """Events the figure could not show: every possible date falls outside every panel."""
    return [
        event_id
        for event_id, earliest, latest in zip(timeline.index, timeline["date_earliest"], timeline["date_latest"])
        if not any(start <= latest and (pd.isna(earliest) or earliest <= end) for _, start, end, _ in PANELS)
    ]


def plot_timeline(timeline: pd.DataFrame) -> plt.Figure:
    """Each event as its range of possible dates, coloured and dashed by how the date is known.

    A single day is a dot; a range is a bar ending in a tick; 'by' a date (the
    sources give no lower bound) is a bar from the panel's left edge with an open
    triangle; a range that runs past a panel's right edge ends in an arrow.
    """
    missing = events_outside_panels(timeline)
    if missing:
        raise ValueError(f"events {', '.join(missing)} fall outside the figure's panels; add a panel in casebook/timeline.py")
    rows = list(range(len(timeline)))[::-1]
    fig, axes = plt.subplots(1, len(PANELS), sharey=True, figsize=(10, 0.42 * len(timeline) + 1.4),
                             gridspec_kw={"width_ratios": PANEL_WIDTHS})
    for ax, (title, start, end, tick_format) in zip(axes, PANELS):
        for y, event in zip(rows, timeline.itertuples()):
            draw_event(ax, y, event.date_earliest, event.date_latest, BASIS_STYLES[event.date_basis], start, end)
        ax.set_xlim(start, end)
        ax.set_title(title, fontsize=10)
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter(tick_format))
        ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
        ax.grid(axis="x", color=COLOURS["grid"])
        ax.tick_params(axis="x", labelsize=8)
    axes[0].set_yticks(rows)
    axes[0].set_yticklabels([f"{i}  {h}" for i, h in zip(timeline.index, timeline["headline"])], fontsize=8)
    axes[0].set_ylim(-0.8, len(timeline) - 0.2)
    handles = [plt.Line2D([], [], linewidth=3, **style) for style in BASIS_STYLES.values()]
    fig.legend(handles, [DATE_BASES[basis] for basis in BASIS_STYLES], title="How the date is known", loc="lower center",
               ncol=3, fontsize=8, title_fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def draw_event(ax, y, earliest, latest, style, start, end) -> None:
    if latest < start or (not pd.isna(earliest) and earliest > end):
        return  # not in this panel
    if pd.isna(earliest) and latest > end:
        return  # with no lower bound, drawn only in the panel where it ends
    if not pd.isna(earliest) and earliest == latest:
        ax.plot([latest], [y], marker="o", markersize=6, color=style["color"])
        return
    left = start if pd.isna(earliest) else max(earliest, start)
    right = min(latest, end)
    ax.plot([left, right], [y, y], linewidth=4, solid_capstyle="butt", **style)
    if latest <= end:
        ax.plot([right], [y], marker="|", markersize=10, color=style["color"])
    else:
        ax.annotate("", xy=(end, y), xytext=(right - pd.Timedelta(days=1), y),
                    arrowprops=dict(arrowstyle="->", color=style["color"]))
    if pd.isna(earliest):
        ax.plot([left], [y], marker="<", markersize=6, markerfacecolor="white", color=style["color"])


# The epilogue's figure: one row per event, February to September 2026, coloured by
# how well the event is corroborated (casebook.vocabulary.CORROBORATION).
EPILOGUE_WINDOW = (pd.Timestamp("2026-02-15"), pd.Timestamp("2026-10-01"))
CORROBORATION_STYLES = {
    "primary": dict(color=COLOURS["blue"], marker="o"),
    "two-reports": dict(color=COLOURS["orange"], marker="s"),
    "single-report": dict(color=COLOURS["grey"], marker="D"),
}


def plot_epilogue(epilogue: pd.DataFrame) -> plt.Figure:
    """The later events on one time axis, labelled by headline, one row each.

    Labels sit on the rows' axis, one per row, so they cannot run into each other however
    the page scales the figure; the figure is narrow, so a phone shrinks it little.
    """
    start, end = EPILOGUE_WINDOW
    rows = list(range(len(epilogue)))[::-1]
    fig, ax = plt.subplots(figsize=(6.4, 0.3 * len(epilogue) + 1.3))
    for y, event in zip(rows, epilogue.itertuples()):
        style = CORROBORATION_STYLES[event.corroboration]
        if event.date_earliest != event.date_latest:  # a range of possible dates, ending in the marker
            ax.plot([event.date_earliest, event.date_latest], [y, y], linewidth=3, solid_capstyle="butt", color=style["color"])
        ax.plot([event.date_latest], [y], markersize=5, linestyle="", **style)
    ax.set_xlim(start, end)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    ax.grid(axis="x", color=COLOURS["grid"])
    ax.tick_params(axis="x", labelsize=9)
    ax.set_yticks(rows)
    ax.set_yticklabels(epilogue["headline"], fontsize=9)
    ax.set_ylim(-0.8, len(epilogue) - 0.2)
    ax.set_xlabel("2026")
    handles = [plt.Line2D([], [], linestyle="", markersize=6, **style) for style in CORROBORATION_STYLES.values()]
    fig.legend(handles, [CORROBORATION[kind] for kind in CORROBORATION_STYLES], title="Corroboration",
               loc="lower center", ncol=3, fontsize=8, title_fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig
