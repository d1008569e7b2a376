"""When a statement was made, for the statement extractor (:mod:`~diplodata.extract.statements`).

The date phrase nearest a speech verb in its sentence (outside quotations, datelines and
excluded clauses), and its resolution as the time of the remark, with "after the talks"
dated by the last dated event before it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence

from diplodata.extract._date_patterns import EVENT_DAY, days_from_event
from diplodata.extract._statement_fast import _event_relative
from diplodata.extract._statement_patterns import (
    _PRESENT_VERBS,
    _WINDOW,
    _WORD_END,
    _dateline,
)
from diplodata.extract._statement_quotes import _quote_at
from diplodata.extract._statement_scan import _Hit, _Scan
from diplodata.extract.dates import DateMatch, Tense
from diplodata.extract.groundwork import NO_TIME, with_text
from diplodata.models import Actor, Precision, TimeRef


def _date_near(scan: _Scan, sent: tuple[int, int], verb: tuple[int, int]) -> bool:
    """Whether a date phrase begins near the verb in its sentence (else :func:`_pick_date` finds none)."""
    i = bisect_left(scan.date_starts, max(sent[0], verb[0] - _WINDOW))
    return i < len(scan.dates) and scan.dates[i].start < min(sent[1], verb[1] + _WINDOW)


def _pick_date(
    scan: _Scan,
    sent: tuple[int, int],
    verb: tuple[int, int],
    exclude: Sequence[tuple[int, int]],
) -> DateMatch | None:
    norm = scan.norm
    best: DateMatch | None = None
    best_distance = 0
    floor = max(sent[0], verb[0] - _WINDOW)
    ceiling = min(sent[1], verb[1] + _WINDOW)
    i = bisect_left(scan.date_starts, floor)
    dates = scan.dates
    if i == len(dates) or dates[i].start >= ceiling:
        return None  # no date near the verb (so no need to read a dateline)
    dl = _dateline(norm, sent[0], min(sent[1], sent[0] + 120))
    if dl and dl.end() > floor:  # a date in the dateline is the article's, not the remark's
        i = bisect_left(scan.date_starts, dl.end())
    while i < len(dates) and dates[i].start < ceiling:
        d = dates[i]
        i += 1
        if d.role != "point" or _quote_at(scan, d.start) is not None:
            continue
        if any(a <= d.start < b for a, b in exclude):
            continue
        distance = verb[0] - d.end if d.end <= verb[0] else d.start - verb[1]
        if best is None or distance < best_distance:
            best, best_distance = d, distance
    return best


def _scene_date(scan: _Scan, si: int, speaker: Actor) -> DateMatch | None:
    """The date of the sentence that sets the scene for a quotation that opens sentence ``si``.

    'X, the commander of Y, on Sunday poured scorn on the truce. "...," he said.': the
    sentence before names the speaker and holds one date (outside quotations and the
    dateline), and the quotation's own sentence has none: it is the date of the remark.
    """
    prev = scan.g.sentences[si - 1]
    start = prev[0]
    dl = _dateline(scan.norm, start, min(prev[1], start + 120))
    if dl:
        start = dl.end()
    i = bisect_left(scan.date_starts, start)
    found: DateMatch | None = None
    while i < len(scan.dates) and scan.dates[i].start < prev[1]:
        d = scan.dates[i]
        i += 1
        if d.role != "point" or _quote_at(scan, d.start) is not None:
            continue
        if found is not None:
            return None  # two dates: which one is the remark's is not said
        found = d
    if found is None:
        return None
    j = bisect_left(scan.mention_starts, start)
    while j < len(scan.actors) and scan.actors[j].start < prev[1]:
        if scan.actors[j].actor.same_as(speaker):
            return found
        j += 1
    return None


def _when(scan: _Scan, hit: _Hit) -> TimeRef:
    """The date phrase resolved as the time of the remark (a speech verb in the past is past)."""
    g = scan.g
    sent = g.sentences[hit.sentence]
    tense: Tense | None = "past"
    # the part of the sentence around the verb (a sentence may be arbitrarily long)
    near = (max(sent[0], hit.verb[0] - _WINDOW), min(sent[1], hit.verb[1] + _WINDOW))
    if hit.verb_text in _PRESENT_VERBS:
        tense = g.tense(near)
    date = hit.date
    phrase: str | None = None
    if date is None:
        relative = _event_relative(scan, near[0], near[1])  # _EVENT_RELATIVE.search
        if relative is None or _quote_at(scan, relative.start()) is not None:
            return NO_TIME
        # "after the talks": the day of the last dated event before it
        i = bisect_left(scan.date_starts, sent[0]) - 1
        looked = 0
        while i >= 0 and looked < 20:
            d = scan.dates[i]
            i -= 1
            looked += 1
            if d.role == "point" and _quote_at(scan, d.start) is None and not _in_dateline(scan, d):
                earlier = g.resolve(d.text, "past")
                if earlier.precision is not Precision.UNKNOWN:
                    date = d
                    break
        if date is None:
            return NO_TIME
        word_end = _WORD_END.match(scan.norm[relative.end() : relative.end() + 40])
        phrase = g.original(relative.start(), relative.end() + (word_end.end() if word_end else 0))
    offset = EVENT_DAY.fullmatch(date.text) if phrase is None else None
    if offset is not None:
        counted = _counted_day(scan, date, offset)
        if counted is not None:  # "two days later": counted from the day of the event before
            text = g.original(date.start, date.end)
            if counted is _NO_DAY:
                return with_text(NO_TIME, text)
            return TimeRef.on(counted, text=text, anchor=g.anchor)
    resolved = g.resolve(date.text, tense)
    anchor = g.article.published
    if (
        tense == "past"
        and anchor is not None
        and resolved.earliest is not None
        and resolved.latest is not None
        and resolved.earliest <= anchor < resolved.latest
    ):
        resolved = resolved.model_copy(update={"latest": anchor})  # a remark already made
    return with_text(resolved, phrase or g.original(date.start, date.end))


_NO_DAY = dt.date.min
"""What :func:`_counted_day` gives when the event before names no single day."""


def _counted_day(
    scan: _Scan, date: DateMatch, offset: re.Match[str], depth: int = 0
) -> dt.date | None:
    """The day a phrase such as "two days later" or "the same day" names.

    It is counted from the day of the last dated phrase before it (outside quotations
    and the dateline), which may itself be counted so (up to three deep); it is
    :data:`_NO_DAY` when that phrase names no single day ("in April"), and ``None``
    when there is no such phrase or the phrase looks forward ("two days after the
    attack", "a day before the truce": counted from what follows, not read here).
    """
    norm = scan.norm
    if offset["dir"] in ("after", "before") or offset["da"] is not None:
        following = norm[date.end : date.end + 2].lstrip(" ")
        if following[:1].isalnum():
            return None
    days = days_from_event(offset)
    g = scan.g
    i = bisect_left(scan.date_starts, date.start) - 1
    looked = 0
    while i >= 0 and looked < 20:
        d = scan.dates[i]
        i -= 1
        looked += 1
        if d.role != "point" or _quote_at(scan, d.start) is not None or _in_dateline(scan, d):
            continue
        inner = EVENT_DAY.fullmatch(d.text)
        if inner is not None:
            base = _counted_day(scan, d, inner, depth + 1) if depth < 3 else _NO_DAY
        else:
            ref = g.resolve(d.text, "past")
            if ref.precision is Precision.UNKNOWN:
                continue
            base = ref.earliest if ref.precision is Precision.DAY else _NO_DAY
        if base is None or base is _NO_DAY:
            return _NO_DAY
        try:
            return base + dt.timedelta(days=days)
        except OverflowError:
            return _NO_DAY
    return None


def _in_dateline(scan: _Scan, d: DateMatch) -> bool:
    sentences = scan.g.sentences
    if not sentences or d.start >= sentences[0][1]:
        return False
    dl = _dateline(scan.norm, sentences[0][0], min(sentences[0][1], sentences[0][0] + 120))
    return dl is not None and d.start < dl.end()
