"""``dd.plot.timeline``: events over time, one lane per actor or per kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from diplodata.plot._common import (
    ACT_COLOURS,
    FIGURE_COLOURS,
    KIND_COLOURS,
    MEETING_STYLE,
    as_frame,
    date_axis,
    date_bounds,
    fill_docs,
    lane_label,
    legend_outside,
    new_axes,
    no_data,
    participant_lists,
    require,
    texts,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["timeline"]

KINDS = ("meeting", "statement", "casualty")
OTHERS = "(other actors)"
UNNAMED = "(no named actor)"
# Bin widths (days) tried in turn when a crowded timeline is aggregated.
_BINS = ((1.0, "day"), (7.0, "week"), (30.4375, "month"), (91.3125, "quarter"), (365.25, "year"))
_MAX_BINS = 160


def _is(frame: pd.DataFrame, column: str, value: str) -> np.ndarray:
    """Whether each row's ``column`` equals ``value`` (all False when there is no such column)."""
    import numpy as np

    if column not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return np.asarray((frame[column] == value).fillna(False), dtype=bool)


def _actors_of(frame: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Every (row, actor) pair of ``rows``: meeting participants, speakers, reporters.

    Returns the rows, an actor id per pair, and the actor names the ids index
    (``UNNAMED`` for an event with no named actor). Vectorised: each distinct
    participant list is parsed once and rows gather from it.
    """
    import numpy as np
    import pandas as pd

    parts_rows: list[np.ndarray] = []
    parts_names: list[np.ndarray] = []  # indexes into `local` names of each part
    parts_vocab: list[list[str]] = []
    sub = frame.iloc[rows]
    meeting = np.flatnonzero(_is(sub, "kind", "meeting"))
    if len(meeting) and "participants" in frame.columns:
        codes, uniques = pd.factorize(sub["participants"].iloc[meeting], use_na_sentinel=True)
        lists = participant_lists(pd.Series(uniques, dtype=object))
        lists.append([])  # code -1: no participants given
        vocab = sorted({name for items in lists for name in items})
        ids = {name: i for i, name in enumerate(vocab)}
        sizes = np.array([len(items) for items in lists], dtype="int64")
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype("int64")
        laid = np.array([ids[name] for items in lists for name in items], dtype="int64")
        lengths = sizes[codes]
        firsts = np.repeat(starts[codes], lengths)
        within = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        parts_rows.append(np.repeat(rows[meeting], lengths))
        parts_names.append(laid[firsts + within])
        parts_vocab.append(vocab)
        empty = meeting[lengths == 0]
        parts_rows.append(rows[empty])
        parts_names.append(np.zeros(len(empty), dtype="int64"))
        parts_vocab.append([UNNAMED])
    for column, kind in (("speaker_name", "statement"), ("reported_by_name", "casualty")):
        where = np.flatnonzero(_is(sub, "kind", kind))
        if not len(where):
            continue
        if column in frame.columns:
            codes, uniques = pd.factorize(sub[column].iloc[where], use_na_sentinel=True)
            vocab = [str(u) for u in uniques] + [UNNAMED]
            codes = np.where(codes < 0, len(vocab) - 1, codes)
        else:
            vocab, codes = [UNNAMED], np.zeros(len(where), dtype="int64")
        parts_rows.append(rows[where])
        parts_names.append(np.asarray(codes, dtype="int64"))
        parts_vocab.append(vocab)
    names = sorted({name for vocab in parts_vocab for name in vocab})
    ids = {name: i for i, name in enumerate(names)}
    entry_rows = np.concatenate(parts_rows) if parts_rows else np.zeros(0, dtype="int64")
    entry_ids = (
        np.concatenate(
            [
                np.array([ids[n] for n in vocab], dtype="int64")[local]
                for local, vocab in zip(parts_names, parts_vocab, strict=True)
            ]
        )
        if parts_names
        else np.zeros(0, dtype="int64")
    )
    return entry_rows, entry_ids, names


def _lanes(
    frame: pd.DataFrame, rows: np.ndarray, by: str, max_lanes: int
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Lane names (top first) and the (row, lane) pairs of every mark to draw."""
    import numpy as np

    if by == "kind":
        lane = np.full(len(rows), -1, dtype="int64")
        present: list[str] = []
        sub = frame.iloc[rows]
        for kind in KINDS:
            pick = _is(sub, "kind", kind)
            if pick.any():
                lane[pick] = len(present)
                present.append(kind)
        keep = lane >= 0
        return present, rows[keep], lane[keep]

    entry_rows, entry_ids, names = _actors_of(frame, rows)
    counts = np.bincount(entry_ids, minlength=len(names))
    named = sorted(
        ((int(counts[i]), name) for i, name in enumerate(names) if name != UNNAMED and counts[i]),
        key=lambda t: (-t[0], t[1]),
    )
    order = [name for _, name in named[:max_lanes]]
    if len(named) > max_lanes:
        order.append(OTHERS)
    if UNNAMED in names and counts[names.index(UNNAMED)]:
        order.append(UNNAMED)
    index = {name: i for i, name in enumerate(order)}
    others = index.get(OTHERS, -1)
    lane_of = np.array([index.get(name, others) for name in names], dtype="int64")
    lane = lane_of[entry_ids]
    # One mark per (event, lane): two lesser actors of one meeting share the others' lane.
    pairs = np.unique(entry_rows.astype("int64") * (len(order) + 1) + lane)
    return order, pairs // (len(order) + 1), pairs % (len(order) + 1)


@fill_docs
def timeline(
    data: Any,
    *,
    by: Literal["actor", "kind"] = "actor",
    max_lanes: int = 15,
    aggregate: bool | None = None,
    max_marks: int = 2000,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Events over time, one lane per actor (or per kind).

    Meetings are round markers (filled: held; hollow: planned, proposed or
    postponed; a cross: cancelled or denied), statements are ticks coloured by
    their act, casualty figures are bars coloured by figure whose height grows
    with the logarithm of the count. An event whose date is known only to the
    week or the month is drawn across that span (a translucent box), not as a point.
    Undated events are left out, and the title says how many.

    Parameters
    ----------
    {data}
    by
        ``"actor"``: one lane per actor (meeting participants, statement speakers,
        casualty reporters; an event shows in the lane of each of its actors);
        ``"kind"``: one lane per event kind.
    max_lanes
        With ``by="actor"``, the number of actor lanes (the actors with most events,
        ties by name); the other actors share one lane.
    aggregate
        Draw counts per lane and period (a heat strip with a colour bar) instead of
        one mark per event. By default, only when there would be more than
        ``max_marks`` marks, so a crowded timeline stays readable.
    max_marks
        See ``aggregate``.
    title
        The title; by default it says how many events are drawn, and how.
    {ax}

    {returns}

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> ax = dd.plot.timeline(df, by="kind")
    >>> [t.get_text() for t in ax.get_yticklabels()][::-1]  # lanes, from the top
    ['meeting', 'statement', 'casualty']
    >>> ax.get_title()
    'Timeline of 189 events, by kind'
    """
    import numpy as np

    if by not in ("actor", "kind"):
        raise ValueError(f"by must be 'actor' or 'kind', not {by!r}")
    frame = as_frame(data)
    require(frame, ("kind", "when_earliest", "when_latest"), "timeline")
    start, end = date_bounds(frame)
    rows = np.flatnonzero(~np.isnan(start))
    undated = len(frame) - len(rows)
    if len(rows) == 0:
        ax = new_axes(ax, (11.0, 4.5))
        if len(frame) == 0:
            return no_data(ax, title or "Timeline", "no events to draw")
        return no_data(ax, title or "Timeline", f"no dated events to draw ({undated} undated)")

    lanes, entry_rows, entry_lanes = _lanes(frame, rows, by, max_lanes)
    n = len(lanes)
    ax = new_axes(ax, (11.0, max(4.5, 0.45 * n + 1.6)))
    y = (n - 1 - entry_lanes).astype("float64")
    crowded = len(entry_rows) > max_marks if aggregate is None else aggregate
    if crowded:
        how = _draw_counts(ax, start[entry_rows], end[entry_rows], y, n)
    else:
        # Draw in an order that depends on the events, not on the rows' order.
        ids = texts(frame["event_id"].iloc[entry_rows]) if "event_id" in frame.columns else None
        keys = [y, end[entry_rows], start[entry_rows]]
        order = np.lexsort(keys if ids is None else [ids.astype(str), *keys])
        _draw_marks(ax, frame, entry_rows[order], start, end, y[order])
        how = ""

    if not crowded:
        low, high = float(np.min(start[rows])), float(np.max(end[rows]))
        pad = max(0.03 * (high - low), 3.0)
        ax.set_xlim(low - pad, high + pad)
    ax.set_yticks(np.arange(n), [lane_label(name) for name in reversed(lanes)])
    ax.set_ylim(-0.6, n - 0.4)
    for edge in np.arange(n - 1) + 0.5:
        ax.axhline(edge, color="#dddddd", linewidth=0.8, zorder=0)
    ax.grid(axis="x", color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    date_axis(ax)
    ax.set_ylabel(by)
    drawn = len(rows)
    noun = "event" if drawn == 1 else "events"
    default = f"Timeline of {drawn:,} {noun}, by {by}{how}"
    if undated:
        default += f" ({undated:,} undated not shown)"
    ax.set_title(title if title is not None else default)
    return ax


def _draw_counts(ax: Axes, start: np.ndarray, end: np.ndarray, y: np.ndarray, n: int) -> str:
    """A heat strip of events per lane and period; returns the title's ``: ...`` part."""
    import numpy as np

    middle = (start + end) / 2.0
    low, high = float(np.nanmin(start)), float(np.nanmax(end))
    width, word = _BINS[-1]
    for width, word in _BINS:  # noqa: B007 - the first width that fits is kept
        if (high - low) / width <= _MAX_BINS:
            break
    edges = np.arange(low, high + width, width)
    if len(edges) < 2:
        edges = np.array([low, low + width])
    counts, _, _ = np.histogram2d(middle, y, bins=[edges, np.arange(n + 1) - 0.5])
    shown = np.ma.masked_equal(counts.T, 0)
    mesh = ax.pcolormesh(edges, np.arange(n + 1) - 0.5, shown, cmap="Blues", vmin=0)
    bar = ax.figure.colorbar(mesh, ax=ax, pad=0.01, fraction=0.04)
    bar.set_label(f"events per {word}")
    ax.set_xlim(edges[0], edges[-1])
    return f" (events per {word}; too many to mark one by one)"


def _draw_marks(
    ax: Axes,
    frame: pd.DataFrame,
    rows: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    y: np.ndarray,
) -> None:
    """One mark per (event, lane): markers, ticks, bars, and boxes for date spans."""
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def column(name: str) -> np.ndarray:
        if name not in frame.columns:
            return np.full(len(rows), None, dtype=object)
        return texts(frame[name].iloc[rows])

    kind = column("kind")
    x0, x1 = start[rows], end[rows]
    is_span = (x1 - x0) > 1.0
    handles: list[Any] = []

    # Meetings: round markers at the top of the lane; boxes for spans.
    colour = KIND_COLOURS["meeting"]
    status = column("status")
    style = np.array([MEETING_STYLE.get(s or "", "filled") for s in status], dtype=object)
    looks = {
        "filled": {"marker": "o", "facecolors": colour, "label": "meeting held"},
        "hollow": {"marker": "o", "facecolors": "white", "label": "meeting planned"},
        "crossed": {"marker": "X", "facecolors": colour, "label": "meeting cancelled or denied"},
    }
    for name, look in looks.items():
        pick = (kind == "meeting") & (style == name)
        if not pick.any():
            continue
        point = pick & ~is_span
        ax.scatter(
            x0[point] + 0.5,
            y[point] + 0.24,
            s=40,
            marker=look["marker"],
            facecolors=look["facecolors"],
            edgecolors=colour,
            linewidths=1.2,
            zorder=3,
        )
        box = pick & is_span
        if box.any():
            ax.barh(
                y[box] + 0.24,
                x1[box] - x0[box],
                left=x0[box],
                height=0.26,
                facecolor=colour if name == "filled" else "none",
                alpha=0.45 if name == "filled" else 1.0,
                edgecolor=colour,
                hatch="xxx" if name == "crossed" else None,
                linewidth=1.0,
                zorder=2,
            )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=look["marker"],
                markersize=7,
                markerfacecolor=look["facecolors"],
                markeredgecolor=colour,
                label=look["label"],
            )
        )

    # Statements: ticks coloured by act, in the middle of the lane.
    act = column("act")
    for name, colour in ACT_COLOURS.items():
        pick = (kind == "statement") & (act == name)
        if not pick.any():
            continue
        point = pick & ~is_span
        ax.scatter(
            x0[point] + 0.5,
            y[point] - 0.04,
            s=80,
            marker="|",
            color=colour,
            linewidths=1.8,
            zorder=3,
        )
        box = pick & is_span
        if box.any():
            ax.barh(
                y[box] - 0.04,
                x1[box] - x0[box],
                left=x0[box],
                height=0.14,
                color=colour,
                alpha=0.45,
                edgecolor=colour,
                zorder=2,
            )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="|",
                markersize=10,
                markeredgewidth=1.8,
                color=colour,
                label=f"statement: {name}",
            )
        )

    # Casualty figures: bars from the bottom of the lane, height by log(count).
    is_toll = kind == "casualty"
    if is_toll.any():
        figure = column("figure")
        if "count_value" in frame.columns:
            values = frame["count_value"].iloc[rows].astype("Float64").to_numpy(na_value=np.nan)
        else:
            values = np.full(len(rows), np.nan)
        top = (
            np.nanmax(np.where(is_toll, values, np.nan))
            if np.isfinite(values[is_toll]).any()
            else 1.0
        )
        scale = np.log10(np.maximum(values, 1.0) + 1.0) / np.log10(max(top, 1.0) + 1.0)
        height = np.where(np.isnan(scale), 0.12, 0.12 + 0.24 * scale)
        visible = max((np.nanmax(end) - np.nanmin(start)) / 150.0, 1.0)
        # Figures of one report day side by side: killed, then wounded, displaced...
        for shift, (name, colour) in enumerate(FIGURE_COLOURS.items()):
            pick = is_toll & (figure == name)
            if not pick.any():
                continue
            for spanned, alpha in ((False, 0.9), (True, 0.4)):
                bars = pick & (is_span == spanned)
                if not bars.any():
                    continue
                ax.bar(
                    x0[bars] + (0.0 if spanned else shift * visible),
                    height[bars],
                    width=np.maximum(x1[bars] - x0[bars], visible),
                    bottom=y[bars] - 0.44,
                    align="edge",
                    color=colour,
                    alpha=alpha,
                    linewidth=0,
                    zorder=2,
                )
            handles.append(Patch(facecolor=colour, label=f"casualty figure: {name}"))

    if is_span.any():
        handles.append(
            Patch(
                facecolor="#999999",
                alpha=0.45,
                edgecolor="#555555",
                label="date known to the week or month (box)",
            )
        )
    legend_outside(ax, handles)
