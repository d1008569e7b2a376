"""Reported numbers and their qualifiers: "more than 430", "about 1,550", "dozens".

:func:`parse_number` reads one number ("2,110", "1.2 million", "twenty-five",
"two dozen"); :func:`parse_count` reads a number phrase with its qualifier into a
:class:`~diplodata.models.Count`; :func:`find_counts` finds every such phrase in a
text. Nothing here raises on any ``str``; every pattern is compiled once and runs
in time linear in the length of the text (possessive quantifiers, bounded runs).

Conventions
-----------
Qualifiers (the evaluation corpus is annotated with exactly these):

* a bare number is ``exact`` (``low = high = value``);
* "at least", "no fewer than", "not fewer than", "no less than", "not less than",
  "a minimum of" are ``at_least`` (``low = value``);
* "more than", "over", "upwards of", "in excess of" are ``more_than``
  (``low = value + 1``);
* "nearly", "almost", "about", "around", "some", "approximately", "roughly",
  "an estimated", "close to" are ``about`` (no bounds);
* "up to", "as many as", "no more than", "not more than" are ``up_to``
  (``high = value``);
* "fewer than", "less than", "under" are ``less_than`` (``high = value - 1``);
* "between 20 and 30", "20 to 30", "20-30" (or an en dash) are ``range`` with
  ``low = 20``, ``high = 30``, ``value = (low + high) // 2``; a qualifier before a
  range ("some 20 to 30") stays in the span and the count is still a range; a scale
  written once counts for both ends ("between 2 and 3 million", "1.5-2m").
* Vague quantities are ``about`` with no bounds, whatever qualifier precedes
  them: "dozens" 24, "scores" (only in "scores of") 40, "hundreds" 200,
  "thousands" 2000, "tens of thousands" 20000, "hundreds of thousands" 200000,
  "millions" 2000000, and by the same rule "tens of millions" 20000000 and
  "hundreds of millions" 200000000.
* "a dozen", "a hundred", "a thousand", "a million" and "N dozen" with no
  qualifier are ``about`` (12, 100, ...); with one ("more than a dozen") the
  qualifier decides.

Numbers: digits with or without thousands commas ("55,000"), a decimal only with a
scale ("1.2 million", "3.5m", "2bn"), number words (read by ``text2num``), "a" only
before "dozen"/"hundred"/"thousand"/"million"/"billion". A lone scale word
("several hundred") is not a number. Values above 10**15 are refused.

What :func:`find_counts` skips, because it is plainly not a count:

* numbers glued to other characters: a letter, digit, ``.``, ``,``, ``:``, ``+``,
  ``/``, ``-``, ``#``, ``@``, ``%``, ``&`` or a currency sign right before
  ("F-16", "G20", "COVID-19", "5+5", "$40"), or a letter, digit, ``+``, or
  ``-``/``/``/``:`` followed by a letter or digit right after ("4th", "1990s",
  "30-day", "75-year-old", "10:30", "3/4"); a decimal with no scale ("1.5"); a
  digit run with malformed separators ("1,1,1");
* percentages ("40%", "40 percent", "40 per cent", "40 pct");
* money: a currency sign or code before ("$40 million", "USD 5"), or a currency
  word after ("40 million dollars", "millions of dollars");
* times: "10:30", "10 am", "0300 GMT";
* dates: a number next to a month name ("April 4", "4 April", "Apr. 4-5");
* years: a bare 4-digit 1900-2099 with no qualifier, after "in", "since",
  "until", "till", "during", "early", "mid", "late", a season or a month
  ("April 2019", "April 4, 2019"), before a month name, or in brackets
  ("Resolution 2510 (2020)"); a range of two such years ("2015-2019");
* document numbers: after "Resolution", "No.", "Nos.", "number", "article",
  "chapter", "section", "paragraph", "page", "flight", "route", "highway", "road",
  "room" or "annex" (any case);
* ages: after "aged", "age" or "ages", or before "years old" ("75-year-old" is glued);
* "one" as a pronoun: before "of", "another", "who", or after "no", "any",
  "every", "each", "the", "this", "that", "which";
* a range whose low end exceeds its high end (a score, "3-2");
* "from 20 to 30" is a change, not a range: 20 and 30 are two counts.

Examples
--------
>>> from diplodata.extract.numbers import find_counts
>>> text = "The WHO said more than 430 people were killed in 2019, and 2,110 wounded."
>>> [(m.count.text, m.count.qualifier.value, m.count.low) for m in find_counts(text)]
[('more than 430', 'more_than', 431), ('2,110', 'exact', 2110)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from text_to_num import text2num  # type: ignore[import-untyped]

from diplodata.extract._fast import fast_init, kept_text, trusted
from diplodata.models import Count, Qualifier, qualifier_bounds

__all__ = ["NumberMatch", "find_counts", "parse_count", "parse_number"]


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
    rf"|(?:(?:{_QUAL})(?![a-z]){_WS})?+"
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
_START_GATED: Final = re.compile(
    r"(?<![a-z0-9_.,:;+/#@%&$-])"  # _NOT_AFTER for lower-cased ASCII text (a faster class)
    + r"(?:[0-9]|"
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
"""_START_LOWER less the common words whose gate says no number phrase starts there: the
tokens find_counts tries in lower-cased ASCII text (where _COUNT_RE matches, one starts)."""
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


@fast_init
@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number phrase found in a text: end-exclusive offsets and the count it reports.

    ``text[start:end] == count.text`` for the ``text`` it was found in.
    """

    start: int
    end: int
    count: Count


