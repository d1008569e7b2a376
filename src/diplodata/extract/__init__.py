"""Extraction: from article text to events.

``extract`` runs the shared groundwork (normalised text with an offset map,
sentences, numbers, dates, actors) and the versioned extractors on one article;
``extract_many`` runs it over many, with a progress bar.
"""

from __future__ import annotations

from diplodata.extract.gazetteer import Gazetteer
from diplodata.extract.pipeline import EXTRACTORS, extract, extract_many

__all__ = ["EXTRACTORS", "Gazetteer", "extract", "extract_many"]
