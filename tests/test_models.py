"""Record-level rules of the event models, and the JSON contract they serialise to.

Every rule has a case that passes and a case that fails; a failure must name the
field at fault in ``err.errors()[0]["loc"]``, since readers turn that location into
the field (or column) they report to the user.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from diplodata.models import (
    Act,
    Actor,
    ActorKind,
    CasualtyFigure,
    Codes,
    Count,
    EventKind,
    Figure,
    Meeting,
    MeetingStatus,
    Modality,
    Place,
    Precision,
    Qualifier,
    SourceRef,
    Span,
    Statement,
    TimeRef,
    event_adapter,
    events_adapter,
)
from diplodata.ontology import CAMEO_DESCRIPTIONS, codes_for_meeting, codes_for_statement

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CAMEO_TABLE = SHARED / "fixtures" / "real" / "cameo" / "cameoCodeTable.tsv"

D1, D2, D3 = dt.date(2019, 4, 4), dt.date(2019, 4, 5), dt.date(2019, 4, 6)
A = {"name": "Emmanuel Macron"}
B = {"name": "Khalifa Haftar"}


def first_error(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Validate ``data``; it must fail. Return the first error."""
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return dict(info.value.errors()[0])


# ------------------------------------------------------------------ rule table

# (rule, model, data that passes, data that fails, loc of the failure, words in the message)
RULES: list[tuple[str, type[BaseModel], dict[str, Any], dict[str, Any], tuple[Any, ...], str]] = [
    # counts are non-negative
    ("value >= 0", Count, {"value": 0}, {"value": -1}, ("value",), "greater than or equal"),
    ("low >= 0", Count, {"value": 1, "low": 0}, {"value": 1, "low": -1}, ("low",), ""),
    ("high >= 0", Count, {"value": 0, "high": 0}, {"value": 0, "high": -1}, ("high",), ""),
    # low <= value <= high
    ("low <= value", Count, {"value": 5, "low": 5}, {"value": 5, "low": 6}, ("low",), "low (6)"),
    (
        "value <= high",
        Count,
        {"value": 5, "high": 5},
        {"value": 5, "high": 4},
        ("high",),
        "high (4)",
    ),
    (
        "about: low <= value <= high",
        Count,
        {"value": 50, "low": 40, "high": 60, "qualifier": "about"},
        {"value": 50, "low": 51, "high": 60, "qualifier": "about"},
        ("low",),
        "low (51) is greater than value (50)",
    ),
    (
        "at_least: low <= value",
        Count,
        {"value": 5, "low": 5, "qualifier": "at_least"},
        {"value": 5, "low": 6, "qualifier": "at_least"},
        ("low",),
        "only qualifier 'more_than' lets low exceed value",
    ),
    # the documented exceptions for strict bounds
    (
        "more_than: low = value + 1",
        Count,
        {"value": 430, "low": 431, "qualifier": "more_than"},
        {"value": 430, "low": 432, "qualifier": "more_than"},
        ("low",),
        "'more than 430' gives low 431 at most",
    ),
    (
        "more_than: low = value is allowed too",
        Count,
        {"value": 430, "low": 430, "qualifier": "more_than"},
        {"value": 430, "low": 433, "qualifier": "more_than"},
        ("low",),
        "low (433)",
    ),
    (
        "less_than: high = value - 1",
        Count,
        {"value": 20, "high": 19, "qualifier": "less_than"},
        {"value": 20, "high": 18, "qualifier": "less_than"},
        ("high",),
        "'less than 20' gives high 19 at least",
    ),
    (
        "less_than does not relax low",
        Count,
        {"value": 20, "low": 20, "high": 20, "qualifier": "less_than"},
        {"value": 20, "low": 21, "qualifier": "less_than"},
        ("low",),
        "low (21)",
    ),
    (
        "more_than does not relax high",
        Count,
        {"value": 20, "high": 20, "qualifier": "more_than"},
        {"value": 20, "high": 19, "qualifier": "more_than"},
        ("high",),
        "high (19)",
    ),
    # low <= high
    (
        "range: low <= high",
        Count,
        {"value": 10, "low": 10, "high": 10, "qualifier": "range"},
        {"value": 10, "low": 10, "high": 9, "qualifier": "range"},
        ("low",),
        "greater than high",
    ),
    (
        "more_than: low <= high",
        Count,
        {"value": 10, "low": 11, "high": 11, "qualifier": "more_than"},
        {"value": 10, "low": 11, "high": 10, "qualifier": "more_than"},
        ("low",),
        "low (11) is greater than high (10)",
    ),
    # earliest <= latest
    (
        "earliest <= latest",
        TimeRef,
        {"earliest": D1, "latest": D1, "precision": "day"},
        {"earliest": D2, "latest": D1, "precision": "day"},
        ("earliest",),
        "swap them",
    ),
    # precision is unknown exactly when there are no dates
    (
        "unknown precision has no dates",
        TimeRef,
        {"text": "on Thursday"},
        {"earliest": D1, "latest": D1},
        ("precision",),
        "precision is 'unknown' but a date is given",
    ),
    (
        "unknown precision has no earliest",
        TimeRef,
        {"precision": "unknown"},
        {"earliest": D1, "precision": "unknown"},
        ("precision",),
        "drop the dates",
    ),
    (
        "a precision needs dates",
        TimeRef,
        {"earliest": D1, "latest": D3, "precision": "week"},
        {"precision": "week"},
        ("precision",),
        "earliest and latest are missing",
    ),
    (
        "a precision needs latest",
        TimeRef,
        {"earliest": D1, "latest": D1, "precision": "day"},
        {"earliest": D1, "precision": "day"},
        ("latest",),
        "latest is missing",
    ),
    (
        "a precision needs earliest",
        TimeRef,
        {"earliest": D1, "latest": D1, "precision": "month"},
        {"latest": D1, "precision": "month"},
        ("earliest",),
        "earliest is missing",
    ),
    # a meeting has someone to meet
    (
        "two distinct participants",
        Meeting,
        {"id": "m", "participants": [A, B]},
        {"id": "m", "participants": [A]},
        ("participants",),
        "at least two distinct participants",
    ),
    (
        "one participant and a host",
        Meeting,
        {"id": "m", "participants": [A], "host": B},
        {"id": "m", "participants": [A], "host": None},
        ("participants",),
        "plus a host or a location",
    ),
    (
        "one participant and a location",
        Meeting,
        {"id": "m", "participants": [A], "location": {"name": "Cairo", "country": "EGY"}},
        {"id": "m", "participants": [A], "location": None},
        ("participants",),
        "plus a host or a location",
    ),
    (
        "no participants at all",
        Meeting,
        {"id": "m", "participants": [A, B]},
        {"id": "m", "participants": [], "host": B},
        ("participants",),
        "at least 1 item",
    ),
    # nobody twice
    (
        "same id twice",
        Meeting,
        {"id": "m", "participants": [{"id": "a", "name": "X"}, {"id": "b", "name": "X"}]},
        {"id": "m", "participants": [B, {"id": "a", "name": "X"}, {"id": "a", "name": "Y"}]},
        ("participants", 2),
        "listed twice",
    ),
    (
        "same name twice, ignoring case, when ids are missing",
        Meeting,
        {"id": "m", "participants": [{"name": "Haftar"}, {"name": "Sarraj"}]},
        {"id": "m", "participants": [{"name": "Haftar"}, {"name": "HAFTAR"}]},
        ("participants", 1),
        "'HAFTAR' is listed twice",
    ),
    (
        "same name, one id missing",
        Meeting,
        {"id": "m", "participants": [{"name": "Haftar", "id": "h"}, {"name": "Sarraj"}]},
        {"id": "m", "participants": [{"name": "Haftar", "id": "h"}, {"name": "haftar"}]},
        ("participants", 1),
        "listed twice",
    ),
    # spans
    (
        "span start < end",
        Span,
        {"start": 3, "end": 4, "text": "x"},
        {"start": 4, "end": 4, "text": ""},
        ("end",),
        "must be greater than start",
    ),
    (
        "span end before start",
        Span,
        {"start": 0, "end": 2, "text": "ab"},
        {"start": 5, "end": 2, "text": "abc"},
        ("end",),
        "end (2) must be greater than start (5)",
    ),
    (
        "span text length",
        Span,
        {"start": 10, "end": 13, "text": "WHO"},
        {"start": 10, "end": 13, "text": "WHO "},
        ("text",),
        "4 characters",
    ),
    (
        "span start >= 0",
        Span,
        {"start": 0, "end": 1, "text": "x"},
        {"start": -1, "end": 0, "text": "x"},
        ("start",),
        "",
    ),
    # confidence in 0..1
    (
        "confidence <= 1",
        Statement,
        {"id": "s", "speaker": A, "content": "c", "confidence": 1.0},
        {"id": "s", "speaker": A, "content": "c", "confidence": 1.01},
        ("confidence",),
        "",
    ),
    (
        "confidence >= 0",
        Statement,
        {"id": "s", "speaker": A, "content": "c", "confidence": 0.0},
        {"id": "s", "speaker": A, "content": "c", "confidence": -0.1},
        ("confidence",),
        "",
    ),
    (
        "confidence is a number",
        Statement,
        {"id": "s", "speaker": A, "content": "c", "confidence": 0.5},
        {"id": "s", "speaker": A, "content": "c", "confidence": math.nan},
        ("confidence",),
        "",
    ),
    # codes
    ("cameo is 2-4 digits", Codes, {"cameo": "040"}, {"cameo": "40a"}, ("cameo",), ""),
    ("plover is upper case", Codes, {"plover": "CONSULT"}, {"plover": "consult"}, ("plover",), ""),
    # required strings are not empty
    ("actor name", Actor, {"name": "x"}, {"name": ""}, ("name",), "at least 1 character"),
    (
        "statement content",
        Statement,
        {"id": "s", "speaker": A, "content": "c"},
        {"id": "s", "speaker": A, "content": ""},
        ("content",),
        "",
    ),
    (
        "event id",
        Statement,
        {"id": "s", "speaker": A, "content": "c"},
        {"id": "", "speaker": A, "content": "c"},
        ("id",),
        "",
    ),
    (
        "topics",
        Meeting,
        {"id": "m", "participants": [A, B], "topics": ["oil"]},
        {"id": "m", "participants": [A, B], "topics": ["oil", ""]},
        ("topics", 1),
        "",
    ),
    # nested objects report the full path
    (
        "nested count",
        CasualtyFigure,
        {"id": "c", "figure": "killed", "count": {"value": 5, "low": 5}},
        {"id": "c", "figure": "killed", "count": {"value": 5, "low": 6}},
        ("count", "low"),
        "low (6)",
    ),
    (
        "nested when",
        CasualtyFigure,
        {"id": "c", "figure": "killed", "count": {"value": 5}, "when": {"precision": "unknown"}},
        {"id": "c", "figure": "killed", "count": {"value": 5}, "when": {"precision": "day"}},
        ("when", "precision"),
        "",
    ),
    (
        "nested evidence",
        Statement,
        {
            "id": "s",
            "speaker": A,
            "content": "c",
            "evidence": [{"start": 0, "end": 1, "text": "c"}],
        },
        {
            "id": "s",
            "speaker": A,
            "content": "c",
            "evidence": [{"start": 0, "end": 2, "text": "c"}],
        },
        ("evidence", 0, "text"),
        "",
    ),
    (
        "nested actor country",
        Statement,
        {"id": "s", "speaker": {"name": "x", "country": "LBY"}, "content": "c"},
        {"id": "s", "speaker": {"name": "x", "country": "LY"}, "content": "c"},
        ("speaker", "country"),
        "'LBY'",
    ),
]


