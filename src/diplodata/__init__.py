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

from diplodata.article import Article
from diplodata.datasets import describe_dataset, list_datasets, load_dataset
from diplodata.errors import DataError, DatasetNotFoundError, DataWarning, DiplodataError
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
    "SourceRef",
    "Span",
    "Statement",
    "TimeRef",
    "__version__",
    "describe_dataset",
    "extract",
    "extract_many",
    "list_datasets",
    "load_dataset",
    "meeting_history",
    "read_events",
    "write_events",
]
