"""The tidy frame of events: one row per event, typed columns, and the way back.

Column names flatten the contract with underscores (``when.earliest`` is
``when_earliest``, ``count.value`` is ``count_value``, the speaker's country is
``speaker_country``); the event ``id`` is ``event_id``. Single actors (host,
speaker, addressee, reported_by) get five columns each (``_id``, ``_name``,
``_kind``, ``_country``, ``_role``). The lists ``participants``, ``topics`` and
``evidence`` are held as JSON text in the contract form, so that every format
(CSV included) carries them exactly; :func:`participants_frame` gives the
participants long-form, one row per (meeting, participant).

Dtypes: dates are ``datetime64[us]``; enums are ``category`` with every allowed
value as a category; names with few distinct values (countries, outlets, actor
names and roles, places) are ``category`` too; counts are nullable ``Int64``;
flags are nullable ``boolean``; everything else is the pandas string dtype.

pandas and pyarrow are imported inside the functions, so ``import diplodata`` stays fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from diplodata._records import Errors, Problem, gc_paused, validate_records, warn_data
from diplodata.errors import DataError
from diplodata.models import (
    Act,
    ActorKind,
    Event,
    EventKind,
    Figure,
    MeetingStatus,
    Modality,
    Precision,
    Qualifier,
    events_adapter,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "Column",
    "events_from_frame",
    "participants_frame",
    "refuse_duplicate_columns",
    "to_frame",
]

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


def date_series(values: Iterable[dt.date | None]) -> pd.Series:
    """Dates (``None`` for missing) as the frame's date dtype, ``datetime64[us]``."""
    import numpy as np
    import pandas as pd

    return pd.Series(np.array(list(values), dtype="datetime64[D]").astype("datetime64[us]"))


def _string_dtype() -> Any:
    import pandas as pd

    return "str" if int(pd.__version__.split(".")[0]) >= 3 else object


# ----------------------------------------------------------------- events -> frame


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = record
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


_INT64_MAX = 2**63 - 1


def _check_int64(values: Sequence[Any], col: Column, records: Sequence[dict[str, Any]]) -> None:
    """Refuse a number too large for the frame's ``Int64`` columns, naming the event."""
    for position, value in enumerate(values):
        if value is not None and value > _INT64_MAX:
            raise DataError(
                f"{'.'.join(col.path)} of event {records[position].get('id')!r} is {value}, "
                f"more than the frame's Int64 columns (and Parquet, and CSV readers) hold "
                f"({_INT64_MAX}); such an event can be written only to JSON Lines",
                line=position + 1,
                field=col.name,
                unit="row",
            )


def to_frame(events: Sequence[Event]) -> pd.DataFrame:
    """The tidy frame of ``events``: one row per event, typed columns (see module docs).

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> df[["event_id", "kind", "when_earliest"]].head(2)
       event_id       kind when_earliest
    0  ly19-001  statement    2019-04-01
    1  ly19-002    meeting    2019-03-31
    """
    import pandas as pd

    records = events_adapter().dump_python(list(events), mode="json")
    data: dict[str, Any] = {}
    text = _string_dtype()
    for col in COLUMNS:
        values = [_get(r, col.path) for r in records]
        if col.type == JSON:
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
            data[col.name] = pd.Series(values, dtype=text)
        elif col.type == STR:
            data[col.name] = pd.Series(values, dtype=text)
        elif col.type == CAT:
            cats = col.categories or sorted({v for v in values if v is not None})
            data[col.name] = pd.Categorical(values, categories=pd.Index(cats, dtype=text))
        elif col.type == DATE:
            data[col.name] = date_series(values)
        elif col.type == INT:
            _check_int64(values, col, records)
            data[col.name] = pd.Series(values, dtype="Int64")
        elif col.type == FLOAT:
            data[col.name] = pd.Series(values, dtype="float64")
        else:
            data[col.name] = pd.Series(values, dtype="boolean")
    return pd.DataFrame(data)