@pytest.mark.parametrize(
    ("model", "good", "bad", "loc", "words"),
    [pytest.param(*rule[1:], id=rule[0]) for rule in RULES],
)
def test_rule(
    model: type[BaseModel],
    good: dict[str, Any],
    bad: dict[str, Any],
    loc: tuple[Any, ...],
    words: str,
) -> None:
    model.model_validate(good)
    err = first_error(model, bad)
    assert err["loc"] == loc
    assert words in err["msg"]


def test_a_failing_rule_reports_one_error() -> None:
    with pytest.raises(ValidationError) as info:
        Count(value=5, low=9, high=3)
    assert info.value.error_count() == 1


def test_the_rule_location_is_prefixed_inside_a_list_of_events() -> None:
    records = [
        {"kind": "statement", "id": "s", "speaker": A, "content": "c"},
        {"kind": "casualty", "id": "c", "figure": "killed", "count": {"value": 5, "high": 4}},
    ]
    with pytest.raises(ValidationError) as info:
        events_adapter().validate_python(records)
    assert info.value.errors()[0]["loc"] == (1, "casualty", "count", "high")


# ------------------------------------------------------------------ Count.from_qualifier


@pytest.mark.parametrize(
    ("qualifier", "low", "high"),
    [
        ("exact", 430, 430),
        ("at_least", 430, None),
        ("more_than", 431, None),
        ("about", None, None),
        ("up_to", None, 430),
        ("less_than", None, 429),
        ("range", None, None),
    ],
)
def test_count_from_qualifier(qualifier: str, low: int | None, high: int | None) -> None:
    count = Count.from_qualifier(430, qualifier, text="430")
    assert (count.value, count.low, count.high) == (430, low, high)
    assert count.qualifier is Qualifier(qualifier)
    assert count.text == "430"
    assert Count.from_qualifier(430, Qualifier(qualifier)) == count.model_copy(
        update={"text": None}
    )


