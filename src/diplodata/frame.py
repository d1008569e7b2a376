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

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

# The column types, column_for and events_from_rows are re-exported (imported from here).
from diplodata._frame_columns import _BY_NAME, COLUMNS, Column
from diplodata._frame_columns import BOOL as BOOL
from diplodata._frame_columns import CAT as CAT
from diplodata._frame_columns import DATE as DATE
from diplodata._frame_columns import FLOAT as FLOAT
from diplodata._frame_columns import INT as INT
from diplodata._frame_columns import JSON as JSON
from diplodata._frame_columns import STR as STR
from diplodata._frame_columns import column_for as column_for
from diplodata._from_frame import events_from_frame, refuse_duplicate_columns
from diplodata._from_frame import events_from_rows as events_from_rows
from diplodata.errors import DataError
from diplodata.models import Event, events_adapter

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


def date_series(values: Iterable[dt.date | None]) -> pd.Series:
    """Dates (``None`` for missing) as the frame's date dtype, ``datetime64[us]``."""
    import numpy as np
    import pandas as pd

    return pd.Series(np.array(list(values), dtype="datetime64[D]").astype("datetime64[us]"))


def _string_dtype() -> Any:
    import pandas as pd

    return "str" if int(pd.__version__.split(".")[0]) >= 3 else object


# ----------------------------------------------------------------- events -> frame


def frame_of(data: object) -> pd.DataFrame:
    """The event frame of ``data``: a DataFrame as it is, or an EventSet's ``to_frame()``.

    Anything else raises :class:`TypeError` naming its type.

    Examples
    --------
    >>> import diplodata as dd
    >>> es = dd.load_dataset("libya_2019", as_events=True)
    >>> frame_of(es).shape == frame_of(es.to_frame()).shape
    True
    >>> frame_of([1, 2])
    Traceback (most recent call last):
    ...
    TypeError: expected an EventSet or its frame (EventSet.to_frame()), got list
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    to_frame = getattr(data, "to_frame", None)
    if to_frame is None:
        raise TypeError(
            f"expected an EventSet or its frame (EventSet.to_frame()), got {type(data).__name__}"
        )
    frame: pd.DataFrame = to_frame()
    return frame


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
