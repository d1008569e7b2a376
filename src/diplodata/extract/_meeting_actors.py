"""Who meets: reading the actors around a meeting anchor (:mod:`~diplodata.extract.meetings`).

Actor keys, the mentions of a sentence, the subject and the actors coordinated with it,
the object of a verb, the clause that holds an anchor, a country named as subject.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from diplodata.countries import countries
from diplodata.extract._meeting_patterns import (
    _AFTER_COORD_VERB,
    _APPOS,
    _BOUNDARY,
    _COORD,
    _OWNED,
    _POSSESSIVE_APPOS,
    _STATE_LEAD,
)
from diplodata.extract.actors import ActorMention
from diplodata.extract.gazetteer import fold
from diplodata.models import (
    Actor,
    ActorKind,
)

_BY_START = attrgetter("start")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for c in countries():
        for name in (c.name, *c.aliases):
            index.setdefault(fold(name), (c.name, c.alpha3))
    return index


# ---------------------------------------------------------------------------- helpers


def _clip(mentions: list[ActorMention], s: int, e: int) -> list[ActorMention]:
    """The mentions that overlap the sentence, cut to it (a title can run across a paragraph)."""
    out = []
    for m in mentions:
        if m.end <= s or m.start >= e:
            continue
        if m.start < s or m.end > e:
            a, b = max(m.start, s), min(m.end, e)
            m = replace(m, start=a, end=b, text=m.text[a - m.start : b - m.start])
        out.append(m)
    return out


def _at(mentions: list[ActorMention], pos: int, slack: int = 0) -> ActorMention | None:
    for m in mentions:
        if pos <= m.start <= pos + slack:
            return m
        if m.start > pos + slack:
            break
    return None


def _chain(
    norm: str,
    mentions: list[ActorMention],
    first: ActorMention,
    limit: int,
    *,
    objects: bool = True,
) -> list[ActorMention]:
    """``first`` and the actors coordinated with it ("A, B and C"), skipping appositives."""
    out = [first]
    pos = first.end
    for _ in range(40):
        if pos >= limit:
            break
        appos = _APPOS.match(norm, pos, limit)
        at = appos.end() if appos else pos
        coord = _COORD.match(norm, at, limit)
        if coord is None:
            break
        nxt = _at(mentions, coord.end())
        if nxt is None or nxt.end > limit or nxt.start != coord.end():
            break
        if norm.startswith(("'s", "’s"), nxt.end) or _is_possessive(nxt):
            owned = _owned(norm, mentions, nxt, limit)
            if owned is None:
                break
            nxt = owned
        if objects and _AFTER_COORD_VERB.match(norm, nxt.end, limit):
            break
        out.append(nxt)
        pos = nxt.end
    return out


def _object(norm: str, mentions: list[ActorMention], pos: int, limit: int) -> ActorMention | None:
    """The actor right at ``pos`` ("met Y"), or the one in apposition to a possessive ("met X's rival, Y")."""
    m = _at(mentions, pos)
    if m is None or m.end > limit:
        return None
    poss = _POSSESSIVE_APPOS.match(norm, m.end, limit)
    if poss is not None:
        return _at(mentions, poss.end())
    if norm.startswith(("'s", "’s"), m.end):
        return _owned(norm, mentions, m, limit)
    return m


def _owned(
    norm: str, mentions: list[ActorMention], owner: ActorMention, limit: int
) -> ActorMention | None:
    """The actor an owner is the possessor of, named next with its title or in apposition.

    "Libya's eastern commander Khalifa Haftar", "Haftar's rival, Fayez al-Sarraj",
    "her foreign minister, Heiko Maas": the next mention, where only a few words (no
    preposition, conjunction or verb) or an apposition stand between.
    """
    nxt = next((x for x in mentions if x.start >= owner.end), None)
    if nxt is None or nxt.end > limit or nxt.start - owner.end > 80:
        return None
    gap = _OWNED.match(norm, owner.end, nxt.start)
    if gap is None or gap.end() != nxt.start:
        return None
    return nxt


_NEAR = 80
"""How far before an anchor the last clause boundary is looked for first."""


def _clause_start(norm: str, s: int, anchor: int) -> tuple[int, str | None]:
    """Start of the clause holding the anchor, and the boundary word before it.

    The last boundary is looked for in the :data:`_NEAR` characters before the anchor
    first. Where one is found there that is no dash, it is the last of the whole stretch
    as well: only two dashes (" - - ") can be boundaries that overlap, so a scan from
    anywhere before finds it too, and nothing after it. Else the stretch is scanned.
    """
    lo = max(s, anchor - 400)
    last = None
    if anchor - _NEAR > lo:
        near = deque(_BOUNDARY.finditer(norm, anchor - _NEAR, anchor), maxlen=1)
        if near and not near[0].group()[0].isspace():
            last = near[0]
    if last is None:
        found = deque(_BOUNDARY.finditer(norm, lo, anchor), maxlen=1)  # the last, read in C
        last = found[0] if found else None
    if last is None:
        return lo, None
    return last.end(), last.group().strip().lower()


def _first_in(norm: str, mentions: list[ActorMention], a: int, b: int) -> ActorMention | None:
    """The first actor of a span that is not a possessive ("Haftar's offensive")."""
    for m in mentions:
        if a <= m.start and m.end <= b and not norm.startswith(("'s", "’s"), m.end):
            return m
    return None


def _state_subject(norm: str, a: int, b: int) -> ActorMention | None:
    """A country named as the subject ("Germany has offered to host")."""
    clause = norm[a:b]
    m = _STATE_LEAD.match(clause)
    if m is None:
        return None
    found = _country_names().get(fold(m.group("c")))
    if found is None:
        return None
    name, code = found
    start, end = a + m.start("c"), a + m.end("c")
    actor = Actor(id=None, name=name, kind=ActorKind.STATE, country=code)
    return ActorMention(start, end, norm[start:end], actor, "gazetteer")


def _is_pronoun(m: ActorMention) -> bool:
    return m.how == "coreference" and m.text.lower() in ("he", "she", "his", "her", "him")


def _is_possessive(m: ActorMention) -> bool:
    """'his', 'her' before what they own ("Merkel and her foreign minister, Heiko Maas")."""
    return m.how == "coreference" and m.text.lower() in ("his", "her")


def _dedupe(people: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in people:
        k = m.actor.key
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out


def _leaders(
    norm: str, sentences: list[tuple[int, int]], actors: list[ActorMention], s: int
) -> list[ActorMention]:
    """The people who lead the sentences before ``s`` ("the two leaders" then met).

    The first person named (not as an owner: "Sarraj's forces") in each of the three
    sentences before, the nearest first, until two differ; fewer than two give none.
    """
    i = bisect_left(sentences, (s, s))
    found: list[ActorMention] = []
    for a, b in reversed(sentences[max(0, i - 3) : i]):
        lo = bisect_left(actors, a, key=_BY_START)
        for m in actors[lo:]:
            if m.start >= b:
                break
            if m.actor.kind is not ActorKind.PERSON or norm.startswith(("'s", "’s"), m.end):
                continue
            if all(m.actor.key != f.actor.key for f in found):
                found.append(m)
            break
        if len(found) == 2:
            return found[::-1]
    return []