def test_count_from_qualifier_covers_every_qualifier() -> None:
    for qualifier in Qualifier:
        for value in (0, 1, 10**12):
            Count.from_qualifier(value, qualifier)  # never violates the bounds rules


def test_count_from_qualifier_less_than_zero_stays_non_negative() -> None:
    assert Count.from_qualifier(0, "less_than").high == 0


def test_count_from_qualifier_rejects_an_unknown_qualifier() -> None:
    with pytest.raises(ValueError, match="approximately"):
        Count.from_qualifier(5, "approximately")


@pytest.mark.parametrize("field", ["value", "low", "high"])
@pytest.mark.parametrize("flag", [True, False])
def test_count_refuses_true_and_false(field: str, flag: bool) -> None:
    fields: dict[str, Any] = {"value": int(flag), field: flag}
    with pytest.raises(
        ValidationError, match=f"a count is a whole number, not {str(flag).lower()}"
    ):
        Count(**fields)
    assert Count(**{**fields, field: int(flag)}).model_dump()[field] == int(flag)


def test_count_reads_numbers_written_as_text_or_whole_floats() -> None:
    assert Count(value="56", low=56.0).value == 56  # type: ignore[arg-type]


def test_design_md_example_count_validates() -> None:
    data = {
        "value": 430,
        "low": 431,
        "high": None,
        "qualifier": "more_than",
        "text": "more than 430",
    }
    count = Count.model_validate(data)
    assert count == Count.from_qualifier(430, "more_than", text="more than 430")
    assert count.model_dump(mode="json") == data
    event = CasualtyFigure.model_validate(
        {
            "id": "who-tripoli",
            "kind": "casualty",
            "figure": "killed",
            "count": data,
            "reported_by": {"name": "World Health Organization", "kind": "igo"},
        }
    )
    assert event.reported_by is not None and event.reported_by.kind is ActorKind.IGO


