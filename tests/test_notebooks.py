"""Every notebook in notebooks/ runs top to bottom (code cells in order, one namespace).

The notebooks issue replaces this with nbclient; until then the code cells are run
directly, from the notebooks folder, with matplotlib's Agg backend and no network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(path.parent)
    notebook = json.loads(path.read_text("utf-8"))
    namespace: dict[str, object] = {}
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert not cell.get("outputs"), f"{path.name}: commit notebooks without outputs"
        source = "".join(cell["source"])
        try:
            exec(compile(source, f"{path.name} cell {number}", "exec"), namespace)
        except Exception as err:  # pragma: no cover - the message is the point
            raise AssertionError(f"{path.name}, cell {number} failed: {err!r}\n{source}") from err
