"""Meetings reported in an article (extractor ``meetings.v1``).

Patterns are anchored on the rare meeting words (met, meet, meeting, talks, hosted,
received, welcomed, visit, spoke, call, summit, conference, invited) and read a
bounded window of the same sentence around them, using the actor mentions the
groundwork already found (which resolve pronouns and surnames):

* the *subject*: the first actor in the clause before the anchor, with the actors
  coordinated with it ("X and Y met"), appositives skipped ("X, the head of Z, met");
* the *objects*: the actors right after a verb ("met Y", "received Y", "met with Y",
  "spoke by telephone with Y") or after "with", "between", "attended by", "of" near a
  noun ("held talks in Moscow with Y", "a summit ..., attended by A, B and C");
* the *host*: the subject of hosted / received / welcomed / will host, or "by X" of a
  passive;
* the *status*: denied ("no meeting", "denied"), cancelled ("called off"), postponed,
  proposed ("offered to host", "invited"), planned ("will", "is due to", "expected to",
  "to meet", "next week"), else held;
* the *modality*: video, call (phone / telephone), unknown ("spoke to"), else in person;
* place, topics, time phrase and attribution from the same sentence.

Readings for meetings told in passing, as longer stories do: "had last seen X" (not
"seen as"); "the two leaders also held talks" (those of the meeting just reported); a
second meeting in an elided clause ("met A in Tripoli on February 12, and B in Benghazi the
next day", its own place, and its day counted from the first); "X also took part in the
talks" (one more attendee); "delegations from X and Y" (the delegations meet, see
:mod:`._meeting_delegations`); an owner before the object ("received Libya's eastern
commander Khalifa Haftar", "her foreign minister, Heiko Maas"). Pronouns are read as the
actor mentions resolve them (:mod:`.actors`: who leads the sentence, "him" not the subject
of its clause).

Several anchors of one sentence that name the same people make one event ("visited
Cairo, where he met Sisi"; "hosted a summit ..., attended by ..."); a later sentence
that repeats a meeting already reported (same people, same status, no other date)
adds nothing; a sentence that opens with "The talks" and names more attendees adds
them to the meeting just reported. Everything is stdlib ``re`` over bounded windows,
linear in the text; nothing here raises on any text.

Examples
--------
>>> from diplodata.article import Article
>>> from diplodata.extract.groundwork import prepare
>>> g = prepare(Article(text="Italian Prime Minister Giuseppe Conte received Khalifa Haftar in Rome on "
...                          "Thursday for talks on a ceasefire.", published="2019-05-16"))
>>> [(m.status.value, m.modality.value, [a.name for a in m.participants], m.host.name,
...   m.location.name) for m in meeting_events(g)]
[('held', 'in_person', ['Giuseppe Conte', 'Khalifa Haftar'], 'Giuseppe Conte', 'Rome')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from pydantic import ValidationError

from diplodata.extract._date_patterns import EVENT_DAY, days_from_event
from diplodata.extract._meeting_actors import _chain, _clip, _first_in, _is_pronoun
from diplodata.extract._meeting_attributes import _attribution, _date, _topics
from diplodata.extract._meeting_candidates import _Cand, _read_anchor
from diplodata.extract._meeting_cues import Cues
from diplodata.extract._meeting_events import _event
from diplodata.extract._meeting_patterns import (
    _ANCHOR,
    _ANCHOR_RUNS,
    _DATE_AND,
    _FOLLOW_LIST,
    _FOLLOW_UP,
    _JOIN_RUNS,
    _JOINED,
    _SAID_AFTER,
    _SAME_EVENT,
    _YEAR,
)
from diplodata.extract._number_patterns import _FOLDED_LETTERS
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.groundwork import Groundwork, with_text
from diplodata.extract.places import PlaceMention, find_places
from diplodata.extract.text import Text
from diplodata.models import (
    Meeting,
    MeetingStatus,
    Modality,
    Precision,
    TimeRef,
)

__all__ = ["EXTRACTOR", "meeting_events"]

EXTRACTOR = "meetings.v1"

_MAX_MENTION = 400  # an actor mention is never longer; mentions may start before their sentence
_LOOK_BACK = 50  # earlier meetings a repeat is looked for in
_MAX_SENTENCE = 2000  # longer "sentences" (tables, run-on text) are read in their first part


# ----------------------------------------------------------------------------- merging


_RANK = {
    MeetingStatus.DENIED: 5,
    MeetingStatus.CANCELLED: 4,
    MeetingStatus.POSTPONED: 3,
    MeetingStatus.PROPOSED: 2,
    MeetingStatus.PLANNED: 1,
    MeetingStatus.HELD: 0,
}
_MODE = {Modality.VIDEO: 3, Modality.CALL: 2, Modality.IN_PERSON: 1, Modality.UNKNOWN: 0}


def _merge_into(big: _Cand, small: _Cand) -> None:
    big.anchors += small.anchors
    if big.host is None:
        big.host = small.host
    if big.place is None:
        big.place = small.place
    if _MODE[small.modality] > _MODE[big.modality] and small.modality is not Modality.IN_PERSON:
        big.modality = small.modality
    if _RANK[small.status] > _RANK[big.status] and small.status is not MeetingStatus.PLANNED:
        big.status = small.status


def _merge_sentence(cands: list[_Cand]) -> list[_Cand]:
    if len(cands) < 2:
        return cands  # most sentences: one candidate or none, nothing to merge or order
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-len(c.people), c.anchors[0][0])):
        home = next(
            (
                k
                for k in kept
                if c.names() <= k.names() and (c.split_key == 0 or c.split_key == k.split_key)
            ),
            None,
        )
        if home is None:
            kept.append(c)
        else:
            _merge_into(home, c)
    return sorted(kept, key=lambda c: (c.anchors[0][0], c.split_key))


def _follow_up(
    g: Groundwork, sent: tuple[int, int], mentions: list[ActorMention], last: _Cand
) -> bool:
    """'The talks, which were also attended by X, ...': more attendees for the meeting just reported."""
    norm = g.norm
    s, e = sent
    if not _FOLLOW_UP.match(norm, s, e):  # also checked by the caller, before clipping
        return False
    lead = _FOLLOW_LIST.search(norm, s, e)
    if lead is None:
        return False
    added = False
    for m in mentions:
        if m.start < lead.end() or _SAID_AFTER.match(norm, m.end, e):
            continue
        if norm.startswith(("'s", "’s"), m.end) or _is_pronoun(m):
            continue
        if m.actor.key not in last.names():
            last.people.append(m)
            added = True
    return added


def _joined(
    g: Groundwork, sent: tuple[int, int], mentions: list[ActorMention], lasts: list[_Cand]
) -> bool:
    """'X also took part in the talks': one more attendee for the meeting just reported.

    'X joined her in both meetings' adds X to the last two (``lasts`` holds them).
    """
    norm = g.norm
    s, e = sent
    if (
        norm.find("part", s, e) == -1
        and norm.find("attended", s, e) == -1
        and norm.find("joined", s, e) == -1
        and norm.find("accompanied", s, e) == -1
    ):
        return False
    found = _JOINED.search(norm, s, e)
    if found is None:
        return False
    first = _first_in(norm, mentions, s, found.start())
    if first is None or _is_pronoun(first):
        return False
    added = False
    chain = _chain(norm, mentions, first, found.start(), objects=False)
    both = re.search(r"\b(?:both|all)\s", found.group()) is not None
    for last in lasts if both else lasts[-1:]:
        for m in chain:
            if m.actor.key not in last.names():
                last.people.append(m)
                added = True
    return added


# -------------------------------------------------------------------------------- events


def meeting_events(g: Groundwork) -> list[Meeting]:
    """Meetings (extractor ``meetings.v1``) reported in the article, in text order.

    Parameters
    ----------
    g : Groundwork
        The prepared article (:func:`diplodata.extract.groundwork.prepare`).

    Returns
    -------
    list of Meeting
        One event per meeting the text reports; evidence points into the original text.
    """
    try:
        cands = _candidates(g)
    except (ValueError, IndexError, KeyError, ValidationError):  # pragma: no cover - defensive
        return []
    events: list[Meeting] = []
    used: set[str] = set()
    for c in cands:
        event = _event(g, c, used)
        if event is not None:
            events.append(event)
    return events


def _candidates(g: Groundwork) -> list[_Cand]:
    starts = _anchor_starts(g.text)
    if starts and not _SEEN.isdisjoint(g.text.runs.words):
        starts = _recalled(g.text.runs.runs, starts, g.norm)
    if starts is not None and not starts:
        return []  # no meeting word at all (and so no meeting for a follow-up to add to)
    norm = g.norm
    cues = Cues(g.text, starts is not None)
    actor_starts = [m.start for m in g.actors]
    date_starts = [d.start for d in g.dates]
    out: list[_Cand] = []
    actors = g.actors
    runs = g.text.runs.runs
    words = g.text.runs.words
    # A sentence with no meeting word can add attendees only with "meetings", "discussions"
    joins = not _JOIN_RUNS.isdisjoint(words) and not _UNANCHORED.isdisjoint(words)
    last = len(starts) if starts is not None else 0
    i = 0  # the first anchor start not before the sentence (sentences come in text order)
    for sent in g.sentences:
        s, e0 = sent
        e = e0 if e0 - s <= _MAX_SENTENCE else s + _MAX_SENTENCE
        mentions: list[ActorMention] | None = None
        # Only a follow-up ("The talks ...") or a meeting word makes a sentence matter;
        # every other sentence is skipped before any per-sentence work.
        if out and _FOLLOW_UP.match(norm, s, e):
            mentions = _mentions(actors, actor_starts, s, e)
            if _follow_up(g, (s, e), mentions, out[-1]):
                continue
        if starts is None:
            anchors = list(_ANCHOR.finditer(norm, s, e))
        else:
            i = bisect_left(starts, s, i)
            if (i == last or starts[i] >= e) and not runs[e - 1 : e + 1].isalpha():
                # No anchor word starts in the sentence, and its end cuts no word (where it
                # does, _anchors_at scans the stretch, which may end in a piece of a word).
                anchors = []
            else:
                anchors = _anchors_at(g.text, starts, s, e)
        if not anchors:
            if joins and out and _unanchored(norm, s, e):
                # "X joined her in both meetings": no meeting word of its own
                _joined(g, (s, e), _mentions(actors, actor_starts, s, e), out[-2:])
            continue
        if mentions is None:
            mentions = _mentions(actors, actor_starts, s, e)
        dates = g.dates[bisect_left(date_starts, s) : bisect_left(date_starts, e)]
        # Places matter only where a meeting word stands: look them up there alone, and
        # only once a candidate asks for them (most anchors are dropped before).
        places = _Places(norm, s, e)
        here: list[_Cand] = []
        for anchor in anchors:
            here.extend(_read_anchor(g, cues, (s, e), mentions, places, anchor, out[-1:]))
        here = [c for c in _merge_sentence(here) if _valid(c)]
        if not here and out and _joined(g, (s, e), mentions, out[-2:]):
            continue
        for c in here:
            c.date = _date(g, (s, e), c.focus or c.anchors[0], dates, c.focus is not None)
            c.topics = _topics(norm, e, c.topic)
            c.attribution = _attribution(g, cues, s, e, c.people, mentions)
            for extra in _split_dates(g, (s, e), c, dates):
                extra.when = _when(g, extra, out[-1:])
                if not _repeats(extra, out[-_LOOK_BACK:]):
                    out.append(extra)
    return out


def _anchor_starts(text: Text) -> list[int] | None:
    """Where a match of :data:`_ANCHOR` can start, in order (more places than it matches).

    A match is a whole word (a word boundary on both sides) of ASCII letters in any case, so it is
    a run of letters of the text that spells one of :data:`_ANCHOR_RUNS`; finding those runs
    takes a set intersection and a few ``bytes.find``. ``None`` where the text holds a letter
    that IGNORECASE folds to an ASCII one ("ſ", "ı", "İ", the Kelvin sign): there a match
    need not be such a run.
    """
    norm = text.norm
    if not norm.isascii() and any(c in norm for c in _FOLDED_LETTERS):
        return None
    return text.runs.where(_ANCHOR_RUNS)


_SEEN = frozenset((b"seen", b"saw", b"see"))
_UNANCHORED = frozenset((b"meetings", b"discussions"))


def _unanchored(norm: str, s: int, e: int) -> bool:
    return norm.find("meetings", s, e) != -1 or norm.find("discussions", s, e) != -1


def _recalled(runs: bytes, starts: list[int], norm: str) -> list[int]:
    """``starts`` less the "seen", "saw" and "see" that anchor nothing.

    Only "had last seen X", "last saw X" and "saw <Name>" recall a meeting
    (:func:`._meeting_candidates._read_anchor` drops the others): dropped here, their
    sentences are not read at all.
    """
    out = []
    for at in starts:
        if runs[at : at + 4] in (b"see ", b"see"):
            if runs[at - 3 : at] != b"to ":
                continue  # only "to see X" (a journey's purpose)
        elif runs[at : at + 4] in (b"seen", b"saw ", b"saw"):
            tail = runs[max(0, at - 16) : at].rstrip()
            recalled = tail.endswith(b" last") or tail == b"last"
            named = runs[at : at + 4] == b"saw " and norm[at + 4 : at + 5].isupper()
            if not (recalled or named):
                continue
        out.append(at)
    return out


def _anchors_at(text: Text, starts: list[int], s: int, e: int) -> list[re.Match[str]]:
    """The matches of :data:`_ANCHOR` in ``norm[s:e]``, as ``finditer`` finds them, tried at ``starts``.

    ``starts`` is :func:`_anchor_starts` of ``text``. Where ``e`` cuts a run of letters (a
    sentence read in its first part), a word may end at ``e`` that does not end in the
    text: there the stretch is scanned.
    """
    norm = text.norm
    runs = text.runs.runs
    if 0 < e < len(norm) and runs[e - 1] != 32 and runs[e] != 32:
        return list(_ANCHOR.finditer(norm, s, e))
    found: list[re.Match[str]] = []
    pos = s
    for at in starts[bisect_left(starts, s) : bisect_left(starts, e)]:
        if at >= pos:
            match = _ANCHOR.match(norm, at, e)
            if match is not None:
                found.append(match)
                pos = match.end()
    return found


class _Places:
    """The places named in the sentence ``[s, e)`` (offsets in ``norm``), read on the first call."""

    __slots__ = ("_e", "_found", "_norm", "_s")

    def __init__(self, norm: str, s: int, e: int) -> None:
        self._norm, self._s, self._e = norm, s, e
        self._found: list[PlaceMention] | None = None

    def __call__(self) -> list[PlaceMention]:
        if self._found is None:
            self._found = find_places(self._norm, self._s, self._e)
        return self._found


def _mentions(
    actors: list[ActorMention], actor_starts: list[int], s: int, e: int
) -> list[ActorMention]:
    """The actor mentions of the sentence ``[s, e)``, cut to it."""
    lo = bisect_left(actor_starts, s - _MAX_MENTION)
    return _clip(actors[lo : bisect_left(actor_starts, e)], s, e)


def _split_dates(
    g: Groundwork, sent: tuple[int, int], c: _Cand, dates_here: list[DateMatch]
) -> list[_Cand]:
    """'including on April 14 and May 9, 2019': one meeting per date."""
    if len(dates_here) < 2:
        return [c]  # one date or none in the sentence: no pair to split on
    e = sent[1]
    a1 = c.anchors[0][1]
    dates = [d for d in dates_here if a1 <= d.start and d.end <= e and d.role == "point"]
    pairs = [
        (d1, d2) for d1, d2 in pairwise(dates) if _DATE_AND.fullmatch(g.norm[d1.end : d2.start])
    ]
    if not pairs:
        return [c]
    d1, d2 = pairs[0]
    year = _YEAR.search(d2.text)
    first = replace(c, date=d1, split_key=d1.start)
    second = replace(c, date=d2, split_key=d2.start)
    if year is not None and not _YEAR.search(d1.text):
        # "on April 14 and May 9, 2019": the year belongs to both
        first.year = year.group()
    return [first, second]


def _when(g: Groundwork, c: _Cand, earlier: list[_Cand]) -> TimeRef:
    """The time phrase resolved; one tied to the meeting just reported ("the same day") takes its date."""
    if c.date is not None and _SAME_EVENT.search(c.date.text) and earlier:
        prior = earlier[-1].when
        if prior.precision is not Precision.UNKNOWN:
            return with_text(prior, g.original(c.date.start, c.date.end))
    if c.date is not None and earlier and "day" in c.date.text:
        shift = _day_shift(c.date.text)
        prior = earlier[-1].when
        if shift is not None and prior.precision is Precision.DAY and prior.earliest is not None:
            day = prior.earliest + timedelta(days=shift)
            return TimeRef(
                text=g.original(c.date.start, c.date.end),
                earliest=day,
                latest=day,
                precision=Precision.DAY,
                anchor=prior.anchor,
            )
    if c.date is not None and c.year is not None:
        phrase = f"{c.date.text}, {c.year}"
        resolved = g.resolve(phrase)
        if resolved.precision is not Precision.UNKNOWN:
            return with_text(resolved, g.original(c.date.start, c.date.end))
    return g.when(c.date, c.sentence)


def _day_shift(phrase: str) -> int | None:
    """'the next day' 1, 'two days later' 2, 'the day before' -1: days from the meeting just reported."""
    m = EVENT_DAY.fullmatch(phrase.strip())
    return None if m is None else days_from_event(m)


def _repeats(c: _Cand, earlier: list[_Cand]) -> bool:
    """The same people, the same status and no other date: a meeting already reported."""
    names = c.names()
    for x in earlier:
        if x.status == c.status and x.modality == c.modality and x.names() == names:
            a, b = c.when, x.when
            if a.precision is Precision.UNKNOWN or b.precision is Precision.UNKNOWN:
                return True
            if (a.earliest, a.latest) == (b.earliest, b.latest):
                return True
    return False


def _valid(c: _Cand) -> bool:
    # A candidate's people are distinct actors (each key once): len(people) == len(names()).
    return len(c.people) >= 2 or (
        len(c.people) == 1 and (c.host is not None or c.place is not None)
    )
