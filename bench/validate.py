"""Benchmark ``dd.validate`` on 1,000,000 events against two baselines, in one run.

Builds a frame of N events (default 1,000,000): the bundled ``libya_2019`` dataset
repeated with fresh ids and every date shifted by 7 days per repeat. Then times, in
the same process (read the ratios; the seconds depend on the machine's load):

* ``dd.validate(df)`` with all rules (pandera for the column-level rules, vectorised
  pandas for the cross-record ones), issues frame and messages included;
* a lower bound: the same comparisons written inline in plain pandas/numpy, giving
  only boolean masks (no pandera, no issue frame, no messages);
* ``dd.validate`` with the column-level rules only (the pandera schema), which is
  what the per-row loop checks too;
* a per-row loop of pydantic ``validate_python`` over 20,000 contract-form records
  (the dataset's records repeated), scaled up to N. It checks single records only
  (no cross-record rule), and its dicts are built before the clock starts, so it is
  a generous baseline;
* the same per-row validation starting from the frame, as a user holding a frame
  would have to: ``EventSet.from_frame`` on the first 20,000 rows (rows out of the
  frame, nested into the contract form, one ``Event`` each), scaled up to N.

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
from diplodata.frame import BOOL, CAT, COLUMNS, DATE, FLOAT, INT
from diplodata.models import events_adapter
from diplodata.validate._keys import json_lists, participant_sets, report_groups, toll_codes
from diplodata.validate.rules import RULES

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
    """The same comparisons as dd.validate, inline: boolean masks and group keys only.

    It parses the JSON columns and groups with the same helpers (one pyarrow pass for
    the participants, integer codes for tolls, one key per participant set), but
    builds no issue frame and no message, and runs no pandera.
    """
    found = 0
    kind = df["kind"]
    n = len(df)
    # column-level: nulls, allowed values, ranges, dtypes
    for name in ("event_id", "kind", "when_precision", "confidence"):
        found += int(df[name].isna().sum())
    for col in COLUMNS:
        if col.type == CAT and col.categories is not None:
            found += int((~df[col.name].isin(col.categories) & df[col.name].notna()).sum())
        if col.type in (DATE, INT, FLOAT, BOOL):
            found += int(df[col.name].dtype.kind not in "Mmiufb" and col.type != INT)
    found += int(((df["confidence"] < 0) | (df["confidence"] > 1)).sum())
    for name in ("count_value", "count_low", "count_high"):
        found += int((df[name] < 0).sum())
    # single rows and single fields
    found += int(df["event_id"].duplicated(keep=False).sum())
    found += int((df["when_earliest"] > df["when_latest"]).sum())
    found += int((df["count_low"] > df["count_high"]).sum())
    found += int(((kind == "statement") & df["content"].isna()).sum())
    codes = iso3_codes()
    for name in ("location_country", "host_country", "speaker_country", "addressee_country"):
        found += int((~df[name].isin(codes) & df[name].notna()).sum())
    held = (df["status"] == "held").to_numpy()
    found += int((held & (df["when_earliest"] > df["source_published"]).to_numpy()).sum())
    found += int(((kind == "statement") & df["speaker_id"].isna()).sum())
    # participants: countries, repeats, missing ids, planned meetings never held
    p, _ = json_lists(df["participants"], {"id": "string", "name": "string", "country": "string"})
    found += int((~p["country"].isin(codes) & p["country"].notna()).sum())
    found += int(p.duplicated(["row", "id"]).sum())
    found += int(p["id"].isna().sum())
    meeting = (kind == "meeting").to_numpy()
    rows, sums = participant_sets(p, meeting)
    key = pd.Series(sums, index=rows).reindex(range(n))
    last_held = df["when_latest"][held].groupby(key[held]).max()
    later = key.map(last_held)
    planned = (df["status"] == "planned").to_numpy()
    found += int((planned & ~(later >= df["when_earliest"]).to_numpy(dtype=bool)).sum())
    # tolls: decreases per source, disagreement per (place, figure, date)
    t = toll_codes(df)
    cum = t[t["cumulative"]].sort_values(
        ["reporter", "name", "country", "figure", "population", "date"]
    )
    by = [cum[k] for k in ("reporter", "name", "country", "figure", "population")]
    prior = cum.groupby(by, sort=False)["count"].cummax().groupby(by, sort=False).shift(1)
    found += int((cum["count"] < prior).sum())
    spread = t.groupby(["name", "country", "figure", "population", "date"], sort=False).agg(
        low=("value", "min"), high=("value", "max"), n=("page", "nunique")
    )
    found += int(
        ((spread["n"] > 1) & (spread["high"] - spread["low"] > 0.1 * spread["high"])).sum()
    )
    # reports of one event
    groups = report_groups(df, p)
    found += int(groups.duplicated(keep=False).sum())
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
    column_rules = [
        r.code
        for r in RULES
        if r.code.startswith(("frame.", "column.")) and r.code != "column.invalid_json"
    ]
    t_columns, _ = timed(lambda: dd.validate(df, rules=column_rules), repeat=3)
    base = events_adapter().dump_python(
        list(dd.load_dataset("libya_2019", as_events=True)), mode="json"
    )
    records = [base[i % len(base)] for i in range(LOOP_ROWS)]
    t_loop_part, _ = timed(lambda: pydantic_loop(records), repeat=1)
    t_loop = t_loop_part * n / LOOP_ROWS
    head = df.iloc[:LOOP_ROWS]
    t_rows_part, _ = timed(lambda: dd.EventSet.from_frame(head), repeat=1)
    t_rows = t_rows_part * n / LOOP_ROWS
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"dd.validate, all {len(report.rules)} rules:   {t_validate:8.2f} s  ({report.describe()})"
    )
    print(f"inline pandas lower bound:     {t_lower:8.2f} s")
    print(
        f"per-row pydantic loop:         {t_loop:8.2f} s  "
        f"({t_loop_part:.2f} s for {LOOP_ROWS:,} rows, scaled to {n:,})"
    )
    print(
        f"per-row from the frame:        {t_rows:8.2f} s  "
        f"(EventSet.from_frame, {t_rows_part:.2f} s for {LOOP_ROWS:,} rows, scaled)"
    )
    print(
        f"dd.validate, {len(column_rules)} column rules:  {t_columns:8.2f} s  "
        "(pandera only: types, allowed values, ranges, nulls)"
    )
    print(f"dd.validate / lower bound:     {t_validate / t_lower:8.2f}x  (target: at most 3x)")
    print(f"per-row loop / dd.validate:    {t_loop / t_validate:8.1f}x  (target: at least 20x)")
    print(f"per-row from the frame / dd.validate: {t_rows / t_validate:5.1f}x")
    print(f"per-row loop / column rules:   {t_loop / t_columns:8.1f}x")
    print(f"peak resident memory:          {peak_mb:8.0f} MB  (target: under 1,536 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
