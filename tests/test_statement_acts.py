"""Statements: the act read from what is said, as families of wordings.

A plain "said" carries no act: the words said do. Each family below is a way a reporter
writes an appeal, a threat, a warning, a denial or a claim without a verb that names it,
and an opinion that is no announcement. All sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplodata.article import Article
from diplodata.extract._statement_content import _classify
from diplodata.extract.groundwork import prepare
from diplodata.extract.statements import statement_events
from diplodata.models import Act

CLAUSES: list[tuple[str, Act]] = [
    # appeal: the speaker appeals, urges or calls in the first person, or proposes ("should")
    ("I appeal to both camps for an end to the shelling", Act.APPEAL),
    ("We appealed for calm in the capital", Act.APPEAL),
    ("We urge the parties to return to the table", Act.APPEAL),
    ("I call on every faction to lay down its weapons", Act.APPEAL),
    ("The two cities should be placed under civilian control", Act.APPEAL),
    ("the talks should resume without preconditions", Act.APPEAL),
    # threat: the speaker's side will use force or punish
    ("Anyone who breaks the truce will meet a decisive response", Act.THREAT),
    ("Those who fire first can expect a severe response from our units", Act.THREAT),
    ("we will not hesitate to defend our borders", Act.THREAT),
    ("We will teach the invaders a lesson they will not forget", Act.THREAT),
    ("attackers will face the consequences", Act.THREAT),
    ("a push on the port would trigger an Egyptian military intervention", Act.THREAT),
    ("any move on the oil fields would bring Cairo into the war", Act.THREAT),
    # warning: a danger the speaker does not control
    ("Time is running out. Every delay pushes peace further out of reach", Act.WARNING),
    ("We are racing against the clock", Act.WARNING),
    ("the country was on the brink of a wider war", Act.WARNING),
    ("civilians in the south were at risk", Act.WARNING),
    ("the fighting could spiral into a regional conflict", Act.WARNING),
    ("the humanitarian situation is catastrophic", Act.WARNING),
    # denial: the speaker's side has no part in what is alleged
    ("If such fighters exist, they do not speak for our government", Act.DENIAL),
    ("the men in question did not work for the ministry", Act.DENIAL),
    ("Our army has nothing to do with the shelling", Act.DENIAL),
    # claim: an assertion that the sides are bound
    ("Every delegation has committed to the arms embargo", Act.CLAIM),
    ("the parties had committed themselves to a political process", Act.CLAIM),
    # an opinion about the speaker's own state of mind is a comment, not an announcement
    ("he was not happy about the proposal", Act.COMMENT),
    ("she was disappointed by the result", Act.COMMENT),
    ("they were confident of a deal", Act.COMMENT),
    # ... while the speaker's side's intention stays an announcement
    ("he was ready to sign the agreement", Act.ANNOUNCEMENT),
    ("we will open the airport on Monday", Act.ANNOUNCEMENT),
]


@pytest.mark.parametrize(("clause", "act"), CLAUSES)
def test_the_act_of_what_is_said(clause: str, act: Act) -> None:
    assert _classify(clause) is act


@pytest.mark.parametrize(("clause", "act"), CLAUSES)
def test_the_act_is_the_same_outside_ascii(clause: str, act: Act) -> None:
    """Text with a non-ASCII character goes through the case-blind patterns: same act."""
    assert _classify(clause + " — ") is act


def test_a_quote_that_goes_on_to_threaten_makes_the_remark_a_threat() -> None:
    text = (
        "Ahmed al-Mismari, the army's spokesman, announced on Monday that its units would stop "
        'firing at midnight. "Whoever breaks the truce will face a decisive response," '
        "he added."
    )
    events = statement_events(prepare(Article(text=text, published="2019-04-12")))
    acts = [s.act for s in events]
    assert Act.THREAT in acts


def test_a_plain_said_with_a_threat_in_a_quote() -> None:
    text = (
        '"If the shelling of the capital goes on, we will not hesitate to respond," '
        "Khalifa Haftar said on Tuesday."
    )
    events = statement_events(prepare(Article(text=text, published="2019-04-12")))
    assert [(s.act, s.direct_quote) for s in events] == [(Act.THREAT, True)]


Expected = tuple[str, str, bool, str]  # speaker, act, direct_quote, content


def _brief(text: str) -> list[Expected]:
    events = statement_events(prepare(Article(text=text, published="2019-04-12")))
    return [(s.speaker.name, s.act.value, s.direct_quote, s.content) for s in events]


READINGS: list[tuple[str, list[Expected]]] = [
    (  # "rejected" with the claim it denies named first, no determiner
        "Khalifa Haftar rejected accusations that his forces had shelled the port.",
        [
            (
                "Khalifa Haftar",
                "denial",
                False,
                "rejected accusations that his forces had shelled the port",
            )
        ],
    ),
    (
        "Fayez al-Sarraj rejected allegations of a rift with his deputy.",
        [("Fayez al-Sarraj", "denial", False, "rejected allegations of a rift with his deputy")],
    ),
    (  # a "that" after a clause of its own is inside the content, not its start
        "Ghassan Salamé said the delegations had accepted that the war had no military solution.",
        [
            (
                "Ghassan Salamé",
                "claim",
                False,
                "the delegations had accepted that the war had no military solution",
            )
        ],
    ),
    (  # ... while a "that" after a time or a channel starts it
        "Ghassan Salamé told reporters in Geneva on Sunday that progress was made.",
        [("Ghassan Salamé", "claim", False, "progress was made")],
    ),
    (  # "said X, but that Y": one complement of "said", in two parts
        "Sergei Lavrov said the negotiations had moved forward, but that the marshal wanted "
        "more time.",
        [
            (
                "Sergei Lavrov",
                "claim",
                False,
                "the negotiations had moved forward, but that the marshal wanted more time",
            )
        ],
    ),
    (  # "..., but said Y" is still a second remark
        "Khalifa Haftar welcomed the plan, but said the militias had to go.",
        [
            ("Khalifa Haftar", "support", False, "welcomed the plan"),
            ("Khalifa Haftar", "demand", False, "the militias had to go"),
        ],
    ),
    (  # a title after a determiner between a quotation and its speaker
        '"Our units did not fire on the convoy," its spokesman Ahmed al-Mismari said on Monday.',
        [("Ahmed al-Mismari", "denial", True, "Our units did not fire on the convoy")],
    ),
    (
        '"We will not withdraw," the army\'s spokesman Ahmed al-Mismari said.',
        [("Ahmed al-Mismari", "announcement", True, "We will not withdraw")],
    ),
    (  # ", and he VERB": a second remark by the same speaker, with its own act
        "António Guterres condemned the shelling, and he insisted on an inquiry.",
        [
            ("António Guterres", "condemnation", False, "condemned the shelling"),
            ("António Guterres", "demand", False, "insisted on an inquiry"),
        ],
    ),
    (  # "VERB ... and said: QUOTE": the quotation belongs to "said", not to the first verb
        'Khalifa Haftar backed the plan and said: "The militias must disarm."',
        [
            ("Khalifa Haftar", "support", False, "backed the plan"),
            ("Khalifa Haftar", "demand", True, "The militias must disarm"),
        ],
    ),
    (  # "said on Friday, in a statement ..., that ...": the "that" after an aside
        "António Guterres said on Friday, in a statement read by his spokesman, that he "
        "welcomed the pledge.",
        [("António Guterres", "support", False, "he welcomed the pledge")],
    ),
    (
        "Khalifa Haftar said, however, that the talks had failed.",
        [("Khalifa Haftar", "comment", False, "the talks had failed")],
    ),
    (  # ", the day ...": an apposition to the time, left out with the date
        "António Guterres welcomed the pledge on May 3, the day it was signed.",
        [("António Guterres", "support", False, "welcomed the pledge")],
    ),
    (  # a denial and then who was to blame: two acts, two statements
        "Khalifa Haftar rejected accusations that his forces had shelled the port. He said "
        "the militias were responsible.",
        [
            (
                "Khalifa Haftar",
                "denial",
                False,
                "rejected accusations that his forces had shelled the port",
            ),
            ("Khalifa Haftar", "claim", False, "the militias were responsible"),
        ],
    ),
    (  # ... and "not responsible" stays a denial
        "Khalifa Haftar said his forces were not to blame and were not responsible.",
        [
            (
                "Khalifa Haftar",
                "denial",
                False,
                "his forces were not to blame and were not responsible",
            )
        ],
    ),
    (  # a body named inside a person's title, with its own relative clause, is not the speaker
        "Aguila Saleh, the speaker of the House of Representatives, which sits in Tobruk, "
        "backed the plan.",
        [("Aguila Saleh", "support", False, "backed the plan")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_readings_of_the_clause(text: str, expected: list[Expected]) -> None:
    assert _brief(text) == expected


def test_a_quotation_takes_the_date_of_the_sentence_that_sets_its_scene() -> None:
    text = (
        "Khalifa Haftar, the commander of the army, on Sunday poured scorn on the truce. "
        '"What was signed in Rome changes nothing," he said.'
    )
    (event,) = statement_events(prepare(Article(text=text, published="2019-04-12")))
    assert event.direct_quote
    assert (event.when.text, event.when.earliest) == ("on Sunday", dt.date(2019, 4, 7))


def test_no_scene_date_from_a_sentence_with_two_dates_or_another_speaker() -> None:
    two = (
        "Khalifa Haftar on Sunday recalled the talks held on Friday. "
        '"What was signed in Rome changes nothing," he said.'
    )
    other = (
        "Fayez al-Sarraj on Sunday poured scorn on the truce. "
        '"What was signed in Rome changes nothing," Khalifa Haftar said.'
    )
    for text in (two, other):
        (event,) = statement_events(prepare(Article(text=text, published="2019-04-12")))
        assert event.when.text is None
