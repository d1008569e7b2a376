"""How the PLOVER gold-standard sentences come out (integration; needs ../shared).

The PLOVER gold-standard records (Open Event Data Alliance, PLOVER 0.5b1, CC BY-SA 4.0)
are real example sentences coded by others. For five event types this test runs
``dd.extract`` on each sentence and reports the share that yields the event diplodata
should produce:

=========  ======================  =================================================
PLOVER     PLOVER 1.0 name         diplodata event counted as right
=========  ======================  =================================================
CONSULT    CONSULT                 a meeting (any status)
DEMAND     REQUEST                 a statement whose act is appeal or demand
DISAPPROVE ACCUSE                  a statement whose act is condemnation or claim
THREATEN   THREATEN                a statement whose act is threat or warning
REJECT     REJECT                  a statement whose act is denial or comment
=========  ======================  =================================================

REJECT has no act of its own in the contract; a rejection is reported as a statement,
and the corpus annotates rejections as ``comment`` (datasets/articles/README.md). The
shares are printed (run ``pytest -s tests/test_plover.py``) and recorded in
docs/extraction-quality.md. The test asserts that every sentence is processed, that every
event points into its sentence, and a floor per type that the current extractors meet —
so a change that makes them worse fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import diplodata as dd
from diplodata.models import Event, Meeting, Statement

FIXTURE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "fixtures"
    / "real"
    / "plover"
    / "PLOVER_GSR_CAMEO.json"
)
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not FIXTURE.exists(), reason=f"PLOVER fixture not here ({FIXTURE})"),
]


def _acts(*acts: str) -> Callable[[Event], bool]:
    return lambda e: isinstance(e, Statement) and e.act.value in acts


RIGHT: dict[str, Callable[[Event], bool]] = {
    "CONSULT": lambda e: isinstance(e, Meeting),
    "DEMAND": _acts("appeal", "demand"),
    "DISAPPROVE": _acts("condemnation", "claim"),
    "THREATEN": _acts("threat", "warning"),
    "REJECT": _acts("denial", "comment"),
}

# Shares measured on 2026-11-29 (docs/extraction-quality.md), rounded down: a floor.
# Measured: CONSULT 0.27, DEMAND 0.26, DISAPPROVE 0.31, THREATEN 0.34, REJECT 0.18.
FLOOR = {"CONSULT": 0.25, "DEMAND": 0.25, "DISAPPROVE": 0.3, "THREATEN": 0.3, "REJECT": 0.15}


def shares() -> dict[str, tuple[int, int, int]]:
    """Per type: sentences, sentences with any event of the right kind, with the right act."""
    records = json.loads(FIXTURE.read_text("utf-8"))
    out: dict[str, tuple[int, int, int]] = {}
    for event_type, right in RIGHT.items():
        texts = [r["text"] for r in records if r.get("event") == event_type]
        kind = "meeting" if event_type == "CONSULT" else "statement"
        n_kind = n_right = 0
        for text in texts:
            events = dd.extract(text)
            for event in events:
                for span in event.evidence:
                    assert text[span.start : span.end] == span.text
            n_kind += any(e.kind == kind for e in events)
            n_right += any(right(e) for e in events)
        out[event_type] = (len(texts), n_kind, n_right)
    return out


def test_plover_sentences() -> None:
    table = shares()
    print("\nPLOVER type   sentences  right kind  right act")
    for event_type, (n, n_kind, n_right) in table.items():
        print(f"{event_type:<12} {n:>10} {n_kind / n:>11.2f} {n_right / n:>10.2f}")
    assert {k: v[0] for k, v in table.items()} == {
        "CONSULT": 11,
        "DEMAND": 34,
        "DISAPPROVE": 16,
        "THREATEN": 29,
        "REJECT": 34,
    }
    for event_type, (n, _, n_right) in table.items():
        assert n_right / n >= FLOOR[event_type], event_type
