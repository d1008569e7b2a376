"""Validate many event records at once and say, per record, what was wrong.

This is the one place where raw records (dicts from JSON Lines, rows of a frame)
become events. It makes one :class:`pydantic.TypeAdapter` call for the whole batch,
turns pydantic's errors into one problem per rejected record (line, field,
message), and handles unknown fields the same way for every format: they are
ignored, with a :class:`~diplodata.errors.DataWarning` that names them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from diplodata.errors import DataError, DataWarning
from diplodata.models import Event, events_adapter

Errors = Literal["raise", "collect"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One rejected record: where it was, which field, what was wrong."""

    line: int | None
    field: str | None
    message: str


def check_errors_arg(errors: str) -> Errors:
    """Check the ``errors=`` argument every reader takes."""
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    return errors  # type: ignore[return-value]


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe_error(err: dict[str, Any]) -> tuple[tuple[str | int, ...], str]:
    """The field path (inside the record) and a readable message for one pydantic error."""
    loc = tuple(err["loc"])
    # loc is (index, kind-tag, field, ...) for events; drop the index and the tag.
    path = loc[1:]
    if path and path[0] in ("meeting", "statement", "casualty"):
        path = path[1:]
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    etype = err["type"]
    if etype in ("union_tag_invalid", "union_tag_not_found"):
        path = ("kind",)
        msg = "kind must be one of 'meeting', 'statement', 'casualty'"
        if etype == "union_tag_invalid":
            msg += f" (got {_short(err.get('ctx', {}).get('tag'))})"
    elif etype not in ("missing",) and "input" in err and not isinstance(err["input"], dict):
        msg += f" (got {_short(err['input'])})"
    return path, msg


def _delete(record: dict[str, Any], path: tuple[str | int, ...]) -> None:
    node: Any = record
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]


def validate_records(
    records: Sequence[dict[str, Any]],
    lines: Sequence[int],
    *,
    errors: Errors,
    path: str | None = None,
    unit: str = "line",
    field_name: Callable[[tuple[str | int, ...]], str] | None = None,
    prior: Sequence[Problem] = (),
) -> tuple[list[Event], list[Problem]]:
    """Validate ``records`` (dicts in the contract form) in one pass.

    Parameters
    ----------
    records
        The records; they may be modified (unknown fields are deleted from them).
    lines
        The line or row number of each record, for messages.
    errors
        ``"raise"``: raise :class:`DataError` for the first bad record (in file order,
        counting ``prior`` problems). ``"collect"``: return the good events and the problems.
    path, unit
        The file and the word for a position ("line" or "row"), for messages.
    field_name
        Maps a field path to the name the user knows (a column name for frames).
    prior
        Problems found before validation (broken JSON, bad bytes), merged in line order.

    Returns
    -------
    events, problems
        The valid events in input order, and one :class:`Problem` per rejected record.
    """
    name = field_name or (lambda p: ".".join(str(part) for part in p))
    adapter = events_adapter()
    bad: dict[int, Problem] = {}
    unknown: dict[str, list[int]] = {}
    try:
        events = adapter.validate_python(records)
    except ValidationError as exc:
        extras: list[tuple[int, tuple[str | int, ...]]] = []
        for err in exc.errors(include_url=False):
            index = int(err["loc"][0])
            field_path, msg = describe_error(dict(err))
            if err["type"] == "extra_forbidden":
                extras.append((index, tuple(err["loc"][1:])))
                unknown.setdefault(name(field_path), []).append(lines[index])
            elif index not in bad:
                bad[index] = Problem(lines[index], name(field_path) if field_path else None, msg)
            else:  # a second error on the same record: keep one row, mention both
                first = bad[index]
                field = name(field_path) if field_path else None
                bad[index] = Problem(first.line, first.field, f"{first.message}; {field}: {msg}")
        for index, loc in extras:
            if index not in bad:
                tagged = loc[1:] if loc and loc[0] in ("meeting", "statement", "casualty") else loc
                _delete(records[index], tagged)
        good = [i for i in range(len(records)) if i not in bad]
        events = adapter.validate_python([records[i] for i in good]) if good else []
    if unknown:
        listing = ", ".join(
            f"{field!r} ({unit} {', '.join(map(str, sorted(set(at))[:3]))}"
            + ("..." if len(set(at)) > 3 else "")
            + ")"
            for field, at in sorted(unknown.items())
        )
        where = f"{path}: " if path else ""
        warnings.warn(
            f"{where}ignored unknown field(s) {listing}; they are not part of the event contract",
            DataWarning,
            stacklevel=3,
        )
    problems = sorted([*prior, *bad.values()], key=lambda p: (p.line is None, p.line or 0))
    if problems and errors == "raise":
        first = problems[0]
        more = len(problems) - 1
        hint = (
            f" ({more} more problem{'s' if more > 1 else ''}; "
            "pass errors='collect' to load the good records and list the bad ones)"
            if more
            else " (pass errors='collect' to load the good records and list the bad ones)"
        )
        raise DataError(
            first.message + hint, path=path, line=first.line, field=first.field, unit=unit
        )
    return list(events), problems
