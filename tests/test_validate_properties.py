"""Property tests of dd.validate over generated (synthetic) events.

* any valid EventSet validates with no errors;
* any single corruption of one field of one row is caught by the rule meant for it,
  at that row.

The generated events (``tests/strategies.py``) are valid for the models one by one; the
only cross-record error they can make is a meeting reported as held before it took
place (a held meeting dated after its source was published), which ``valid_sets``
removes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplodata as dd
from diplodata.models import Meeting
from strategies import events_sets

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _not_held_early(event: dd.Event) -> dd.Event:
    if not isinstance(event, Meeting) or event.status.value != "held":
        return event
    published, earliest = event.source.published, event.when.earliest
    if published is None or earliest is None or earliest <= published:
        return event
    return event.model_copy(update={"source": event.source.model_copy(update={"published": None})})


def valid_sets(max_size: int = 12) -> st.SearchStrategy[dd.EventSet]:
    return events_sets(max_size).map(lambda es: dd.EventSet(_not_held_early(e) for e in es))


@PROPERTY
@given(valid_sets())
def test_any_valid_event_set_has_no_errors(es: dd.EventSet) -> None:
    report = dd.validate(es)
    errors = report.issues[report.issues["severity"] == "error"]
    assert errors.empty, errors.to_string()
    assert report.ok


# ------------------------------------------------------------- one corruption


def _rows(df: pd.DataFrame, kind: str | None = None) -> list[int]:
    mask = pd.Series(True, index=df.index) if kind is None else df["kind"] == kind
    return [int(i) for i in df.index[mask.to_numpy()]]


def duplicate_id(df: pd.DataFrame, row: int, other: int) -> str | None:
    if row == other:
        return None
    df.loc[row, "event_id"] = df.loc[other, "event_id"]
    return "event.id_duplicated"


def null_id(df: pd.DataFrame, row: int, other: int) -> str:
    df.loc[row, "event_id"] = None
    return "column.null"


def bad_confidence(df: pd.DataFrame, row: int, other: int) -> str:
    df.loc[row, "confidence"] = 1.0 + (row + 1) / 10
    return "column.out_of_range"


def bad_kind(df: pd.DataFrame, row: int, other: int) -> str:
    df["kind"] = df["kind"].astype("str")
    df.loc[row, "kind"] = "rally"
    return "column.not_allowed"


def bad_country(df: pd.DataFrame, row: int, other: int) -> str:
    df["location_country"] = df["location_country"].astype("str")
    df.loc[row, "location_country"] = "Libya"
    return "country.not_iso3"


def reversed_dates(df: pd.DataFrame, row: int, other: int) -> str | None:
    latest = df.loc[row, "when_latest"]
    if pd.isna(latest) or latest.year >= 9999:
        return None
    df.loc[row, "when_earliest"] = latest + pd.Timedelta(days=1)
    return "when.reversed"


def negative_count(df: pd.DataFrame, row: int, other: int) -> str | None:
    if df.loc[row, "kind"] != "casualty":
        return None
    df.loc[row, "count_value"] = -1
    return "column.out_of_range"


def repeated_participant(df: pd.DataFrame, row: int, other: int) -> str | None:
    if df.loc[row, "kind"] != "meeting":
        return None
    people = json.loads(df.loc[row, "participants"])
    df.loc[row, "participants"] = json.dumps([*people, people[-1]], ensure_ascii=False)
    return "meeting.participant_repeated"


def held_before(df: pd.DataFrame, row: int, other: int) -> str | None:
    earliest = df.loc[row, "when_earliest"]
    if df.loc[row, "kind"] != "meeting" or pd.isna(earliest) or earliest.year <= 1:
        return None
    df.loc[row, "status"] = "held"
    df.loc[row, "source_published"] = earliest - pd.Timedelta(days=1)
    return "meeting.held_after_published"


def missing_speaker_id(df: pd.DataFrame, row: int, other: int) -> str | None:
    if df.loc[row, "kind"] != "statement":
        return None
    df.loc[row, "speaker_id"] = None
    return "actor.id_missing"


def missing_content(df: pd.DataFrame, row: int, other: int) -> str | None:
    if df.loc[row, "kind"] != "statement":
        return None
    df.loc[row, "content"] = None
    return "event.required_missing"


CORRUPTIONS: list[Callable[[pd.DataFrame, int, int], str | None]] = [
    duplicate_id,
    null_id,
    bad_confidence,
    bad_kind,
    bad_country,
    reversed_dates,
    negative_count,
    repeated_participant,
    held_before,
    missing_speaker_id,
    missing_content,
]


@PROPERTY
@given(
    valid_sets(8).filter(lambda es: len(es) > 0),
    st.sampled_from(CORRUPTIONS),
    st.data(),
)
def test_a_single_corruption_is_caught_by_its_rule(
    es: dd.EventSet,
    corrupt: Callable[[pd.DataFrame, int, int], str | None],
    data: st.DataObject,
) -> None:
    df = es.to_frame()
    row = data.draw(st.sampled_from(_rows(df)), label="row")
    other = data.draw(st.sampled_from(_rows(df)), label="other")
    code = corrupt(df, row, other)
    if code is None:  # the corruption does not apply to this row
        return
    issues = dd.validate(df).issues
    hits = issues[issues["rule"] == code]
    assert row in hits["row"].tolist(), (code, issues.to_string())


def test_the_corruptions_reach_each_rule_they_name() -> None:
    """Guard against corruptions that never apply: each one fires on a fitting row."""
    es = dd.load_dataset("libya_2019", as_events=True)
    df0 = es.to_frame()
    first = {kind: _rows(df0, kind)[0] for kind in ("meeting", "statement", "casualty")}
    for corrupt in CORRUPTIONS:
        for row in first.values():
            df = df0.copy()
            code = corrupt(df, row, 0 if row else 1)
            if code is None:
                continue
            hits = dd.validate(df).issues
            assert row in hits.loc[hits["rule"] == code, "row"].tolist(), corrupt.__name__
            break
        else:
            raise AssertionError(f"{corrupt.__name__} applies to no row")
    assert dt.date(2019, 3, 31) == df0["when_earliest"].min().date()
