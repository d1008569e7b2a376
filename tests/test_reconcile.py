"""dd.reconcile: reports of one event merged, and the spread of reported tolls.

The events here are synthetic (made-up ids and outlets), except where the bundled
dataset is used.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplodata as dd
from diplodata.models import Actor, CasualtyFigure, Count, Meeting, Place, SourceRef, TimeRef
from diplodata.reconcile import TOLL_COLUMNS
from diplodata.validate._keys import joined_by_group

A = Actor(id="a", name="Actor A", kind="person")
B = Actor(id="b", name="Actor B", kind="person")
WHO = Actor(id="who", name="World Health Organization", kind="igo")
MINISTRY = Actor(name="Health Ministry", kind="government", country="LBY")


def toll(
    id: str,
    value: int,
    *,
    day: int = 1,
    by: Actor | None = WHO,
    outlet: str = "Outlet 1",
    population: str | None = None,
    figure: str = "killed",
) -> CasualtyFigure:
    return CasualtyFigure(
        id=id,
        when=TimeRef.on(dt.date(2020, 1, day)),
        location=Place(name="Town", country="LBY"),
        source=SourceRef(outlet=outlet, url=f"https://example.org/{id}"),
        figure=figure,
        count=Count.from_qualifier(value, "exact"),
        population=population,
        reported_by=by,
        cumulative=True,
    )


def meeting(id: str, day: int, status: str, outlet: str) -> Meeting:
    return Meeting(
        id=id,
        when=TimeRef.on(dt.date(2020, 1, day)),
        participants=(A, B),
        status=status,
        source=SourceRef(outlet=outlet, url=f"https://example.org/{id}"),
    )


def test_tolls_give_low_high_median_and_the_sources_behind_each() -> None:
    es = dd.EventSet(
        [
            toll("t1", 10, outlet="Wire"),
            toll("t2", 14, by=MINISTRY, outlet="Paper"),
            toll("t3", 12, by=None, outlet="Radio"),
            toll("t4", 99, day=2),
        ]
    )
    tolls = dd.reconcile(es).tolls
    assert tuple(tolls.columns) == TOLL_COLUMNS
    first = tolls.iloc[0]
    assert (first["place"], first["country"], first["figure"]) == ("Town", "LBY", "killed")
    assert first["date"] == pd.Timestamp("2020-01-01")
    assert (first["low"], first["high"], first["median"]) == (10.0, 14.0, 12.0)
    assert (first["n_reports"], first["n_sources"]) == (3, 3)
    assert first["low_sources"] == "World Health Organization (Wire)"
    assert first["high_sources"] == "Health Ministry (Paper)"
    assert first["sources"] == "World Health Organization (Wire); Radio; Health Ministry (Paper)"
    assert tolls["date"].tolist() == [pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-02")]
    assert tolls.iloc[1][["low", "high", "n_reports"]].tolist() == [99.0, 99.0, 1]


def test_toll_dtypes_are_what_the_plots_rely_on() -> None:
    tolls = dd.reconcile(dd.load_dataset("libya_2019")).tolls
    assert str(tolls["date"].dtype) == "datetime64[us]"
    for name in ("low", "high", "median"):
        assert tolls[name].dtype == "float64"
    for name in ("n_reports", "n_sources"):
        assert tolls[name].dtype == "int64"
    assert (tolls["low"] <= tolls["median"]).all() and (tolls["median"] <= tolls["high"]).all()
    assert (tolls["n_sources"] <= tolls["n_reports"]).all()


def test_tolls_keep_other_populations_and_figures_apart() -> None:
    es = dd.EventSet(
        [
            toll("t1", 10),
            toll("t2", 3, population="civilians"),
            toll("t3", 7, population="all"),
            toll("t4", 20, figure="wounded"),
        ]
    )
    tolls = dd.reconcile(es).tolls
    assert sorted(tolls["figure"]) == ["killed", "killed (civilians)", "wounded"]
    killed = tolls[tolls["figure"] == "killed"].iloc[0]
    assert (killed["low"], killed["high"], killed["n_reports"]) == (7.0, 10.0, 2)


def test_every_casualty_figure_with_a_count_is_in_one_toll() -> None:
    df = dd.load_dataset("libya_2019")
    tolls = dd.reconcile(df).tolls
    assert (
        tolls["n_reports"].sum() == ((df["kind"] == "casualty") & df["count_value"].notna()).sum()
    )


def test_reports_of_one_meeting_are_merged_with_every_source() -> None:
    es = dd.EventSet(
        [
            meeting("m1", 5, "planned", "Wire"),
            meeting("m2", 5, "held", "Paper"),
            meeting("m3", 20, "held", "Paper"),
        ]
    )
    events = dd.reconcile(es).events
    assert len(events) == 2
    merged = events.iloc[0]
    assert merged["event_ids"] == ["m1", "m2"]
    assert merged["status"] == "held"  # a held report stands for the meeting
    assert merged["event_id"] == "m2"
    assert [s["outlet"] for s in merged["sources"]] == ["Wire", "Paper"]
    assert merged["sources"][0]["url"] == "https://example.org/m1"
    assert events["n_reports"].tolist() == [2, 1]


def test_the_bundled_dataset_merges_its_double_reports() -> None:
    df = dd.load_dataset("libya_2019")
    events = dd.reconcile(df).events
    assert events["n_reports"].sum() == len(df)
    assert sorted(id for ids in events["event_ids"] for id in ids) == sorted(df["event_id"])
    merged = events.loc[events["n_reports"] > 1, "event_ids"].tolist()
    assert ["ly19-076", "ly19-077"] in merged  # Macron-Haftar, 22 May 2019: planned and held
    assert ["ly19-055", "ly19-058"] in merged  # WHO toll of 2 May 2019 from ANSA and The Address


def test_the_input_is_never_changed() -> None:
    df = dd.load_dataset("libya_2019")
    before = df.copy(deep=True)
    dd.reconcile(df)
    pdt.assert_frame_equal(df, before)


def test_an_event_set_and_its_frame_reconcile_alike() -> None:
    es = dd.load_dataset("libya_2019", as_events=True)
    a, b = dd.reconcile(es), dd.reconcile(es.to_frame())
    pdt.assert_frame_equal(a.tolls, b.tolls)
    assert a.events["event_ids"].tolist() == b.events["event_ids"].tolist()


def test_anything_else_is_refused_with_a_clear_message() -> None:
    with pytest.raises(TypeError, match="expected an EventSet or its frame"):
        dd.reconcile([1, 2, 3])  # type: ignore[arg-type]


def test_empty_input_gives_empty_frames_with_the_columns() -> None:
    rec = dd.reconcile(dd.EventSet([]))
    assert len(rec.events) == 0 and len(rec.tolls) == 0
    assert tuple(rec.tolls.columns) == TOLL_COLUMNS


@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["WHO", "UN", "MSF", "LNA"]))))
def test_joined_sources_are_each_groups_distinct_labels_in_order(
    rows: list[tuple[int, str]],
) -> None:
    group = np.array([g for g, _ in rows], dtype="int64")
    labels = pd.Series([label for _, label in rows], dtype="str")
    plain = ["; ".join(dict.fromkeys(lab for g, lab in rows if g == k)) for k in range(5)]
    assert joined_by_group(group, labels, 5) == plain
