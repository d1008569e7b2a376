"""The tense of a clause (:func:`tense_of`).

:func:`~diplodata.extract.dates.resolve` reads it to pick the Thursday "on Thursday" means;
:mod:`~diplodata.extract.dates` exports it.
"""

from __future__ import annotations

from typing import Literal

from diplodata.extract._date_patterns import (
    _FUTURE_HINTS,
    _FUTURE_RE,
    _NOT_PAST,
    _PAST_SCAN,
    _PAST_WORDS,
)
from diplodata.extract._number_patterns import _FOLDED_LETTERS

__all__ = ["Tense", "tense_of"]

Tense = Literal["past", "future"]


def tense_of(text: str) -> Tense | None:
    """Guess whether a clause speaks of the past or the future.

    Future: "will", "shall", "is/are due/set/expected/scheduled/going to", "plans
    to", "would meet/visit/hold...", "to meet ... next". Past: "said", "met", "held",
    "was", "were", "had", other common past forms, and lower-case "-ed" words (not
    "need", "hundred", "armed"...). Future wins ("said he will meet" is future), so
    pass the clause that holds the date, not the whole sentence.

    Parameters
    ----------
    text : str
        A clause.

    Returns
    -------
    {"past", "future"} or None
        ``None`` when there is no clue.

    Examples
    --------
    >>> tense_of("Sarraj is due to meet Haftar"), tense_of("They met in Abu Dhabi")
    ('future', 'past')
    >>> tense_of("Talks in Geneva") is None
    True
    """
    if _may_be_future(text) and _FUTURE_RE.search(text):
        return "future"
    # Whether some word reads as past (_past_word), found in one search: _PAST_RE's, by
    # _PAST_SCAN (a space before the text stands for its start, where the look-behind holds).
    return "past" if _PAST_SCAN.search(" " + text) else None


def _may_be_future(text: str) -> bool:
    """Whether :data:`_FUTURE_RE` can match in ``text``: ``False`` only where it cannot.

    Without a letter that IGNORECASE folds to an ASCII one (:data:`_FOLDED_LETTERS`), the
    letters of a match are ASCII, so its lower-case copy is in ``text.lower()`` and holds one
    of :data:`_FUTURE_HINTS`. Most sentences hold none: no search.
    """
    if not text.isascii() and any(c in text for c in _FOLDED_LETTERS):
        return True
    # _FUTURE_HINT.search(lower) is not None, one hint at a time: a substring test per hint
    # runs in C, faster than the trie over letters most of which begin some hint.
    lower = text.lower()
    for hint in _FUTURE_HINTS:  # noqa: SIM110 - a loop, not any(): no generator to run
        if hint in lower:
            return True
    return False


def _past_word(word: str) -> bool:
    """Whether a word of :data:`_WORD_RE` reads as past (what :data:`_PAST_RE` finds)."""
    return word.lower() in _PAST_WORDS or (
        word.islower() and len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST
    )
