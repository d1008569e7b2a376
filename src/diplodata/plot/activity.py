"""``dd.plot.activity``: how many events per period, stacked by kind or by act."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from diplodata.plot._common import (
    ACT_COLOURS,
    KIND_COLOURS,
    as_frame,
    date_axis,
    fill_docs,
    legend_outside,
    new_axes,
    no_data,
    period_label,
    require,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["activity"]

MAX_BARS = 300
"""Above this many periods, each group is drawn as one filled step outline, not bars."""


@fill_docs
def activity(
    data: Any,
    *,
    freq: str = "W",
    by: Literal["kind", "act"] = "kind",
    title: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Events per period, as stacked bars, one colour per kind (or per statement act).

    An event is counted in the period of the first day it can have happened
    (``when_earliest``): a meeting known only to "May 2019" counts in the period
    holding 1 May. Periods with no event are shown as gaps; undated events are left
    out and the title says how many.

    Parameters
    ----------
    {data}
    freq
        A pandas period alias: ``"D"``, ``"W"`` (weeks starting on Monday), ``"MS"``
        or ``"M"`` (months), ``"QS"``, ``"YS"``...
    by
        ``"kind"``: stack meetings, statements and casualty figures; ``"act"``: stack
        the statements by act (other kinds are left out).
    title
        The title; by default it says what is counted.
    {ax}
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.bar` (for example ``alpha``), or, above
        300 periods, to :meth:`~matplotlib.axes.Axes.stairs`, which draws each group
        as one filled outline instead of thousands of bars.

    {returns}

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> ax = dd.plot.activity(df, freq="MS", by="kind")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['meeting', 'statement', 'casualty']
    """
    import matplotlib.dates as mdates
    import numpy as np
    import pandas as pd
    from matplotlib.ticker import MaxNLocator

    if by not in ("kind", "act"):
        raise ValueError(f"by must be 'kind' or 'act', not {by!r}")
    frame = as_frame(data)
    require(frame, ("kind", "when_earliest") + (("act",) if by == "act" else ()), "activity")
    ax = new_axes(ax, (10.0, 4.2))
    word = period_label(freq)
    name = "statements" if by == "act" else "events"
    default = f"{name.capitalize()} per {word}, by {by}"
    if by == "act" and len(frame):
        frame = frame.loc[(frame["kind"] == "statement").to_numpy(), ["when_earliest", "act"]]
    if len(frame) == 0:
        return no_data(ax, title or default, f"no {name} to count")
    when = frame["when_earliest"]
    dated = when.notna().to_numpy()
    undated = int((~dated).sum())
    if not dated.any():
        return no_data(ax, title or default, f"no dated {name} to count ({undated} undated)")
    order = KIND_COLOURS if by == "kind" else ACT_COLOURS
    period_freq = {"W": "W-SUN", "M": "M", "MS": "M", "ME": "M", "QS": "Q", "YS": "Y"}.get(
        freq.upper(), freq
    )
    periods = when[dated].dt.to_period(period_freq)
    # Count with integer period ordinals and group codes: no Period objects per row.
    ordinals = periods.array.asi8
    first, last = int(ordinals.min()), int(ordinals.max())
    group_codes, group_names = pd.factorize(frame[by][dated].astype("string").fillna("(none)"))
    n_periods, n_groups = last - first + 1, len(group_names)
    flat = (ordinals - first) * n_groups + group_codes
    table = np.bincount(flat, minlength=n_periods * n_groups).reshape(n_periods, n_groups)
    counts = dict(zip([str(g) for g in group_names], table.T, strict=True))
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
    columns = [c for c in order if c in counts] + sorted(c for c in counts if c not in order)
    left = full.start_time.to_numpy(dtype="datetime64[D]")
    right = (full.end_time + pd.Timedelta(microseconds=1)).to_numpy(dtype="datetime64[D]")
    x0 = np.asarray(mdates.date2num(left), dtype="float64")  # type: ignore[no-untyped-call]
    x1 = np.asarray(mdates.date2num(right), dtype="float64")  # type: ignore[no-untyped-call]
    bottom = np.zeros(len(full))
    for column in columns:
        heights = counts[column].astype("float64")
        if len(full) <= MAX_BARS:
            ax.bar(
                x0,
                heights,
                width=(x1 - x0) * 0.9,
                bottom=bottom,
                align="edge",
                color=order.get(column, "#BBBBBB"),
                label=column,
                linewidth=0,
                **kwargs,
            )
        else:  # one filled step outline per group, not thousands of bars
            ax.stairs(
                bottom + heights,
                np.append(x0, x1[-1]),
                baseline=bottom.copy(),
                fill=True,
                color=order.get(column, "#BBBBBB"),
                label=column,
                **kwargs,
            )
        bottom += heights
    ax.set_xlim(x0[0] - (x1[0] - x0[0]) * 0.5, x1[-1] + (x1[-1] - x0[-1]) * 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    date_axis(ax)
    ax.set_ylabel(f"{name} per {word}")
    handles, _ = ax.get_legend_handles_labels()
    legend_outside(ax, handles, title=by)
    if title is None:
        title = default
        if undated:
            title += f" ({undated:,} undated not shown)"
    ax.set_title(title)
    return ax
