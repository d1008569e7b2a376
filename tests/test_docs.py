"""The reference pages in docs/ agree with the code."""

from __future__ import annotations

from pathlib import Path

from diplodata.frame import COLUMNS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_contract_page_lists_every_frame_column() -> None:
    text = (DOCS / "contract.md").read_text("utf-8")
    missing = [c.name for c in COLUMNS if f"`{c.name}`" not in text]
    assert missing == []


def test_performance_page_gives_the_command_behind_each_figure() -> None:
    text = (DOCS / "performance.md").read_text("utf-8")
    for script in sorted((DOCS.parent / "bench").glob("*.py")):
        assert f"bench/{script.name}" in text, script.name