# ------------------------------------------------------------------ country codes


@pytest.mark.parametrize("model", [Actor, Place])
def test_country_code_accepts_an_assigned_code(model: type[BaseModel]) -> None:
    assert model.model_validate({"name": "x", "country": "LBY"}).country == "LBY"


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("lby", "did you mean 'LBY'"),
        ("LY", "did you mean 'LBY'"),
        ("Libya", "did you mean 'LBY'"),
        ("Libyan", "did you mean 'LBY'"),
        ("XKX", "private use"),
        ("XKX", "Kosovo"),
        ("XXX", "private use"),
        ("QQQ", "private use"),
        ("L1Y", "upper-case code such as 'LBY'"),
        ("LBYA", "upper-case code such as 'LBY'"),
    ],
)
@pytest.mark.parametrize("model", [Actor, Place])
def test_country_code_rejects_others_with_a_hint(
    model: type[BaseModel], code: str, hint: str
) -> None:
    err = first_error(model, {"name": "x", "country": code})
    assert err["loc"] == ("country",)
    assert repr(code) in err["msg"]
    assert hint in err["msg"]


def test_country_code_hint_for_kosovo_says_what_to_do() -> None:
    err = first_error(Actor, {"name": "Kosovo", "country": "XKX"})
    assert "leave the country empty (None)" in err["msg"]


