"""Charts of events: ``dd.plot.timeline``, ``tolls``, ``network``, ``activity``, ``evidence``.

Every chart takes ``data`` first (an :class:`~diplodata.EventSet` or its frame),
keyword-only options, and ``ax=None`` last; it draws on ``ax`` (or a new figure),
returns the Axes, never shows the figure itself (tests/test_package.py checks that
no library module calls pyplot's show), never changes matplotlib's global style,
and draws the same picture for the same data (fixed colours per kind, act,
status and figure; sorted lanes; a deterministic network layout).

``import diplodata`` does not import this package: ``dd.plot`` loads it on first
use, and matplotlib is imported only when a chart is drawn. Importing it also
registers the ``df.diplo`` pandas accessor (see :mod:`diplodata.accessor`).

Examples
--------
>>> import diplodata as dd
>>> ax = dd.plot.activity(dd.load_dataset("libya_2019"), freq="MS")
>>> ax.get_ylabel()
'events per month'
"""

from __future__ import annotations

from diplodata import accessor as _accessor
from diplodata.plot.activity import activity
from diplodata.plot.evidence import evidence
from diplodata.plot.network import network
from diplodata.plot.timeline import timeline
from diplodata.plot.tolls import tolls

__all__ = ["activity", "evidence", "network", "timeline", "tolls"]

_accessor.register()
