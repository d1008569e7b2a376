"""Reconcile reports of one real-world event from several articles.

:func:`reconcile` merges the reports of one event into one row that lists every
source, and gives, for casualty figures, the spread of what was reported for each
place, figure and day: the lowest, highest and median value, with the sources
behind each. The input is never changed.

pandas is imported inside the functions, so ``import diplodata`` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplodata.frame import frame_of

if TYPE_CHECKING:
    import pandas as pd

    from diplodata.eventset import EventSet

__all__ = ["TOLL_COLUMNS", "Reconciliation", "reconcile"]

TOLL_COLUMNS = (
    "place",
    "country",
    "figure",
    "date",
    "low",
    "high",
    "median",
    "n_reports",
    "n_sources",
    "low_sources",
    "high_sources",
    "sources",
)
"""The columns of :attr:`Reconciliation.tolls`, in order."""

_STATUS_RANK = {"held": 0, "cancelled": 1, "postponed": 2, "denied": 3, "planned": 4}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass(frozen=True)
class Reconciliation:
    """What :func:`reconcile` gives: merged events and the spread of reported tolls.

    Attributes
    ----------
    events
        One row per real-world event: the event frame's columns, taken from the report
        chosen to stand for the event (for meetings a ``held`` report first; then the
        most exact date, the highest confidence, the first in the data), and
        ``event_ids`` (the ids of every report, in data order), ``sources`` (one dict
        per report: ``outlet``, ``url``, ``article_id``, ``published``) and
        ``n_reports``.
    tolls
        One row per (place, figure, day) of casualty figures, with the columns of
        :data:`TOLL_COLUMNS`: ``place`` (the location's name, else its country code,
        else ``"(no place)"``), ``country``, ``figure`` (``"killed"``, or with the
        population when it is not all people: ``"killed (civilians)"``), ``date`` (the
        first day of the figure's date range), ``low``, ``high``, ``median``,
        ``n_reports``, ``n_sources`` (distinct sources), ``low_sources`` and
        ``high_sources`` (the sources that gave the low and the high value) and
        ``sources`` (all of them). A source is the body credited with the figure
        (``reported_by``, else the attribution, else the outlet) with the outlet that
        carried it in brackets; sources are joined by ``"; "``.
    """

    events: pd.DataFrame
    tolls: pd.DataFrame

    def __repr__(self) -> str:
        return (
            f"<Reconciliation: {len(self.events)} events, "
            f"{len(self.tolls)} (place, figure, day) tolls>"
        )


def tolls_of(df: pd.DataFrame) -> pd.DataFrame:
    """The spread of reported casualty figures per (place, figure, day); see :class:`Reconciliation`.

    Examples
    --------
    >>> import diplodata as dd
    >>> t = tolls_of(dd.load_dataset("libya_2019"))
    >>> row = t[(t["figure"] == "killed") & (t["date"] == "2019-05-02")].iloc[0]
    >>> float(row["low"]), float(row["high"]), int(row["n_sources"])
    (376.0, 392.0, 2)
    """
    import pandas as pd

    from diplodata.validate._keys import joined_by_group, toll_frame

    t = toll_frame(df)
    keys = ["place", "country", "figure", "date"]
    t = t.sort_values([*keys, "value", "row"], kind="stable")
    grouped = t.groupby(keys, dropna=False, sort=True, observed=True)
    out = grouped.agg(
        low=("value", "min"),
        high=("value", "max"),
        median=("value", "median"),
        n_reports=("value", "size"),
        n_sources=("label", "nunique"),
    ).reset_index()
    # ngroup numbers the groups in the order agg lists them: row k of out is group k.
    group = grouped.ngroup().to_numpy(dtype="int64")
    label = t["label"].astype("str")
    value = t["value"].to_numpy()
    at_low = value == grouped["value"].transform("min").to_numpy()
    at_high = value == grouped["value"].transform("max").to_numpy()
    n = len(out)
    out["low_sources"] = joined_by_group(group[at_low], label[at_low], n)
    out["high_sources"] = joined_by_group(group[at_high], label[at_high], n)
    out["sources"] = joined_by_group(group, label, n)
    out = out.astype(
        {
            "place": "str",
            "country": "str",
            "figure": "str",
            "low": "float64",
            "high": "float64",
            "median": "float64",
            "n_reports": "int64",
            "n_sources": "int64",
            "low_sources": "str",
            "high_sources": "str",
            "sources": "str",
        }
    )
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[us]")
    return out.loc[:, list(TOLL_COLUMNS)].reset_index(drop=True)


def _merged_events(df: pd.DataFrame) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    from diplodata.validate._keys import report_groups

    frame = df.reset_index(drop=True)
    group = report_groups(frame).to_numpy(dtype="int64")
    status = frame["status"].astype("str").map(_STATUS_RANK).fillna(9).to_numpy()
    precision = frame["when_precision"].astype("str").map(_PRECISION_RANK).fillna(9).to_numpy()
    confidence = frame["confidence"].fillna(0).to_numpy()
    order = np.lexsort((np.arange(len(frame)), -confidence, precision, status, group))
    chosen = order[np.r_[True, group[order][1:] != group[order][:-1]]] if len(frame) else order
    chosen = np.sort(chosen)
    published = frame["source_published"].dt.strftime("%Y-%m-%d")
    sources = [
        {"outlet": o, "url": u, "article_id": a, "published": p}
        for o, u, a, p in zip(
            frame["source_outlet"].astype("object").where(frame["source_outlet"].notna(), None),
            frame["source_url"].astype("object").where(frame["source_url"].notna(), None),
            frame["source_article_id"]
            .astype("object")
            .where(frame["source_article_id"].notna(), None),
            published.astype("object").where(published.notna(), None),
            strict=True,
        )
    ]
    # The rows of each group, in row order: one stable sort, cut where the group changes.
    by_group = np.argsort(group, kind="stable")
    cuts = np.flatnonzero(group[by_group][1:] != group[by_group][:-1]) + 1
    firsts = group[by_group][np.r_[0, cuts]] if len(group) else group
    members = dict(zip(firsts.tolist(), np.split(by_group, cuts), strict=False))
    ids = frame["event_id"].astype("object").to_numpy()
    out = frame.iloc[chosen].reset_index(drop=True).copy()
    rows = [members[g] for g in group[chosen].tolist()]
    out["event_ids"] = pd.Series([ids[r].tolist() for r in rows], dtype="object")
    out["sources"] = pd.Series([[sources[i] for i in r.tolist()] for r in rows], dtype="object")
    out["n_reports"] = np.array([len(r) for r in rows], dtype="int64")
    return out


def reconcile(data: EventSet | pd.DataFrame) -> Reconciliation:
    """Merge the reports of each real-world event, and give the spread of reported tolls.

    Reports are of one event when they have the same kind and the same participants
    (meetings), speaker and act (statements) or place, figure and population (casualty
    figures), and overlapping dates (casualty figures: the same dates). The input is
    never changed.

    Parameters
    ----------
    data
        An :class:`~diplodata.EventSet` or its frame (``EventSet.to_frame()``).

    Returns
    -------
    Reconciliation
        ``.events``, one row per real-world event listing every source, and ``.tolls``,
        the lowest, highest and median value per (place, figure, day) with the sources
        behind each.

    Examples
    --------
    >>> import diplodata as dd
    >>> rec = dd.reconcile(dd.load_dataset("libya_2019"))
    >>> merged = rec.events[rec.events["n_reports"] > 1]
    >>> merged.loc[merged["kind"] == "meeting", "event_ids"].tolist()
    [['ly19-076', 'ly19-077'], ['ly19-140', 'ly19-141']]
    >>> t = rec.tolls
    >>> spread = t[(t["place"] == "Tripoli") & (t["figure"] == "killed") & (t["n_sources"] > 1)]
    >>> spread[["low", "high", "median"]].values.tolist()
    [[121.0, 147.0, 134.0], [376.0, 392.0, 384.0], [607.0, 653.0, 630.0]]
    """
    df = frame_of(data)
    return Reconciliation(events=_merged_events(df), tolls=tolls_of(df))
