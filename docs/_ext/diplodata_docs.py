"""Sphinx extension: the pages made from code and data, written when the build starts.

Everything it writes goes to ``docs/_generated/`` (git-ignored) and is rewritten
on every build, so the pages cannot drift from the code:

- ``_generated/notebooks/*.ipynb``: the notebooks of ``notebooks/``, executed by
  ``docs/figures.py`` (a cell that raises fails the build); myst-nb renders them
  with their outputs and does not execute them again;
- ``_generated/datasets/<name>.md``: each bundled dataset's card
  (``dd.describe_dataset(name).to_markdown()``);
- ``_generated/api/*.md``: one page per public module of diplodata, each object
  documented once, in the module that defines it, and ``index.md``, the
  ``dd.`` namespace (``diplodata.__all__``) with a link to each name's page.

A file whose content is unchanged is not touched, so incremental builds re-read
only what changed.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

DOCS = Path(__file__).resolve().parents[1]
GENERATED = DOCS / "_generated"


class _Writer:
    """Writes files under one folder, and removes the ones no longer written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: set[Path] = set()

    def write(self, name: str, data: str | bytes) -> None:
        path = self.folder / name
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if not path.exists() or path.read_bytes() != raw:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
        self.written.add(path)

    def prune(self) -> None:
        if self.folder.exists():
            for path in self.folder.rglob("*"):
                if path.is_file() and path not in self.written:
                    path.unlink()


# --- dataset cards ----------------------------------------------------------------


def write_dataset_cards() -> None:
    """One page per bundled dataset, from its card."""
    import diplodata as dd

    out = _Writer(GENERATED / "datasets")
    for name in dd.list_datasets():
        out.write(f"{name}.md", dd.describe_dataset(name).to_markdown())
    out.prune()


# --- API reference ----------------------------------------------------------------


def public_modules() -> list[str]:
    """Every module of diplodata whose dotted name has no part starting with ``_``."""
    import diplodata

    names = ["diplodata"]
    for info in pkgutil.walk_packages(diplodata.__path__, "diplodata."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


def _exported(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [
            n
            for n, obj in vars(module).items()
            if not n.startswith("_") and getattr(obj, "__module__", None) == module.__name__
        ]
    return [n for n in names if not n.startswith("__")]


def _directive(obj: Any) -> str:
    if inspect.isclass(obj):
        return "autoclass"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return "autofunction"
    return "autodata"


def _homes(modules: list[str]) -> dict[int, str]:
    """Where each exported object is documented: ``id(obj) -> 'module.name'``.

    An object's home is the public module that defines it and exports it; failing
    that (a re-export from a private module, a type alias), the first public
    module that exports it, the deepest first (the most specific).
    """
    homes: dict[int, str] = {}
    candidates: dict[int, list[str]] = {}
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in _exported(module):
            obj = getattr(module, name)
            if inspect.ismodule(obj):
                continue
            target = f"{module_name}.{name}"
            if getattr(obj, "__module__", None) == module_name:
                homes[id(obj)] = target
            candidates.setdefault(id(obj), []).append(target)
    for key, targets in candidates.items():
        if key not in homes:
            homes[key] = max(targets, key=lambda t: (t.count("."), t))
    return homes


def write_api() -> None:
    """One page per public module; the index lists the ``dd.`` namespace."""
    import diplodata

    modules = public_modules()
    homes = _homes(modules)
    out = _Writer(GENERATED / "api")
    for module_name in modules[1:]:  # diplodata itself is the index, below
        module = importlib.import_module(module_name)
        lines = [f"# `{module_name}`", "", "```{eval-rst}", f".. automodule:: {module_name}", ""]
        elsewhere = []
        for name in _exported(module):
            obj = getattr(module, name)
            target = f"{module_name}.{name}"
            if inspect.ismodule(obj):  # a submodule: it has its own page
                elsewhere.append(f"{{doc}}`{obj.__name__}`")
                continue
            if homes[id(obj)] != target:
                elsewhere.append(f"{{py:obj}}`{name} <{homes[id(obj)]}>`")
                continue
            lines.append(f".. {_directive(obj)}:: {target}")
            if inspect.isclass(obj):
                lines.append("   :members:")
                if issubclass(obj, enum.Enum):
                    lines.append("   :undoc-members:")
            lines.append("")
        lines.append("```")
        if elsewhere:
            lines += ["", "Also available here: " + ", ".join(elsewhere) + "."]
        out.write(f"{module_name}.md", "\n".join(lines) + "\n")

    table = ["| name | documented in |", "|---|---|"]
    here = []
    for name in diplodata.__all__:
        obj = getattr(diplodata, name)
        if name.startswith("__"):
            continue
        if inspect.ismodule(obj):
            table.append(f"| `dd.{name}` | {{doc}}`{obj.__name__}` |")
            continue
        home = homes[id(obj)]
        page = home.rsplit(".", 1)[0]
        if page == "diplodata":  # defined or exported nowhere else: documented below
            here += [f".. {_directive(obj)}:: {home}", ""]
            table.append(f"| {{py:obj}}`dd.{name} <{home}>` | this page |")
        else:
            table.append(f"| {{py:obj}}`dd.{name} <{home}>` | {{doc}}`{page}` |")
    index = [
        "# API reference",
        "",
        "Generated from the docstrings at every build. `import diplodata as dd` gives the",
        "names below; each is documented once, in the module that defines it.",
        "",
        "```{eval-rst}",
        ".. automodule:: diplodata",
        "",
        *here,
        "```",
        "",
        *table,
        "",
        "## Modules",
        "",
        "```{toctree}",
        ":maxdepth: 1",
        "",
        *modules[1:],
        "```",
    ]
    out.write("index.md", "\n".join(index) + "\n")
    out.prune()


# --- notebooks --------------------------------------------------------------------


def write_notebooks() -> None:
    """Execute the notebooks (see ``docs/figures.py``) and keep the executed copies."""
    sys.path.insert(0, str(DOCS))
    try:
        import figures
    finally:
        sys.path.remove(str(DOCS))
    out = _Writer(GENERATED / "notebooks")
    executed = GENERATED / "notebooks"
    figures.execute_all(executed=executed)
    out.written = {executed / p.name for p in figures.notebooks()}
    out.prune()


def _no_remote_assets(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Warn (an error under ``-W``) when a page would load a script or style from a URL."""
    from sphinx.util import logging

    assets = [*context.get("script_files", ()), *context.get("css_files", ())]
    for asset in assets:
        url = str(getattr(asset, "filename", asset))
        if "://" in url or url.startswith("//"):
            logging.getLogger(__name__).warning(
                "%s would load %s from the network; the docs must work offline", pagename, url
            )


def _generate(app: Any, config: Any) -> None:
    write_dataset_cards()
    write_api()
    write_notebooks()


def setup(app: Any) -> dict[str, Any]:
    """Register the generators; they run once per build, before sources are read."""
    app.connect("config-inited", _generate)
    app.connect("html-page-context", _no_remote_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
