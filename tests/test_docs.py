"""The pages in docs/ agree with the code, and the site lists every page and notebook."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import diplodata
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


# --- the site: every page in a toctree exists, every notebook is in the site ------------

TOCTREE = re.compile(r"```\{toctree\}\n(.*?)```", flags=re.DOTALL)
NOTEBOOKS = DOCS.parent / "notebooks"


def _toctree_entries(page: Path) -> list[str]:
    entries = []
    for block in TOCTREE.findall(page.read_text("utf-8")):
        entries += [
            line.strip()
            for line in block.splitlines()
            if line.strip() and not line.strip().startswith(":")
        ]
    return entries


def _hand_written_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_generated" not in p.parts)


def _source_of(page: Path, entry: str) -> Path | None:
    """The file that becomes the toctree entry's page (generated pages: what they come from)."""
    name = entry.lstrip("/")
    base = DOCS if entry.startswith("/") else page.parent
    target = (base / name).resolve().relative_to(DOCS).as_posix()
    if target.startswith("_generated/notebooks/"):
        return NOTEBOOKS / f"{target.rsplit('/', 1)[1]}.ipynb"
    if target == "_generated/api/index":
        return DOCS / "_ext" / "diplodata_docs.py"
    if target == "_generated/datasets/*":
        return DOCS.parent / "src" / "diplodata" / "datasets"
    if (DOCS / f"{target}.md").exists():
        return DOCS / f"{target}.md"
    return None


def test_every_toctree_entry_names_a_page_that_exists() -> None:
    missing = [
        f"{page.relative_to(DOCS)}: {entry}"
        for page in _hand_written_pages()
        for entry in _toctree_entries(page)
        if (source := _source_of(page, entry)) is None or not source.exists()
    ]
    assert missing == []


def test_every_page_is_in_a_toctree() -> None:
    listed = {
        _source_of(page, entry)
        for page in _hand_written_pages()
        for entry in _toctree_entries(page)
    }
    orphans = [
        p.relative_to(DOCS).as_posix()
        for p in _hand_written_pages()
        if p not in listed and p != DOCS / "index.md"
    ]
    assert orphans == []


def test_every_notebook_is_in_the_site_in_order() -> None:
    entries = _toctree_entries(DOCS / "notebooks.md")
    in_site = [e.rsplit("/", 1)[1] for e in entries if e.startswith("_generated/notebooks/")]
    assert in_site == [p.stem for p in sorted(NOTEBOOKS.glob("*.ipynb"))]


def test_api_pages_give_every_public_name_a_home() -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import diplodata_docs
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    modules = diplodata_docs.public_modules()
    assert "diplodata.models" in modules
    assert not any(part.startswith("_") for m in modules for part in m.split("."))
    homes = diplodata_docs._homes(modules)
    for name in diplodata.__all__:
        obj = getattr(diplodata, name)
        if name.startswith("__") or isinstance(obj, type(diplodata)):
            continue
        module_name, _, attr = homes[id(obj)].rpartition(".")
        assert module_name in modules, name
        assert getattr(importlib.import_module(module_name), attr) is obj, name
