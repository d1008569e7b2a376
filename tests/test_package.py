"""The package as a user meets it: the namespace, import cost, and a wheel in a clean venv."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

import diplodata as dd

ROOT = Path(__file__).resolve().parents[1]


def test_public_namespace_is_pinned() -> None:
    assert sorted(dd.__all__) == sorted(
        [
            "Actor",
            "Article",
            "CasualtyFigure",
            "Count",
            "DataError",
            "DataWarning",
            "DatasetNotFoundError",
            "DiplodataError",
            "Event",
            "EventSet",
            "Gazetteer",
            "Meeting",
            "MeetingLife",
            "Place",
            "Reconciliation",
            "SourceRef",
            "Span",
            "Statement",
            "TimeRef",
            "ValidationError",
            "ValidationReport",
            "__version__",
            "describe_dataset",
            "extract",
            "extract_many",
            "list_datasets",
            "load_dataset",
            "meeting_history",
            "plot",
            "read_events",
            "reconcile",
            "validate",
            "write_events",
        ]
    )
    for name in dd.__all__:
        assert hasattr(dd, name), name


def test_errors_inherit_the_natural_builtins() -> None:
    assert issubclass(dd.DataError, ValueError) and issubclass(dd.DataError, dd.DiplodataError)
    assert issubclass(dd.DatasetNotFoundError, KeyError)
    assert issubclass(dd.DataWarning, UserWarning)


def test_import_is_light() -> None:
    code = "import sys, diplodata; print(sorted(m for m in ('matplotlib', 'pandas', 'pyarrow', 'dask') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_py_typed_ships() -> None:
    assert (ROOT / "src" / "diplodata" / "py.typed").exists()


@pytest.mark.slow
def test_wheel_installs_into_a_clean_venv_and_loads_the_dataset(tmp_path: Path) -> None:
    """Build the wheel, install it (no deps) into a new venv, and load the dataset there.

    The new venv borrows the test environment's third-party packages through a
    .pth file, so nothing is downloaded; diplodata itself must come from the wheel.
    """
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("diplodata-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "diplodata/py.typed",
        "diplodata/data/countries.csv",
        "diplodata/datasets/libya_2019.jsonl",
        "diplodata/datasets/libya_2019.card.toml",
        "diplodata/data/actors.csv",
        "diplodata/data/roles.csv",
        "diplodata/data/places.csv",
    ):
        assert needed in names, needed

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    Path(site, "borrowed_dependencies.pth").write_text(ours + "\n")

    script = textwrap.dedent(
        f"""
        import diplodata as dd
        assert dd.__file__.startswith({str(env_dir)!r}), dd.__file__
        df = dd.load_dataset("libya_2019")
        es = dd.load_dataset("libya_2019", as_events=True)
        card = dd.describe_dataset("libya_2019")
        assert len(df) == len(es) == card.events
        found = dd.extract("Serraj met Hifter in Rome, where 12 people were killed.")
        assert {{e.kind for e in found}} == {{"meeting", "casualty"}}, found
        print(len(df), df["source_url"].notna().all())
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    out = subprocess.run(
        [str(python), "-c", script],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert out.split() == [str(dd.describe_dataset("libya_2019").events), "True"]


def test_library_code_makes_no_call_it_should_not() -> None:
    """No module shows a figure, unpickles, evaluates text or opens a network connection."""
    import ast

    banned_calls = {"show", "eval", "exec", "load", "loads"}
    banned_modules = {"pickle", "yaml", "urllib", "requests", "socket", "http", "marshal"}
    found: list[str] = []
    for path in sorted((Path(dd.__file__).parent).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names.append(node.module)
                found += [
                    f"{path.name}: import {n}" for n in names if n.split(".")[0] in banned_modules
                ]
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in {"eval", "exec"}:
                    found.append(f"{path.name}: {func.id}()")
                if (
                    isinstance(func, ast.Attribute)
                    and func.attr in banned_calls
                    and isinstance(func.value, ast.Name)
                    and func.value.id in {"plt", "pyplot", "pickle", "yaml", "marshal"}
                ):
                    found.append(f"{path.name}:{node.lineno}: {func.value.id}.{func.attr}()")
    # The one exec: extract/_fast.py builds a dataclass __init__ from the class's own field
    # names, as the standard library's dataclasses module does; no outside text reaches it.
    assert found == ["_fast.py: exec()"]
