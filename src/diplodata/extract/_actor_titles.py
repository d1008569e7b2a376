"""Title patterns: people introduced by their title ("Italian Prime Minister Giuseppe Conte").

:data:`PERSON` matches an optional run of pre-words (a demonym, "U.N.", "eastern"), a title
from :data:`TITLES` in any case, and a capitalised name of up to four words.
:func:`person_matches` finds its matches as ``finditer`` would, trying the pattern only near a
title word.

The titles are matched case-insensitively, but not with ``(?i:...)``: under that flag every
alternative of the title alternation begins with a case-folding literal, which the regular
expression engine cannot rule out by peeking at one character, so all 70 titles were tried in
turn wherever a title could stand. :func:`caseless_trie` writes the same alternation as a trie
of explicit character classes (``[Pp][Rr](?:[Ii...]...)``): the engine then skips every branch
whose first class does not hold the next character, and the matches are the same (see the
function).
"""

from __future__ import annotations

import re

from diplodata.extract.text import _Runs

__all__ = ["PERSON", "TITLES", "TITLE_RUNS", "caseless_trie", "person_matches"]

# Titles that introduce a person, longest first. Lower-case forms are matched case-insensitively
# on their first letter ("envoy" and "Envoy").
TITLES = sorted(
    """
    prime minister|deputy prime minister|foreign minister|defence minister|defense minister|
    interior minister|health minister|oil minister|finance minister|minister|
    president|vice president|vice-president|secretary-general|secretary general|
    secretary of state|secretary|chancellor|king|queen|emir|crown prince|sheikh|
    field marshal|marshal|general|gen.|lieutenant general|lt. gen.|major general|colonel|col.|
    commander|military commander|strongman|warlord|envoy|special envoy|special representative|
    ambassador|spokesman|spokeswoman|spokesperson|chief|head|leader|speaker|
    director-general|director general|director|coordinator|high commissioner|
    senator|governor|mayor|official|adviser|advisor|negotiator|representative
    """.replace("\n", "").split("|"),
    key=len,
    reverse=True,
)
_TITLE_WORDS = [t.strip() for t in TITLES if t.strip()]
"""The titles without the indentation the list above keeps (it sorted them by their padded
length; a title that begins another, "secretary" of "secretary general", still comes later)."""

