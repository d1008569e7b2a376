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
from dataclasses import dataclass
from typing import Literal

from diplodata.extract._date_patterns import (
    _DATE_RE,
    _DAY_KEYS,
    _DAY_OFFSETS,
    _MONTH_NAMES,
    _SINCE_BEFORE,
    _SINCE_HEAD,
    _SINCE_STOP,
    _START,
    _START_LOWER_SCAN,
    _STEP,
    _WEEKDAYS,
    _date_re_from,
)
from diplodata.extract._date_tense import Tense, tense_of
from diplodata.extract._fast import fast_init, kept_text, trusted
from diplodata.extract._number_patterns import _FOLDED_LETTERS
from diplodata.extract.numbers import parse_number
from diplodata.models import Precision, TimeRef

__all__ = ["DateMatch", "Tense", "find_dates", "resolve", "tense_of"]

_Bounds = tuple[dt.date, dt.date, Precision]


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


_MONTH_NUMBERS = {m[:3]: i for i, m in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NUMBERS = {d: i for i, d in enumerate(_WEEKDAYS.split("|"))}


def _month_of(name: str) -> int:
    number = _MONTH_NUMBERS.get(name[:3].lower())
    if number is None:
        raise ValueError(f"not a month: {name!r}")  # as list.index did
    return number


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
    target = _WEEKDAY_NUMBERS.get(name, -1)
    if target < 0:
        raise ValueError(f"not a weekday: {name!r}")  # as list.index did
    mode = (rel or "this").lower()
    if mode == "next":
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if mode == "this" and tense == "future":
        # "will meet on Thursday" in a Thursday report: wire copy names the day itself.
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    back = (anchor.weekday() - target) % 7
    return anchor - dt.timedelta(days=back or (7 if mode == "last" else 0))


def _absolute(m: re.Match[str], kind: str | None) -> _Bounds | None:
    """Bounds of a phrase that needs no anchor, or ``None`` if it needs one.

    ``kind`` is the alternative of :data:`_DATE_RE` that matched (``m.lastgroup``).
    """
    if kind == "iso":
        day = dt.date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        return day, day, Precision.DAY
    if kind == "md" or kind == "dm":
        if m[f"{kind}_y"]:
            day = dt.date(int(m[f"{kind}_y"]), _month_of(m[f"{kind}_m"]), int(m[f"{kind}_d"]))
            return day, day, Precision.DAY
        return None
    if kind == "mon" and (m["mon_y"] or m["mon_y2"]):
        month = _month_of(m["mon_m"] or m["mon_m2"])
        first, last = _month_range(int(m["mon_y"] or m["mon_y2"]), month, m["mon_part"])
        return first, last, Precision.MONTH
    if kind == "yr":
        year = int(m["yr_y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
    return None


def _clip(first: dt.date, last: dt.date, pre: str | None, a: dt.date) -> tuple[dt.date, dt.date]:
    """The part of a period before ("earlier this ...") or after ("later ...") anchor ``a``."""
    one = dt.timedelta(days=1)
    if not pre:
        return first, last
    return (first, max(first, a - one)) if pre.lower() == "earlier" else (min(a + one, last), last)


def _relative(
    m: re.Match[str], kind: str | None, a: dt.date, tense: Tense | None
) -> _Bounds | None:
    """Bounds of a phrase read against the anchor ``a``; ``None`` if not resolvable.

    ``kind`` is the alternative of :data:`_DATE_RE` that matched (``m.lastgroup``).
    """
    one = dt.timedelta(days=1)
    if kind == "md" or kind == "dm":
        day = _near_year(_month_of(m[f"{kind}_m"]), int(m[f"{kind}_d"]), a, tense)
        return day, day, Precision.DAY
    if kind == "mon" or kind == "mon_in":
        month = _month_of(m["mon_m"] or m["mon_m3"])
        return (*_near_month(month, m["mon_part"], a, tense), Precision.MONTH)
    if kind == "wd":
        day = _weekday(m["wd_day"], m["wd_rel"], a, tense)
        return day, day, Precision.DAY
    if kind == "rel":
        text = _norm(m["rel"])
        key = next(k for k in _DAY_KEYS if text.startswith(k))
        day = a + one * _DAY_OFFSETS[key]
        return day, day, Precision.DAY
    if kind == "ago":
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
    if kind == "wk":
        if m["wk_pre"]:
            return (*_clip(*_week(a)[:2], m["wk_pre"], a), Precision.WEEK)
        first, last, precision = _week(a, _STEP[m["wk_rel"].lower()])
        if m["wk_rel"].lower() == "this" and tense == "past":
            last = min(last, a)  # "met this week": not after the report
        return first, last, precision
    if kind == "we":
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
    if kind == "few":
        coming = m["few_dir"].lower().startswith(("coming", "next"))
        return (*((a + one, a + 7 * one) if coming else (a - 7 * one, a)), Precision.WEEK)
    if kind == "mo":
        year, month = _shift_month(a.year, a.month, _STEP[m["mo_rel"].lower()])
        bounds = _month_range(year, month, m["mo_part"])
        return (*_clip(*bounds, m["mo_pre"], a), Precision.MONTH)
    if kind == "yrr":
        year = a.year + _STEP[m["yrr_rel"].lower()]
        bounds = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return (*_clip(*bounds, m["yrr_pre"], a), Precision.YEAR)
    return None  # "hours after", "the next day": relative to another event


def _bounds(m: re.Match[str], anchor: dt.date | None, tense: Tense | None) -> _Bounds | None:
    # Every top-level alternative of _DATE_RE is a named group around all of the match, the
    # last group to close: m.lastgroup names the one that matched (the only one set, and
    # never empty), so the readers test it instead of looking up each alternative's group.
    kind = m.lastgroup
    try:
        found = _absolute(m, kind)
        if found is None and anchor is not None:
            found = _relative(m, kind, anchor, tense)
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


def _scan_lower(text: str) -> str | None:
    """``text.lower()`` if :data:`_START_LOWER` finds every token of :data:`_START` in it.

    That is unless a letter of ``text`` folds to an ASCII one under IGNORECASE
    (:data:`_FOLDED_LETTERS`) or lower-casing changes the length; then ``None``.
    """
    if text.isascii() or not any(c in text for c in _FOLDED_LETTERS):
        lower = text.lower()
        if len(lower) == len(text):
            return lower
    return None


def _date_starts(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_START` in ``text``, as ``finditer`` finds them.

    Found with :data:`_START_LOWER` (by its faster scan :data:`_START_LOWER_SCAN`) in the
    lower-cased text where that finds them all (:func:`_scan_lower`), each then checked
    with :data:`_START` (a match of either never holds another's start, so the places
    where ``_START`` matches are its ``finditer`` matches). :func:`find_dates` takes the
    same tokens without that check (see there).
    """
    lower = _scan_lower(text)
    if lower is not None:
        match = _START.match
        return [
            token
            for candidate in _START_LOWER_SCAN.finditer(" " + lower)
            if (token := match(text, candidate.start())) is not None
        ]
    return list(_START.finditer(text))


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
    # The tokens of _date_starts, sought in the lower-cased text where it would, but not
    # checked with _START: where the lower-case gates let a token through that _START's
    # gates would not, _DATE_RE does not match either (the gates only ever drop tokens
    # where it cannot), so trying it there finds nothing and changes nothing.
    lower = _scan_lower(text)
    if lower is not None:
        tokens = [(t.start(), t.group()[1:]) for t in _START_LOWER_SCAN.finditer(" " + lower)]
    else:
        tokens = [(t.start(), t.group()) for t in _START.finditer(text)]
    # Outside ASCII, _since_start looks for "since" itself ("ſince" is one too).
    since_gate = lower if text.isascii() else None
    for at, word in tokens:
        if at < pos:
            continue
        m = _date_re_from(text, at, word)
        if m is None:
            continue
        start, end = m.span()
        role: Literal["point", "since"] = "point"
        floor = found[-1].end if found else 0
        # A match opens with its token, and every alternative that opens with "since" has
        # white space after it: so _SINCE_HEAD.match(m[0]) exactly when the token is "since"
        # (tokens are ASCII). _since_start finds none without "since" in its window: then
        # it is not called.
        if word.lower() == "since":
            role = "since"
        elif (
            since_gate is None or since_gate.find("since", max(floor, start - 120), start) >= 0
        ) and (since := _since_start(text, start, floor)) is not None:
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
        values = {
            "text": phrase,
            "earliest": first,
            "latest": last,
            "precision": precision,
            "anchor": anchor,
        }
        return trusted(TimeRef, values)
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
