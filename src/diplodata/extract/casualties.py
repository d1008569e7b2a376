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

from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.numbers import NumberMatch
from diplodata.models import Actor, ActorKind, Count, Figure

__all__ = ["EXTRACTOR", "CasualtyHit", "find_casualties"]

EXTRACTOR = "casualties.v2"

_FIGURE_WORDS: dict[str, Figure] = {}
for _kind, _words in {
    Figure.KILLED: "killed killing kill dead died die dying deaths death fatalities fatality "
    "lives slain massacred massacring executed executing perished succumbed murdered "
    "murdering assassinated assassinating lynched lynching beheaded beheading slaughtered "
    "slaughtering shot gunned gunning stabbed beaten hacked burned burnt clubbed strangled "
    "stoned crushed tortured bludgeoned trampled hanged kicked battered fatally",
    Figure.WOUNDED: "wounded wounding injured injuring injuries hurt casualties",
    Figure.DISPLACED: "displaced displacing displacement fled fleeing flee uprooted homeless "
    "evacuated forced",
    Figure.MISSING: "missing disappeared unaccounted",
    Figure.DETAINED: "detained detaining arrested arresting abducted kidnapped captured held",
    Figure.AFFECTED: "affected",
}.items():
    for _w in _words.split():
        _FIGURE_WORDS[_w] = _kind

_POPULATION = {
    "civilians": "civilians",
    "civilian": "civilians",
    "children": "children",
    "child": "children",
    "minors": "children",
    "minor": "children",
    "boys": "children",
    "boy": "children",
    "girls": "children",
    "girl": "children",
    "women": "women",
    "woman": "women",
    "fighters": "fighters",
    "fighter": "fighters",
    "combatants": "fighters",
    "combatant": "fighters",
    "soldiers": "fighters",
    "soldier": "fighters",
    "troops": "fighters",
    "militants": "fighters",
    "militant": "fighters",
    "militiamen": "fighters",
    "militiaman": "fighters",
    "gunmen": "fighters",
    "gunman": "fighters",
    "rebels": "fighters",
    "rebel": "fighters",
    "insurgents": "fighters",
    "insurgent": "fighters",
    "cadets": "cadets",
    "cadet": "cadets",
    "migrants": "migrants",
    "migrant": "migrants",
    "refugees": "migrants",
    "refugee": "migrants",
    "detainees": "detainees",
    "detainee": "detainees",
    "students": "students",
    "student": "students",
}


def _alt(words: str) -> str:
    """A regex alternation of white-space separated words (or fragments), longest first."""
    return "|".join(sorted(words.split(), key=len, reverse=True))


