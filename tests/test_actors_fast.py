"""Fast paths of the actor pass held to the plain forms they replace.

Each shortcut (a pattern rewritten for speed, a gate, a scan that skips text) is run beside
the plain form on synthetic text built from the words it cares about, and must give the same
result.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _actor_titles as titles

# ---------------------------------------------------------------------- titles

_PLAIN_TITLE = "|".join(re.escape(t.strip()) for t in titles.TITLES if t.strip())
_PLAIN_PERSON = re.compile(
    titles.PERSON.pattern.replace(titles.caseless_trie(titles._TITLE_WORDS), f"(?i:{_PLAIN_TITLE})")
)
""":data:`~diplodata.extract._actor_titles.PERSON` as it was written: the titles as one
case-insensitive alternation, longest first."""


def test_the_plain_person_pattern_is_the_old_one() -> None:
    assert _PLAIN_PERSON.pattern != titles.PERSON.pattern
    assert f"(?P<title>(?i:{_PLAIN_TITLE}))" in _PLAIN_PERSON.pattern
    assert f"|{re.escape('secretary general')}|" in _PLAIN_TITLE and _PLAIN_TITLE.endswith(
        "|gen\\.|col\\.|head"
    )


def test_case_partners_are_what_ignorecase_matches() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = set(re.findall(f"(?i:{letter})", every))
        assert matched == {letter, letter.upper(), *titles.CASE_PARTNERS.get(letter, "")}
        assert set(re.findall(titles._caseless(letter), every)) == matched
    for other in " .-":
        assert re.findall(f"(?i:{re.escape(other)})", every) == [other]


def test_a_caseless_trie_matches_what_the_alternation_matches() -> None:
    words = ["secretary general", "secretary", "gen.", "general", "sec", "king", "kin"]
    trie = re.compile(titles.caseless_trie(words))
    plain = re.compile("(?i:" + "|".join(map(re.escape, words)) + ")")
    for text in ["Secretary General", "SECRETARY-general", "gen.", "GENERAL", "kinG", "\u212aIN",
                 "ſecretary", "secr", "x", "", "kıng", "Kİng"]:  # fmt: skip
        for end in range(len(text) + 1):
            t = text[:end]
            a, b = trie.match(t), plain.match(t)
            assert (a and a.group()) == (b and b.group())


_OTHER_WORDS = [
    "U.N.", "eastern", "Libyan", "the", "al-Sarraj", "al", "Conte", "Haftar", "said", "\u0130",
    "\u0131", "\u212a", "\u017f", "é", "K\u0131ng", "\u017fpeaker", "x", "5", "_",
]  # fmt: skip
_TITLE_TEXT = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(titles._TITLE_WORDS),
            st.sampled_from(titles._TITLE_WORDS).map(str.upper),
            st.sampled_from(titles._TITLE_WORDS).map(str.title),
            st.sampled_from(_OTHER_WORDS),
        ),
        st.sampled_from([" ", "  ", "\n", "\n\n", ", ", "-", ""]),
    ),
    max_size=16,
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TITLE_TEXT, st.text(max_size=80)))
def test_the_title_trie_matches_where_the_alternation_matches(text: str) -> None:
    for at in range(len(text) + 1):
        a, b = titles.PERSON.match(text, at), _PLAIN_PERSON.match(text, at)
        assert (a and a.span()) == (b and b.span())
        if a is not None and b is not None:
            assert a.groupdict() == b.groupdict()
