"""Compiled patterns and word lists of the casualty extractor (:mod:`.casualties`).

The casualty words and the figure each names, the population nouns, the people nouns
a number may count, the patterns read right and left of a number (with their window
sizes), and the actor kinds that may report a figure. Every pattern is anchored and
bounded, so the time is linear in the text length.
"""

from __future__ import annotations

import re

from diplodata.extract._number_patterns import _trie
from diplodata.models import ActorKind, Figure

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


def _hints(words: str) -> re.Pattern[str]:
    """A search for any of the ``|``-separated lower-case ``words``, as a shared-prefix trie.

    It matches where the plain alternation ``re.compile(words)`` matches (a word of the list
    starts there), but the engine reads each letter once instead of trying every word at
    every position: about 1.7x faster on the short windows it is searched in.
    """
    return re.compile(_trie(dict.fromkeys(words.split("|"), ""), either_case=False))


# Every _TRIGGERS match holds one of these, in lower case: a cheap test before _RIGHT_*.
_TRIGGER_HINT_WORDS = (
    "kill|dead|died|death|fatal|slain|lives|lost|murder|assassinat|execut|lynch|behead|massacr|"
    "perish|succumb|shot|gunned|wound|injur|hurt|displac|fled|uproot|homeless|evacuat|missing|"
    "unaccounted|disappear|detain|arrest|abduct|kidnap|captur|affect|forced"
)
_TRIGGER_HINT = _hints(_TRIGGER_HINT_WORDS)

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
# Every _LEFT match holds one of these, in lower case: a cheap test before the search.
_LEFT_HINT_WORDS = (
    "kill|wound|injur|displac|uproot|forc|driv|drov|push|detain|arrest|abduct|kidnap|evacuat|"
    "leav|left|claim|assassinat|murder|execut|lynch|behead|massacr|slaughter|shot|gun|toll|"
    "number|fatalit|casualt|result|lead|led|caus"
)
_LEFT_HINT = _hints(_LEFT_HINT_WORDS)
# Every _LEFT match starts with one of these, in lower case: no match starts before the first.
# (They are the words of _LEFT_HINT and two more, so where _LEFT_HINT finds a word, this
# finds one at or before it.)
_LEFT_START_WORDS = _LEFT_HINT_WORDS + "|death|civilian"
_LEFT_START = _hints(_LEFT_START_WORDS)
_LEFT_STARTS = re.compile(f"(?={_LEFT_START.pattern})")
"""Every place a word of _LEFT_START begins (overlapping ones too): where _LEFT can start."""
# "accused of killing", "responsible for killing", "threatened to kill": a crime, not a toll.
_CRIME = re.compile(r"\b(?:of|for|to)\s++$", re.IGNORECASE)
_LEFT_WINDOW = 70
_RIGHT_WINDOW = 90
_NOT_PEOPLE_NOUNS = (
    "firms|companies|tanks|vehicles|cars|trucks|boats|ships|rockets|missiles|drones|aircraft|"
    "planes|helicopters|shells|rounds|mortars|bombs|grenades|weapons|guns|rifles|airstrikes|"
    "strikes|raids|attacks|explosions|blasts|km|kilometres|kilometers|miles|metres|meters|years|"
    "year|months|days|hours|minutes|weeks|times|percent|per\\s+cent|dollars|euros|barrels|"
    "tonnes|tons|homes|houses|buildings|schools|hospitals|villages|towns|points|votes|seats|"
    "countries|nations|states|cattle|cows|sheep|goats|camels|livestock|head\\s+of\\s+cattle|"
    "events|locations|incidents"
)
_NOT_PEOPLE = re.compile(
    rf"\s*+(?:{_MOD}\s++){{0,2}}?(?:{_NOT_PEOPLE_NOUNS})\b",
    re.IGNORECASE,
)
# Every _NOT_PEOPLE match holds the first word of one of its nouns, in lower case: a cheap
# test before the match (see casualties._classify).
_NOT_PEOPLE_HINT = _hints("|".join(n.split("\\")[0] for n in _NOT_PEOPLE_NOUNS.split("|")))
_CUMULATIVE = re.compile(
    r"\b(?:so\s+far|in\s+total|to\s+date|overall|altogether|since\s+the\s+(?:start|beginning|"
    r"outbreak|offensive|fighting|clashes|assault)|since\s+(?:fighting|clashes)\s+(?:began|"
    r"erupted|broke\s+out)|death\s+toll|toll\s+(?:rose|climbed|reached|has|had|stood)|"
    r"have\s+been\s+(?:killed|displaced|wounded)\s+since|cumulative|rose\s+to|climbed\s+to|"
    r"has\s+risen|had\s+risen)\b",
    re.IGNORECASE,
)
# Every _CUMULATIVE match holds one of these, in lower case: a cheap test before the search.
_CUMULATIVE_HINTS = (
    "far", "total", "date", "overall", "altogether", "since", "toll", "cumulative", "rose",
    "climbed", "risen",
)  # fmt: skip
# Every _TOLL_NOUN match holds one of these, in lower case.
_TOLL_NOUN_HINTS = ("toll", "number", "figure")
_CUMULATIVE_HINT = _hints("|".join(_CUMULATIVE_HINTS))
"""A search for any of _CUMULATIVE_HINTS (one pass instead of a find for each)."""
_TOLL_NOUN_HINT = _hints("|".join(_TOLL_NOUN_HINTS))
"""A search for any of _TOLL_NOUN_HINTS (one pass instead of a find for each)."""
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
# (?=[aoht]): the first letters of its words, folded like them under the same IGNORECASE;
# true wherever it matches, it only lets the engine skip other places faster.
_NOUN_PHRASE = re.compile(
    rf"(?=[aoht])(?:\b(?:(?P<indef>an?|one|another|his|her|their)|(?P<definite>the))\s++{_MODS}"
    rf"(?:[A-Za-z]++-)?+(?P<head>{_PERSON})\b(?!')|\b(?P<pronoun>him|her)\b)",
    re.IGNORECASE,
)
# Every _NOUN_PHRASE match holds one of these as a whole letter run (its head noun, or
# "him"/"her"): a sentence with none of them has no noun phrase (see casualties._noun_phrases).
_NOUN_PHRASE_WORDS = frozenset((*_PERSON.split("|"), "him", "her"))
_LOWER_LETTERS = re.compile(r"[a-z]++")
# Letters that IGNORECASE matches to a-z but str.lower leaves non-ASCII or lengthens.
_ODD_LETTERS = ("\u0130", "\u0131", "\u017f")
# "the body of a man was found", "the bodies of two women were found": a death.
_BODY_BEFORE = re.compile(r"\bbod(?:y|ies)\s++of\s++(?:the\s++)?$", re.IGNORECASE)
_FOUND_AFTER = re.compile(
    rf"\s*+{_MODS}(?:(?:{_PERSON_NOUNS})\b)?{_POST}\s*+,?\s*+(?:(?:were|was|have|has|had|been|"
    r"later|also|reportedly)\s++){0,3}+(?:found|discovered|recovered|retrieved|dumped|exhumed)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\s*+(?:\([^)\n]{1,40}\)\s*+)?(?:-|--|:)")
_REPORTER_KINDS = (ActorKind.IGO, ActorKind.GOVERNMENT, ActorKind.ORGANIZATION, ActorKind.PERSON)
