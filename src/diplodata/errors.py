"""Errors and warnings raised by diplodata.

One base class, :class:`DiplodataError`; each specific error also inherits the
builtin a caller would naturally catch (``ValueError``, ``KeyError``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplodata.validate.report import ValidationReport

__all__ = [
    "DataError",
    "DataWarning",
    "DatasetNotFoundError",
    "DiplodataError",
    "ValidationError",
]


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


class ValidationError(DiplodataError, ValueError):
    """Data that breaks validation rules of severity ``error``.

    Raised by :meth:`ValidationReport.raise_for_errors`; ``.report`` is the whole
    :class:`~diplodata.ValidationReport`, and the message counts the errors per rule.

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> df.loc[1, "event_id"] = df.loc[0, "event_id"]
    >>> try:
    ...     dd.validate(df).raise_for_errors()
    ... except dd.ValidationError as err:
    ...     print(err)
    ...     print(len(err.report.issues[err.report.issues["severity"] == "error"]))
    2 errors in 189 events: event.id_duplicated (2); see .report.issues
    2
    """

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        errors = report.issues[report.issues["severity"] == "error"]
        per_rule = errors.groupby("rule", sort=False).size()
        rules = ", ".join(f"{code} ({n})" for code, n in per_rule.items())
        super().__init__(
            f"{len(errors)} error{'' if len(errors) == 1 else 's'} in {report.n_events} "
            f"events: {rules}; see .report.issues"
        )


class DataWarning(UserWarning):
    """Something in the input was read in a defined but possibly surprising way."""
