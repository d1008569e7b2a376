"""Reading the event frame from Parquet and CSV files, for :func:`diplodata.io.read_events`.

Both formats hold the event frame (:mod:`diplodata.frame`); each reader turns the
file into flat rows and hands them to :func:`diplodata.frame.events_from_rows`.
The behaviour for awkward input is listed in :mod:`diplodata.io`.

Examples
--------
>>> import tempfile, pathlib, diplodata as dd
>>> out = pathlib.Path(tempfile.mkdtemp()) / "libya.csv"
>>> _ = dd.write_events(dd.load_dataset("libya_2019", as_events=True), out)
>>> events, problems = read_csv(out, "raise")
>>> len(events), problems
(189, [])
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from diplodata._file_checks import refuse_binary, refuse_utf16
from diplodata._records import Problem
from diplodata.errors import DataError
from diplodata.models import Event

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_csv", "read_parquet"]


def read_parquet(
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


def read_csv(path: Path, errors: Literal["raise", "collect"]) -> tuple[list[Event], list[Problem]]:
    import pandas as pd
    import pyarrow as pa

    from diplodata._from_frame import _arrow_rows, events_from_rows
    from diplodata.frame import COLUMNS

    with path.open("rb") as fh:
        head = fh.read(8)
    refuse_utf16(head[:4], path)
    refuse_binary(head, path, "csv")

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
