"""EventSet: an ordered, immutable collection of events, and its filters and summaries."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pandas as pd
import pytest
from pydantic import ValidationError

import diplodata as dd
from diplodata._records import Problem
from diplodata.eventset import EventSet
from diplodata.models import Actor, CasualtyFigure, Event, Meeting, Statement, TimeRef

Events = list[Any]


def ids(es: EventSet) -> list[str]:
    return [e.id for e in es]


def statement(id: str, **fields: Any) -> Statement:
    fields.setdefault("content", "words")
    return Statement(id=id, speaker=Actor(name="Speaker"), **fields)


def dated(id: str, earliest: str, latest: str, precision: str = "day") -> Statement:
    when = TimeRef(
        earliest=dt.date.fromisoformat(earliest),
        latest=dt.date.fromisoformat(latest),
        precision=precision,
    )
    return statement(id, when=when)


# ------------------------------------------------------------------ sequence and immutability


def test_sequence_basics(events: Events) -> None:
    es = EventSet(events)
    assert len(es) == 6
    assert es[0] is events[0]
    assert es[-1] is events[-1]
    assert list(es) == events
    assert events[2] in es
    assert es.index(events[3]) == 3
    with pytest.raises(IndexError):
        es[6]


def test_empty_set() -> None:
    es = EventSet()
    assert len(es) == 0
    assert not es
    assert list(es) == []
    assert es == EventSet([])


def test_storage_is_a_tuple_and_items_cannot_be_assigned(events: Events) -> None:
    es = EventSet(events)
    assert isinstance(es._events, tuple)
    with pytest.raises(TypeError):
        es[0] = events[1]  # type: ignore[index]
    with pytest.raises(TypeError):
        del es[0]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        es.extra = 1  # type: ignore[attr-defined]
    assert not hasattr(es, "append")


def test_the_input_list_is_copied(events: Events) -> None:
    source = list(events)
    es = EventSet(source)
    source.pop()
    source[0] = events[1]
    assert ids(es) == ["m1", "s1", "c1", "m2", "s2", "c2"]


def test_accepts_any_iterable(events: Events) -> None:
    assert EventSet(e for e in events) == EventSet(events)
    assert EventSet(tuple(events)) == EventSet(events)
    assert EventSet(EventSet(events)) == EventSet(events)


def test_equality_follows_events_and_order(events: Events) -> None:
    assert EventSet(events) == EventSet(list(events))
    assert EventSet(events) != EventSet(events[::-1])
    assert EventSet(events) != EventSet(events[:-1])
    assert EventSet(events) != events  # a list is not an EventSet
    assert EventSet(events[:1]) != events[0]


def test_equality_ignores_problems(events: Events) -> None:
    problems = [Problem(3, "kind", "kind must be one of 'meeting', 'statement', 'casualty'")]
    assert EventSet(events, problems=problems) == EventSet(events)


def test_is_not_hashable(events: Events) -> None:
    with pytest.raises(TypeError):
        hash(EventSet(events))


def test_slicing_returns_an_event_set(events: Events) -> None:
    es = EventSet(events)
    head = es[:2]
    assert isinstance(head, EventSet)
    assert ids(head) == ["m1", "s1"]
    assert ids(es[::-1]) == ["c2", "s2", "m2", "c1", "s1", "m1"]
    assert ids(es[1::2]) == ["s1", "m2", "c2"]
    assert isinstance(es[10:], EventSet) and len(es[10:]) == 0


def test_plus_concatenates_in_order(events: Events) -> None:
    left, right = EventSet(events[:2]), EventSet(events[2:])
    both = left + right
    assert isinstance(both, EventSet)
    assert both == EventSet(events)
    assert ids(left) == ["m1", "s1"]  # operands unchanged
    assert ids(right + left)[:2] == ["c1", "m2"]
    assert EventSet() + left == left


def test_plus_refuses_a_list(events: Events) -> None:
    with pytest.raises(TypeError):
        EventSet(events) + list(events)  # type: ignore[operator]


# ------------------------------------------------------------------ construction


def test_dicts_in_contract_form_are_validated(events: Events) -> None:
    dumped = [e.model_dump(mode="json") for e in events]
    es = EventSet(dumped)
    assert es == EventSet(events)
    assert [type(e) for e in es] == [type(e) for e in events]


def test_events_and_dicts_can_be_mixed(events: Events) -> None:
    mixed = [events[0], events[1].model_dump(mode="json"), events[2]]
    es = EventSet(mixed)
    assert es[0] is events[0]
    assert es[1] == events[1]
    assert es[2] is events[2]


def test_a_bad_dict_raises_validation_error_at_its_position(events: Events) -> None:
    bad = {"kind": "casualty", "id": "c9", "figure": "killed", "count": {"value": -3}}
    with pytest.raises(ValidationError) as info:
        EventSet([events[0], events[1], bad])
    assert info.value.errors()[0]["loc"] == (2, "casualty", "count", "value")


def test_a_dict_of_unknown_kind_raises_validation_error() -> None:
    with pytest.raises(ValidationError):
        EventSet([{"kind": "protest", "id": "p1"}])


def test_dicts_are_not_mutated(events: Events) -> None:
    records = [e.model_dump(mode="json") for e in events]
    records[0]["participants"][0]["country"] = ""  # blank becomes None in the model
    before = copy.deepcopy(records)
    EventSet(records)
    assert records == before


@pytest.mark.parametrize(
    ("items", "words"),
    [
        ([1], "item 0 is a int"),
        (["meeting"], "item 0 is a str"),
        ([None], "item 0 is a NoneType"),
        ([Actor(name="x")], "item 0 is a Actor"),
    ],
)
def test_wrong_item_types_raise_type_error(events: Events, items: list[Any], words: str) -> None:
    with pytest.raises(TypeError, match=re.escape(words)):
        EventSet([events[0], *items][1:])
    with pytest.raises(TypeError, match="item 1"):
        EventSet([events[0], *items])


def test_a_frame_is_refused_with_a_pointer_to_from_frame(events: Events) -> None:
    with pytest.raises(TypeError, match=r"EventSet\.from_frame"):
        EventSet(EventSet(events).to_frame())  # type: ignore[arg-type]


def test_a_single_event_or_dict_is_refused_with_a_hint(events: Events) -> None:
    with pytest.raises(TypeError, match=r"EventSet\(\[event\]\)"):
        EventSet(events[0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"EventSet\(\[event\]\)"):
        EventSet(events[0].model_dump(mode="json"))  # type: ignore[arg-type]


def test_a_path_is_refused_with_a_pointer_to_read_events(tmp_path: Any) -> None:
    with pytest.raises(TypeError, match="read_events"):
        EventSet(tmp_path / "events.jsonl")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="read_events"):
        EventSet("events.jsonl")  # type: ignore[arg-type]


def test_not_iterable_raises_type_error() -> None:
    with pytest.raises(TypeError):
        EventSet(5)  # type: ignore[arg-type]


# ------------------------------------------------------------------ by_kind


def test_by_kind_one(events: Events) -> None:
    assert ids(EventSet(events).by_kind("meeting")) == ["m1", "m2"]
    assert ids(EventSet(events).by_kind(dd.models.EventKind.CASUALTY)) == ["c1", "c2"]


def test_by_kind_several_keeps_the_set_order(events: Events) -> None:
    es = EventSet(events)
    assert ids(es.by_kind("casualty", "meeting")) == ["m1", "c1", "m2", "c2"]
    assert es.by_kind(["casualty", "meeting"]) == es.by_kind("casualty", "meeting")
    assert es.by_kind("meeting", "statement", "casualty") == es


def test_by_kind_of_a_kind_with_no_events_is_empty(meetings: Events) -> None:
    assert len(EventSet(meetings).by_kind("statement")) == 0


def test_by_kind_unknown_kind_lists_the_valid_ones(events: Events) -> None:
    with pytest.raises(ValueError, match="'meetings'") as info:
        EventSet(events).by_kind("meetings")
    for kind in ("meeting", "statement", "casualty"):
        assert repr(kind) in str(info.value)


def test_by_kind_needs_a_kind(events: Events) -> None:
    with pytest.raises(TypeError, match="at least one kind"):
        EventSet(events).by_kind()
    with pytest.raises(TypeError, match="at least one kind"):
        EventSet(events).by_kind([])


# ------------------------------------------------------------------ between

WINDOWED = [
    dated("day-before", "2019-04-03", "2019-04-03"),
    dated("day-first", "2019-04-04", "2019-04-04"),
    dated("day-last", "2019-04-10", "2019-04-10"),
    dated("day-after", "2019-04-11", "2019-04-11"),
    dated("week-into-start", "2019-04-01", "2019-04-07", "week"),
    dated("week-into-end", "2019-04-08", "2019-04-14", "week"),
    dated("week-ends-day-before", "2019-03-27", "2019-04-03", "week"),
    dated("month-around", "2019-04-01", "2019-04-30", "month"),
    dated("month-before", "2019-03-01", "2019-03-31", "month"),
    statement("undated", when=TimeRef(text="on Thursday")),
]


def test_between_keeps_events_that_overlap_the_window() -> None:
    got = ids(EventSet(WINDOWED).between("2019-04-04", "2019-04-10"))
    assert got == ["day-first", "day-last", "week-into-start", "week-into-end", "month-around"]


def test_between_one_day() -> None:
    got = ids(EventSet(WINDOWED).between("2019-04-03", "2019-04-03"))
    assert got == ["day-before", "week-into-start", "week-ends-day-before", "month-around"]


def test_between_open_ends() -> None:
    es = EventSet(WINDOWED)
    assert ids(es.between(end="2019-03-31")) == ["week-ends-day-before", "month-before"]
    assert ids(es.between(start="2019-04-11")) == ["day-after", "week-into-end", "month-around"]
    assert ids(es.between()) == ids(es)[:-1]  # everything dated


def test_between_leaves_out_unresolved_dates() -> None:
    es = EventSet(WINDOWED)
    assert "undated" not in ids(es.between(None, None))
    assert "undated" not in ids(es.between("1900-01-01", "2100-01-01"))


def test_between_start_after_end_raises() -> None:
    with pytest.raises(ValueError, match="start"):
        EventSet(WINDOWED).between("2019-04-10", "2019-04-04")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2019, 4, 4), dt.date(2019, 4, 10)),
        (dt.datetime(2019, 4, 4, 23, 59), dt.datetime(2019, 4, 10, 0, 1)),
        ("2019-04-04", "2019-04-10"),
        ("2019-04-04 00:00:00", "2019-04-10T18:30"),
        (pd.Timestamp("2019-04-04"), pd.Timestamp("2019-04-10 12:00")),
        (pd.Timestamp("2019-04-04", tz="UTC"), "2019-04-10"),
    ],
    ids=["date", "datetime", "iso", "iso-datetime", "timestamp", "timestamp-tz"],
)
def test_between_accepts_dates_of_every_kind(start: Any, end: Any) -> None:
    expected = ["day-first", "day-last", "week-into-start", "week-into-end", "month-around"]
    assert ids(EventSet(WINDOWED).between(start, end)) == expected


def test_between_refuses_what_is_not_a_date() -> None:
    es = EventSet(WINDOWED)
    with pytest.raises(ValueError, match="2019-04-04"):
        es.between("4 April 2019")
    with pytest.raises(TypeError, match="date"):
        es.between(20190404)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="None for an open end"):
        es.between(pd.NaT)


# ------------------------------------------------------------------ involving


def test_involving_by_name_ignores_case(events: Events) -> None:
    es = EventSet(events)
    assert ids(es.involving("KHALIFA haftar")) == ["m1", "s1"]  # participant and host; addressee
    assert ids(es.involving("fayez al-sarraj")) == ["m2", "s2"]  # participant; speaker
    assert ids(es.involving("World Health Organization")) == ["c1"]  # reported_by


def test_involving_by_id(events: Events) -> None:
    es = EventSet(events)
    assert ids(es.involving("ly-haftar")) == ["m1", "s1"]
    assert ids(es.involving("who")) == ["c1"]
    assert ids(es.involving("LY-HAFTAR")) == []  # ids are matched exactly


def test_involving_by_actor(events: Events) -> None:
    es = EventSet(events)
    by_id = Actor(id="ly-haftar", name="Field Marshal Haftar")
    assert ids(es.involving(by_id)) == ["m1", "s1"]
    by_name = Actor(name="António Guterres")
    assert ids(es.involving(by_name)) == ["m1", "s1"]  # participant; speaker
    other_id = Actor(id="someone-else", name="Khalifa Haftar")
    assert ids(es.involving(other_id)) == []  # both have ids, and they differ


@pytest.mark.parametrize(
    ("event", "field"),
    [
        (Meeting(id="e", participants=[{"name": "Target"}, {"name": "B"}]), "participant"),
        (Meeting(id="e", participants=[{"name": "A"}], host={"name": "Target"}), "host"),
        (Statement(id="e", speaker={"name": "Target"}, content="c"), "speaker"),
        (
            Statement(id="e", speaker={"name": "A"}, addressee={"name": "Target"}, content="c"),
            "addressee",
        ),
        (
            CasualtyFigure(
                id="e", figure="killed", count={"value": 1}, reported_by={"name": "Target"}
            ),
            "reported_by",
        ),
    ],
)
def test_involving_finds_every_role(event: Event, field: str) -> None:
    others = [statement("x"), Meeting(id="y", participants=[{"name": "A"}, {"name": "B"}])]
    es = EventSet([*others, event])
    assert ids(es.involving("target")) == ["e"], field


def test_involving_nobody_is_empty(events: Events) -> None:
    assert len(EventSet(events).involving("Nobody")) == 0


def test_involving_refuses_other_types(events: Events) -> None:
    with pytest.raises(TypeError, match="Actor, an actor id or a name"):
        EventSet(events).involving(42)  # type: ignore[arg-type]


def test_filters_chain(events: Events) -> None:
    es = EventSet(events).by_kind("meeting").involving("haftar").between("2019-04-01", None)
    assert ids(es) == []  # "Khalifa Haftar" is the name; "haftar" alone is not it
    es = EventSet(events).by_kind("meeting").involving("khalifa haftar").between("2019-04-01")
    assert ids(es) == ["m1"]


def test_filter_takes_a_predicate(events: Events) -> None:
    es = EventSet(events).filter(lambda e: e.kind == "casualty" and e.count.value > 1000)
    assert ids(es) == ["c2"]


# ------------------------------------------------------------------ summaries


def test_counts_in_kind_order(events: Events) -> None:
    assert EventSet(events).counts() == {"meeting": 2, "statement": 2, "casualty": 2}
    assert list(EventSet(events[::-1]).counts()) == ["meeting", "statement", "casualty"]
    assert EventSet(events).by_kind("casualty").counts() == {"casualty": 2}
    assert EventSet().counts() == {}


def test_date_range(events: Events) -> None:
    assert EventSet(events).date_range() == (dt.date(2019, 4, 1), dt.date(2019, 5, 13))
    assert EventSet(events[:1]).date_range() == (dt.date(2019, 4, 4), dt.date(2019, 4, 4))
    undated = EventSet([statement("u", when=TimeRef(text="soon"))])
    assert undated.date_range() is None
    assert EventSet().date_range() is None


def test_date_range_uses_the_latest_end(events: Events) -> None:
    # the week of m2 ends after the day of every other event but c1
    assert EventSet(events[:4]).date_range() == (dt.date(2019, 4, 4), dt.date(2019, 5, 13))
    assert EventSet([events[0], events[3]]).date_range() == (
        dt.date(2019, 4, 4),
        dt.date(2019, 5, 12),
    )


# ------------------------------------------------------------------ frames

PARTICIPANT_DTYPES = {
    "event_id": "str",
    "position": "int64",
    "actor_id": "category",
    "actor_name": "category",
    "actor_kind": "category",
    "actor_country": "category",
    "actor_role": "category",
    "is_host": "bool",
    "when_earliest": "datetime64[us]",
    "when_latest": "datetime64[us]",
    "status": "category",
    "modality": "category",
}


def test_participants_frame_one_row_per_meeting_and_participant(events: Events) -> None:
    pf = EventSet(events).participants_frame()
    assert list(pf.columns) == list(PARTICIPANT_DTYPES)
    assert pf[["event_id", "position", "actor_name"]].values.tolist() == [
        ["m1", 0, "António Guterres"],
        ["m1", 1, "Khalifa Haftar"],
        ["m2", 0, "Emmanuel Macron"],
        ["m2", 1, "Fayez al-Sarraj"],
    ]
    assert pf["is_host"].tolist() == [False, True, False, False]
    assert pf["status"].tolist() == ["held", "held", "planned", "planned"]
    assert pf["when_latest"].tolist()[2] == pd.Timestamp("2019-05-12")


@pytest.mark.parametrize("which", ["some", "none"])
def test_participants_frame_dtypes(events: Events, which: str) -> None:
    es = EventSet(events) if which == "some" else EventSet(events).by_kind("statement")
    pf = es.participants_frame()
    assert {c: str(t) for c, t in pf.dtypes.items()} == PARTICIPANT_DTYPES
    assert len(pf) == (4 if which == "some" else 0)
    assert list(pf["actor_kind"].cat.categories) == [
        "person",
        "government",
        "organization",
        "armed_group",
        "state",
        "igo",
        "unknown",
    ]


def test_to_frame_one_row_per_event_in_order(events: Events) -> None:
    df = EventSet(events).to_frame()
    assert df["event_id"].tolist() == ids(EventSet(events))
    assert df["kind"].tolist() == ["meeting", "statement", "casualty"] * 2
    assert len(EventSet().to_frame()) == 0


# ------------------------------------------------------------------ problems


def test_problems_default_to_an_empty_frame(events: Events) -> None:
    problems = EventSet(events).problems
    assert isinstance(problems, pd.DataFrame)
    assert list(problems.columns) == ["line", "field", "message"]
    assert len(problems) == 0
    assert str(problems["line"].dtype) == "Int64"


def test_problems_from_records() -> None:
    es = EventSet(problems=[Problem(2, "count.value", "must be >= 0"), Problem(5, None, "bad")])
    problems = es.problems
    assert problems["line"].tolist() == [2, 5]
    assert problems["field"].isna().tolist() == [False, True]
    assert problems["field"][0] == "count.value"
    assert problems["message"].tolist() == ["must be >= 0", "bad"]


def test_problems_are_copies() -> None:
    frame = pd.DataFrame({"line": [1], "field": ["kind"], "message": ["bad kind"]})
    es = EventSet(problems=frame)
    frame.loc[0, "message"] = "changed by the caller"
    seen = es.problems
    seen.loc[0, "message"] = "changed through the property"
    assert es.problems.loc[0, "message"] == "bad kind"


def test_problems_from_a_generator_are_kept() -> None:
    es = EventSet(problems=(Problem(i, None, "x") for i in (1, 2)))
    assert es.problems["line"].tolist() == [1, 2]
    assert es.problems["line"].tolist() == [1, 2]  # not used up by the first look
    assert "2 rejected" in repr(es)


def test_problems_are_not_carried_by_filters(events: Events) -> None:
    es = EventSet(events, problems=[Problem(7, None, "bad")])
    assert len(es.problems) == 1
    assert len(es.by_kind("meeting").problems) == 0
    assert len(es[:2].problems) == 0


# ------------------------------------------------------------------ repr


def test_repr(events: Events) -> None:
    assert repr(EventSet(events)) == "EventSet(6 events: meeting 2, statement 2, casualty 2)"
    assert repr(EventSet(events[1:2])) == "EventSet(1 event: statement 1)"
    assert repr(EventSet()) == "EventSet(0 events)"
    rejected = EventSet(events[:1], problems=[Problem(2, None, "x"), Problem(3, None, "y")])
    assert repr(rejected) == "EventSet(1 event: meeting 1; 2 rejected)"


def test_repr_html_counts_and_dates(events: Events) -> None:
    html = EventSet(events)._repr_html_()
    assert "<b>2</b> meetings" in html
    assert "<b>2</b> statements" in html
    assert "<b>2</b> casualty figures" in html
    assert "2019-04-01 to 2019-05-13" in html
    assert html.count("<tr>") == 1 + 6  # header and one row per event
    assert "2019-05-06 (week)" in html
    assert "more than 430" in html


def test_repr_html_singular() -> None:
    html = EventSet([statement("s")])._repr_html_()
    assert "1 event &mdash;" in html
    assert "<b>1</b> statement" in html
    assert "statements" not in html


def test_repr_html_escapes_content() -> None:
    evil = Statement(
        id="<b>id</b>",
        speaker=Actor(name="Mallory <img src=x onerror=alert(1)>"),
        content="<script>alert('x')</script> & more",
    )
    html = EventSet([evil])._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "&lt;b&gt;id&lt;/b&gt;" in html
    assert "&amp; more" in html


def test_repr_html_truncates_long_text() -> None:
    long = statement("s", content="word " * 100)
    crowd = Meeting(id="m", participants=[{"name": f"Participant number {i}"} for i in range(20)])
    html = EventSet([long, crowd])._repr_html_()
    assert "word " * 100 not in html
    assert "..." in html
    assert "Participant number 19" not in html
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert max(len(c) for c in cells) <= 80


@pytest.mark.parametrize(("n", "more"), [(10, None), (11, 1), (25, 15)])
def test_repr_html_shows_ten_rows_then_and_n_more(n: int, more: int | None) -> None:
    html = EventSet([statement(f"s{i}") for i in range(n)])._repr_html_()
    assert html.count("<tr>") == 1 + min(n, 10)
    if more is None:
        assert "more</p>" not in html
    else:
        assert f"... and {more} more" in html


def test_repr_html_empty() -> None:
    html = EventSet()._repr_html_()
    assert "0 events" in html
    assert "empty" in html
    assert "<table" not in html


def test_repr_html_mentions_rejected_records(events: Events) -> None:
    html = EventSet(events, problems=[Problem(2, None, "x")])._repr_html_()
    assert "<b>1</b> rejected" in html


# ------------------------------------------------------------------ never mutates inputs


def test_methods_never_mutate_the_set_or_its_events(events: Events) -> None:
    before = [e.model_dump() for e in events]
    es = EventSet(events)
    es.by_kind("meeting")
    es.between("2019-04-01", "2019-04-30")
    es.involving("Khalifa Haftar")
    es.filter(lambda e: True)
    es.counts()
    es.date_range()
    es.to_frame()
    es.participants_frame()
    es._repr_html_()
    repr(es)
    _ = es + es
    _ = es[1:3]
    assert es == EventSet(events)
    assert [e.model_dump() for e in events] == before
    assert all(a is b for a, b in zip(es, events, strict=True))


def test_filters_return_new_sets_of_the_same_objects(events: Events) -> None:
    es = EventSet(events)
    sub = es.by_kind("statement")
    assert sub is not es
    assert sub[0] is events[1]


# ------------------------------------------------------------------ with the bundled dataset


def test_on_the_bundled_dataset() -> None:
    es = dd.load_dataset("libya_2019", as_events=True)
    assert sum(es.counts().values()) == len(es)
    assert es.by_kind("meeting", "statement", "casualty") == es
    haftar = es.involving("Khalifa Haftar")
    assert len(haftar) > 0
    assert all(any(a.name == "Khalifa Haftar" for a in e.actors()) for e in haftar)
    assert haftar == es.involving("khalifa haftar")
    january = es.between("2020-01-01", "2020-01-31")
    assert all(
        e.when.earliest is not None
        and e.when.latest is not None
        and e.when.earliest <= dt.date(2020, 1, 31)
        and e.when.latest >= dt.date(2020, 1, 1)
        for e in january
    )
    pf = es.participants_frame()
    meetings = es.by_kind("meeting")
    assert len(pf) == sum(len(m.participants) for m in meetings)  # type: ignore[union-attr]
    assert set(pf["event_id"]) == {m.id for m in meetings}