def _words_value(s: str) -> int | None:
    """The value of lower-case number words, or ``None``."""
    tokens = _TOKEN_RE.findall(s)
    if not tokens or len(tokens) > 16 or any(t not in _VOCAB for t in tokens):
        return None
    factor = 1
    if tokens[-1] == "dozen":
        tokens, factor = tokens[:-1], 12
    if tokens == ["a"] and factor == 12:
        return 12
    if not tokens or "dozen" in tokens or "a" in tokens[1:]:
        return None
    if tokens[0] == "a":
        if len(tokens) < 2 or tokens[1] not in _SCALES:
            return None
        tokens[0] = "one"
    ands = [i for i, t in enumerate(tokens) if t == "and"]  # only "hundred and twelve"
    if tokens[0] in _SCALES or any(
        not 0 < i < len(tokens) - 1 or tokens[i - 1] not in _SCALES or tokens[i + 1] in _SCALES
        for i in ands
    ):
        return None
    try:  # text2num 2.x reads no "and": leave it out
        value = int(text2num(" ".join(t for t in tokens if t != "and"), "en")) * factor
    except (ValueError, TypeError, OverflowError):
        return None
    return value if 0 <= value <= _MAX_VALUE else None


def parse_number(text: str) -> int | None:
    """Read one number written in digits or words; ``None`` if it is not one.

    Parameters
    ----------
    text : str
        The number alone: "430", "2,110", "1.2 million", "3.5m", "three",
        "twenty-five", "one hundred and twelve", "a dozen", "two dozen".

    Returns
    -------
    int or None
        The value, or ``None`` for anything else (including decimals that are not
        whole numbers, "1,1", vague words such as "dozens", and values over 10**15).

    Examples
    --------
    >>> [parse_number(s) for s in ("2,110", "1.2 million", "twenty-five", "two dozen")]
    [2110, 1200000, 25, 24]
    >>> parse_number("one hundred and twelve"), parse_number("1.5"), parse_number("many")
    (112, None, None)
    """
    s = " ".join(text.split()).lower()
    if not s or len(s) > 160:
        return None
    m = _DIGIT_FORM.fullmatch(s)
    if m is None:
        return _words_value(s) if s[0].isalpha() else None
    scale = m["scale"] or m["suffix"]
    number = Decimal(m["int"].replace(",", "") + "." + (m["frac"] or "0"))
    number *= _MULTIPLIERS.get(scale or "", 1)
    if number != number.to_integral_value() or number > _MAX_VALUE:
        return None
    return int(number)


