"""Validation of event data: declared rules, run vectorised over the event frame."""

from __future__ import annotations