# ------------------------------------------------------------------ blank optional strings

OPTIONAL_STRINGS: list[tuple[type[BaseModel], dict[str, Any], tuple[str, ...]]] = [
    (Actor, {"name": "x"}, ("id", "role", "country")),
    (Place, {"name": "x"}, ("country",)),
    (TimeRef, {}, ("text",)),
    (SourceRef, {}, ("article_id", "url", "title", "outlet")),
    (Count, {"value": 1}, ("text",)),
    (Statement, {"id": "s", "speaker": A, "content": "c"}, ("attribution",)),
    (
        CasualtyFigure,
        {"id": "c", "figure": "killed", "count": {"value": 1}},
        ("population", "attribution"),
    ),
]


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\xa0"])
@pytest.mark.parametrize(
    ("model", "base", "field"),
    [
        pytest.param(model, base, field, id=f"{model.__name__}.{field}")
        for model, base, fields in OPTIONAL_STRINGS
        for field in fields
    ],
)
def test_blank_optional_strings_become_none(
    model: type[BaseModel], base: dict[str, Any], field: str, blank: str
) -> None:
    assert getattr(model.model_validate({**base, field: blank}), field) is None


def test_optional_strings_are_kept_as_given() -> None:
    actor = Actor(name=" Haftar ", role="  Field Marshal")
    assert actor.name == " Haftar " and actor.role == "  Field Marshal"


# ------------------------------------------------------------------ unknown fields, frozen

FRESH: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Actor, {"name": "x"}),
    (Place, {"name": "x"}),
    (TimeRef, {}),
    (Count, {"value": 1}),
    (Span, {"start": 0, "end": 1, "text": "x"}),
    (SourceRef, {}),
    (Codes, {}),
    (Meeting, {"id": "m", "participants": [A, B]}),
    (Statement, {"id": "s", "speaker": A, "content": "c"}),
    (CasualtyFigure, {"id": "c", "figure": "killed", "count": {"value": 1}}),
]


@pytest.mark.parametrize(("model", "data"), FRESH, ids=[m.__name__ for m, _ in FRESH])
def test_unknown_fields_are_rejected(model: type[BaseModel], data: dict[str, Any]) -> None:
    model.model_validate(data)
    err = first_error(model, {**data, "nickname": "x"})
    assert err["type"] == "extra_forbidden"
    assert err["loc"] == ("nickname",)


def test_unknown_nested_fields_are_rejected() -> None:
    err = first_error(
        Statement, {"id": "s", "speaker": {**A, "title": "President"}, "content": "c"}
    )
    assert (err["type"], err["loc"]) == ("extra_forbidden", ("speaker", "title"))


@pytest.mark.parametrize(("model", "data"), FRESH, ids=[m.__name__ for m, _ in FRESH])
def test_models_are_frozen(model: type[BaseModel], data: dict[str, Any]) -> None:
    obj = model.model_validate(data)
    field = next(iter(type(obj).model_fields))
    before = getattr(obj, field)
    with pytest.raises(ValidationError) as info:
        setattr(obj, field, before)
    assert info.value.errors()[0]["type"] == "frozen_instance"
    hash(obj)  # frozen models of hashable fields can go in sets and dict keys