def _number_end(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value and end of the longest number that ``text[start:end]`` starts with."""
    value = parse_number(text[start:end])
    if value is not None or text[start].isdigit():
        return None if value is None else (value, end)
    ends = [m.end() for m in _TOKEN_ANY_CASE.finditer(text, start, end)]
    for stop in reversed(ends[:-1]):
        value = parse_number(text[start:stop])
        if value is not None:
            return value, stop
    return None


def _prev_word(text: str, start: int) -> str:
    return m[1] if (m := _PREV_WORD.search(text, max(0, start - 24), start)) else ""


def _next_word(text: str, end: int) -> str:
    return m[1] if (m := _NEXT_WORD.match(text, end)) else ""


def _yearlike(span: str) -> bool:
    """Whether ``span`` is a bare 4-digit number from 1900 to 2099."""
    return len(span) == 4 and span.isascii() and span.isdigit() and 1900 <= int(span) <= 2099


def _is_year(text: str, span: str, start: int, end: int) -> bool:
    """Whether a bare 4-digit number at ``start`` reads as a year in its context."""
    if not _yearlike(span):
        return False
    before = _prev_word(text, start)
    return (
        before.lower() in _YEAR_BEFORE
        or _MONTH_RE.fullmatch(before) is not None
        or _DATE_BEFORE.search(text, max(0, start - 24), start) is not None
        or _MONTH_AFTER.match(text, end) is not None
        or (text[start - 1 : start], text[end : end + 1]) == ("(", ")")
    )


def _context_rejects(text: str, start: int, end: int, core: str, qualified: bool) -> bool:
    """Whether the text around a number phrase says it is not a count."""
    before = _prev_word(text, start)
    low = before.lower()
    if (
        low in _DOC_BEFORE
        or low in _AGE_BEFORE
        or _MONTH_RE.fullmatch(before)
        or _MONEY_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True
    if any(p.match(text, end) for p in (_GLUED_AFTER, _PERCENT, _MONEY_AFTER, _TIME_AFTER)):
        return True
    if _AGE_AFTER.match(text, end) or _MONTH_AFTER.match(text, end):
        return True
    if not qualified and _is_year(text, core, start, end):
        return True
    if core.lower() == "one" and not qualified:
        return _next_word(text, end).lower() in _ONE_AFTER or low in _ONE_BEFORE
    return False


def _scaled_first(first: str, second: str) -> int | None:
    """The first end of a range read with the scale of the second: "2.5-3m", "2 to 3 million"."""
    scale = _END_SCALE.search(second)
    if scale is None or _END_SCALE.search(first) is not None:
        return None
    return parse_number(first + ("" if scale[0].lower() in ("m", "bn") else " ") + scale[0])


def _judge(text: str, m: re.Match[str], *, context: bool) -> tuple[NumberMatch | None, int]:
    """Turn one regex match into a count (or not), and say where scanning goes on."""
    start, end = m.start(), m.end()
    qualifier = next((name[2:] for name in _QUALIFIER_GROUPS if m[name]), None)
    if m["vague"] is not None:
        value = _VAGUE.get(" ".join(m["vague"].lower().split()))
        if value is None or (
            context and (_MONEY_AFTER.match(text, end) or _GLUED_AFTER.match(text, end))
        ):
            return None, end
        count = Count(value=value, qualifier=Qualifier.ABOUT, text=text[start:end])
        return NumberMatch(start, end, count), end
    first, second = ("b1", "b2") if m["b1"] is not None else ("n1", "n2")
    got = _number_end(text, m.start(first), m.end(first))
    if got is None and m[second] is not None:  # "1.5-2 million": 1.5 alone is no count
        scaled = _scaled_first(m[first], m[second])
        got = None if scaled is None else (scaled, m.end(first))
    if got is None:
        return None, m.end()
    low, end1 = got
    high: int | None = None
    if m[second] is not None and end1 == m.end(first):
        from_to = m["sep"] is not None and "to" in m["sep"].lower()
        if from_to and context and _prev_word(text, start).lower() == "from":
            end = end1
        else:
            got2 = _number_end(text, m.start(second), m.end(second))
            if got2 is None:
                return None, m.end(second)
            high, end = got2
            scaled = _scaled_first(text[m.start(first) : end1], text[m.start(second) : end])
            low = scaled if scaled is not None and low < scaled <= high else low
            if low > high or (_yearlike(m[first]) and _yearlike(m[second])):
                return None, end
    elif m["b1"] is not None:
        return None, end1  # a word number that stopped short: "between two three and ..."
    else:
        end = end1
    if context and _context_rejects(text, start, end, text[m.start(first) : end], bool(qualifier)):
        return None, end
    phrase = text[start:end]
    if high is not None:
        count = Count(value=(low + high) // 2, low=low, high=high, qualifier="range", text=phrase)
    elif qualifier is None:
        words = text[m.start(first) : end].lower().split()
        vague = words[0] == "a" or "dozen" in words
        count = count_from_qualifier(low, "about" if vague else "exact", phrase)
    else:
        count = count_from_qualifier(low, qualifier, phrase)
    return NumberMatch(start, end, count), end


def count_from_qualifier(value: int, qualifier: Qualifier | str, text: str) -> Count:
    """``Count.from_qualifier(value, qualifier, text=text)``, built without validation.

    For a whole number ``value >= 0`` and a phrase the model keeps as it is, the bounds
    :meth:`~diplodata.models.Count.from_qualifier` sets always pass the model's rules;
    anything else goes through it (and its validation).

    Examples
    --------
    >>> count_from_qualifier(430, "more_than", "more than 430") == Count.from_qualifier(
    ...     430, "more_than", text="more than 430")
    True
    """
    q = Qualifier(qualifier)
    if type(value) is not int or value < 0 or not kept_text(text):
        return Count.from_qualifier(value, q, text=text)
    low, high = qualifier_bounds(value, q)
    return trusted(Count, {"value": value, "low": low, "high": high, "qualifier": q, "text": text})


def parse_count(phrase: str) -> Count | None:
    """Read a whole number phrase with its qualifier into a :class:`~diplodata.models.Count`.

    Parameters
    ----------
    phrase : str
        The phrase alone ("more than 430", "between 20 and 30", "dozens"); white
        space around it is allowed. The conventions are in the module docstring.

    Returns
    -------
    Count or None
        The count with ``text=phrase`` as given, or ``None`` if the phrase is not
        exactly one number phrase.

    Examples
    --------
    >>> c = parse_count("more than 430")
    >>> c.value, c.low, c.high, c.qualifier.value
    (430, 431, None, 'more_than')
    >>> c = parse_count("between 20 and 30")
    >>> c.value, c.low, c.high, c.qualifier.value
    (25, 20, 30, 'range')
    >>> parse_count("a dozen").qualifier.value, parse_count("in 2019")
    ('about', None)
    """
    stripped = phrase.strip()
    if " ".join(stripped.lower().split()) == "scores":  # "scores" counts only before "of"
        return Count(value=_VAGUE["scores"], qualifier=Qualifier.ABOUT, text=phrase)
    m = _COUNT_RE.fullmatch(stripped)
    if m is None:
        return None
    found, _ = _judge(stripped, m, context=False)
    if found is None or found.end != len(stripped):
        return None
    return found.count.model_copy(update={"text": phrase})


def find_counts(text: str) -> list[NumberMatch]:
    """Find every number phrase in ``text``, with its qualifier, left to right.

    Parameters
    ----------
    text : str
        Any text; matches never overlap, and ``text[m.start:m.end] == m.count.text``.
        What is skipped as plainly not a count (years, dates, money, ...) is listed
        in the module docstring.

    Returns
    -------
    list of NumberMatch
        In order of position; empty if there is none.

    Examples
    --------
    >>> text = "Up to 100 people fled, and dozens were wounded on April 4 in 2019."
    >>> [(m.start, m.end, m.count.qualifier.value, m.count.value) for m in find_counts(text)]
    [(0, 9, 'up_to', 100), (27, 33, 'about', 24)]
    >>> find_counts("Resolution 2510 backs the 5+5 talks; F-16s flew; 40% fled.")
    []
    """
    found: list[NumberMatch] = []
    pos = 0
    # Try the big pattern only where a number phrase can begin: same matches, in the same
    # order, as _COUNT_RE.search(text, pos) from each pos, about twice as fast on news text.
    # A letter run that is not ASCII ("ſome", "ıt") is tried too: [a-z] under
    # IGNORECASE matches it, str.lower does not map it to ASCII. The start tokens are
    # those of _START_TOKEN (see _START), sought in the lower-cased text when it is ASCII,
    # less the common words ("a", "at", "in", "no"...) not followed as a phrase needs.
    starts = _START_GATED.finditer(text.lower()) if text.isascii() else _START.finditer(text)
    for token in starts:
        if token.start() < pos:
            continue
        m = _COUNT_RE.match(text, token.start())
        if m is None:
            continue
        match, next_pos = _judge(text, m, context=True)
        if match is not None:
            found.append(match)
        pos = max(next_pos, m.start() + 1)
    return found
