"""Columns of JSON lists of objects (``participants``, ``evidence``) read in one pyarrow pass.

The frame keeps these lists as JSON text so that every file format carries them
exactly; the validation rules, :func:`diplodata.reconcile` and the plots read them
back through :func:`json_lists`, one long frame with a row per list item.

pandas, numpy and pyarrow are imported inside the functions.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["json_lists"]

_SLICE = 200_000


def json_lists(values: pd.Series, fields: dict[str, str]) -> tuple[pd.DataFrame, list[int]]:
    """Parse a column of JSON lists of objects into one long frame.

    Parameters
    ----------
    values
        JSON text (a list of objects) or missing, one per row.
    fields
        The object fields to keep, with their pyarrow type name (``"string"``, ``"int64"``).

    Returns
    -------
    (long, bad)
        ``long`` has a ``row`` column (0-based position in ``values``), a ``position``
        column (0-based place in the row's list) and one column per field; ``bad`` lists
        the positions whose text is not a JSON list of objects.

    Examples
    --------
    >>> import pandas as pd
    >>> long, bad = json_lists(pd.Series(['[{"id": "a"}, {"id": "b"}]', None, "[]"]), {"id": "string"})
    >>> long[["row", "position", "id"]].values.tolist(), bad
    ([[0, 0, 'a'], [0, 1, 'b']], [])
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    texts = _arrow_strings(values)
    item = pa.struct([(name, getattr(pa, kind)()) for name, kind in fields.items()])
    present = np.arange(len(values))
    try:
        # In slices, so that the JSON text is copied a slice at a time.
        table = pa.concat_tables(
            [
                _read_lines(texts.slice(start, _SLICE), item)
                for start in range(0, max(len(texts), 1), _SLICE)
            ]
        )
        bad: list[int] = []
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
        present = np.flatnonzero(values.notna().to_numpy())
        table, good = _read_slowly(texts.filter(texts.is_valid()), item)
        bad = [int(present[i]) for i in np.flatnonzero(~good)]
        present = present[good]
    lists = table.column("p").combine_chunks()
    parents = np.asarray(pa.compute.list_parent_indices(lists))
    offsets = np.asarray(lists.offsets)
    flat = lists.flatten()
    rows = present[parents] if len(parents) else np.zeros(0, dtype="int64")
    position = np.arange(len(parents)) - (offsets[parents] - offsets[0]) if len(parents) else rows
    data: dict[str, Any] = {"row": rows.astype("int64"), "position": position.astype("int64")}
    for name in fields:
        data[name] = (
            flat.field(name)
            .to_pandas(types_mapper=pd.ArrowDtype)
            .astype(_pandas_dtype(fields[name]))
        )
    return pd.DataFrame(data), bad


def _arrow_strings(values: pd.Series) -> Any:
    """The column as one pyarrow string array (no copy when it is arrow-backed already)."""
    import pyarrow as pa

    try:
        arr = pa.array(values.array)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        arr = pa.array(values.astype("object").to_numpy(), type=pa.string(), from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.string():
        arr = arr.cast(pa.string())
    return arr


def _pandas_dtype(kind: str) -> str:
    return "Int64" if kind == "int64" else "str"


def _read_lines(texts: Any, item: Any) -> Any:
    """Read ``{"p": <text>}`` lines with pyarrow's JSON reader, in order."""
    import io

    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    schema = pa.schema([("p", pa.list_(item))])
    if len(texts) == 0:
        return schema.empty_table()
    lines = pc.binary_join_element_wise(
        '{"p":', texts, "}\n", "", null_handling="replace", null_replacement="null"
    )
    _, offsets, data = lines.buffers()
    bounds = np.frombuffer(offsets, dtype="int32")[lines.offset : lines.offset + len(lines) + 1]
    payload = memoryview(data)[int(bounds[0]) : int(bounds[-1])]
    table = pj.read_json(
        io.BytesIO(payload),
        read_options=pj.ReadOptions(block_size=1 << 24),
        parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"),
    )
    if table.num_rows != len(texts):
        raise ValueError("one cell is not a single JSON value")
    return table


def _read_slowly(texts: Any, item: Any) -> tuple[Any, Any]:
    """Parse cell by cell (only when the fast reader refuses the column), marking bad cells."""
    import numpy as np
    import pyarrow as pa

    good = np.ones(len(texts), dtype=bool)
    parsed: list[list[dict[str, Any]]] = []
    names = [item.field(i).name for i in range(item.num_fields)]
    for i, text in enumerate(texts.to_pylist()):
        try:
            value = json.loads(text)
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ValueError("not a list of objects")
            pa.array([[{n: v.get(n) for n in names} for v in value]], type=pa.list_(item))
        except (ValueError, TypeError, pa.ArrowException):
            good[i] = False
            continue
        parsed.append([{n: v.get(n) for n in names} for v in value])
    return pa.table({"p": pa.array(parsed, type=pa.list_(item))}), good