def test_list_fields_are_stored_as_tuples() -> None:
    meeting = Meeting(id="m", participants=[A, B], topics=["oil"])
    statement = Statement(
        id="s", speaker=A, content="c", evidence=[{"start": 0, "end": 1, "text": "c"}]
    )
    assert isinstance(meeting.participants, tuple)
    assert isinstance(meeting.topics, tuple)
    assert isinstance(statement.evidence, tuple)


# ------------------------------------------------------------------ the Event union

MINIMAL: dict[str, dict[str, Any]] = {
    "meeting": {"kind": "meeting", "id": "m", "participants": [A, B]},
    "statement": {"kind": "statement", "id": "s", "speaker": A, "content": "c"},
    "casualty": {"kind": "casualty", "id": "c", "figure": "killed", "count": {"value": 3}},
}
CLASSES = {"meeting": Meeting, "statement": Statement, "casualty": CasualtyFigure}


@pytest.mark.parametrize("kind", list(MINIMAL))
def test_event_adapter_picks_the_class_from_kind(kind: str) -> None:
    event = event_adapter().validate_python(MINIMAL[kind])
    assert type(event) is CLASSES[kind]
    assert event.kind == kind
    again = event_adapter().validate_json(json.dumps(MINIMAL[kind]))
    assert again == event


def test_event_adapter_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValidationError) as info:
        event_adapter().validate_python({**MINIMAL["statement"], "kind": "protest"})
    err = info.value.errors()[0]
    assert err["type"] == "union_tag_invalid"
    assert "protest" in err["msg"]


def test_event_adapter_rejects_a_missing_kind() -> None:
    data = {k: v for k, v in MINIMAL["statement"].items() if k != "kind"}
    with pytest.raises(ValidationError) as info:
        event_adapter().validate_python(data)
    assert info.value.errors()[0]["type"] == "union_tag_not_found"


def test_event_adapter_does_not_fall_back_to_another_kind() -> None:
    # A statement's fields under kind "meeting" are a bad meeting, not a statement.
    with pytest.raises(ValidationError) as info:
        event_adapter().validate_python({**MINIMAL["statement"], "kind": "meeting"})
    assert all(err["loc"][0] == "meeting" for err in info.value.errors())


def test_a_model_refuses_another_kind() -> None:
    err = first_error(Statement, {**MINIMAL["statement"], "kind": "meeting"})
    assert err["loc"] == ("kind",)


def test_actors_in_field_order() -> None:
    meeting = Meeting(id="m", participants=[A, B], host={"name": "Host"})
    assert [a.name for a in meeting.actors()] == ["Emmanuel Macron", "Khalifa Haftar", "Host"]
    statement = Statement(id="s", speaker=A, addressee=B, content="c")
    assert [a.name for a in statement.actors()] == ["Emmanuel Macron", "Khalifa Haftar"]
    casualty = CasualtyFigure(id="c", figure="killed", count={"value": 1}, reported_by=A)
    assert [a.name for a in casualty.actors()] == ["Emmanuel Macron"]
    assert CasualtyFigure(id="c", figure="killed", count={"value": 1}).actors() == ()


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ({"name": "Haftar", "id": "h"}, {"name": "Khalifa Haftar", "id": "h"}, True),
        ({"name": "Haftar", "id": "h"}, {"name": "Haftar", "id": "k"}, False),
        ({"name": "Haftar"}, {"name": "HAFTAR"}, True),
        ({"name": "Haftar", "id": "h"}, {"name": "haftar"}, True),
        ({"name": "Haftar"}, {"name": "Sarraj"}, False),
    ],
)
def test_actor_same_as(left: dict[str, str], right: dict[str, str], same: bool) -> None:
    a, b = Actor(**left), Actor(**right)
    assert a.same_as(b) is same
    assert b.same_as(a) is same


def test_timeref_helpers() -> None:
    t = TimeRef.on(D1, text="on Thursday", anchor=D3)
    assert (t.earliest, t.latest, t.precision, t.date) == (D1, D1, Precision.DAY, D1)
    assert TimeRef().date is None


