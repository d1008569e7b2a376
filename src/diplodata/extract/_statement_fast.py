r"""Faster forms of the statement extractor's scans (:mod:`~diplodata.extract.statements`).

Each name here stands for a plain pattern of :mod:`._statement_patterns` and finds
exactly what it finds (``tests/test_statements_fast.py`` holds each to its plain form):

* :data:`_CUT_FAST` begins with the class ``[,\s]`` where :data:`._statement_patterns._CUT`
  begins with four alternatives, so the engine skips to the next comma or space in C
  instead of trying every alternative at every character;
* :func:`_trailing_time` searches :data:`._statement_patterns._TRAILING_TIME` only where
  a match that is kept can end the text;
* :func:`_that` tries :data:`._statement_patterns._THAT` only where a "that" is near;
* :func:`_tail` tries :data:`._statement_patterns._TAIL` at the one comma where it can
  match (the last one);
* :func:`_event_relative` searches :data:`._statement_patterns._EVENT_RELATIVE` only
  where one of the words it needs occurs;
* :data:`_APPEAL_TO_FAST` and :data:`_CONTENT_ACTS_FAST` are
  :data:`._statement_patterns._APPEAL_TO` and :data:`._statement_patterns._CONTENT_ACTS_LOWER`
  written as alternatives that each begin with a letter (see :func:`_by_first_letter`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplodata.extract._statement_patterns import (
    _CONTENT_ACTS_LOWER,
    _EVENT_RELATIVE,
    _ROLE_OBJECT,
    _TAIL,
    _THAT,
    _THAT_ASIDE,
    _TRAILING_TIME,
    _VERB_ACT,
)
from diplodata.models import Act

if TYPE_CHECKING:
    from diplodata.extract._statement_scan import _Scan

_VERBS = "|".join(sorted((re.escape(v) for v in _VERB_ACT), key=len, reverse=True))

# ``_CUT`` is ``,\s++(?:WORDS)\b | \s++in ... | \s++according ... | ,?\s++(?:and|but) VERB``.
# Each alternative begins with "," or a space: the one class below takes that first
# character and a look-behind says which it was. After a space, ``\s*+`` stands for the
# rest of ``\s++`` (a possessive run of one or more is one space and then the rest of the
# run), and ``,?`` before a space is the alternative without its comma; the "and VERB"
# alternative, after either, is written once (the verb list is long).
_CUT_AFTER_COMMA = (
    r"\s++(?:as(?!\s+(?:long|soon|well)\s+as\b)|but(?!\s+that\b)|while|whereas|which|who|whose|raising|now|"
    r"according|in\s+an?\s|at\s+the|and\s++[A-Z][\w'-]*+(?:\s++[\w'-]++){0,3}?\s++(?:has|have|"
    r"had|is|are|was|were|will|would)|"
    r"after|before|when|amid|adding|saying|citing\s+(?:no|a\s)|(?:\w+\s+)?(?:days?|hours?|weeks?)"
    r"\s+(?:after|before|later|earlier)|the\s+(?:same\s+)?(?:day|night|morning|evening))\b"
)
_CUT_AFTER_SPACE = (
    r"\s*+in\s+an?\s+(?:\w+\s+){0,2}?(?:statement|speech|address|interview|briefing|report|"
    r"update|bulletin)\b"
    r"|\s*+according\s+to\b"
)
_CUT_FAST = re.compile(
    rf"[,\s](?:(?<=,){_CUT_AFTER_COMMA}|(?<=\s)(?:{_CUT_AFTER_SPACE})"
    rf"|(?:(?<=,)\s++|(?<=\s)\s*+)(?:and|but)\s++(?:(?:he|she|it|they|we)\s++)?"
    rf"(?:also\s++|then\s++)?(?:{_VERBS})(?![\w-]))"
)
"""Matches where :data:`._statement_patterns._CUT` matches, at the same starts (ends may differ)."""

_TRAILING_KEPT = ("time", "talks", "meeting", "time\n", "talks\n", "meeting\n")
"""How a window ends where :func:`_trailing_time` may find a match that is kept."""


def _trailing_time(window: str) -> re.Match[str] | None:
    """``_TRAILING_TIME.search(window)`` where its match is kept, else maybe ``None``.

    The caller keeps a match only if it begins "at the time" or "after the" (talks or
    meeting); the pattern ends with ``$``, so such a match ends the window (or comes
    right before a final newline) with "time", "talks" or "meeting". Elsewhere the
    search could only find an "on ..." match, which the caller drops like ``None``.
    """
    if not window.endswith(_TRAILING_KEPT):
        return None
    return _TRAILING_TIME.search(window)


def _tail(text: str, start: int, end: int) -> re.Match[str] | None:
    r"""``_TAIL.search(text, start, end)``, tried only at the last comma before ``end``.

    A match of ``_TAIL`` is a comma, then characters that are none of them a comma up
    to the end (``[^,"\n]`` runs, spaces, a speech verb, ``[.!?]?$``): its comma is the
    last comma in the window, so the search can find a match there or nowhere.
    """
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    return _TAIL.match(text, comma, end)


def _that(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_THAT.match(text, start, end)``, not tried where no "that" is near enough.

    A match is up to 110 characters and then the word "that", all before ``end``: so
    "that" occurs in ``text[start:min(end, start + 114)]``. Where it finds none, a "that"
    after an aside between commas (:func:`_that_aside`).
    """
    if text.find("that", start, min(end, start + 114)) < 0:
        return _that_aside(text, start, end)
    return _THAT.match(text, start, end) or _that_aside(text, start, end)


def _that_aside(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_THAT_ASIDE.match(text, start, end)``, tried only where ", that" is near enough."""
    if text.find(", that", start, min(end, start + 200)) < 0:
        return None
    return _THAT_ASIDE.match(text, start, end)


_RELATIVE_WORDS = (b"after", b"following", b"ceremony", b"alongside", b"beside")
"""One of these is in every match of ``_EVENT_RELATIVE``, spelt as it is (lowercase)."""


def _event_relative(scan: _Scan, start: int, end: int) -> re.Match[str] | None:
    """``_EVENT_RELATIVE.search(scan.norm, start, end)``, not tried where it cannot match.

    Every match holds one of :data:`_RELATIVE_WORDS` in ASCII letters (lowercased in the runs), which
    stand at the same offsets in the article's runs of letters (:attr:`.Text.runs`).
    """
    runs = scan.g.text.runs.runs
    if not any(runs.find(word, start, end) >= 0 for word in _RELATIVE_WORDS):
        return None
    return _EVENT_RELATIVE.search(scan.norm, start, end)


# --------------------------------------------------------------- content acts


def _by_first_letter(alternatives: list[str], suffix: str = "") -> str:
    r"""The alternation ``(?:A|B|...)SUFFIX``, with every branch beginning with a letter.

    Each alternative begins with a lowercase letter, or with ``\b`` and then one.
    Alternatives that begin with the same letter share a branch ``c(?:...)``, in their
    order, and ``\bc`` becomes ``c(?<=\bc)`` (the same test made after the letter).
    When every branch begins with a letter, the engine gets the first letters as a
    class and skips to them in C, where a ``\b`` or a look-ahead in front makes it try
    the whole pattern at every character. Alternatives that begin with different
    letters cannot match at the same place, so the match found at a place is the one
    the plain alternation finds there.

    Examples
    --------
    >>> _by_first_letter([r"\bask", r"\basked", "war", r"\bwill"], r"\b")
    'a(?<=\\ba)(?:sk|sked)\\b|w(?:ar|(?<=\\bw)ill)\\b'
    """
    groups: dict[str, list[tuple[bool, str]]] = {}
    for alternative in alternatives:
        bounded = alternative.startswith(r"\b")
        body = alternative[2:] if bounded else alternative
        groups.setdefault(body[0], []).append((bounded, body[1:]))
    branches = []
    for letter, rests in groups.items():
        behind = rf"(?<=\b{letter})"
        if all(bounded for bounded, _ in rests):
            branches.append(f"{letter}{behind}(?:{'|'.join(rest for _, rest in rests)}){suffix}")
        else:
            inner = "|".join((behind if bounded else "") + rest for bounded, rest in rests)
            branches.append(f"{letter}(?:{inner}){suffix}")
    return "|".join(branches)


_CONTENT_ACTS_FAST: tuple[tuple[Act, re.Pattern[str]], ...] = (
    (
        Act.THREAT,
        re.compile(
            _by_first_letter(
                [
                    r"harsh\s+response",
                    r"answer\s+for\s+it",
                    r"expect\s+us\s+to\s+act",
                    r"will\s+not\s+stand\s+by",
                    r"carry\s+on\s+fighting",
                    r"keep\s+fighting",
                    r"red\s+line",
                    r"\bis\s+red\b",
                    r"retaliat",
                    r"will\s+respond",
                    r"prompt\s+\w+\s+to\s+intervene",
                    r"intervene\s+(?:directly|militarily)",
                    r"\bcrush\b",
                    r"pay\s+(?:a|the)\s+price",
                    r"will\s+not\s+stop",
                    r"until\s+victory",
                    r"severe\s+response",
                    r"decisive\s+response",
                    r"forceful\s+response",
                    r"crushing\s+response",
                    r"firm\s+response",
                    r"will\s+not\s+hesitate\s+to",
                    r"teach\s+(?:[\w-]+\s+){1,2}?(?:a|the)\s+lesson",
                    r"will\s+face\s+(?:the\s+)?consequences",
                    r"trigger\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:military\s+)?intervention",
                    r"provoke\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:military\s+)?intervention",
                    r"bring\s+[\w-]+\s+into\s+the\s+(?:war|conflict|fight)",
                ]
            )
        ),
    ),
    (Act.DEMAND, re.compile(_by_first_letter([r"\bha(?:ve|s|d)\s+to", r"\bmust"], r"\b"))),
    (
        Act.DENIAL,
        re.compile(
            _by_first_letter(
                [
                    r"\bunfounded",
                    r"\bbaseless",
                    r"\buntrue",
                    r"\bnot\s+(?:responsible|involved|behind|represent|paid|true)",
                    r"\bdid\s+not\s+(?:hit|strike|carry|target|attack|bomb|order|fire|shell|shoot|launch|kill)",
                    r"\bdo(?:es)?\s+not\s+(?:speak\s+for|belong\s+to|work\s+for|answer\s+to)",
                    r"\bdid\s+not\s+(?:speak\s+for|belong\s+to|work\s+for|answer\s+to)",
                    r"\bnothing\s+to\s+do\s+with",
                ],
                r"\b",
            )
        ),
    ),
    (
        Act.CONDEMNATION,
        re.compile(
            _by_first_letter(
                [
                    r"war\s+crime",
                    r"\boppos(?:e|es|ed)\b",
                    r"declaring\s+war",
                    r"siding\s+with",
                    r"dictator",
                    r"obstacle",
                    r"aggression",
                    r"criminal",
                    r"unacceptable",
                    r"condemn",
                ]
            )
        ),
    ),
    (
        Act.CLAIM,
        re.compile(
            _by_first_letter(
                [
                    r"\bagreed",
                    r"\bcommitted\s+(?:to|themselves)",
                    r"\bmoved\s+forward",
                    r"\bmade\s+headway",
                    r"\bwas\s+(?:responsible|to\s+blame)",
                    r"\bwere\s+(?:responsible|to\s+blame)",
                    r"\bprogress\s+(?:was|has\s+been|had\s+been)\s+made",
                    r"\bsigned\s+up",
                    r"\baccepted",
                    r"\bmade\s+progress",
                    r"\bbeen\s+met",
                    r"\backnowledged\s+that",
                    r"\bconfirmed",
                    r"\breached\s+an?\s+agreement",
                ],
                r"\b",
            )
        ),
    ),
    (Act.CLAIM, _CONTENT_ACTS_LOWER[5][1]),
    (
        Act.APPEAL,
        re.compile(
            _by_first_letter(
                [
                    r"\bwants?",
                    r"\bwanted",
                    r"\basking",
                    r"\bask",
                    r"\basks",
                    r"\basked",
                    r"\burges?",
                    r"\burged",
                    r"\burging",
                    r"\bcall(?:s|ed)?\s+on",
                    r"\bappeal(?:s|ed)?\s+to",
                    r"\bpress(?:es|ed|ing)",
                ],
                r"\b[^.]{0,60}?\bto\b",
            )
            + "|"
            + _by_first_letter(
                [
                    r"\bmessage\s+to\b",
                    r"\bwant(?:s|ed)?\s++an?\b",
                    r"\bappeal(?:s|ed)?\s+(?:to|for)\b",
                    r"\bshould\b",
                    r"\bi\s+(?:urge|implore|call\s+(?:on|upon|for))\b",
                    r"\bwe\s+(?:urge|implore|call\s+(?:on|upon|for))\b",
                ]
            )
        ),
    ),
    (
        Act.SUPPORT,
        re.compile(
            _by_first_letter(
                [
                    r"\bsupport",
                    r"\btrust(?:s|ed)?",
                    r"\bwelcome[sd]?",
                    r"\bchance\s+to",
                    r"\bstability",
                    r"\bbloodshed",
                    r"\bhistoric",
                    r"\bpraised?",
                    r"\bcommend\w*",
                    r"\backnowledg(?:ed|es|ing)\s++" + _ROLE_OBJECT,
                    r"\brecogni[sz](?:ed|es|ing)\s++" + _ROLE_OBJECT,
                ],
                r"\b",
            )
        ),
    ),
    (
        Act.WARNING,
        re.compile(
            _by_first_letter(
                [
                    r"\bdanger(?:s|ous)?",
                    r"\bat\s+risk",
                    r"\brisks?\s+(?:of|a|an|the|to)",
                    r"\bagainst\s+the\s+clock",
                    r"\bout\s+of\s+reach",
                    r"\bcatastroph\w*",
                    r"\bon\s+the\s+brink",
                    r"\bspiral\w*\s+(?:out|into)",
                    r"\bslide\s+into",
                    r"\brunning\s+out\s+of\s+time",
                ],
                r"\b",
            )
        ),
    ),
    (Act.ANNOUNCEMENT, _CONTENT_ACTS_LOWER[-1][1]),
)
""":data:`._statement_patterns._CONTENT_ACTS_LOWER` (for lowercased ASCII text) with every
branch beginning with a letter; the patterns anchored at the start (the claim of
responsibility and the announcement) are shared."""

_APPEAL_TO_FAST = re.compile(
    _by_first_letter(
        [
            r"\burged",
            r"\burges",
            r"\bcalled\s+on",
            r"\bcalls\s+on",
            r"\basked",
            r"\basks",
            r"\bmessage\s+to",
            r"\bwarned",
            r"\btold",
        ],
        r"\s++(?:the\s++)?",
    )
)
""":data:`._statement_patterns._APPEAL_TO` with every branch beginning with a letter."""
