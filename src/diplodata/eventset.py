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
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast, overload

from pydantic import BaseModel

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
    if value != value:  # NaT (a datetime subclass) and NaN are not equal to themselves
        raise ValueError(f"got a missing date ({value!r}); pass None for an open end")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # a date and a time, as str(pd.Timestamp) gives: keep the date
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError as err:
            raise ValueError(f"expected a date like '2019-04-04', got {value!r}") from err
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if to_pydatetime is not None:
        result: dt.datetime = to_pydatetime()
        return result.date()
    raise TypeError(
        f"expected a date, a datetime or an ISO date string, got {type(value).__name__}"
    )


def _check_events_arg(events: object) -> None:
    """Refuse, with a hint, the things people pass instead of an iterable of events."""
    if hasattr(events, "columns") and hasattr(events, "iloc"):
        raise TypeError("EventSet() takes events, not a DataFrame; use EventSet.from_frame(df)")
    if isinstance(events, BaseModel | dict):
        raise TypeError(
            f"EventSet() takes an iterable of events, not one {type(events).__name__}; "
            "wrap it in a list: EventSet([event])"
        )
    if isinstance(events, str | bytes | os.PathLike):
        raise TypeError(
            f"EventSet() takes an iterable of events, not a {type(events).__name__}; "
            "to read a file use diplodata.read_events(path)"
        )


def _own_problems(
    problems: pd.DataFrame | Iterable[Problem] | None,
) -> pd.DataFrame | tuple[Problem, ...] | None:
    """A copy of ``problems`` that the caller cannot change afterwards."""
    if problems is None:
        return None
    if hasattr(problems, "columns") and hasattr(problems, "iloc"):
        return cast("pd.DataFrame", problems).copy()
    return tuple(problems)


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
        ``errors="collect"``): a DataFrame with columns ``line``, ``field``,
        ``message``, or ``Problem`` records. It is copied.

    Raises
    ------
    TypeError
        If an item is neither an event nor a dict (or ``events`` is a DataFrame:
        use :meth:`from_frame`).
    pydantic.ValidationError
        If a dict is not a valid event; the error's ``loc`` starts with the
        item's position.

    Notes
    -----
    Equality compares the events, in order; :attr:`problems` are not compared.
    Slicing, filtering and ``+`` give new sets without problems.

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
        problems: pd.DataFrame | Iterable[Problem] | None = None,
    ) -> None:
        _check_events_arg(events)
        items: list[Any] = list(events)
        if not all(isinstance(e, _EVENT_TYPES) for e in items):
            for position, e in enumerate(items):
                if not isinstance(e, (*_EVENT_TYPES, dict)):
                    raise TypeError(
                        "EventSet holds events or dicts in the contract form; "
                        f"item {position} is a {type(e).__name__}"
                    )
            # One call for the whole list, so that an error's loc gives the item's
            # position; events already built pass through unchanged.
            items = events_adapter().validate_python(items)
        self._events: tuple[Event, ...] = tuple(items)
        self._problems = _own_problems(problems)

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

    def by_kind(self, *kinds: EventKind | str | Iterable[EventKind | str]) -> EventSet:
        """Only the events of the given kind(s): ``"meeting"``, ``"statement"``, ``"casualty"``.

        Parameters
        ----------
        *kinds
            One or more kinds, or a list of them (``by_kind(["meeting", "statement"])``).

        Raises
        ------
        ValueError
            For a kind that does not exist; the message lists the valid ones.
        TypeError
            If no kind is given.

        Examples
        --------
        >>> import diplodata as dd
        >>> len(dd.load_dataset("libya_2019", as_events=True).by_kind("meeting", "statement"))
        97
        """
        flat: list[Any] = []
        for kind in kinds:
            if isinstance(kind, list | tuple | set | frozenset):
                flat.extend(kind)
            else:
                flat.append(kind)
        if not flat:
            raise TypeError("by_kind() needs at least one kind: 'meeting', 'statement', 'casualty'")
        wanted = set()
        for kind in flat:
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
        the window. Events with no resolved date are left out.

        Parameters
        ----------
        start, end
            The first and last day of the window: a ``datetime.date``, a
            ``datetime.datetime`` or ``pandas.Timestamp`` (its date is used), or an
            ISO string (``"2019-04-04"``). ``None`` leaves that end open.

        Raises
        ------
        ValueError
            If ``start`` is after ``end``, or a string is not an ISO date.
        TypeError
            If ``start`` or ``end`` is not a date of any kind.

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

        Parameters
        ----------
        actor
            An :class:`~diplodata.models.Actor` (matched by
            :meth:`~diplodata.models.Actor.same_as`), an actor id (matched exactly),
            or a name (matched without regard to case).

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.load_dataset("libya_2019", as_events=True)
        >>> len(es.involving("world health organization").by_kind("casualty")) > 20
        True
        """
        if isinstance(actor, Actor):
            return self.filter(lambda e: any(a.same_as(actor) for a in e.actors()))
        if not isinstance(actor, str):
            raise TypeError(
                f"involving() takes an Actor, an actor id or a name, not {type(actor).__name__}"
            )
        key = actor.casefold()
        return self.filter(
            lambda e: any(a.id == actor or a.name.casefold() == key for a in e.actors())
        )

    # -------------------------------------------------------------------- summary

    def counts(self) -> dict[str, int]:
        """Number of events per kind, in the order meeting, statement, casualty.

        Kinds with no events are left out, so an empty set gives ``{}``.

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.EventSet([
        ...     {"kind": "statement", "id": "s1", "speaker": {"name": "WHO"}, "content": "calm"},
        ...     {"kind": "casualty", "id": "c1", "figure": "killed", "count": {"value": 3}},
        ... ])
        >>> es.counts()
        {'statement': 1, 'casualty': 1}
        """
        counter = Counter(e.kind for e in self._events)
        return {k.value: counter[k.value] for k in EventKind if counter[k.value]}

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest resolved dates, or ``None`` if no event has one.

        Examples
        --------
        >>> import diplodata as dd
        >>> es = dd.EventSet([
        ...     {"kind": "statement", "id": "s1", "speaker": {"name": "WHO"}, "content": "calm",
        ...      "when": {"earliest": "2019-04-01", "latest": "2019-04-07", "precision": "week"}},
        ...     {"kind": "statement", "id": "s2", "speaker": {"name": "WHO"}, "content": "calm"},
        ... ])
        >>> es.date_range()
        (datetime.date(2019, 4, 1), datetime.date(2019, 4, 7))
        >>> es[1:].date_range() is None
        True
        """
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
        rejected = len(self._problems) if self._problems is not None else 0
        extra = (
            f" &middot; <b>{rejected}</b> rejected (see <code>.problems</code>)" if rejected else ""
        )
        noun = "event" if len(self) == 1 else "events"
        head = (
            f"<p><b>EventSet</b>: {len(self)} {noun} &mdash; {counts or 'empty'}{dates}{extra}</p>"
        )
        if not self._events:
            return head
        rows = []
        shown = self._events[:max_rows]
        for e in shown:
            who, what = summary_of(e)
            date = e.when.earliest.isoformat() if e.when.earliest else "?"
            if e.when.precision.value not in ("day", "unknown"):
                date += f" ({e.when.precision.value})"
            if len(who) > 60:
                who = who[:57] + "..."
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
