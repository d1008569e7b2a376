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

from text_to_num import text2num  # type: ignore[import-untyped]

from diplodata.extract._fast import fast_init, kept_text, trusted
from diplodata.extract._number_patterns import (
    _AGE_BEFORE,
    _COUNT_RE,
    _DATE_BEFORE,
    _DIGIT_FORM,
    _DOC_BEFORE,
    _END_SCALE,
    _FOLDED_LETTERS,
    _GLUED_AFTER,
    _MAX_VALUE,
    _MONEY_AFTER,
    _MONEY_BEFORE,
    _MONTH_AFTER,
    _MONTH_WORDS,
    _MULTIPLIERS,
    _NEXT_WORD,
    _ONE_AFTER,
    _ONE_BEFORE,
    _QUALIFIER_GROUPS,
    _REJECTED_AFTER,
    _SCALES,
    _START,
    _TOKEN_ANY_CASE,
    _TOKEN_RE,
    _VAGUE,
    _VOCAB,
    _YEAR_BEFORE,
    gated_starts,
)
from diplodata.models import Count, Qualifier, qualifier_bounds

__all__ = ["NumberMatch", "find_counts", "parse_count", "parse_number"]


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
    """The value of lower-case number words, or ``None``.

    One word of the vocabulary (most word numbers: "two", "three") is looked up in
    :data:`_ONE_WORD_VALUES`, what :func:`_words_value_plain` gives for it.
    """
    if s in _ONE_WORD_VALUES:
        return _ONE_WORD_VALUES[s]
    return _words_value_plain(s)


def _words_value_plain(s: str) -> int | None:
    """:func:`_words_value` read word by word (text2num for the value)."""
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


_ONE_WORD_VALUES: dict[str, int | None] = {w: _words_value_plain(w) for w in _VOCAB}
""":func:`_words_value_plain` of each word of the vocabulary alone (built once, at import)."""


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
    if text.isdigit() and text.isascii():  # bare digits (most numbers): what the rest gives
        return int(text) if len(text) <= 16 and int(text) <= _MAX_VALUE else None
    s = " ".join(text.split()).lower()
    if not s or len(s) > 160:
        return None
    m = _DIGIT_FORM.fullmatch(s)
    if m is None:
        return _words_value(s) if s[0].isalpha() else None
    scale = m["scale"] or m["suffix"]
    if scale is None and m["frac"] is None:  # a whole number in digits: no Decimal needed
        whole = int(m["int"].replace(",", ""))
        return whole if whole <= _MAX_VALUE else None
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


_ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start``: ``_PREV_WORD.search(text, max(0, start - 24), start)``'s.

    Read with str methods instead (faster): at most three blanks (``str.isspace`` and the
    regex's white space are the same characters), an optional full stop, a run of ASCII letters
    within the window and not right after another letter (the look-behind sees the text
    before the window too).
    """
    lo = max(0, start - 24)
    window = text[lo:start]
    core = window.rstrip()
    if len(window) - len(core) > 3:
        return ""
    dot = core.endswith(".")
    if dot:
        core = core[:-1]
    word = core[len(core.rstrip(_ASCII_LETTERS)) :]
    if not word or (len(word) == len(core) and lo > 0 and text[lo - 1] in _ASCII_LETTERS):
        return ""
    return word + "." if dot else word


def _next_word(text: str, end: int) -> str:
    return m[1] if (m := _NEXT_WORD.match(text, end)) else ""


def _yearlike(span: str) -> bool:
    """Whether ``span`` is a bare 4-digit number from 1900 to 2099."""
    return len(span) == 4 and span.isascii() and span.isdigit() and 1900 <= int(span) <= 2099


def _is_year(text: str, span: str, start: int, end: int, before: str | None = None) -> bool:
    """Whether a bare 4-digit number at ``start`` reads as a year in its context.

    ``before`` is ``_prev_word(text, start)`` if the caller has it already.
    """
    if not _yearlike(span):
        return False
    if before is None:
        before = _prev_word(text, start)
    return (
        before.lower() in _YEAR_BEFORE
        or before in _MONTH_WORDS
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
        or before in _MONTH_WORDS
        or _MONEY_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True
    if _REJECTED_AFTER.match(text, end):  # glued, a percentage, money, a time, an age, a date
        return True
    if not qualified and _is_year(text, core, start, end, before):
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
    qualifier = (
        None if m["qual"] is None else next(name[2:] for name in _QUALIFIER_GROUPS if m[name])
    )
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


_QUALIFIER_BY_NAME: dict[Qualifier | str, Qualifier] = {
    **{q.value: q for q in Qualifier},
    **{q: q for q in Qualifier},
}
"""``Qualifier(name)`` for every value and member: the same member, looked up faster."""


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
    q = _QUALIFIER_BY_NAME.get(qualifier) or Qualifier(qualifier)
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
    # those of _START_TOKEN (see _START), sought in the lower-cased text (by gated_starts,
    # _START_GATED's faster scan) less the common words ("a", "at", "in", "no"...) not
    # followed as a phrase needs. That holds outside ASCII too, unless the text has a letter
    # that IGNORECASE folds to an ASCII one (_FOLDED_LETTERS) or lower() changes its length:
    # then every letter _COUNT_RE reads is ASCII, lower-cased in place, and a character
    # outside ASCII before a token only lets more tokens through (_COUNT_RE's own
    # look-behind refuses them).
    starts: list[int] | None = None
    if text.isascii() or not any(c in text for c in _FOLDED_LETTERS):
        lower = text.lower()
        if len(lower) == len(text):
            starts = gated_starts(lower)
    if starts is None:
        starts = [m.start() for m in _START.finditer(text)]
    for start in starts:
        if start < pos:
            continue
        m = _COUNT_RE.match(text, start)
        if m is None:
            continue
        match, next_pos = _judge(text, m, context=True)
        if match is not None:
            found.append(match)
        pos = max(next_pos, m.start() + 1)
    return found
