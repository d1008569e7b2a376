"""``EventSet``: an ordered, immutable collection of events.

Examples
--------
>>> import diplodata as dd
>>> es = dd.load_dataset("libya_2019", as_events=True)
>>> es.by_kind("meeting").involving("Khalifa Haftar").between("2020-01-01", "2020-01-31")
EventSet(9 events: meeting 9)
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from diplodata._records import Problem, check_errors_arg
from diplodata.models import (
    Actor,
    CasualtyFigure,
    Event,
    EventKind,
    Meeting,
    Statement,
    events_adapter,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EventSet"]

_EVENT_TYPES = (Meeting, Statement, CasualtyFigure)
_PROBLEM_COLUMNS = ("line", "field", "message")


def _as_date(value: dt.date | str | Any) -> dt.date:
    """Accept a date, a datetime, a pandas Timestamp or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise ValueError(f"expected a date like '2019-04-04', got {value!r}") from err
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if to_pydatetime is not None:
        result: dt.datetime = to_pydatetime()
        return result.date()
    raise TypeError(
        f"expected a date, a datetime or an ISO date string, got {type(value).__name__}"
    )


def summary_of(event: Event) -> tuple[str, str]:
    """Who and what, in a few words, for display.

    For a meeting: ``("Emmanuel Macron, Khalifa Haftar", "held (in person)")``.
    """
    if isinstance(event, Meeting):
        who = ", ".join(a.name for a in event.participants)
        what = f"{event.status.value} ({event.modality.value.replace('_', ' ')})"
    elif isinstance(event, Statement):
        who = event.speaker.name
        what = f"{event.act.value}: {event.content}"
    else:
        who = event.reported_by.name if event.reported_by is not None else ""
        count = event.count.text or f"{event.count.qualifier.value} {event.count.value}"
        pop = f" {event.population}" if event.population else ""
        what = f"{event.figure.value}{pop}: {count}"
    return who, what