# Nouns that name people, in the plural (or as a mass): they may follow a number.
_PEOPLE = _alt(
    "people persons others residents individuals men women inhabitants children boys girls "
    "civilians soldiers troops fighters combatants militants militiamen gunmen rebels "
    "insurgents jihadists cadres members personnel officers police(?:men)? guards commanders "
    "leaders suspects victims migrants refugees detainees prisoners inmates students workers "
    "journalists doctors medics paramedics nurses teachers farmers herders shepherds traders "
    "vendors drivers passengers demonstrators protesters protestors bystanders villagers "
    "youths teenagers minors elements cadets recruits gendarmes mercenaries terrorists "
    "assailants attackers bandits robbers thieves traffickers pastoralists miners officials "
    "citizens locals tribesmen clansmen relatives worshippers pilgrims employees staff "
    "nationals fishermen"
)
# The same in the singular (a number "1" or "one" may come before these too).
_PERSON = _alt(
    "person man woman child boy girl baby infant civilian soldier fighter combatant militant "
    "militiaman gunman rebel insurgent jihadist cadre member officer policeman policewoman "
    "guard commander leader chief suspect victim migrant refugee detainee prisoner inmate "
    "student worker journalist reporter doctor medic paramedic nurse teacher farmer herder "
    "shepherd trader vendor driver passenger demonstrator protester protestor bystander "
    "villager resident youth teenager teen minor cadet recruit gendarme mercenary terrorist "
    "assailant attacker bandit robber thief trafficker dealer pastoralist miner official "
    "councilor councillor mayor citizen tribesman clansman relative son daughter brother "
    "sister wife husband father mother owner engineer employee operator businessman activist "
    "lawyer judge pilot sergeant colonel captain lieutenant inspector imam priest pastor "
    "musician fisherman sarpanch"
)
_PERSON_NOUNS = f"{_PEOPLE}|{_PERSON}"
# Function words a describing word never is; a describing word is not a bare number either.
_STOP = _alt(
    "and or but nor of from who whom whose which that were was are is be been being have has "
    "had in on at by with to for after before when while as than the a an said says told its "
    "their his her also not no"
)
_MOD = rf"(?!(?-i:{_STOP})\b)(?![0-9][0-9,.]*+(?![\w'-]))[A-Za-z0-9][\w'-]*+"
_MODS = rf"(?:{_MOD}\s++){{0,3}}?"
# After the noun: "members of the army's 5th Brigade", "a district official of the party",
# "two fighters including their commander", "a man aged 60".
_POST = (
    rf"(?:\s++(?:of|from)\s++(?:the\s++)?(?:{_MOD}\s++){{0,3}}?{_MOD}(?=\s)"
    r"|(?:\s*+,)?\s++including\s++(?:[\w'-]++\s++){0,3}?[\w'-]++(?=,?\s)"
    r"|(?:\s*+,)?\s++aged\s++[0-9]{1,3}+(?![\w-]))?"
)
_AUX = (
    r"(?P<aux>(?:(?:(?:shot|stabbed|beaten|attacked|hit)\s++and|were|was|have|has|had|been|"
    r"are|is|being|reportedly|allegedly|also|still|now|later|subsequently|instantly|"
    r"immediately|eventually|since|more|believed|feared|confirmed|reported|found|to|be|all|"
    r"both|in|the|fighting|clashes|attack|strike)\s++){0,4}+)"
)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|be)\b", re.IGNORECASE)
_KILL_TRIGGERS = (
    r"killed|dead|died|deaths|fatalities|fatality|slain|lives|lost\s+(?:their|his|her)\s+"
    r"lives?|murdered|assassinated|executed|lynched|beheaded|massacred|perished|succumbed|"
    r"(?:shot|gunned)\s+(?:dead|down)|(?:shot|stabbed|beaten|hacked|burned|burnt|clubbed|"
    r"strangled|stoned|crushed|tortured|bludgeoned|trampled|hanged|kicked|battered)\s+to\s+death|"
    r"fatally\s+(?:shot|stabbed|wounded|injured|assaulted|attacked|hit|struck|beaten)"
)
_HURT_TRIGGERS = r"wounded|injured|injuries|hurt"
_TRIGGERS = (
    rf"{_KILL_TRIGGERS}|{_HURT_TRIGGERS}|displaced|fled|uprooted|homeless|evacuated|missing|"
    r"unaccounted|disappeared|detained|arrested|abducted|kidnapped|captured|affected|"
    r"forced\s+(?:to\s+flee|from\s+their\s+homes)"
)

