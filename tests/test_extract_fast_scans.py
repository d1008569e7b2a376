"""More speed-ups of extraction held to the plain forms they replaced (see test_extract_fast_paths).

Each test runs a faster scan and the plain one it stands for on synthetic text built
from the words the scan cares about (place names and their joiners, ...) and asserts
the same result.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import places

# --------------------------------------------------------------------------- places

_PLACE_WORDS = [
    "Paris", "paris", "Tripoli", "Tripolitania", "Elysee", "Palace", "Palazzo", "Chigi", "the",
    "The", "al", "Al", "el", "Kufra", "Rajma", "Abu", "Dhabi", "United", "Arab", "Emirates",
    "New", "York", "Sirte", "Libya", "LIBYA", "in", "x", "2019", "B_2", "Élysée", "Moscow",
]  # fmt: skip
_JOINERS = [" ", "  ", "-", " - ", ".", ". ", "'", "’", ", ", "_", "\n", "", "--"]
_place_texts = st.lists(
    st.tuples(st.sampled_from(_PLACE_WORDS), st.sampled_from(_JOINERS)), max_size=16
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=600, deadline=None)
@given(_place_texts, st.integers(0, 40), st.integers(0, 200))
def test_ascii_place_scan_finds_what_the_token_scan_finds(text: str, pos: int, end: int) -> None:
    endpos = min(len(text), pos + end)
    assert places.find_places(text, pos, endpos) == places._find_places_plain(text, pos, endpos)
    assert places.find_places(text) == places._find_places_plain(text)


def test_place_first_words_are_the_heads_of_every_name() -> None:
    assert {k.split()[0] for k in places._index()} == places._first_words()
    assert "abu" in places._first_words() and "dhabi" not in places._first_words()