class EventSet(Sequence[Event]):
    """An ordered, immutable collection of events.

    Parameters
    ----------
    events
        Events (:class:`~diplodata.models.Meeting`, :class:`~diplodata.models.Statement`,
        :class:`~diplodata.models.CasualtyFigure`), or dicts in the contract's JSON form,
        which are validated.
    problems
        Records that were read but rejected (see :func:`diplodata.read_events` with
        ``errors="collect"``); a DataFrame with columns ``line``, ``field``, ``message``.

    Examples
    --------
    >>> import diplodata as dd
    >>> es = dd.EventSet([{"kind": "statement", "id": "s1", "content": "calls for calm",
    ...                    "speaker": {"name": "António Guterres", "kind": "person"}}])
    >>> len(es), es[0].speaker.name
    (1, 'António Guterres')
    """

    __slots__ = ("_events", "_problems")

    def __init__(
        self,
        events: Iterable[Event | dict[str, Any]] = (),
        *,
        problems: pd.DataFrame | Sequence[Problem] | None = None,
    ) -> None:
        items = list(events)
        if any(not isinstance(e, _EVENT_TYPES) for e in items):
            bad = [e for e in items if not isinstance(e, (*_EVENT_TYPES, dict))]
            if bad:
                raise TypeError(
                    f"EventSet holds events or dicts in the contract form, "
                    f"not {type(bad[0]).__name__}"
                )
            items = [
                e if isinstance(e, _EVENT_TYPES) else events_adapter().validate_python([e])[0]
                for e in items
            ]
        self._events: tuple[Event, ...] = tuple(items)  # type: ignore[arg-type]
        self._problems = problems

    # ------------------------------------------------------------ sequence protocol

    def __len__(self) -> int:
        return len(self._events)

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> EventSet: ...

    def __getitem__(self, index: int | slice) -> Event | EventSet:
        if isinstance(index, slice):
            return EventSet(self._events[index])
        return self._events[index]

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventSet):
            return NotImplemented
        return self._events == other._events

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: EventSet) -> EventSet:
        if not isinstance(other, EventSet):
            return NotImplemented
        return EventSet(self._events + other._events)

    # ------------------------------------------------------------------- problems

    @property
    def problems(self) -> pd.DataFrame:
        """Records read but rejected: one row each, with ``line``, ``field`` and ``message``.

        Empty unless the set came from a reader called with ``errors="collect"``.
        ``len(events) + len(events.problems)`` is the number of records read.
        """
        import pandas as pd

        from diplodata.frame import _string_dtype

        if isinstance(self._problems, pd.DataFrame):
            return self._problems.copy()
        rows = list(self._problems or ())
        text = _string_dtype()
        return pd.DataFrame(
            {
                "line": pd.Series([p.line for p in rows], dtype="Int64"),
                "field": pd.Series([p.field for p in rows], dtype=text),
                "message": pd.Series([p.message for p in rows], dtype=text),
            }
        )

    # --------------------------------------------------------------------- frames

    def to_frame(self) -> pd.DataFrame:
        """The tidy frame: one row per event, typed columns (see :mod:`diplodata.frame`).

        Examples
        --------
        >>> import diplodata as dd
        >>> df = dd.load_dataset("libya_2019", as_events=True).to_frame()
        >>> df["kind"].value_counts().to_dict()
        {'casualty': 92, 'statement': 52, 'meeting': 45}
        """
        from diplodata.frame import to_frame

        return to_frame(self._events)

    @classmethod
    def from_frame(cls, df: pd.DataFrame, *, errors: str = "raise") -> EventSet:
        """Events from a frame made by :meth:`to_frame` (or any frame with its columns).

        Parameters
        ----------
        df
            The frame. Columns missing from it take their defaults; unknown
            columns are ignored with a :class:`~diplodata.DataWarning`.
        errors
            ``"raise"`` (default) raises :class:`~diplodata.DataError` naming the first
            bad row and column; ``"collect"`` keeps the good rows and lists the bad
            ones in :attr:`problems` (rows are numbered from 1).

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.load_dataset("libya_2019", as_events=True)
        >>> dd.EventSet.from_frame(es.to_frame()) == es
        True
        """
        from diplodata.frame import events_from_frame

        events, problems = events_from_frame(df, errors=check_errors_arg(errors))
        return cls(events, problems=problems)

    def participants_frame(self) -> pd.DataFrame:
        """One row per (meeting, participant); see :func:`diplodata.frame.participants_frame`."""
        from diplodata.frame import participants_frame

        return participants_frame(self._events)

    # ------------------------------------------------------------------ filtering

    def filter(self, predicate: Callable[[Event], bool]) -> EventSet:
        """The events for which ``predicate(event)`` is true, in order.

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.load_dataset("libya_2019", as_events=True)
        >>> len(es.filter(lambda e: e.kind == "casualty" and e.count.value >= 1000))
        38
        """
        return EventSet(e for e in self._events if predicate(e))

    def by_kind(self, *kinds: EventKind | str) -> EventSet:
        """Only the events of the given kind(s): ``"meeting"``, ``"statement"``, ``"casualty"``.

        Examples
        --------
        >>> import diplodata as dd
        >>> len(dd.load_dataset("libya_2019", as_events=True).by_kind("meeting", "statement"))
        97
        """
        if not kinds:
            raise TypeError("by_kind() needs at least one kind: 'meeting', 'statement', 'casualty'")
        wanted = set()
        for kind in kinds:
            try:
                wanted.add(EventKind(kind))
            except ValueError:
                raise ValueError(
                    f"unknown kind {kind!r}; use 'meeting', 'statement' or 'casualty'"
                ) from None
        return self.filter(lambda e: e.kind in wanted)

    def between(
        self, start: dt.date | str | None = None, end: dt.date | str | None = None
    ) -> EventSet:
        """Events whose date range overlaps ``[start, end]`` (both inclusive).

        An event dated only to a week or a month is kept if any day of it falls in
        the window. Events with no resolved date are left out. Either end may be
        ``None`` for an open window.

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.load_dataset("libya_2019", as_events=True)
        >>> len(es.between("2020-01-19", "2020-01-19"))
        7
        """
        lo = None if start is None else _as_date(start)
        hi = None if end is None else _as_date(end)
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"start ({lo}) is after end ({hi})")

        def overlaps(e: Event) -> bool:
            first, last = e.when.earliest, e.when.latest
            if first is None or last is None:
                return False
            return (hi is None or first <= hi) and (lo is None or last >= lo)

        return self.filter(overlaps)

    def involving(self, actor: Actor | str) -> EventSet:
        """Events that name ``actor`` anywhere: participant, host, speaker, addressee, reporter.

        ``actor`` is an :class:`~diplodata.models.Actor`, an actor id, or a name
        (matched without regard to case).

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.load_dataset("libya_2019", as_events=True)
        >>> len(es.involving("world health organization").by_kind("casualty")) > 20
        True
        """
        if isinstance(actor, Actor):
            return self.filter(lambda e: any(a.same_as(actor) for a in e.actors()))
        key = actor.casefold()
        return self.filter(
            lambda e: any(a.id == actor or a.name.casefold() == key for a in e.actors())
        )

    # -------------------------------------------------------------------- summary

    def counts(self) -> dict[str, int]:
        """Number of events per kind, in the order meeting, statement, casualty."""
        counter = Counter(e.kind for e in self._events)
        return {k.value: counter[k.value] for k in EventKind if counter[k.value]}

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest resolved dates, or ``None`` if no event has one."""
        firsts = [e.when.earliest for e in self._events if e.when.earliest is not None]
        lasts = [e.when.latest for e in self._events if e.when.latest is not None]
        if not firsts:
            return None
        return min(firsts), max(lasts)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {n}" for k, n in self.counts().items())
        noun = "event" if len(self) == 1 else "events"
        tail = f": {counts}" if counts else ""
        rejected = len(self._problems) if self._problems is not None else 0
        extra = f"; {rejected} rejected" if rejected else ""
        return f"EventSet({len(self)} {noun}{tail}{extra})"

    def _repr_html_(self, max_rows: int = 10) -> str:
        labels = {"meeting": "meeting", "statement": "statement", "casualty": "casualty figure"}
        counts = " &middot; ".join(
            f"<b>{n}</b> {labels[k]}{'' if n == 1 else 's'}" for k, n in self.counts().items()
        )
        span = self.date_range()
        dates = f" &middot; {span[0]} to {span[1]}" if span else ""
        head = f"<p><b>EventSet</b>: {len(self)} events &mdash; {counts or 'empty'}{dates}</p>"
        if not self._events:
            return head
        rows = []
        shown = self._events[:max_rows]
        for e in shown:
            who, what = summary_of(e)
            date = e.when.earliest.isoformat() if e.when.earliest else "?"
            if e.when.precision.value not in ("day", "unknown"):
                date += f" ({e.when.precision.value})"
            if len(what) > 80:
                what = what[:77] + "..."
            cells = (e.id, e.kind, date, who, what)
            rows.append(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>"
            )
        more = len(self._events) - len(shown)
        foot = f"<p>... and {more} more</p>" if more > 0 else ""
        header = "".join(f"<th>{h}</th>" for h in ("id", "kind", "date", "who", "what"))
        return (
            f"<div class='diplodata-eventset'>{head}<table><thead><tr>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{foot}</div>"
        )
