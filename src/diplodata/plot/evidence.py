"""``dd.plot.evidence``: an article with its events' evidence highlighted (a notebook view).

Not a matplotlib chart: it returns :class:`diplodata.display.EvidenceView`, which
Jupyter renders as HTML. A single event shows the same way on its own
(``Event._repr_html_``).
"""

from __future__ import annotations

from diplodata.display import EvidenceView, evidence

__all__ = ["EvidenceView", "evidence"]
