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
import datetime as dt
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

    ext = sub.add_parser(
        "extract",
        help="extract events from articles",
        description="Extract events from .txt articles (optional front matter), folders of them, "
        "or .jsonl files of articles.",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument(
        "--published",
        type=_date,
        help="publication date (YYYY-MM-DD) for articles that do not give their own",
    )
    ext.add_argument(
        "--out", help="output file; the format follows the extension (.jsonl, .parquet, .csv)"
    )
    ext.add_argument("--no-progress", action="store_true", help="no progress bar")

    ev = sub.add_parser(
        "evaluate",
        help="score extraction against gold annotations",
        description="GOLD_DIR is a corpus folder (NAME.txt articles and a gold/ folder of "
        "NAME.jsonl files) or the gold folder itself (articles in its parent folder).",
    )
    ev.add_argument("gold", metavar="GOLD_DIR")
    ev.add_argument("--kind", action="append", choices=["casualty", "meeting", "statement"])
    ev.add_argument("--errors", action="store_true", help="also list every miss")
    ev.add_argument(
        "--only",
        action="append",
        metavar="GLOB",
        help="score only the articles whose name matches (repeatable), e.g. --only '06[1-9]-*' "
        "--only '070-*' for the held-out articles of datasets/articles",
    )

    val = sub.add_parser(
        "validate",
        help="check event files against the validation rules",
        description="Validate event files (.jsonl, .parquet, .csv): print each file's summary "
        "(issues per rule and severity), and exit with status 1 if any file has errors. "
        "The rules are listed in docs/validation.md.",
    )
    val.add_argument("files", nargs="+", metavar="FILE")
    val.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default): a summary per file; json: every issue as a JSON line, for scripts",
    )
    return parser


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date like 2019-04-04, got {value!r}"
        ) from None


def _extract(args: argparse.Namespace) -> int:
    import diplodata as dd
    from diplodata.corpus import ReadProblem, iter_articles

    problems: list[ReadProblem] = []
    articles: list[dd.Article] = []
    for item in iter_articles(args.paths):
        if isinstance(item, ReadProblem):
            problems.append(item)
            print(f"diplodata: {item}", file=sys.stderr)
        elif item.published is None and args.published is not None:
            articles.append(item.model_copy(update={"published": args.published}))
        else:
            articles.append(item)
    events = dd.extract_many(articles, progress=not args.no_progress)
    if args.out:
        path = dd.write_events(events, args.out)
        print(
            f"wrote {len(events)} events from {len(articles)} articles to {path}", file=sys.stderr
        )
    else:
        for event in events:
            print(event.model_dump_json())
    if problems:
        print(f"diplodata: {len(problems)} input(s) could not be read", file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from diplodata.evaluate import KINDS, evaluate_corpus

    folder = Path(args.gold)
    kinds = args.kind or KINDS
    try:
        if (folder / "gold").is_dir():
            card = evaluate_corpus(folder, kinds=kinds, only=args.only)
        else:
            card = evaluate_corpus(folder.parent, gold=folder, kinds=kinds, only=args.only)
    except ValueError as err:
        print(f"diplodata evaluate: {err}", file=sys.stderr)
        return 1
    print(card.to_markdown())
    if args.errors and len(card.errors):
        print(card.errors.to_string(index=False))
    return 0


def _validate(args: argparse.Namespace) -> int:
    import json

    import diplodata as dd

    failed = False
    for name in args.files:
        events = dd.read_events(name, errors="collect")
        report = dd.validate(events)
        rejected = events.problems
        failed |= not report.ok or len(rejected) > 0
        if args.format == "json":
            for line, field, message in rejected.itertuples(index=False):
                record = {"file": name, "rule": "read.rejected", "severity": "error"}
                number = None if line is None or line != line else int(line)
                record |= {"line": number, "column": field, "message": message}
                print(json.dumps(record, ensure_ascii=False, default=str))
            issues = report.issues.astype(object).where(report.issues.notna(), None)
            for issue in issues.to_dict("records"):
                print(json.dumps({"file": name} | issue, ensure_ascii=False, default=str))
            continue
        print(f"{name}: {report.describe()}")
        for line, field, message in rejected.itertuples(index=False):
            print(f"  rejected on reading, line {line}, field {field}: {message}")
        summary = report.summary()
        if len(summary):
            table = summary[["rule", "severity", "issues"]].to_string(index=False)
            print("\n".join("  " + row for row in table.splitlines()))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    import diplodata as dd

    try:
        if args.command == "demo":
            from diplodata.demo import run

            run(args.out)
        elif args.command == "extract":
            return _extract(args)
        elif args.command == "evaluate":
            return _evaluate(args)
        elif args.command == "validate":
            return _validate(args)
        elif args.name is None:
            print("\n".join(dd.list_datasets()))
        else:
            print(dd.describe_dataset(args.name).to_markdown())
    except (dd.DiplodataError, OSError) as err:
        print(f"diplodata: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
