"""dd.plot.activity: baseline images (run with --mpl) and the plotting contract."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import diplodata as dd
from diplodata.plot import activity

IMAGE = pytest.mark.mpl_image_compare(baseline_dir="baseline", tolerance=2, style="default")


@pytest.fixture(scope="module")
def libya() -> pd.DataFrame:
    return dd.load_dataset("libya_2019")


@IMAGE
def test_activity_image_libya_weeks_by_kind(libya: pd.DataFrame) -> plt.Figure:
    return activity(libya).figure


@IMAGE
def test_activity_image_libya_months_by_act(libya: pd.DataFrame) -> plt.Figure:
    return activity(libya, freq="MS", by="act").figure


@IMAGE
def test_activity_image_one_event(statements: list[dd.Statement]) -> plt.Figure:
    return activity(dd.EventSet(statements[:1])).figure


@IMAGE
def test_activity_image_empty() -> plt.Figure:
    return activity(dd.EventSet([])).figure


@IMAGE
def test_activity_image_mixed_precision(events: list[dd.Event]) -> plt.Figure:
    return activity(dd.EventSet(events), freq="MS").figure


def bar_total(ax: plt.Axes) -> float:
    return sum(p.get_height() for container in ax.containers for p in container)


def test_returns_the_axes_it_was_given(libya: pd.DataFrame) -> None:
    fig, ax = plt.subplots()
    assert activity(libya, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]


def test_input_frame_is_unchanged(libya: pd.DataFrame) -> None:
    before = libya.copy(deep=True)
    activity(libya, by="act", freq="D")
    pd.testing.assert_frame_equal(libya, before)


def test_every_dated_event_is_counted_once(libya: pd.DataFrame) -> None:
    assert bar_total(activity(libya)) == 189
    assert bar_total(activity(libya, freq="QS")) == 189
    assert bar_total(activity(libya, by="act")) == 52


def test_stacks_in_the_fixed_order(libya: pd.DataFrame) -> None:
    ax = activity(libya, freq="MS")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "meeting",
        "statement",
        "casualty",
    ]
    assert ax.get_ylabel() == "events per month" and ax.get_xlabel() == "date"
    assert ax.get_title() == "Events per month, by kind"


def test_undated_events_are_left_out_and_said(events: list[dd.Event]) -> None:
    ax = activity(dd.EventSet(events), freq="MS")
    assert bar_total(ax) == 5
    assert ax.get_title() == "Events per month, by kind (1 undated not shown)"


def test_kwargs_go_to_the_bars(libya: pd.DataFrame) -> None:
    ax = activity(libya, alpha=0.5)
    assert {p.get_alpha() for c in ax.containers for p in c} == {0.5}


def test_empty_data_says_so() -> None:
    assert [t.get_text() for t in activity(dd.EventSet([])).texts] == ["no events to count"]


def test_bad_by() -> None:
    with pytest.raises(ValueError, match="by must be"):
        activity(dd.EventSet([]), by="actor")  # type: ignore[arg-type]
