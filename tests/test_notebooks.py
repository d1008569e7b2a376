"""Every notebook in notebooks/ runs top to bottom in a fresh kernel, and is committed clean.

Each notebook runs with nbclient in its own Python kernel, from the notebooks folder
(where a student opening it in JupyterLab runs it), with matplotlib's Agg backend and
no network. A cell that raises fails its test, naming the notebook and the cell; a
notebook gets 60 seconds in all (they take a few seconds each). Kernels talk over local
sockets in the test's temporary folder, so pytest-xdist workers never share a port.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))
BUDGET = 60.0  # seconds per notebook
COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # the kernel's traceback colours


def test_the_five_notebooks_are_there() -> None:
    names = [path.stem for path in NOTEBOOKS]
    assert names == [
        "01_quickstart",
        "02_from_article_to_events",
        "03_casualty_tolls",
        "04_who_meets_whom",
        "05_validating_a_dataset",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# "), "open with a title that asks the question"
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    assert "widgets" not in notebook.metadata
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {number}: commit without outputs"
            assert cell.execution_count is None, f"{path.name} cell {number}: execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    deadline = time.monotonic() + BUDGET

    def remaining(cell: Any) -> int:
        # nbclient's timeout is per cell: give each cell what is left of the budget.
        return max(1, int(deadline - time.monotonic()))

    manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(tmp_path / "kernel"))
    client = NotebookClient(
        notebook,
        km=manager,
        timeout_func=remaining,
        startup_timeout=120,
        record_timing=False,
        resources={"metadata": {"path": str(FOLDER)}},
    )
    env = {**os.environ, "MPLBACKEND": "Agg"}
    try:
        client.execute(env=env, cleanup_kc=True)  # shut the kernel down after
    except CellTimeoutError as err:
        pytest.fail(f"{path.name} ran past its {BUDGET:.0f} s budget: {err}")
    except CellExecutionError as err:
        pytest.fail(f"{path.name} raised:\n{COLOUR.sub('', str(err))}")
    finally:
        if manager.has_kernel:  # if the run stopped before nbclient could
            manager.shutdown_kernel(now=True)
