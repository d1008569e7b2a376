"""Benchmark the event frame: memory of its dtypes, and the speed of the round trip.

Builds N events by repeating the bundled ``libya_2019`` dataset with fresh ids,
then measures, in the same process (these machines are noisy, so read the
ratios, not the seconds):

* memory of ``EventSet.to_frame()`` against the same frame with pandas' default
  dtypes (every categorical column turned back into pandas' default string dtype);
* ``EventSet.from_frame``, which reads rows through ``pyarrow.Table.to_pylist()``
  and validates them in one ``TypeAdapter(list[Event])`` call, against the same
  pipeline fed by ``df.astype(object).to_dict("records")``;
* ``to_frame``, and writing and reading JSON Lines, Parquet and CSV;
* the time of ``import diplodata`` in a fresh interpreter (best of 5).

Usage::

    .venv/bin/python bench/frame.py [N]      # N defaults to 100_000
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, cast

import pandas as pd
import pyarrow as pa

import diplodata as dd
from diplodata._from_frame import _arrow_rows, events_from_rows


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def build(n: int) -> dd.EventSet:
    base = list(dd.load_dataset("libya_2019", as_events=True))
    events = [base[i % len(base)].model_copy(update={"id": f"bench-{i:07d}"}) for i in range(n)]
    return dd.EventSet(events)


def object_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The baseline way to get rows: ``astype(object).to_dict('records')``, nulls as None."""
    records = df.astype(object).where(df.notna(), None).to_dict("records")
    rows = cast("list[dict[str, Any]]", records)
    for row in rows:
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                row[key] = value.date()
    return rows


def arrow_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """What from_frame does: ``pyarrow.Table.from_pandas(df).to_pylist()``, dates cast."""
    return _arrow_rows(pa.Table.from_pandas(df, preserve_index=False))


def object_records_from_frame(df: pd.DataFrame) -> list[dd.Event]:
    """The baseline pipeline: object rows, then the same nesting and validation."""
    events, _ = events_from_rows(object_rows(df), list(df.columns), errors="raise")
    return events


def import_time() -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import diplodata"], check=True)
        best = min(best, time.perf_counter() - start)
    baseline = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        baseline = min(baseline, time.perf_counter() - start)
    return best - baseline


def main(n: int) -> None:
    print(f"diplodata {dd.__version__}, pandas {pd.__version__}, python {sys.version.split()[0]}")
    print(f"events: {n:,} (libya_2019 repeated with fresh ids)")
    es = build(n)

    t_frame, df = timed(lambda: es.to_frame(), repeat=1)
    ours = df.memory_usage(deep=True).sum()
    defaults = df.astype(
        {c: pd.StringDtype(na_value=float("nan")) for c in df.columns if df[c].dtype == "category"}
    )
    theirs = defaults.memory_usage(deep=True).sum()
    print("\nmemory of the frame (deep)")
    print(f"  to_frame() dtypes           {ours / 2**20:9.1f} MiB")
    print(f"  pandas default dtypes       {theirs / 2**20:9.1f} MiB")
    print(f"  ratio                       {ours / theirs:9.2f}x")

    t_arrow, back = timed(lambda: dd.EventSet.from_frame(df), repeat=1)
    t_object, _ = timed(lambda: object_records_from_frame(df), repeat=1)
    assert back == es
    t_rows_arrow, a = timed(lambda: arrow_rows(df))
    t_rows_object, b = timed(lambda: object_rows(df))
    assert len(a) == len(b)
    print("\nframe -> rows (dicts), the step the two paths differ in")
    print(f"  pyarrow to_pylist           {t_rows_arrow:9.2f} s")
    print(f"  astype(object).to_dict      {t_rows_object:9.2f} s")
    print(f"  speed-up                    {t_rows_object / t_rows_arrow:9.2f}x")
    print("\nframe -> events (rows, nesting, one pydantic call)")
    print(f"  from_frame (pyarrow rows)   {t_arrow:9.2f} s")
    print(f"  astype(object).to_dict      {t_object:9.2f} s")
    print(f"  speed-up                    {t_object / t_arrow:9.2f}x")
    print(f"\nevents -> frame: to_frame    {t_frame:9.2f} s")

    print("\nfiles (write s, read s, size)")
    with tempfile.TemporaryDirectory() as tmp:
        for ext in ("jsonl", "parquet", "csv"):
            path = Path(tmp) / f"events.{ext}"
            t_write, _ = timed(partial(dd.write_events, es, path), repeat=1)
            t_read, again = timed(partial(dd.read_events, path), repeat=1)
            assert again == es
            size = path.stat().st_size / 2**20
            print(f"  {ext:<8} {t_write:7.2f} {t_read:7.2f} {size:9.1f} MiB")

    print(
        f"\nimport diplodata (fresh interpreter, best of 5, minus bare startup): "
        f"{import_time() * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
