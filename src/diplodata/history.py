"""A meeting's life across reports: announced, then held, postponed, cancelled or denied.

News reports one meeting many times: a source says two leaders *will* meet, a
presidency denies it, a week later a wire says they *met*. Event datasets code each
sentence on its own (CAMEO's "express intent to meet" and "consult" are unrelated
rows); :func:`meeting_history` links the reports of one meeting into a
:class:`MeetingLife` with the report behind each step.

Two meeting reports belong to the same meeting when

* their participants are the same people: one set contains the other, or they share
  at least half of their members (Jaccard index >= 0.5; actors compared by
  :attr:`~diplodata.models.Actor.key`: id, else folded name), and
* their dates are compatible: the date ranges overlap once widened by ``window_days``
  (default 3) on each side. A report with no resolved date uses its publication date;
  a report with neither joins nothing. A *postponed* report widens the window of its
  life to 60 days, since the meeting it announces happens later.

Examples
--------
>>> import diplodata as dd
>>> es = dd.load_dataset("libya_2019", as_events=True)
>>> lives = dd.meeting_history(es)
>>> life = next(l for l in lives if l.statuses == ("planned", "held") and "Emmanuel Macron" in l.names)
>>> life.names, str(life.first_date), life.status
(('Emmanuel Macron', 'Khalifa Haftar'), '2019-05-22', 'held')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplodata.models import Actor, Event, Meeting, MeetingStatus

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MeetingLife", "meeting_history"]

_NEGATIVE = {MeetingStatus.DENIED, MeetingStatus.CANCELLED}
_AFFIRMATIVE = {MeetingStatus.HELD, MeetingStatus.PLANNED, MeetingStatus.PROPOSED}


def _people(meeting: Meeting) -> frozenset[str]:
    return frozenset(a.key for a in meeting.participants)


def _span(meeting: Meeting) -> tuple[dt.date, dt.date] | None:
    if meeting.when.earliest is not None and meeting.when.latest is not None:
        return meeting.when.earliest, meeting.when.latest
    day = meeting.source.published
    return (day, day) if day is not None else None


def _same_people(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.5


@dataclass(frozen=True)
class MeetingLife:
    """The reports of one meeting, in the order they were made.

    Attributes
    ----------
    reports
        The meeting events, ordered by publication date (then event date).
    """

    reports: tuple[Meeting, ...]

    @property
    def participants(self) -> tuple[Actor, ...]:
        """Everyone any report names, in order of first mention."""
        seen: dict[str, Actor] = {}
        for report in self.reports:
            for actor in report.participants:
                seen.setdefault(actor.key, actor)
        return tuple(seen.values())

    @property
    def names(self) -> tuple[str, ...]:
        """The participants' names."""
        return tuple(a.name for a in self.participants)

    @property
    def statuses(self) -> tuple[str, ...]:
        """The status of each report, in order ("planned", "held")."""
        return tuple(r.status.value for r in self.reports)

    @property
    def status(self) -> str:
        """Where the meeting stands after the last report: its status, or ``"disputed"``.

        ``"disputed"`` when the last reports of the same day disagree (a claim and a
        denial published together).
        """
        last = self.reports[-1]
        same_day = [r for r in self.reports if r.source.published == last.source.published]
        statuses = {r.status for r in same_day}
        if statuses & _NEGATIVE and statuses & _AFFIRMATIVE:
            return "disputed"
        return last.status.value

    @property
    def conflicting(self) -> bool:
        """Whether some report affirms the meeting and another denies or cancels it."""
        statuses = {r.status for r in self.reports}
        return bool(statuses & _NEGATIVE and statuses & _AFFIRMATIVE)

    @property
    def first_date(self) -> dt.date | None:
        """The earliest date any report gives the meeting."""
        days = [s[0] for r in self.reports if (s := _span(r)) is not None]
        return min(days) if days else None

    def to_frame(self) -> pd.DataFrame:
        """One row per report: the step, its date, the source behind it."""
        import pandas as pd

        from diplodata.frame import date_series as dates

        return pd.DataFrame(
            {
                "event_id": [r.id for r in self.reports],
                "status": [r.status.value for r in self.reports],
                "modality": [r.modality.value for r in self.reports],
                "when_earliest": dates([r.when.earliest for r in self.reports]),
                "when_latest": dates([r.when.latest for r in self.reports]),
                "published": dates([r.source.published for r in self.reports]),
                "source_url": [r.source.url for r in self.reports],
                "source_outlet": [r.source.outlet for r in self.reports],
                "attribution": [r.attribution for r in self.reports],
            }
        )

    def __repr__(self) -> str:
        steps = " -> ".join(self.statuses)
        return f"MeetingLife({', '.join(self.names)}: {steps})"


class _Open:
    """A life being built: its people, its date window, its reports."""

    def __init__(self, meeting: Meeting, span: tuple[dt.date, dt.date], window: dt.timedelta):
        self.people = _people(meeting)
        self.first, self.last = span
        self.window = window
        self.reports = [meeting]

    def accepts(self, people: frozenset[str], span: tuple[dt.date, dt.date]) -> bool:
        wide = (
            self.window
            if not any(r.status is MeetingStatus.POSTPONED for r in self.reports)
            else dt.timedelta(days=60)
        )
        return (
            _same_people(self.people, people)
            and span[0] <= self.last + wide
            and span[1] >= self.first - wide
        )

    def add(self, meeting: Meeting, span: tuple[dt.date, dt.date]) -> None:
        self.reports.append(meeting)
        self.people = self.people | _people(meeting)
        self.first, self.last = min(self.first, span[0]), max(self.last, span[1])


# On the same day, a plan is told before the meeting it plans, and the outcome last.
_STEP = {
    MeetingStatus.PROPOSED: 0,
    MeetingStatus.PLANNED: 1,
    MeetingStatus.POSTPONED: 2,
    MeetingStatus.HELD: 3,
    MeetingStatus.CANCELLED: 3,
    MeetingStatus.DENIED: 3,
}


def _order(meeting: Meeting) -> tuple[dt.date, dt.date, int]:
    span = _span(meeting)
    # A report with no publication date was published no earlier than the last day it names.
    published = meeting.source.published or (span[1] if span else dt.date.max)
    return published, span[0] if span else dt.date.max, _STEP[meeting.status]


def meeting_history(events: Iterable[Event], *, window_days: int = 3) -> list[MeetingLife]:
    """Link the reports of each meeting into its life (see the module docs for the rules).

    Parameters
    ----------
    events
        An :class:`~diplodata.EventSet` or any events; only meetings are used.
    window_days
        How far apart (in days) two reports' dates may be and still be one meeting.

    Returns
    -------
    list of MeetingLife
        One per meeting, ordered by the date of their first report. Meetings with no
        date and no publication date each form a life of their own.
    """
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, not {window_days}")
    window = dt.timedelta(days=window_days)
    meetings = sorted((e for e in events if isinstance(e, Meeting)), key=_order)
    open_lives: list[_Open] = []
    undated: list[MeetingLife] = []
    for meeting in meetings:
        span = _span(meeting)
        if span is None:
            undated.append(MeetingLife((meeting,)))
            continue
        people = _people(meeting)
        home = next((life for life in reversed(open_lives) if life.accepts(people, span)), None)
        if home is None:
            open_lives.append(_Open(meeting, span, window))
        else:
            home.add(meeting, span)
    lives = [MeetingLife(tuple(life.reports)) for life in open_lives]
    return lives + undated
