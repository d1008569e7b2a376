"""Validation of event data: declared rules, run vectorised over the event frame.

:func:`validate` runs the rules of :mod:`diplodata.validate.rules` and returns a
:class:`ValidationReport` whose ``.issues`` is a DataFrame. Importing this package is
cheap: pandas and pandera are imported when :func:`validate` runs.
"""

from __future__ import annotations

from diplodata.validate._run import validate
from diplodata.validate.report import ValidationReport

__all__ = ["ValidationReport", "validate"]
