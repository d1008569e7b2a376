"""The ``df.diplo`` pandas accessor: diplodata's charts and checks from an event frame.

``df.diplo.timeline()`` is ``dd.plot.timeline(df)``, ``df.diplo.validate()`` is
``dd.validate(df)``, and so on (see :class:`DiploAccessor`).

When it is registered. ``import diplodata`` must import neither pandas nor
matplotlib, yet a frame from ``dd.load_dataset`` (or from ``pd.read_parquet``)
should have ``.diplo``. So ``import diplodata`` calls :func:`register_when_pandas_loads`:

- if pandas is already imported, the accessor is registered at once (cheap);
- otherwise a small import hook waits for ``import pandas`` (by anyone: diplodata's
  own frame functions or the user) and registers the accessor as soon as pandas has
  finished loading, then removes itself.

Importing :mod:`diplodata.plot` also registers it, and :func:`register` can be called
directly; registering twice does nothing. Neither this module nor the hook imports
pandas or matplotlib; each method imports what it needs when called.

Examples
--------
>>> import diplodata as dd
>>> df = dd.load_dataset("libya_2019")
>>> ax = df.diplo.timeline(by="kind")
>>> ax.get_ylabel()
'kind'
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from diplodata.eventset import EventSet
    from diplodata.reconcile import Reconciliation
    from diplodata.validate import ValidationReport

__all__ = ["DiploAccessor", "register", "register_when_pandas_loads"]

NAME = "diplo"
"""The accessor's attribute name on a DataFrame."""


class DiploAccessor:
    """diplodata's functions on an event frame: ``df.diplo.<function>(...)``.

    Each method passes the frame as the first argument and every other argument
    through, so the options and results are those of the function it names.

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> len(df.diplo.to_events())
    189
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def timeline(self, **kwargs: Any) -> Axes:
        """:func:`diplodata.plot.timeline` of this frame."""
        from diplodata.plot import timeline

        return timeline(self._frame, **kwargs)

    def tolls(self, **kwargs: Any) -> Axes:
        """:func:`diplodata.plot.tolls` of this frame."""
        from diplodata.plot import tolls

        return tolls(self._frame, **kwargs)

    def network(self, **kwargs: Any) -> Axes:
        """:func:`diplodata.plot.network` of this frame."""
        from diplodata.plot import network

        return network(self._frame, **kwargs)

    def activity(self, **kwargs: Any) -> Axes:
        """:func:`diplodata.plot.activity` of this frame."""
        from diplodata.plot import activity

        return activity(self._frame, **kwargs)

    def validate(self, **kwargs: Any) -> ValidationReport:
        """:func:`diplodata.validate` of this frame: its :class:`~diplodata.ValidationReport`."""
        from diplodata.validate import validate

        return validate(self._frame, **kwargs)

    def reconcile(self) -> Reconciliation:
        """:func:`diplodata.reconcile` of this frame."""
        from diplodata.reconcile import reconcile

        return reconcile(self._frame)

    def to_events(self, *, errors: str = "raise") -> EventSet:
        """The frame as an :class:`~diplodata.EventSet` (``EventSet.from_frame``)."""
        from diplodata.eventset import EventSet

        return EventSet.from_frame(self._frame, errors=errors)


def register() -> None:
    """Register ``df.diplo`` on pandas DataFrames (imports pandas; twice is harmless)."""
    import pandas as pd

    if getattr(pd.DataFrame, NAME, None) is not None:
        return
    pd.api.extensions.register_dataframe_accessor(NAME)(DiploAccessor)


class _AfterPandas(importlib.abc.MetaPathFinder):
    """Runs :func:`register` right after the ``pandas`` package has finished loading."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pandas":
            return None
        _remove_hook()
        spec = importlib.util.find_spec(fullname)  # the other finders, this one removed
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            try:
                register()
            except Exception as err:  # never break `import pandas` over the accessor
                warnings.warn(f"diplodata could not register df.diplo: {err}", stacklevel=2)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _remove_hook() -> None:
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _AfterPandas)]


def register_when_pandas_loads() -> None:
    """Register the accessor now if pandas is loaded, else as soon as it is imported."""
    if "pandas" in sys.modules:
        register()
    elif not any(isinstance(f, _AfterPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterPandas())
