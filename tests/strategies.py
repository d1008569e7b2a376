"""Hypothesis strategies for valid events of every kind.

Every optional field is sometimes set and sometimes ``None``; text is arbitrary
unicode (non-BMP characters, combining marks, newlines, ``\\r``, tabs, quotes,
commas, leading and trailing spaces) mixed with strings that CSV readers like
to turn into something else (``"NA"``, ``"null"``, ``"nan"``, ``"True"``,
``"1e5"``, ``"0012"``).

What is excluded, and why:

* surrogate code points (category ``Cs``): a lone surrogate is not encodable
  as UTF-8, so no UTF-8 file format could hold it, and the models refuse it
  anyway (pydantic: "unable to parse raw data as a unicode string").
* blank text in required fields, which the models refuse (``Text``); optional
  fields get blank text, which the models turn into ``None``.
* nothing else: NUL, ``\\r``, U+2028, NEL and the BOM character are generated,
  and every format (CSV included) must carry them.

Counts stay within the range of a signed 64-bit integer (the frame's ``Int64``
columns and Parquet's ``int64``); see ``test_roundtrip.py`` for what happens
above it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from hypothesis import strategies as st

from diplodata.countries import iso3_codes
from diplodata.eventset import EventSet
from diplodata.models import (
    Act,
    Actor,
    ActorKind,
    CasualtyFigure,
    Codes,
    Count,
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
)

__all__ = [
    "INT64_MAX",
    "actors",
    "any_texts",
    "casualty_figures",
    "codes",
    "confidences",
    "counts",
    "dates",
    "events",
    "events_sets",
    "meetings",
    "optional_texts",
    "places",
    "source_refs",
    "spans",
    "statements",
    "texts",
    "time_refs",
]

INT64_MAX = 2**63 - 1

# Strings that CSV and spreadsheet readers like to turn into something else.
TRICKY = (
    "NA",
    "N/A",
    "n/a",
    "NaN",
    "nan",
    "-nan",
    "null",
    "NULL",
    "None",
    "none",
    "#N/A",
    "<NA>",
    "NaT",
    "True",
    "False",
    "TRUE",
    "true",
    "1",
    "0",
    "1e5",
    "-1.5",
    "0012",
    "0x1A",
    "2019-04-04",
    "inf",
    "-inf",
    "=1+1",
    '"',
    '""',
    "'",
    ",",
    ", ",
    "a,b",
    'say "hi"',
    "line\nbreak",
    "cr\rreturn",
    "crlf\r\nend",
    "\r",
    "\n",
    "\t",
    "tab\tbed",
    " leading",
    "trailing ",
    "  both  ",
    "\ufeffbom",
    "\u2028sep\u2029",
    "\x00nul",
    "\\",
    "\\n",
    "e\u0301",  # e + combining acute
    "\u0301",  # a lone combining mark
    "𝕏 non-BMP 🇱🇾",
    "العربية",
    "\u200b",  # zero-width space (not white space for str.strip)
    "\x85",  # NEL: white space for str.strip
    "\xa0",  # no-break space: white space for str.strip
)

_CHARS = st.characters(exclude_categories=("Cs",))
# Strategies are built once: building them anew in every draw is slow.
_CORE = st.sampled_from(TRICKY) | st.text(_CHARS, min_size=1, max_size=8)
_PAD = st.sampled_from(["", " ", "\t", "\n", "\r\n", ",", '"'])
_PRECISIONS = st.sampled_from(Precision)
_STATUSES = st.sampled_from(MeetingStatus)
_MODALITIES = st.sampled_from(Modality)
_ACTS = st.sampled_from(Act)
_FIGURES = st.sampled_from(Figure)
_QUALIFIERS = st.sampled_from(Qualifier)
_START = st.integers(0, 10**9)


@st.composite
def _padded(draw: st.DrawFn) -> str:
    return draw(_PAD) + draw(_CORE) + draw(_PAD)


@cache
def any_texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Arbitrary unicode text (no surrogates), possibly empty or blank."""
    return st.one_of(
        st.text(_CHARS, max_size=max_size),
        st.sampled_from(TRICKY),
        _padded(),
    )


