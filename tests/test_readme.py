"""Every Python example in README.md runs, in order, in one namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 5


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text("utf-8")
    first_example = text.index("```python")
    assert 0 < text.index("make demo") < first_example
    assert 0 < text.index("make test") < first_example


def test_readme_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for number, block in enumerate(BLOCKS, start=1):
        try:
            exec(compile(block, f"README.md block {number}", "exec"), namespace)
        except Exception as err:  # pragma: no cover - the failure message is the point
            raise AssertionError(f"README block {number} failed: {err!r}\n{block}") from err
    out = capsys.readouterr().out
    assert "line 2, field 'figure'" in out
