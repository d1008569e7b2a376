"""The casualty extractor (``casualties.v2``): which numbers and noun phrases become figures.

Table-driven: a sentence and the figures ``dd.extract`` finds in it, in text order, as
``(figure, value, qualifier, population)``. The sentences are written for these tests.
"""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import diplodata as dd
from diplodata.extract import casualties
from diplodata.extract._casualty_patterns import _NOUN_PHRASE_WORDS
from diplodata.extract.casualties import EXTRACTOR
from diplodata.extract.dates import find_dates
from diplodata.extract.numbers import find_counts
from diplodata.extract.text import Text
from diplodata.models import CasualtyFigure

Expected = list[tuple[str, int, str, str | None]]


def _figures(text: str) -> Expected:
    return [
        (e.figure.value, e.count.value, e.count.qualifier.value, e.population)
        for e in dd.extract(text, published="2020-05-09")
        if isinstance(e, CasualtyFigure)
    ]


def _check(text: str, expected: Expected) -> None:
    assert _figures(text) == expected, text


# ----------------------------------------------------------- words after the number

AFTER: list[tuple[str, Expected]] = [
    # The analyst's tally: "fatality" in the singular too.
    ("The convoy was ambushed near the pass. 1 fatality.", [("killed", 1, "exact", None)]),
    ("The shelling resulted in 4 fatalities.", [("killed", 4, "exact", None)]),
    (
        "Residents reported 2 fatalities and 1 injured.",
        [("killed", 2, "exact", None), ("wounded", 1, "exact", None)],
    ),
    # Up to three describing words between the number and the person noun.
    (
        "4 Taliban fighters were killed and 2 were wounded in the raid.",
        [("killed", 4, "exact", "fighters"), ("wounded", 2, "exact", None)],
    ),
    ("Six Al Shabaab fighters died in the ambush.", [("killed", 6, "exact", "fighters")]),
    ("1 Kenyan soldier was killed at the border post.", [("killed", 1, "exact", "fighters")]),
    ("The assault resulted in 11 rebels dead.", [("killed", 11, "exact", "fighters")]),
    # Describing words with no person noun, before a word said only of people.
    ("The group admitted 5 ISWAP fatalities.", [("killed", 5, "exact", None)]),
    ("In the raid 4 Dinka were killed.", [("killed", 4, "exact", None)]),
    # A phrase after the noun: "of ...", "from ...", "including ...", "aged N".
    ("12 members of the local militia were reported killed.", [("killed", 12, "exact", None)]),
    (
        "Two fighters including their commander were killed.",
        [("killed", 2, "exact", "fighters"), ("killed", 1, "exact", None)],
    ),
    # Killing verbs and phrases.
    ("Two men were fatally shot outside the bank.", [("killed", 2, "exact", None)]),
    ("Three prisoners were beaten to death.", [("killed", 3, "exact", None)]),
    ("Four police officers were shot dead at a checkpoint.", [("killed", 4, "exact", None)]),
    ("5 soldiers were shot and killed at dawn.", [("killed", 5, "exact", "fighters")]),
    ("Two villagers were found dead in a ditch.", [("killed", 2, "exact", None)]),
    ("Seven detainees succumbed in custody.", [("killed", 7, "exact", "detainees")]),
    ("The bodies of three men were found by a river.", [("killed", 3, "exact", None)]),
    ("The operation ended, leaving 6 IS fighters dead.", [("killed", 6, "exact", "fighters")]),
    ("21 civilians killed over the weekend.", [("killed", 21, "exact", "civilians")]),
]


@pytest.mark.parametrize(("text", "expected"), AFTER)
def test_words_after_the_number(text: str, expected: Expected) -> None:
    _check(text, expected)


# ---------------------------------------------------------- words before the number

