"""Round trips: events -> frame -> events, and events -> file -> events, in every format.

The property tests draw event sets from ``strategies.py`` (arbitrary unicode, every
optional field set or not, dates from year 1 to 9999, counts up to the Int64 limit).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings

import diplodata as dd
from diplodata.frame import BOOL, CAT, COLUMNS, DATE, FLOAT, INT, JSON, STR
from diplodata.models import CasualtyFigure, Count, Meeting, MeetingStatus, Statement
from strategies import INT64_MAX, events_sets

FORMATS = ("jsonl", "parquet", "csv")

# The round trips run this many examples, the lesser properties half as many; the
# whole file takes about 40 s of CPU (20 s with -n 2), most of it generating events.
PROPERTY = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LESSER = settings(PROPERTY, max_examples=60)


def _first_difference(a: dd.EventSet, b: dd.EventSet) -> str:
    """A readable hint for a failed equality: the first pair of events that differ."""
    if len(a) != len(b):
        return f"{len(a)} events went in, {len(b)} came back"
    for x, y in zip(a, b, strict=True):
        if x != y:
            return f"\nwrote: {x!r}\nread:  {y!r}"
    return "equal"


# ----------------------------------------------------------------------- properties


@PROPERTY
@given(events_sets())
@example(dd.EventSet())
def test_frame_round_trip(es: dd.EventSet) -> None:
    back = dd.EventSet.from_frame(es.to_frame())
    assert back == es, _first_difference(es, back)
    assert len(back.problems) == 0


@pytest.mark.parametrize("fmt", FORMATS)
@PROPERTY
@given(es=events_sets())
@example(es=dd.EventSet())
def test_file_round_trip(fmt: str, es: dd.EventSet) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = dd.write_events(es, Path(folder) / f"x.{fmt}")
        back = dd.read_events(path)
        assert back == es, _first_difference(es, back)
        assert len(back.problems) == 0
        assert [p.name for p in Path(folder).iterdir()] == [f"x.{fmt}"]  # no temp file left


@PROPERTY
@given(events_sets())
def test_jsonl_is_deterministic_and_in_the_contract_form(es: dd.EventSet) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = dd.write_events(es, Path(folder) / "a.jsonl").read_bytes()
        second = dd.write_events(es, Path(folder) / "b.jsonl").read_bytes()
        again = dd.write_events(list(es), Path(folder) / "a.jsonl").read_bytes()
    assert first == second == again
    lines = first.split(b"\n")
    assert lines[-1] == b""  # every record ends with a newline, and nothing follows
    assert len(lines) - 1 == len(es)
    for raw, event in zip(lines, es, strict=False):
        assert json.loads(raw) == event.model_dump(mode="json")


@LESSER
@given(events_sets(max_size=8))
def test_csv_is_deterministic(es: dd.EventSet) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = dd.write_events(es, Path(folder) / "a.csv").read_bytes()
        second = dd.write_events(es, Path(folder) / "b.csv").read_bytes()
    assert first == second


def _check_dtypes(df: pd.DataFrame, n: int) -> None:
    assert list(df.columns) == [c.name for c in COLUMNS]
    assert len(df) == n
    for col in COLUMNS:
        dtype = df[col.name].dtype
        where = f"column {col.name!r} has dtype {dtype}"
        if col.type == DATE:
            assert dtype == "datetime64[us]", where
        elif col.type == CAT:
            assert isinstance(dtype, pd.CategoricalDtype), where
            # categories are text, like the text columns, even when there are none
            assert dtype.categories.dtype == df["event_id"].dtype, where
            if col.categories is not None:  # an enum: every allowed value, in order
                assert tuple(dtype.categories) == col.categories, where
            else:  # names: exactly the values present, sorted
                present = sorted(set(df[col.name].dropna().astype(object)))
                assert list(dtype.categories) == present, where
        elif col.type == INT:
            assert dtype == "Int64", where
        elif col.type == BOOL:
            assert dtype == "boolean", where
        elif col.type == FLOAT:
            assert dtype == "float64", where
        else:
            assert col.type in (STR, JSON)
            assert pd.api.types.is_string_dtype(dtype), where
            assert not isinstance(dtype, pd.CategoricalDtype), where


@LESSER
@given(events_sets())
@example(dd.EventSet())
def test_frame_dtypes(es: dd.EventSet) -> None:
    _check_dtypes(es.to_frame(), len(es))


def test_empty_frame_has_every_column_typed() -> None:
    df = dd.EventSet().to_frame()
    _check_dtypes(df, 0)
    assert list(df["kind"].cat.categories) == ["meeting", "statement", "casualty"]


@LESSER
@given(events_sets(max_size=8))
def test_parquet_read_by_pandas_gives_the_frame_back(es: dd.EventSet) -> None:
    """A user may read our Parquet with pandas and hand the frame back to diplodata."""
    with tempfile.TemporaryDirectory() as folder:
        path = dd.write_events(es, Path(folder) / "x.parquet")
        df = pd.read_parquet(path)
    assert dd.EventSet.from_frame(df) == es


# ------------------------------------------------------------------ bundled dataset


@pytest.fixture(scope="module")
def libya() -> dd.EventSet:
    es = dd.load_dataset("libya_2019", as_events=True)
    assert len(es) == 189
    return es


def test_dataset_frame_round_trip(libya: dd.EventSet) -> None:
    assert dd.EventSet.from_frame(libya.to_frame()) == libya
    _check_dtypes(libya.to_frame(), len(libya))


@pytest.mark.parametrize("fmt", FORMATS)
def test_dataset_file_round_trip(libya: dd.EventSet, fmt: str, tmp_path: Path) -> None:
    path = dd.write_events(libya, tmp_path / f"libya.{fmt}")
    back = dd.read_events(path)
    assert back == libya, _first_difference(libya, back)
    assert len(back.problems) == 0
    # and once more, from what was read
    assert dd.read_events(dd.write_events(back, tmp_path / f"again.{fmt}")) == libya


def test_dataset_jsonl_matches_the_bundled_file(libya: dd.EventSet, tmp_path: Path) -> None:
    """Writing the bundled events gives back the bundled file, byte for byte."""
    from importlib.resources import files

    bundled = (files("diplodata") / "datasets" / "libya_2019.jsonl").read_bytes()
    written = dd.write_events(libya, tmp_path / "libya.jsonl").read_bytes()
    assert written == bundled


# ------------------------------------------------------------- counts beyond Int64


def _huge(value: int) -> CasualtyFigure:
    return CasualtyFigure(id="c-huge", figure="killed", count=Count(value=value))


def test_count_at_int64_limit_round_trips(tmp_path: Path) -> None:
    es = dd.EventSet([_huge(INT64_MAX)])
    assert dd.EventSet.from_frame(es.to_frame()) == es
    for fmt in FORMATS:
        assert dd.read_events(dd.write_events(es, tmp_path / f"x.{fmt}")) == es


def test_count_beyond_int64_is_refused_by_the_frame_formats(tmp_path: Path) -> None:
    """The models take any non-negative count; the frame holds Int64. JSON Lines holds any."""
    es = dd.EventSet(
        [Statement(id="s1", speaker={"name": "WHO"}, content="calm"), _huge(INT64_MAX + 1)]
    )
    with pytest.raises(dd.DataError) as info:
        es.to_frame()
    assert info.value.field == "count_value"
    assert info.value.line == 2
    assert "c-huge" in str(info.value)
    for fmt in ("parquet", "csv"):
        with pytest.raises(dd.DataError):
            dd.write_events(es, tmp_path / f"x.{fmt}")
    assert list(tmp_path.iterdir()) == []  # nothing written, no temp file
    assert dd.read_events(dd.write_events(es, tmp_path / "x.jsonl")) == es


@LESSER
@given(events_sets())
@example(dd.EventSet())
def test_participants_frame(es: dd.EventSet) -> None:
    pf = es.participants_frame()
    meetings = [e for e in es if isinstance(e, Meeting)]
    expected = [(m.id, i, a.name) for m in meetings for i, a in enumerate(m.participants)]
    assert list(zip(pf["event_id"], pf["position"], pf["actor_name"], strict=True)) == expected
    assert pf["position"].dtype == "int64"
    assert pf["is_host"].dtype == "bool"
    assert pf["when_earliest"].dtype == "datetime64[us]"
    assert tuple(pf["status"].cat.categories) == tuple(s.value for s in MeetingStatus)
    hosts = [m.host is not None and a.same_as(m.host) for m in meetings for a in m.participants]
    assert pf["is_host"].tolist() == hosts
