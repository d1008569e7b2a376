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


_GATES_OF: dict[bytes, int] = {}
"""Each gated word, and the gates (one bit each, in the order of ``Cues.__init__``) it opens."""
for _bit, _words in enumerate(
    [
        _DENIED_WORDS,
        _NO_WORDS,
        _CANCELLED_WORDS,
        _POSTPONED_WORDS,
        _PROPOSED_WORDS,
        _POSSIBLE_WORDS,
        _HABITUAL_WORDS,
        _THEIR_WORDS,
        _NEXT_WORDS,
        _TOPIC_WORDS,
    ]
):
    for _word in _words:
        _GATES_OF[_word] = _GATES_OF.get(_word, 0) | 1 << _bit

Gate = frozenset[bytes] | None
"""What a gate knows: ``None`` where a pattern may match anywhere (search); else its words,
none of which is a whole run of letters of the article."""
_NOTHING: frozenset[bytes] = frozenset()
"""The closed gate of a pattern looked for as a piece of a run: no slice can hold it."""


class Cues:
    """The cue words one article holds, for the gates of the meeting patterns.

    Parameters
    ----------
    text : Text
        The article's text (its runs of letters are read).
    plain : bool
        Whether the text holds no letter that IGNORECASE folds to an ASCII one; where it
        does, every gate is open and every pattern is searched.

    Attributes
    ----------
    denied, no, cancelled, postponed, proposed, possible, habitual, their, next, topic, video, call : Gate
        The gates of ``_DENIED``, ``_NO_BEFORE``, ``_CANCELLED``, ``_POSTPONED``,
        ``_PROPOSED``, ``_POSSIBLE``, ``_HABITUAL``, ``_THEIR``, ``_NEXT_WHEN``,
        ``_TOPIC``, ``_VIDEO``, ``_CALL``: ``None`` (open) where the article holds one of
        the pattern's words, else those words.
    plain : bool
        As given: whether the runs of letters hold every ASCII letter a pattern can match.
    delegation : bool
        Whether the text holds "delegation" or "Delegation": delegations are read only then.
    """

    __slots__ = (
        "_norm",
        "_said",
        "call",
        "cancelled",
        "delegation",
        "denied",
        "habitual",
        "next",
        "no",
        "plain",
        "possible",
        "postponed",
        "proposed",
        "runs",
        "their",
        "topic",
        "video",
    )
    _said: tuple[tuple[str, ...], bool] | None
    call: Gate
    cancelled: Gate
    delegation: bool
    denied: Gate
    habitual: Gate
    next: Gate
    no: Gate
    possible: Gate
    postponed: Gate
    proposed: Gate
    their: Gate
    topic: Gate
    video: Gate

    def __init__(self, text: Text, plain: bool) -> None:
        runs = text.runs
        self.runs = runs.runs
        self._norm = text.norm
        self._said = None
        self.plain = plain
        # "Delegation(s)", "delegation(s)" (_DELEGATION_OBJECT, led_by_delegations)
        self.delegation = "elegation" in text.norm
        if not plain:
            self.denied = self.no = self.cancelled = self.postponed = self.proposed = None
            self.possible = self.habitual = self.their = self.next = self.topic = None
            self.video = self.call = None
            return
        # One set operation finds which gated words the article holds; each names its gates.
        held = 0
        for word in runs.words.intersection(_GATES_OF):
            held |= _GATES_OF[word]
        self.denied = None if held & 1 else _DENIED_WORDS
        self.no = None if held & 2 else _NO_WORDS
        self.cancelled = None if held & 4 else _CANCELLED_WORDS
        self.postponed = None if held & 8 else _POSTPONED_WORDS
        self.proposed = None if held & 16 else _PROPOSED_WORDS
        self.possible = None if held & 32 else _POSSIBLE_WORDS
        self.habitual = None if held & 64 else _HABITUAL_WORDS
        self.their = None if held & 128 else _THEIR_WORDS
        self.next = None if held & 256 else _NEXT_WORDS
        self.topic = None if held & 512 else _TOPIC_WORDS
        letters = self.runs
        self.video = None if b"video" in letters or b"virtual" in letters else _NOTHING
        self.call = None if b"phone" in letters else _NOTHING

    def said(self) -> tuple[tuple[str, ...], bool]:
        """Which of ``verbs`` (:data:`~._meeting_patterns._ATTR_VERBS`) the text holds, and whether it holds "according".

        Read on the first call (a sentence can hold only what its article holds).
        """
        if self._said is None:
            norm = self._norm
            self._said = (tuple([w for w in _ATTR_VERBS if w in norm]), "according" in norm)
        return self._said

    def cut(self, i: int) -> bool:
        """Whether a slice edge at offset ``i`` may cut a run of letters (true at its end, too).

        ``runs[i - 1 : i + 1]`` is two letters where ``i`` falls inside a run; it is
        shorter, or holds a space, everywhere else but at ``i == len(runs)`` after a
        letter (a spare look there, never a skipped one).
        """
        return self.runs[i - 1 : i + 1].isalpha()

    def find(
        self,
        gate: Gate,
        pattern: re.Pattern[str],
        norm: str,
        lo: int,
        hi: int,
        letters: re.Pattern[bytes] | None = None,
    ) -> re.Match[str] | None:
        """``pattern.search(norm[lo:hi])``, not searched where ``gate`` proves no match.

        With the gate closed, a match needs one of its words as a whole run of the slice:
        only a piece of a run cut by an edge of the slice can be one. With it open,
        ``letters`` (the pattern read in the runs of letters, a ``_RUNS`` form of
        :mod:`._meeting_patterns`) is searched first, faster, where the text is plain and
        neither edge cuts a word: where it finds nothing, neither would ``pattern``.
        """
        runs = self.runs
        if gate is None:
            if (
                letters is not None
                and self.plain
                and not runs[lo - 1 : lo + 1].isalpha()
                and not runs[hi - 1 : hi + 1].isalpha()
                and letters.search(runs, lo, hi) is None
            ):
                return None
            return pattern.search(norm[lo:hi])
        if runs[lo - 1 : lo + 1].isalpha():  # lo cuts a run: the slice opens with its tail
            j = runs.find(b" ", lo, hi)
            if runs[lo : j if j >= 0 else hi] in gate:
                return pattern.search(norm[lo:hi])
        if runs[hi - 1 : hi + 1].isalpha():  # hi cuts a run: the slice ends with its head
            j = runs.rfind(b" ", lo, hi)
            if runs[j + 1 if j >= 0 else lo : hi] in gate:
                return pattern.search(norm[lo:hi])
        return None

    def find_from(
        self, gate: Gate, pattern: re.Pattern[str], norm: str, pos: int, endpos: int
    ) -> re.Match[str] | None:
        """``pattern.search(norm, pos, endpos)``, not searched where ``gate`` proves no match.

        The engine reads the real character before ``pos``: only ``endpos`` can cut a run.
        """
        if gate is None:
            return pattern.search(norm, pos, endpos)
        runs = self.runs
        if runs[endpos - 1 : endpos + 1].isalpha():
            j = runs.rfind(b" ", pos, endpos)
            if runs[j + 1 if j >= 0 else pos : endpos] in gate:
                return pattern.search(norm, pos, endpos)
        return None
