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
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from diplodata._records import Problem, check_errors_arg, validate_records
from diplodata.errors import DataError
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

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
_CHUNK = 2**20

# First bytes of files that are not text, and what to tell the user.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first (gunzip)"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel workbook); extract or export the data first"),
    (b"BZh", "a bzip2-compressed file; decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file; decompress it first (unzstd)"),
    (b"PAR1", "a Parquet file; name it .parquet or pass format='parquet'"),
)


def _refuse_binary(head: bytes, path: Path, fmt: str) -> None:
    """Refuse a file whose first bytes say it is compressed, an archive, or Parquet."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            name = "JSON Lines" if fmt == "jsonl" else "CSV"
            raise DataError(f"not {name} text: this is {what}", path=path)


def _refuse_utf16(head: bytes, path: Path) -> None:
    """Refuse a UTF-16 (or UTF-32) file: a byte-order mark, or NUL bytes between characters.

    Both JSON Lines and the CSV header start with ASCII text, which UTF-16 without
    a byte-order mark writes with a NUL byte before or after each character.
    """
    if head.startswith(_UTF16_BOMS) or b"\x00" in head[:2]:
        raise DataError(
            "the file is UTF-16 encoded; diplodata reads UTF-8 (re-save it as UTF-8)", path=path
        )


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
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    prior: list[Problem] = []
    limit = MAX_LINE_BYTES + 1
    with path.open("rb") as fh:
        head = fh.read(8)
        _refuse_utf16(head[:4], path)
        _refuse_binary(head, path, "jsonl")
        fh.seek(len(_UTF8_BOM) if head.startswith(_UTF8_BOM) else 0)
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


def _read_parquet(
    path: Path, errors: Literal["raise", "collect"]
) -> tuple[list[Event], list[Problem]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from diplodata._from_frame import _arrow_rows, events_from_rows, refuse_duplicate_columns

    if path.stat().st_size == 0:
        return [], []
    try:
        # The schema first (the file's footer): a column named twice cannot be read
        # by name, and pyarrow's own message for it lists the whole schema.
        refuse_duplicate_columns(pq.read_schema(path).names, path=str(path))
        table = pq.read_table(path)
        # Check every value, text included, and the column names: a damaged file can
        # hold bytes that are not UTF-8, which would otherwise fail later and bare.
        table.validate(full=True)
    except (pa.ArrowException, OSError, UnicodeError) as err:
        first_line = str(err).strip().split("\n", 1)[0]
        raise DataError(f"not a readable Parquet file: {first_line}", path=path) from err
    columns = table.column_names
    rows = _arrow_rows(table, path=str(path))
    return events_from_rows(rows, columns, errors=errors, path=str(path))


def _read_csv(path: Path, errors: Literal["raise", "collect"]) -> tuple[list[Event], list[Problem]]:
    import pandas as pd
    import pyarrow as pa

    from diplodata._from_frame import _arrow_rows, events_from_rows
    from diplodata.frame import COLUMNS

    with path.open("rb") as fh:
        head = fh.read(8)
    _refuse_utf16(head[:4], path)
    _refuse_binary(head, path, "csv")

    def read(encoding_errors: str) -> pd.DataFrame:
        with warnings.catch_warnings():
            # A row with more fields than the header is an error: not an index (the
            # default), and not cut short with a warning (index_col=False alone).
            warnings.simplefilter("error", pd.errors.ParserWarning)
            try:
                return pd.read_csv(
                    path,
                    dtype=object,
                    keep_default_na=False,
                    na_values=[""],
                    encoding="utf-8-sig",
                    encoding_errors=encoding_errors,
                    index_col=False,
                )
            except pd.errors.ParserWarning as err:
                raise DataError(
                    "not readable as CSV: a row has more fields than the header has columns",
                    path=path,
                ) from err

    rejected: dict[int, Problem] = {}
    try:
        try:
            df = read("strict")
        except UnicodeDecodeError:
            # Read again with the bad bytes kept as lone surrogates, to find their rows.
            try:
                df = read("surrogateescape")
            except UnicodeError as err:  # column names cannot hold the bad bytes
                raise DataError(
                    "the header is not valid UTF-8 (re-save the file as UTF-8)", path=path
                ) from err
            rejected = _rows_with_bad_bytes(df, path)
    except pd.errors.EmptyDataError:
        return [], []
    except pd.errors.ParserError as err:
        raise DataError(f"not readable as CSV: {str(err).strip()}", path=path) from err
    _check_csv_header([str(name) for name in df.columns], {c.name for c in COLUMNS}, path)
    table = pa.Table.from_pandas(df, preserve_index=False)
    return events_from_rows(
        _arrow_rows(table, path=str(path)),
        table.column_names,
        errors=errors,
        path=str(path),
        rejected=rejected,
    )


def _check_csv_header(names: list[str], known: set[str], path: Path) -> None:
    """Refuse a header that names a column twice, or that is not split by commas.

    pandas renames the second ``content`` column ``content.1``; that is how a
    repeated name shows here.
    """
    twice = sorted(
        {
            base
            for name in names
            for base, sep, tail in [name.rpartition(".")]
            if sep and tail.isdigit() and base in known and name not in known
        }
    )
    if twice:
        raise DataError(
            f"column(s) {', '.join(map(repr, twice))} appear more than once in the header; "
            "keep one of each",
            path=path,
            field=twice[0],
        )
    if "kind" not in names and len(names) == 1:
        for sep in (";", "\t", "|"):
            if sep in names[0] and "kind" in names[0].split(sep):
                raise DataError(
                    f"the header is one column split by {sep!r}; diplodata reads CSV "
                    "separated by commas (re-save it with commas)",
                    path=path,
                )


def _has_surrogate(value: object) -> bool:
    return isinstance(value, str) and any("\udc80" <= ch <= "\udcff" for ch in value)


def _rows_with_bad_bytes(df: pd.DataFrame, path: Path) -> dict[int, Problem]:
    """Find the cells that held invalid UTF-8; blank their rows and return one problem each.

    ``df`` was read with ``encoding_errors="surrogateescape"``; its rows are changed in place.
    """
    for name in df.columns:
        if _has_surrogate(name):
            raise DataError("the header is not valid UTF-8 (re-save the file as UTF-8)", path=path)
    rejected: dict[int, Problem] = {}
    for name in df.columns:
        for position in df.index[df[name].map(_has_surrogate)]:
            number = int(position) + 1
            if number not in rejected:
                raw = str(df.at[position, name]).encode("utf-8", "surrogateescape")
                rejected[number] = Problem(number, str(name), f"not valid UTF-8 (got {raw!r})")
    if rejected:
        df.loc[[n - 1 for n in rejected]] = None
    return rejected


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