@cache
def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Text for a required field: arbitrary, but not empty or white space only.

    The models refuse blank required text (``Text``), so it is filtered out here.
    """
    return any_texts(max_size).filter(lambda s: s.strip() != "")


@cache
def optional_texts() -> st.SearchStrategy[str | None]:
    """Text or ``None``; blank text is generated too and becomes ``None`` in the models."""
    return st.none() | any_texts()


_EXTREME_DATES = (
    dt.date(1, 1, 1),
    dt.date(1, 12, 31),
    dt.date(999, 12, 31),
    dt.date(1000, 1, 1),
    dt.date(1677, 9, 21),  # the first day pandas' datetime64[ns] can hold
    dt.date(1677, 9, 22),
    dt.date(1970, 1, 1),
    dt.date(2000, 2, 29),
    dt.date(2262, 4, 11),  # the last day datetime64[ns] can hold
    dt.date(2262, 4, 12),
    dt.date(9999, 12, 31),
)


@cache
def dates() -> st.SearchStrategy[dt.date]:
    """Dates, mostly 1800-2200, sometimes anywhere in 1-9999, sometimes at the extremes."""
    return st.one_of(
        st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)),
        st.dates(),
        st.sampled_from(_EXTREME_DATES),
    )


@cache
def optional_dates() -> st.SearchStrategy[dt.date | None]:
    """A date or ``None``."""
    return st.none() | dates()


@cache
def actors() -> st.SearchStrategy[Actor]:
    """Actors with every optional field sometimes set."""
    return st.builds(
        Actor,
        id=optional_texts(),
        name=texts(),
        kind=st.sampled_from(ActorKind),
        country=st.none() | st.sampled_from(sorted(iso3_codes())),
        role=optional_texts(),
    )


@cache
def optional_actors() -> st.SearchStrategy[Actor | None]:
    """An actor or ``None``."""
    return st.none() | actors()


@cache
def places() -> st.SearchStrategy[Place]:
    """Places, with and without a country."""
    return st.builds(Place, name=texts(), country=st.none() | st.sampled_from(sorted(iso3_codes())))


@st.composite
def time_refs(draw: st.DrawFn) -> TimeRef:
    """Unresolved references (precision unknown, no dates) and resolved ranges."""
    text = draw(optional_texts())
    anchor = draw(optional_dates())
    precision = draw(_PRECISIONS)
    if precision is Precision.UNKNOWN:
        return TimeRef(text=text, precision=precision, anchor=anchor)
    a, b = draw(dates()), draw(dates())
    if draw(st.booleans()):
        b = a  # a single day is the common case
    return TimeRef(
        text=text, earliest=min(a, b), latest=max(a, b), precision=precision, anchor=anchor
    )


@cache
def source_refs() -> st.SearchStrategy[SourceRef]:
    """Sources with every field sometimes missing."""
    return st.builds(
        SourceRef,
        article_id=optional_texts(),
        url=st.none() | st.just('https://example.org/a?b=1,2&c="d"') | optional_texts(),
        title=optional_texts(),
        outlet=optional_texts(),
        published=optional_dates(),
    )


_SPAN_TEXTS = st.text(_CHARS, min_size=1, max_size=20) | st.sampled_from(TRICKY) | _padded()


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """Evidence spans with ``start < end`` and text of length ``end - start``."""
    text = draw(_SPAN_TEXTS)  # any text, blank included
    start = draw(_START)
    return Span(start=start, end=start + len(text), text=text)


@cache
def confidences() -> st.SearchStrategy[float]:
    """Floats in [0, 1], with the ones text formats get wrong most often."""
    return st.one_of(
        st.floats(0.0, 1.0, allow_nan=False, allow_infinity=False),
        st.sampled_from([0.0, 1.0, 0.1, 1e-9, 0.3333333333333333, 5e-324, 1 - 2**-53, 0.5]),
    )


@cache
def codes() -> st.SearchStrategy[Codes]:
    """CAMEO digit strings (2-4 digits, leading zeros kept) and upper-case PLOVER types."""
    return st.builds(
        Codes,
        cameo=st.none() | st.from_regex(r"[0-9]{2,4}", fullmatch=True),
        plover=st.none()
        | st.sampled_from(["CONSULT", "AGREE", "ACCUSE", "ASSAULT"])
        | st.from_regex(r"[A-Z]{1,12}", fullmatch=True),
    )


_COUNT_VALUES = st.one_of(
    st.integers(0, 1000),
    st.integers(0, INT64_MAX - 1),
    st.sampled_from([0, 1, INT64_MAX - 1]),
)


@st.composite
def _free_count(draw: st.DrawFn) -> Count:
    """Any value/low/high the validator accepts, for any qualifier."""
    qualifier = draw(_QUALIFIERS)
    value = draw(_COUNT_VALUES)
    low_limit = value + 1 if qualifier is Qualifier.MORE_THAN else value
    high_limit = value - 1 if qualifier is Qualifier.LESS_THAN else value
    low = draw(st.none() | st.integers(0, low_limit))
    high_floor = max(high_limit, low or 0, 0)
    high = draw(st.none() | st.integers(high_floor, max(high_floor, INT64_MAX)))
    return Count(value=value, low=low, high=high, qualifier=qualifier, text=draw(optional_texts()))


@cache
def counts() -> st.SearchStrategy[Count]:
    """Counts by the qualifier convention, and any others the validator accepts."""
    conventional = st.builds(
        Count.from_qualifier,
        st.integers(0, 10**6) | st.integers(0, INT64_MAX - 1),
        _QUALIFIERS,
        text=optional_texts(),
    )
    return conventional | _free_count()


@cache
def _common() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "id": texts(),
        "when": time_refs(),
        "location": st.none() | places(),
        "source": source_refs(),
        "attribution": optional_texts(),
        "evidence": st.lists(spans(), max_size=3).map(tuple),
        "confidence": confidences(),
        "codes": codes(),
    }


_PARTICIPANTS = st.lists(actors(), min_size=1, max_size=4)
_TOPICS = st.lists(texts(), max_size=3)


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    """Meetings with two or more distinct participants, or one plus another host or a place.

    The host is sometimes one of the participants too.
    """
    common = {k: draw(v) for k, v in _common().items()}
    people: list[Actor] = []
    for actor in draw(_PARTICIPANTS):
        if not any(actor.same_as(p) for p in people):
            people.append(actor)
    host = draw(optional_actors())
    if host is None and draw(st.booleans()):
        host = people[draw(st.integers(0, len(people) - 1))]  # a participant hosts
    other_host = host is not None and not any(host.same_as(p) for p in people)
    if len(people) < 2 and not other_host and common["location"] is None:
        common["location"] = draw(places())
    return Meeting(
        **common,
        participants=tuple(people),
        host=host,
        status=draw(_STATUSES),
        modality=draw(_MODALITIES),
        topics=tuple(draw(_TOPICS)),
    )


@st.composite
def statements(draw: st.DrawFn) -> Statement:
    """Statements, quoted or not, with and without an addressee."""
    common = {k: draw(v) for k, v in _common().items()}
    return Statement(
        **common,
        speaker=draw(actors()),
        addressee=draw(optional_actors()),
        act=draw(_ACTS),
        direct_quote=draw(st.booleans()),
        content=draw(texts()),
    )


@st.composite
def casualty_figures(draw: st.DrawFn) -> CasualtyFigure:
    """Casualty figures with every qualifier and optional field."""
    common = {k: draw(v) for k, v in _common().items()}
    return CasualtyFigure(
        **common,
        figure=draw(_FIGURES),
        count=draw(counts()),
        population=draw(optional_texts()),
        reported_by=draw(optional_actors()),
        cumulative=draw(st.booleans()),
    )


@cache
def events() -> st.SearchStrategy[Meeting | Statement | CasualtyFigure]:
    """Any valid event."""
    return meetings() | statements() | casualty_figures()


@cache
def events_sets(max_size: int = 20) -> st.SearchStrategy[EventSet]:
    """An :class:`EventSet` of 0..``max_size`` events with unique ids."""
    return st.lists(events(), max_size=max_size, unique_by=lambda e: e.id).map(EventSet)
