"""Where the institution and coreference patterns of :mod:`~diplodata.extract.actors` match.

Both patterns begin at a few words only, so they are tried there instead of at every character
(``finditer``): :func:`institution_matches` before a body word ("government", "ministry") that
a demonym or a qualifier precedes, :func:`coref_matches` at a pronoun or at a "the" that a role
follows. Each gives exactly what ``finditer`` gives (``tests/test_actors.py`` and
``tests/test_actors_fast.py`` hold them to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplodata.extract.text import _Runs

__all__ = ["COREF", "INSTITUTION", "coref_matches", "institution_matches", "may_end_institution"]

INSTITUTION = re.compile(
    r"\b(?P<the>[Tt]he\s++)?(?P<demonym>[A-Z][a-z]++(?:[- ][A-Z][a-z]++)?)\s++"
    r"(?P<body>presidency|government|foreign ministry|defence ministry|defense ministry|"
    r"health ministry|interior ministry|ministry|army|military|embassy|parliament|cabinet)\b"
)
"""A body of a country named by its demonym: "the French presidency", "Egyptian foreign ministry"."""
_INSTITUTION_WORDS = (
    "presidency", "government", "ministry", "army", "military", "embassy", "parliament", "cabinet"
)  # fmt: skip
"""Every body in :data:`INSTITUTION` ends with one of these words."""
_INSTITUTION_BYTES = frozenset(w.encode() for w in _INSTITUTION_WORDS)
_INSTITUTION_BACK = 4
"""A match of :data:`INSTITUTION` ends with one of :data:`_INSTITUTION_WORDS`, a run of letters,
and starts at one of the four runs before it ("the", two for the demonym, "foreign")."""
COREF = re.compile(
    r"\b(?P<word>(?:[Tt]he\s++(?:U\.N\.\s++|UN\s++|top\s++|eastern\s++|military\s++|special\s++)?"
    r"(?:commander|envoy|president|prime minister|minister|foreign minister|secretary-general|"
    r"chancellor|king|emir|general|marshal|spokesman|spokeswoman|official|"
    r"ministry|agency|organisation|organization|mission|government|army|group|body|office)"
    r"|[Tt]he\s++(?P<dem>[A-Z][a-z]++)\s++(?P<drole>leader|president|prime minister|"
    r"foreign minister|chancellor|king|emir|commander))"
    r"|[Hh]is\s++office|[Hh]er\s++office|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b"
)
"""A role noun ("the commander", "the U.N. envoy", "the Egyptian leader") or a pronoun ("he",
"him", "his office")."""
_PRONOUNS = frozenset((b"his", b"her", b"he", b"she", b"him"))
"""A match of :data:`COREF` starts at one of these words (case aside), or at "the"."""
_THE_ROLE = re.compile(
    rb"the(?<![a-z]the)(?: +(?:(?:u n|un|top|eastern|military|special) +)?"
    rb"(?:commander|envoy|president|prime minister|minister|foreign minister|secretary general|"
    rb"chancellor|king|emir|general|marshal|spokesman|spokeswoman|official|"
    rb"ministry|agency|organisation|organization|mission|government|army|group|body|office)"
    rb"(?![a-z])|(?= +(?!the )[a-z]+ +(?:leader|president|prime minister|foreign minister|"
    rb"chancellor|king|emir|commander)(?![a-z])))"
)
"""What a match of :data:`COREF` that begins with "the" leaves in the runs of letters (every
other character a space, case aside): "the", a modifier, a role; or "the", a demonym, a role
(only "the" is taken then, the rest looked ahead: a match taken whole holds no other "the").
Most "the" are followed by neither, so the pattern is tried only where this finds one; it
begins with the literal "the", which the engine looks for fast, and checks the letter before
only there."""
_QUALIFIERS = frozenset((b"foreign", b"defence", b"defense", b"health", b"interior"))
"""The words before "ministry" in a body of :data:`INSTITUTION` ("foreign ministry")."""


def may_end_institution(norm: str, runs: _Runs, body: int) -> bool:
    """Whether a match of :data:`INSTITUTION` can end with the body word at ``body``.

    The body word is in lower case, and before it stands white space, then the demonym, whose
    last word is a capital and lower-case letters (a run of letters of its own: a space, a
    hyphen or the start of the match stands before it), or a qualifier of "ministry". Where
    the run of letters before the body is neither, no match ends here; a match that begins at
    one of the runs before this body ends at another body, whose own runs before it hold that
    start, so dropping this body's runs loses no match.
    """
    j = body - 1
    # Every body is written in lower case (its first letter is found case aside).
    if j < 0 or not norm[j].isspace() or not "a" <= norm[body] <= "z":
        return False
    while j >= 0 and norm[j].isspace():
        j -= 1
    if j < 0 or not "a" <= norm[j] <= "z":
        return False
    start = runs.runs.rfind(b" ", 0, j) + 1
    return "A" <= norm[start] <= "Z" or runs.runs[start : j + 1] in _QUALIFIERS


def institution_matches(norm: str, runs: _Runs) -> Iterator[re.Match[str]]:
    """The matches of :data:`INSTITUTION`, as ``finditer`` finds them, tried only where one can start.

    A match ends with a body word and starts at one of the :data:`_INSTITUTION_BACK` runs of
    letters before it, so those are the only places tried, left to right.
    """
    bodies = [b for b in runs.where(_INSTITUTION_BYTES) if may_end_institution(norm, runs, b)]
    if not bodies:
        return
    starts = sorted(
        {r.start() for body in bodies for r in runs.before(body, _INSTITUTION_BACK)[:-1]}
    )
    last_end = 0
    for at in starts:
        # A match begins with "the" or a capital (of "The" or of the demonym).
        if at < last_end or not ("A" <= norm[at] <= "Z" or norm[at] == "t"):
            continue
        x = INSTITUTION.match(norm, at)
        if x is not None:
            last_end = x.end()
            yield x


def coref_matches(norm: str, runs: _Runs) -> Iterator[re.Match[str]]:
    """The matches of :data:`COREF`, as ``finditer`` finds them, tried only where one can start."""
    starts = runs.where(_PRONOUNS)
    the_roles = [m.start() for m in _THE_ROLE.finditer(runs.runs)]
    if the_roles:
        starts = sorted(starts + the_roles)
    last_end = 0
    for at in starts:
        if at < last_end:
            continue
        x = COREF.match(norm, at)
        if x is not None:
            last_end = x.end()
            yield x
