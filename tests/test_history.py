"""dd.meeting_history: the reports of one meeting linked into its life."""

from __future__ import annotations

import datetime as dt

import pytest

import diplodata as dd
from diplodata.models import Actor, Meeting, SourceRef, TimeRef

MACRON = Actor(id="emmanuel-macron", name="Emmanuel Macron", kind="person", country="FRA")
HAFTAR = Actor(id="khalifa-haftar", name="Khalifa Haftar", kind="person", country="LBY")
SARRAJ = Actor(id="fayez-al-sarraj", name="Fayez al-Sarraj", kind="person", country="LBY")
CONTE = Actor(id="giuseppe-conte", name="Giuseppe Conte", kind="person", country="ITA")


def report(
    eid: str,
    status: str,
    day: dt.date | None,
    published: dt.date | None,
    people: tuple[Actor, ...] = (MACRON, HAFTAR),
    attribution: str | None = None,
) -> Meeting:
    when = TimeRef.on(day) if day is not None else TimeRef()
    return Meeting(
        id=eid,
        participants=people,
        status=status,
        when=when,
        source=SourceRef(published=published, url=f"https://example.org/{eid}"),
        attribution=attribution,
    )


D = dt.date


def test_announced_then_held_is_one_life() -> None:
    planned = report("a", "planned", D(2019, 5, 22), D(2019, 5, 21))
    held = report("b", "held", D(2019, 5, 22), D(2019, 5, 23))
    (life,) = dd.meeting_history(dd.EventSet([held, planned]))
    assert life.statuses == ("planned", "held")
    assert life.status == "held" and not life.conflicting
    assert life.names == ("Emmanuel Macron", "Khalifa Haftar")
    frame = life.to_frame()
    assert frame["status"].tolist() == ["planned", "held"]
    assert frame["source_url"].tolist() == ["https://example.org/a", "https://example.org/b"]


def test_a_claim_and_a_denial_in_one_report_day_are_disputed() -> None:
    claim = report(
        "c", "planned", D(2019, 5, 22), D(2019, 5, 20), attribution="a source told Reuters"
    )
    denial = report("d", "denied", None, D(2019, 5, 20), attribution="the presidency said")
    (life,) = dd.meeting_history([claim, denial])
    assert life.conflicting and life.status == "disputed"
    assert set(life.to_frame()["attribution"]) == {"a source told Reuters", "the presidency said"}


def test_other_people_or_distant_dates_are_other_meetings() -> None:
    first = report("a", "held", D(2019, 5, 22), D(2019, 5, 22))
    other_people = report("b", "held", D(2019, 5, 22), D(2019, 5, 22), people=(CONTE, SARRAJ))
    months_later = report("c", "held", D(2019, 9, 1), D(2019, 9, 1))
    lives = dd.meeting_history([first, other_people, months_later])
    assert sorted(len(life.reports) for life in lives) == [1, 1, 1]


def test_a_subset_of_the_participants_is_the_same_meeting() -> None:
    summit = report(
        "a", "held", D(2020, 1, 19), D(2020, 1, 19), people=(MACRON, CONTE, SARRAJ, HAFTAR)
    )
    pair = report("b", "held", D(2020, 1, 19), D(2020, 1, 20), people=(SARRAJ, HAFTAR))
    (life,) = dd.meeting_history([summit, pair])
    assert len(life.reports) == 2


def test_postponed_meetings_keep_their_life_for_longer() -> None:
    postponed = report("a", "postponed", D(2020, 1, 8), D(2020, 1, 7))
    held = report("b", "held", D(2020, 2, 1), D(2020, 2, 1))
    (life,) = dd.meeting_history([postponed, held], window_days=3)
    assert life.statuses == ("postponed", "held")
    assert (
        len(dd.meeting_history([report("a", "planned", D(2020, 1, 8), D(2020, 1, 7)), held])) == 2
    )


def test_window_days() -> None:
    a = report("a", "held", D(2019, 5, 22), D(2019, 5, 22))
    b = report("b", "held", D(2019, 5, 27), D(2019, 5, 27))
    assert len(dd.meeting_history([a, b], window_days=3)) == 2
    assert len(dd.meeting_history([a, b], window_days=5)) == 1
    with pytest.raises(ValueError, match="window_days"):
        dd.meeting_history([a], window_days=-1)


def test_reports_with_no_date_at_all_stand_alone_and_other_kinds_are_ignored() -> None:
    undated = report("a", "held", None, None)
    statement = dd.Statement(id="s", speaker=MACRON, content="calls for calm")
    lives = dd.meeting_history([undated, statement])
    assert [life.reports for life in lives] == [(undated,)]


def test_the_bundled_dataset_links_its_repeated_reports() -> None:
    es = dd.load_dataset("libya_2019", as_events=True)
    lives = dd.meeting_history(es)
    meetings = len(es.by_kind("meeting"))
    assert sum(len(life.reports) for life in lives) == meetings
    linked = [life for life in lives if len(life.reports) > 1]
    # The card names two meetings reported both as planned and as held.
    assert {("planned", "held")} <= {life.statuses for life in linked}
    macron = [life for life in linked if "Emmanuel Macron" in life.names]
    assert macron and macron[0].statuses == ("planned", "held")
