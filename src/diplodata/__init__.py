"""diplodata: typed diplomatic events from the news.

Meetings, statements and casualty figures as typed models, with tidy pandas
frames, files in JSON Lines, Parquet and CSV, and cited datasets that ship with
the library.

Examples
--------
>>> import diplodata as dd
>>> df = dd.load_dataset("libya_2019")
>>> df["kind"].value_counts().to_dict()
{'casualty': 92, 'statement': 52, 'meeting': 45}
"""

from __future__ import annotations

from typing import Any

from diplodata.accessor import register_when_pandas_loads as _register_when_pandas_loads
from diplodata.article import Article
from diplodata.datasets import describe_dataset, list_datasets, load_dataset
from diplodata.errors import (
    DataError,
    DatasetNotFoundError,
    DataWarning,
    DiplodataError,
    ValidationError,
)
from diplodata.eventset import EventSet
from diplodata.extract import Gazetteer, extract, extract_many
from diplodata.history import MeetingLife, meeting_history
from diplodata.io import read_events, write_events
from diplodata.models import (
    Actor,
    CasualtyFigure,
    Count,
    Event,
    Meeting,
    Place,
    SourceRef,
    Span,
    Statement,
    TimeRef,
)
from diplodata.reconcile import Reconciliation, reconcile
from diplodata.validate import ValidationReport, validate

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CasualtyFigure",
    "Count",
    "DataError",
    "DataWarning",
    "DatasetNotFoundError",
    "DiplodataError",
    "Event",
    "EventSet",
    "Gazetteer",
    "Meeting",
    "MeetingLife",
    "Place",
    "Reconciliation",
    "SourceRef",
    "Span",
    "Statement",
    "TimeRef",
    "ValidationError",
    "ValidationReport",
    "__version__",
    "describe_dataset",
    "extract",
    "extract_many",
    "list_datasets",
    "load_dataset",
    "meeting_history",
    "plot",
    "read_events",
    "reconcile",
    "validate",
    "write_events",
]


def __getattr__(name: str) -> Any:
    """Import ``dd.plot`` (and with it matplotlib) on first use, not at ``import diplodata``."""
    if name == "plot":
        import importlib

        return importlib.import_module("diplodata.plot")
    raise AttributeError(f"module 'diplodata' has no attribute {name!r}")


# df.diplo: registered once pandas is loaded, without importing it here (see diplodata.accessor).
_register_when_pandas_loads()