# ------------------------------------------------------------------ the JSON contract
# These sets are DESIGN.md's contract table. Tools outside the library read these
# names: a test here that fails means the contract changed, not that the test is stale.

COMMON = {
    "id",
    "kind",
    "when",
    "location",
    "source",
    "attribution",
    "evidence",
    "confidence",
    "codes",
}
CONTRACT = {
    "meeting": COMMON | {"participants", "host", "status", "modality", "topics"},
    "statement": COMMON | {"speaker", "addressee", "act", "direct_quote", "content"},
    "casualty": COMMON | {"figure", "count", "population", "reported_by", "cumulative"},
}
WHEN = {"text", "earliest", "latest", "precision", "anchor"}
LOCATION = {"name", "country"}
SOURCE = {"article_id", "url", "title", "outlet", "published"}
COUNT = {"value", "low", "high", "qualifier", "text"}
SPAN = {"start", "end", "text"}
ACTOR = {"id", "name", "kind", "country", "role"}
CODES = {"cameo", "plover"}

ENUMS = {
    EventKind: {"meeting", "statement", "casualty"},
    MeetingStatus: {"held", "planned", "proposed", "cancelled", "postponed", "denied"},
    Modality: {"in_person", "call", "video", "unknown"},
    Act: {
        "appeal",
        "demand",
        "warning",
        "threat",
        "condemnation",
        "denial",
        "support",
        "claim",
        "announcement",
        "comment",
    },
    Figure: {"killed", "wounded", "displaced", "missing", "detained", "affected"},
    Qualifier: {"exact", "at_least", "more_than", "about", "up_to", "less_than", "range"},
    Precision: {"day", "week", "month", "year", "unknown"},
    ActorKind: {"person", "government", "organization", "armed_group", "state", "igo", "unknown"},
}

ACTOR_FULL = {"id": "a", "name": "Actor", "kind": "person", "country": "LBY", "role": "Envoy"}
COMMON_FULL: dict[str, Any] = {
    "when": {
        "text": "on Thursday",
        "earliest": "2019-04-04",
        "latest": "2019-04-04",
        "precision": "day",
        "anchor": "2019-04-06",
    },
    "location": {"name": "Tripoli", "country": "LBY"},
    "source": {
        "article_id": "art-1",
        "url": "https://example.org/a",
        "title": "Title",
        "outlet": "Reuters",
        "published": "2019-04-06",
    },
    "attribution": "a UN source",
    "evidence": [{"start": 0, "end": 3, "text": "WHO"}],
    "confidence": 0.75,
    "codes": {"cameo": "040", "plover": "CONSULT"},
}
FULL: dict[str, dict[str, Any]] = {
    "meeting": {
        "id": "m",
        "kind": "meeting",
        **COMMON_FULL,
        "participants": [ACTOR_FULL, {**ACTOR_FULL, "id": "b", "name": "Other"}],
        "host": ACTOR_FULL,
        "status": "held",
        "modality": "video",
        "topics": ["oil", "ceasefire"],
    },
    "statement": {
        "id": "s",
        "kind": "statement",
        **COMMON_FULL,
        "speaker": ACTOR_FULL,
        "addressee": {**ACTOR_FULL, "id": "b"},
        "act": "warning",
        "direct_quote": True,
        "content": "words",
    },
    "casualty": {
        "id": "c",
        "kind": "casualty",
        **COMMON_FULL,
        "figure": "wounded",
        "count": {"value": 10, "low": 10, "high": 12, "qualifier": "range", "text": "10 to 12"},
        "population": "civilians",
        "reported_by": ACTOR_FULL,
        "cumulative": True,
    },
}


