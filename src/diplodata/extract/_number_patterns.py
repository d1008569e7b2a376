"""The vocabulary and compiled patterns of :mod:`diplodata.extract.numbers`.

Number words, qualifiers and vague quantities; the regular expression of a number
phrase (``_COUNT_RE``) and the scans for where one can begin (``_START``,
``_START_LOWER``, ``_START_GATED``); the context patterns that tell a count from a
year, a date, money, a time or an age. :func:`_trie` builds a shared-prefix
alternation and is also used by :mod:`diplodata.extract.dates`.

Examples
--------
>>> _COUNT_RE.match("more than 430")["q_more_than"]
'more than'
>>> re.fullmatch(_trie({"at": "", "an": ""}), "An") is not None
True
"""

from __future__ import annotations

import re
from typing import Any, Final


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_SMALL: Final = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS: Final = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_SCALES: Final = ("hundred", "thousand", "million", "billion")
_VOCAB: Final = frozenset((*_SMALL, *_TENS, *_SCALES, "dozen", "and", "a"))
_MULTIPLIERS: Final = {"thousand": 10**3, "million": 10**6, "m": 10**6,
                       "billion": 10**9, "bn": 10**9, "dozen": 12}  # fmt: skip
_VAGUE: Final = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000, "hundreds of millions": 200_000_000,
}  # fmt: skip
_QUALIFIERS: Final = {
    "at_least": ("no fewer than", "not fewer than", "no less than", "not less than",
                 "at least", "a minimum of"),
    "up_to": ("no more than", "not more than", "up to", "as many as"),
    "more_than": ("more than", "over", "upwards of", "in excess of"),
    "less_than": ("fewer than", "less than", "under"),
    "about": ("nearly", "almost", "about", "around", "some", "approximately", "roughly",
              "an estimated", "close to"),
}  # fmt: skip
_MAX_VALUE: Final = 10**15
_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_YEAR_BEFORE: Final = frozenset(
    _words("in since until till during early mid late spring summer autumn fall winter")
)
_DOC_BEFORE: Final = frozenset(_words(
    "resolution resolutions no. nos. number article chapter section paragraph page flight "
    "route highway road room annex"
))  # fmt: skip
_AGE_BEFORE: Final = frozenset(("aged", "age", "ages"))
_ONE_AFTER: Final = frozenset(("of", "another", "who"))
_ONE_BEFORE: Final = frozenset(_words("no any every each the this that which"))


def _alt(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching white space."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(w.replace(" ", r"\s{1,4}+") for w in ordered)


_WS = r"\s{1,4}+"
_WORD = rf"(?:{_alt(_SMALL + _TENS)})(?![a-z])"
_SCALE = rf"(?:{_alt((*_SCALES, 'dozen'))})(?![a-z])"
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _SCALES) + ")"


def _wordrun(possessive: bool) -> str:
    """Number words, "and" only after a scale; bounded (13 words) so never catastrophic.

    Not possessive only for X of "between X and Y", which may have to give back "and Y".
    """
    sep = rf"(?:{_AFTER_SCALE}{_WS}and{_WS}|{_WS}|-)"
    first = rf"(?:(?:a|one){_WS}{_SCALE}|{_WORD})"
    return rf"{first}(?>{sep}(?:{_WORD}|{_SCALE})){{0,12}}{'+' if possessive else ''}"


