"""Speed-ups of the groundwork (sentences, counts, dates) and of the casualty reader, each
held to the plain form it replaced (see test_extract_fast_paths for the style).

Each test runs the faster form and the plain one on synthetic text built from the words
the shortcut cares about (and on arbitrary text) and asserts the same result.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _date_patterns as date_patterns
from diplodata.extract import _number_patterns as number_patterns

# ------------------------------------------------------- token scans without look-behind

_SCAN_PIECES = [
    "a", "A", "an", "as", "at", "in", "no", "not", "up", "upwards", "close", "minimum",
    "hundred", "thousand", "million", "dozen", "dozens", "estimated", "many", "least",
    "excess", "fewer", "more", "than", "to", "of", "one", "two", "twenty", "some", "about",
    "between", "and", "5", "1,200", "3.5", "x", "é", "on", "the", "The", "April", "Mon",
    "day", "same", "week", "weekend", "4th", "19", "2019", "since", "early", "mid", "ago",
]  # fmt: skip
_SCAN_JOINERS = ["", " ", "  ", "\n", ", ", "-", ".", "$", "(", "_", "'", "+", "/", "#"]
_scan_texts = st.lists(
    st.tuples(st.sampled_from(_SCAN_PIECES), st.sampled_from(_SCAN_JOINERS)), max_size=14
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=800, deadline=None)
@given(st.one_of(_scan_texts, st.text(alphabet=" a5n.-$,in\n_the", max_size=40)))
def test_gated_number_scan_finds_the_look_behind_tokens(text: str) -> None:
    lower = text.lower()
    plain = [m.start() for m in number_patterns._START_GATED.finditer(lower)]
    assert number_patterns.gated_starts(lower) == plain


@settings(max_examples=800, deadline=None)
@given(st.one_of(_scan_texts, st.text(alphabet=" a5n.-$,in\n_theAprilo", max_size=40)))
def test_lower_date_scan_finds_the_look_behind_tokens(text: str) -> None:
    lower = text.lower()
    plain = [m.start() for m in date_patterns._START_LOWER.finditer(lower)]
    scanned = [m.start() for m in date_patterns._START_LOWER_SCAN.finditer(" " + lower)]
    assert scanned == plain
