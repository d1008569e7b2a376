"""The cross-field and cross-record rules, as vectorised pandas over the whole frame.

Each check takes a :class:`Context` (the frame, and what several checks share: the
participants long-form, the toll frame, the report groups) and returns the issues of
one rule. :data:`CHECKS` maps rule codes to checks; the checks on single events,
meetings and actors are here, those across reports in
:mod:`~diplodata.validate._checks_reports` and those on evidence in
:mod:`~diplodata.validate._checks_evidence`. No check loops over rows in
Python, except the evidence checks, which slice article texts span by span (they run
only when article texts are given).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from diplodata.validate._checks_evidence import _spans, evidence_mismatch, evidence_outside
from diplodata.validate._checks_reports import reported_twice, sources_disagree, toll_decreased
from diplodata.validate._context import Context, _str, _where
from diplodata.validate._keys import casefolded, participant_sets
from diplodata.validate.report import empty_issues

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CHECKS", "Context"]

ACTOR_COUNTRIES = ("host_country", "speaker_country", "addressee_country", "reported_by_country")
REQUIRED = {
    "meeting": ("participants", "status", "modality"),
    "statement": ("speaker_name", "act", "content"),
    "casualty": ("figure", "count_value", "count_qualifier"),
}


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
    folded = casefolded(p["name"])
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