_DIGITS = (
    r"[0-9]++(?:[.,][0-9]++)*+"
    r"(?:\s{0,2}+(?:million|billion|thousand|dozen)(?![a-z])|(?:m|bn)(?![a-z]))?+"
)
_NUM = rf"(?:{_DIGITS}|{_wordrun(True)})"
_QUAL = "|".join(f"(?P<q_{name}>{_alt(words)})" for name, words in _QUALIFIERS.items())
_VAGUE_RE = (
    rf"(?:(?:tens|hundreds){_WS}of{_WS}(?:thousands|millions)|dozens"
    rf"|scores(?={_WS}of(?![a-z]))|hundreds|thousands|millions)(?![a-z])"
)
_NOT_AFTER = r"(?<![\w.,:;+/#@%&$€£¥-])"  # what a number phrase never follows
_COUNT_RE: Final = re.compile(
    _NOT_AFTER + rf"(?:between{_WS}(?P<b1>{_DIGITS}|{_wordrun(False)}){_WS}and{_WS}(?P<b2>{_NUM})"
    rf"|(?:(?P<qual>{_QUAL})(?![a-z]){_WS})?+"
    rf"(?:(?P<vague>{_VAGUE_RE})"
    rf"|(?P<n1>{_NUM})(?:(?P<sep>{_WS}to{_WS}|\s{{0,2}}+[-–]\s{{0,2}}+)(?P<n2>{_NUM}))?+))",
    re.IGNORECASE,
)
_QUALIFIER_GROUPS: Final = tuple(name for name in _COUNT_RE.groupindex if name[:2] == "q_")
"""The qualifier groups of _COUNT_RE, in the order of the pattern (and of groupdict)."""
# Where a number phrase can begin: a digit, or a letter run that is the first word of
# one of _COUNT_RE's alternatives ("between", a qualifier, a vague word, a number word);
# _FIRST_WORDS holds both.
# Same lookbehind and the same case-insensitive [a-z] as _COUNT_RE, so every position
# where _COUNT_RE matches starts a token here (see find_counts).
_START_TOKEN: Final = re.compile(_NOT_AFTER + r"(?:[a-z]++|[0-9])", re.IGNORECASE)
_FIRST_WORDS: Final = frozenset(
    (
        "between", "a", "one", "tens", "hundreds", "dozens", "scores", "thousands", "millions",
        *_SMALL, *_TENS, *(w.split()[0] for ws in _QUALIFIERS.values() for w in ws),
        *"0123456789",
    )
)  # fmt: skip


def _trie(ends: dict[str, str], *, either_case: bool = True) -> str:
    """An alternation of the words of ``ends``, each followed by its own pattern.

    Prefixes are shared ("[tT](?:[hH][eE]...|...)") so that the engine reads each letter
    once. With ``either_case``, letters match either case in ASCII only, as ``str.lower``
    does for ASCII; without, as written.
    """
    tree: dict[str, Any] = {}
    for word, end in ends.items():
        node = tree
        for ch in word:
            node = node.setdefault(f"[{ch}{ch.upper()}]" if either_case else ch, {})
        node[""] = end

    def emit(node: dict[str, Any]) -> str:
        alts = [k + emit(v) if k else v for k, v in node.items()]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


# The non-ASCII letters that case-insensitive [a-z] matches (Unicode folding): "İ", "ı",
# "ſ" and the Kelvin sign; test_start_scan_tries_the_same_tokens checks there is no other.
_FOLDED_LETTERS: Final = "\u0130\u0131\u017f\u212a"
_START: Final = re.compile(
    _NOT_AFTER
    + r"(?:[0-9]|"
    + _trie({w: "(?![A-Za-z])" for w in sorted(_FIRST_WORDS) if w.isalpha()})
    + rf"|[A-Za-z]*+[{_FOLDED_LETTERS}])"
)
"""The tokens of _START_TOKEN that find_counts tries, found by the regex engine alone: a
digit, a word of _FIRST_WORDS in any ASCII case, or a letter run that is not ASCII."""
_START_LOWER: Final = re.compile(
    _NOT_AFTER
    + r"(?:[0-9]|"
    + _trie({w: "(?![a-z])" for w in sorted(_FIRST_WORDS) if w.isalpha()}, either_case=False)
    + ")"
)
"""_START for the lower-cased copy of an ASCII text (the same length, "A-Z" turned
"a-z", nothing else changed): the same tokens, found faster with plain letters."""
_COMMON_GATES: Final = {
    "a": rf"{_WS}(?:minimum|{'|'.join(_SCALES)}|dozen)",
    "an": rf"{_WS}estimated",
    "as": rf"{_WS}many",
    "at": rf"{_WS}least",
    "in": rf"{_WS}excess",
    "no": rf"{_WS}(?:fewer|less|more)",
    "not": rf"{_WS}(?:fewer|less|more)",
    "up": rf"{_WS}to",
    "upwards": rf"{_WS}of",
    "close": rf"{_WS}to",
}
"""What must follow a common first word for _COUNT_RE to match there, in lower-cased ASCII
text: the next word of every alternative it can begin ("a minimum of", "a hundred", "as
many as", "at least", "in excess of", "no fewer than", "up to", "close to")."""
_GATED_NOT_AFTER: Final = "a-z0-9_.,:;+/#@%&$-"
"""What a token never follows in lower-cased ASCII text (_NOT_AFTER's class, made faster)."""
_GATED_TOKEN: Final = (
    r"(?:[0-9]|"
    + _trie(
        {
            w: f"(?={_COMMON_GATES[w]})" if w in _COMMON_GATES else "(?![a-z])"
            for w in sorted(_FIRST_WORDS)
            if w.isalpha()
        },
        either_case=False,
    )
    + ")"
)
_START_GATED: Final = re.compile(rf"(?<![{_GATED_NOT_AFTER}]){_GATED_TOKEN}")
"""_START_LOWER less the common words whose gate says no number phrase starts there: the
tokens find_counts tries in lower-cased ASCII text (where _COUNT_RE matches, one starts)."""
_START_GATED_SCAN: Final = re.compile(rf"[^{_GATED_NOT_AFTER}]{_GATED_TOKEN}")
"""_START_GATED with its look-behind turned into a character it consumes, to scan ``" " +
lower`` (see :func:`gated_starts`). A pattern that starts with a character class lets the
engine skip to the next character of the class (mostly a space) without trying the pattern
at every letter in between, where the look-behind fails: about 1.3x faster."""


