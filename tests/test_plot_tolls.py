"""dd.plot.tolls: baseline images (run with --mpl) and the plotting contract."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection

import diplodata as dd
from diplodata.plot import tolls

IMAGE = pytest.mark.mpl_image_compare(baseline_dir="baseline", tolerance=2, style="default")
TRIPOLI = dd.Place(name="Tripoli", country="LBY")


@pytest.fixture(scope="module")
def libya() -> pd.DataFrame:
    return dd.load_dataset("libya_2019")


def toll(
    id: str,
    day: dt.date,
    value: int,
    qualifier: str = "exact",
    *,
    who: str = "Source A",
    until: dt.date | None = None,
    low: int | None = None,
    high: int | None = None,
) -> dd.CasualtyFigure:
    """A synthetic killed figure in Tripoli."""
    when = (
        dd.TimeRef.on(day)
        if until is None
        else dd.TimeRef(earliest=day, latest=until, precision="month")
    )
    count = (
        dd.Count(value=value, low=low, high=high, qualifier=qualifier)
        if qualifier == "range"
        else dd.Count.from_qualifier(value, qualifier)
    )
    return dd.CasualtyFigure(
        id=id,
        when=when,
        location=TRIPOLI,
        figure="killed",
        count=count,
        reported_by=dd.Actor(name=who, kind="organization"),
    )


@pytest.fixture
def mixed() -> dd.EventSet:
    """Synthetic reports from two sources: exact, at least, about, a range, a month."""
    d = dt.date
    return dd.EventSet(
        [
            toll("t1", d(2020, 1, 2), 10),
            toll("t2", d(2020, 1, 9), 25, "at_least"),
            toll("t3", d(2020, 1, 9), 31, who="Source B"),
            toll("t4", d(2020, 2, 1), 40, "about", until=d(2020, 2, 29)),
            toll("t5", d(2020, 3, 5), 55, "range", low=50, high=60, who="Source B"),
            toll("t6", d(2020, 3, 20), 70, "more_than"),
        ]
    )


# ------------------------------------------------------------------ images


@IMAGE
def test_tolls_image_libya_killed(libya: pd.DataFrame) -> plt.Figure:
    return tolls(libya).figure


@IMAGE
def test_tolls_image_libya_every_population_with_ranges(libya: pd.DataFrame) -> plt.Figure:
    return tolls(libya, population=None, band="range").figure


@IMAGE
def test_tolls_image_one_event(casualties: list[dd.CasualtyFigure]) -> plt.Figure:
    return tolls(dd.EventSet(casualties[:1])).figure


@IMAGE
def test_tolls_image_empty() -> plt.Figure:
    return tolls(dd.EventSet([])).figure


@IMAGE
def test_tolls_image_mixed_precision(mixed: dd.EventSet) -> plt.Figure:
    return tolls(mixed).figure


# ------------------------------------------------------------------ contract


def test_returns_the_axes_it_was_given(libya: pd.DataFrame) -> None:
    fig, ax = plt.subplots()
    assert tolls(libya, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]


def test_input_frame_is_unchanged(libya: pd.DataFrame) -> None:
    before = libya.copy(deep=True)
    tolls(libya, population=None, band="range")
    pd.testing.assert_frame_equal(libya, before)


def test_one_step_line_per_source_with_its_reports(mixed: dd.EventSet) -> None:
    ax = tolls(mixed, band=None)
    steps = [line for line in ax.get_lines() if line.get_drawstyle() == "steps-post"]
    assert len(steps) == 2
    # Source A's month-dated "about 40" (t4) is a marker with a bar, off the line.
    assert sorted(len(line.get_xdata()) for line in steps) == [2, 3]
    assert 40 not in {v for line in steps for v in line.get_ydata()}
    hollow = [line for line in ax.get_lines() if line.get_marker() == "o" and len(line.get_xdata())]
    assert 40 in {v for line in hollow for v in line.get_ydata()}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["Source A (4)", "Source B (2)"]
    assert {"exact", "at least / more than", "about", "a range (low-high)"} <= set(legend)
    assert ax.get_ylabel() == "people killed (reported)" and ax.get_xlabel() == "date"


def test_at_least_and_more_than_have_their_own_marker(mixed: dd.EventSet) -> None:
    ax = tolls(mixed, band=None)
    up = [line for line in ax.get_lines() if line.get_marker() == "^" and len(line.get_xdata())]
    assert sorted(v for line in up for v in line.get_ydata()) == [25, 70]


def test_range_band(mixed: dd.EventSet) -> None:
    ax = tolls(mixed, band="range")
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    ys = np.concatenate([path.vertices[:, 1] for band in bands for path in band.get_paths()])
    assert ys.min() <= 50 and ys.max() >= 60


def test_spread_band_comes_from_reconcile(mixed: dd.EventSet) -> None:
    # t2 (at least 25) and t3 (31) are two reports for Tripoli on 9 January.
    ax = tolls(mixed, band="spread")
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    ys = {round(y) for band in bands for path in band.get_paths() for y in path.vertices[:, 1]}
    assert {25, 31} <= ys
    assert "spread across reports (same place, day)" in [
        t.get_text() for t in ax.get_legend().get_texts()
    ]


def test_spread_is_the_low_and_high_of_dd_reconcile(libya: pd.DataFrame) -> None:
    import matplotlib.dates as mdates

    from diplodata.plot.tolls import _reports, _spread

    for figure in ("killed", "wounded", "displaced"):
        mine = _spread(_reports(libya, figure, "source", None, None))
        got = {
            (
                r.place,
                figure + (f" ({r.population})" if r.population else ""),
                mdates.num2date(r.x).date().isoformat(),
                r.low,
                r.high,
            )
            for r in mine.itertuples()
        }
        tolls_ = dd.reconcile(libya).tolls
        tolls_ = tolls_[tolls_["figure"].str.split(" ").str[0] == figure]
        want = {
            (r.place, r.figure, r.date.date().isoformat(), r.low, r.high)
            for r in tolls_.itertuples()
        }
        assert got == want, figure


def test_month_dated_report_is_a_span(mixed: dd.EventSet) -> None:
    ax = tolls(mixed)
    (span,) = [line for line in ax.get_lines() if line.get_linewidth() == 3]
    x = span.get_xdata()
    assert x[1] - x[0] == 29.0  # 1 to 29 February 2020, the day after included


def test_last_report_is_annotated_with_its_source(mixed: dd.EventSet) -> None:
    (note,) = [t for t in ax_texts(tolls(mixed)) if t.startswith("last report")]
    assert note == "last report: more than 70\nSource A, 2020-03-20"


def ax_texts(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_population_filter(libya: pd.DataFrame) -> None:
    civilians = tolls(libya, population="civilians")
    assert civilians.get_title() == "Reported tolls: killed (civilians), by source"
    every = tolls(libya, population=None, band=None)
    legend = [t.get_text() for t in every.get_legend().get_texts()]
    assert "World Health Organization (civilians) (6)" in legend


def test_no_such_figure_says_so(libya: pd.DataFrame) -> None:
    assert ax_texts(tolls(libya, figure="detained")) == ["no dated 'detained' figures to draw"]


def test_empty_data_says_so() -> None:
    assert ax_texts(tolls(dd.EventSet([]))) == ["no events to draw"]


def test_bad_arguments(libya: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="by must be"):
        tolls(libya, by="figure")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="band must be"):
        tolls(libya, band="both")  # type: ignore[arg-type]
