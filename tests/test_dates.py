"""Temporal phrases: find_dates, resolve, tense_of (see diplodata.extract.dates)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from diplodata.extract._date_patterns import _DATE_RE as _DATE_RE_FOR_TESTS
from diplodata.extract.dates import DateMatch, find_dates, resolve, tense_of
from diplodata.models import TimeRef

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

D = dt.date
THU = D(2019, 4, 11)  # a Thursday: the anchor of most cases
SUN = D(2019, 4, 14)  # a Sunday
FIRST = D(2019, 5, 1)  # the 1st of a month (a Wednesday)
NEW_YEAR = D(2020, 1, 1)  # a Wednesday, for year boundaries
LEAP = D(2020, 2, 29)  # a leap day (a Saturday)
MONDAY = D(2019, 4, 8)

# phrase, anchor, tense, earliest, latest, precision
CASES: list[tuple[str, D, str | None, D | None, D | None, str]] = [
    # absolute days, with and without a year
    ("April 4", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("4 April", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("April 4th", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("Apr. 4", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("on April 4", THU, "past", D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("the 4th of April", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("Thursday, April 4", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("4 April 2019", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("April 4, 2019", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("2019-04-04", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("4 April 2018", THU, "future", D(2018, 4, 4), D(2018, 4, 4), "day"),
    ("Sept. 4", THU, None, D(2018, 9, 4), D(2018, 9, 4), "day"),  # > 31 days ahead
    ("Sept. 4", THU, "future", D(2019, 9, 4), D(2019, 9, 4), "day"),
    ("May 12", THU, None, D(2019, 5, 12), D(2019, 5, 12), "day"),  # 31 days ahead: kept
    ("May 13", THU, "past", D(2018, 5, 13), D(2018, 5, 13), "day"),  # 32 days ahead
    ("March 11", THU, "future", D(2019, 3, 11), D(2019, 3, 11), "day"),  # 31 days back
    ("March 10", THU, "future", D(2020, 3, 10), D(2020, 3, 10), "day"),  # 32 days back
    ("December 30", NEW_YEAR, None, D(2019, 12, 30), D(2019, 12, 30), "day"),
    ("January 3", NEW_YEAR, "future", D(2020, 1, 3), D(2020, 1, 3), "day"),
    ("February 29", LEAP, None, D(2020, 2, 29), D(2020, 2, 29), "day"),
    ("February 29", THU, None, None, None, "unknown"),  # 2019 has no February 29
    ("April 31", THU, None, None, None, "unknown"),
    # months and years
    ("April 2019", THU, None, D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("in April", THU, None, D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("in May", THU, "past", D(2019, 5, 1), D(2019, 5, 31), "month"),
    ("in December", THU, None, D(2018, 12, 1), D(2018, 12, 31), "month"),
    ("in December", THU, "future", D(2019, 12, 1), D(2019, 12, 31), "month"),
    ("in February", LEAP, None, D(2020, 2, 1), D(2020, 2, 29), "month"),
    ("early April", THU, None, D(2019, 4, 1), D(2019, 4, 10), "month"),
    ("mid-April", THU, None, D(2019, 4, 11), D(2019, 4, 20), "month"),
    ("late April", THU, None, D(2019, 4, 21), D(2019, 4, 30), "month"),
    ("in late February", LEAP, None, D(2020, 2, 21), D(2020, 2, 29), "month"),
    ("early April 2018", THU, None, D(2018, 4, 1), D(2018, 4, 10), "month"),
    ("in 2019", THU, None, D(2019, 1, 1), D(2019, 12, 31), "year"),
    # weekdays
    ("on Thursday", THU, None, THU, THU, "day"),  # the same day counts
    ("on Thursday", THU, "past", THU, THU, "day"),
    ("on Thursday", THU, "future", THU, THU, "day"),  # the day itself
    ("Thursday", THU, "past", THU, THU, "day"),
    ("late on Sunday", THU, "past", D(2019, 4, 7), D(2019, 4, 7), "day"),
    ("late Sunday", THU, "future", SUN, SUN, "day"),
    ("on Thursday night", THU, "past", THU, THU, "day"),
    ("Thursday evening", THU, "future", THU, THU, "day"),
    ("on Wednesday", THU, "past", D(2019, 4, 10), D(2019, 4, 10), "day"),
    ("on Friday", THU, "past", D(2019, 4, 5), D(2019, 4, 5), "day"),
    ("on Friday", THU, "future", D(2019, 4, 12), D(2019, 4, 12), "day"),
    ("on Sunday", SUN, "past", SUN, SUN, "day"),
    ("on Sunday", SUN, "future", SUN, SUN, "day"),
    ("on Monday", SUN, "future", D(2019, 4, 15), D(2019, 4, 15), "day"),
    ("on Saturday", LEAP, "past", LEAP, LEAP, "day"),
    ("on Friday", NEW_YEAR, "past", D(2019, 12, 27), D(2019, 12, 27), "day"),
    ("last Thursday", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("next Thursday", THU, None, D(2019, 4, 18), D(2019, 4, 18), "day"),
    # today, yesterday, tomorrow
    ("today", THU, None, THU, THU, "day"),
    ("this morning", THU, None, THU, THU, "day"),
    ("earlier today", THU, "past", THU, THU, "day"),
    ("tonight", THU, "future", THU, THU, "day"),
    ("on the same day", THU, None, THU, THU, "day"),
    ("yesterday", THU, None, D(2019, 4, 10), D(2019, 4, 10), "day"),
    ("yesterday", NEW_YEAR, None, D(2019, 12, 31), D(2019, 12, 31), "day"),
    ("yesterday", FIRST, None, D(2019, 4, 30), D(2019, 4, 30), "day"),
    ("last night", THU, None, D(2019, 4, 10), D(2019, 4, 10), "day"),
    ("tomorrow", THU, None, D(2019, 4, 12), D(2019, 4, 12), "day"),
    ("tomorrow", LEAP, "future", D(2020, 3, 1), D(2020, 3, 1), "day"),
    ("the day before", THU, None, D(2019, 4, 10), D(2019, 4, 10), "day"),
    ("the day before yesterday", THU, None, D(2019, 4, 9), D(2019, 4, 9), "day"),
    # ... ago
    ("three days ago", THU, None, D(2019, 4, 8), D(2019, 4, 8), "day"),
    ("10 days ago", THU, None, D(2019, 4, 1), D(2019, 4, 1), "day"),
    ("a week ago", THU, None, D(2019, 4, 1), D(2019, 4, 7), "week"),
    ("two weeks ago", THU, None, D(2019, 3, 25), D(2019, 3, 31), "week"),
    ("three months ago", THU, None, D(2019, 1, 1), D(2019, 1, 31), "month"),
    ("a year ago", THU, None, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("a year ago", D(2020, 12, 31), None, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("two years ago", LEAP, None, D(2018, 1, 1), D(2018, 12, 31), "year"),
    # weeks and weekends
    ("last week", THU, None, D(2019, 4, 1), D(2019, 4, 7), "week"),
    ("this week", THU, None, D(2019, 4, 8), D(2019, 4, 14), "week"),
    ("this week", THU, "past", D(2019, 4, 8), THU, "week"),  # not after the report
    ("next week", THU, "future", D(2019, 4, 15), D(2019, 4, 21), "week"),
    ("last week", NEW_YEAR, None, D(2019, 12, 23), D(2019, 12, 29), "week"),
    ("this week", NEW_YEAR, None, D(2019, 12, 30), D(2020, 1, 5), "week"),
    ("earlier this week", THU, None, D(2019, 4, 8), D(2019, 4, 10), "week"),
    ("earlier this week", MONDAY, None, MONDAY, MONDAY, "week"),
    ("later this week", THU, "future", D(2019, 4, 12), D(2019, 4, 14), "week"),
    ("later this week", SUN, "future", SUN, SUN, "week"),
    ("over the weekend", THU, "past", D(2019, 4, 6), D(2019, 4, 7), "week"),
    ("over the weekend", THU, "future", D(2019, 4, 13), SUN, "week"),
    ("at the weekend", THU, None, D(2019, 4, 6), D(2019, 4, 7), "week"),
    ("this weekend", THU, "future", D(2019, 4, 13), SUN, "week"),
    ("over the weekend", SUN, "past", D(2019, 4, 13), SUN, "week"),
    ("over the weekend", MONDAY, "past", D(2019, 4, 6), D(2019, 4, 7), "week"),
    ("last weekend", SUN, None, D(2019, 4, 6), D(2019, 4, 7), "week"),
    ("next weekend", SUN, None, D(2019, 4, 20), D(2019, 4, 21), "week"),
    ("in the coming days", THU, "future", D(2019, 4, 12), D(2019, 4, 18), "week"),
    ("in recent days", THU, "past", D(2019, 4, 4), THU, "week"),
    ("in the coming days", D(2019, 12, 28), None, D(2019, 12, 29), D(2020, 1, 4), "week"),
    # months relative to the anchor
    ("earlier this month", THU, None, D(2019, 4, 1), D(2019, 4, 10), "month"),
    ("earlier this month", FIRST, None, FIRST, FIRST, "month"),
    ("later this month", THU, "future", D(2019, 4, 12), D(2019, 4, 30), "month"),
    ("this month", THU, None, D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("last month", THU, None, D(2019, 3, 1), D(2019, 3, 31), "month"),
    ("next month", THU, None, D(2019, 5, 1), D(2019, 5, 31), "month"),
    ("last month", NEW_YEAR, None, D(2019, 12, 1), D(2019, 12, 31), "month"),
    ("last month", FIRST, None, D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("next month", D(2020, 1, 31), None, D(2020, 2, 1), D(2020, 2, 29), "month"),
    ("early last month", THU, None, D(2019, 3, 1), D(2019, 3, 10), "month"),
    ("mid-last month", THU, None, D(2019, 3, 11), D(2019, 3, 20), "month"),
    ("late last month", THU, None, D(2019, 3, 21), D(2019, 3, 31), "month"),
    ("late this month", LEAP, None, D(2020, 2, 21), LEAP, "month"),
    ("early next month", NEW_YEAR, None, D(2020, 2, 1), D(2020, 2, 10), "month"),
    # years relative to the anchor
    ("last year", THU, None, D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("this year", THU, None, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("next year", NEW_YEAR, None, D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("last year", NEW_YEAR, None, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("earlier this year", THU, None, D(2019, 1, 1), D(2019, 4, 10), "year"),
    ("earlier this year", NEW_YEAR, None, NEW_YEAR, NEW_YEAR, "year"),
    # relative to another event: the caller resolves them
    ("hours after", THU, None, None, None, "unknown"),
    ("hours later", THU, "past", None, None, "unknown"),
    ("hours earlier", THU, None, None, None, "unknown"),
    ("minutes after", THU, None, None, None, "unknown"),
    ("three days later", THU, None, None, None, "unknown"),
    ("the next day", THU, None, None, None, "unknown"),
    ("the following day", THU, None, None, None, "unknown"),
    # not recognised
    ("on 04/04/2019", THU, None, None, None, "unknown"),
    ("April", THU, None, None, None, "unknown"),
    ("2019", THU, None, None, None, "unknown"),
    ("soon", THU, None, None, None, "unknown"),
    ("", THU, None, None, None, "unknown"),
    # since: the start of the period, read in the past
    ("since April 4", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("since the offensive began on April 4", THU, None, D(2019, 4, 4), D(2019, 4, 4), "day"),
    ("since Thursday", THU, "future", THU, THU, "day"),
    ("since early April", THU, None, D(2019, 4, 1), D(2019, 4, 10), "month"),
    ("since 2019", THU, None, D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("since last year", THU, None, D(2018, 1, 1), D(2018, 12, 31), "year"),
]


@pytest.mark.parametrize(("phrase", "anchor", "tense", "earliest", "latest", "precision"), CASES)
def test_resolve(
    phrase: str,
    anchor: D,
    tense: str | None,
    earliest: D | None,
    latest: D | None,
    precision: str,
) -> None:
    ref = resolve(phrase, anchor, tense=tense)  # type: ignore[arg-type]
    assert (ref.earliest, ref.latest, ref.precision.value) == (earliest, latest, precision)
    assert ref.anchor == anchor
    assert ref.text == (phrase or None)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 70


RELATIVE = [
    "on Thursday", "Thursday evening", "late on Sunday", "last Thursday", "today", "tonight",
    "yesterday", "tomorrow", "the day before", "April 4", "4 April", "Apr. 4", "in April",
    "early April", "three days ago", "a year ago", "last week", "this week", "next week",
    "over the weekend", "in the coming days", "in recent days", "earlier this month",
    "last month", "late last month", "last year", "this year", "since April 4",
    "since Thursday", "hours after",
]  # fmt: skip


@pytest.mark.parametrize("phrase", RELATIVE)
def test_without_an_anchor_relative_phrases_stay_unknown(phrase: str) -> None:
    ref = resolve(phrase, None)
    assert ref == TimeRef(text=phrase, precision="unknown")


@pytest.mark.parametrize(
    ("phrase", "earliest", "latest", "precision"),
    [
        ("4 April 2019", D(2019, 4, 4), D(2019, 4, 4), "day"),
        ("April 4, 2019", D(2019, 4, 4), D(2019, 4, 4), "day"),
        ("on Thursday, April 4, 2019", D(2019, 4, 4), D(2019, 4, 4), "day"),
        ("2019-04-04", D(2019, 4, 4), D(2019, 4, 4), "day"),
        ("April 2019", D(2019, 4, 1), D(2019, 4, 30), "month"),
        ("late April 2019", D(2019, 4, 21), D(2019, 4, 30), "month"),
        ("in 2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("since April 4, 2019", D(2019, 4, 4), D(2019, 4, 4), "day"),
    ],
)
def test_without_an_anchor_full_dates_resolve(
    phrase: str, earliest: D, latest: D, precision: str
) -> None:
    ref = resolve(phrase, None)
    assert (ref.earliest, ref.latest, ref.precision.value, ref.anchor) == (
        earliest,
        latest,
        precision,
        None,
    )


def test_resolve_keeps_the_phrase_and_takes_a_datetime_anchor() -> None:
    ref = resolve("  on Thursday ", dt.datetime(2019, 4, 11, 15, 30))
    assert ref.text == "  on Thursday "
    assert (ref.earliest, ref.anchor) == (THU, THU)


def test_resolve_at_the_ends_of_the_calendar() -> None:
    assert resolve("yesterday", D(1, 1, 1)).precision.value == "unknown"
    assert resolve("next week", D(9999, 12, 31)).precision.value == "unknown"
    assert resolve("500 years ago", D(2019, 4, 11)).earliest == D(1519, 1, 1)


# ---------------------------------------------------------------------- find_dates

PARAGRAPH = (
    "Haftar said on Thursday that his forces, which have fought since the offensive began "
    "on April 4, would meet UN envoys next week. Hours later, on 2019-04-12, the WHO said "
    "Since early April, clashes in recent days had killed 56. Talks held last year and "
    "in 2018 failed; 4 April 2019 and Sept. 4 were quiet. He met them late on Sunday."
)


def test_find_dates_in_a_paragraph() -> None:
    expected = [
        ("on Thursday", "point"),
        ("since the offensive began on April 4", "since"),
        ("next week", "point"),
        ("Hours later", "point"),
        ("on 2019-04-12", "point"),
        ("Since early April", "since"),
        ("in recent days", "point"),
        ("last year", "point"),
        ("in 2018", "point"),
        ("4 April 2019", "point"),
        ("Sept. 4", "point"),
        ("late on Sunday", "point"),
    ]
    found = find_dates(PARAGRAPH)
    assert [(m.text, m.role) for m in found] == expected
    position = 0
    for match, (text, role) in zip(found, expected, strict=True):
        start = PARAGRAPH.index(text, position)
        assert match == DateMatch(start, start + len(text), text, role)  # type: ignore[arg-type]
        position = match.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since April 4", [("since April 4", "since")]),
        ("since Thursday", [("since Thursday", "since")]),
        ("Since then, Haftar said on Thursday", [("on Thursday", "point")]),
        ("since he said on Thursday", [("on Thursday", "point")]),  # a reporting verb
        (
            "the toll since 2011, when on Thursday",
            [("since 2011", "since"), ("on Thursday", "point")],
        ),
        ("Thursday's talks", [("Thursday", "point")]),
        ("in May and in March", [("in May", "point"), ("in March", "point")]),
        ("we may meet in march", []),  # month names are capitalised
        ("on 04/04/2019", []),
        ("the Marseille talks", []),
        ("April", []),
        ("2019", []),
        ("on April 40", []),
        ("in 20190", []),
        ("this weekend's vote and this week", [("this weekend", "point"), ("this week", "point")]),
    ],
)
def test_find_dates_edges(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text)
    assert [(m.text, m.role) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


# ------------------------------------------------------------------------- tense_of


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Haftar will meet Sarraj", "future"),
        ("Sarraj is due to meet Haftar", "future"),
        ("the envoys are due to arrive", "future"),
        ("the vote is set to take place", "future"),
        ("he is expected to travel", "future"),
        ("Macron plans to visit Tripoli", "future"),
        ("talks are scheduled to resume", "future"),
        ("Salame hopes to meet Haftar next week", "future"),
        ("he said they would meet", "future"),
        ("Sarraj said he will meet Haftar", "future"),  # future wins
        ("Haftar said", "past"),
        ("They met in Abu Dhabi", "past"),
        ("talks were held in Geneva", "past"),
        ("it was quiet", "past"),
        ("forces had withdrawn", "past"),
        ("the WHO reported", "past"),
        ("clashes killed 56", "past"),
        ("Talks in Geneva", None),
        ("the United Nations envoy", None),
        ("armed groups need support", None),
        ("", None),
    ],
)
def test_tense_of(text: str, tense: str | None) -> None:
    assert tense_of(text) == tense


# ---------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "on", "since", "in", "the", "last", "next", "this", "early", "mid-", "late", "week",
        "weekend", "month", "year", "days", "ago", "April", "Sept.", "Thursday", "Sunday",
        "4", "4th", "31", "2019", "2019-02-29", "0001", "yesterday", "today", "hours", "later",
        ",", ".", " ", "\n", "\u00a0", "ſ", "K", "a", "two", "said", "began", "coming",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(),
    st.lists(_TOKENS, max_size=30).map(" ".join),
    st.lists(_TOKENS, max_size=30).map("".join),
)
_ANCHORS = st.one_of(st.none(), st.dates(), st.sampled_from([D(1, 1, 1), D(9999, 12, 31)]))
_TENSES = st.sampled_from([None, "past", "future"])


def _valid(ref: TimeRef) -> None:
    assert TimeRef.model_validate(ref.model_dump()) == ref
    if ref.precision.value == "unknown":
        assert ref.earliest is None and ref.latest is None
    else:
        assert ref.earliest is not None and ref.latest is not None
        assert ref.earliest <= ref.latest


@PROPERTY
@given(_TEXTS, _ANCHORS, _TENSES)
@example(PARAGRAPH, THU, None)
@example("\ud800 since April 4", THU, None)
def test_find_and_resolve_never_raise(text: str, anchor: D | None, tense: str | None) -> None:
    previous_end = 0
    for match in find_dates(text):
        assert text[match.start : match.end] == match.text
        assert previous_end <= match.start < match.end
        previous_end = match.end
        assert match.role in ("point", "since")
        _valid(resolve(match.text, anchor, tense=tense))  # type: ignore[arg-type]
    _valid(resolve(text, anchor, tense=tense))  # type: ignore[arg-type]
    assert tense_of(text) in (None, "past", "future")


# ------------------------------------------------------------------- linear time

SIZE = 200_000  # characters; a quadratic pattern would take minutes on these


def test_adversarial_prepositions() -> None:
    assert find_dates("on " * (SIZE // 3)) == []
    assert find_dates("since " * (SIZE // 6)) == []
    assert resolve("since " * (SIZE // 6), THU).precision.value == "unknown"
    text = "on " * (SIZE // 3) + "Thursday"
    assert [m.text for m in find_dates(text)] == ["on Thursday"]


def test_adversarial_month_names() -> None:
    assert find_dates("April " * (SIZE // 6)) == []
    found = find_dates("April 4 " * (SIZE // 8))
    assert len(found) == SIZE // 8
    assert {m.text for m in found} == {"April 4"}


def test_adversarial_digits() -> None:
    assert find_dates("7" * SIZE) == []
    assert find_dates("2019-" * (SIZE // 5)) == []
    assert tense_of("to meet " * (SIZE // 8)) is None


def _reference_spans(text: str) -> list[tuple[int, int]]:
    """Where _DATE_RE.search finds phrases, scanning every character (the slow reference)."""
    from diplodata.extract._date_patterns import _DATE_RE

    spans, pos = [], 0
    while (m := _DATE_RE.search(text, pos)) is not None:
        spans.append(m.span())
        pos = m.end()
    return spans


_DATEY = st.lists(
    st.sampled_from(
        [
            "on",
            "Thursday",
            "April",
            "4",
            "4th",
            "2019",
            "-04-",
            "last",
            "next",
            "week",
            "the",
            "day",
            "before",
            "since",
            "in",
            "early",
            "late",
            "mid-",
            "Jan.",
            "Sept",
            "ago",
            "two",
            "twenty-five",
            "hours",
            "after",
            "this",
            "month",
            "year",
            "weekend",
            "over",
            "a",
            "few",
            "days",
            ",",
            ".",
            " ",
            "  ",
            "\n",
            "x",
            "é",
            "7",
            "31st",
            "of",
            "yesterday",
            "tonight",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_DATEY, st.text(max_size=200)))
def test_token_scan_finds_what_a_full_scan_finds(text: str) -> None:
    # find_dates tries the pattern only where a date can begin; it must miss nothing.
    found = [(m.start, m.end) for m in find_dates(text)]
    ends = [e for _, e in found]
    assert ends == [e for _, e in _reference_spans(text)]


def _token_scan_reference(text: str) -> list[DateMatch]:
    """find_dates as it was before the gates: _DATE_RE tried at every first-word token."""
    from diplodata.extract._date_patterns import _DATE_RE, _FIRST_WORDS, _SINCE_HEAD, _TOKEN_RE
    from diplodata.extract.dates import _since_start

    found: list[DateMatch] = []
    pos = 0
    for token in _TOKEN_RE.finditer(text):
        word = token.group()
        if token.start() < pos or (word.lower() not in _FIRST_WORDS and not word[0].isdigit()):
            continue
        m = _DATE_RE.match(text, token.start())
        if m is None:
            continue
        start, end = m.span()
        role = "point"
        if _SINCE_HEAD.match(m[0]):
            role = "since"
        elif (since := _since_start(text, start, found[-1].end if found else 0)) is not None:
            start, role = since, "since"
        found.append(DateMatch(start, end, text[start:end], role))  # type: ignore[arg-type]
        pos = end
    return found


# Every gated first word, what may follow it, near misses, blank runs of 1-4 characters
# (_DATE_RE takes at most 3), case and Unicode folding ("ſ", the Kelvin sign).
_GATED_PIECES = st.sampled_from(
    [
        "the", "The", "THE", "on", "On", "in", "In", "since", "during", "over", "at", "a", "A",
        "an", "several", "some", "this", "This", "last", "next", "earlier", "later", "early",
        "late", "mid", "day", "days", "dAy", "same", "previous", "next", "following", "few",
        "coming", "recent", "past", "paſt", "laſt", "weeK", "week", "weekend", "month",
        "months", "year", "years", "night", "morning", "afternoon", "evening", "today",
        "tonight", "tomorrow", "yesterday", "minute", "minutes", "hour", "hours", "moment",
        "moments", "ago", "after", "before", "later", "April", "Apr.", "Sept", "may", "May",
        "Thursday", "Sunday", "of", "Of", "4", "4th", "04", "31st", "2019", "2019-04-04",
        "1999", "twenty", "two", "-", ",", "x", "é",
    ]
)  # fmt: skip
_BLANKS = st.sampled_from([" ", "  ", "   ", "    ", "\n", "\t ", "\u00a0", "", "-", ", "])
_GATED_TEXTS = st.lists(st.tuples(_GATED_PIECES, _BLANKS), max_size=40).map(
    lambda pairs: "".join(word + blank for word, blank in pairs)
)
# Phrases drawn from _DATE_RE itself (every alternative, any case, any blanks), in context.
_PHRASES = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "x ", ", ", "the ", "in ", "on  ", "é", "7"]),
        st.from_regex(_DATE_RE_FOR_TESTS, fullmatch=True),
    ),
    min_size=1,
    max_size=4,
).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_PHRASES, _GATED_TEXTS, _DATEY, st.text(max_size=200)))
@example("in the last  few days, over the   past few days, at the weekend")
@example("in earlier this month the 4th of April on Thursday the 4th late on Sunday")
@example("the    day before; on    Thursday; 4    April; a  few    hours later; 2019 -04-04")
def test_gates_skip_only_non_dates(text: str) -> None:
    # The gates of _START drop a token only where _DATE_RE does not match: same phrases,
    # offsets and roles as trying _DATE_RE at every first-word token.
    from diplodata.extract._date_patterns import _DATE_RE, _FIRST_WORDS, _START, _TOKEN_RE

    assert find_dates(text) == _token_scan_reference(text)
    starts = {m.start() for m in _START.finditer(text)}
    for token in _TOKEN_RE.finditer(text):
        word = token.group()
        if (word.lower() in _FIRST_WORDS or word[0].isdigit()) and _DATE_RE.match(
            text, token.start()
        ):
            assert token.start() in starts, (text, token.start())


# One phrase (at least) for every branch of every gate of _START, each gated word in front.
GATE_BRANCHES = [
    "the 4th of April", "the day before", "the day after tomorrow", "the same day",
    "the previous day", "the next day", "the following day", "the day after",
    "on 2019-04-04", "on April 4", "on Thursday, April 4", "on the 4th of April", "on 4 April",
    "on Thursday", "on the same day", "on the weekend",
    "in April 2019", "in early April", "in mid-April", "in late April", "in April", "in 2019",
    "in the coming days", "in the next few days", "in recent days", "in the recent days",
    "in the past few days", "in the last few days", "in coming days", "in next few days",
    "in past few days", "in last few days", "in earlier this month", "in later this month",
    "in early last month", "in mid-this month", "in late next month", "in last month",
    "in this month", "in next month",
    "since April 2019", "since early April", "since mid-April", "since late April", "since April",
    "since 2019", "during 2019",
    "over the weekend", "over the coming days", "over the next few days",
    "over the past few days", "over the last few days", "over the recent days",
    "over recent days", "over coming days", "over next few days", "over past few days",
    "over last few days", "at the weekend",
    "a day ago", "a week ago", "a month ago", "a year ago", "a few hours later",
    "a minute later", "a moment later", "a day later", "a few days earlier", "an hour later",
    "an hour before", "several hours later", "several days before", "some minutes later",
    "some weeks after",
    "this Thursday", "this morning", "this afternoon", "this evening", "this week",
    "this weekend", "this month", "this year",
    "last Thursday", "last night", "last week", "last weekend", "last month", "last year",
    "next Thursday", "next week", "next weekend", "next month", "next year",
    "earlier today", "earlier this week", "earlier this month", "earlier this year",
    "later today", "later this week", "later this month", "later this year",
    "early April", "early-April", "early on Sunday", "early Sunday", "early last month",
    "early-next month", "early this month", "late April", "late on Sunday", "late Sunday",
    "late last month", "late-this month", "mid-April", "mid April", "mid-last month",
    "mid next month",
    "2019-04-04", "4 April", "4th April", "4th of April", "31st of May", "04 April",
    "3 days ago", "3 hours later", "10 minutes after", "2 weeks before", "1999 years ago",
    "12 moments earlier", "4 months later", "7 years ago",
]  # fmt: skip


@pytest.mark.parametrize("phrase", GATE_BRANCHES)
@pytest.mark.parametrize("blank", [" ", "   ", "\u00a0"])
@pytest.mark.parametrize("case", [str, str.upper, str.lower])
def test_every_gate_branch_lets_its_dates_through(phrase: str, blank: str, case: object) -> None:
    from diplodata.extract._date_patterns import _DATE_RE, _START

    text = case(phrase.replace(" ", blank))  # type: ignore[operator]
    if _DATE_RE.match(text) is None:  # upper/lower case can break a month or weekday
        assert case is not str
        return
    assert _START.match(text) is not None
    assert find_dates(text) == _token_scan_reference(text)
    assert find_dates("x " + text) == _token_scan_reference("x " + text)


_NAMES = [
    *calendar.month_name[1:],
    *(
        f"{abbr}{dot}"
        for abbr in [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Jun",
            "Jul",
            "Aug",
            "Sept",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
        for dot in ("", ".")
    ),
    *calendar.day_name,
]


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize(
    "template",
    [
        "on {} 4", "on {}", "on {}, April 4", "in {} 2019", "in {}", "since {}", "since {} 2019",
        "this {}", "last {}", "next {}", "early {}", "late {}", "mid-{}", "mid {}", "4 {}",
        "4th {} 2019", "x, 31st {}", "late on {}", "the 4th of {}",
    ],
)  # fmt: skip
def test_gates_know_every_month_and_weekday(name: str, template: str) -> None:
    text = template.format(name)
    assert find_dates(text) == _token_scan_reference(text)
