"""What every chart shares: the input coercion, fixed colours, date spans, docstring text.

Nothing here changes matplotlib's global state: figures are made with
``plt.subplots`` only when the caller passes no Axes, and every colour is a fixed
hex string keyed by a value of the contract (kind, act, status, figure) or by a
position in a sorted order (sources), so the same data gives the same picture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from diplodata.errors import DataError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "ACT_COLOURS",
    "FIGURE_COLOURS",
    "KIND_COLOURS",
    "PALETTE",
    "as_frame",
    "date_bounds",
    "fill_docs",
    "lane_label",
    "new_axes",
    "no_data",
    "participant_lists",
    "shorten",
]

KIND_COLOURS: dict[str, str] = {
    "meeting": "#0072B2",
    "statement": "#E69F00",
    "casualty": "#C0392B",
}
"""One colour per event kind (Okabe-Ito blue and orange, and a brick red)."""

ACT_COLOURS: dict[str, str] = {
    "appeal": "#56B4E9",
    "demand": "#332288",
    "warning": "#E69F00",
    "threat": "#D55E00",
    "condemnation": "#CC79A7",
    "denial": "#000000",
    "support": "#009E73",
    "claim": "#8C564B",
    "announcement": "#DDCC77",
    "comment": "#7F7F7F",
}
"""One colour per statement act, in the contract's order."""

FIGURE_COLOURS: dict[str, str] = {
    "killed": "#B2182B",
    "wounded": "#EF8A62",
    "displaced": "#7570B3",
    "missing": "#666666",
    "detained": "#1B9E77",
    "affected": "#E7298A",
}
"""One colour per casualty figure."""

PALETTE: tuple[str, ...] = (
    "#1F77B4",
    "#D62728",
    "#2CA02C",
    "#9467BD",
    "#FF7F0E",
    "#8C564B",
    "#E377C2",
    "#17BECF",
    "#BCBD22",
    "#7F7F7F",
)
"""Colours for values with no fixed colour (sources), used in the order they are sorted."""

MEETING_STYLE: dict[str, str] = {
    "held": "filled",
    "planned": "hollow",
    "proposed": "hollow",
    "postponed": "hollow",
    "cancelled": "crossed",
    "denied": "crossed",
}
"""How a meeting's status is drawn: filled (held), hollow (not yet), crossed (called off)."""

_EMPTY = """Data with no event to draw gives an Axes with a message saying so (not an error),
    so that a notebook cell over a filtered-out selection still shows why it is blank."""

DOCS: dict[str, str] = {
    "data": """data
        An :class:`~diplodata.EventSet`, or its frame (``EventSet.to_frame()``,
        ``dd.load_dataset(...)``). It is not changed.""",
    "ax": """ax
        The Axes to draw on; by default a new figure of a size that suits the chart.""",
    "returns": f"""Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Notes
    -----
    {_EMPTY}""",
    "empty": _EMPTY,
}
"""Text written once, filled into each chart's docstring by :func:`fill_docs`: the ``data``
and ``ax`` parameters, and the Returns and Notes sections every chart ends with."""


F = TypeVar("F", bound=Callable[..., Any])


def fill_docs(func: F) -> F:
    """Fill ``{data}``, ``{ax}`` and ``{returns}`` (Returns and Notes) in ``func``'s docstring."""
    if func.__doc__:
        func.__doc__ = func.__doc__.format(**DOCS)
    return func


def as_frame(data: Any) -> pd.DataFrame:
    """The event frame of ``data`` (an EventSet, a frame, or a sequence of events); never a copy to mutate."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        frame = data
    elif hasattr(data, "to_frame") and callable(data.to_frame):
        frame = data.to_frame()
    elif isinstance(data, Sequence) and not isinstance(data, str | bytes):
        from diplodata.eventset import EventSet

        frame = EventSet(list(data)).to_frame()
    else:
        raise TypeError(
            f"expected an EventSet or its frame (EventSet.to_frame()), got {type(data).__name__}"
        )
    return frame


def require(frame: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    """Raise a DataError naming the columns ``chart`` needs that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing and len(frame.columns):
        raise DataError(
            f"{chart} needs the event frame's columns {missing}; pass an EventSet or a frame "
            "made by EventSet.to_frame() / dd.load_dataset()",
            field=missing[0],
        )


