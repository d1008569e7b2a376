"""Datasets that ship with diplodata: real, cited events, loaded offline.

Each dataset is two files in this folder: ``NAME.jsonl`` (events in the contract
form, each with the URL of its source) and ``NAME.card.toml`` (its card: source,
how it was compiled, licence, counts, date range, known gaps, each column's
meaning). The build scripts that make them live in the repository's top-level
``datasets/`` folder and are never imported here.

Examples
--------
>>> import diplodata as dd
>>> dd.list_datasets()
['libya_2019']
>>> dd.load_dataset("libya_2019").shape[0]
189
"""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, overload

from diplodata.errors import DatasetNotFoundError

if TYPE_CHECKING:
    import pandas as pd

    from diplodata.eventset import EventSet

__all__ = ["DatasetCard", "describe_dataset", "list_datasets", "load_dataset"]

_CARD_SUFFIX = ".card.toml"


@dataclass(frozen=True)
class DatasetCard:
    """What a bundled dataset is: its source, licence, size, dates, gaps and columns.

    Attributes
    ----------
    name, title, description
        The dataset's name (as given to :func:`load_dataset`), title and summary.
    source, compiled, licence, citation
        Where the facts come from, how they were compiled, the licence, how to cite.
    events
        Number of events.
    kinds
        Events per kind.
    first_date, last_date
        Earliest and latest event dates (``when_earliest``).
    known_gaps
        What the dataset is known to miss or to get only roughly.
    columns
        The meaning of each column of the frame, as this dataset fills it.
    extra
        Further computed figures (distinct URLs, date precision, ...).
    """

    name: str
    title: str
    description: str
    source: str
    compiled: str
    licence: str
    citation: str
    events: int
    kinds: dict[str, int]
    first_date: dt.date
    last_date: dt.date
    known_gaps: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_markdown(self) -> str:
        """The card as a Markdown document."""
        kinds = ", ".join(f"{k} {n}" for k, n in self.kinds.items())
        lines = [
            f"# {self.title} (`{self.name}`)",
            "",
            self.description.strip(),
            "",
            f"- **Events:** {self.events} ({kinds})",
            f"- **Dates:** {self.first_date} to {self.last_date}",
            f"- **Licence:** {self.licence.strip()}",
            f"- **Cite as:** {self.citation.strip()}",
        ]
        lines += [
            f"- **{k.replace('_', ' ').capitalize().replace(' urls', ' URLs')}:** {_plain(v)}"
            for k, v in self.extra.items()
        ]
        lines += ["", "## Source", "", self.source.strip(), "", "## How it was compiled", ""]
        lines += [self.compiled.strip(), "", "## Known gaps", ""]
        lines += [f"- {gap}" for gap in self.known_gaps]
        lines += ["", "## Columns", "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {m} |" for c, m in self.columns.items()]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        return self.to_markdown()


def _folder() -> Any:
    return resources.files("diplodata.datasets")


def list_datasets() -> list[str]:
    """Names of the datasets bundled with diplodata, sorted.

    Examples
    --------
    >>> import diplodata as dd
    >>> "libya_2019" in dd.list_datasets()
    True
    """
    return sorted(
        entry.name[: -len(_CARD_SUFFIX)]
        for entry in _folder().iterdir()
        if entry.name.endswith(_CARD_SUFFIX)
    )


def _check_name(name: str) -> str:
    names = list_datasets()
    if name in names:
        return name
    close = difflib.get_close_matches(str(name), names, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise DatasetNotFoundError(
        f"no dataset named {name!r}; available: {', '.join(map(repr, names))}.{hint}"
    )


@cache
def describe_dataset(name: str) -> DatasetCard:
    """The card of a bundled dataset (print it, or show it in a notebook).

    Examples
    --------
    >>> import diplodata as dd
    >>> card = dd.describe_dataset("libya_2019")
    >>> card.events, card.first_date.isoformat()
    (189, '2019-03-31')
    """
    raw = tomllib.loads((_folder() / f"{_check_name(name)}{_CARD_SUFFIX}").read_text("utf-8"))
    stats = raw.get("stats", {})
    return DatasetCard(
        name=raw["name"],
        title=raw["title"],
        description=raw["description"],
        source=raw["source"],
        compiled=raw["compiled"],
        licence=raw["licence"],
        citation=raw["citation"],
        events=int(stats["events"]),
        kinds=dict(stats["kinds"]),
        first_date=stats["first_date"],
        last_date=stats["last_date"],
        known_gaps=tuple(raw.get("known_gaps", ())),
        columns=dict(raw.get("columns", {})),
        extra={
            k: v
            for k, v in stats.items()
            if k not in {"events", "kinds", "first_date", "last_date"}
        },
    )


@cache
def _events(name: str) -> EventSet:
    from diplodata.io import read_events

    with resources.as_file(_folder() / f"{name}.jsonl") as path:
        return read_events(path)


@overload
def load_dataset(name: str, *, as_events: Literal[False] = ...) -> pd.DataFrame: ...


@overload
def load_dataset(name: str, *, as_events: Literal[True]) -> EventSet: ...


def load_dataset(name: str, *, as_events: bool = False) -> pd.DataFrame | EventSet:
    """Load a bundled dataset, offline.

    Parameters
    ----------
    name
        A name from :func:`list_datasets`, such as ``"libya_2019"``.
    as_events
        ``False`` (default): the tidy frame (one row per event, see
        :mod:`diplodata.frame`), a new copy each call. ``True``: the
        :class:`~diplodata.EventSet`.

    Raises
    ------
    DatasetNotFoundError
        For an unknown name; the message lists the available names.

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> df.loc[df["kind"] == "casualty", "source_url"].notna().all()
    np.True_
    >>> dd.load_dataset("libya2019")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplodata.errors.DatasetNotFoundError: no dataset named 'libya2019'; ... 'libya_2019'?
    """
    events = _events(_check_name(name))
    return events if as_events else events.to_frame()


def _plain(value: object) -> str:
    """A card figure as text: a mapping as ``key n, key n`` (not a Python dict).

    Examples
    --------
    >>> _plain({"day": 147, "week": 29})
    'day 147, week 29'
    >>> _plain(116)
    '116'
    """
    if isinstance(value, dict):
        return ", ".join(f"{k} {_plain(v)}" for k, v in value.items())
    return str(value)
