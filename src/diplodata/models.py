"""The event contract: typed models for meetings, statements and casualty figures.

Every event serialises with ``model_dump(mode="json")`` to the JSON form described
in ``DESIGN.md``; tools outside the library read that form, so field names here are
stable. Record-level rules (non-negative counts, ordered bounds, real ISO 3166-1
alpha-3 codes, a meeting with someone to meet) live on the models, and an invalid
record raises :class:`pydantic.ValidationError` naming the field.

Examples
--------
>>> from diplodata.models import Actor, Meeting
>>> m = Meeting(
...     id="m1",
...     participants=[Actor(name="Emmanuel Macron", kind="person", country="FRA"),
...                   Actor(name="Khalifa Haftar", kind="person", country="LBY")],
...     status="held",
... )
>>> m.kind, m.status.value, [p.name for p in m.participants]
('meeting', 'held', ['Emmanuel Macron', 'Khalifa Haftar'])
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, TypeAdapter, model_validator

from diplodata._fields import (
    Model,
    Number,
    OptionalCountryCode,
    OptionalText,
    Text,
    field_error,
)
from diplodata.enums import (
    Act,
    ActorKind,
    EventKind,
    Figure,
    MeetingStatus,
    Modality,
    Precision,
    Qualifier,
)
from diplodata.names import fold

__all__ = [
    "Act",
    "Actor",
    "ActorKind",
    "CasualtyFigure",
    "Codes",
    "Count",
    "Event",
    "EventKind",
    "Figure",
    "Meeting",
    "MeetingStatus",
    "Modality",
    "Place",
    "Precision",
    "Qualifier",
    "SourceRef",
    "Span",
    "Statement",
    "TimeRef",
    "event_adapter",
    "events_adapter",
]


# --------------------------------------------------------------- value objects


class Actor(Model):
    """Someone who meets, speaks or reports: a person, a government, an organisation.

    Parameters
    ----------
    name
        Canonical name ("Fayez al-Sarraj" whatever the spelling in the source).
    id
        Stable identifier (from the gazetteer or the dataset), or ``None``.
    kind
        What sort of actor; ``unknown`` when not known.
    country
        ISO 3166-1 alpha-3 code of the actor's country, or ``None`` (for IGOs).
    role
        The actor's title at the time of the event.

    Examples
    --------
    >>> Actor(name="World Health Organization", kind="igo").kind
    <ActorKind.IGO: 'igo'>
    """

    id: OptionalText = None
    name: Text
    kind: ActorKind = ActorKind.UNKNOWN
    country: OptionalCountryCode = None
    role: OptionalText = None

    @property
    def key(self) -> str:
        """What identifies the actor when comparing: its id, else its name folded.

        Examples
        --------
        >>> Actor(name="Recep Tayyip  Erdoğan").key, Actor(name="X", id="x-1").key
        ('recep tayyip erdogan', 'x-1')
        """
        if self.id is not None:
            return self.id
        return " ".join(fold(word) for word in self.name.split())

    def same_as(self, other: Actor) -> bool:
        """Whether two actors denote the same one: equal ids, or equal names if either lacks an id.

        Examples
        --------
        >>> Actor(name="Haftar").same_as(Actor(name="haftar", id="ly-haftar"))
        True
        """
        if self.id is not None and other.id is not None:
            return self.id == other.id
        return self.name.casefold() == other.name.casefold()


class Place(Model):
    """Where an event happened: a name as the source gives it, and its country."""

    name: Text
    country: OptionalCountryCode = None


class TimeRef(Model):
    """A time as the article states it, resolved to a date range when possible.

    ``earliest``/``latest`` bound the date (inclusive); ``precision`` says how tight
    that range is, and is ``unknown`` exactly when no range could be resolved (for
    instance "on Thursday" with no publication date). ``anchor`` is the publication
    date the phrase was resolved against.

    Examples
    --------
    >>> import datetime as dt
    >>> t = TimeRef(text="last week", earliest=dt.date(2019, 4, 1),
    ...             latest=dt.date(2019, 4, 7), precision="week", anchor=dt.date(2019, 4, 10))
    >>> t.precision.value
    'week'
    >>> TimeRef(text="on Thursday").precision.value
    'unknown'
    """

    text: OptionalText = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: Precision = Precision.UNKNOWN
    anchor: dt.date | None = None

    @model_validator(mode="after")
    def _check_range(self) -> Self:
        first, last = self.earliest, self.latest
        if first is not None and last is not None and first > last:
            raise field_error(
                "TimeRef",
                ("earliest",),
                f"earliest ({first}) is after latest ({last}); swap them",
                first.isoformat(),
            )
        if self.precision is Precision.UNKNOWN and (first is not None or last is not None):
            raise field_error(
                "TimeRef",
                ("precision",),
                "precision is 'unknown' but a date is given; set the precision "
                "(day, week, month, year) or drop the dates",
                self.precision.value,
            )
        if self.precision is not Precision.UNKNOWN and (first is None or last is None):
            missing = "earliest" if first is None else "latest"
            both = first is None and last is None
            raise field_error(
                "TimeRef",
                ("precision",) if both else (missing,),
                f"precision is {self.precision.value!r} but "
                f"{'earliest and latest are' if both else missing + ' is'} missing; "
                "give both dates or use precision 'unknown'",
                self.precision.value if both else None,
            )
        return self

    @property
    def date(self) -> dt.date | None:
        """A single representative date: the earliest one, or ``None`` if unresolved."""
        return self.earliest

    @classmethod
    def on(cls, day: dt.date, *, text: str | None = None, anchor: dt.date | None = None) -> TimeRef:
        """Build a day-precise reference.

        Examples
        --------
        >>> import datetime as dt
        >>> TimeRef.on(dt.date(2019, 4, 4)).latest
        datetime.date(2019, 4, 4)
        """
        return cls(text=text, earliest=day, latest=day, precision=Precision.DAY, anchor=anchor)


class Count(Model):
    """A reported number with its qualifier and the bounds it implies.

    ``value`` is the number the source states; ``low``/``high`` bound the true
    count where the wording implies bounds. The convention for strict bounds
    follows DESIGN.md: "more than 430" is ``value=430, low=431``, and "fewer than
    20" is ``value=20, high=19``. Otherwise ``low <= value <= high`` where given.

    Examples
    --------
    >>> c = Count.from_qualifier(430, "more_than", text="more than 430")
    >>> c.value, c.low, c.high, c.qualifier.value
    (430, 431, None, 'more_than')
    >>> Count(value=5, low=6)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Count
    ...
    """

    value: Number
    low: Number | None = None
    high: Number | None = None
    qualifier: Qualifier = Qualifier.EXACT
    text: OptionalText = None

    @model_validator(mode="after")
    def _check_bounds(self) -> Self:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise field_error(
                "Count", ("low",), f"low ({self.low}) is greater than high ({self.high})", self.low
            )
        low_limit = self.value + 1 if self.qualifier is Qualifier.MORE_THAN else self.value
        high_limit = self.value - 1 if self.qualifier is Qualifier.LESS_THAN else self.value
        if self.low is not None and self.low > low_limit:
            raise field_error(
                "Count",
                ("low",),
                f"low ({self.low}) is greater than value + 1 ({low_limit}); 'more than "
                f"{self.value}' gives low {low_limit} at most"
                if self.qualifier is Qualifier.MORE_THAN
                else f"low ({self.low}) is greater than value ({self.value}); only qualifier "
                "'more_than' lets low exceed value (by one)",
                self.low,
            )
        if self.high is not None and self.high < high_limit:
            raise field_error(
                "Count",
                ("high",),
                f"high ({self.high}) is less than value - 1 ({high_limit}); 'less than "
                f"{self.value}' gives high {high_limit} at least"
                if self.qualifier is Qualifier.LESS_THAN
                else f"high ({self.high}) is less than value ({self.value}); only qualifier "
                "'less_than' lets high be below value (by one)",
                self.high,
            )
        return self

    @classmethod
    def from_qualifier(
        cls, value: int, qualifier: Qualifier | str = Qualifier.EXACT, *, text: str | None = None
    ) -> Count:
        """Fill ``low``/``high`` from the qualifier by the library's convention.

        ``exact`` gives ``low = high = value``; ``at_least`` gives ``low = value``;
        ``more_than`` gives ``low = value + 1``; ``up_to`` gives ``high = value``;
        ``less_than`` gives ``high = value - 1``; ``about`` and ``range`` leave both
        open (a range needs its own bounds).
        """
        q = Qualifier(qualifier)
        low, high = qualifier_bounds(value, q)
        return cls(value=value, low=low, high=high, qualifier=q, text=text)


def qualifier_bounds(value: int, qualifier: Qualifier) -> tuple[int | None, int | None]:
    """The ``(low, high)`` bounds ``qualifier`` implies for ``value`` (see :meth:`Count.from_qualifier`).

    Examples
    --------
    >>> qualifier_bounds(430, Qualifier.MORE_THAN), qualifier_bounds(0, Qualifier.LESS_THAN)
    ((431, None), (None, 0))
    """
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.UP_TO:
        return None, value
    if qualifier is Qualifier.LESS_THAN:
        return None, max(value - 1, 0)
    return None, None


class Span(Model):
    """A piece of evidence: end-exclusive character offsets into the article, and its text.

    Examples
    --------
    >>> text = "The WHO said 56 people were killed."
    >>> s = Span(start=13, end=15, text=text[13:15])
    >>> text[s.start:s.end] == s.text
    True
    """

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str

    @model_validator(mode="after")
    def _check_offsets(self) -> Self:
        if self.start >= self.end:
            raise field_error(
                "Span",
                ("end",),
                f"end ({self.end}) must be greater than start ({self.start}); "
                "offsets are end-exclusive and a span is not empty",
                self.end,
            )
        if len(self.text) != self.end - self.start:
            raise field_error(
                "Span",
                ("text",),
                f"text has {len(self.text)} characters but the span "
                f"{self.start}:{self.end} covers {self.end - self.start}",
                self.text,
            )
        return self


class SourceRef(Model):
    """The article an event was reported in."""

    article_id: OptionalText = None
    url: OptionalText = None
    title: OptionalText = None
    outlet: OptionalText = None
    published: dt.date | None = None


class Codes(Model):
    """Ontology codes where they apply.

    A CAMEO code (``"040"``) and a PLOVER event type (``"CONSULT"``); see
    :mod:`diplodata.ontology`.
    """

    cameo: Annotated[str, Field(pattern=r"^[0-9]{2,4}$")] | None = None
    plover: Annotated[str, Field(pattern=r"^[A-Z]+$")] | None = None


# ---------------------------------------------------------------------- events


class _EventBase(Model):
    """Fields every kind of event shares (see DESIGN.md, "The event contract")."""

    id: Text
    kind: str
    when: TimeRef = Field(default_factory=TimeRef)
    location: Place | None = None
    source: SourceRef = Field(default_factory=SourceRef)
    attribution: OptionalText = None
    evidence: tuple[Span, ...] = ()
    confidence: Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)] = 1.0
    codes: Codes = Field(default_factory=Codes)

    def actors(self) -> tuple[Actor, ...]:
        """Every actor the event names, in field order (each kind says which fields)."""
        return ()

    def _repr_html_(self) -> str:
        """The event as a notebook card with its evidence highlighted (see :mod:`diplodata.display`)."""
        from diplodata.display import event_html

        return event_html(self)  # type: ignore[arg-type]


class Meeting(_EventBase):
    """A meeting between actors, reported as held, planned, proposed, called off or denied.

    A meeting needs at least two distinct participants, or one participant and a
    host or a place (a visit to Cairo by one named leader is still a meeting). No
    actor is listed twice (see :meth:`Actor.same_as`).

    Examples
    --------
    >>> Meeting(id="m1", participants=[Actor(name="Khalifa Haftar")],
    ...         host=Actor(name="Abdel Fattah el-Sisi")).actors()[1].name
    'Abdel Fattah el-Sisi'
    """

    kind: Literal["meeting"] = "meeting"
    participants: Annotated[tuple[Actor, ...], Field(min_length=1)]
    host: Actor | None = None
    status: MeetingStatus = MeetingStatus.HELD
    modality: Modality = Modality.UNKNOWN
    topics: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _check_participants(self) -> Self:
        people = self.participants
        for i, a in enumerate(people):
            for j, b in enumerate(people[:i]):
                if a.same_as(b):
                    raise field_error(
                        "Meeting",
                        ("participants", i),
                        f"participant {a.name!r} is listed twice (positions {j} and {i}); "
                        "list each actor once",
                        a.model_dump(mode="json"),
                    )
        if len(people) < 2 and self.host is None and self.location is None:
            raise field_error(
                "Meeting",
                ("participants",),
                "a meeting needs at least two distinct participants, "
                "or one participant plus a host or a location",
                # The rule reads three fields: show them all as the input.
                self.model_dump(mode="json", include={"participants", "host", "location"}),
            )
        return self

    def actors(self) -> tuple[Actor, ...]:
        """Participants, then the host."""
        return self.participants + ((self.host,) if self.host is not None else ())


class Statement(_EventBase):
    """Something an actor said: quoted or paraphrased, and what kind of act it was."""

    kind: Literal["statement"] = "statement"
    speaker: Actor
    addressee: Actor | None = None
    act: Act = Act.COMMENT
    direct_quote: bool = False
    content: Text

    def actors(self) -> tuple[Actor, ...]:
        """The speaker, then the addressee."""
        return (self.speaker,) + ((self.addressee,) if self.addressee is not None else ())


class CasualtyFigure(_EventBase):
    """A reported number of people killed, wounded, displaced, missing, detained or affected."""

    kind: Literal["casualty"] = "casualty"
    figure: Figure
    count: Count
    population: OptionalText = None
    reported_by: Actor | None = None
    cumulative: bool = False

    def actors(self) -> tuple[Actor, ...]:
        """The reporting actor, if named."""
        return (self.reported_by,) if self.reported_by is not None else ()


Event = Annotated[Meeting | Statement | CasualtyFigure, Field(discriminator="kind")]
"""Any event; pydantic picks the model from the ``kind`` field."""

_EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
_EVENTS_ADAPTER: TypeAdapter[list[Event]] = TypeAdapter(list[Event])


def event_adapter() -> TypeAdapter[Event]:
    """The shared :class:`pydantic.TypeAdapter` for one event (JSON or Python input).

    Examples
    --------
    >>> e = event_adapter().validate_python(
    ...     {"kind": "statement", "id": "s1", "speaker": {"name": "WHO", "kind": "igo"},
    ...      "act": "appeal", "content": "calls for a humanitarian truce"})
    >>> type(e).__name__
    'Statement'
    """
    return _EVENT_ADAPTER


def events_adapter() -> TypeAdapter[list[Event]]:
    """The shared :class:`pydantic.TypeAdapter` for a list of events (one validation call)."""
    return _EVENTS_ADAPTER
