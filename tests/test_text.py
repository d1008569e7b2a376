"""Normalised text with an offset map, and sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract.text import MAX_QUOTE, Text, normalise, split_sentences


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("“halt”", '"halt"'),
        ("‘yes’", "'yes'"),
        ("a – b — c", "a - b - c"),
        ("10\u00a0km", "10 km"),
        ("line\r\nnext", "line \nnext"),
        ("tab\there", "tab here"),
    ],
)
def test_one_for_one_replacements_keep_offsets(raw: str, norm: str) -> None:
    out, mapping = normalise(raw)
    assert out == norm
    assert mapping is None
    assert len(out) == len(raw)


def test_invisible_characters_are_removed_and_mapped_back() -> None:
    raw = "Haf\u00adtar met Ser\u200braj."
    t = Text(raw)
    assert t.norm == "Haftar met Serraj."
    start = t.norm.index("Serraj")
    a, b = t.span(start, start + len("Serraj"))
    assert raw[a:b] == "Ser\u200braj"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.N. envoy met Gen. Haftar on Jan. 4. He left.",
            ["The U.N. envoy met Gen. Haftar on Jan. 4.", "He left."],
        ),
        (
            "The U.S. Embassy said 1.2 million fled. Others stayed.",
            ["The U.S. Embassy said 1.2 million fled.", "Others stayed."],
        ),
        (
            "K. Haftar spoke. Then Mr. Salame replied.",
            ["K. Haftar spoke.", "Then Mr. Salame replied."],
        ),
        (
            '"We will not stop. Tripoli will be ours," he said. Later he left.',
            ['"We will not stop. Tripoli will be ours," he said.', "Later he left."],
        ),
        ("Is it over? No! It goes on.", ["Is it over?", "No!", "It goes on."]),
        ("Heading\n\nBody text here.", ["Heading", "Body text here."]),
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_an_unclosed_quote_does_not_swallow_the_article() -> None:
    text = '"An unclosed quote. ' + "More words here. " * (MAX_QUOTE // 10) + "The end."
    sentences = split_sentences(text)
    assert len(sentences) > 5
    assert text[sentences[-1][0] : sentences[-1][1]] == "The end."


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_always_map_back_into_the_original(raw: str) -> None:
    t = Text(raw)
    for s, e in t.sentences:
        a, b = t.span(s, e)
        assert 0 <= a <= b <= len(raw)
        assert normalise(raw[a:b])[0] == t.norm[s:e]
