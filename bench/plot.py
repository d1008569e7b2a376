"""Benchmark dd.plot on a large frame: seconds per chart against the 3 s target.

Builds N events (default 1,000,000) as a frame directly: the bundled ``libya_2019``
frame repeated, each copy with fresh ids and its dates shifted by one more day (no
pydantic models are built). Then, in the same process, times each chart drawn on
a new Agg figure and rendered (``fig.canvas.draw()``), best of R runs, and two
baselines that give the seconds a scale on this machine: a bare ``ax.plot`` of N
points rendered the same way, and a pandas group-by count of the frame by kind and
week. Nothing is asserted; the target (issue 6) is under 3 s per chart.

Usage::

    .venv/bin/python bench/plot.py [N] [R]      # N = 1_000_000, R = 3
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import diplodata as dd

TARGET = 3.0


def big_frame(n: int) -> pd.DataFrame:
    base = dd.load_dataset("libya_2019")
    copies = -(-n // len(base))
    index = np.tile(np.arange(len(base)), copies)[:n]
    copy = np.repeat(np.arange(copies), len(base))[:n]
    frame = base.iloc[index].reset_index(drop=True)
    frame["event_id"] = frame["event_id"] + "-" + pd.Series(copy.astype(str), dtype="str")
    shift = pd.to_timedelta(copy, unit="D")
    for column in ("when_earliest", "when_latest", "when_anchor", "source_published"):
        frame[column] = frame[column] + shift
    return frame


def draw(
    chart: Callable[..., Any], frame: pd.DataFrame, size: tuple[float, float], **kw: Any
) -> float:
    start = time.perf_counter()
    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    chart(frame, ax=figure.subplots(), **kw)
    figure.canvas.draw()
    return time.perf_counter() - start


def best(fn: Callable[[], float], repeat: int) -> float:
    return min(fn() for _ in range(repeat))


def bare_plot(n: int) -> float:
    start = time.perf_counter()
    figure = Figure(figsize=(11, 5), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.subplots()
    x = np.arange(n, dtype="float64")
    ax.plot(x, np.sin(x / 1000.0), marker="o", markersize=2, linestyle="none")
    figure.canvas.draw()
    return time.perf_counter() - start


def groupby_count(frame: pd.DataFrame) -> float:
    start = time.perf_counter()
    week = frame["when_earliest"].dt.to_period("W")
    frame.groupby([week, frame["kind"]], observed=True).size()
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t0 = time.perf_counter()
    frame = big_frame(n)
    print(f"{len(frame):,} events built as a frame in {time.perf_counter() - t0:.2f} s")
    print(f"best of {repeat}; drawing + fig.canvas.draw() on Agg; target {TARGET:.0f} s per chart")
    baselines = {
        f"baseline: bare ax.plot of {n:,} points": best(lambda: bare_plot(n), repeat),
        "baseline: groupby count by kind and week": best(lambda: groupby_count(frame), repeat),
    }
    from diplodata import plot

    charts: dict[str, Callable[[], float]] = {
        "timeline(by='actor')": lambda: draw(plot.timeline, frame, (11, 9.3)),
        "timeline(by='kind')": lambda: draw(plot.timeline, frame, (11, 4.5), by="kind"),
        "tolls(figure='killed')": lambda: draw(plot.tolls, frame, (11, 5)),
        "network()": lambda: draw(plot.network, frame, (9, 9)),
        "activity(freq='W')": lambda: draw(plot.activity, frame, (10, 4.2)),
        "activity(freq='MS', by='act')": lambda: draw(
            plot.activity, frame, (10, 4.2), freq="MS", by="act"
        ),
    }
    bare = next(iter(baselines.values()))
    width = max(len(k) for k in [*charts, *baselines])
    for name, seconds in baselines.items():
        print(f"  {name:<{width}}  {seconds:6.2f} s")
    for name, fn in charts.items():
        seconds = best(fn, repeat)
        verdict = "under" if seconds < TARGET else "OVER"
        print(
            f"  {name:<{width}}  {seconds:6.2f} s  {verdict} target "
            f"({seconds / TARGET:.2f}x of 3 s; {seconds / bare:.1f}x the bare plot)"
        )


if __name__ == "__main__":
    main()
