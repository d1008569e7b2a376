r"""Which cue words an article holds: gates that skip a meeting pattern where it cannot match.

Most of the cues the meeting reader looks for around an anchor ("no meeting", "called off",
"whether", "regularly", "their", "next week", "to discuss", "by phone") are rare: most
articles hold none of their words. Every match of each gated pattern holds one of a few
words as a whole run of letters (a word, case aside, with no letter on either side), so
where the article's runs of letters (:class:`~diplodata.extract.text.Text.runs`, shared by
the groundwork) hold none of them, the pattern cannot match anywhere in the article, and
the search is skipped. The words are looked up once per article, one set operation a pattern.

Why this is exact:

* a match of a gated pattern spells each of its words in ASCII letters, and what stands
  next to that word inside the match (``\b``, ``\s``) is no ASCII letter; so the word
  is a whole run of :attr:`_Runs.runs` (where every other character is a space), that is
  one of :attr:`_Runs.words`;
* except where the searched stretch is a slice whose edge cuts a run of letters ("...no"
  of "casino" at the start of ``norm[a0 - 30 : a0]``): a slice's edge reads as the end
  of the text, so a piece of a word can match there. :meth:`Cues.find` searches every
  slice whose edge cuts a run (:meth:`Cues.find_from` reads with ``pos``/``endpos``, and
  there the engine sees the real character before ``pos``: only ``endpos`` can cut);
* and except where the text holds a letter that IGNORECASE folds to an ASCII one ("ſ",
  "ı", "İ", the Kelvin sign), which the runs do not hold as letters: there nothing is
  gated (``plain`` is false).

``video``/``virtual`` and ``phone`` are looked for as pieces of runs instead
("videoconference", "telephoned"), which holds whatever the edges.
tests/test_meetings_fast.py holds every gate to the plain search.
"""

from __future__ import annotations

import re

from diplodata.extract._meeting_patterns import _ATTR_VERBS
from diplodata.extract.text import Text

__all__ = ["Cues"]

_DENIED_WORDS = frozenset([b"no", b"not", b"never", b"denied", b"denies"])
"""_DENIED: "no ... meeting", "denied", "denies", "did not", "never met", "has/was not"."""
_NO_WORDS = frozenset([b"no"])
"""_NO_BEFORE: "no" and up to two words before the anchor."""
_CANCELLED_WORDS = frozenset(
    [b"called", b"cancelled", b"canceled", b"cancellation", b"cancelation", b"scrapped"]
)
_POSTPONED_WORDS = frozenset([b"postponed", b"put", b"pushed", b"delayed", b"rescheduled"])
_PROPOSED_WORDS = frozenset(
    [
        b"offer",
        b"offered",
        b"offers",
        b"invite",
        b"invites",
        b"invited",
        b"invitation",
        b"proposed",
        b"proposes",
        b"called",
        b"suggested",
    ]
)
_POSSIBLE_WORDS = frozenset(
    [
        b"whether",
        b"might",
        b"may",
        b"could",
        b"possible",
        b"possibly",
        b"perhaps",
        b"if",
        b"unless",
        b"would",
    ]
)
_HABITUAL_WORDS = frozenset([b"been", b"regular", b"regularly", b"every", b"usually", b"often"])
"""_HABITUAL: "has/have/had been meeting", "regular(ly)", "every week", "usually", "often"."""
_THEIR_WORDS = frozenset([b"their", b"joint"])
_NEXT_WORDS = frozenset([b"next", b"tomorrow"])
_TOPIC_WORDS = frozenset(
    [
        b"discuss",
        b"discussed",
        b"discussing",
        b"talks",
        b"press",
        b"push",
        b"focused",
        b"covered",
        b"how",
        b"about",
    ]
)
"""_TOPIC: "to discuss", "(for) talks on", "to press/push for", "focused on", "on how to"..."""


