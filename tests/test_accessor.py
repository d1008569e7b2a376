"""df.diplo: the accessor, when it is registered, and dd.plot loading lazily."""

from __future__ import annotations

import subprocess
import sys
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import diplodata as dd
from diplodata.accessor import DiploAccessor, register


@pytest.fixture(scope="module")
def libya() -> pd.DataFrame:
    return dd.load_dataset("libya_2019")


def run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_loaded_frame_has_the_accessor_without_matplotlib() -> None:
    out = run(
        "import sys, diplodata as dd; df = dd.load_dataset('libya_2019'); "
        "print(type(df.diplo).__name__, 'matplotlib' in sys.modules)"
    )
    assert out == "DiploAccessor False"


def test_pandas_imported_after_diplodata_gets_the_accessor() -> None:
    out = run("import diplodata, pandas as pd; print(hasattr(pd.DataFrame(), 'diplo'))")
    assert out == "True"


def test_pandas_imported_before_diplodata_gets_the_accessor() -> None:
    out = run("import pandas as pd, diplodata; print(hasattr(pd.DataFrame(), 'diplo'))")
    assert out == "True"


def test_dd_plot_loads_lazily_and_matplotlib_only_when_drawing() -> None:
    out = run(
        "import sys, diplodata as dd; before = 'diplodata.plot' in sys.modules; "
        "dd.plot; loaded = 'diplodata.plot' in sys.modules; mpl = 'matplotlib' in sys.modules; "
        "dd.plot.network(dd.load_dataset('libya_2019')); "
        "print(before, loaded, mpl, 'matplotlib' in sys.modules)"
    )
    assert out == "False True False True"


def test_unknown_attribute_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'plott'"):
        dd.plott  # noqa: B018


def test_registering_twice_is_harmless() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        register()
        register()
    assert pd.DataFrame.diplo is DiploAccessor


def test_charts_from_the_accessor_are_the_functions(libya: pd.DataFrame) -> None:
    for name in ("timeline", "tolls", "network", "activity"):
        ax = getattr(libya.diplo, name)()
        direct = getattr(dd.plot, name)(libya)
        assert ax.get_title() == direct.get_title(), name
        plt.close("all")
    _fig, ax = plt.subplots()
    assert libya.diplo.timeline(by="kind", ax=ax) is ax


def test_validate_and_reconcile_from_the_accessor(libya: pd.DataFrame) -> None:
    report = libya.diplo.validate()
    assert isinstance(report, dd.ValidationReport)
    assert len(libya.diplo.reconcile().tolls) == len(dd.reconcile(libya).tolls)


def test_to_events(libya: pd.DataFrame) -> None:
    assert libya.diplo.to_events() == dd.load_dataset("libya_2019", as_events=True)