def participants_frame(events: Iterable[Event]) -> pd.DataFrame:
    """One row per (meeting, participant), with the meeting's date, status and modality.

    Columns: ``event_id``, ``position`` (0-based order in the meeting), ``actor_id``,
    ``actor_name``, ``actor_kind``, ``actor_country``, ``actor_role``, ``is_host``
    (the participant is also the meeting's host), ``when_earliest``, ``when_latest``,
    ``status``, ``modality``.

    Examples
    --------
    >>> import diplodata as dd
    >>> es = dd.load_dataset("libya_2019", as_events=True)
    >>> pf = es.participants_frame()
    >>> pf.groupby("actor_name", observed=True).size().sort_values().index[-1]
    'Khalifa Haftar'
    """
    import pandas as pd

    rows: list[tuple[Any, ...]] = []
    for event in events:
        if event.kind != "meeting":
            continue
        for position, actor in enumerate(event.participants):
            is_host = event.host is not None and actor.same_as(event.host)
            rows.append(
                (
                    event.id,
                    position,
                    actor.id,
                    actor.name,
                    actor.kind.value,
                    actor.country,
                    actor.role,
                    is_host,
                    event.when.earliest,
                    event.when.latest,
                    event.status.value,
                    event.modality.value,
                )
            )
    columns = list(zip(*rows, strict=True)) if rows else [()] * 12
    text = _string_dtype()

    def cat(values: Sequence[Any], categories: Sequence[str] | None = None) -> Any:
        cats: list[Any] = list(categories or sorted({v for v in values if v is not None}))
        return pd.Categorical(list(values), categories=pd.Index(cats, dtype=text))

    return pd.DataFrame(
        {
            "event_id": pd.Series(list(columns[0]), dtype=text),
            "position": pd.Series(list(columns[1]), dtype="int64"),
            "actor_id": cat(columns[2]),
            "actor_name": cat(columns[3]),
            "actor_kind": cat(columns[4], _BY_NAME["host_kind"].categories),
            "actor_country": cat(columns[5]),
            "actor_role": cat(columns[6]),
            "is_host": pd.Series(list(columns[7]), dtype="bool"),
            "when_earliest": date_series(columns[8]),
            "when_latest": date_series(columns[9]),
            "status": cat(columns[10], _BY_NAME["status"].categories),
            "modality": cat(columns[11], _BY_NAME["modality"].categories),
        }
    )


# ----------------------------------------------------------------- frame -> events


def _nest(
    row: dict[str, Any], present: frozenset[str], stray: list[str]
) -> tuple[dict[str, Any], str | None]:
    """Build a contract-form record from one flat row.

    Columns of the row's own kind and common columns are always passed on (a null
    where a value is required is then reported by the models); columns of other
    kinds are not, and those that hold a value are appended to ``stray``, so that
    the reader can warn about them. Returns the record, or an error message for a
    broken JSON cell.
    """
    kind = row.get("kind")
    record: dict[str, Any] = {}
    for col in COLUMNS:
        if col.name not in present:
            continue
        value = row[col.name]
        if col.kind is not None and col.kind != kind:
            if value is not None and kind in _KINDS:
                stray.append(col.name)
            continue
        if col.type == JSON and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError as err:
                return record, f"{col.name}: not valid JSON ({err})"
        head = col.path[0]
        if len(col.path) == 1:
            record[head] = value
        else:
            sub = record.setdefault(head, {})
            if value is not None:
                sub[col.path[1]] = value
    for head in _OPTIONAL_OBJECTS:
        if record.get(head) == {}:
            record[head] = None
    return record, None


def refuse_duplicate_columns(names: Sequence[str], *, path: str | None = None) -> None:
    """Refuse a table that names a column twice: which of the two to read is not known.

    Examples
    --------
    >>> refuse_duplicate_columns(["event_id", "kind", "kind"])
    Traceback (most recent call last):
    ...
    diplodata.errors.DataError: field 'kind': column(s) 'kind' appear more than once; keep one of each
    """
    seen: set[str] = set()
    repeated: set[str] = set()
    for name in map(str, names):
        (repeated if name in seen else seen).add(name)
    twice = sorted(repeated)
    if twice:
        raise DataError(
            f"column(s) {', '.join(map(repr, twice))} appear more than once; keep one of each",
            path=path,
            field=twice[0],
        )


def _check_column_type(col: Column, arrow_type: Any, path: str | None) -> None:
    """Refuse a date column of numbers, or a count column of dates or flags, as a whole.

    Row by row, pydantic would read the number 1 as a timestamp one second after
    1970 (and refuse it with a confusing message), and the flag true as the count 1.
    """
    import pyarrow as pa

    t = arrow_type.value_type if pa.types.is_dictionary(arrow_type) else arrow_type
    if col.type == DATE:
        wrong = pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t)
        want = "dates (datetime64, datetime.date, or text YYYY-MM-DD)"
    elif col.type == INT:
        wrong = pa.types.is_boolean(t) or pa.types.is_temporal(t)
        want = "whole numbers"
    else:
        return
    if wrong:
        raise DataError(
            f"column {col.name!r} holds values of type {t}; it needs {want}",
            path=path,
            field=col.name,
        )


