"""Benchmark ``dd.reconcile`` on a large frame against a bare group-by, in one run.

Builds the frame of ``bench/validate.py`` (the bundled ``libya_2019`` dataset repeated
to N rows with fresh ids and dates shifted per repeat; default 300,000), then times in
the same process (CPU seconds, best of R; read the ratios, the machine is shared):

* the baseline: one pandas group-by of the casualty rows on the toll key (place,
  country, figure, day) giving min, max and size: the least any per-toll summary does;
* ``tolls_of``: the ``.tolls`` table (low, high, median, reports, distinct sources and
  the sources behind the low, the high and all of them, joined as text);
* ``dd.reconcile`` whole: ``.events`` (one row per real-world event, every source
  listed) and ``.tolls``.

Usage::

    .venv/bin/python bench/reconcile.py [N] [R]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import diplodata as dd
from diplodata.reconcile import tolls_of
from diplodata.validate._keys import toll_frame

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate import build  # bench/ is not a package: its directory is put on the path above


def cpu(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best CPU seconds of ``fn()`` over ``repeat`` runs, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def bare(df: pd.DataFrame) -> pd.DataFrame:
    """The baseline: min, max and count of each toll key, nothing joined."""
    t = toll_frame(df)
    keys = ["place", "country", "figure", "date"]
    return t.groupby(keys, dropna=False, observed=True)["value"].agg(["min", "max", "size"])


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 300_000
    repeat = int(argv[1]) if len(argv) > 1 else 3
    df = build(n)
    print(f"{n:,} events, {int((df['kind'] == 'casualty').sum()):,} casualty figures")
    base, agg = cpu(lambda: bare(df), repeat)
    rows = [("baseline: group-by min/max/size per toll key", base, len(agg))]
    took, tolls = cpu(lambda: tolls_of(df), repeat)
    rows.append(("tolls_of (the .tolls table)", took, len(tolls)))
    took, rec = cpu(lambda: dd.reconcile(df), repeat)
    rows.append(("dd.reconcile (.events and .tolls)", took, len(rec.events)))
    print(f"{'what':48s} {'CPU s':>7s} {'x base':>7s} {'rows out':>9s}")
    for label, seconds, out in rows:
        print(f"{label:48s} {seconds:7.2f} {seconds / base:7.1f} {out:9,d}")


if __name__ == "__main__":
    main(sys.argv[1:])
