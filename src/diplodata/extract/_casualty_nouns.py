"""The phrases a casualty figure can count (:mod:`~diplodata.extract.casualties`).

A number phrase found by :func:`~diplodata.extract.numbers.find_counts`, or a singular
noun phrase that counts one person ("a man", "the victim", "him"), found only near the
head nouns the letter runs of the text hold (:func:`_noun_phrases`); and the lower-cased
text the casualty patterns' cheap tests read (:func:`_lowered`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from diplodata.extract._casualty_patterns import (
    _LOWER_LETTERS,
    _NOUN_PHRASE,
    _NOUN_PHRASE_WORDS,
    _ODD_LETTERS,
)
from diplodata.extract._fast import fast_init
from diplodata.extract.numbers import NumberMatch, count_from_qualifier
from diplodata.extract.text import _Runs

_NOUN_PHRASE_BYTES = frozenset(w.encode() for w in _NOUN_PHRASE_WORDS)
_DETERMINER = re.compile(rb"(?<![a-z])(?:the|an?|one|another|his|her|their|him)(?![a-z])")
"""In the runs of letters: a word a match of _NOUN_PHRASE starts with (see _near_heads)."""
_TOKEN = re.compile(r"\S++")
"""A token of non-space: a describing word of a noun phrase is one (see _near_heads)."""


@fast_init
@dataclass(frozen=True, slots=True)
class _Phrase:
    """A number phrase, or a singular noun phrase that counts one person ("a man")."""

    number: NumberMatch
    person: str | None = None  # the head noun of a noun phrase
    definite: bool = False  # "the victim", "him": may repeat someone already counted

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def end(self) -> int:
        return self.number.end


def _lowered(norm: str) -> str | None:
    """``norm`` in lower case, if it lines up with ``norm`` for the IGNORECASE patterns.

    That is, if every letter an IGNORECASE ``[a-z]`` matches in ``norm`` is, at the same
    offset, its ASCII lower-case letter here; ``None`` for the few texts where it is not
    (a dotted or dotless i, a long s). A literal word an IGNORECASE pattern matches in
    ``norm`` is then found in lower case at the same offsets, so a search in this string
    is a cheap test of whether the pattern can match at all.
    """
    lower = norm.lower()
    if len(lower) != len(norm) or any(c in norm for c in _ODD_LETTERS):
        return None
    return lower


def _noun_phrases(
    norm: str,
    lower: str | None,
    sentences: list[tuple[int, int]],
    counts: list[NumberMatch],
    runs: _Runs | None = None,
) -> list[_Phrase]:
    """Singular noun phrases naming one person that no number phrase overlaps.

    ``runs`` are the runs of letters of ``norm`` (:attr:`.Text.runs`), if made: where
    ``lower`` is made, they are its words (see below), found faster.
    """
    starts = [c.start for c in counts]
    found: list[_Phrase] = []
    # No head noun (nor "him"/"her") among a sentence's words: no noun phrase there. Same
    # matches, several times faster than trying the pattern at every "a" and "the".
    if runs is not None and lower is not None and "\u212a" not in norm:
        # The runs of letters of ``runs`` are those of ``lower`` at the same offsets: a
        # character outside ASCII is a space in both (the Kelvin sign aside, which lower()
        # turns into "k"; _lowered has refused the others that lower-case to ASCII). Each
        # match ends with its head noun (or is "him"/"her"), one of those runs.
        heads = runs.where(_NOUN_PHRASE_BYTES)
        letters = runs.runs
        matches = [
            m
            for sentence in _sentences_holding(sentences, heads)
            for m in _near_heads(norm, letters, sentence, heads)
        ]
    else:
        matches = [
            m
            for s, e in sentences
            if lower is None
            or not _NOUN_PHRASE_WORDS.isdisjoint(_LOWER_LETTERS.findall(lower, s, e))
            for m in _NOUN_PHRASE.finditer(norm, s, e)
        ]
    for m in matches:
        i = bisect_left(starts, m.end())
        if i > 0 and counts[i - 1].end > m.start():
            continue  # "more than a dozen" is a number phrase already
        text = m.group()
        number = NumberMatch(m.start(), m.end(), count_from_qualifier(1, "exact", text))
        if m.group("pronoun"):
            found.append(_Phrase(number, None, definite=True))
        else:
            found.append(_Phrase(number, m.group("head"), definite=bool(m.group("definite"))))
    return found


def _near_heads(
    norm: str, letters: bytes, sentence: tuple[int, int], heads: list[int]
) -> list[re.Match[str]]:
    """``list(_NOUN_PHRASE.finditer(norm, *sentence))``, tried only where a match can start.

    ``letters`` are the runs of letters of ``norm`` (:attr:`._Runs.runs`, lower case) and
    ``heads`` the sorted starts of every head noun (and "him", "her") among them. A match
    starts with a determiner ("a", "the", "his", ... or the pronoun) and ends with a head
    noun; between them are at most three describing words, white space around each, and
    each a whole token of non-space. So a match starts within the five tokens before the
    first head after its start: the pattern is tried, in order, at each determiner that
    close to the next head, which gives the matches ``finditer`` gives.
    """
    s, e = sentence
    found: list[re.Match[str]] = []
    pos = s  # where finditer would go on
    for k in range(bisect_left(heads, s), bisect_left(heads, e)):
        head = heads[k]
        if head < pos:
            continue  # inside the last match
        tokens = list(_TOKEN.finditer(norm, max(pos, head - 120), head))
        # The fifth token back, if whole (not the first of the window, which may be cut).
        reach = tokens[-5].start() if len(tokens) >= 6 else pos
        for det in _DETERMINER.finditer(letters, reach, min(e, head + 8)):
            if det.start() > head:
                break
            m = _NOUN_PHRASE.match(norm, det.start(), e)
            if m is not None:
                found.append(m)
                pos = m.end()
                break
    return found


def _sentences_holding(sentences: list[tuple[int, int]], at: list[int]) -> list[tuple[int, int]]:
    """The sentences (in order, each once) within which one of the sorted offsets ``at`` lies.

    A run of letters never straddles a sentence's edge (a sentence starts after white space
    and ends before it), so the sentences holding the start of a run hold the whole run.

    Examples
    --------
    >>> _sentences_holding([(0, 5), (7, 12), (14, 20)], [1, 3, 15])
    [(0, 5), (14, 20)]
    """
    if not at:
        return []
    firsts = [s for s, _ in sentences]
    held: list[tuple[int, int]] = []
    for pos in at:
        i = bisect_right(firsts, pos) - 1
        if i >= 0 and pos < sentences[i][1] and (not held or held[-1] != sentences[i]):
            held.append(sentences[i])
    return held
