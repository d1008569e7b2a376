"""The main job on bundled data: what ``make demo`` runs.

Loads the ``libya_2019`` dataset, validates it (every record through the event
models, and the frame round trip), writes it to an output folder as JSON Lines
and Parquet, reads both back, and prints a summary: events per kind, date range,
the most frequent actors.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

__all__ = ["run"]


def run(
    out: str | Path = "build/demo", *, dataset: str = "libya_2019", stream: TextIO | None = None
) -> dict[str, Path]:
    """Run the demo and return the files it wrote.

    Parameters
    ----------
    out
        The folder to write into (created if missing).
    dataset
        The bundled dataset to use.
    stream
        Where to print the summary (standard output by default).

    Examples
    --------
    >>> import io, tempfile
    >>> files = run(tempfile.mkdtemp(), stream=io.StringIO())
    >>> sorted(files)
    ['jsonl', 'parquet']
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
    print("  wrote:", file=echo)
    for path in files.values():
        print(f"    {path}  ({path.stat().st_size:,} bytes)", file=echo)
    return files