@pytest.mark.parametrize("kind", list(CONTRACT))
@pytest.mark.parametrize("sample", [MINIMAL, FULL], ids=["minimal", "full"])
def test_json_dump_has_exactly_the_contract_fields(
    kind: str, sample: dict[str, dict[str, Any]]
) -> None:
    dumped = event_adapter().validate_python(sample[kind]).model_dump(mode="json")
    assert set(dumped) == CONTRACT[kind]
    assert set(dumped["when"]) == WHEN
    assert set(dumped["source"]) == SOURCE
    assert set(dumped["codes"]) == CODES
    for span in dumped["evidence"]:
        assert set(span) == SPAN
    if dumped["location"] is not None:
        assert set(dumped["location"]) == LOCATION
    actors = [dumped.get(f) for f in ("host", "speaker", "addressee", "reported_by")]
    actors += dumped.get("participants", [])
    for actor in actors:
        if actor is not None:
            assert set(actor) == ACTOR
    if kind == "casualty":
        assert set(dumped["count"]) == COUNT


@pytest.mark.parametrize("kind", list(FULL))
def test_full_json_form_round_trips_exactly(kind: str) -> None:
    event = event_adapter().validate_python(FULL[kind])
    assert event.model_dump(mode="json") == FULL[kind]
    assert event_adapter().validate_json(event.model_dump_json()) == event


def test_json_values_are_plain_json() -> None:
    dumped = event_adapter().validate_python(FULL["meeting"]).model_dump(mode="json")
    assert dumped["when"]["earliest"] == "2019-04-04"
    assert dumped["status"] == "held"
    assert dumped["participants"][0]["kind"] == "person"
    assert isinstance(dumped["participants"], list)
    json.dumps(dumped)  # nothing that needs a custom encoder


@pytest.mark.parametrize("enum", list(ENUMS), ids=[e.__name__ for e in ENUMS])
def test_enum_values_are_the_contract(enum: type[Any]) -> None:
    assert {member.value for member in enum} == ENUMS[enum]


# ------------------------------------------------------------------ ontology

PLOVER_1_0 = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def _all_codes() -> list[Codes]:
    meeting = [codes_for_meeting(s, m) for s in MeetingStatus for m in Modality]
    return meeting + [codes_for_statement(a) for a in Act]


def test_codes_for_every_meeting_status_and_modality() -> None:
    for status in MeetingStatus:
        for modality in Modality:
            codes = codes_for_meeting(status, modality)
            assert codes == codes_for_meeting(status.value, modality.value)
            assert isinstance(codes, Codes)
    assert codes_for_meeting("held", "call") == Codes(cameo="041", plover="CONSULT")
    assert codes_for_meeting("held", "in_person") == Codes(cameo="040", plover="CONSULT")
    assert codes_for_meeting("planned", "call") == Codes(cameo="036", plover=None)
    assert codes_for_meeting("cancelled", "in_person") == Codes()


def test_codes_for_every_act() -> None:
    for act in Act:
        assert codes_for_statement(act) == codes_for_statement(act.value)
    assert codes_for_statement("condemnation") == Codes(cameo="111", plover="ACCUSE")


def test_codes_for_an_unknown_value_raise_value_error() -> None:
    with pytest.raises(ValueError):
        codes_for_statement("praise")
    with pytest.raises(ValueError):
        codes_for_meeting("held", "telepathy")


def test_every_cameo_code_used_is_described() -> None:
    used = {c.cameo for c in _all_codes() if c.cameo is not None}
    assert used <= set(CAMEO_DESCRIPTIONS)


def test_every_plover_code_used_is_a_plover_1_0_type() -> None:
    used = {c.plover for c in _all_codes() if c.plover is not None}
    assert used <= PLOVER_1_0


@pytest.mark.integration
@pytest.mark.skipif(
    not CAMEO_TABLE.exists(),
    reason=f"the real CAMEO code table is not available at {CAMEO_TABLE}",
)
def test_cameo_descriptions_match_the_real_cameo_table() -> None:
    with CAMEO_TABLE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    table = {row["cameoCode"].strip(): row["Description"].strip() for row in rows}
    assert len(table) > 200  # the whole codebook, not a stub
    for code, description in CAMEO_DESCRIPTIONS.items():
        assert code in table, code
        assert table[code] == description.strip(), code
