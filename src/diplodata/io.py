"""Read and write events: JSON Lines, Parquet and CSV, chosen by extension.

JSON Lines (``.jsonl``, ``.ndjson``) holds the contract form, one event per line.
Parquet (``.parquet``, ``.pq``) and CSV (``.csv``) hold the event frame
(:mod:`diplodata.frame`). Every format round-trips exactly, whatever the text
(CSV is written with CRLF line ends, RFC 4180, so that a carriage return inside a
field is quoted), with one limit: the frame's counts are 64-bit integers, so a
count above 9223372036854775807 can be written only to JSON Lines.

Defined behaviour for awkward input, the same in every format where it applies:

* an empty file (or a CSV with only a header) reads as an empty :class:`EventSet`;
* a UTF-8 byte-order mark is skipped; CRLF line endings read like LF;
* blank lines in JSON Lines are skipped (line numbers still count them);
* unknown fields or columns are ignored, with a :class:`~diplodata.DataWarning` naming them;
* a file in UTF-16 (with or without a byte-order mark) is refused with a message
  saying to re-save it as UTF-8;
* a compressed file, an archive, or a Parquet file given as JSON Lines or CSV is
  refused, naming what it is (told by its first bytes);
* bytes that are not UTF-8 reject their line (JSON Lines) or row (CSV);
* a JSON Lines line longer than :data:`MAX_LINE_BYTES` (16 MiB) is rejected without
  being held in memory (one event takes far less; such a line is a JSON array or
  not JSON Lines at all);
* a CSV or Parquet file that names a column twice is refused;
* two records with the same id both load, with a :class:`~diplodata.DataWarning`
  naming the id and its lines (ids should be unique; :func:`diplodata.validate`
  checks it on the loaded set);
* a CSV row with more fields than the header refuses the file (the columns would
  not line up); a row with fewer leaves the missing cells empty;
* a bad record raises :class:`~diplodata.DataError` naming file, line or row, and
  field (``errors="raise"``, the default), or is listed in ``.problems``
  (``errors="collect"``): read = loaded + rejected, always. Problems with the file
  as a whole (not Parquet, a missing column, UTF-16) raise in both modes.

Writes are atomic: the data goes to a temporary file in the same folder, which
then replaces the target, so a crash mid-write leaves the old file intact. The
file gets the permissions of the file it replaces (or of any new file).
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from diplodata._file_checks import UTF8_BOM, refuse_binary, refuse_utf16
from diplodata._read_tables import read_csv, read_parquet
from diplodata._records import Problem, check_errors_arg, validate_records
from diplodata.eventset import EventSet
from diplodata.models import Event

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "MAX_LINE_BYTES", "read_events", "write_events"]

Format = Literal["jsonl", "parquet", "csv"]
FORMATS: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
}
"""File extensions and the format each one means."""

MAX_LINE_BYTES = 16 * 2**20
"""The longest JSON Lines line read as a record; a longer one is rejected unread."""

_CHUNK = 2**20


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
        events, problems = read_parquet(p, mode)
    else:
        events, problems = read_csv(p, mode)
    return EventSet(events, problems=problems)


def _read_jsonl(
    path: Path, errors: Literal["raise", "collect"]
) -> tuple[list[Event], list[Problem]]:
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    prior: list[Problem] = []
    limit = MAX_LINE_BYTES + 1
    with path.open("rb") as fh:
        head = fh.read(8)
        refuse_utf16(head[:4], path)
        refuse_binary(head, path, "jsonl")
        fh.seek(len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0)
        # Line by line, each read capped: a huge line (a whole JSON array on one
        # line, or no newlines at all) is measured in chunks, never held whole.
        readline = fh.readline
        number = 0
        while raw := readline(limit):
            number += 1
            if len(raw) == limit and not raw.endswith(b"\n"):
                prior.append(Problem(number, None, _too_long(raw, fh)))
                continue
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
                hint = (
                    "; the file looks like pretty-printed JSON, but JSON Lines holds "
                    "one event object per line"
                    if number == 1 and text.strip() in ("[", "{")
                    else ""
                )
                prior.append(
                    Problem(
                        number,
                        None,
                        f"invalid JSON: {msg}" + (f" at column {col}" if col else "") + hint,
                    )
                )
                continue
            except RecursionError:  # json raises it for deeply nested arrays or objects
                prior.append(Problem(number, None, "invalid JSON: nested too deeply to read"))
                continue
            if not isinstance(record, dict):
                hint = (
                    " (JSON Lines holds one event object per line, not an array of events)"
                    if isinstance(record, list)
                    else ""
                )
                prior.append(
                    Problem(
                        number, None, f"expected a JSON object, got {type(record).__name__}{hint}"
                    )
                )
                continue
            records.append(record)
            lines.append(number)
    return validate_records(records, lines, errors=errors, path=str(path), prior=prior)


def _too_long(start: bytes, fh: Any) -> str:
    """Read past the rest of an over-long line, in chunks; say how long it was."""
    size = len(start)
    chunk = start
    while chunk and not chunk.endswith(b"\n"):
        chunk = fh.readline(_CHUNK)
        size += len(chunk)
    array = " (it starts with '[': a JSON array of events?)" if start.lstrip()[:1] == b"[" else ""
    return (
        f"the line is {size / 2**20:.1f} MiB long, more than the "
        f"{MAX_LINE_BYTES // 2**20} MiB one event may take{array}; "
        "JSON Lines holds one event object per line"
    )


# ---------------------------------------------------------------------- writing


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename it over ``path``.

    The temporary file is created like any new file (permissions from the umask),
    and takes the permissions of the file it replaces; it is flushed to disk before
    the rename, so that even a power cut leaves either the old file or the new one.
    A symbolic link is written through: its target is replaced, the link is kept.
    """
    if path.is_symlink():  # write through a link, as open() would, and keep the link
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        os.close(fd)
        break
    try:
        write(tmp)
        fd = os.open(tmp, os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
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
            # CRLF line ends (RFC 4180): Python's csv writer quotes a field only when it
            # holds a character of the line terminator, so with "\n" alone a "\r" in a
            # field went out unquoted and split the row when read back.
            frame.to_csv(tmp, index=False, date_format="%Y-%m-%d", lineterminator="\r\n")

    _atomic_write(p, write)
    return p