class Cues:
    """The cue words one article holds, for the gates of the meeting patterns.

    Parameters
    ----------
    text : Text
        The article's text (its runs of letters are read).
    plain : bool
        Whether the text holds no letter that IGNORECASE folds to an ASCII one; where it
        does, every flag is true and every pattern is searched.

    Attributes
    ----------
    denied, no, cancelled, postponed, proposed, possible, habitual, their, next, topic, video, call : bool
        Whether a match of ``_DENIED``, ``_NO_BEFORE``, ``_CANCELLED``, ``_POSTPONED``,
        ``_PROPOSED``, ``_POSSIBLE``, ``_HABITUAL``, ``_THEIR``, ``_NEXT_WHEN``,
        ``_TOPIC``, ``_VIDEO``, ``_CALL`` can be somewhere in the article.
    """

    __slots__ = (
        "_norm",
        "_said",
        "call",
        "cancelled",
        "denied",
        "habitual",
        "next",
        "no",
        "possible",
        "postponed",
        "proposed",
        "runs",
        "their",
        "topic",
        "video",
    )
    _said: tuple[tuple[str, ...], bool] | None

    def __init__(self, text: Text, plain: bool) -> None:
        runs = text.runs
        self.runs = runs.runs
        self._norm = text.norm
        self._said = None
        if not plain:
            self.denied = self.no = self.cancelled = self.postponed = self.proposed = True
            self.possible = self.habitual = self.their = self.next = self.topic = True
            self.video = self.call = True
            return
        words = runs.words
        self.denied = not words.isdisjoint(_DENIED_WORDS)
        self.no = b"no" in words
        self.cancelled = not words.isdisjoint(_CANCELLED_WORDS)
        self.postponed = not words.isdisjoint(_POSTPONED_WORDS)
        self.proposed = not words.isdisjoint(_PROPOSED_WORDS)
        self.possible = not words.isdisjoint(_POSSIBLE_WORDS)
        self.habitual = not words.isdisjoint(_HABITUAL_WORDS)
        self.their = not words.isdisjoint(_THEIR_WORDS)
        self.next = not words.isdisjoint(_NEXT_WORDS)
        self.topic = not words.isdisjoint(_TOPIC_WORDS)
        letters = self.runs
        self.video = b"video" in letters or b"virtual" in letters
        self.call = b"phone" in letters

    def said(self) -> tuple[tuple[str, ...], bool]:
        """Which of ``verbs`` (:data:`~._meeting_patterns._ATTR_VERBS`) the text holds, and whether it holds "according".

        Read on the first call (a sentence can hold only what its article holds).
        """
        if self._said is None:
            norm = self._norm
            self._said = (tuple(w for w in _ATTR_VERBS if w in norm), "according" in norm)
        return self._said

    def cut(self, i: int) -> bool:
        """Whether a slice edge at offset ``i`` may cut a run of letters (true at its end, too).

        ``runs[i - 1 : i + 1]`` is two letters where ``i`` falls inside a run; it is
        shorter, or holds a space, everywhere else but at ``i == len(runs)`` after a
        letter (a spare search there, never a skipped one).
        """
        return self.runs[i - 1 : i + 1].isalpha()

    def find(
        self, present: bool, pattern: re.Pattern[str], norm: str, lo: int, hi: int
    ) -> re.Match[str] | None:
        """``pattern.search(norm[lo:hi])``, not searched where the gate ``present`` proves no match."""
        runs = self.runs
        # cut(lo) or cut(hi), inline: this runs for most patterns of most anchors.
        if present or runs[lo - 1 : lo + 1].isalpha() or runs[hi - 1 : hi + 1].isalpha():
            return pattern.search(norm[lo:hi])
        return None

    def find_from(
        self, present: bool, pattern: re.Pattern[str], norm: str, pos: int, endpos: int
    ) -> re.Match[str] | None:
        """``pattern.search(norm, pos, endpos)``, not searched where ``present`` proves no match."""
        if present or self.runs[endpos - 1 : endpos + 1].isalpha():
            return pattern.search(norm, pos, endpos)
        return None
