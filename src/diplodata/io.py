"""Read and write events: JSON Lines, Parquet and CSV, chosen by extension.

JSON Lines (``.jsonl``, ``.ndjson``) holds the contract form, one event per line.
Parquet (``.parquet``, ``.pq``) and CSV (``.csv``) hold the event frame
(:mod:`diplodata.frame`). Every format round-trips exactly.

Defined behaviour for awkward input, the same in every format where it applies:

* an empty file (or a CSV with only a header) reads as an empty :class:`EventSet`;
* a UTF-8 byte-order mark is skipped; CRLF line endings read like LF;
* blank lines in JSON Lines are skipped (line numbers still count them);
* unknown fields or columns are ignored, with a :class:`~diplodata.DataWarning` naming them;
* a file in UTF-16 is refused with a message saying to re-save it as UTF-8;
* a bad record raises :class:`~diplodata.DataError` naming file, line or row, and
  field (``errors="raise"``, the default), or is listed in ``.problems``
  (``errors="collect"``): read = loaded + rejected, always.

Writes are atomic: the data goes to a temporary file in the same folder, which
then replaces the target, so a crash mid-write leaves the old file intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from diplodata._records import Problem, check_errors_arg, validate_records
from diplodata.errors import DataError
from diplodata.eventset import EventSet
from diplodata.models import Event

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "read_events", "write_events"]

Format = Literal["jsonl", "parquet", "csv"]
FORMATS: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
}
"""File extensions and the format each one means."""

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


def _format_of(path: Path, format: str | None) -> Format:
    if format is not None:
        if format not in ("jsonl", "parquet", "csv"):
            raise ValueError(f"format must be 'jsonl', 'parquet' or 'csv', not {format!r}")
        return format  # type: ignore[return-value]
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(
            f"{path}: cannot tell the format from the extension {path.suffix!r}; "
            f"use one of {known} or pass format='jsonl', 'parquet' or 'csv'"
        ) from None


# ---------------------------------------------------------------------- reading


def read_events(
    path: str | os.PathLike[str], *, format: str | None = None, errors: str = "raise"
) -> EventSet:
    """Read events from a JSON Lines, Parquet or CSV file.

    Parameters
    ----------
    path
        The file. Its extension picks the format (``.jsonl``/``.ndjson``,
        ``.parquet``/``.pq``, ``.csv``) unless ``format`` is given.
    format
        ``"jsonl"``, ``"parquet"`` or ``"csv"``, to override the extension.
    errors
        ``"raise"`` (default): a bad record raises :class:`~diplodata.DataError`
        naming the file, the line (JSON Lines) or row (CSV, Parquet; 1-based,
        header not counted), the field and the problem. ``"collect"``: the good
        records load and the bad ones are listed in the result's ``.problems``.

    Returns
    -------
    EventSet
        The events in file order.

    Examples
    --------
    >>> import tempfile, pathlib, diplodata as dd
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> good = '{"kind": "statement", "id": "s1", "speaker": {"name": "WHO"}, "content": "calm"}'
    >>> _ = (folder / "mixed.jsonl").write_text(good + chr(10) + "{not json" + chr(10))
    >>> dd.read_events(folder / "mixed.jsonl")
    Traceback (most recent call last):
    ...
    diplodata.errors.DataError: .../mixed.jsonl, line 2: invalid JSON: ...
    >>> es = dd.read_events(folder / "mixed.jsonl", errors="collect")
    >>> len(es), es.problems["line"].tolist()
    (1, [2])
    """
    p = Path(path)
    mode = check_errors_arg(errors)
    fmt = _format_of(p, format)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file")
    if p.is_dir():
        raise IsADirectoryError(f"{p}: is a folder; read_events reads one file")
    if fmt == "jsonl":
        events, problems = _read_jsonl(p, mode)
    elif fmt == "parquet":
        events, problems = _read_parquet(p, mode)
    else:
        events, problems = _read_csv(p, mode)
    return EventSet(events, problems=problems)


def _read_jsonl(
    path: Path, errors: Literal["raise", "collect"]
) -> tuple[list[Event], list[Problem]]:
    data = path.read_bytes()
    if data.startswith(_UTF16_BOMS):
        raise DataError(
            "the file is UTF-16 encoded; diplodata reads UTF-8 (re-save it as UTF-8)", path=path
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    prior: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            prior.append(
                Problem(number, None, f"not valid UTF-8 (byte {err.start + 1} of the line)")
            )
            continue
        try:
            record = json.loads(text)
        except ValueError as err:
            msg = getattr(err, "msg", str(err))
            col = getattr(err, "colno", None)
            prior.append(
                Problem(number, None, f"invalid JSON: {msg}" + (f" at column {col}" if col else ""))
            )
            continue
        if not isinstance(record, dict):
            prior.append(
                Problem(number, None, f"expected a JSON object, got {type(record).__name__}")
            )
            continue
        records.append(record)
        lines.append(number)
    return validate_records(records, lines, errors=errors, path=str(path), prior=prior)


def _read_parquet(
    path: Path, errors: Literal["raise", "collect"]
) -> tuple[list[Event], list[Problem]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplodata.frame import _arrow_rows, events_from_rows

    if path.stat().st_size == 0:
        return [], []
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as err:
        raise DataError(f"not a readable Parquet file: {err}", path=path) from err
    return events_from_rows(_arrow_rows(table), table.column_names, errors=errors, path=str(path))


def _read_csv(path: Path, errors: Literal["raise", "collect"]) -> tuple[list[Event], list[Problem]]:
    import pandas as pd
    import pyarrow as pa

    from diplodata.frame import _arrow_rows, events_from_rows

    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(_UTF16_BOMS):
        raise DataError(
            "the file is UTF-16 encoded; diplodata reads UTF-8 (re-save it as UTF-8)", path=path
        )
    try:
        df = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8-sig",
        )
    except pd.errors.EmptyDataError:
        return [], []
    except UnicodeDecodeError as err:
        raise DataError(f"not valid UTF-8 (byte {err.start + 1} of the file)", path=path) from err
    except pd.errors.ParserError as err:
        raise DataError(f"not readable as CSV: {err}", path=path) from err
    table = pa.Table.from_pandas(df, preserve_index=False)
    return events_from_rows(_arrow_rows(table), table.column_names, errors=errors, path=str(path))


# ---------------------------------------------------------------------- writing


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _as_eventset(data: EventSet | Iterable[Event] | pd.DataFrame) -> EventSet:
    if isinstance(data, EventSet):
        return data
    if hasattr(data, "columns") and hasattr(data, "iloc"):
        return EventSet.from_frame(data)  # type: ignore[arg-type]
    return EventSet(data)


def write_events(
    data: EventSet | Iterable[Event] | pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
) -> Path:
    """Write events to a JSON Lines, Parquet or CSV file, atomically.

    Parameters
    ----------
    data
        An :class:`EventSet`, any iterable of events, or an event frame (which is
        validated first).
    path
        The target file; its extension picks the format unless ``format`` is
        given. Missing folders are created.
    format
        ``"jsonl"``, ``"parquet"`` or ``"csv"``, to override the extension.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib, diplodata as dd
    >>> es = dd.load_dataset("libya_2019", as_events=True)
    >>> out = dd.write_events(es, pathlib.Path(tempfile.mkdtemp()) / "libya.parquet")
    >>> dd.read_events(out) == es
    True
    """
    p = Path(path)
    fmt = _format_of(p, format)
    events = _as_eventset(data)
    if fmt == "jsonl":

        def write(tmp: Path) -> None:
            with tmp.open("wb") as fh:
                for event in events:
                    fh.write(event.model_dump_json().encode("utf-8"))
                    fh.write(b"\n")

    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(events.to_frame(), preserve_index=False)

        def write(tmp: Path) -> None:
            pq.write_table(table, tmp)

    else:
        frame = events.to_frame()

        def write(tmp: Path) -> None:
            frame.to_csv(tmp, index=False, date_format="%Y-%m-%d", lineterminator="\n")

    _atomic_write(p, write)
    return p
