"""Errors and warnings raised by diplodata.

One base class, :class:`DiplodataError`; each specific error also inherits the
builtin a caller would naturally catch (``ValueError``, ``KeyError``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DataError", "DataWarning", "DatasetNotFoundError", "DiplodataError"]


class DiplodataError(Exception):
    """Base class of every error diplodata raises on purpose."""


class DataError(DiplodataError, ValueError):
    """Input data that cannot be read as events.

    The message names the file, the line (JSON Lines) or row (CSV, Parquet, frames),
    the field and the problem; the same facts are kept as attributes.

    Parameters
    ----------
    message
        What was wrong, and what to do instead.
    path
        The file being read, if any.
    line
        1-based line (JSON Lines) or data row (CSV, Parquet, DataFrame), if known.
    field
        The field or column at fault, if known (dotted for nested fields: ``count.value``).

    Examples
    --------
    >>> err = DataError("count.value must be >= 0", path="tolls.jsonl", line=3, field="count.value")
    >>> str(err)
    "tolls.jsonl, line 3, field 'count.value': count.value must be >= 0"
    >>> isinstance(err, ValueError)
    True
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        unit: str = "line",
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field
        where = []
        if self.path is not None:
            where.append(self.path)
        if line is not None:
            where.append(f"{unit} {line}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(", ".join(where) + ": " + message if where else message)


class DatasetNotFoundError(DiplodataError, KeyError):
    """A dataset name that is not bundled with diplodata."""

    def __str__(self) -> str:
        # KeyError quotes its argument; show the message as written.
        return str(self.args[0]) if self.args else ""


class DataWarning(UserWarning):
    """Something in the input was read in a defined but possibly surprising way."""
