"""Benchmark ``dd.validate`` on 1,000,000 events against two baselines, in one run.

Builds a frame of N events (default 1,000,000): the bundled ``libya_2019`` dataset
repeated with fresh ids and every date shifted by 7 days per repeat. Then times, in
the same process (read the ratios; the seconds depend on the machine's load):

* ``dd.validate(df)`` with all rules (pandera for the column-level rules, vectorised
  pandas for the cross-record ones), issues frame and messages included;
* a lower bound: the same comparisons written inline in plain pandas/numpy, giving
  only boolean masks (no pandera, no issue frame, no messages);
* a per-row loop of pydantic ``validate_python`` over 20,000 contract-form records
  (the dataset's records repeated), scaled up to N. It checks single records only
  (no cross-record rule), and its dicts are built before the clock starts, so it is
  a generous baseline.

It also prints the process's peak resident memory (``ru_maxrss``), which covers
building the frame as well as validating it.

Usage::

    .venv/bin/python bench/validate.py [N]
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

import diplodata as dd
from diplodata.countries import iso3_codes
from diplodata.frame import CAT, COLUMNS
from diplodata.models import events_adapter
from diplodata.validate._keys import json_lists

LOOP_ROWS = 20_000
DATE_COLUMNS = ("when_earliest", "when_latest", "when_anchor", "source_published")


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def build(n: int) -> pd.DataFrame:
    """The dataset repeated to ``n`` rows, with fresh ids and dates shifted per repeat."""
    base = dd.load_dataset("libya_2019")
    repeat = np.arange(n) // len(base)
    df = base.iloc[np.arange(n) % len(base)].reset_index(drop=True)
    df["event_id"] = pd.Series([f"b{i:07d}" for i in range(n)], dtype="str")  # fresh ids
    shift = pd.to_timedelta(repeat * 7, unit="D")
    for name in DATE_COLUMNS:
        df[name] = df[name] + shift
    return df


def lower_bound(df: pd.DataFrame) -> int:
    """The same comparisons as dd.validate, inline: masks only. Returns the issues found."""
    found = 0
    kind = df["kind"]
    # column-level: nulls, allowed values, ranges, dtypes
    for name in ("event_id", "kind", "when_precision", "confidence"):
        found += int(df[name].isna().sum())
    for col in COLUMNS:
        if col.type == CAT and col.categories is not None:
            found += int((~df[col.name].isin(col.categories) & df[col.name].notna()).sum())
    found += int(((df["confidence"] < 0) | (df["confidence"] > 1)).sum())
    for name in ("count_value", "count_low", "count_high"):
        found += int((df[name] < 0).sum())
    found += int(not pd.api.types.is_datetime64_any_dtype(df["when_earliest"]))
    # cross-record
    found += int(df["event_id"].duplicated(keep=False).sum())
    found += int((df["when_earliest"] > df["when_latest"]).sum())
    found += int((df["count_low"] > df["count_high"]).fillna(False).sum())
    codes = iso3_codes()
    for name in ("location_country", "host_country", "speaker_country", "addressee_country"):
        found += int((~df[name].isin(codes) & df[name].notna()).sum())
    p, _ = json_lists(df["participants"], {"id": "string", "name": "string", "country": "string"})
    found += int((~p["country"].isin(codes) & p["country"].notna()).sum())
    found += int(p.duplicated(["row", "id"]).sum())
    found += int(p["id"].isna().sum())
    held = df["status"] == "held"
    found += int((held & (df["when_earliest"] > df["source_published"])).sum())
    found += int(((kind == "statement") & df["speaker_id"].isna()).sum())
    # planned meetings: latest held date per participant set
    keys = p.assign(key=p["id"]).sort_values(["row", "key"]).groupby("row")["key"].agg("|".join)
    meeting_key = pd.Series(pd.NA, index=df.index, dtype="str")
    meeting_key.iloc[keys.index.to_numpy()] = keys.to_numpy()
    last_held = df["when_latest"][held].groupby(meeting_key[held]).max()
    planned = df["status"] == "planned"
    found += int((planned & ~(meeting_key.map(last_held) >= df["when_earliest"])).sum())
    # tolls: decreases per source and disagreement per (place, figure, date)
    c = df[(kind == "casualty") & df["count_value"].notna()]
    t = pd.DataFrame(
        {
            "who": c["reported_by_name"].astype("str"),
            "place": c["location_name"].astype("str"),
            "figure": c["figure"].astype("str"),
            "date": c["when_earliest"],
            "value": c["count_value"],
            "url": c["source_url"],
        }
    )
    cum = t[c["cumulative"].fillna(False).astype(bool)].sort_values(
        ["who", "place", "figure", "date"]
    )
    prior = cum.groupby(["who", "place", "figure"], dropna=False)["value"].cummax()
    found += int(
        (
            cum["value"]
            < prior.groupby([cum["who"], cum["place"], cum["figure"]], dropna=False).shift(1)
        ).sum()
    )
    spread = t.groupby(["place", "figure", "date"], dropna=False).agg(
        low=("value", "min"), high=("value", "max"), n=("url", "nunique")
    )
    found += int(
        ((spread["n"] > 1) & ((spread["high"] - spread["low"]) > 0.1 * spread["high"])).sum()
    )
    # reports of one event: same kind, key and dates
    same = df.assign(key=meeting_key).duplicated(
        ["kind", "key", "speaker_id", "figure", "when_earliest"], keep=False
    )
    found += int(same.sum())
    return found


def pydantic_loop(records: list[dict[str, Any]]) -> int:
    """``model_validate`` row by row: one discriminated ``Event`` per record."""
    from pydantic import TypeAdapter

    from diplodata.models import Event

    one: TypeAdapter[Any] = TypeAdapter(Event)
    for record in records:
        one.validate_python(record)
    return len(records)


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 1_000_000
    start = time.perf_counter()
    df = build(n)
    print(f"built {len(df):,} events in {time.perf_counter() - start:.1f} s")

    t_validate, report = timed(lambda: dd.validate(df), repeat=3)
    t_lower, _ = timed(lambda: lower_bound(df), repeat=3)
    base = events_adapter().dump_python(
        list(dd.load_dataset("libya_2019", as_events=True)), mode="json"
    )
    records = [base[i % len(base)] for i in range(LOOP_ROWS)]
    t_loop_part, _ = timed(lambda: pydantic_loop(records), repeat=1)
    t_loop = t_loop_part * n / LOOP_ROWS
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"dd.validate, all {len(report.rules)} rules:   {t_validate:8.2f} s  ({report.describe()})"
    )
    print(f"inline pandas lower bound:     {t_lower:8.2f} s")
    print(
        f"per-row pydantic loop:         {t_loop:8.2f} s  "
        f"({t_loop_part:.2f} s for {LOOP_ROWS:,} rows, scaled to {n:,})"
    )
    print(f"dd.validate / lower bound:     {t_validate / t_lower:8.2f}x  (target: at most 3x)")
    print(f"per-row loop / dd.validate:    {t_loop / t_validate:8.1f}x  (target: at least 20x)")
    print(f"peak resident memory:          {peak_mb:8.0f} MB  (target: under 1,536 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