def date_bounds(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of each event's date range as matplotlib date numbers (days).

    The end is the day after ``when_latest``, so a day-precise event spans one day
    and a month-precise one the whole month. Undated events give NaN.
    """
    import matplotlib.dates as mdates
    import numpy as np

    def days(name: str) -> np.ndarray:
        if name not in frame.columns:
            return np.full(len(frame), np.nan)
        values = frame[name].to_numpy(dtype="datetime64[us]").astype("datetime64[D]")
        return np.asarray(mdates.date2num(values), dtype="float64")  # type: ignore[no-untyped-call]

    start = days("when_earliest")
    end = days("when_latest") + 1.0
    end = np.where(np.isnan(end), start + 1.0, end)
    return start, end


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new figure of ``figsize`` (constrained layout)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def no_data(ax: Axes, title: str, message: str) -> Axes:
    """Write ``message`` in the middle of an empty Axes with ``title``, and return it."""
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize="large",
        color="#555555",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def texts(series: pd.Series) -> np.ndarray:
    """The values of ``series`` as Python strings, ``None`` where missing (an object array)."""
    import numpy as np

    return np.asarray(series.astype(object).where(series.notna(), None), dtype=object)


def shorten(name: str, width: int = 32) -> str:
    """``name`` cut to ``width`` characters with an ellipsis."""
    return name if len(name) <= width else name[: width - 1].rstrip() + "\u2026"


def lane_label(name: str, width: int = 30) -> str:
    """``name`` on at most two lines of about ``width`` characters, cut with an ellipsis after.

    Examples
    --------
    >>> print(lane_label("UN Office for the Coordination of Humanitarian Affairs"))
    UN Office for the Coordination
    of Humanitarian Affairs
    >>> lane_label("Khalifa Haftar")
    'Khalifa Haftar'
    """
    import textwrap

    lines = textwrap.wrap(name, width) or [name]
    if len(lines) > 2:
        lines = [lines[0], shorten(" ".join(lines[1:]), width)]
    return "\n".join(lines)


def participant_lists(column: pd.Series) -> list[list[str]]:
    """The participant names of each row of a ``participants`` JSON column ([] for null).

    Each distinct JSON text is parsed once (by :func:`diplodata._json_lists.json_lists`,
    which the validation rules use too), so a large frame of repeated meetings is cheap.
    """
    import pandas as pd

    from diplodata._json_lists import json_lists

    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    long, bad = json_lists(pd.Series(uniques, dtype=object), {"name": "string"})
    if bad:
        text = str(uniques[bad[0]])[:80]
        raise DataError(f"participants: not a JSON list of actors: {text!r}", field="participants")
    named = long[long["name"].notna() & (long["name"] != "")]
    parsed: list[list[str]] = [[] for _ in range(len(uniques))]
    for row, name in zip(named["row"].tolist(), named["name"].tolist(), strict=True):
        parsed[row].append(name)
    empty: list[str] = []
    return [parsed[c] if c >= 0 else empty for c in codes.tolist()]


def period_label(freq: str) -> str:
    """A word for a pandas period alias: ``"W"`` is ``"week"``."""
    head = freq.upper().lstrip("0123456789").split("-")[0]
    return {
        "D": "day",
        "W": "week",
        "M": "month",
        "ME": "month",
        "MS": "month",
        "Q": "quarter",
        "QE": "quarter",
        "QS": "quarter",
        "Y": "year",
        "YE": "year",
        "A": "year",
    }.get(head, freq)


def date_axis(ax: Axes, label: str = "date") -> None:
    """Concise date ticks on the x axis of ``ax`` (this Axes only), and its label."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlabel(label)


def legend_outside(ax: Axes, handles: Sequence[Any], title: str | None = None) -> None:
    """A legend to the right of the plotting area, out of the way of the data."""
    if handles:
        ax.legend(
            handles=list(handles),
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize="small",
            title=title,
            title_fontsize="small",
            alignment="left",
        )
