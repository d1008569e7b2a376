"""The columns of the event frame: each one's name, contract path, type and kind.

:data:`COLUMNS` lists every column of :func:`diplodata.frame.to_frame` in order;
:func:`column_for` maps a contract field path back to its column. Re-exported by
:mod:`diplodata.frame`.

Examples
--------
>>> COLUMNS[0].name, column_for(("when", "earliest"))
('event_id', 'when_earliest')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from diplodata.models import (
    Act,
    ActorKind,
    EventKind,
    Figure,
    MeetingStatus,
    Modality,
    Precision,
    Qualifier,
)

__all__ = ["BOOL", "CAT", "COLUMNS", "DATE", "FLOAT", "INT", "JSON", "STR", "Column", "column_for"]


# Column types.
STR, CAT, DATE, INT, FLOAT, BOOL, JSON = "str", "cat", "date", "int", "float", "bool", "json"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the event frame.

    Attributes
    ----------
    name
        The column name.
    path
        Where the value sits in the contract form (``("count", "value")``).
    type
        One of ``str``, ``cat``, ``date``, ``int``, ``float``, ``bool``, ``json``.
    kind
        The event kind the column belongs to, or ``None`` for columns every kind has.
    categories
        The allowed values of an enum column, in order.
    """

    name: str
    path: tuple[str, ...]
    type: str
    kind: EventKind | None = None
    categories: tuple[str, ...] | None = None


def _enum(name: str, path: tuple[str, ...], enum: type[StrEnum], kind: EventKind | None) -> Column:
    return Column(name, path, CAT, kind, tuple(member.value for member in enum))


def _actor(prefix: str, kind: EventKind) -> list[Column]:
    return [
        Column(f"{prefix}_id", (prefix, "id"), CAT, kind),
        Column(f"{prefix}_name", (prefix, "name"), CAT, kind),
        _enum(f"{prefix}_kind", (prefix, "kind"), ActorKind, kind),
        Column(f"{prefix}_country", (prefix, "country"), CAT, kind),
        Column(f"{prefix}_role", (prefix, "role"), CAT, kind),
    ]


_M, _S, _C = EventKind.MEETING, EventKind.STATEMENT, EventKind.CASUALTY

COLUMNS: tuple[Column, ...] = (
    Column("event_id", ("id",), STR),
    _enum("kind", ("kind",), EventKind, None),
    Column("when_text", ("when", "text"), STR),
    Column("when_earliest", ("when", "earliest"), DATE),
    Column("when_latest", ("when", "latest"), DATE),
    _enum("when_precision", ("when", "precision"), Precision, None),
    Column("when_anchor", ("when", "anchor"), DATE),
    Column("location_name", ("location", "name"), CAT),
    Column("location_country", ("location", "country"), CAT),
    Column("source_article_id", ("source", "article_id"), STR),
    Column("source_url", ("source", "url"), STR),
    Column("source_title", ("source", "title"), STR),
    Column("source_outlet", ("source", "outlet"), CAT),
    Column("source_published", ("source", "published"), DATE),
    Column("attribution", ("attribution",), STR),
    Column("confidence", ("confidence",), FLOAT),
    Column("codes_cameo", ("codes", "cameo"), CAT),
    Column("codes_plover", ("codes", "plover"), CAT),
    Column("evidence", ("evidence",), JSON),
    # meeting
    Column("participants", ("participants",), JSON, _M),
    *_actor("host", _M),
    _enum("status", ("status",), MeetingStatus, _M),
    _enum("modality", ("modality",), Modality, _M),
    Column("topics", ("topics",), JSON, _M),
    # statement
    *_actor("speaker", _S),
    *_actor("addressee", _S),
    _enum("act", ("act",), Act, _S),
    Column("direct_quote", ("direct_quote",), BOOL, _S),
    Column("content", ("content",), STR, _S),
    # casualty
    _enum("figure", ("figure",), Figure, _C),
    Column("count_value", ("count", "value"), INT, _C),
    Column("count_low", ("count", "low"), INT, _C),
    Column("count_high", ("count", "high"), INT, _C),
    _enum("count_qualifier", ("count", "qualifier"), Qualifier, _C),
    Column("count_text", ("count", "text"), STR, _C),
    Column("population", ("population",), CAT, _C),
    *_actor("reported_by", _C),
    Column("cumulative", ("cumulative",), BOOL, _C),
)
"""Every column of the event frame, in order."""

_BY_NAME = {c.name: c for c in COLUMNS}
_BY_PATH = {c.path: c.name for c in COLUMNS}
_OPTIONAL_OBJECTS = ("location", "host", "addressee", "reported_by")
_KINDS = frozenset(kind.value for kind in EventKind)
_REQUIRED: dict[str, tuple[str, ...]] = {
    "meeting": ("participants",),
    "statement": ("speaker_name", "content"),
    "casualty": ("figure", "count_value"),
}


def column_for(path: tuple[str | int, ...]) -> str:
    """The frame column that holds a contract field path (the longest matching prefix).

    Examples
    --------
    >>> column_for(("count", "value")), column_for(("participants", 0, "name"))
    ('count_value', 'participants')
    """
    for n in range(len(path), 0, -1):
        name = _BY_PATH.get(tuple(str(p) for p in path[:n]))
        if name is not None:
            return name
    return ".".join(str(p) for p in path)
