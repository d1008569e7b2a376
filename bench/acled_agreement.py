"""How well the casualty extractor's killed figures agree with ACLED's coded fatalities.

Prints the agreement and false-alarm figures of ``tests/test_acled.py`` (the rules
are in that module's docstring), the counts behind them, the rows each exclusion
phrase drops, the disagreements by kind, and a sample of them with note excerpts.
Nothing is written to disk: the ACLED notes stay out of the repository.

Usage::

    .venv/bin/python bench/acled_agreement.py [SAMPLE] [--all]

``SAMPLE`` is how many disagreements of each kind to show (default 10); ``--all``
shows every one.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _load_rules() -> ModuleType:
    spec = importlib.util.spec_from_file_location("acled_rules", ROOT / "tests" / "test_acled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _kind(predicted: int, coded: int) -> str:
    if coded == 0:
        return "false alarm (coded 0, killed figure found)"
    if predicted == 0:
        return "missed (coded > 0, nothing found)"
    return "too high" if predicted > coded else "too low"


def _show(scored: Any) -> str:
    """One disagreement: the row, both numbers, the killed figures and the note, shortened."""
    note = scored.note
    head = f"row {note.row}: coded {note.fatalities}, predicted {scored.predicted}"
    figures = "; ".join(scored.figures) or "-"
    body = textwrap.shorten(note.notes, 400, placeholder=" ...")
    return f"{head}  [{figures}]\n" + textwrap.indent(textwrap.fill(body, 96), "    ")


def main(argv: list[str]) -> int:
    rules = _load_rules()
    if not rules.ACLED_FILE.exists():
        print(f"no ACLED fixture at {rules.ACLED_FILE}", file=sys.stderr)
        return 1
    show_all = "--all" in argv
    numbers = [a for a in argv if a.isdigit()]
    sample = int(numbers[0]) if numbers else 10
    result = rules.score(rules.read_notes())
    print(result.summary())
    print(f"targets: agreement >= {rules.TARGETS['agreement']}, "
          f"false-alarm rate <= {rules.TARGETS['false_alarm_rate']}")  # fmt: skip
    print("\nexcluded rows by phrase (a row can match several):")
    for name, n in result.excluded.items():
        print(f"  {n:4d}  {name}")
    wrong = [s for s in result.positives if s.predicted != s.note.fatalities]
    wrong += result.false_alarms
    kinds = Counter(_kind(s.predicted, s.note.fatalities) for s in wrong)
    print("\ndisagreements by kind:")
    for kind, n in kinds.most_common():
        print(f"  {n:4d}  {kind}")
    for kind, _ in kinds.most_common():
        rows = [s for s in wrong if _kind(s.predicted, s.note.fatalities) == kind]
        print(f"\n== {kind}: {len(rows)}")
        for s in rows if show_all else rows[:sample]:
            print(_show(s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
