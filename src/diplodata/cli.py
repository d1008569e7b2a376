"""The ``diplodata`` command line.

Examples
--------
>>> import contextlib, io
>>> buf = io.StringIO()
>>> with contextlib.redirect_stdout(buf):
...     status = main(["datasets"])
>>> status, buf.getvalue().split()
(0, ['libya_2019'])
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplodata", description="Typed diplomatic events from the news."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="run the main job on the bundled data")
    demo.add_argument("--out", default="build/demo", help="output folder (default: build/demo)")
    datasets = sub.add_parser("datasets", help="list the bundled datasets, or show one's card")
    datasets.add_argument("name", nargs="?", help="a dataset name: print its card")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    import diplodata as dd

    try:
        if args.command == "demo":
            from diplodata.demo import run

            run(args.out)
        elif args.name is None:
            print("\n".join(dd.list_datasets()))
        else:
            print(dd.describe_dataset(args.name).to_markdown())
    except dd.DiplodataError as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
