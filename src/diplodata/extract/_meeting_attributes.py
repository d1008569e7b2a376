"""The attributes of a meeting candidate (:mod:`~diplodata.extract.meetings`).

Status, modality, place, date, topics and attribution, each read from the sentence
around the anchor.
"""

from __future__ import annotations

import re

from diplodata.extract._meeting_cues import Cues
from diplodata.extract._meeting_patterns import (
    _AFTER_END,
    _AND_IN,
    _ARTICLE,
    _AT_END,
    _ATTR_ACCORDING,
    _ATTR_END,
    _ATTR_LEAD,
    _CALL,
    _CANCELLED,
    _CANCELLED_RUNS,
    _DATELINE,
    _DENIED,
    _NEXT_WHEN,
    _NO_BEFORE,
    _PAST,
    _PLACE_CUT,
    _PLACE_PREP,
    _PLANNED,
    _PLANNED_RUNS,
    _POSTPONED,
    _PROPOSED,
    _PROPOSED_RUNS,
    _TO_MEET,
    _TOPIC,
    _TOPIC_END,
    _TOPIC_RUNS,
    _TOPIC_SPLIT,
    _TOPIC_TAIL,
    _VIDEO,
)
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.groundwork import Groundwork
from diplodata.extract.places import PlaceMention
from diplodata.models import (
    MeetingStatus,
    Modality,
)


def _status(
    g: Groundwork,
    cues: Cues,
    s: int,
    e: int,
    start: int,
    a0: int,
    a1: int,
    clause_end: int,
    word: str,
) -> MeetingStatus:
    norm = g.norm
    if cues.find(cues.denied, _DENIED, norm, s, a1) or cues.find(
        cues.no, _NO_BEFORE, norm, max(s, a0 - 30), a0
    ):
        return MeetingStatus.DENIED
    if cues.find(cues.cancelled, _CANCELLED, norm, s, e, _CANCELLED_RUNS):
        return MeetingStatus.CANCELLED
    if cues.find(cues.postponed, _POSTPONED, norm, s, e):
        return MeetingStatus.POSTPONED
    if cues.find(cues.proposed, _PROPOSED, norm, start, min(e, a1 + 10), _PROPOSED_RUNS):
        return MeetingStatus.PROPOSED
    # Each search below is made only where its literal word stands in the stretch: "after"
    # as written; "to" in any case, in the runs of letters (no letter folds to "t" or
    # "o"); the words of _PLANNED as _PLANNED_RUNS finds them in the runs (see there).
    lo = max(s, a0 - 10)
    if norm.find("after", lo, a0) != -1 and _AFTER_END.search(norm[lo:a0]):
        return MeetingStatus.HELD
    runs = cues.runs
    if (
        not cues.plain or cues.cut(start) or _PLANNED_RUNS.search(runs, start, a1) is not None
    ) and _PLANNED.search(norm[start:a1]):
        return MeetingStatus.PLANNED
    lo = max(s, a0 - 4)
    if (
        runs.find(b"to", lo, a1 + 10) != -1
        and _TO_MEET.search(norm[lo : a1 + 10])
        and not _PAST.search(norm[start:a0])
    ):
        return MeetingStatus.PLANNED
    if cues.find(cues.next, _NEXT_WHEN, norm, start, min(e, clause_end + 60)):
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD


def _modality(g: Groundwork, cues: Cues, s: int, e: int, verb: str | None) -> Modality:
    # Their gates are pieces of runs ("video", "phone"): closed, no slice holds them.
    if cues.video is None and _VIDEO.search(g.norm[s:e]):
        return Modality.VIDEO
    if verb == "phone" or (cues.call is None and _CALL.search(g.norm[s:e])):
        return Modality.CALL
    if verb == "speak":
        return Modality.UNKNOWN
    return Modality.IN_PERSON