def gated_starts(lower: str) -> list[int]:
    """The starts of the matches of :data:`_START_GATED` in ``lower``, in order.

    Each match of :data:`_START_GATED_SCAN` in ``" " + lower`` is the character before a
    token (the space put in front stands for the start of the text, where the look-behind
    holds too) and the token: it starts at ``m.start()`` of ``lower``. Consuming the
    character before a token loses none: every token ends with a letter or a digit, which
    no token follows, so that character is never part of the token before.

    Examples
    --------
    >>> gated_starts("at least 5 (or 6) died")
    [0, 9, 15]
    """
    return [m.start() for m in _START_GATED_SCAN.finditer(" " + lower)]


_DIGIT_FORM: Final = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,16})(?:\.(?P<frac>[0-9]{1,6}))?"
    r"(?:\s?(?P<scale>million|billion|thousand|dozen)|(?P<suffix>m|bn))?"
)
_TOKEN_RE: Final = re.compile(r"[a-z]++")
_TOKEN_ANY_CASE: Final = re.compile(r"[a-z]++", re.IGNORECASE)
_END_SCALE: Final = re.compile(
    r"(?:(?<=[0-9])(?:m|bn)|(?<![a-z])(?:hundred|thousand|million|billion|dozen))\Z", re.I
)
_PREV_WORD: Final = re.compile(r"(?<![A-Za-z])([A-Za-z]++\.?)\s{0,3}+\Z")
_NEXT_WORD: Final = re.compile(r"\s{1,3}+([A-Za-z]++)")
_MONTH_RE: Final = re.compile(rf"(?:{_MONTHS})\.?")
_MONTH_WORDS: Final = frozenset((*_MONTHS.split("|"), *(m + "." for m in _MONTHS.split("|"))))
"""The strings _MONTH_RE fullmatches: a month or its abbreviation, with or without a dot."""
_DATE_BEFORE: Final = re.compile(
    rf"(?:(?:{_MONTHS})\.?\s{{1,3}}[0-9]{{1,2}}(?:st|nd|rd|th)?"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:{_MONTHS})\.?),?\s{{1,3}}\Z"
)
_GLUED_AFTER: Final = re.compile(r"[^\W_]|[+_@]|[-‐/:][^\W_]|[.,][0-9]")
_PERCENT: Final = re.compile(r"%|\s{0,2}+(?:percent|per\s{1,2}cent|pct)(?![a-z])", re.I)
_MONEY_AFTER: Final = re.compile(
    r"\s{1,2}+(?:of\s{1,2}+)?(?:dollars?|euros?|pounds?|sterling|dinars?|yuan|yen|"
    r"r[ou]{1,2}bles?|francs?|liras?|riyals?|rials?|usd|eur|gbp)(?![a-z])",
    re.I,
)
_MONEY_BEFORE: Final = re.compile(r"(?:[$€£¥]|\b(?:USD|EUR|GBP|US\$))\s{1,2}+\Z")
_TIME_AFTER: Final = re.compile(r"\s{0,2}+(?:a\.m\.|p\.m\.|am|pm|gmt|utc|hrs)(?![a-z])", re.I)
_AGE_AFTER: Final = re.compile(r"\s{1,2}+years?\s{1,2}+old(?![a-z])", re.I)
_MONTH_AFTER: Final = re.compile(rf"\s{{1,3}}+(?:{_MONTHS})(?![a-z])")
_REJECTED_AFTER: Final = re.compile(
    "|".join(
        f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})"
        for p in (_GLUED_AFTER, _PERCENT, _MONEY_AFTER, _TIME_AFTER, _AGE_AFTER, _MONTH_AFTER)
    )
)
"""What after a number says it is no count, in one pattern: it matches where one of
_GLUED_AFTER, _PERCENT, _MONEY_AFTER, _TIME_AFTER, _AGE_AFTER or _MONTH_AFTER does (each an
alternative, with its own case rule), tried in one call instead of six."""
