"""Casualty figures: killed, wounded, displaced, missing, detained (extractor ``casualties.v2``).

A number becomes a casualty figure only when a casualty word governs it, within
the same sentence and a short window:

* the word follows the number, with up to three words describing the people in
  between: "21 civilians were killed", "56 dead", "1 fatality", "5 ISWAP fatalities",
  "4 Taliban fighters were killed and 2 were wounded", "12 members of the local militia
  were reported killed", "two children among the dead", "some 3,400 people have fled
  their homes", "12 were missing", "2 fighters were shot dead", "were stabbed to death",
  "were fatally wounded" (killed);
* the word precedes it: "has killed more than 430 people and wounded at least 2,110
  others, while displacing more than 55,000", "the death toll rose to 56",
  "leaving 7 dead", "killing five of them", "killed a family of three",
  "assassinated 2 officials", "has driven tens of thousands from their homes".

A singular noun phrase counts as one person, but only where the same rules make it
a casualty (this lives here, not in :mod:`~diplodata.extract.numbers`, whose
:func:`~diplodata.extract.numbers.find_counts` never reads "a man" as a number):

* indefinite: "a farmer was found dead", "killing a civilian", "a prisoner was
  stabbed to death", "another soldier died", "his son was killed", "the shooting led
  to the death of a teenager". The head noun must name a person ("man", "civilian",
  "driver", "officer", ...), so "a number of fighters" or "a car" is no count;
* definite: "the victim died", "killed the driver", "shot him dead". These mostly
  point back to someone already counted ("a man was shot ... The victim died"), so
  they count only when no figure of the same kind came earlier in the text.

Left alone, because no casualty word governs them or the words say the number is
something else: an age, a year, a price, troops sent, "40 foreign firms", "5
vehicles"; the people doing the killing ("2 gunmen killed a man": a number before
an active verb with an object); a crime someone is accused of ("accused of killing
5", "threatened to kill 3"); a toll that mixes kinds ("3 militants were killed,
wounded or captured", "killing and wounding dozens").

Every pattern is anchored on a number or noun phrase and looks over a bounded
window with possessive or bounded quantifiers, so the time is linear in the text
length.

For each figure: the count with its qualifier and bounds; the population
("civilians", "children", "fighters", "migrants"; none for "people"); the body
the sentence credits ("according to the WHO", "the health ministry said"); whether
it is a running total ("since April 4", "so far", "the death toll rose to");
the date phrase and place of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from diplodata.extract._casualty_attributes import _dateline, _population, _reporter
from diplodata.extract._casualty_nouns import _lowered, _noun_phrases, _Phrase
from diplodata.extract._casualty_patterns import (
    _AMONG,
    _BODY_BEFORE,
    _CRIME,
    _CUMULATIVE,
    _CUMULATIVE_HINT,
    _FIGURE_WORDS,
    _FOUND_AFTER,
    _JOINED,
    _LEFT,
    _LEFT_HINT,
    _LEFT_START,
    _LEFT_STARTS,
    _LEFT_WINDOW,
    _MIXED_AFTER,
    _MIXED_BEFORE,
    _NOT_PEOPLE,
    _NOT_PEOPLE_HINT,
    _OBJECT,
    _OF_THEM,
    _OF_THOSE,
    _PASSIVE,
    _POP_AFTER,
    _RIGHT_BARE,
    _RIGHT_MODS,
    _RIGHT_POP,
    _RIGHT_WINDOW,
    _RISE,
    _TOLL_NOUN,
    _TOLL_NOUN_HINT,
    _TRANSITIVE,
    _TRIGGER_HINT,
)
from diplodata.extract._fast import fast_init
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.numbers import NumberMatch
from diplodata.extract.text import _Runs
from diplodata.models import Actor, Count, Figure

__all__ = ["EXTRACTOR", "CasualtyHit", "find_casualties"]

EXTRACTOR = "casualties.v2"


@fast_init
@dataclass(frozen=True, slots=True)
class CasualtyHit:
    """One casualty figure found in the normalised text, before it becomes an event."""

    figure: Figure
    count: Count
    count_span: tuple[int, int]
    evidence: tuple[int, int]
    population: str | None
    reported_by: Actor | None
    reporter_span: tuple[int, int] | None
    attribution: str | None
    cumulative: bool
    date: DateMatch | None
    sentence: tuple[int, int]


def _figure(trigger: str) -> Figure | None:
    first = trigger.split()[0].lower()
    if first == "lost":
        return Figure.KILLED
    if first == "forced":
        return Figure.DISPLACED if "flee" in trigger or "homes" in trigger else None
    if first in ("leaving", "left", "claimed", "claiming"):
        return Figure.KILLED
    return _FIGURE_WORDS.get(first)


def _toll_figure(toll: str) -> Figure:
    toll = toll.lower()
    if "displace" in toll:
        return Figure.DISPLACED
    if "wounded" in toll or "injured" in toll:
        return Figure.WOUNDED
    return Figure.KILLED


def find_casualties(
    norm: str,
    sentences: list[tuple[int, int]],
    counts: list[NumberMatch],
    dates: list[DateMatch],
    actors: list[ActorMention],
    runs: _Runs | None = None,
) -> list[CasualtyHit]:
    """Casualty figures in the normalised text (see the module docs for the rules).

    ``runs``, the runs of letters of ``norm`` (:attr:`.Text.runs`), if made, are reused.
    """
    hits: list[CasualtyHit] = []
    groups: dict[tuple[int, int], list[_Phrase]] = {}
    ends = [end for _, end in sentences]
    lower = _lowered(norm)
    phrases = [_Phrase(c) for c in counts] + _noun_phrases(norm, lower, sentences, counts, runs)
    if not phrases:
        return hits  # nothing counted: no figure
    phrases.sort(key=lambda p: p.start)
    for phrase in phrases:
        i = bisect_right(ends, phrase.start)
        sentence = sentences[i] if i < len(sentences) else (0, len(norm))
        groups.setdefault(sentence, []).append(phrase)
    seen: set[Figure] = set()
    date_starts: list[int] | None = None  # made at the first sentence with a figure
    for (s, e), group in sorted(groups.items()):
        found = [_classify(norm, lower, (s, e), p) for p in group]
        _coordinate(norm, (s, e), group, found)
        for k, (phrase, hit) in enumerate(zip(group, found, strict=True)):
            if hit is None:
                continue
            if phrase.definite and hit[0] in seen:
                found[k] = None  # "The victim died": counted already
            seen.add(hit[0])
        if not any(found):
            continue
        reporter, reporter_span, attribution = _reporter(norm, (s, e), actors)
        # Dates are sorted by start: take the sentence's slice by bisection, not a full scan.
        if date_starts is None:
            date_starts = [d.start for d in dates]  # sorted, as the dates are
        in_sentence = dates[bisect_left(date_starts, s) : bisect_left(date_starts, e)]
        since = any(d.role == "since" for d in in_sentence)
        cumulative = since or (
            (lower is None or _CUMULATIVE_HINT.search(lower, s, e) is not None)
            and _CUMULATIVE.search(norm, s, e) is not None
        )
        points = [d for d in in_sentence if d.role == "point" and not _dateline(norm, d)]
        for phrase, hit in zip(group, found, strict=True):
            if hit is None:
                continue
            figure, trigger_span, population = hit
            number = phrase.number
            date = min(points, key=lambda d: abs(d.start - number.start)) if points else None
            evidence = (min(number.start, trigger_span[0]), max(number.end, trigger_span[1]))
            hits.append(
                CasualtyHit(
                    figure=figure,
                    count=number.count,
                    count_span=(number.start, number.end),
                    evidence=evidence,
                    population=population,
                    reported_by=reporter,
                    reporter_span=reporter_span,
                    attribution=attribution,
                    cumulative=cumulative,
                    date=date,
                    sentence=(s, e),
                )
            )
    return hits


_Found = tuple[Figure, tuple[int, int], str | None]


def _coordinate(
    norm: str, sentence: tuple[int, int], phrases: list[_Phrase], found: list[_Found | None]
) -> None:
    """Fill in phrases joined to a classified one.

    "280 civilians and 2,000 fighters have been killed", "a man and his brother were
    killed", "killed 345 people, 22 of them civilians".
    """
    for i in range(len(phrases) - 2, -1, -1):
        nxt = found[i + 1]
        if found[i] is None and nxt is not None:
            here = phrases[i]
            joint = _JOINED.fullmatch(norm, here.end, phrases[i + 1].start)
            if joint is not None and not _NOT_PEOPLE.match(norm, here.end, phrases[i + 1].start):
                pop = _population(here.person) or _population(joint.group("pop"))
                found[i] = (nxt[0], nxt[1], pop)
    for i in range(1, len(phrases)):
        # "killing 2 soldiers and 3 civilians", "killing a teacher and her daughter": the verb before
        # the first phrase governs the next one too.
        prev, here = found[i - 1], phrases[i]
        if found[i] is None and prev is not None and prev[1][1] <= phrases[i - 1].start:
            between = (phrases[i - 1].end, here.start)
            if (
                _JOINED.fullmatch(norm, *between)
                and not _NOT_PEOPLE.match(norm, *between)
                and (here.person or here.definite or not _NOT_PEOPLE.match(norm, here.end))
            ):
                found[i] = (prev[0], prev[1], _phrase_population(norm, here, sentence[1]))
    for i in range(1, len(phrases)):
        prev = found[i - 1]
        here = phrases[i]
        if found[i] is None and prev is not None and here.person is None and not here.definite:
            of_them = _OF_THEM.match(norm, phrases[i].end)
            if of_them is not None and phrases[i].start - phrases[i - 1].end < 60:
                found[i] = (prev[0], prev[1], _population(of_them.group("pop")))


def _classify(
    norm: str, lower: str | None, sentence: tuple[int, int], phrase: _Phrase
) -> _Found | None:
    """The figure a phrase counts, the span of the word that says so, and the population.

    ``lower`` is :func:`_lowered` ``(norm)``.
    """
    s, e = sentence
    number = phrase.number
    noun = phrase.person is not None or phrase.definite
    right_end = min(e, number.end + _RIGHT_WINDOW)
    if (
        not noun
        # (No first word of its nouns in the window: _NOT_PEOPLE cannot match.)
        and (lower is None or _NOT_PEOPLE_HINT.search(lower, number.end, right_end) is not None)
        and _NOT_PEOPLE.match(norm, number.end, right_end)
    ):
        return None
    body_start = max(s, number.start - 30)
    body = (
        None  # no "bod" before the number: no "body of" / "bodies of"
        if lower is not None and lower.find("bod", body_start, number.start) < 0
        else _BODY_BEFORE.search(norm, body_start, number.start)
    )
    found = None if body is None else _FOUND_AFTER.match(norm, number.end, right_end)
    if body is not None and found is not None:
        return Figure.KILLED, (body.start(), found.end()), _phrase_population(norm, phrase, e)
    among = (
        None  # no "among" in the window: the match cannot succeed
        if lower is not None and lower.find("among", number.end, right_end) < 0
        else _AMONG.match(norm, number.end, right_end)
    )
    if among is not None:
        figure = _figure(among.group("trig")) or Figure.KILLED
        if among.group("trig").lower() == "victims":
            figure = Figure.KILLED
        pop = _population(phrase.person) or _population(among.group("pop"))
        return figure, among.span("trig"), pop
    of_those = None if noun else _OF_THOSE.match(norm, number.end, right_end)
    if of_those is not None:
        figure = _figure(of_those.group("trig")) or Figure.KILLED
        return figure, of_those.span("trig"), _population(of_those.group("pop"))
    right = (
        None  # no casualty word in the window: no _RIGHT_* pattern can match
        if lower is not None and _TRIGGER_HINT.search(lower, number.end, right_end) is None
        else _right(norm, number.end, right_end, noun=noun)
    )
    left_start = max(s, number.start - _LEFT_WINDOW)
    left = None
    if lower is None:
        left = _LEFT.search(norm, left_start, number.start)
    else:
        # No _LEFT match starts before its first possible first word: search from there. A
        # word of _LEFT_HINT (every match holds one) is one of those first words too, so
        # there is none before the first of them.
        first = _LEFT_START.search(lower, left_start, number.start)
        if first is not None and _LEFT_HINT.search(lower, first.start(), number.start):
            # _LEFT.search(norm, first.start(), number.start), tried only where it can start.
            for at in _LEFT_STARTS.finditer(lower, first.start(), number.start):
                left = _LEFT.match(norm, at.start(), number.start)
                if left is not None:
                    break
    # (The population is read only for a figure: _phrase_population(norm, phrase, e) below.)
    if left is not None and _left_is_a_toll(norm, s, left):
        verb = (left.group("verb") or "").lower()
        if verb in ("leaving", "left", "claimed", "claiming"):
            # "leaving 7 dead", "claimed the lives of 12": the word after decides.
            if right is not None:
                return (
                    _with_population(right, _phrase_population(norm, phrase, e)) if noun else right
                )
            if verb.startswith("claim") and "lives" in norm[left.start() : number.start]:
                return Figure.KILLED, left.span("verb"), _phrase_population(norm, phrase, e)
            return None
        if verb in ("forced", "driven", "drove", "pushed"):
            tail = norm[number.end : right_end].lower()
            if "flee" in tail or "homes" in tail:
                return Figure.DISPLACED, left.span("verb"), _phrase_population(norm, phrase, e)
            return None
        if verb:
            verb_figure = _figure(verb)
            if verb_figure is not None and not (noun and verb == "kill"):
                return verb_figure, left.span("verb"), _phrase_population(norm, phrase, e)
        if left.group("toll") and not noun:
            return (
                _toll_figure(left.group("toll")),
                left.span("toll"),
                _phrase_population(norm, phrase, e),
            )
        if left.group("result"):
            return Figure.KILLED, left.span("result"), _phrase_population(norm, phrase, e)
    if right is not None:
        return _with_population(right, _phrase_population(norm, phrase, e)) if noun else right
    if noun:
        return None
    # "the number of people killed since April 4 has risen to 56", "put the toll at 345".
    if (
        lower is not None
        and _TOLL_NOUN_HINT.search(lower, max(s, number.start - 200), number.start) is None
    ):
        return None  # no _TOLL_NOUN before the number: whatever _RISE finds, no toll
    rise = _RISE.search(norm, max(s, number.start - 30), number.start)
    if rise is not None:
        last = None
        for last in _TOLL_NOUN.finditer(norm, max(s, number.start - 200), rise.start()):  # noqa: B007
            pass
        if last is not None:
            return _toll_figure(last.group()), last.span(), _phrase_population(norm, phrase, e)
    return None


def _phrase_population(norm: str, phrase: _Phrase, end: int) -> str | None:
    """The population a phrase names: its head noun, or the noun after the number."""
    if phrase.person is not None or phrase.definite:
        return _population(phrase.person)
    pop = _POP_AFTER.match(norm, phrase.end, min(end, phrase.end + _RIGHT_WINDOW))
    return _population(pop.group("pop")) if pop else None


def _left_is_a_toll(norm: str, s: int, left: re.Match[str]) -> bool:
    """Whether a word left of the number reports a toll, not a crime or a mix of kinds."""
    if left.group("verb") is None:
        return True
    before = max(s, left.start() - 30)
    return not (
        _CRIME.search(norm, before, left.start())
        or _MIXED_BEFORE.search(norm, before, left.start())
    )


def _right(norm: str, start: int, end: int, *, noun: bool) -> _Found | None:
    """The casualty word right of a number (or noun phrase), if it governs it."""
    match = None if noun else _RIGHT_POP.match(norm, start, end)
    if match is None:
        match = _RIGHT_BARE.match(norm, start, end)
    if match is None and not noun:
        match = _RIGHT_MODS.match(norm, start, end)
    if match is None:
        return None
    trigger = match.group("trig")
    figure = _figure(trigger)
    if figure is None:
        return None
    word = trigger.lower()
    if _MIXED_AFTER.match(norm, match.end(), end) and figure in (Figure.KILLED, Figure.WOUNDED):
        return None  # "were killed, wounded or captured": how many of each is not said
    if (
        word in _TRANSITIVE
        and not _PASSIVE.search(match.group("aux"))
        and _OBJECT.match(norm, match.end(), end)
    ):
        return None  # "2 gunmen killed a man": the number counts the killers
    pop = match.groupdict().get("pop")
    return figure, match.span("trig"), _population(pop)


def _with_population(found: _Found, population: str | None) -> _Found:
    return (found[0], found[1], population or found[2])
