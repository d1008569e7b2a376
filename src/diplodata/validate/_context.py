"""What the cross-record checks share: the frame being validated, and values computed once.

A :class:`Context` holds the frame, the article texts and the tolerance, and
computes on first use what several checks need (the event kinds, the participants
long-form, the report groups, the toll frame); :meth:`Context.issues` builds one
rule's issues at given rows.

Examples
--------
>>> import diplodata as dd
>>> ctx = Context(dd.load_dataset("libya_2019"), articles=None, tolerance=0.0)
>>> ctx.issues("event.id_duplicated", [0], "event_id", ["ly19-001"], ["repeated"])["event_id"].tolist()
['ly19-001']
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from diplodata.validate._keys import json_lists, kinds, report_groups, toll_codes
from diplodata.validate.report import issues_frame
from diplodata.validate.rules import rule

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["Context"]


class Context:
    """The frame being validated, and what several checks share (computed once, when asked)."""

    def __init__(
        self, df: pd.DataFrame, *, articles: Mapping[str, str] | None, tolerance: float
    ) -> None:
        self.df = df
        self.articles = articles
        self.tolerance = tolerance

    @cached_property
    def kind(self) -> np.ndarray:
        return kinds(self.df["kind"])

    def ids(self, rows: np.ndarray) -> np.ndarray:
        """The event ids at positions ``rows`` (missing ones as ``None``)."""
        import numpy as np

        ids = self.df["event_id"].iloc[rows]
        return np.asarray(ids.astype("object").where(ids.notna(), None).to_numpy(), dtype=object)

    @cached_property
    def _participants(self) -> tuple[pd.DataFrame, list[int]]:
        fields = {"id": "string", "name": "string", "country": "string"}
        return json_lists(self.df["participants"], fields)

    @property
    def participants(self) -> pd.DataFrame:
        """One row per (meeting row, participant): ``row``, ``position``, ``id``, ``name``, ``country``."""
        return self._participants[0]

    @cached_property
    def groups(self) -> pd.Series:
        return report_groups(self.df, self.participants)

    @cached_property
    def tolls(self) -> pd.DataFrame:
        return toll_codes(self.df)

    def issues(self, code: str, rows: Any, column: Any, value: Any, message: Any) -> pd.DataFrame:
        """Issues of rule ``code`` at positions ``rows``."""
        import numpy as np

        rows = np.asarray(rows, dtype="int64")
        return issues_frame(
            rule(code),
            event_id=self.ids(rows),
            row=rows,
            column=column,
            value=value,
            message=message,
        )


def _where(mask: Any) -> np.ndarray:
    import numpy as np

    return np.flatnonzero(np.asarray(mask, dtype=bool))


def _str(series: pd.Series) -> pd.Series:
    """As text, missing kept: for building messages with vectorised string addition."""
    return series.astype("str")
