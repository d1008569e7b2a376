"""Temporal phrases ("on Thursday", "last week", "April 4") resolved against the publication date.

:func:`find_dates` finds the phrases in a text, :func:`resolve` turns one into a
:class:`~diplodata.models.TimeRef` (an inclusive date range and its precision), and
:func:`tense_of` guesses whether a clause speaks of the past or the future. Nothing
here raises on any ``str``; patterns are compiled once and run in linear time.

Conventions (the corpus gold uses the same)
-------------------------------------------
* Spans include the preposition or modifier that belongs to the phrase: "on
  Thursday", "late on Sunday", "on Thursday night", "on April 4", "in April",
  "in 2019", "since April 4". Month and weekday names must be capitalised.
* Absolute: "April 4", "4 April", "April 4th", "the 4th of April", "Apr. 4",
  "Sept. 4", "4 April 2019", "April 4, 2019", "2019-04-04", with an optional
  weekday ("Thursday, April 4": the date decides) -> day. Slashed numeric dates
  ("04/04/2019") are ambiguous and not read. "April 2019", "in April", "early /
  mid / late April" (days 1-10 / 11-20 / 21-end, also "mid-April") -> month; "in
  2019", "since 2019" -> year. A bare month or year is not a phrase.
* A day or month without a year takes the anchor's year; if that puts it more than
  31 days after the anchor (tense not future) or more than 31 days before it
  (future), the adjacent year is used. For a month, the comparison uses its first
  day (past) or last day (future). February 29 of a year that has none is unknown.
* Weekdays ("Thursday", "on Thursday", "late on Sunday", "Thursday evening"):
  past or no tense -> the latest such day on or before the anchor (the same day
  counts); future -> the first one on or after it (wire copy names the day of
  publication by its weekday, "will meet on Thursday"). "last Thursday" is the
  latest one strictly before, "next Thursday" the first strictly after, "this
  Thursday" follows the tense.
* "today", "tonight", "this morning/afternoon/evening", "earlier/later today",
  "(on) the same day" -> anchor; "yesterday (morning...)", "last night", "the day
  before", "the previous day" -> anchor - 1; "the day before yesterday" -> - 2;
  "tomorrow (morning...)" -> + 1; "the day after tomorrow" -> + 2.
* "N days ago" -> that day; "N weeks ago" -> the Monday-Sunday week holding anchor
  - 7N (precision week); "N months ago" -> that calendar month; "N years ago", "a
  year ago" -> the calendar year anchor.year - N (precision year).
* "last / this / next week" -> the Monday-Sunday week before / holding / after the
  anchor's; "earlier this week" -> Monday to anchor - 1 (the anchor if Monday),
  "later this week" -> anchor + 1 to Sunday (the anchor if Sunday); precision week.
* "over / at / on the weekend", "this weekend" (precision week): past or no tense
  -> the Saturday-Sunday whose Saturday is the latest on or before the anchor;
  future -> the one whose Sunday is the first on or after it. "last weekend" -> the
  one whose Sunday is strictly before the anchor; "next weekend" -> the one whose
  Saturday is strictly after it.
* "in the coming days", "in the next few days" -> anchor + 1 .. anchor + 7; "in
  recent days", "in the past/last few days" -> anchor - 7 .. anchor; precision week.
* "this / last / next month" -> the whole month; "earlier this month" -> the 1st to
  anchor - 1 (the anchor if it is the 1st); "later this month" -> anchor + 1 to the
  end (the anchor if last); "early / mid / late last month" etc. -> days 1-10 /
  11-20 / 21-end; precision month.
* "last / this / next year" -> the whole calendar year (GDELT back-dates a point by
  a year here: we return the year and say so); "earlier / later this year" -> Jan 1
  to anchor - 1 / anchor + 1 to Dec 31; precision year.
* Phrases relative to another event ("hours after", "three days later", "minutes
  earlier", "the next day", "the following day", "the day after") have precision
  "unknown", text kept: the caller resolves them against that event.
* "since X": role "since" in :func:`find_dates`, the span running from "since" (if
  "since" is at most 8 words before the date in the same clause, with no comma and
  no "said", "says", "told" or "added" between: "since the offensive began on April
  4"). :func:`resolve` gives X itself, read in the past (the caller knows it is a
  "since"): "since April 4" -> April 4, precision day.
* Without an anchor every relative phrase (weekday, "yesterday", "last week", "April
  4" without a year) is precision "unknown", never a guessed date; full dates
  resolve. A date out of range (before year 1, after 9999) is unknown too.

Examples
--------
>>> import datetime as dt
>>> from diplodata.extract.dates import find_dates, resolve
>>> text = "Haftar said on Thursday that the offensive, under way since April 4, goes on."
>>> [(m.text, m.role) for m in find_dates(text)]
[('on Thursday', 'point'), ('since April 4', 'since')]
>>> t = resolve("last week", dt.date(2019, 4, 11))
>>> t.earliest, t.latest, t.precision.value
(datetime.date(2019, 4, 1), datetime.date(2019, 4, 7), 'week')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

from diplodata.extract._fast import fast_init, kept_text, trusted
from diplodata.extract._number_patterns import _FOLDED_LETTERS, _trie
from diplodata.extract.numbers import parse_number
from diplodata.models import Precision, TimeRef

__all__ = ["DateMatch", "find_dates", "resolve", "tense_of"]

Tense = Literal["past", "future"]
_Bounds = tuple[dt.date, dt.date, Precision]


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_MONTH_NAMES: Final = [m.lower() for m in calendar.month_name[1:]]
_WEEKDAYS: Final = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_ALT: Final = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_S = r"\s{1,3}+"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine)(?![a-z]))?|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)"
)


def _m(g: str) -> str:
    return rf"(?P<{g}>{_MONTH_ALT})"


def _d(g: str) -> str:
    return rf"(?P<{g}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])"


def _y(g: str) -> str:
    return rf"(?P<{g}>(?:19|20)[0-9]{{2}})(?![0-9]|[.,][0-9])"


_ON = rf"(?:(?i:on){_S})?+"
_PART = r"(?i:early|mid|late)(?:\s{1,3}+|-)"
_DATE_RE: Final = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    rf"(?P<iso>{_ON}(?P<iso_y>(?:19|20)[0-9]{{2}})-(?P<iso_m>0[1-9]|1[0-2])"
    r"-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9]))"
    rf"|(?P<md>{_ON}(?:(?:{_WEEKDAYS}),?{_S})?{_m('md_m')}{_S}{_d('md_d')}"
    rf"(?:,?{_S}{_y('md_y')})?+)"
    rf"|(?P<dm>{_ON}(?:(?:{_WEEKDAYS}),?{_S})?(?:(?i:the){_S})?{_d('dm_d')}"
    rf"(?:{_S}(?i:of))?{_S}{_m('dm_m')}(?:,?{_S}{_y('dm_y')})?+)"
    rf"|(?P<mon>(?:(?i:in|since){_S})?(?:(?P<mon_part>{_PART}){_m('mon_m')}(?:{_S}{_y('mon_y')})?+"
    rf"|{_m('mon_m2')}{_S}{_y('mon_y2')}))"
    rf"|(?P<mon_in>(?i:in|since){_S}{_m('mon_m3')}(?!{_S}{_d('no_d')}))"
    rf"|(?P<yr>(?i:in|since|during){_S}{_y('yr_y')})"
    rf"|(?P<wd>(?:(?P<wd_rel>(?i:last|next|this)){_S}|(?i:(?:late|early){_S}(?:on{_S})?|on{_S}))?"
    rf"(?P<wd_day>{_WEEKDAYS})(?![A-Za-z])"
    rf"(?:{_S}(?i:morning|afternoon|evening|night)(?![A-Za-z]))?+)"
    r"|(?P<rel>(?i:the\s{1,3}+day\s{1,3}+(?:before\s{1,3}+yesterday|after\s{1,3}+tomorrow)"
    r"|(?:earlier|later)\s{1,3}+today|today|tonight|this\s{1,3}+(?:morning|afternoon|evening)"
    r"|(?:on\s{1,3}+)?the\s{1,3}+same\s{1,3}+day|last\s{1,3}+night"
    r"|(?:yesterday|tomorrow)(?:\s{1,3}+(?:morning|afternoon|evening|night)(?![a-z]))?+"
    r"|the\s{1,3}+(?:day\s{1,3}+before|previous\s{1,3}+day))(?![A-Za-z]))"
    rf"|(?P<ago>(?P<ago_n>[0-9]{{1,4}}|(?i:an?|{_NUMWORD})){_S}"
    rf"(?P<ago_u>(?i:day|week|month|year))(?i:s)?{_S}(?i:ago)(?![A-Za-z]))"
    rf"|(?P<wk>(?i:(?:(?P<wk_pre>earlier|later){_S}this|(?P<wk_rel>last|this|next)){_S}week)"
    r"(?![A-Za-z]))"
    rf"|(?P<we>(?i:(?:over|at|on){_S}the|(?P<we_rel>this|last|next)){_S}(?i:weekend)(?![A-Za-z]))"
    rf"|(?P<few>(?i:(?:in|over){_S}(?:the{_S})?(?P<few_dir>coming|next{_S}few|recent|past{_S}few"
    rf"|last{_S}few){_S}days)(?![A-Za-z]))"
    rf"|(?P<mo>(?i:(?:in{_S})?(?:(?P<mo_pre>earlier|later){_S}(?=this)|(?P<mo_part>early|mid|late)"
    rf"(?:{_S}|-))?(?P<mo_rel>last|this|next){_S}month)(?![A-Za-z]))"
    rf"|(?P<yrr>(?i:(?:(?P<yrr_pre>earlier|later){_S}(?=this))?(?P<yrr_rel>last|this|next){_S}year)"
    r"(?![A-Za-z]))"
    rf"|(?P<ev>(?i:(?:(?:[0-9]{{1,3}}|a{_S}few|several|some|an?|{_NUMWORD}){_S})?"
    rf"(?:minute|hour|day|week|month|moment)s?{_S}(?:after|later|earlier|before)"
    rf"|the{_S}(?:next|following){_S}day|the{_S}day{_S}after)(?![A-Za-z]))"
    ")"
)
_TOKEN_RE: Final = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z]++|[0-9]++)")
_FIRST_WORDS: Final = frozenset(
    _words(
        "on in since during the early mid late last next this earlier later today tonight "
        "yesterday tomorrow over at a an several some minute minutes hour hours day days week "
        "weeks month months moment moments monday tuesday wednesday thursday friday saturday "
        "sunday january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sept sep oct nov dec one two three four five six "
        "seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
        "nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    )
)
"""Every word a date phrase can begin with (numbers aside), lower case."""
# What must follow a common first word (or a number) for _DATE_RE to match there: the
# second step of every alternative of _DATE_RE that can begin with it, read off the
# pattern ("the" opens only "the 4th", "the day/same day/previous day", "the next/
# following day"; "at" only "at the weekend"; "a" only "a day ago", "a few hours
# later"...). _S is _DATE_RE's blank run, both possessive, so the gate sees the very
# position where _DATE_RE goes on. _NAME is how every month (abbreviated or not) and
# weekday begins, case-sensitive as in _DATE_RE; [0-9] stands for a day, a year or a
# count; the words match case-insensitively like _DATE_RE's (?i:...), Unicode folding
# included ("paſt"). A gate only ever lets more through than
# _DATE_RE would match, so skipping where it fails changes nothing (property tests:
# test_token_scan_finds_what_a_full_scan_finds, test_gates_skip_only_non_dates).
_UNIT = "minute|hour|day|week|month|year|moment"
_NAME = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_FEW_DIR = "coming|next|recent|past|last"
_GATES: Final = {
    "the": rf"{_S}(?:[0-9]|(?i:day|same|previous|next|following))",
    "on": rf"{_S}(?:[0-9]|{_NAME}|(?i:the))",
    "in": rf"{_S}(?:[0-9]|{_NAME}|(?i:early|mid|late|{_FEW_DIR}|earlier|later|this"
    rf"|the{_S}(?:{_FEW_DIR})))",
    "since": rf"{_S}(?:[0-9]|{_NAME}|(?i:early|mid|late))",
    "during": rf"{_S}[0-9]",
    "over": rf"{_S}(?i:{_FEW_DIR}|the{_S}(?:weekend|{_FEW_DIR}))",
    "at": rf"{_S}(?i:the){_S}(?i:weekend)",
    "a": rf"{_S}(?i:few|{_UNIT})",
    "an": rf"{_S}(?i:{_UNIT})",
    "several": rf"{_S}(?i:{_UNIT})",
    "some": rf"{_S}(?i:{_UNIT})",
    "this": rf"{_S}(?:{_NAME}|(?i:morning|afternoon|evening|week|month|year))",
    "last": rf"{_S}(?:{_NAME}|(?i:night|week|month|year))",
    "next": rf"{_S}(?:{_NAME}|(?i:week|month|year))",
    "earlier": rf"{_S}(?i:today|this)",
    "later": rf"{_S}(?i:today|this)",
    "early": rf"(?:{_S}|-)(?:{_NAME}|(?i:on|last|this|next))",
    "late": rf"(?:{_S}|-)(?:{_NAME}|(?i:on|last|this|next))",
    "mid": rf"(?:{_S}|-)(?:{_NAME}|(?i:last|this|next))",
}
# A number starts only "2019-04-04" ("-" right after it), "4th of April" / "4 April"
# and "3 days ago" / "3 hours later".
_NUMBER_GATE: Final = rf"(?:-|(?:st|nd|rd|th)?{_S}(?:{_NAME}|(?i:of|{_UNIT})))"


_START: Final = re.compile(
    rf"(?<![A-Za-z0-9])(?:[0-9]++(?={_NUMBER_GATE})|"
    + _trie(
        {w: f"(?={_GATES[w]})" if w in _GATES else "(?![A-Za-z])" for w in sorted(_FIRST_WORDS)}
    )
    + ")"
)
"""Where find_dates tries _DATE_RE: the tokens of _TOKEN_RE it used to try (a number, a
word of _FIRST_WORDS in any ASCII case), less those whose gate says no date starts."""


# Which top-level alternatives of _DATE_RE can match at a token of _START, by the token
# (lower case; "#" for a number): read off _DATE_RE as for the gates above. _date_re_at
# tries _DATE_RE with the others failed at once, by a (?!) before them: the same groups,
# the same match wherever one of the alternatives left can match, and far fewer tried.
_MONTH_WORDS: Final = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sept sep oct nov dec"
)
_WEEKDAY_WORDS: Final = _words("monday tuesday wednesday thursday friday saturday sunday")
_NUMBER_WORDS: Final = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
_UNIT_WORDS: Final = _words(
    "minute minutes hour hours day days week weeks month months moment moments"
)
_ALTERNATIVES_BY_TOKEN: Final[dict[str, frozenset[str]]] = {
    **{w: frozenset({"md", "mon"}) for w in _MONTH_WORDS},
    **{w: frozenset({"md", "dm", "wd"}) for w in _WEEKDAY_WORDS},
    **{w: frozenset({"ago", "ev"}) for w in _NUMBER_WORDS},
    **{w: frozenset({"ev"}) for w in _UNIT_WORDS},
    "#": frozenset({"iso", "dm", "ago", "ev"}),
    "on": frozenset({"iso", "md", "dm", "wd", "rel", "we"}),
    "the": frozenset({"dm", "rel", "ev"}),
    "in": frozenset({"mon", "mon_in", "yr", "few", "mo"}),
    "since": frozenset({"mon", "mon_in", "yr"}),
    "during": frozenset({"yr"}),
    "over": frozenset({"we", "few"}),
    "at": frozenset({"we"}),
    "a": frozenset({"ago", "ev"}),
    "an": frozenset({"ago", "ev"}),
    "several": frozenset({"ev"}),
    "some": frozenset({"ev"}),
    "this": frozenset({"wd", "rel", "wk", "we", "mo", "yrr"}),
    "last": frozenset({"wd", "rel", "wk", "we", "mo", "yrr"}),
    "next": frozenset({"wd", "wk", "we", "mo", "yrr"}),
    "early": frozenset({"mon", "wd", "mo"}),
    "late": frozenset({"mon", "wd", "mo"}),
    "mid": frozenset({"mon", "mo"}),
    "earlier": frozenset({"rel", "wk", "mo", "yrr"}),
    "later": frozenset({"rel", "wk", "mo", "yrr"}),
    "today": frozenset({"rel"}),
    "tonight": frozenset({"rel"}),
    "yesterday": frozenset({"rel"}),
    "tomorrow": frozenset({"rel"}),
}
_ALTERNATIVES: Final = _words("iso md dm mon mon_in yr wd rel ago wk we few mo yrr ev")
_DATE_RE_ONLY: dict[frozenset[str], re.Pattern[str]] = {}


def _date_re_at(text: str, token: re.Match[str]) -> re.Match[str] | None:
    """``_DATE_RE.match(text, token.start())`` for a token of :data:`_START`.

    Only the alternatives that can begin with that token are tried (all of them for a
    token not in the table).
    """
    word = token.group()
    allowed = _ALTERNATIVES_BY_TOKEN.get("#" if word[0].isdigit() else word.lower())
    if allowed is None:
        return _DATE_RE.match(text, token.start())
    pattern = _DATE_RE_ONLY.get(allowed)
    if pattern is None:
        source = _DATE_RE.pattern
        for name in _ALTERNATIVES:
            if name not in allowed:
                source = source.replace(f"(?P<{name}>", f"(?!)(?P<{name}>", 1)
        pattern = _DATE_RE_ONLY[allowed] = re.compile(source, _DATE_RE.flags)
    return pattern.match(text, token.start())


def _lower_gate(gate: str) -> str:
    """A gate for lower-cased text: its letters in lower case, its IGNORECASE groups plain."""
    return gate.lower().replace("(?i:", "(?:")


_START_LOWER: Final = re.compile(
    rf"(?<![a-z0-9])(?:[0-9]++(?={_lower_gate(_NUMBER_GATE)})|"
    + _trie(
        {
            w: f"(?={_lower_gate(_GATES[w])})" if w in _GATES else "(?![a-z])"
            for w in sorted(_FIRST_WORDS)
        },
        either_case=False,
    )
    + ")"
)
"""_START for the lower-cased copy of a text, with every gate in lower case: it matches
wherever _START matches (and a little more), when no letter of the text folds to, or
lower-cases to, an ASCII letter (_FOLDED_LETTERS). Its plain letters scan about twice as
fast; find_dates checks each of its matches with _START."""
_SINCE_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?i:since)(?P<mid>(?:\s{1,3}+[^\s,.;:!?()\"]{1,30}+){0,8}+)\s{1,3}+\Z"
)
_SINCE_HEAD: Final = re.compile(r"(?i:since)\s{1,3}+")
_SINCE_STOP: Final = frozenset(("said", "says", "told", "added"))
# The leading look-ahead on the first letters of the alternatives (under the same
# IGNORECASE, so folding the same way) holds wherever the pattern matches; it only lets
# the engine skip other positions faster (about 2x on news sentences).
_FUTURE_RE: Final = re.compile(
    r"(?i:(?=[wsiapt'])(?:\b(?:will|won't|shall)\b|'ll\b|\b(?:is|are|am|'s|'re)\s{1,3}+(?:due|set|expected"
    r"|scheduled|slated|poised|going)\s{1,3}+to\b|\b(?:plans?|planning|intends?)\s{1,3}+to\b"
    r"|\bwould\s{1,3}+(?:meet|visit|hold|travel|attend|host|sign|fly)\b"
    r"|\bto\s{1,3}+meet\b[^.;!?]{0,80}?\bnext\b))"
)
_WORD_RE: Final = re.compile(r"[A-Za-z]++")
_PAST_WORDS: Final = frozenset(_words(
    "said met held was were had told came went spoke took gave left began fled fought saw made "
    "sent struck flew wrote shot broke found brought lost won rose fell led ran got knew became did"
))  # fmt: skip
_NOT_PAST: Final = frozenset(_words(
    "need speed seed feed deed weed bleed breed creed greed steed proceed exceed succeed indeed "
    "hundred kindred sacred naked wicked shed bed red armed alleged united limited related based "
    "unnamed unidentified detailed advanced"
))  # fmt: skip
_DAY_OFFSETS: Final = {
    "today": 0, "tonight": 0, "this": 0, "earlier": 0, "later": 0, "on": 0, "the same": 0,
    "yesterday": -1, "last": -1, "the day before": -1, "the previous": -1,
    "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
_STEP: Final = {"last": -1, "this": 0, "next": 1}
_DAY_KEYS: Final = sorted(_DAY_OFFSETS, key=len, reverse=True)


@fast_init
@dataclass(frozen=True, slots=True)
class DateMatch:
    """A temporal phrase found in a text: end-exclusive offsets, its text and its role.

    ``role`` is ``"since"`` for the start of a running period ("since April 4"),
    else ``"point"``.
    """

    start: int
    end: int
    text: str
    role: Literal["point", "since"]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _month_of(name: str) -> int:
    return [m[:3] for m in _MONTH_NAMES].index(name[:3].lower()) + 1


def _month_range(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    parts = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}
    first_day, last_day = parts.get(_norm(part or "").rstrip("-"), (1, last))
    return dt.date(year, month, first_day), dt.date(year, month, last_day)


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def _week(day: dt.date, weeks: int = 0) -> tuple[dt.date, dt.date, Precision]:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6), Precision.WEEK


def _near_year(month: int, day: int, anchor: dt.date, tense: Tense | None) -> dt.date:
    """A month-day in the anchor's year, or the adjacent one by the 31-day rule."""
    probe = dt.date(anchor.year, month, 28 if (month, day) == (2, 29) else day)
    year = anchor.year
    if tense != "future" and probe - anchor > dt.timedelta(days=31):
        year -= 1
    elif tense == "future" and anchor - probe > dt.timedelta(days=31):
        year += 1
    return dt.date(year, month, day)


