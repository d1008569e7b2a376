"""The state of one statement pass (:mod:`~diplodata.extract.statements`) and offset helpers over it.

:class:`_Scan` holds the groundwork and its sorted indexes, :class:`_Hit` one speech
verb with its speaker and content; the helpers find a sentence by offset, mask date
phrases in a stretch of text (and measure a masked prefix back in the text), and trim
spaces and punctuation off the ends of a span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter, lt
from typing import Protocol, TypeVar

from diplodata.extract._fast import fast_init
from diplodata.extract._statement_patterns import _DATE_TOKEN
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.groundwork import Groundwork
from diplodata.models import Act, Actor, TimeRef

# ------------------------------------------------------------------------ hits


@dataclass(slots=True)
class _Hit:
    verb: tuple[int, int]
    verb_text: str
    act: Act
    speaker: Actor
    speaker_span: tuple[int, int] | None
    sentence: int
    content: str
    content_spans: list[tuple[int, int]]
    direct: bool
    addressee: Actor | None = None
    attribution: str | None = None
    date: DateMatch | None = None
    when: TimeRef | None = None
    confidence: float = 0.8
    quote_ids: set[int] = field(default_factory=set)
    covers: int = 0  # the end of an attribution tail this hit has taken in


@fast_init
@dataclass(frozen=True)
class _Scan:
    """Everything the per-verb steps read: the groundwork plus sorted indexes."""

    g: Groundwork
    norm: str  # g.norm, read by every step
    actors: list[ActorMention]
    dates: list[DateMatch]
    quotes: list[tuple[int, int]]
    quote_opens: list[int]
    mention_starts: list[int]
    date_starts: list[int]
    count_starts: list[int]
    sentence_starts: list[int]


class _Stretch(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Stretch)
_START = attrgetter("start")


def _in_order(items: list[_S]) -> tuple[list[_S], list[int]]:
    """``items`` sorted by (start, -end), and their starts.

    Where the starts already increase strictly (as the finders give them), that order
    is the sorted one (no two items share a start), and the list is taken as it is.
    """
    starts = list(map(_START, items))
    if all(map(lt, starts, starts[1:])):
        return items, starts
    ordered = sorted(items, key=lambda x: (x.start, -x.end))
    return ordered, list(map(_START, ordered))


def _sentence_index(scan: _Scan, offset: int) -> int:
    return max(0, bisect_right(scan.sentence_starts, offset) - 1)


def _masked(scan: _Scan, start: int, end: int) -> str:
    """``norm[start:end]`` with every date phrase inside replaced by one placeholder character."""
    norm = scan.norm
    i = bisect_left(scan.date_starts, start)
    dates = scan.dates
    if i == len(dates) or dates[i].start >= end:
        return norm[start:end]  # no date phrase begins inside (the common case)
    out: list[str] = []
    pos = start
    while i < len(dates) and dates[i].start < end:
        d = dates[i]
        if d.end <= end and d.start >= pos:
            out.append(norm[pos : d.start])
            out.append(_DATE_TOKEN)
            pos = d.end
        i += 1
    out.append(norm[pos:end])
    return "".join(out)


def _unmask_length(scan: _Scan, start: int, masked_prefix: str) -> int:
    """The length in the text of a prefix of ``_masked(scan, start, ...)``."""
    length = 0
    i = bisect_left(scan.date_starts, start)
    dates = scan.dates
    for ch in masked_prefix:
        if ch == _DATE_TOKEN:
            while i < len(dates) and dates[i].start < start + length:
                i += 1
            if i < len(dates):
                length = dates[i].end - start
                i += 1
            continue
        length += 1
    return length


_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character for which ``str.isspace`` holds (the ``\\s`` of the patterns)."""
_TRIM_HEAD = _SPACES + ",:;-"
_TRIM_TAIL = _SPACES + ".,;:!?"


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """``start`` past spaces and ",:;-", then ``end`` back over spaces and ".,;:!?"."""
    piece = norm[start:end]
    body = piece.lstrip(_TRIM_HEAD)
    start += len(piece) - len(body)
    return start, start + len(body.rstrip(_TRIM_TAIL))