def _place(
    norm: str,
    cues: Cues,
    places: list[PlaceMention],
    s: int,
    start: int,
    boundary: str | None,
    a1: int,
    e: int,
    people: list[ActorMention],
    topic_from: re.Match[str] | None,
) -> PlaceMention | None:
    """The place of a meeting, read around its anchor ``[.., a1)``.

    ``topic_from`` is ``_TOPIC.search(norm, max(s, a1 - 200), e)`` (:func:`_topic_at`): the
    topic after the anchor that bounds the place is that match where it starts after the
    anchor (no match starts in between, it was the first), else searched from the anchor.
    """
    if not places:
        return None  # every reading below picks one of them
    taken = [(m.start, m.end) for m in people]

    def ok(p: PlaceMention) -> bool:
        return not any(p.start < b and a < p.end for a, b in taken) and bool(
            _PLACE_PREP.search(norm[max(s, p.start - 12) : p.start])
        )

    if places[-1].start >= a1:  # a place after the anchor (they are in text order)
        if topic_from is None or topic_from.start() >= a1:
            topic = topic_from
        else:
            topic = cues.find_from(cues.topic, _TOPIC, norm, a1, e)
        stop = min(e, a1 + 160, topic.start() if topic else e)
        cut = _PLACE_CUT.search(norm[a1:stop])
        if cut is not None:
            stop = a1 + cut.start()
        # The first venue ("at the Elysee") after the anchor, else the first place there.
        first = None
        for p in places:
            if a1 <= p.start and p.end <= stop and ok(p):
                if _AT_END.search(norm[max(s, p.start - 8) : p.start]):
                    return p
                if first is None:
                    first = p
        if first is not None:
            return first
    if boundary == "where":
        prior = [p for p in places if s <= p.start and p.end <= start]
        if prior:
            return prior[-1]
    prior = [p for p in places if start <= p.start and p.end <= a1 and ok(p)]
    if prior:
        return prior[-1]
    prior = [p for p in places if s <= p.start and p.end <= a1 and ok(p)]
    return prior[-1] if prior else None


def _date(
    g: Groundwork,
    sent: tuple[int, int],
    anchor: tuple[int, int],
    dates: list[DateMatch],
    focus: bool = False,
) -> DateMatch | None:
    if not dates:
        return None
    s, e = sent
    dateline = _DATELINE.match(g.norm, s, min(e, s + 100))
    if dateline is not None:
        s = dateline.end()
    inside = [d for d in dates if s <= d.start and d.end <= e and d.role == "point"]
    if focus:
        # an elided meeting ("and B in Benghazi the next day"): the date after its object
        after = [d for d in inside if d.start >= anchor[1]]
        if after:
            return after[0]
    if len(inside) < 2:
        return inside[0] if inside else None
    return min(
        inside, key=lambda d: (min(abs(d.start - anchor[1]), abs(anchor[0] - d.end)), d.start)
    )


def _topic_at(norm: str, cues: Cues, s: int, e: int, a1: int) -> re.Match[str] | None:
    """Where the topics of the meeting anchored at ``[.., a1)`` begin ("to discuss ..."), if named."""
    pos = max(s, a1 - 200)
    if cues.topic is None and _TOPIC_RUNS.search(cues.runs, pos, e) is None:
        return None  # _TOPIC is case-sensitive: no letter folds, whatever the text holds
    return cues.find_from(cues.topic, _TOPIC, norm, pos, e)


def _topics(norm: str, e: int, m: re.Match[str] | None) -> list[str]:
    """The topics named after ``m`` (:func:`_topic_at`), at most five."""
    if m is None:
        return []
    end_m = _TOPIC_END.search(norm, m.end(), min(e, m.end() + 200))
    end = end_m.start() if end_m else min(e, m.end() + 200)
    # a list may run on over commas: "a ceasefire, a demilitarised zone ..., and a return to ..."
    chunk = norm[m.end() : end]
    if end_m is not None and norm[end] == ",":
        tail = _TOPIC_TAIL.match(norm[end:e])
        if tail is not None and _AND_IN.search(tail.group()):
            stop = _TOPIC_END.search(norm, end + tail.group().rfind(", and") + 5, e)
            chunk = norm[m.end() : stop.start() if stop else e]
    out = []
    for part in _TOPIC_SPLIT.split(chunk):
        part = _ARTICLE.sub("", part.strip()).strip()
        if part and len(part) <= 80 and part not in out:
            out.append(part)
    return out[:5]


def _attribution(
    g: Groundwork,
    cues: Cues,
    s: int,
    e: int,
    people: list[ActorMention],
    mentions: list[ActorMention],
) -> str | None:
    norm = g.norm
    # Every match of _ATTR_END and _ATTR_LEAD holds a reporting verb (case as written:
    # one of _ATTR_VERBS), every match of _ATTR_ACCORDING "according": a sentence without
    # them is not scanned, and most sentences have neither. Only the verbs the article
    # holds are looked for in the sentence.
    verbs, according_here = cues.said()
    cue = any(norm.find(w, s, e) != -1 for w in verbs)
    according = according_here and norm.find("according", s, e) != -1
    if not cue and not according:
        return None
    keys = {m.actor.key for m in people}
    names = [(m.start, m.end) for m in mentions if m.actor.key in keys]

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in names)

    for pat, on in ((_ATTR_END, cue), (_ATTR_ACCORDING, according)):
        for m in pat.finditer(norm, s, e) if on else ():
            if free(*m.span("a")):
                return g.original(*m.span("a"))
    for m in _ATTR_LEAD.finditer(norm, s, e) if cue else ():
        grp = "a" if m.group("a") is not None else "b"
        a, b = m.span(grp)
        if free(a, b):
            return g.original(a, b)
    return None