def _near_month(
    month: int, part: str | None, anchor: dt.date, tense: Tense | None
) -> tuple[dt.date, dt.date]:
    first, last = _month_range(anchor.year, month, part)
    if tense != "future" and first - anchor > dt.timedelta(days=31):
        return _month_range(anchor.year - 1, month, part)
    if tense == "future" and anchor - last > dt.timedelta(days=31):
        return _month_range(anchor.year + 1, month, part)
    return first, last


def _weekday(name: str, rel: str | None, anchor: dt.date, tense: Tense | None) -> dt.date:
    target = _WEEKDAYS.split("|").index(name)
    mode = (rel or "this").lower()
    if mode == "next":
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if mode == "this" and tense == "future":
        # "will meet on Thursday" in a Thursday report: wire copy names the day itself.
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    back = (anchor.weekday() - target) % 7
    return anchor - dt.timedelta(days=back or (7 if mode == "last" else 0))


def _absolute(m: re.Match[str]) -> _Bounds | None:
    """Bounds of a phrase that needs no anchor, or ``None`` if it needs one."""
    if m["iso"]:
        day = dt.date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return day, day, Precision.DAY
    for kind in ("md", "dm"):
        if m[kind] and m[f"{kind}_y"]:
            day = dt.date(int(m[f"{kind}_y"]), _month_of(m[f"{kind}_m"]), int(m[f"{kind}_d"]))
            return day, day, Precision.DAY
    if m["mon"] and (m["mon_y"] or m["mon_y2"]):
        month = _month_of(m["mon_m"] or m["mon_m2"])
        first, last = _month_range(int(m["mon_y"] or m["mon_y2"]), month, m["mon_part"])
        return first, last, Precision.MONTH
    if m["yr"]:
        year = int(m["yr_y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
    return None


def _clip(first: dt.date, last: dt.date, pre: str | None, a: dt.date) -> tuple[dt.date, dt.date]:
    """The part of a period before ("earlier this ...") or after ("later ...") anchor ``a``."""
    one = dt.timedelta(days=1)
    if not pre:
        return first, last
    return (first, max(first, a - one)) if pre.lower() == "earlier" else (min(a + one, last), last)


def _relative(m: re.Match[str], a: dt.date, tense: Tense | None) -> _Bounds | None:
    """Bounds of a phrase read against the anchor ``a``; ``None`` if not resolvable."""
    one = dt.timedelta(days=1)
    if m["md"] or m["dm"]:
        kind = "md" if m["md"] else "dm"
        day = _near_year(_month_of(m[f"{kind}_m"]), int(m[f"{kind}_d"]), a, tense)
        return day, day, Precision.DAY
    if m["mon"] or m["mon_in"]:
        month = _month_of(m["mon_m"] or m["mon_m3"])
        return (*_near_month(month, m["mon_part"], a, tense), Precision.MONTH)
    if m["wd"]:
        day = _weekday(m["wd_day"], m["wd_rel"], a, tense)
        return day, day, Precision.DAY
    if m["rel"]:
        text = _norm(m["rel"])
        key = next(k for k in _DAY_KEYS if text.startswith(k))
        day = a + one * _DAY_OFFSETS[key]
        return day, day, Precision.DAY
    if m["ago"]:
        n = 1 if _norm(m["ago_n"]) in ("a", "an") else parse_number(m["ago_n"])
        unit = m["ago_u"].lower()
        if n is None or n > 9999:
            return None
        if unit == "day":
            return a - one * n, a - one * n, Precision.DAY
        if unit == "week":
            return _week(a - dt.timedelta(weeks=n))
        if unit == "month":
            return (*_month_range(*_shift_month(a.year, a.month, -n)), Precision.MONTH)
        return dt.date(a.year - n, 1, 1), dt.date(a.year - n, 12, 31), Precision.YEAR
    if m["wk"]:
        if m["wk_pre"]:
            return (*_clip(*_week(a)[:2], m["wk_pre"], a), Precision.WEEK)
        first, last, precision = _week(a, _STEP[m["wk_rel"].lower()])
        if m["wk_rel"].lower() == "this" and tense == "past":
            last = min(last, a)  # "met this week": not after the report
        return first, last, precision
    if m["we"]:
        rel, wd = (m["we_rel"] or "").lower(), a.weekday()
        if rel == "last":
            saturday = a - one * (((wd - 6) % 7 or 7) + 1)
        elif rel == "next":
            saturday = a + one * ((5 - wd) % 7 or 7)
        elif tense == "future":
            saturday = a + one * ((6 - wd) % 7 - 1)
        else:
            saturday = a - one * ((wd - 5) % 7)
        return saturday, saturday + one, Precision.WEEK
    if m["few"]:
        coming = m["few_dir"].lower().startswith(("coming", "next"))
        return (*((a + one, a + 7 * one) if coming else (a - 7 * one, a)), Precision.WEEK)
    if m["mo"]:
        year, month = _shift_month(a.year, a.month, _STEP[m["mo_rel"].lower()])
        bounds = _month_range(year, month, m["mo_part"])
        return (*_clip(*bounds, m["mo_pre"], a), Precision.MONTH)
    if m["yrr"]:
        year = a.year + _STEP[m["yrr_rel"].lower()]
        bounds = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return (*_clip(*bounds, m["yrr_pre"], a), Precision.YEAR)
    return None  # "hours after", "the next day": relative to another event


def _bounds(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Bounds | None:
    try:
        found = _absolute(m)
        if found is None and anchor is not None:
            found = _relative(m, anchor, tense)
    except (ValueError, OverflowError, KeyError, StopIteration):
        return None  # no such day (February 30), or out of the calendar's range
    return found


def _since_start(text: str, start: int, floor: int) -> int | None:
    """Where "since" opens the clause that ends at ``start``, if it does."""
    lo = max(floor, start - 120)
    window = text[lo:start]
    if window.isascii() and "since" not in window.lower():
        return None  # no "since" in any case: no match (outside ASCII, "ſince" would be one)
    m = _SINCE_BEFORE.search(text, lo, start)
    if m is None or _SINCE_STOP.intersection(_norm(m["mid"]).split()):
        return None
    return m.start()


def _date_starts(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_START` in ``text``, as ``finditer`` finds them.

    Found with :data:`_START_LOWER` in the lower-cased text where that finds them all,
    each then checked with :data:`_START` (a match of either never holds another's start,
    so the places where ``_START`` matches are its ``finditer`` matches).
    """
    if text.isascii() or not any(c in text for c in _FOLDED_LETTERS):
        lower = text.lower()
        if len(lower) == len(text):
            match = _START.match
            for candidate in _START_LOWER.finditer(lower):
                token = match(text, candidate.start())
                if token is not None:
                    yield token
            return
    yield from _START.finditer(text)


def find_dates(text: str) -> list[DateMatch]:
    """Find every temporal phrase in ``text``, left to right, without overlaps.

    Parameters
    ----------
    text : str
        Any text. ``text[m.start:m.end] == m.text`` for every match.

    Returns
    -------
    list of DateMatch
        The phrases in order; a "since" phrase spans from "since" to the end of
        its date (see the module docstring).

    Examples
    --------
    >>> [(m.start, m.end, m.text, m.role) for m in find_dates("Talks set for next week failed.")]
    [(14, 23, 'next week', 'point')]
    >>> [m.text for m in find_dates("since the offensive began on April 4, 2019")]
    ['since the offensive began on April 4, 2019']
    """
    found: list[DateMatch] = []
    pos = 0
    # Try the big pattern only where a date phrase can begin: at a word it can start with
    # (a number, a month, a weekday, "on", "last", ...) and, for the common words and
    # numbers, only with a date key close after it (see _START). Same matches as
    # _DATE_RE.search, measured 3-4x faster on news text than trying it at every character.
    for token in _date_starts(text):
        if token.start() < pos:
            continue
        m = _date_re_at(text, token)
        if m is None:
            continue
        start, end = m.span()
        role: Literal["point", "since"] = "point"
        if _SINCE_HEAD.match(m[0]):
            role = "since"
        elif (since := _since_start(text, start, found[-1].end if found else 0)) is not None:
            start, role = since, "since"
        found.append(DateMatch(start, end, text[start:end], role))
        pos = end
    return found


def _time_ref(phrase: str, anchor: dt.date | None, bounds: _Bounds | None) -> TimeRef:
    first, last, precision = bounds if bounds else (None, None, Precision.UNKNOWN)
    if (
        kept_text(phrase)
        and (anchor is None or type(anchor) is dt.date)
        and (
            bounds is None
            or (
                type(first) is dt.date
                and type(last) is dt.date
                and first <= last
                and type(precision) is Precision
                and precision is not Precision.UNKNOWN
            )
        )
    ):
        # Every rule of TimeRef holds (the phrase is kept as it is, the range is ordered and
        # has a precision, or there is neither): build it without validating again.
        values = {"text": phrase, "earliest": first, "latest": last, "precision": precision}
        return trusted(TimeRef, {**values, "anchor": anchor})
    try:
        return TimeRef(text=phrase, earliest=first, latest=last, precision=precision, anchor=anchor)
    except ValueError:  # a lone surrogate cannot be held: keep the phrase, replaced
        clean = phrase.encode("utf-8", "replace").decode("utf-8")
        return TimeRef(text=clean, earliest=first, latest=last, precision=precision, anchor=anchor)


def resolve(phrase: str, anchor: dt.date | None, *, tense: Tense | None = None) -> TimeRef:
    """Resolve a temporal phrase against the publication date ``anchor``.

    Parameters
    ----------
    phrase : str
        One phrase as :func:`find_dates` finds them ("on Thursday", "since April 4").
    anchor : datetime.date or None
        The publication date; without it only full dates ("4 April 2019") resolve.
    tense : {"past", "future"} or None
        The clause's tense (:func:`tense_of`): which Thursday "on Thursday" means.
        ``None`` reads like the past.

    Returns
    -------
    TimeRef
        ``text=phrase``, ``anchor=anchor``, inclusive ``earliest``/``latest``, and
        the phrase's precision; "unknown" and no dates if not recognised or resolvable.

    Examples
    --------
    >>> import datetime as dt
    >>> t = resolve("on Thursday", dt.date(2019, 4, 10), tense="future")
    >>> t.earliest, t.precision.value
    (datetime.date(2019, 4, 11), 'day')
    >>> resolve("yesterday", None).precision.value
    'unknown'
    >>> resolve("April 4, 2019", None).earliest
    datetime.date(2019, 4, 4)
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    core = phrase.strip()
    m = _DATE_RE.fullmatch(core)
    if m is None and (head := _SINCE_HEAD.match(core)) is not None:
        inner = [d for d in find_dates(core[head.end() :]) if d.end == len(core) - head.end()]
        m = _DATE_RE.fullmatch(inner[-1].text) if inner else None
        tense = "past"
    elif m is not None and _SINCE_HEAD.match(core):
        tense = "past"
    return _time_ref(phrase, anchor, None if m is None else _bounds(m, anchor, tense))


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
    if _FUTURE_RE.search(text):
        return "future"
    for w in _WORD_RE.finditer(text):
        word = w[0]
        low = word.lower()
        if low in _PAST_WORDS or (
            word.islower() and len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST
        ):
            return "past"
    return None
