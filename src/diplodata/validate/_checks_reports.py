"""The checks across reports: falling cumulative tolls, disagreeing sources, repeats.

A cumulative toll that falls below what its source gave earlier, sources that
disagree on a toll, and one event reported twice by different sources.

Each compares rows with each other (grouped by reporter, place, figure or report
group), vectorised over the whole frame.

Examples
--------
>>> import diplodata as dd
>>> from diplodata.validate._context import Context
>>> ctx = Context(dd.load_dataset("libya_2019"), articles=None, tolerance=0.0)
>>> len(toll_decreased(ctx))  # two cumulative tolls in the bundled data fall
2
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplodata.validate._context import Context
from diplodata.validate._keys import (
    SOURCE_INPUT,
    TOLL_INPUT,
    joined_by_group,
    page_codes,
    toll_frame,
)
from diplodata.validate.report import empty_issues

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["reported_twice", "sources_disagree", "toll_decreased"]


def toll_decreased(ctx: Context) -> pd.DataFrame:

    t = ctx.tolls
    t = t[t["cumulative"] & t["date"].notna()]
    if not len(t):
        return empty_issues()
    keys = ["reporter", "name", "country", "figure", "population"]
    t = t.assign(key=t.groupby(keys, sort=False).ngroup())
    per_day = t.groupby(["key", "date"], sort=True)["count"].max().reset_index()
    running = per_day.groupby("key", sort=False)["count"].cummax()
    per_day["before"] = running.groupby(per_day["key"], sort=False).shift(1)
    t = t.merge(per_day[["key", "date", "before"]], on=["key", "date"], how="left")
    bad = t[(t["count"] < t["before"]).to_numpy(dtype=bool)].sort_values("row")
    if not len(bad):
        return empty_issues()
    rows = bad["row"].to_numpy(dtype="int64")
    labels = _toll_labels(ctx, rows)
    before = bad["before"].astype("int64").astype("str").to_numpy()
    message = (
        "cumulative "
        + labels["figure"]
        + " toll for "
        + labels["place"]
        + " from "
        + labels["reporter"]
        + " is "
        + labels["count"]
        + " on "
        + labels["date"].dt.strftime("%Y-%m-%d")
        + ", below the "
        + before
        + " it gave earlier"
    )
    return ctx.issues("casualty.toll_decreased", rows, "count_value", labels["count"], message)


def _toll_labels(ctx: Context, rows: np.ndarray) -> pd.DataFrame:
    """The toll frame (text) of the given rows (sorted positions), indexed 0..n-1."""
    t = toll_frame(ctx.df[list(TOLL_INPUT)].iloc[rows])
    return t.assign(count=t["count"].astype("str")).reset_index(drop=True)


def sources_disagree(ctx: Context) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    t = ctx.tolls
    if not len(t):
        return empty_issues()
    keys = ["name", "country", "figure", "population", "date"]
    group = t.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    t = t.assign(group=group)
    agg = t.groupby("group", sort=False).agg(
        low=("value", "min"),
        high=("value", "max"),
        pages=("page", "nunique"),
        first=("row", "min"),
    )
    spread = (agg["high"] - agg["low"]) / agg["high"].where(agg["high"] > 0)
    agg = agg[((agg["pages"] >= 2) & (spread > ctx.tolerance)).to_numpy(dtype=bool)]
    if not len(agg):
        return empty_issues()
    members = t[t["group"].isin(agg.index)].sort_values(["group", "row"])
    # A label depends only on the reporter and the outlet: build each one once.
    pair = members["reporter"].to_numpy() * (int(members["outlet"].max()) + 2) + (
        members["outlet"].to_numpy() + 1
    )
    pair_code = pd.factorize(pair)[0]
    first_of_pair = pd.Series(members["row"].to_numpy()).groupby(pair_code).min()
    pair_rows = first_of_pair.to_numpy()
    pair_labels = _toll_labels(ctx, np.sort(pair_rows))
    pair_label = pair_labels["label"].to_numpy(dtype=object)[
        np.searchsorted(np.sort(pair_rows), pair_rows)
    ]
    label = pair_label[pair_code]
    grp = members["group"].to_numpy()
    starts = np.flatnonzero(np.r_[True, grp[1:] != grp[:-1]])
    by_group = joined_by_group(grp, label, int(grp.max()) + 1)
    joined = [by_group[g] for g in grp[starts]]
    first_rows = members["row"].to_numpy()[starts]
    firsts = _toll_labels(ctx, np.sort(first_rows))
    firsts = firsts.iloc[np.searchsorted(np.sort(first_rows), first_rows)].reset_index(drop=True)
    agg = agg.loc[grp[starts]].reset_index(drop=True)
    low = agg["low"].astype("int64").astype("str")
    high = agg["high"].astype("int64").astype("str")
    share = ((agg["high"] - agg["low"]) / agg["high"] * 100).round().astype("int64").astype("str")
    value = low + "-" + high
    message = (
        firsts["figure"]
        + " in "
        + firsts["place"]
        + " on "
        + firsts["date"].dt.strftime("%Y-%m-%d").fillna("an unknown date")
        + ": "
        + value
        + " ("
        + share
        + "% apart) across "
        + agg["pages"].astype("str")
        + " sources: "
        + pd.Series(joined, dtype="str")
    )
    out = ctx.issues("casualty.sources_disagree", agg["first"], "count_value", value, message)
    return out.sort_values("row", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------- report groups


def reported_twice(ctx: Context) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    group = ctx.groups.to_numpy(dtype="int64")
    if not len(group):
        return empty_issues()
    sizes = np.bincount(group)
    rows = np.flatnonzero(sizes[group] > 1)
    if not len(rows):
        return empty_issues()
    sources = ctx.df[list(SOURCE_INPUT)].iloc[rows]
    pages = page_codes(sources)
    multi = pd.DataFrame({"group": group[rows], "row": rows, "page": pages})
    multi = multi.sort_values(["group", "row"], kind="stable")
    agg = multi.groupby("group", sort=True).agg(
        first=("row", "min"), n=("row", "size"), pages=("page", "nunique")
    )
    ids = ctx.ids(multi["row"].to_numpy()).astype(str).astype(object) + ", "
    starts = np.flatnonzero(np.r_[True, np.diff(multi["group"].to_numpy()) != 0])
    agg["ids"] = [text[:-2] for text in np.add.reduceat(ids, starts)]
    agg = agg[agg["pages"] >= 2]
    first = agg["first"].to_numpy(dtype="int64")
    kinds = pd.Series(ctx.kind[first], index=agg.index, dtype="str")
    message = (
        "the same "
        + kinds
        + " reported "
        + agg["n"].astype("str")
        + " times by "
        + agg["pages"].astype("str")
        + " sources: "
        + agg["ids"].astype("str")
    )
    return ctx.issues("event.reported_twice", first, "event_id", agg["ids"], message)
