"""From the event frame back to events: flat rows nested into the contract and validated.

:func:`events_from_frame` reads a DataFrame, :func:`events_from_rows` the flat rows
any reader makes (the Parquet and CSV readers of :mod:`diplodata.io` use it too),
after :func:`_arrow_rows` has turned a pyarrow table into rows. Re-exported by
:mod:`diplodata.frame`.

Examples
--------
>>> import diplodata as dd
>>> df = dd.load_dataset("libya_2019")
>>> events, problems = events_from_frame(df)
>>> len(events) == len(df), problems
(True, [])
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from diplodata._frame_columns import (
    _BY_NAME,
    _KINDS,
    _OPTIONAL_OBJECTS,
    _REQUIRED,
    COLUMNS,
    DATE,
    INT,
    JSON,
    Column,
    column_for,
)
from diplodata._records import Errors, Problem, gc_paused, validate_records, warn_data
from diplodata.errors import DataError
from diplodata.models import Event

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["events_from_frame", "events_from_rows", "refuse_duplicate_columns"]


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