BEFORE: list[tuple[str, Expected]] = [
    ("Gunmen opened fire, killing between 2 and 4 guards.", [("killed", 3, "range", None)]),
    ("The shell killed a family of four.", [("killed", 4, "exact", None)]),
    ("Insurgents assassinated 2 officials in the market.", [("killed", 2, "exact", None)]),
    (
        "The airstrike killed 5 fighters and 2 civilians.",
        [("killed", 5, "exact", "fighters"), ("killed", 2, "exact", "civilians")],
    ),
    ("The mortar round killed 2 Syrian children.", [("killed", 2, "exact", "children")]),
    (
        "The fighting has driven tens of thousands of people from their homes.",
        [("displaced", 20000, "about", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE)
def test_words_before_the_number(text: str, expected: Expected) -> None:
    _check(text, expected)


# ------------------------------------------------ singular noun phrases count one person

NOUN_PHRASES: list[tuple[str, Expected]] = [
    ("A farmer was found dead near the well.", [("killed", 1, "exact", None)]),
    ("Gunmen fired on the market, killing a civilian.", [("killed", 1, "exact", "civilians")]),
    ("A prisoner was stabbed to death in the yard.", [("killed", 1, "exact", None)]),
    ("A 30-year-old shepherd was killed by a mine.", [("killed", 1, "exact", None)]),
    ("A district official of the party was beaten to death.", [("killed", 1, "exact", None)]),
    ("Police shot dead a suspect at the roadblock.", [("killed", 1, "exact", None)]),
    ("Another soldier died of his wounds.", [("killed", 1, "exact", "fighters")]),
    ("A fourth passenger died later in hospital.", [("killed", 1, "exact", None)]),
    ("Witnesses said that one person was killed.", [("killed", 1, "exact", None)]),
    ("The body of a young woman was discovered in a car.", [("killed", 1, "exact", "women")]),
    ("The shooting led to the death of a teenager.", [("killed", 1, "exact", None)]),
    ("The sniper killed a Police Sub-Inspector.", [("killed", 1, "exact", None)]),
    (
        "A trader and his son were killed.",
        [("killed", 1, "exact", None), ("killed", 1, "exact", None)],
    ),
    (
        "Troops fired on the van, killing a teacher and her daughter.",
        [("killed", 1, "exact", None), ("killed", 1, "exact", None)],
    ),
    (
        "Her husband was killed and her son wounded.",
        [("killed", 1, "exact", None), ("wounded", 1, "exact", None)],
    ),
    ("A journalist was shot and injured.", [("wounded", 1, "exact", None)]),
    ("A soldier was captured at the border.", [("detained", 1, "exact", "fighters")]),
    # Definite phrases count only when nobody of that kind was counted before.
    ("The victim died in hospital.", [("killed", 1, "exact", None)]),
    ("Soldiers stopped the car and shot him dead.", [("killed", 1, "exact", None)]),
    (
        "A man was killed in the square. The victim was a teacher who died at once.",
        [("killed", 1, "exact", None)],
    ),
    (
        "A man was shot on Monday. The victim died later.",
        [("killed", 1, "exact", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOUN_PHRASES)
def test_singular_noun_phrases(text: str, expected: Expected) -> None:
    _check(text, expected)


def test_a_noun_phrase_is_the_count_and_the_evidence_slices_the_text() -> None:
    text = "On Friday, rebels attacked the post, killing an Afghan soldier."
    (event,) = dd.extract(text)
    assert isinstance(event, CasualtyFigure)
    assert event.count.text == "an Afghan soldier"
    (span,) = event.evidence
    assert span.text == "killing an Afghan soldier" == text[span.start : span.end]


# ------------------------------------------------------------------------ negatives

NEGATIVES: list[tuple[str, Expected]] = [
    # Not tolls: ages, years, troops sent, firms, money, vehicles.
    ("A man aged 60 was arrested in 2019.", [("detained", 1, "exact", None)]),
    ("The army deployed 300 troops to the city.", []),
    ("40 foreign firms were affected by the sanctions.", []),
    ("The ministry paid 40 million dollars to the families.", []),
    ("5 LNA armoured vehicles were destroyed.", []),
    (
        "5 vehicles were destroyed and 3 soldiers killed.",
        [("killed", 3, "exact", "fighters")],
    ),
    ("3 Israeli airstrikes killed 5 people.", [("killed", 5, "exact", None)]),
    # The number counts the killers: an active verb with an object.
    ("2 gunmen killed a man.", [("killed", 1, "exact", None)]),
    ("Three gunmen killed the driver.", [("killed", 1, "exact", None)]),
    ("A gunman killed 5 people.", [("killed", 5, "exact", None)]),
    # A crime someone is accused of, or a threat.
    ("He was accused of killing 5 people.", []),
    ("The rebels threatened to kill 3 hostages.", []),
    # One number for several kinds: how many of each is not said.
    ("3 militants were killed, wounded or captured.", []),
    ("Troops killed or injured 4 fighters.", []),
    ("The shelling went on for hours, killing and wounding dozens of fighters.", []),
    # Noun phrases outside a casualty context, or not naming one person.
    ("A number of fighters were killed.", []),
    ("A spokesman said the talks would resume.", []),
    ("The court sentenced a man to death.", []),
    ("The court sentenced 5 people to death.", []),
    ("The woman who was killed last year was buried on Friday.", []),
    ("The killing of a journalist sparked protests.", []),
    ("A car bomb exploded near the hotel.", []),
    ("Volunteers have driven 40 patients to the hospital.", []),
    ("One of the leaders met the envoy.", []),
]


@pytest.mark.parametrize(("text", "expected"), NEGATIVES)
def test_what_is_not_a_toll(text: str, expected: Expected) -> None:
    _check(text, expected)


def test_the_extractor_is_versioned() -> None:
    assert EXTRACTOR == "casualties.v2"


# ---------------------------------------------------------------------- linear time

SIZE = 200_000  # characters; a pattern that backtracks badly would take minutes


@pytest.mark.parametrize(
    "unit",
    [
        "a ",
        "a man ",
        "killing a ",
        "the victim died ",
        "the body of ",
        "two men including ",
        "pro-Houthi ",
        "a x-x-x-x-x-",
        "5 Taliban Taliban Taliban ",
        "killed or ",
        "a man aged ",
        "a member of the ",
        "him ",
        "and a man ",
    ],
)
def test_adversarial_noun_phrases(unit: str) -> None:
    text = (unit * (SIZE // len(unit) + 1))[:SIZE]
    for event in dd.extract(text):
        for span in event.evidence:
            assert text[span.start : span.end] == span.text


# ------------------------------------------------ cheap tests before the patterns

_WORDY = st.lists(
    st.sampled_from(
        [
            "a",
            "an",
            "the",
            "The",
            "A",
            "his",
            "her",
            "Her",
            "him",
            "HIM",
            "their",
            "one",
            "another",
            "man",
            "MAN",
            "woman",
            "victim",
            "soldier",
            "civilians",
            "people",
            "Afghan",
            "pro-Houthi",
            "police-man",
            "son's",
            "killed",
            "KILLED",
            "killing",
            "wounded",
            "displaced",
            "forced",
            "driven",
            "leaving",
            "left",
            "claimed the lives of",
            "death toll",
            "Toll",
            "number of dead",
            "resulted in the deaths of",
            "shot dead",
            "gunned down",
            "rose to",
            "at least",
            "body of",
            "were found",
            "among the dead",
            "AMONG",
            "so far",
            "In Total",
            "since",
            "cumulative",
            "has risen to",
            "put the TOLL at",
            "displacement figure",
            "number of people killed",
            "among",
            "civilian toll",
            "displacement tolls",
            "of them",
            "and",
            "or",
            ",",
            ".",
            ". ",
            "\n",
            "5",
            "430",
            "two",
            "dozens",
            "x",
            "ſ",
            "ı",
            "İ",
            "K",
            "ſon",
            "kıll",
            "é",
            "_",
            "'",
        ]
    ),
    max_size=40,
)


def _casualty_scan(text: str, gated: bool) -> tuple[object, ...]:
    t = Text(text)
    norm, sentences, counts = t.norm, t.sentences, find_counts(t.norm)
    lower = casualties._lowered(norm) if gated else None
    phrases = casualties._noun_phrases(norm, lower, sentences, counts, t.runs if gated else None)
    classified = [
        casualties._classify(norm, lower, sentence, phrase)
        for sentence in sentences
        for phrase in [casualties._Phrase(c) for c in counts] + phrases
    ]
    return phrases, classified


@settings(max_examples=300, deadline=None)
@given(st.one_of(_WORDY.map(" ".join), _WORDY.map("".join), st.text(max_size=200)))
@example("A man was killed. The victim died; 5 ſoldiers killed 2. ſon of İ kılled 3")
@example("Killing a teacher and her daughter; the death toll rose to 56")
@example("The civilian toll rose to 56 and 3 were AMONG the dead")
def test_cheap_tests_find_what_the_patterns_alone_find(text: str) -> None:
    # _noun_phrases skips sentences with no head noun, _classify skips the _LEFT search
    # where no _LEFT word is in the window (and starts it at the first word a match can
    # start with), the _AMONG match where "among" is not in the window and the _RIGHT_*
    # matches where no casualty word is: none may change what is found.
    assert _casualty_scan(text, gated=True) == _casualty_scan(text, gated=False)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_WORDY.map(" ".join), _WORDY.map("".join), st.text(max_size=200)))
@example("So far 5 were killed. The number of dead has risen to 56; 3 died in total.")
@example(
    "The displacement figure was put at 3,000. 4 people died since the start of the offensive."
)
def test_find_casualties_is_the_same_without_the_cheap_tests(text: str) -> None:
    # Without the lower-case text (as for the odd letters) no cheap test is made at all.
    t = Text(text)
    counts, dates = find_counts(t.norm), find_dates(t.norm)
    gated = casualties.find_casualties(t.norm, t.sentences, counts, dates, [], t.runs)
    with patch.object(casualties, "_lowered", lambda norm: None):
        ungated = casualties.find_casualties(t.norm, t.sentences, counts, dates, [])
    assert gated == ungated


_LEFT_WORDS = [
    "killed", "killing", "kill", "wounding", "injured", "displacing", "uprooted", "forced",
    "driven", "drove", "pushed", "detained", "arrested", "abducted", "kidnapped", "evacuated",
    "leaving", "left", "claimed the lives of", "assassinated", "murdered", "executed", "lynched",
    "beheaded", "massacred", "slaughtered", "shot dead", "gunned down", "the death toll rose to",
    "the toll stood at", "the number of dead rose to", "fatalities reached", "casualties rose to",
    "it resulted in the deaths of", "led to the deaths of", "leading to the death of",
    "causing the deaths of", "it left the deaths of", "leaving the deaths of", "tolls of",
    "the number of dead was", "the civilian toll rose to", "a displacement toll of",
    "the casualty toll reached", "death tolls of", "civilian tolls stood at",
]  # fmt: skip


_TRIGGER_WORDS = [
    "killed", "dead", "died", "deaths", "fatalities", "fatality", "slain", "lives",
    "lost their lives", "murdered", "assassinated", "executed", "lynched", "beheaded",
    "massacred", "perished", "succumbed", "shot dead", "gunned down", "stabbed to death",
    "burnt to death", "fatally wounded", "wounded", "injured", "injuries", "hurt", "displaced",
    "fled", "uprooted", "homeless", "evacuated", "missing", "unaccounted", "disappeared",
    "detained", "arrested", "abducted", "kidnapped", "captured", "affected",
    "forced to flee", "forced from their homes",
]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        *(f"In all 5 soldiers were {w}." for w in _TRIGGER_WORDS),
        *(f"5 {w.upper()}; 3 MEN {w.upper()}." for w in _TRIGGER_WORDS),
        *(f"Fighting {w} 5 people from their homes." for w in _LEFT_WORDS),
        *(f"FIGHTING {w.upper()} 5 PEOPLE." for w in _LEFT_WORDS),
        *(f"Gunmen shot a {w} and the {w} died." for w in sorted(_NOUN_PHRASE_WORDS)),
        *(f"A {w.upper()} WAS KILLED." for w in sorted(_NOUN_PHRASE_WORDS)),
        "Gunmen shot him dead.",
        "A ſoldier was killed.",
        "A vıctim died.",
        "A vİctim died.",
        "ſhot dead 5 people.",
        "Fighting kılled 5 people.",
        "Two children were AMONG THE DEAD; 3 soldiers were among the wounded.",
        "5 civilians, among them children, were among the dead.",
        "The civilian toll 5 rose; the civilian toll rose to 7.",
    ],
)
def test_cheap_tests_find_what_the_patterns_alone_find_for_every_word(text: str) -> None:
    assert _casualty_scan(text, gated=True) == _casualty_scan(text, gated=False)
