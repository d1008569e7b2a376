"""The evidence checks: each span must lie inside its article's text and quote it exactly.

They run only when article texts are given, and slice those texts span by span;
the spans are parsed once per :class:`~diplodata.validate._context.Context`.

Examples
--------
>>> import diplodata as dd
>>> from diplodata.validate._context import Context
>>> ctx = Context(dd.load_dataset("libya_2019"), articles=None, tolerance=0.0)
>>> len(evidence_outside(ctx)), len(evidence_mismatch(ctx))
(0, 0)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplodata.validate._context import Context
from diplodata.validate._keys import json_lists
from diplodata.validate.report import empty_issues

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["evidence_mismatch", "evidence_outside"]


def _spans(ctx: Context) -> tuple[pd.DataFrame, list[int]] | None:
    """Evidence spans (long form) of rows whose article text is given, parsed once."""
    import numpy as np

    cached: tuple[pd.DataFrame, list[int]] | None = getattr(ctx, "_spans_cache", None)
    if cached is not None or ctx.articles is None:
        return cached
    df = ctx.df
    has_text = df["source_article_id"].isin(list(ctx.articles)).to_numpy(dtype=bool)
    rows = np.flatnonzero(has_text & df["evidence"].notna().to_numpy())
    long, bad = json_lists(
        df["evidence"].iloc[rows].reset_index(drop=True),
        {"start": "int64", "end": "int64", "text": "string"},
    )
    long["row"] = rows[long["row"].to_numpy()]
    result = (long, [int(rows[b]) for b in bad])
    ctx._spans_cache = result  # type: ignore[attr-defined]
    return result


def _evidence_checks(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    import numpy as np
    import pandas as pd

    spans = _spans(ctx)
    if spans is None or not len(spans[0]):
        return empty_issues(), empty_issues()
    long = spans[0]
    articles = ctx.articles or {}
    article = ctx.df["source_article_id"].to_numpy(dtype=object)[long["row"].to_numpy()]
    text = [articles[a] for a in article]
    start = long["start"].fillna(-1).to_numpy(dtype="int64")
    end = long["end"].fillna(-1).to_numpy(dtype="int64")
    length = np.fromiter((len(t) for t in text), dtype="int64", count=len(text))
    outside = (start < 0) | (end > length) | (start >= end)
    found = [t[s:e] for t, s, e in zip(text, start, end, strict=True)]
    wanted = long["text"].astype("object").to_numpy()
    mismatch = ~outside & np.array([f != w for f, w in zip(found, wanted, strict=True)], dtype=bool)
    where = "[" + long["start"].astype("str") + ":" + long["end"].astype("str") + "]"
    out_rows = long[outside]
    out_msg = (
        "evidence span "
        + where[outside]
        + " falls outside the article's text of "
        + pd.Series(length[outside], index=out_rows.index).astype("str")
        + " characters"
    )
    outside_issues = ctx.issues(
        "evidence.outside_text", out_rows["row"], "evidence", where[outside], out_msg
    )
    bad_rows = long[mismatch]
    got = pd.Series(np.array(found, dtype=object)[mismatch], index=bad_rows.index, dtype="str")
    mis_msg = (
        "evidence span "
        + where[mismatch]
        + " says "
        + bad_rows["text"].astype("str").str.slice(0, 40).map(repr)
        + " but the article has "
        + got.str.slice(0, 40).map(repr)
    )
    mismatch_issues = ctx.issues(
        "evidence.text_mismatch", bad_rows["row"], "evidence", bad_rows["text"], mis_msg
    )
    return outside_issues, mismatch_issues


def _evidence_issues(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    cached: tuple[pd.DataFrame, pd.DataFrame] | None = getattr(ctx, "_evidence_cache", None)
    if cached is None:
        cached = _evidence_checks(ctx)
        ctx._evidence_cache = cached  # type: ignore[attr-defined]
    return cached


def evidence_outside(ctx: Context) -> pd.DataFrame:
    return _evidence_issues(ctx)[0]


def evidence_mismatch(ctx: Context) -> pd.DataFrame:
    return _evidence_issues(ctx)[1]
