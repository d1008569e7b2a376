"""Numbers and counts: parse_number, parse_count, find_counts (see diplodata.extract.numbers)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from diplodata.extract import _number_patterns as number_patterns
from diplodata.extract import numbers
from diplodata.extract.numbers import NumberMatch, find_counts, parse_count, parse_number
from diplodata.models import Count

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("430", 430),
        ("2,110", 2110),
        ("55,000", 55000),
        ("1,200,000", 1_200_000),
        ("1.2 million", 1_200_000),
        ("1.25 million", 1_250_000),
        ("3.5m", 3_500_000),
        ("2bn", 2_000_000_000),
        ("5 thousand", 5000),
        ("three", 3),
        ("Three", 3),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred and twelve", 112),
        ("five thousand and twelve", 5012),
        ("a dozen", 12),
        ("two dozen", 24),
        ("3 dozen", 36),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("two million", 2_000_000),
        ("zero", 0),
        ("  430\n", 430),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "many",
        "1.5",  # a count is a whole number
        "1,1",  # malformed thousands separators
        "1,0000",
        "dozens",  # vague: parse_count reads it, parse_number does not
        "hundred",  # a lone scale word
        "one one",
        "one and",
        "40%",
        "$40",
        "twenty-five people",
        "12345678901234567890",  # too long to be a count
        "a",
        "a few",
        "ſix",  # long s: case-folds to "s" in regexes, but is no number word
    ],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


# -------------------------------------------------------------------- parse_count

# phrase, value, low, high, qualifier
COUNTS: list[tuple[str, int, int | None, int | None, str]] = [
    ("430", 430, 430, 430, "exact"),
    ("2,110", 2110, 2110, 2110, "exact"),
    ("55,000", 55000, 55000, 55000, "exact"),
    ("1.2 million", 1_200_000, 1_200_000, 1_200_000, "exact"),
    ("three", 3, 3, 3, "exact"),
    ("twenty-five", 25, 25, 25, "exact"),
    ("one hundred and twelve", 112, 112, 112, "exact"),
    ("a dozen", 12, None, None, "about"),
    ("two dozen", 24, None, None, "about"),
    ("a hundred", 100, None, None, "about"),
    ("at least 21", 21, 21, None, "at_least"),
    ("no fewer than 5", 5, 5, None, "at_least"),
    ("no less than 5", 5, 5, None, "at_least"),
    ("a minimum of 3", 3, 3, None, "at_least"),
    ("at least a dozen", 12, 12, None, "at_least"),
    ("more than 430", 430, 431, None, "more_than"),
    ("over 3,400", 3400, 3401, None, "more_than"),
    ("upwards of 40", 40, 41, None, "more_than"),
    ("in excess of 50", 50, 51, None, "more_than"),
    ("more than a dozen", 12, 13, None, "more_than"),
    ("nearly 500", 500, None, None, "about"),
    ("almost 60", 60, None, None, "about"),
    ("about 1,550", 1550, None, None, "about"),
    ("around 18,250", 18250, None, None, "about"),
    ("some 3,400", 3400, None, None, "about"),
    ("approximately 7", 7, None, None, "about"),
    ("roughly 8", 8, None, None, "about"),
    ("an estimated 9", 9, None, None, "about"),
    ("close to 10", 10, None, None, "about"),
    ("up to 100", 100, None, 100, "up_to"),
    ("as many as 11", 11, None, 11, "up_to"),
    ("no more than 14", 14, None, 14, "up_to"),
    ("fewer than 20", 20, None, 19, "less_than"),
    ("less than 12", 12, None, 11, "less_than"),
    ("under 13", 13, None, 12, "less_than"),
    ("between 20 and 30", 25, 20, 30, "range"),
    ("20 to 30", 25, 20, 30, "range"),
    ("20-30", 25, 20, 30, "range"),
    ("20–30", 25, 20, 30, "range"),
    ("between five and ten", 7, 5, 10, "range"),
    ("between 2 and 3 million", 2_500_000, 2_000_000, 3_000_000, "range"),
    ("1.5-2m", 1_750_000, 1_500_000, 2_000_000, "range"),
    ("some 20 to 30", 25, 20, 30, "range"),
    ("dozens", 24, None, None, "about"),
    ("scores", 40, None, None, "about"),
    ("hundreds", 200, None, None, "about"),
    ("thousands", 2000, None, None, "about"),
    ("Thousands", 2000, None, None, "about"),
    ("tens of thousands", 20000, None, None, "about"),
    ("hundreds of thousands", 200_000, None, None, "about"),
    ("millions", 2_000_000, None, None, "about"),
    ("more than dozens", 24, None, None, "about"),
]


@pytest.mark.parametrize(("phrase", "value", "low", "high", "qualifier"), COUNTS)
def test_parse_count(
    phrase: str, value: int, low: int | None, high: int | None, qualifier: str
) -> None:
    count = parse_count(phrase)
    assert count is not None
    assert (count.value, count.low, count.high, count.qualifier.value) == (
        value,
        low,
        high,
        qualifier,
    )
    assert count.text == phrase


def test_parse_count_keeps_the_phrase_as_given() -> None:
    count = parse_count("  more than 430 ")
    assert count == Count(value=430, low=431, qualifier="more_than", text="  more than 430 ")


@pytest.mark.parametrize(
    "phrase",
    ["", "people", "in 2019", "40%", "$40", "more than", "1.5", "30-20", "one one", "430 people"],
)
def test_parse_count_refuses(phrase: str) -> None:
    assert parse_count(phrase) is None


# -------------------------------------------------------------------- find_counts


def _found(text: str) -> list[tuple[int, int, str, int, str]]:
    return [
        (m.start, m.end, m.count.text or "", m.count.value, m.count.qualifier.value)
        for m in find_counts(text)
    ]


@pytest.mark.parametrize(("phrase", "value", "low", "high", "qualifier"), COUNTS)
def test_find_counts_in_a_sentence(
    phrase: str, value: int, low: int | None, high: int | None, qualifier: str
) -> None:
    text = f"The ministry said {phrase} of them were affected."
    start = len("The ministry said ")
    (match,) = find_counts(text)
    assert (match.start, match.end) == (start, start + len(phrase))
    assert text[match.start : match.end] == match.count.text == phrase
    assert (match.count.value, match.count.low, match.count.high) == (value, low, high)
    assert match.count.qualifier.value == qualifier


def test_find_counts_offsets() -> None:
    text = "The WHO said 2,110 people were wounded and more than 430 killed since April 4."
    assert _found(text) == [
        (13, 18, "2,110", 2110, "exact"),
        (43, 56, "more than 430", 430, "more_than"),
    ]


def test_find_counts_several_kinds() -> None:
    text = (
        "Tens of thousands fled; at least 21 died in 2019, over 3,400 were hurt, "
        "nearly 500 went missing and between 20 and 30 were detained."
    )
    assert [(m.count.text, m.count.qualifier.value) for m in find_counts(text)] == [
        ("Tens of thousands", "about"),
        ("at least 21", "at_least"),
        ("over 3,400", "more_than"),
        ("nearly 500", "about"),
        ("between 20 and 30", "range"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in 2019",
        "since 2019",
        "April 2019",
        "April 4",
        "4 April",
        "Apr. 4-5",
        "April 4, 2019",
        "the 75-year-old",
        "a man aged 60",
        "he is 60 years old",
        "Resolution 2510",
        "resolution 2510",
        "Resolution 2510 (2020)",
        "No. 5",
        "F-16",
        "F-16s",
        "G20",
        "COVID-19",
        "5+5 Joint Military Commission",
        "40%",
        "40 percent",
        "40 per cent",
        "$40 million",
        "€5",
        "USD 5",
        "40 million dollars",
        "millions of dollars",
        "10:30",
        "at 10 am",
        "0300 GMT",
        "the 4th",
        "the 1990s",
        "a 30-day truce",
        "a 3-2 vote",
        "2015-2019",
        "1.5 times",
        "1,1,1",
        "one of the",
        "no one",
        "one another",
        "several hundred",
        "test scores",
        "2019-04-04",
        "3/4",
    ],
)
def test_find_counts_skips_what_is_not_a_count(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll rose from 20 to 30.", [("20", 20, "exact"), ("30", 30, "exact")]),
        ("One man died.", [("One", 1, "exact")]),
        ("at least one died", [("at least one", 1, "at_least")]),
        ("scores of people", [("scores", 40, "about")]),
        ("five and ten", [("five", 5, "exact"), ("ten", 10, "exact")]),
        ("the 2 leaders", [("2", 2, "exact")]),
        ("the 2020 people", [("2020", 2020, "exact")]),  # a year only after in/since/...
        ("(430)", [("430", 430, "exact")]),
        ("killed 430.", [("430", 430, "exact")]),
        ("a dozen", [("a dozen", 12, "about")]),
    ],
)
def test_find_counts_edges(text: str, expected: list[tuple[str, int, str]]) -> None:
    found = [(m.count.text, m.count.value, m.count.qualifier.value) for m in find_counts(text)]
    assert found == expected


def test_number_match_is_frozen() -> None:
    (match,) = find_counts("430")
    assert match == NumberMatch(0, 3, Count.from_qualifier(430, text="430"))
    with pytest.raises(AttributeError):
        match.start = 1  # type: ignore[misc]


# ---------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "at least", "more than", "between", "and", "to", "-", "–", "1,200", "430", "1.5",
        "million", "m", "a", "dozen", "dozens", "twenty-five", "one", "hundred", "of", "April",
        "4", "2019", "in", "%", "$", ",", ".", " ", "\n", "F-16", "tens of thousands", "aged",
        "Resolution", "years old", "ſ", "K", "\u00a0", "from", "some", "under", "0", "99999999",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(),
    st.lists(_TOKENS, max_size=40).map(" ".join),
    st.lists(_TOKENS, max_size=40).map("".join),
)


@PROPERTY
@given(_TEXTS)
@example("more than 430 people, between 20 and 30")
@example("\ud800 430")
def test_find_counts_never_raises_and_spans_slice(text: str) -> None:
    previous_end = 0
    for match in find_counts(text):
        assert text[match.start : match.end] == match.count.text
        assert previous_end <= match.start < match.end
        previous_end = match.end
        assert Count.model_validate(match.count.model_dump()) == match.count


def _full_scan_counts(text: str) -> list[NumberMatch]:
    """find_counts as it was before it tried the pattern only at tokens: a search at every pos."""
    found: list[NumberMatch] = []
    pos = 0
    while pos < len(text):
        m = number_patterns._COUNT_RE.search(text, pos)
        if m is None:
            break
        match, next_pos = numbers._judge(text, m, context=True)
        if match is not None:
            found.append(match)
        pos = max(next_pos, m.start() + 1)
    return found


# Every phrase the pattern can start with, in odd cases and glued to odd neighbours,
# and the letters IGNORECASE matches to ASCII that str.lower does not ("ſ", "ı", "İ", "K").
_STARTERS = sorted(
    {w for words in number_patterns._QUALIFIERS.values() for w in words}
    | set(number_patterns._VAGUE)
    | set(number_patterns._SMALL + number_patterns._TENS)
    | {"between", "a hundred", "one thousand", "scores of", "a dozen", "two dozen"}
)
_STARTY = st.lists(
    st.one_of(
        _TOKENS,
        st.sampled_from(_STARTERS),
        st.sampled_from(_STARTERS).map(str.upper),
        st.sampled_from(_STARTERS).map(str.title),
        st.sampled_from(
            [
                "ſome",
                "ſcores of",
                "ıt",
                "İn",
                "Kill",
                "_",
                "é",
                "x",
                "7",
                "40",
                "12,000",
                "thousands of dollars",
                "(2020)",
                "no.",
                "3-2",
                "5m",
                "2bn",
                "people",
            ]
        ),
    ),
    max_size=30,
)
_STARTY_TEXTS = st.one_of(_STARTY.map(" ".join), _STARTY.map("".join), st.text(max_size=200))


@pytest.mark.parametrize("starter", _STARTERS)
@pytest.mark.parametrize(
    "template", ["{} 40 people", "x{} 40", "{} people", "{}-five 7", "{} 2 and 30"]
)
def test_token_scan_finds_what_a_full_scan_finds_at_every_first_word(
    starter: str, template: str
) -> None:
    for text in (template.format(starter), template.format(starter.upper())):
        assert find_counts(text) == _full_scan_counts(text)


@PROPERTY
@given(_STARTY_TEXTS)
@example("ſome 40 people")
@example("\u212a between 2 and 3 million; _one 5; ſcores of")
def test_token_scan_finds_what_a_full_scan_finds(text: str) -> None:
    # find_counts tries the pattern only where a number phrase can begin; it must find
    # exactly what searching at every position finds.
    assert find_counts(text) == _full_scan_counts(text)


@PROPERTY
@given(_TEXTS)
def test_parse_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or value >= 0
    count = parse_count(text)
    assert count is None or count.text == text


# ------------------------------------------------------------------- linear time

SIZE = 200_000  # characters; a quadratic pattern would take minutes on these


def test_adversarial_separators() -> None:
    assert find_counts("1," * (SIZE // 2)) == []
    assert find_counts("1." * (SIZE // 2)) == []
    assert parse_count("1," * (SIZE // 2)) is None


def test_adversarial_qualifiers() -> None:
    assert find_counts("at least " * (SIZE // 9)) == []
    assert find_counts("between " * (SIZE // 8)) == []
    text = "at least " * (SIZE // 9) + "5"
    assert [m.count.text for m in find_counts(text)] == ["at least 5"]


def test_adversarial_digits() -> None:
    assert find_counts("7" * SIZE) == []
    assert parse_number("7" * SIZE) is None
    assert find_counts("at" + " " * SIZE + "5") == [
        NumberMatch(SIZE + 2, SIZE + 3, Count.from_qualifier(5, text="5"))
    ]


def test_adversarial_many_counts() -> None:
    unit = "more than 430 people; "
    found = find_counts(unit * (SIZE // len(unit)))
    assert len(found) == SIZE // len(unit)
    assert {m.count.low for m in found} == {431}


def test_folded_letters_are_all_the_non_ascii_letters_ignorecase_reads_as_ascii() -> None:
    folded = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if folded.fullmatch(chr(c))}
    assert found == set(number_patterns._FOLDED_LETTERS)


def _tried_tokens(text: str) -> list[int]:
    """Where find_counts used to try _COUNT_RE: the start tokens it did not skip."""
    return [
        token.start()
        for token in number_patterns._START_TOKEN.finditer(text)
        if token[0].lower() in number_patterns._FIRST_WORDS or not token[0].isascii()
    ]


@PROPERTY
@given(_STARTY_TEXTS)
@example("ſome 40 people; In  SOME\u212a; ſ0ne; _one 5")
@example("Between 2 AND 3, a DOZEN, No fewer than 7: up to 9")
def test_start_scan_tries_the_same_tokens(text: str) -> None:
    # _START finds exactly the tokens the token loop tried, and on an ASCII text so does
    # _START_LOWER on its lower-cased copy (the path find_counts takes there).
    assert [m.start() for m in number_patterns._START.finditer(text)] == _tried_tokens(text)
    if text.isascii():
        lowered = number_patterns._START_LOWER.finditer(text.lower())
        assert [m.start() for m in lowered] == _tried_tokens(text)