CASE_PARTNERS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""Characters outside ASCII that ``re.IGNORECASE`` takes for an ASCII letter ("İ" and "ı" for
"i", the Kelvin sign for "k", the long s for "s"); every other ASCII letter matches only its two
cases (``tests/test_actors_fast.py`` checks this over every code point)."""


def _caseless(char: str) -> str:
    """A pattern for ``char`` that matches what ``(?i:char)`` matches, case-sensitively."""
    if "a" <= char <= "z":
        return f"[{char.upper()}{char}{CASE_PARTNERS.get(char, '')}]"
    return re.escape(char)


def caseless_trie(words: list[str]) -> str:
    r"""``(?i:w1|w2|...)`` for lower-case ASCII ``words``, written as a trie of character classes.

    The same strings match, and the same alternative is taken first: the alternatives that
    share a first character keep their order under it, and those with another first character
    cannot match where they do (no two distinct characters of lower-case ASCII are equal
    case aside), so their relative order does not matter. A word that is a prefix of others
    (it ends at a node of the trie) is tried after them, as in ``words``, which must hold
    longer words first where one is a prefix of another (as the titles, longest first, do).

    Examples
    --------
    >>> caseless_trie(["general", "gen.", "head"])
    '(?:[Gg][Ee][Nn](?:[Ee][Rr][Aa][Ll]|\\.)|[Hh][Ee][Aa][Dd])'
    """
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    parts = [_caseless(first) + caseless_trie(rest) for first, rest in groups.items()]
    if ends:
        parts.append("")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


_PARTICLE = r"(?:(?:al|el|bin|ibn|abu|abdel|abdul|de|von)[- ])?"
_NAME = _PARTICLE + r"[A-Z][\w'\-]*+"
_GAP = r"(?:[^\S\n]|\n(?![^\S\n]*+\n))++"
"""White space that does not cross a paragraph break."""
_PRE_WORDS = ("eastern", "western", "southern", "northern", "former", "acting", "top", "senior",
              "rival", "renegade")  # fmt: skip
"""Lower-case words that can stand before a title ("eastern Libyan commander")."""
PERSON = re.compile(
    rf"(?<![A-Za-z])(?P<pre>(?:U\.[A-Z]\.|[A-Z][A-Za-z\-]*+|{'|'.join(_PRE_WORDS)}){_GAP}){{0,3}}?"
    rf"(?P<title>{caseless_trie(_TITLE_WORDS)}){_GAP}"
    rf"(?P<name>{_NAME}(?:{_GAP}{_NAME}){{0,3}})"
)
"""Pre-words (lazily, up to three), a title in any case, and a name of up to four words."""
_TITLE_FIRST = frozenset(re.split(r"[ .\-]", t)[0].lower() for t in _TITLE_WORDS)
"""The first word of every title: only where one stands can a title pattern match."""
_LOWER_STARTS = _TITLE_FIRST | frozenset(_PRE_WORDS)
"""The only lower-case words at which a title pattern can start (a pre-word or a title)."""
_TITLE_FIRST_BYTES = frozenset(w.encode() for w in _TITLE_FIRST)
_LOWER_STARTS_BYTES = frozenset(w.encode() for w in _LOWER_STARTS)
TITLE_RUNS = max(len(re.findall(r"[A-Za-z]+", t)) for t in _TITLE_WORDS)
"""The most runs of letters a title spans ("deputy prime minister", "secretary of state")."""
_TITLE_THEN_NAME = re.compile(rf"(?:{caseless_trie(_TITLE_WORDS)}){_GAP}{_PARTICLE}[A-Z]")
"""A title, then the start of a name (up to its capital): how every match of :data:`PERSON`
goes on from where its title begins."""
_BACK = 6
"""How many words before a title a match can start ("U.N." is two words, pre-words are up to 3)."""


def person_matches(norm: str, runs: _Runs | None = None) -> list[re.Match[str]]:
    """The matches of :data:`PERSON`, as ``finditer`` finds them, tried only near a title word.

    Equivalent to ``list(PERSON.finditer(norm))`` (``tests/test_actors.py`` checks it), and
    much faster: the pattern is tried at the few words that can start a match instead of at
    every character. A match has a title, whose first word is a run of letters (case aside)
    in :data:`_TITLE_FIRST`; it starts at that word or at one of the :data:`_BACK` runs of
    letters before it. ``runs`` are those of ``norm``, if already made.
    """
    if runs is None:
        runs = _Runs(norm)
    found: list[re.Match[str]] = []
    last_end = 0
    # In ASCII text a match found at a title word has its title there (one with an earlier
    # title was found, or ruled out, at that title) or later (this word is then a capitalised
    # pre-word, and the later title, whose six runs before it hold the start, finds the same
    # match). Where no title and name can follow from this word, it can be skipped.
    is_ascii = norm.isascii()
    near = _TITLE_THEN_NAME.match if is_ascii else None
    for title in runs.where(_TITLE_FIRST_BYTES):
        if title < last_end or (near is not None and near(norm, title) is None):
            continue
        for run in runs.before(title, _BACK):
            start = run.start()
            if start < last_end:
                continue
            # A match starts with "U.", a capital, a pre-word or a title (the title word
            # itself is always tried; its run is cut short after one letter here).
            # Case-insensitive matching folds some non-ASCII letters ("ı" is "i"), so a word
            # followed by a character outside ASCII is always tried.
            if (
                start != title
                and norm[start] > "Z"
                and run.group() not in _LOWER_STARTS_BYTES
                and (is_ascii or norm[run.end() : run.end() + 1].isascii())
            ):
                continue
            match = PERSON.match(norm, start)
            if match is not None:
                found.append(match)
                last_end = match.end()
                break
    return found
