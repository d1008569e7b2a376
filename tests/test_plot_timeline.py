"""dd.plot.timeline: baseline images (run with --mpl) and the plotting contract."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.patches import Rectangle

import diplodata as dd
from diplodata.plot import timeline

IMAGE = pytest.mark.mpl_image_compare(baseline_dir="baseline", tolerance=2, style="default")


@pytest.fixture(scope="module")
def libya() -> pd.DataFrame:
    return dd.load_dataset("libya_2019")


def repeated(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The frame repeated to ``n`` rows, each copy a week later, with fresh ids (synthetic)."""
    copies = -(-n // len(frame))
    parts = []
    for k in range(copies):
        part = frame.copy()
        part["event_id"] = part["event_id"] + f"-{k}"
        for column in ("when_earliest", "when_latest"):
            part[column] = part[column] + pd.Timedelta(days=7 * k)
        parts.append(part)
    return pd.concat(parts, ignore_index=True).iloc[:n]


def rendered(ax: plt.Axes) -> np.ndarray:
    ax.figure.canvas.draw()
    return np.asarray(ax.figure.canvas.buffer_rgba()).copy()


# ------------------------------------------------------------------ images


@IMAGE
def test_timeline_image_libya_by_actor(libya: pd.DataFrame) -> plt.Figure:
    return timeline(libya).figure


@IMAGE
def test_timeline_image_libya_by_kind(libya: pd.DataFrame) -> plt.Figure:
    return timeline(libya, by="kind").figure


@IMAGE
def test_timeline_image_one_event(meetings: list[dd.Meeting]) -> plt.Figure:
    return timeline(dd.EventSet(meetings[:1])).figure


@IMAGE
def test_timeline_image_empty() -> plt.Figure:
    return timeline(dd.EventSet([])).figure


@IMAGE
def test_timeline_image_mixed_precision(events: list[dd.Event]) -> plt.Figure:
    return timeline(dd.EventSet(events), by="kind").figure


@IMAGE
def test_timeline_image_crowded_is_aggregated(libya: pd.DataFrame) -> plt.Figure:
    return timeline(repeated(libya, 10_000)).figure


# ------------------------------------------------------------------ contract


def test_returns_the_axes_it_was_given_and_makes_no_figure(libya: pd.DataFrame) -> None:
    fig, ax = plt.subplots()
    assert timeline(libya, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]


def test_makes_a_figure_when_given_no_axes(libya: pd.DataFrame) -> None:
    ax = timeline(libya)
    assert plt.get_fignums() == [ax.figure.number]


def test_input_frame_is_unchanged(libya: pd.DataFrame) -> None:
    before = libya.copy(deep=True)
    timeline(libya)
    timeline(libya, by="kind", aggregate=True)
    pd.testing.assert_frame_equal(libya, before)


def test_eventset_and_frame_draw_the_same(libya: pd.DataFrame) -> None:
    events = dd.load_dataset("libya_2019", as_events=True)
    assert np.array_equal(rendered(timeline(events)), rendered(timeline(libya)))


def test_same_data_same_picture_whatever_the_row_order(libya: pd.DataFrame) -> None:
    shuffled = libya.sample(frac=1.0, random_state=3).reset_index(drop=True)
    assert np.array_equal(rendered(timeline(libya)), rendered(timeline(shuffled)))


def test_labels_title_and_legend(libya: pd.DataFrame) -> None:
    ax = timeline(libya)
    assert ax.get_xlabel() == "date" and ax.get_ylabel() == "actor"
    assert ax.get_title() == "Timeline of 189 events, by actor"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"meeting held", "meeting planned", "statement: appeal"} <= set(labels)
    assert "casualty figure: killed" in labels
    lanes = [t.get_text() for t in ax.get_yticklabels()][::-1]
    assert lanes[:3] == ["World Health Organization", "Khalifa Haftar", "Fayez al-Sarraj"]
    assert lanes[-2:] == ["(other actors)", "(no named actor)"]


def test_max_lanes_groups_the_other_actors(libya: pd.DataFrame) -> None:
    ax = timeline(libya, max_lanes=3)
    lanes = [t.get_text() for t in ax.get_yticklabels()][::-1]
    assert lanes == [
        "World Health Organization",
        "Khalifa Haftar",
        "Fayez al-Sarraj",
        "(other actors)",
        "(no named actor)",
    ]


def test_dates_known_to_the_week_or_month_are_spans(events: list[dd.Event]) -> None:
    ax = timeline(dd.EventSet(events), by="kind")
    widths = sorted(round(p.get_width()) for p in ax.patches if isinstance(p, Rectangle))
    # m2: the week of 6-12 May 2019 (7 days); c2: April 2019 (30 days).
    assert 7 in widths and 30 in widths
    # m1 (a day) is a point: one marker in the meeting lane, drawn by scatter.
    points = [c for c in ax.collections if len(c.get_offsets())]
    assert sum(len(c.get_offsets()) for c in points) == 2  # m1 and s1 (c1 is a bar)
    assert "1 undated not shown" in ax.get_title()


def test_meeting_status_styles(meetings: list[dd.Meeting]) -> None:
    held, planned = meetings
    cancelled = dd.Meeting.model_validate({**held.model_dump(), "id": "m3", "status": "cancelled"})
    ax = timeline(dd.EventSet([held, planned, cancelled]))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:3] == ["meeting held", "meeting planned", "meeting cancelled or denied"]
    assert labels[3:] == ["date known to the week or month (box)"]  # the planned one


def test_crowded_timeline_is_aggregated(libya: pd.DataFrame) -> None:
    ax = timeline(repeated(libya, 10_000), by="kind")
    assert any(isinstance(c, QuadMesh) for c in ax.collections)
    assert "events per week" in ax.get_title()
    assert not any(isinstance(c, QuadMesh) for c in timeline(libya).collections)


def test_empty_data_says_so() -> None:
    ax = timeline(dd.EventSet([]))
    assert [t.get_text() for t in ax.texts] == ["no events to draw"]


def test_only_undated_events_say_so(statements: list[dd.Statement]) -> None:
    ax = timeline(dd.EventSet(statements[1:]))
    assert [t.get_text() for t in ax.texts] == ["no dated events to draw (1 undated)"]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="by must be"):
        timeline(dd.EventSet([]), by="country")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="EventSet or its frame"):
        timeline(42)
    with pytest.raises(dd.DataError, match="when_earliest"):
        timeline(pd.DataFrame({"kind": ["meeting"]}))
