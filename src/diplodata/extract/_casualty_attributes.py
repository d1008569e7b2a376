"""The attributes of a casualty figure (:mod:`~diplodata.extract.casualties`).

The population a word names, the body the sentence credits with the figure, and
whether a date is the report's dateline rather than the event's.
"""

from __future__ import annotations

from bisect import bisect_left

from diplodata.extract._casualty_patterns import (
    _DATELINE,
    _POPULATION,
    _REPORTER_KINDS,
    _SAYS_AFTER,
    _SAYS_BEFORE,
)
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.models import Actor


def _population(word: str | None) -> str | None:
    return None if word is None else _POPULATION.get(word.lower())


def _reporter(
    norm: str, sentence: tuple[int, int], actors: list[ActorMention]
) -> tuple[Actor | None, tuple[int, int] | None, str | None]:
    """The actor the sentence credits with the figure, its span, and the attribution phrase."""
    s, e = sentence
    lo = bisect_left(actors, s, key=lambda m: m.start)
    hi = bisect_left(actors, e, key=lambda m: m.start)
    candidates = [m for m in actors[lo:hi] if m.end <= e and m.actor.kind in _REPORTER_KINDS]
    for m in candidates:
        after = norm[m.end : min(e, m.end + 40)]
        before = norm[max(s, m.start - 40) : m.start]
        says_after = _SAYS_AFTER.match(after)
        says_before = _SAYS_BEFORE.search(before)
        if says_after or says_before:
            if says_before:
                start = m.start - (len(before) - says_before.start())
                phrase = norm[start : m.end]
            else:
                assert says_after is not None
                phrase = norm[m.start : m.end + says_after.end()]
            return m.actor, (m.start, m.end), phrase.strip(" ,")
    return None, None, None


def _dateline(norm: str, date: DateMatch) -> bool:
    """A date in the dateline ("TRIPOLI, April 11 (Reuters) -") dates the report, not the event."""
    return (
        date.start < 60
        and norm.find("\n", 0, date.start) == -1
        and _DATELINE.match(norm, date.end) is not None
    )
