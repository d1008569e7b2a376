"""``dd.plot.tolls``: reported casualty figures over time, one step line per source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from diplodata.plot._common import (
    PALETTE,
    as_frame,
    date_axis,
    date_bounds,
    fill_docs,
    legend_outside,
    new_axes,
    no_data,
    require,
    shorten,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["tolls"]

# How each count qualifier is marked: (marker, filled, legend text).
QUALIFIER_MARKS: dict[str, tuple[str, bool, str]] = {
    "exact": ("o", True, "exact"),
    "at_least": ("^", True, "at least / more than"),
    "more_than": ("^", True, "at least / more than"),
    "about": ("o", False, "about"),
    "up_to": ("v", True, "up to / less than"),
    "less_than": ("v", True, "up to / less than"),
    "range": ("s", True, "a range (low-high)"),
}
OTHER = "#AAAAAA"
ALL_PEOPLE = "all"


def _reports(
    frame: pd.DataFrame, figure: str, by: str, population: str | None, place: str | None
) -> pd.DataFrame:
    """The casualty reports to draw: date, value, low, high, qualifier, series label."""
    import numpy as np
    import pandas as pd

    pick = (frame["kind"] == "casualty").to_numpy() & (frame["figure"] == figure).to_numpy()
    pop = (
        frame["population"].astype("string")
        if "population" in frame.columns
        else pd.Series(pd.NA, index=frame.index, dtype="string")
    )
    if population == ALL_PEOPLE:
        pick &= (pop.isna() | (pop == ALL_PEOPLE)).to_numpy()
    elif population is not None:
        pick &= (pop == population).fillna(False).to_numpy(dtype=bool)
    if place is not None and "location_name" in frame.columns:
        pick &= (frame["location_name"] == place).fillna(False).to_numpy(dtype=bool)
    rows = frame.loc[pick]
    start, end = date_bounds(rows)

    def text(name: str) -> pd.Series:
        if name not in rows.columns:
            return pd.Series(pd.NA, index=rows.index, dtype="string")
        return rows[name].astype("string")

    if by == "source":
        label = text("reported_by_name").fillna(text("source_outlet")).fillna("(no source given)")
    elif by == "outlet":
        label = text("source_outlet").fillna("(no outlet given)")
    else:
        label = text("location_name").fillna("(no place given)")
    label = label.map({name: shorten(str(name), 36) for name in label.unique()})
    if population is None:
        people = pop.loc[rows.index]
        named = people.notna() & (people != ALL_PEOPLE)
        label = label.where(~named, label + " (" + people.fillna("") + ")")
    value = rows["count_value"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)

    def bound(name: str) -> np.ndarray:
        if name not in rows.columns:
            return value.copy()
        out = rows[name].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
        return np.where(np.isnan(out), value, out)

    out = pd.DataFrame(
        {
            "x": start,
            "end": end,
            "value": value,
            "low": bound("count_low"),
            "high": bound("count_high"),
            "qualifier": text("count_qualifier").fillna("exact").to_numpy(dtype=object),
            "label": label.to_numpy(dtype=object),
            # The keys dd.reconcile compares reports by: place (else country), population.
            "place": text("location_name")
            .fillna(text("location_country"))
            .fillna("(no place)")
            .to_numpy(dtype=object),
            "population": pop.loc[rows.index]
            .fillna(ALL_PEOPLE)
            .replace(ALL_PEOPLE, "")
            .to_numpy(dtype=object),
        }
    )
    keep = np.isfinite(out["x"].to_numpy()) & np.isfinite(out["value"].to_numpy())
    kept: pd.DataFrame = out.loc[keep].reset_index(drop=True)
    return kept


def _spread(reports: pd.DataFrame) -> pd.DataFrame:
    """Lowest and highest figure per place, population and day: the ``low`` and ``high``.

    The same keys and values as ``dd.reconcile(data).tolls`` (place, else country;
    the figure with its population; the first day of the date range), computed with
    one vectorised group-by, without building reconcile's lists of sources, which
    is slow on a million rows. ``tests/test_plot_tolls.py`` holds the two equal on the
    bundled data.
    """
    grouped = reports.groupby(["place", "population", "x"], sort=True)["value"]
    spread = grouped.agg(["min", "max"]).rename(columns={"min": "low", "max": "high"})
    return spread.reset_index()


@fill_docs
def tolls(
    data: Any,
    *,
    figure: str = "killed",
    by: Literal["source", "outlet", "place"] = "source",
    population: str | None = ALL_PEOPLE,
    place: str | None = None,
    band: Literal["spread", "range"] | None = "spread",
    max_series: int = 8,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Reported casualty figures over time: one step line per source.

    Each report is a marker on its source's line: a filled circle for an exact
    figure, a triangle pointing up for "at least" or "more than", a hollow circle
    for "about", a triangle pointing down for "up to" or "less than", a square for a
    range. The line steps from one report dated to the day to the next (a toll
    stands until the source gives a new one); a report known only to the week or
    month is a marker at its first day with a bar across the span, off the line.
    The last report of the source with the most reports is annotated with its
    value, source and date.

    Parameters
    ----------
    {data}
    figure
        Which figure: ``"killed"``, ``"wounded"``, ``"displaced"``, ``"missing"``,
        ``"detained"`` or ``"affected"``.
    by
        One line per ``"source"`` (the body credited with the figure, else the outlet),
        per ``"outlet"``, or per ``"place"``.
    population
        ``"all"`` (default): figures about everyone (population ``"all"`` or not
        given); a population such as ``"civilians"``: only figures about it; ``None``:
        every figure, the population added to the line's name when it is not everyone.
    place
        Only figures for this place (the frame's ``location_name``), if given.
    band
        ``"spread"``: a grey band from the lowest to the highest figure that different
        reports gave for the same place and day (from :func:`diplodata.reconcile`);
        ``"range"``: a band, in each line's colour, from its reports' low to high
        bound (``count_low``, ``count_high``); ``None``: no band.
    max_series
        Draw lines for the sources with most reports (ties by name); the others' reports
        are grey markers without a line, labelled together in the legend.
    title
        The title; by default it names the figure.
    {ax}

    {returns}

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> ax = dd.plot.tolls(df, figure="killed")
    >>> ax.get_ylabel()
    'people killed (reported)'
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['spread across reports (same place, day)', 'World Health Organization (20)']
    """
    import numpy as np
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import StrMethodFormatter

    if by not in ("source", "outlet", "place"):
        raise ValueError(f"by must be 'source', 'outlet' or 'place', not {by!r}")
    if band not in ("spread", "range", None):
        raise ValueError(f"band must be 'spread', 'range' or None, not {band!r}")
    frame = as_frame(data)
    ax = new_axes(ax, (11.0, 5.0))
    who = "" if population in (None, ALL_PEOPLE) else f" ({population})"
    default = f"Reported tolls: {figure}{who}, by {by}"
    if len(frame) == 0:
        return no_data(ax, title or default, "no events to draw")
    require(frame, ("kind", "figure", "count_value", "when_earliest"), "tolls")
    reports = _reports(frame, figure, by, population, place)
    if len(reports) == 0:
        return no_data(ax, title or default, f"no dated {figure!r} figures to draw")

    sizes = reports.groupby("label", sort=False)["value"].size()
    ranked = sorted(sizes.items(), key=lambda t: (-int(t[1]), str(t[0])))
    lines = [str(name) for name, _ in ranked[:max_series]]
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(lines)}
    handles: list[Any] = []

    if band == "spread":
        spread = _spread(reports)
        if len(spread):
            for _, one in spread.groupby(["place", "population"], sort=True):
                one = one.sort_values("x", kind="stable")
                x = np.append(one["x"].to_numpy(), one["x"].to_numpy()[-1] + 1.0)
                low = np.append(one["low"].to_numpy(), one["low"].to_numpy()[-1])
                high = np.append(one["high"].to_numpy(), one["high"].to_numpy()[-1])
                ax.fill_between(
                    x, low, high, step="post", color="#888888", alpha=0.35, linewidth=0, zorder=1
                )
            if (spread["high"] > spread["low"]).any():
                handles.append(
                    Patch(
                        color="#888888", alpha=0.35, label="spread across reports (same place, day)"
                    )
                )

    for name in lines:
        series = reports[reports["label"] == name].sort_values(["x", "value"], kind="stable")
        x = series["x"].to_numpy()
        # The line joins reports dated to the day; one known only to the week or month
        # stays off it (marker and span bar only), or it would jump at the span's first day.
        day = ((series["end"] - series["x"]) <= 1.0).to_numpy()
        ax.step(
            x[day], series["value"].to_numpy()[day], where="post", color=colour[name], linewidth=1.6
        )
        if band == "range":
            low, high = series["low"].to_numpy(), series["high"].to_numpy()
            if (high > low).any():
                ax.fill_between(
                    x, low, high, step="post", color=colour[name], alpha=0.2, linewidth=0
                )
        _marks(ax, series, colour[name])
        handles.append(
            Line2D(
                [],
                [],
                color=colour[name],
                linewidth=1.6,
                label=f"{name} ({len(series):,})",
            )
        )
    rest = reports[~reports["label"].isin(lines)]
    if len(rest):
        _marks(ax, rest, OTHER)
        n = rest["label"].nunique()
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                color=OTHER,
                label=f"{n} other {by}{'s' if n != 1 else ''} ({len(rest):,})",
            )
        )
    if band == "range" and (reports["high"] > reports["low"]).any():
        handles.append(Patch(color="#888888", alpha=0.25, label="range given (low-high)"))

    seen: dict[str, tuple[str, bool]] = {}
    for q in QUALIFIER_MARKS:
        if (reports["qualifier"] == q).any():
            marker, filled, text = QUALIFIER_MARKS[q]
            seen.setdefault(text, (marker, filled))
    handles += [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=marker,
            markerfacecolor="#555555" if filled else "white",
            markeredgecolor="#555555",
            color="#555555",
            label=text,
        )
        for text, (marker, filled) in seen.items()
    ]
    if ((reports["end"] - reports["x"]) > 1.0).any():
        handles.append(
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=3,
                alpha=0.5,
                label="date known to the week or month",
            )
        )
    x_low, x_high = float(reports["x"].min()), float(reports["end"].max())
    pad = max(0.03 * (x_high - x_low), 3.0)
    ax.set_xlim(x_low - pad, x_high + pad)
    ax.set_ylim(0, float(reports["high"].where(reports["high"] > 0, reports["value"]).max()) * 1.1)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))  # 400,000 rather than 400000
    _annotate_last(ax, reports)
    ax.grid(axis="y", color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    date_axis(ax)
    ax.set_ylabel(f"people {figure} (reported)")
    legend_outside(ax, handles, title=f"{by} (reports)")
    ax.set_title(title if title is not None else default)
    return ax


def _marks(ax: Axes, series: pd.DataFrame, colour: str) -> None:
    """The reports of one line as markers, one marker shape per qualifier.

    A report dated only to a week or a month also gets a thick translucent line
    across that span, at its value.
    """
    import numpy as np

    span = ((series["end"] - series["x"]) > 1.0).to_numpy()
    if span.any():
        x0, x1 = series["x"].to_numpy()[span], series["end"].to_numpy()[span]
        v = series["value"].to_numpy()[span]
        gap = np.full(len(v), np.nan)  # one line, broken between spans: fast for many
        xs = np.column_stack([x0, x1, gap]).ravel()
        ys = np.column_stack([v, v, gap]).ravel()
        ax.plot(xs, ys, color=colour, linewidth=3, alpha=0.5, zorder=2, solid_capstyle="butt")
    for q, (marker, filled, _) in QUALIFIER_MARKS.items():
        pick = (series["qualifier"] == q).to_numpy()
        if pick.any():
            ax.plot(
                series["x"].to_numpy()[pick],
                series["value"].to_numpy()[pick],
                linestyle="none",
                marker=marker,
                markersize=6,
                markerfacecolor=colour if filled else "white",
                markeredgecolor=colour,
                zorder=3,
            )


def _annotate_last(ax: Axes, reports: pd.DataFrame) -> None:
    """Write the value, source and date of the main line's last report next to it.

    The main line is the source with the most reports (ties: the one whose last
    report is latest, then highest): its latest figure is what a reader looks for,
    not whichever lone report happens to come last.
    """
    import matplotlib.dates as mdates

    size = reports.groupby("label", sort=False)["x"].transform("size")
    main = reports[size == size.max()]
    last = main.sort_values(["x", "value", "label"], kind="stable").iloc[-1]
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about "}
    words |= {"up_to": "up to ", "less_than": "less than "}
    day = mdates.num2date(float(last["x"])).date().isoformat()  # type: ignore[no-untyped-call]
    # Put the note where there is room: below a point high up, right of a point far left.
    x, y = float(last["x"]), float(last["value"])
    (x_low, x_high), (_, y_high) = ax.get_xlim(), ax.get_ylim()
    left = (x - x_low) < 0.4 * (x_high - x_low)
    high = y > 0.6 * y_high
    ax.annotate(
        f"last report: {words.get(str(last['qualifier']), '')}{last['value']:,.0f}\n"
        f"{shorten(str(last['label']), 60)}, {day}",
        xy=(x, y),
        xytext=(10 if left else -10, -14 if high else 14),
        textcoords="offset points",
        ha="left" if left else "right",
        va="top" if high else "bottom",
        fontsize="small",
        arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.8},
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#cccccc"},
        zorder=4,
    )