def _arrow_rows(table: Any, *, path: str | None = None) -> list[dict[str, Any]]:
    """Rows of a pyarrow Table as dicts, with timestamp columns (of midnights) turned into dates.

    A date or time beyond what Python holds (years 1 to 9999) is given as text, which
    the models then refuse, naming the row and the column. A date column of numbers,
    or a count column of dates or flags, raises :class:`DataError` naming the column
    (and ``path``).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, name in enumerate(table.column_names):
        col = _BY_NAME.get(name)
        column = table.column(i)
        if col is not None and col.type in (DATE, INT):
            _check_column_type(col, column.type, path)
        if col is not None and col.type == DATE and pa.types.is_timestamp(column.type):
            # Only a column of midnights becomes dates: pyarrow would drop a time of day
            # without a word, and pydantic refuses it, naming the row and column.
            with contextlib.suppress(pa.ArrowException):
                dates = pc.cast(column, pa.date32())
                if pc.all(pc.equal(pc.cast(dates, column.type), column)).as_py() is not False:
                    column = dates
        if (pa.types.is_date(column.type) or pa.types.is_timestamp(column.type)) and not (
            _fits_python(column)
        ):
            column = pc.cast(column, pa.string())
        if pa.types.is_dictionary(column.type):
            # Decoding first makes to_pylist 2.6x faster on this frame (bench/frame.py).
            column = column.cast(column.type.value_type)
        table = table.set_column(i, name, column)
    with gc_paused():
        rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _fits_python(column: Any) -> bool:
    """Whether every value of a date or timestamp column converts to a Python object."""
    import pyarrow.compute as pc

    extremes = pc.min_max(column)
    try:
        extremes["min"].as_py()
        extremes["max"].as_py()
    except (OverflowError, ValueError):
        return False
    return True


def events_from_rows(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    *,
    errors: Errors,
    path: str | None = None,
    rejected: Mapping[int, Problem] | None = None,
) -> tuple[list[Event], list[Problem]]:
    """Turn flat rows (dicts keyed by frame column) into events; row numbers are 1-based.

    ``rejected`` holds rows the reader already refused (by row number), with their
    problem; they are not validated, and count as rejected.
    """
    rejected = rejected or {}
    present = frozenset(columns)
    if "kind" not in present:
        raise DataError(
            "there is no 'kind' column; every row needs kind 'meeting', 'statement' or 'casualty'",
            path=path,
            field="kind",
        )
    if "event_id" not in present and rows:
        raise DataError(
            "there is no 'event_id' column; every row needs an id", path=path, field="event_id"
        )
    kinds = {row.get("kind") for number, row in enumerate(rows, start=1) if number not in rejected}
    for kind, required in _REQUIRED.items():
        missing = [name for name in required if name not in present]
        if kind in kinds and missing:
            raise DataError(
                f"column(s) {', '.join(map(repr, missing))} missing; {kind} rows need them",
                path=path,
                field=missing[0],
            )
    unknown = sorted(set(columns) - set(_BY_NAME) - {"__index_level_0__"})
    if unknown:
        where = f"{path}: " if path else ""
        warn_data(
            f"{where}ignored unknown column(s) {', '.join(map(repr, unknown))}; "
            "they are not part of the event frame"
        )
    records: list[dict[str, Any]] = []
    numbers: list[int] = []
    prior: list[Problem] = list(rejected.values())
    stray: list[str] = []
    strays: dict[str, list[int]] = {}
    for number, row in enumerate(rows, start=1):
        if number in rejected:
            continue
        record, json_error = _nest(row, present, stray)
        if stray:
            for name in stray:
                strays.setdefault(name, []).append(number)
            stray.clear()
        if json_error is not None:
            prior.append(Problem(number, json_error.split(":", 1)[0], json_error.split(": ", 1)[1]))
            continue
        records.append(record)
        numbers.append(number)
    if strays:
        _warn_strays(strays, path)
    return validate_records(
        records, numbers, errors=errors, path=path, unit="row", field_name=column_for, prior=prior
    )


def _warn_strays(strays: Mapping[str, list[int]], path: str | None) -> None:
    """Warn about values in columns of another kind of event (``count_value`` on a statement)."""
    listing = ", ".join(
        f"{name!r} ({_BY_NAME[name].kind} column; row {', '.join(map(str, at[:3]))}"
        + ("..." if len(at) > 3 else "")
        + ")"
        for name, at in strays.items()
    )
    where = f"{path}: " if path else ""
    warn_data(
        f"{where}ignored value(s) in column(s) {listing}: each of these columns belongs to "
        "one kind of event, and these rows are of another kind"
    )


def events_from_frame(
    df: pd.DataFrame, *, errors: Errors = "raise", path: str | None = None
) -> tuple[list[Event], list[Problem]]:
    """Events from a frame made by :func:`to_frame` (or any frame with its columns).

    A column that pyarrow cannot convert as a whole (an object column mixing text
    and numbers, say) is read value by value, so that each bad value is reported
    with its row, like any other.
    """
    import pandas as pd
    import pyarrow as pa

    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"from_frame takes a pandas DataFrame, not {type(df).__name__}; "
            "for a list of events or dicts use dd.EventSet(...)"
        )
    refuse_duplicate_columns([str(c) for c in df.columns], path=path)
    loose: list[str] = []
    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        loose = [str(c) for c in df.columns if not _arrow_converts(df[c])]
        if not loose:  # pragma: no cover - every column converts alone but not together
            raise
        table = pa.Table.from_pandas(df.drop(columns=loose), preserve_index=False)
    rows = _arrow_rows(table, path=path)
    columns = list(table.column_names)
    for name in loose:
        series = df[name]
        values = series.astype(object).where(series.notna(), None).tolist()
        for row, value in zip(rows, values, strict=True):
            row[name] = value
        columns.append(name)
    return events_from_rows(rows, columns, errors=errors, path=path)


def _arrow_converts(series: pd.Series) -> bool:
    import pyarrow as pa

    try:
        pa.Array.from_pandas(series)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return False
    return True
