"""The stakeholder map: parties placed by interest in the outcome against influence over it."""

import matplotlib.pyplot as plt
import pandas as pd

from casebook.display import COLOURS

LEVELS = {1: "low", 2: "medium", 3: "high"}


def stakeholder_grid(actors: pd.DataFrame) -> dict[tuple[int, int], list[str]]:
    """Party names in each (influence, interest) cell, from the casebook's assessment in actors.csv."""
    parties = actors.dropna(subset=["interest", "influence"])
    grid: dict[tuple[int, int], list[str]] = {}
    for name, interest, influence in zip(parties["name"], parties["interest"], parties["influence"]):
        grid.setdefault((int(influence), int(interest)), []).append(name)
    return grid


def plot_stakeholder_map(actors: pd.DataFrame) -> plt.Figure:
    """A 3-by-3 grid: influence across, interest up; each cell lists the parties placed there."""
    grid = stakeholder_grid(actors)
    fig, ax = plt.subplots(figsize=(9, 6.5))
    for (influence, interest), names in grid.items():
        ax.text(influence, interest, "\n".join(sorted(names)), ha="center", va="center", fontsize=8.5, wrap=True)
    ax.set_xlim(0.5, 3.5)
    ax.set_ylim(0.5, 3.5)
    ax.set_xticks([1, 2, 3], [LEVELS[level] for level in (1, 2, 3)])
    ax.set_yticks([1, 2, 3], [LEVELS[level] for level in (1, 2, 3)])
    for edge in (1.5, 2.5):
        ax.axvline(edge, color=COLOURS["rule"], linewidth=1)
        ax.axhline(edge, color=COLOURS["rule"], linewidth=1)
    ax.set_xlabel("Influence over the outcome")
    ax.set_ylabel("Interest in the outcome")
    fig.tight_layout()
    return fig
