"""The main job on bundled data: what ``make demo`` runs.

Loads the ``libya_2019`` dataset, validates it (every record through the event
models, the frame round trip, and :func:`diplodata.validate`'s rules across
records), writes it to an output folder as JSON Lines
and Parquet, reads both back, and prints a summary: events per kind, date range,
the most frequent actors. Then extracts events from the illustrative articles
in ``datasets/articles``, validates them against their articles' text (evidence
spans included) and shows a few, with their evidence. Last, it draws the
dataset's timeline, tolls and network charts (``dd.plot``) to PNG files and prints
their paths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["run"]


def run(
    out: str | Path = "build/demo",
    *,
    dataset: str = "libya_2019",
    articles: str | Path | None = "datasets/articles",
    stream: TextIO | None = None,
) -> dict[str, Path]:
    """Run the demo and return the files it wrote.

    Parameters
    ----------
    out
        The folder to write into (created if missing).
    dataset
        The bundled dataset to use.
    articles
        A folder of article ``.txt`` files to extract events from (skipped when
        ``None`` or missing).
    stream
        Where to print the summary (standard output by default).

    Examples
    --------
    >>> import io, tempfile
    >>> files = run(tempfile.mkdtemp(), articles=None, stream=io.StringIO())
    >>> sorted(files)
    ['jsonl', 'network', 'parquet', 'timeline', 'tolls']
    """
    import sys

    import diplodata as dd

    echo = stream if stream is not None else sys.stdout
    folder = Path(out)
    events = dd.load_dataset(dataset, as_events=True)
    card = dd.describe_dataset(dataset)
    frame = events.to_frame()
    if dd.EventSet.from_frame(frame) != events:
        raise RuntimeError("the frame round trip changed the events")
    if len(events) != card.events:
        raise RuntimeError(f"the card says {card.events} events, the data has {len(events)}")
    report = dd.validate(frame).raise_for_errors()

    files = {
        "jsonl": dd.write_events(events, folder / f"{dataset}.jsonl"),
        "parquet": dd.write_events(events, folder / f"{dataset}.parquet"),
    }
    for path in files.values():
        if dd.read_events(path) != events:
            raise RuntimeError(f"{path} did not read back the same events")

    actors = Counter(a.name for e in events for a in e.actors())
    span = events.date_range()
    print(f"diplodata demo: {card.title}", file=echo)
    print(
        f"  {len(events)} events, every one valid and cited "
        f"({frame['source_url'].nunique()} distinct sources)",
        file=echo,
    )
    for kind, n in events.counts().items():
        print(f"    {kind:<10} {n:>4}", file=echo)
    if span is not None:
        print(f"  dates: {span[0]} to {span[1]}", file=echo)
    print("  most frequent actors:", file=echo)
    for name, n in actors.most_common(5):
        print(f"    {n:>4}  {name}", file=echo)
    print(f"  dd.validate: {report.describe()} (explained in the dataset card)", file=echo)
    print("  wrote:", file=echo)
    for path in files.values():
        print(f"    {path}  ({path.stat().st_size:,} bytes)", file=echo)
    if articles is not None and Path(articles).is_dir():
        files["extracted"] = _extract(Path(articles), folder, echo)
    files.update(_charts(frame, folder, echo))
    return files


def _charts(frame: pd.DataFrame, out: Path, echo: TextIO) -> dict[str, Path]:
    """Draw the timeline, tolls and network charts of ``frame`` to PNG files in ``out``.

    The figures are made without pyplot (``matplotlib.figure.Figure`` renders with Agg),
    so this neither needs a display nor changes the backend of a notebook that runs it.
    """
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from diplodata.plot import network, timeline, tolls

    charts: dict[str, tuple[tuple[float, float], Callable[[Axes], Axes]]] = {
        "timeline": ((11.0, 9.3), lambda ax: timeline(frame, by="actor", ax=ax)),
        "tolls": ((11.0, 5.0), lambda ax: tolls(frame, figure="killed", ax=ax)),
        "network": ((9.0, 9.0), lambda ax: network(frame, ax=ax)),
    }
    written: dict[str, Path] = {}
    print("  charts:", file=echo)
    for name, (size, draw) in charts.items():
        figure = Figure(figsize=size, layout="constrained")
        draw(figure.subplots())
        path = out / f"{name}.png"
        figure.savefig(path, dpi=100)
        written[name] = path
        print(f"    {path}", file=echo)
    return written


def _extract(folder: Path, out: Path, echo: TextIO) -> Path:
    """Extract events from the article files in ``folder`` and say what was found."""
    import diplodata as dd
    from diplodata.corpus import read_articles

    texts = read_articles(folder)
    events = dd.extract_many(texts, progress=False)
    report = dd.validate(events, articles=texts).raise_for_errors()
    path = dd.write_events(events, out / "extracted.jsonl")
    counts = ", ".join(f"{k} {n}" for k, n in events.counts().items()) or "none"
    print(
        f"  extracted from {len(texts)} articles in {folder}: {len(events)} events ({counts})",
        file=echo,
    )
    print(f"    dd.validate against the articles: {report.describe()}", file=echo)
    by_id = {a.id: a for a in texts}
    for event in list(events.by_kind("casualty"))[:3]:
        assert event.kind == "casualty"
        who = event.reported_by.name if event.reported_by is not None else "no named source"
        span = event.evidence[0]
        article = by_id[event.source.article_id or ""]
        assert article.text[span.start : span.end] == span.text
        print(
            f"    {event.figure.value:<9} {event.count.value:>7,} ({event.count.qualifier.value}) "
            f"per {who}; evidence {span.start}:{span.end} {span.text!r}",
            file=echo,
        )
    print(f"    {path}", file=echo)
    return path