# Right of the number: "[qualifier words] 21 civilians were killed", "4 Taliban fighters
# were killed", "12 members of the local militia were reported killed".
_RIGHT_POP = re.compile(
    rf"\s*+(?:of\s+(?:the\s+)?)?{_MODS}(?P<pop>{_PERSON_NOUNS})\b{_POST}\s*+,?\s*+{_AUX}"
    rf"(?P<trig>{_TRIGGERS})\b",
    re.IGNORECASE,
)
# "56 dead", "12 were missing", "have fled".
_RIGHT_BARE = re.compile(
    rf"{_POST}\s*+,?\s*+{_AUX}(?P<trig>{_TRIGGERS})\b",
    re.IGNORECASE,
)
# "5 ISWAP fatalities", "4 Dinka were killed": describing words without a person noun, only
# before a word that can only be said of people.
_RIGHT_MODS = re.compile(
    rf"\s*+(?:{_MOD}\s++){{1,2}}?{_AUX}(?P<trig>{_KILL_TRIGGERS}|{_HURT_TRIGGERS})\b",
    re.IGNORECASE,
)
# Verbs that take an object. With no passive auxiliary and an object after them, the number
# before counts who did it: "2 gunmen killed a man". (No "over", "around" or "some" among
# the objects: "21 people killed over the weekend" is a toll.)
_TRANSITIVE = frozenset(
    ("killed", "wounded", "injured", "displaced", "detained", "arrested", "abducted",
     "kidnapped", "captured", "evacuated", "affected", "murdered", "assassinated", "executed",
     "lynched", "beheaded", "massacred")
)  # fmt: skip
_OBJECT = re.compile(
    r"\s++(?:a|an|the|his|her|their|its|him|them|at\s+least|more\s+than|up\s+to|several|"
    r"dozens|scores|hundreds|thousands|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty)\b",
    re.IGNORECASE,
)
# "killed or injured", "killed, wounded or captured", "killed and wounded": one number, mixed kinds.
_MIXED_AFTER = re.compile(
    r"\s*+(?:,\s*+(?:killed|injured|wounded|captured|arrested|abducted)\s*+)?,?\s*+"
    r"(?:and/or|or|and)\s++(?:killed|injured|wounded|captured|arrested|abducted)\b",
    re.IGNORECASE,
)
_MIXED_BEFORE = re.compile(
    r"\b(?:killed|killing|injured|injuring|wounded|wounding)\s*+,?\s*+(?:and/or|or|and)\s++$",
    re.IGNORECASE,
)
# "two children among the dead", "three civilians among the wounded".
_AMONG = re.compile(
    rf"\s*+{_MODS}(?P<pop>{_PERSON_NOUNS})?\s*+(?:were\s+|are\s+)?among\s+(?:the\s+)?"
    r"(?P<trig>dead|killed|victims|wounded|injured|casualties|missing|displaced)\b",
    re.IGNORECASE,
)
# Left of the number: "killed more than 430", "the death toll rose to 56", "leaving 7".
_LEFT = re.compile(
    r"(?:(?P<verb>killed|killing|kill|wounded|wounding|injured|injuring|displaced|displacing|"
    r"uprooted|forced|driven|drove|pushed|detained|arrested|abducted|kidnapped|evacuated|"
    r"leaving|left|claimed|claiming|assassinated|assassinating|murdered|murdering|executed|"
    r"executing|lynched|lynching|beheaded|beheading|massacred|massacring|slaughtered|"
    r"slaughtering|"
    r"(?:shot|gunned)\s+dead|gunned\s+down|gunning\s+down)"
    r"|(?P<toll>(?:death|casualty|civilian|displacement)\s+tolls?|tolls?|number\s+of\s+"
    r"(?:dead|deaths|people\s+killed|victims|wounded|injured|displaced|people\s+displaced|"
    r"(?:internally\s+)?displaced\s+people|casualties|fatalities)|fatalities|casualties)"
    r"(?:\s++(?:has|had|have|now|rose|risen|rising|climbed|climbing|reached|reaching|stood|"
    r"stands|jumped|increased|hit|of|is|was|at|to|from|further|sharply|up|exceeded|surpassed|"
    r"passed|topped|including|almost|nearly|over)){0,4}+"
    r"|(?P<result>(?:result(?:ing|ed|s)?\s+in|lead(?:ing|s)?\s+to|led\s+to|caus(?:ing|ed|es)|"
    r"left|leaving)\s+(?:the\s+)?(?:deaths?|killings?)\s+of))"
    r"\s++(?:the\s+lives\s+of\s+|at\s+least\s+|a\s+family\s+of\s+|the\s+|between\s+)?$",
    re.IGNORECASE,
)
# "accused of killing", "responsible for killing", "threatened to kill": a crime, not a toll.
_CRIME = re.compile(r"\b(?:of|for|to)\s++$", re.IGNORECASE)
_LEFT_WINDOW = 70
_RIGHT_WINDOW = 90
_NOT_PEOPLE = re.compile(
    rf"\s*+(?:{_MOD}\s++){{0,2}}?(?:firms|companies|tanks|vehicles|cars|trucks|boats|ships|"
    r"rockets|missiles|drones|aircraft|planes|helicopters|shells|rounds|mortars|bombs|"
    r"grenades|weapons|guns|rifles|airstrikes|strikes|raids|attacks|explosions|blasts|km|"
    r"kilometres|kilometers|miles|metres|meters|years|year|months|days|hours|minutes|weeks|"
    r"times|percent|per\s+cent|dollars|euros|barrels|tonnes|tons|homes|houses|buildings|"
    r"schools|hospitals|villages|towns|points|votes|seats|countries|nations|states|cattle|"
    r"cows|sheep|goats|camels|livestock|head\s+of\s+cattle|events|locations|incidents)\b",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:so\s+far|in\s+total|to\s+date|overall|altogether|since\s+the\s+(?:start|beginning|"
    r"outbreak|offensive|fighting|clashes|assault)|since\s+(?:fighting|clashes)\s+(?:began|"
    r"erupted|broke\s+out)|death\s+toll|toll\s+(?:rose|climbed|reached|has|had|stood)|"
    r"have\s+been\s+(?:killed|displaced|wounded)\s+since|cumulative|rose\s+to|climbed\s+to|"
    r"has\s+risen|had\s+risen)\b",
    re.IGNORECASE,
)
_SAYS_AFTER = re.compile(
    r"^(?:'s?)?\s*+(?:\([A-Z]+\)\s*+)?(?:,\s*+)?(?:said|says|reported|reports|announced|"
    r"estimated|estimates|counted|recorded|put|puts|told|added|confirmed|stated|tallied|"
    r"registered|documented|has\s+said|has\s+recorded|said\s+in|figures|data|count|tally|update)\b",
    re.IGNORECASE,
)
_SAYS_BEFORE = re.compile(
    r"(?:according\s+to|said|says|reported\s+by|cited\s+by|figures\s+from|data\s+from|"
    r"quoted\s+by|by)\s++(?:the\s+|a\s+)?(?:latest\s+|new\s+)?(?:figures\s+from\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_POP_AFTER = re.compile(
    rf"\s*+(?:other\s+|more\s+|of\s+(?:the\s+)?)?{_MODS}(?P<pop>{_PERSON_NOUNS})\b", re.IGNORECASE
)
_OF_THOSE = re.compile(
    r"\s*+of\s+(?:those|the|them|whom)\s+(?P<trig>killed|dead|wounded|injured|displaced|missing)\b"
    rf"(?:\s+(?:were|was|are)\s+(?P<pop>{_PERSON_NOUNS}))?",
    re.IGNORECASE,
)
_OF_THEM = re.compile(
    rf",?\s*+(?:of\s+(?:them|whom)|among\s+them)\s+(?:were\s+)?(?P<pop>{_PERSON_NOUNS})\b",
    re.IGNORECASE,
)
_JOINED = re.compile(
    rf"\s*+{_MODS}(?:(?P<pop>{_PERSON_NOUNS})\s*+)?(?:,\s*+)?(?:and|as\s+well\s+as|plus|"
    r"including)\s++(?:(?:at\s+least|more\s+than|about|around|some|nearly|over)\s++)?",
    re.IGNORECASE,
)
_RISE = re.compile(
    r"(?:rose|risen|rising|climbed|reached|stood|stands|jumped|increased|hit|topped|passed|"
    r"exceeded|surpassed|raised|put|puts|brought|bringing|reaching)\s++(?:to\s++|at\s++)?"
    r"(?:at\s++|to\s++)?$|\bat\s++$",
    re.IGNORECASE,
)
_TOLL_NOUN = re.compile(
    r"\b(?:(?:death|casualty|civilian|displacement)\s+tolls?|tolls?|number\s+of\s+"
    r"(?:people\s+|civilians\s+|those\s+)?(?:dead|deaths|killed|victims|wounded|injured|displaced|"
    r"internally\s+displaced|casualties|fatalities)|displacement\s+figure)\b",
    re.IGNORECASE,
)
# One person named by a singular noun phrase: "a man", "an Afghan soldier", "the victim", "him".
_NOUN_PHRASE = re.compile(
    rf"\b(?:(?P<indef>an?|one|another|his|her|their)|(?P<definite>the))\s++{_MODS}"
    rf"(?:[A-Za-z]++-)?+(?P<head>{_PERSON})\b(?!')|\b(?P<pronoun>him|her)\b",
    re.IGNORECASE,
)
# "the body of a man was found", "the bodies of two women were found": a death.
_BODY_BEFORE = re.compile(r"\bbod(?:y|ies)\s++of\s++(?:the\s++)?$", re.IGNORECASE)
_FOUND_AFTER = re.compile(
    rf"\s*+{_MODS}(?:(?:{_PERSON_NOUNS})\b)?{_POST}\s*+,?\s*+(?:(?:were|was|have|has|had|been|"
    r"later|also|reportedly)\s++){0,3}+(?:found|discovered|recovered|retrieved|dumped|exhumed)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\s*+(?:\([^)\n]{1,40}\)\s*+)?(?:-|--|:)")
_REPORTER_KINDS = (ActorKind.IGO, ActorKind.GOVERNMENT, ActorKind.ORGANIZATION, ActorKind.PERSON)


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


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A number phrase, or a singular noun phrase that counts one person ("a man")."""

    number: NumberMatch
    person: str | None = None  # the head noun of a noun phrase
    definite: bool = False  # "the victim", "him": may repeat someone already counted

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def end(self) -> int:
        return self.number.end


def _population(word: str | None) -> str | None:
    return None if word is None else _POPULATION.get(word.lower())


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


def _reporter(
    norm: str, sentence: tuple[int, int], actors: list[ActorMention]
) -> tuple[Actor | None, tuple[int, int] | None, str | None]:
    """The actor the sentence credits with the figure, its span, and the attribution phrase."""
    s, e = sentence
    lo = bisect_left(actors, s, key=lambda m: m.start)
    hi = bisect_left(actors, e, key=lambda m: m.start)
    candidates = [m for m in actors[lo:hi] if m.end <= e and m.actor.kind in _REPORTER_KINDS]
    for m in candidates:
        after = norm[m.end : min(e, m.end + 40)]
        before = norm[max(s, m.start - 40) : m.start]
        says_after = _SAYS_AFTER.match(after)
        says_before = _SAYS_BEFORE.search(before)
        if says_after or says_before:
            if says_before:
                start = m.start - (len(before) - says_before.start())
                phrase = norm[start : m.end]
            else:
                assert says_after is not None
                phrase = norm[m.start : m.end + says_after.end()]
            return m.actor, (m.start, m.end), phrase.strip(" ,")
    return None, None, None


def _noun_phrases(
    norm: str, sentences: list[tuple[int, int]], counts: list[NumberMatch]
) -> list[_Phrase]:
    """Singular noun phrases naming one person that no number phrase overlaps."""
    starts = [c.start for c in counts]
    found: list[_Phrase] = []
    for s, e in sentences:
        for m in _NOUN_PHRASE.finditer(norm, s, e):
            i = bisect_left(starts, m.end())
            if i > 0 and counts[i - 1].end > m.start():
                continue  # "more than a dozen" is a number phrase already
            text = m.group()
            number = NumberMatch(m.start(), m.end(), Count.from_qualifier(1, text=text))
            if m.group("pronoun"):
                found.append(_Phrase(number, None, definite=True))
            else:
                found.append(_Phrase(number, m.group("head"), definite=bool(m.group("definite"))))
    return found


def find_casualties(
    norm: str,
    sentences: list[tuple[int, int]],
    counts: list[NumberMatch],
    dates: list[DateMatch],
    actors: list[ActorMention],
) -> list[CasualtyHit]:
    """Casualty figures in the normalised text (see the module docs for the rules)."""
    hits: list[CasualtyHit] = []
    groups: dict[tuple[int, int], list[_Phrase]] = {}
    ends = [end for _, end in sentences]
    phrases = [_Phrase(c) for c in counts] + _noun_phrases(norm, sentences, counts)
    phrases.sort(key=lambda p: p.start)
    for phrase in phrases:
        i = bisect_right(ends, phrase.start)
        sentence = sentences[i] if i < len(sentences) else (0, len(norm))
        groups.setdefault(sentence, []).append(phrase)
    seen: set[Figure] = set()
    for (s, e), group in sorted(groups.items()):
        found = [_classify(norm, (s, e), p) for p in group]
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
        in_sentence = dates[
            bisect_left(dates, s, key=lambda d: d.start) : bisect_left(
                dates, e, key=lambda d: d.start
            )
        ]
        since = any(d.role == "since" for d in in_sentence)
        cumulative = since or _CUMULATIVE.search(norm, s, e) is not None
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


def _dateline(norm: str, date: DateMatch) -> bool:
    """A date in the dateline ("TRIPOLI, April 11 (Reuters) -") dates the report, not the event."""
    return (
        date.start < 60
        and norm.find("\n", 0, date.start) == -1
        and _DATELINE.match(norm, date.end) is not None
    )


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


def _classify(norm: str, sentence: tuple[int, int], phrase: _Phrase) -> _Found | None:
    """The figure a phrase counts, the span of the word that says so, and the population."""
    s, e = sentence
    number = phrase.number
    noun = phrase.person is not None or phrase.definite
    right_end = min(e, number.end + _RIGHT_WINDOW)
    if not noun and _NOT_PEOPLE.match(norm, number.end, right_end):
        return None
    body = _BODY_BEFORE.search(norm, max(s, number.start - 30), number.start)
    found = None if body is None else _FOUND_AFTER.match(norm, number.end, right_end)
    if body is not None and found is not None:
        return Figure.KILLED, (body.start(), found.end()), _phrase_population(norm, phrase, e)
    among = _AMONG.match(norm, number.end, right_end)
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
    right = _right(norm, number.end, right_end, noun=noun)
    left_start = max(s, number.start - _LEFT_WINDOW)
    population = _phrase_population(norm, phrase, e)
    left = _LEFT.search(norm, left_start, number.start)
    if left is not None and _left_is_a_toll(norm, s, left):
        verb = (left.group("verb") or "").lower()
        if verb in ("leaving", "left", "claimed", "claiming"):
            # "leaving 7 dead", "claimed the lives of 12": the word after decides.
            if right is not None:
                return _with_population(right, population) if noun else right
            if verb.startswith("claim") and "lives" in norm[left.start() : number.start]:
                return Figure.KILLED, left.span("verb"), population
            return None
        if verb in ("forced", "driven", "drove", "pushed"):
            tail = norm[number.end : right_end].lower()
            if "flee" in tail or "homes" in tail:
                return Figure.DISPLACED, left.span("verb"), population
            return None
        if verb:
            verb_figure = _figure(verb)
            if verb_figure is not None and not (noun and verb == "kill"):
                return verb_figure, left.span("verb"), population
        if left.group("toll") and not noun:
            return _toll_figure(left.group("toll")), left.span("toll"), population
        if left.group("result"):
            return Figure.KILLED, left.span("result"), population
    if right is not None:
        return _with_population(right, population) if noun else right
    if noun:
        return None
    # "the number of people killed since April 4 has risen to 56", "put the toll at 345".
    rise = _RISE.search(norm, max(s, number.start - 30), number.start)
    if rise is not None:
        last = None
        for last in _TOLL_NOUN.finditer(norm, max(s, number.start - 200), rise.start()):  # noqa: B007
            pass
        if last is not None:
            return _toll_figure(last.group()), last.span(), population
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
