"""Speakers and addressees for the statement extractor (:mod:`~diplodata.extract.statements`).

The actor mention that governs a speech verb from its left (``X said``, ``X, the UN
envoy, said``, ``X's spokesman said``) or its right (``said X``), a surname of a person
named earlier, a country named right before the verb, the actor that opens a sentence,
and the addressee named inside an appeal; offices and spokespeople are actors of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from diplodata.countries import country as country_record
from diplodata.countries import lookup as country_lookup
from diplodata.extract._statement_fast import _APPEAL_TO_FAST
from diplodata.extract._statement_patterns import (
    _AGENT_BEFORE,
    _COUNTRY_BEFORE,
    _DATE_TOKEN,
    _GAP_AGENT,
    _GAP_APPOSITION,
    _GAP_COMMA,
    _GAP_PLAIN,
    _GAP_RELATIVE,
    _GAP_SPOKES,
    _INTRO,
    _SURNAME_BEFORE,
    _THE,
    _THE_GAP,
    _WINDOW,
    _dateline,
)
from diplodata.extract._statement_quotes import _quote_at
from diplodata.extract._statement_scan import _masked, _Scan, _unmask_length
from diplodata.extract.actors import ActorMention
from diplodata.models import Actor, ActorKind

_RELATIVE_WORDS = ("which ", "who ", "whose ")
_OF_BEFORE = re.compile(r"\bof\s++(?:the\s++)?$")
"""A mention that ends a title ("the speaker of the House"): not the head of the phrase."""


def _office(actor: Actor) -> Actor:
    return Actor(
        name=f"Office of {actor.name}",
        kind=ActorKind.GOVERNMENT,
        country=actor.country,
    )


def _spokesperson(m: ActorMention) -> Actor:
    """The spokesperson of a body, named after the body as the text names it."""
    actor = m.actor
    words = m.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    body = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words) or actor.name
    return Actor(
        name=f"Spokesperson of the {body}",
        kind=ActorKind.GOVERNMENT if actor.kind is not ActorKind.IGO else ActorKind.IGO,
        country=actor.country,
    )


def _as_speaker(m: ActorMention) -> Actor:
    if m.text.lower() in ("his office", "her office"):
        return _office(m.actor)
    return m.actor


def _left_speaker(
    scan: _Scan, verb_start: int, sent_start: int
) -> tuple[Actor, tuple[int, int], str | None, ActorMention] | None:
    """The mention governing a verb from its left: (actor, span, apposition, mention)."""
    norm = scan.norm
    actors = scan.actors
    lo = max(sent_start, verb_start - _WINDOW)
    i = bisect_left(scan.mention_starts, verb_start) - 1
    tried = 0
    while i >= 0 and tried < 8:
        m = actors[i]
        i -= 1
        if m.end < lo:
            break
        if m.end > verb_start:
            continue
        tried += 1
        if _quote_at(scan, m.start) is not None:
            continue
        gap = _masked(scan, m.end, verb_start)
        if not gap:
            continue
        span = (max(m.start, sent_start), m.end)
        # Only the gap patterns that can begin the gap are tried: _GAP_PLAIN begins with a
        # space, _GAP_SPOKES with one or "'s", _GAP_RELATIVE and _GAP_APPOSITION with a
        # comma, _GAP_AGENT with either.
        spaced = gap[0].isspace()
        comma = gap[0] == ","
        if (spaced and _GAP_PLAIN.fullmatch(gap)) or (comma and _GAP_RELATIVE.fullmatch(gap)):
            return _as_speaker(m), span, None, m
        spokes = _GAP_SPOKES.fullmatch(gap) if spaced or gap[0] == "'" else None
        if spokes:
            word = norm[m.end : verb_start].split()
            if "office" in word:
                return _office(m.actor), span, None, m
            if m.actor.kind is ActorKind.PERSON:
                continue
            return _spokesperson(m), span, None, m
        app = _GAP_APPOSITION.fullmatch(gap) if comma else None
        if app and '"' not in app.group("app"):
            words = app.group("app")
            if words.startswith(_RELATIVE_WORDS) and _OF_BEFORE.search(
                norm, max(0, m.start - 12), m.start
            ):
                # "X, the speaker of Y, which sits in the east, said": Y is inside X's title
                continue
            if _DATE_TOKEN in words:  # the apposition as written, its dates unmasked
                a = m.end + _unmask_length(scan, m.end, gap[: app.start("app")])
                words = norm[a : m.end + _unmask_length(scan, m.end, gap[: app.end("app")])]
            return _as_speaker(m), span, words, m
        if (
            (spaced or comma)
            and _GAP_AGENT.fullmatch(gap)
            and _AGENT_BEFORE.search(norm, max(0, m.start - 40), m.start)
        ):
            # "The declaration, announced by X on Saturday, called for ...": X speaks
            return _as_speaker(m), span, None, m
        if (
            comma
            and m.actor.kind is ActorKind.PERSON
            and norm.endswith(", ", 0, m.start)
            and _GAP_COMMA.fullmatch(gap)
        ):
            # "the commander of X, General Y, warned": the person named in apposition
            return _as_speaker(m), span, None, m
    return None


def _country_speaker(
    scan: _Scan, verb_start: int, sent_start: int
) -> tuple[Actor, tuple[int, int]] | None:
    """A country named as the actor right before the verb ("Egypt has declared")."""
    norm = scan.norm
    window = norm[max(sent_start, verb_start - 60) : verb_start]
    found = _COUNTRY_BEFORE.search(window)
    if found is None:
        return None
    code = country_lookup(found.group(1))
    if code is None:
        return None
    try:
        name = country_record(code).name
    except KeyError:
        return None
    start = verb_start - len(window) + found.start(1)
    return Actor(name=name, kind=ActorKind.STATE, country=code), (
        start,
        start + len(found.group(1)),
    )


def _surname_speaker(
    scan: _Scan, verb_start: int, before: str
) -> tuple[Actor, tuple[int, int]] | None:
    """'Saleh said': a surname of a person named earlier in the article."""
    found = _SURNAME_BEFORE.search(before)
    if found is None:
        return None
    word = found.group(1)
    start = verb_start - len(before) + found.start(1)
    i = bisect_left(scan.mention_starts, start) - 1
    looked = 0
    while i >= 0 and looked < 200:
        m = scan.actors[i]
        i -= 1
        looked += 1
        if m.actor.kind is not ActorKind.PERSON:
            continue
        if m.text.split()[-1:] == [word] or m.actor.name.split()[-1:] == [word]:
            return m.actor, (start, start + len(word))
    return None


def _right_speaker(
    scan: _Scan, verb_end: int, sent_end: int
) -> tuple[Actor, tuple[int, int]] | None:
    """``said X``: the mention right after the verb."""
    norm = scan.norm
    i = bisect_left(scan.mention_starts, verb_end)
    if i >= len(scan.actors):
        return None
    m = scan.actors[i]
    if m.start >= sent_end or not _THE_GAP.fullmatch(norm[verb_end : m.start]):
        return None
    return _as_speaker(m), (m.start, m.end)


def _sentence_subject(scan: _Scan, sent: tuple[int, int]) -> tuple[Actor, tuple[int, int]] | None:
    """The actor that opens a sentence (after a dateline and an introductory phrase)."""
    norm = scan.norm
    pos = sent[0]
    dl = _dateline(norm, pos, min(sent[1], pos + 120))
    if dl:
        pos = dl.end()
    i = bisect_left(scan.mention_starts, pos)
    if i >= len(scan.actors):
        return None
    m = scan.actors[i]
    if m.start >= sent[1] or m.start - pos > 70:
        return None
    intro = _masked(scan, pos, m.start)
    if _INTRO.fullmatch(intro) or _THE.fullmatch(intro):
        return _as_speaker(m), (m.start, m.end)
    return None


def _addressee_in(scan: _Scan, spans: list[tuple[int, int]], speaker: Actor) -> Actor | None:
    """'urged Haftar to ...' inside the content: the actor right after an appeal verb."""
    norm = scan.norm
    start, end = spans[0][0], spans[-1][1]
    found = _APPEAL_TO_FAST.search(norm[start : min(end, start + 200)])  # _APPEAL_TO
    if not found:
        return None
    at = start + found.end()
    i = bisect_left(scan.mention_starts, at)
    if i < len(scan.actors) and scan.actors[i].start == at:
        actor = scan.actors[i].actor
        return None if actor.same_as(speaker) else actor
    return None
