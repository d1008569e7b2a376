"""Run the notebooks and write the charts they draw.

Usage (``make figures`` runs the first form)::

    python docs/figures.py                       # charts to build/figures/
    python docs/figures.py --out DIR --executed DIR

Every notebook in ``notebooks/`` runs top to bottom in a fresh Python kernel,
from the ``notebooks/`` folder (where a student opening it in Jupyter runs it),
with matplotlib's inline backend: figures are rendered with Agg to PNG, nothing
opens a window and nothing reaches the network. This writes

- every chart the notebooks draw, as ``<notebook>-<k>.png`` in ``--out``
  (``01_quickstart-1.png`` is the first chart of ``01_quickstart.ipynb``);
- with ``--executed DIR``, the executed notebooks with their outputs (the docs
  build renders these: ``docs/conf.py`` calls :func:`execute_all`).

A cell that raises stops the run with the notebook's name, the cell and the
traceback. The docs build and ``make figures`` draw the same charts, from the
same code, run the same way.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT = 60  # seconds per cell; each notebook takes a few seconds in all
INLINE = "module://matplotlib_inline.backend_inline"


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks to run, in their numbered order."""
    return sorted(folder.glob("[0-9]*.ipynb"))


def execute(path: Path) -> Any:
    """Run one notebook in a fresh kernel from its folder; return it with outputs."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    with tempfile.TemporaryDirectory(prefix="diplodata-kernel-") as sockets:
        # Local sockets, not TCP ports: nothing to collide with when several kernels
        # start at once, and nothing listening on the network.
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets}/k")
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=TIMEOUT,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        # The kernel's own environment: charts rendered inline, whatever MPLBACKEND the
        # caller has set (the tests set Agg, which would draw nothing into the notebook).
        env = {**os.environ, "MPLBACKEND": INLINE, "PYTHONHASHSEED": "0"}
        try:
            client.execute(env=env, cleanup_kc=True)  # shut the kernel down after
        except CellExecutionError as err:
            raise RuntimeError(f"{path.name} failed:\n{err}") from err
        finally:
            if manager.has_kernel:  # if the run stopped before nbclient could
                manager.shutdown_kernel(now=True)
    return notebook


def charts(notebook: Any) -> list[bytes]:
    """The PNG images among a notebook's outputs, in order."""
    images = []
    for cell in notebook.cells:
        for output in cell.get("outputs", ()):
            png = output.get("data", {}).get("image/png")
            if png:
                images.append(base64.b64decode(png))
    return images


def _write_if_changed(path: Path, data: bytes) -> None:
    # Unchanged files keep their modification time, so Sphinx re-reads only what changed.
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def execute_all(
    *, executed: Path | None = None, out: Path | None = None, quiet: bool = False
) -> dict[str, list[bytes]]:
    """Run every notebook; write the executed copies and the charts if asked.

    Returns the charts of each notebook, by notebook file name.
    """
    import nbformat

    drawn: dict[str, list[bytes]] = {}
    for path in notebooks():
        start = time.perf_counter()
        notebook = execute(path)
        drawn[path.name] = images = charts(notebook)
        if executed is not None:
            text = nbformat.writes(notebook) + "\n"  # type: ignore[no-untyped-call]
            _write_if_changed(executed / path.name, text.encode("utf-8"))
        if out is not None:
            for number, image in enumerate(images, start=1):
                _write_if_changed(out / f"{path.stem}-{number}.png", image)
        if not quiet:
            seconds = time.perf_counter() - start
            print(f"{path.name}: ran in {seconds:.1f} s, {len(images)} chart(s)", file=sys.stderr)
    if out is not None:
        wanted = {
            f"{name[:-6]}-{n}.png" for name, imgs in drawn.items() for n in range(1, len(imgs) + 1)
        }
        for stale in out.glob("*.png"):
            if stale.name not in wanted:
                stale.unlink()
    return drawn


def main(argv: list[str] | None = None) -> int:
    """Command line: run the notebooks, write the charts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "figures")
    parser.add_argument("--executed", type=Path, default=None)
    args = parser.parse_args(argv)
    drawn = execute_all(executed=args.executed, out=args.out)
    total = sum(len(images) for images in drawn.values())
    print(f"{total} charts from {len(drawn)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
