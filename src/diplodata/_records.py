"""Validate many event records at once and say, per record, what was wrong.

This is the one place where raw records (dicts from JSON Lines, rows of a frame)
become events. It makes one :class:`pydantic.TypeAdapter` call for the whole batch,
turns pydantic's errors into one problem per rejected record (line, field,
message), and handles unknown fields the same way for every format: they are
ignored, with a :class:`~diplodata.errors.DataWarning` that names them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from diplodata.errors import DataError, DataWarning
from diplodata.models import Event, events_adapter

# Not resolved: code objects carry the path the modules were imported by, like __file__.
_PACKAGE_DIR = os.path.dirname(__file__) + os.sep

Errors = Literal["raise", "collect"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One rejected record: where it was, which field, what was wrong."""

    line: int | None
    field: str | None
    message: str


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects at once.

    Building a million dicts or models triggers collections that find nothing to
    free (these objects hold no cycles); pausing them halves the time of
    ``from_frame`` (bench/frame.py). Collection resumes, and runs, afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_errors_arg(errors: str) -> Errors:
    """Check the ``errors=`` argument every reader takes."""
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    return errors  # type: ignore[return-value]


def warn_data(message: str) -> None:
    """Issue a :class:`DataWarning` attributed to the caller's code, outside diplodata.

    Readers reach this through different depths of calls; counting frames up to the
    first one outside the package makes the warning point at the user's line (a
    notebook cell), whichever reader or method was called.
    """
    level = 2
    frame = sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    warnings.warn(message, DataWarning, stacklevel=level)


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
    elif etype == "missing":
        tag = loc[1] if len(loc) > 1 and loc[1] in ("meeting", "statement", "casualty") else None
        msg = (
            f"missing; every {tag} needs it"
            if tag and len(path) == 1
            else "missing; it is required"
        )
    elif "input" in err and not isinstance(err["input"], dict) and not _names(msg, err["input"]):
        msg += f" (got {_short(err['input'])})"
    return path, msg


def _names(msg: str, value: Any) -> bool:
    """Whether ``msg`` already shows ``value`` ("low (9) is greater ...", "code 'Libya'")."""
    return (isinstance(value, str) and repr(value) in msg) or f"({value})" in msg


def _warn_duplicate_ids(
    events: Sequence[Event], lines: Sequence[int], *, path: str | None, unit: str
) -> None:
    """Warn about ids that more than one record has; every such record is still loaded.

    An id is meant to be unique, but two records with one id are each valid, and
    which of them is right is not a reader's call: both load, nothing is dropped.
    """
    ids = [event.id for event in events]
    if len(set(ids)) == len(ids):
        return
    at: dict[str, list[int]] = {}
    for event_id, number in zip(ids, lines, strict=True):
        at.setdefault(event_id, []).append(number)
    repeated = [(event_id, numbers) for event_id, numbers in at.items() if len(numbers) > 1]
    listing = ", ".join(
        f"{event_id!r} ({unit}s {', '.join(map(str, numbers[:3]))}"
        + ("..." if len(numbers) > 3 else "")
        + ")"
        for event_id, numbers in repeated[:5]
    ) + (f" and {len(repeated) - 5} more" if len(repeated) > 5 else "")
    where = f"{path}: " if path else ""
    warn_data(
        f"{where}event id(s) used more than once: {listing}; every record is loaded, "
        "but ids should be unique"
    )


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
    """Validate ``records`` (dicts in the contract form), the whole batch at once.

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
    pending = list(range(len(records)))
    events: list[Event] = []
    # Validate the whole batch; on failure, note the bad records and delete unknown
    # fields, then validate what is left again. A rule checked by a model validator
    # runs only once the model's fields are valid, so a record with an unknown field
    # can fail again, for another reason, on the second pass: hence a loop. Every
    # pass rejects a record or deletes a field, so it ends.
    while pending:
        try:
            with gc_paused():
                events = adapter.validate_python([records[i] for i in pending])
            break
        except ValidationError as exc:
            progress = False
            extras: list[tuple[int, tuple[str | int, ...]]] = []
            for err in exc.errors(include_url=False):
                index = pending[int(err["loc"][0])]
                field_path, msg = describe_error(dict(err))
                if err["type"] == "extra_forbidden":
                    extras.append((index, tuple(err["loc"][1:])))
                    unknown.setdefault(name(field_path), []).append(lines[index])
                elif index not in bad:
                    field = name(field_path) if field_path else None
                    bad[index] = Problem(lines[index], field, msg)
                    progress = True
                else:  # a second error on the same record: keep one row, mention both
                    first = bad[index]
                    field = name(field_path) if field_path else None
                    bad[index] = Problem(
                        first.line, first.field, f"{first.message}; {field}: {msg}"
                    )
            for index, loc in extras:
                if index not in bad:
                    tagged = (
                        loc[1:] if loc and loc[0] in ("meeting", "statement", "casualty") else loc
                    )
                    _delete(records[index], tagged)
                    progress = True
            if not progress:  # cannot happen; never loop for ever all the same
                raise
            pending = [i for i in pending if i not in bad]
    _warn_duplicate_ids(events, [lines[i] for i in pending], path=path, unit=unit)
    if unknown:
        listing = ", ".join(
            f"{field!r} ({unit} {', '.join(map(str, sorted(set(at))[:3]))}"
            + ("..." if len(set(at)) > 3 else "")
            + ")"
            for field, at in sorted(unknown.items())
        )
        where = f"{path}: " if path else ""
        warn_data(
            f"{where}ignored unknown field(s) {listing}; they are not part of the event contract"
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
