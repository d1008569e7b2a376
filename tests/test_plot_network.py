"""dd.plot.network: baseline images (run with --mpl) and the plotting contract."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection

import diplodata as dd
from diplodata.plot import network
from diplodata.plot.network import meeting_counts

IMAGE = pytest.mark.mpl_image_compare(baseline_dir="baseline", tolerance=2, style="default")


@pytest.fixture(scope="module")
def libya() -> pd.DataFrame:
    return dd.load_dataset("libya_2019")


def rendered(ax: plt.Axes) -> np.ndarray:
    ax.figure.canvas.draw()
    return np.asarray(ax.figure.canvas.buffer_rgba()).copy()


@IMAGE
def test_network_image_libya(libya: pd.DataFrame) -> plt.Figure:
    return network(libya).figure


@IMAGE
def test_network_image_one_event(meetings: list[dd.Meeting]) -> plt.Figure:
    return network(dd.EventSet(meetings[:1])).figure


@IMAGE
def test_network_image_empty() -> plt.Figure:
    return network(dd.EventSet([])).figure


@IMAGE
def test_network_image_mixed_precision_every_status(events: list[dd.Event]) -> plt.Figure:
    return network(dd.EventSet(events), status=None).figure


def test_returns_the_axes_it_was_given(libya: pd.DataFrame) -> None:
    fig, ax = plt.subplots()
    assert network(libya, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]


def test_input_frame_is_unchanged(libya: pd.DataFrame) -> None:
    before = libya.copy(deep=True)
    network(libya, status=None)
    pd.testing.assert_frame_equal(libya, before)


def test_layout_does_not_depend_on_row_order(libya: pd.DataFrame) -> None:
    shuffled = libya.sample(frac=1.0, random_state=7).reset_index(drop=True)
    assert np.array_equal(rendered(network(libya)), rendered(network(shuffled)))


def test_nodes_sized_by_meetings_and_links_weighted(libya: pd.DataFrame) -> None:
    nodes, edges, n = meeting_counts(libya)
    assert n == 38 and nodes["Khalifa Haftar"] == 17
    assert max(edges.items(), key=lambda t: t[1]) == (
        ("Fayez al-Sarraj", "Recep Tayyip Erdoğan"),
        5,
    )
    ax = network(libya)
    (dots,) = [c for c in ax.collections if len(c.get_offsets()) == len(nodes)]
    sizes = dots.get_sizes()
    assert sizes[0] == sizes.max()  # Haftar, first from the top
    assert np.allclose(dots.get_offsets()[0], [0.0, 1.0])
    (links,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(links.get_segments()) == len(edges)
    labels = [t.get_text() for t in ax.texts]
    assert labels[0] == "Khalifa Haftar (17)" and len(labels) == len(nodes)


def test_status_filter(events: list[dd.Event]) -> None:
    data = dd.EventSet(events)
    assert meeting_counts(data)[2] == 1
    assert meeting_counts(data, status=None)[2] == 2
    assert network(data, status=None).get_title() == "Who meets whom: 2 meetings, 4 actors"


def test_max_actors(libya: pd.DataFrame) -> None:
    ax = network(libya, max_actors=5)
    assert ax.get_title().endswith("(the 5 with most meetings; 23 more not shown)")
    assert len(ax.texts) == 5


def test_legend_explains_sizes(libya: pd.DataFrame) -> None:
    legend = [t.get_text() for t in network(libya).get_legend().get_texts()]
    assert legend[0] == "1 meeting" and legend[-1].endswith("together")


def test_empty_data_says_so() -> None:
    ax = network(dd.EventSet([]))
    assert [t.get_text() for t in ax.texts] == ["no held meetings to draw"]


def test_broken_participants_json_is_a_data_error(libya: pd.DataFrame) -> None:
    broken = libya.copy()
    first = int(np.flatnonzero((broken["kind"] == "meeting").to_numpy())[0])
    broken.loc[broken.index[first], "participants"] = '[{"name": "Khalifa Haftar"'
    with pytest.raises(dd.DataError, match="participants"):
        network(broken)
