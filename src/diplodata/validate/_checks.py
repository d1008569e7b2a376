"""The cross-field and cross-record rules, as vectorised pandas over the whole frame.

Each check takes a :class:`Context` (the frame, and what several checks share: the
participants long-form, the toll frame, the report groups) and returns the issues of
one rule. :data:`CHECKS` maps rule codes to checks. No check loops over rows in
Python, except the evidence checks, which slice article texts span by span (they run
only when article texts are given).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from diplodata.validate._keys import (
    SOURCE_INPUT,
    TOLL_INPUT,
    json_lists,
    kinds,
    page_codes,
    participant_sets,
    report_groups,
    toll_codes,
    toll_frame,
)
from diplodata.validate.report import empty_issues, issues_frame
from diplodata.validate.rules import rule

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["CHECKS", "Context"]

ACTOR_COUNTRIES = ("host_country", "speaker_country", "addressee_country", "reported_by_country")
REQUIRED = {
    "meeting": ("participants", "status", "modality"),
    "statement": ("speaker_name", "act", "content"),
    "casualty": ("figure", "count_value", "count_qualifier"),
}


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


# ----------------------------------------------------------------------- events


def id_duplicated(ctx: Context) -> pd.DataFrame:
    ids = ctx.df["event_id"]
    rows = _where(ids.duplicated(keep=False) & ids.notna())
    counts = ids.iloc[rows].map(ids.iloc[rows].value_counts())
    message = "event id shared by " + counts.astype("str") + " rows"
    return ctx.issues("event.id_duplicated", rows, "event_id", ids.iloc[rows], message)


def required_missing(ctx: Context) -> pd.DataFrame:
    import pandas as pd

    parts = []
    for kind, names in REQUIRED.items():
        of_kind = ctx.kind == kind
        for name in names:
            rows = _where(of_kind & ctx.df[name].isna().to_numpy())
            if len(rows):
                parts.append(
                    ctx.issues(
                        "event.required_missing",
                        rows,
                        name,
                        None,
                        f"a {kind} needs {name}; it is empty",
                    )
                )
    return pd.concat(parts, ignore_index=True) if parts else empty_issues()


def invalid_json(ctx: Context) -> pd.DataFrame:
    import pandas as pd

    parts = []
    bad = ctx._participants[1]
    if bad:
        value = ctx.df["participants"].iloc[bad]
        msg = "participants is not a JSON list of actor objects"
        parts.append(ctx.issues("column.invalid_json", bad, "participants", value, msg))
    if ctx.articles is not None:
        spans = _spans(ctx)
        bad = spans[1] if spans is not None else []
        if bad:
            value = ctx.df["evidence"].iloc[bad]
            msg = "evidence is not a JSON list of span objects"
            parts.append(ctx.issues("column.invalid_json", bad, "evidence", value, msg))
    return pd.concat(parts, ignore_index=True) if parts else empty_issues()


def when_reversed(ctx: Context) -> pd.DataFrame:
    df = ctx.df
    rows = _where(df["when_earliest"] > df["when_latest"])
    earliest = df["when_earliest"].iloc[rows].dt.strftime("%Y-%m-%d")
    latest = df["when_latest"].iloc[rows].dt.strftime("%Y-%m-%d")
    message = "when_earliest " + earliest + " is after when_latest " + latest
    return ctx.issues("when.reversed", rows, "when_earliest", earliest, message)


def count_bounds(ctx: Context) -> pd.DataFrame:
    df = ctx.df
    rows = _where((df["count_low"] > df["count_high"]).fillna(False))
    low, high = _str(df["count_low"].iloc[rows]), _str(df["count_high"].iloc[rows])
    message = "count_low " + low + " is above count_high " + high
    return ctx.issues("count.bounds_reversed", rows, "count_low", low, message)


def not_iso3(ctx: Context) -> pd.DataFrame:
    import pandas as pd

    from diplodata.countries import iso3_codes

    codes = iso3_codes()
    parts = []
    for name in ("location_country", *ACTOR_COUNTRIES):
        values = ctx.df[name]
        bad = ~values.isin(codes) & values.notna()
        rows = _where(bad)
        if len(rows):
            value = values.iloc[rows]
            message = name + " " + _quoted(value) + " is not an ISO 3166-1 alpha-3 code"
            parts.append(ctx.issues("country.not_iso3", rows, name, value, message))
    p = ctx.participants
    wrong = p[p["country"].notna() & ~p["country"].isin(codes)]
    if len(wrong):
        message = (
            "participant "
            + wrong["name"].fillna("?")
            + " has country "
            + _quoted(wrong["country"])
            + ", not an ISO 3166-1 alpha-3 code"
        )
        parts.append(
            ctx.issues("country.not_iso3", wrong["row"], "participants", wrong["country"], message)
        )
    return pd.concat(parts, ignore_index=True) if parts else empty_issues()


def _quoted(values: pd.Series) -> pd.Series:
    return "'" + values.astype("str") + "'"


# --------------------------------------------------------------------- meetings


def held_after_published(ctx: Context) -> pd.DataFrame:
    df = ctx.df
    held = (df["status"] == "held").to_numpy(dtype=bool)
    late = (df["when_earliest"] > df["source_published"]).to_numpy(dtype=bool)
    rows = _where(held & late)
    earliest = df["when_earliest"].iloc[rows].dt.strftime("%Y-%m-%d")
    published = df["source_published"].iloc[rows].dt.strftime("%Y-%m-%d")
    message = (
        "a meeting reported as held is dated from "
        + earliest
        + ", after the article was published on "
        + published
    )
    return ctx.issues("meeting.held_after_published", rows, "when_earliest", earliest, message)


def participant_repeated(ctx: Context) -> pd.DataFrame:
    import numpy as np

    p = ctx.participants
    if not len(p):
        return empty_issues()
    by_id = p["id"].notna() & p.duplicated(["row", "id"], keep="first")
    folded = p["name"].str.casefold()
    keyed = p.assign(folded=folded)
    grouped = keyed.groupby(["row", "folded"], sort=False, dropna=True)
    size = grouped["position"].transform("size")
    keyed["no_id"] = p["id"].isna().to_numpy()
    some_without_id = keyed.groupby(["row", "folded"], sort=False, dropna=True)["no_id"].transform(
        "any"
    )
    first = ~keyed.duplicated(["row", "folded"], keep="first")
    by_name = (size > 1) & some_without_id.astype(bool) & ~first
    bad = p[(by_id | by_name).to_numpy(dtype=bool)]
    bad = bad[~bad.duplicated(["row", "position"])]
    message = (
        "participant "
        + bad["name"].fillna("?")
        + " is listed more than once (position "
        + bad["position"].astype("str")
        + ")"
    )
    rows = np.asarray(bad["row"], dtype="int64")
    return ctx.issues("meeting.participant_repeated", rows, "participants", bad["name"], message)


def planned_not_held(ctx: Context) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    df = ctx.df
    status = df["status"]
    planned = (status == "planned").to_numpy(dtype=bool)
    if not planned.any():
        return empty_issues()
    horizon = max(
        (d for d in (df["source_published"].max(), df["when_latest"].max()) if d is not pd.NaT),
        default=None,
    )
    if horizon is None:
        return empty_issues()
    key = _participant_key(ctx)
    held = (status == "held").to_numpy(dtype=bool) & key.notna().to_numpy()
    last_held = df["when_latest"][held].groupby(key[held]).max()
    known = key.notna().to_numpy()
    where = pd.Index(last_held.index).get_indexer(key[known].to_numpy(dtype="uint64"))
    held_until = last_held.to_numpy(dtype="datetime64[us]")
    later = np.full(len(df), np.datetime64("NaT"), dtype="datetime64[us]")
    if len(held_until):
        later[known] = np.where(where >= 0, held_until[where], np.datetime64("NaT"))
    passed = (df["when_latest"] < horizon).to_numpy(dtype=bool)
    answered = later >= df["when_earliest"].to_numpy(dtype="datetime64[us]")
    rows = _where(planned & passed & ~answered)
    latest = df["when_latest"].iloc[rows].dt.strftime("%Y-%m-%d")
    message = (
        "planned for "
        + latest
        + "; no held meeting of the same participants on or after it in the data (which runs to "
        + pd.Timestamp(horizon).strftime("%Y-%m-%d")
        + ")"
    )
    return ctx.issues("meeting.planned_not_held", rows, "status", "planned", message)


def _participant_key(ctx: Context) -> pd.Series:
    """A key per meeting row for its set of participants (missing without participants)."""
    import pandas as pd

    rows, sums = participant_sets(ctx.participants, ctx.kind == "meeting")
    out = pd.Series(pd.NA, index=ctx.df.index, dtype="UInt64")
    out.iloc[rows] = sums
    return out


# ----------------------------------------------------------------------- actors


def actor_id_missing(ctx: Context) -> pd.DataFrame:
    import pandas as pd

    df = ctx.df
    parts = []
    speaker = _where(
        (ctx.kind == "statement") & df["speaker_id"].isna() & df["speaker_name"].notna()
    )
    if len(speaker):
        name = df["speaker_name"].iloc[speaker]
        message = "speaker " + _quoted(name) + " has no actor id"
        parts.append(ctx.issues("actor.id_missing", speaker, "speaker_id", name, message))
    p = ctx.participants
    bad = p[p["id"].isna() & (ctx.kind == "meeting")[p["row"].to_numpy()]]
    if len(bad):
        message = "participant " + _quoted(bad["name"].fillna("?")) + " has no actor id"
        parts.append(
            ctx.issues("actor.id_missing", bad["row"], "participants", bad["name"], message)
        )
    return pd.concat(parts, ignore_index=True) if parts else empty_issues()


# --------------------------------------------------------------------- casualty


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
    joined = [
        "; ".join(dict.fromkeys(label[a:b]))
        for a, b in zip(starts, [*starts[1:], len(grp)], strict=True)
    ]
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


# --------------------------------------------------------------------- evidence


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


CHECKS: dict[str, Callable[[Context], pd.DataFrame]] = {
    "event.id_duplicated": id_duplicated,
    "event.required_missing": required_missing,
    "column.invalid_json": invalid_json,
    "when.reversed": when_reversed,
    "count.bounds_reversed": count_bounds,
    "country.not_iso3": not_iso3,
    "meeting.held_after_published": held_after_published,
    "meeting.participant_repeated": participant_repeated,
    "evidence.outside_text": evidence_outside,
    "evidence.text_mismatch": evidence_mismatch,
    "actor.id_missing": actor_id_missing,
    "casualty.toll_decreased": toll_decreased,
    "event.reported_twice": reported_twice,
    "meeting.planned_not_held": planned_not_held,
    "casualty.sources_disagree": sources_disagree,
}
"""The check that runs each cross-record rule, by rule code."""
