"""``dd.plot.network``: who meets whom, on a circle."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diplodata.plot._common import (
    KIND_COLOURS,
    as_frame,
    fill_docs,
    new_axes,
    no_data,
    participant_lists,
    require,
    shorten,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["meeting_counts", "network"]


def meeting_counts(
    data: Any, *, status: Sequence[str] | None = ("held",)
) -> tuple[Counter[str], Counter[tuple[str, str]], int]:
    """Meetings per actor, meetings per pair of actors, and the number of meetings counted.

    Parameters
    ----------
    data
        An EventSet or its frame.
    status
        Count only meetings with one of these statuses (``None``: every meeting).

    Examples
    --------
    >>> import diplodata as dd
    >>> nodes, edges, n = meeting_counts(dd.load_dataset("libya_2019"))
    >>> nodes.most_common(1), n
    ([('Khalifa Haftar', 17)], 38)
    """
    frame = as_frame(data)
    nodes: Counter[str] = Counter()
    edges: Counter[tuple[str, str]] = Counter()
    if len(frame) == 0:
        return nodes, edges, 0
    require(frame, ("kind", "participants"), "network")
    pick = (frame["kind"] == "meeting").to_numpy().copy()
    if status is not None and "status" in frame.columns:
        pick &= frame["status"].isin(list(status)).to_numpy()
    column = frame["participants"][pick]
    # Each distinct participant list is read once, then weighted by how often it occurs.
    repeats = column.value_counts(dropna=True, sort=False)
    lists = participant_lists(repeats.index.to_series())
    for people, times in zip(lists, repeats.to_numpy().tolist(), strict=True):
        names = sorted(set(people))
        for name in names:
            nodes[name] += times
        for pair in itertools.combinations(names, 2):
            edges[pair] += times
    return nodes, edges, int(pick.sum())


@fill_docs
def network(
    data: Any,
    *,
    status: Sequence[str] | None = ("held",),
    max_actors: int = 30,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who meets whom: actors on a circle, linked by the meetings they attended together.

    A node's area grows with the actor's meetings; a link's width with the
    meetings the two shared. The layout is deterministic: actors go clockwise from
    the top by number of meetings (most first), ties by name.

    Parameters
    ----------
    {data}
    status
        Count only meetings with one of these statuses (default: held meetings);
        ``None`` counts every meeting, planned and called-off ones included.
    max_actors
        Draw the actors with most meetings (ties by name); the title says how many
        more there are.
    title
        The title; by default it says what is counted.
    {ax}

    {returns}

    Examples
    --------
    >>> import diplodata as dd
    >>> ax = dd.plot.network(dd.load_dataset("libya_2019"))
    >>> ax.get_title()
    'Who meets whom: 38 held meetings, 28 actors'
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    frame = as_frame(data)
    ax = new_axes(ax, (9.0, 9.0))
    which = "held " if status is not None and list(status) == ["held"] else ""
    nodes, edges, n_meetings = meeting_counts(frame, status=status)
    if not nodes:
        return no_data(ax, title or "Who meets whom", f"no {which}meetings to draw")
    ranked = sorted(nodes.items(), key=lambda t: (-t[1], t[0]))
    shown = [name for name, _ in ranked[:max_actors]]
    hidden = len(ranked) - len(shown)
    n = len(shown)
    angle = {name: math.pi / 2 - 2 * math.pi * i / n for i, name in enumerate(shown)}
    where = {name: (math.cos(a), math.sin(a)) for name, a in angle.items()}

    links = sorted(
        ((pair, w) for pair, w in edges.items() if pair[0] in where and pair[1] in where),
        key=lambda t: (t[1], t[0]),
    )
    top_weight = max((w for _, w in links), default=1)
    if links:
        ax.add_collection(
            LineCollection(
                [[where[a], where[b]] for (a, b), _ in links],
                linewidths=[0.6 + 5.0 * w / top_weight for _, w in links],
                colors="#7A8B99",
                alpha=0.55,
                zorder=1,
            )
        )
    most = ranked[0][1]

    def area(meetings: float) -> float:
        return 30.0 + 470.0 * meetings / most

    xs = [where[name][0] for name in shown]
    ys = [where[name][1] for name in shown]
    ax.scatter(
        xs,
        ys,
        s=[area(nodes[name]) for name in shown],
        color=KIND_COLOURS["meeting"],
        edgecolors="white",
        linewidths=1.0,
        zorder=2,
    )
    for name in shown:
        a = angle[name]
        x, y = math.cos(a) * 1.09, math.sin(a) * 1.09
        degrees = math.degrees(a) % 360
        left = 90 < degrees < 270
        ax.text(
            x,
            y,
            f"{shorten(name, 30)} ({nodes[name]})",
            rotation=degrees - 180 if left else degrees,
            rotation_mode="anchor",
            ha="right" if left else "left",
            va="center",
            fontsize=8,
        )
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.75, 1.75)
    ax.set_aspect("equal")
    ax.set_axis_off()

    keys = sorted({1, max(1, most // 2), most})
    handles: list[Any] = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=math.sqrt(area(k)),
            color=KIND_COLOURS["meeting"],
            label=f"{k} meeting{'s' if k != 1 else ''}",
        )
        for k in keys
    ]
    handles += [
        Line2D(
            [],
            [],
            color="#7A8B99",
            linewidth=0.6 + 5.0 * k / top_weight,
            label=f"{k} together",
        )
        for k in sorted({1, top_weight})
    ]
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 0.0),
        frameon=False,
        fontsize="small",
        title="node: an actor's meetings\nlink: meetings together",
        title_fontsize="small",
        labelspacing=1.2,
        borderpad=0.2,
    )
    if title is None:
        noun = "meeting" if n_meetings == 1 else "meetings"
        title = f"Who meets whom: {n_meetings:,} {which}{noun}, {n} actors"
        if hidden:
            title += f" (the {n} with most meetings; {hidden} more not shown)"
    ax.set_title(title)
    return ax
