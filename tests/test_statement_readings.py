"""Statements (extractor ``statements.v1``): readings that longer wire stories need.

Acts named by verbs of concern and commitment, channels that are reports, clauses that
continue a sentence, quotations that go on in the next sentence, and dates counted from
another event. All sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplodata.article import Article
from diplodata.extract.groundwork import prepare
from diplodata.extract.statements import statement_events
from diplodata.models import Statement

Expected = tuple[str, str, bool, str]  # speaker, act, direct_quote, content


def _statements(text: str, published: str | None = "2019-04-12") -> list[Statement]:
    return statement_events(prepare(Article(text=text, published=published)))


def _brief(text: str) -> list[Expected]:
    return [(s.speaker.name, s.act.value, s.direct_quote, s.content) for s in _statements(text)]


# ----------------------------------------------------------- verbs of the act

VERBS: list[tuple[str, list[Expected]]] = [
    (  # a fear voiced is a warning
        "Ghassan Salamé, the UN envoy for Libya, has voiced fears of a wider war in the south.",
        [("Ghassan Salamé", "warning", False, "voiced fears of a wider war in the south")],
    ),
    (
        "The World Health Organization expressed concern about the shortage of medicines.",
        [
            (
                "World Health Organization",
                "warning",
                False,
                "expressed concern about the shortage of medicines",
            )
        ],
    ),
    (  # a pledge takes the act of what is pledged ...
        "Recep Tayyip Erdoğan pledged to step up military support for the Tripoli government.",
        [
            (
                "Recep Tayyip Erdoğan",
                "support",
                False,
                "pledged to step up military support for the Tripoli government",
            )
        ],
    ),
    (
        "Khalifa Haftar promised to crush the militias in the capital.",
        [("Khalifa Haftar", "threat", False, "promised to crush the militias in the capital")],
    ),
    (  # ... and is otherwise an announcement
        "Fayez al-Sarraj pledged to hold elections before the end of the year.",
        [
            (
                "Fayez al-Sarraj",
                "announcement",
                False,
                "pledged to hold elections before the end of the year",
            )
        ],
    ),
    (  # dismissing a charge is a denial, as rejecting one is
        "The Libyan National Army dismissed the accusations as propaganda.",
        [
            (
                "Libyan National Army",
                "denial",
                False,
                "dismissed the accusations as propaganda",
            )
        ],
    ),
    (  # reiterating support is support
        "Emmanuel Macron reiterated France's support for the UN envoy.",
        [("Emmanuel Macron", "support", False, "reiterated France's support for the UN envoy")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERBS)
def test_acts_named_by_verbs_of_concern_and_commitment(text: str, expected: list[Expected]) -> None:
    assert _brief(text) == expected


# ------------------------------------------------------- channels and tails

TOLL_REPORTS = [
    # a report named as the channel of a toll is no statement of its own
    "As of May 3, about 12,000 people had fled their homes and 15 civilians had been killed, "
    "the UN Office for the Coordination of Humanitarian Affairs said in a situation report.",
    "The World Health Organization said in its latest update that 88 people had been killed.",
    # "said, giving ...": what was said is the toll before the verb
    "The fighting has killed 310 people since April 4, the World Health Organization said, "
    "giving figures as of May 2.",
]


@pytest.mark.parametrize("text", TOLL_REPORTS)
def test_a_toll_reported_in_a_report_is_no_statement(text: str) -> None:
    assert _brief(text) == []


def test_a_report_is_a_channel() -> None:
    [s] = _statements(
        "Both sides must pull back within a week, the United Nations Support Mission in Libya "
        "said in a report to the Security Council."
    )
    assert s.speaker.name == "United Nations Support Mission in Libya"
    assert (s.act.value, s.content) == ("demand", "Both sides must pull back within a week")
    assert s.attribution == "in a report to the Security Council"
    [s] = _statements(
        "Ghassan Salamé said the humanitarian situation was deteriorating in a report to the "
        "Security Council."
    )
    assert s.content == "the humanitarian situation was deteriorating"


# ------------------------------------------------------- acts read from words

CONTENT: list[tuple[str, list[Expected]]] = [
    (  # pressing someone to act is an appeal
        "Rome has pressed both sides to return to the table, the Italian foreign ministry "
        "said on Monday.",
        [
            (
                "Italian Ministry of Foreign Affairs and International Cooperation",
                "appeal",
                False,
                "Rome has pressed both sides to return to the table",
            )
        ],
    ),
    (  # recognising someone's role is support, as acknowledging it is
        "The White House said that Donald Trump had recognised \"the army's key role in "
        'fighting terrorism".',
        [("The White House", "support", True, "the army's key role in fighting terrorism")],
    ),
    (  # "trusts" as "trust"
        '"He trusts the envoy completely," the spokesman Stéphane Dujarric said.',
        [("Stéphane Dujarric", "support", True, "He trusts the envoy completely")],
    ),
    (  # saying that it carried out a strike is a claim of it
        "The Libyan National Army said it had carried out the strike on the airport.",
        [
            (
                "Libyan National Army",
                "claim",
                False,
                "it had carried out the strike on the airport",
            )
        ],
    ),
    (  # ... and saying that it did not is a denial
        "The Libyan National Army said it did not carry out the strike.",
        [("Libyan National Army", "denial", False, "it did not carry out the strike")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTENT)
def test_acts_read_from_what_is_said(text: str, expected: list[Expected]) -> None:
    assert _brief(text) == expected


def test_support_and_the_quote_that_follows_are_one_remark() -> None:
    # one remark, one statement: the act of the paraphrase, the words of the quotation
    [s] = _statements(
        "Ghassan Salamé welcomed the agreement on Thursday in a statement. "
        '"Both sides have shown courage," he said.'
    )
    assert (s.speaker.name, s.act.value, s.direct_quote) == ("Ghassan Salamé", "support", True)
    assert s.content == "Both sides have shown courage"
    assert s.when.text == "on Thursday" and s.when.earliest == dt.date(2019, 4, 11)
    # a quote whose act differs stays a statement of its own
    assert [
        (s.act.value, s.direct_quote)
        for s in _statements(
            "Ghassan Salamé welcomed the agreement on Thursday. "
            '"Both sides must now respect it," he said.'
        )
    ] == [("support", False), ("demand", True)]


# ------------------------------------------------------------------- dates

COUNTED: list[tuple[str, str, dt.date | None]] = [
    (
        "On April 2, Fayez al-Sarraj announced a general mobilisation. Nine days later, "
        "Khalifa Haftar vowed to take the capital.",
        "Nine days later",
        dt.date(2019, 4, 11),
    ),
    (
        "Khalifa Haftar met Giuseppe Conte in Rome on April 4. Conte said the same day that "
        "Italy wanted a truce.",
        "the same day",
        dt.date(2019, 4, 4),
    ),
    (  # a count from a counted day
        "Ghassan Salamé met Khalifa Haftar on April 1. Two days later, Haftar said that his "
        "forces would advance. The next day, Fayez al-Sarraj said that the talks were dead.",
        "The next day",
        dt.date(2019, 4, 4),
    ),
    (
        "Khalifa Haftar met Abdel Fattah el-Sisi on April 8. Two days earlier, Haftar had "
        "vowed to take the capital.",
        "Two days earlier",
        dt.date(2019, 4, 6),
    ),
    (  # the event before names no single day: no day to count from
        "The fighting grew in March. The same day, Khalifa Haftar vowed to take the capital.",
        "The same day",
        None,
    ),
    (  # "two days after the strike" counts from the strike, which the text does not date
        "Khalifa Haftar met Giuseppe Conte on April 2. Fayez al-Sarraj vowed to fight on "
        "two days after the air strike.",
        "two days after",
        None,
    ),
]


@pytest.mark.parametrize(("text", "phrase", "day"), COUNTED)
def test_a_day_counted_from_the_event_before(text: str, phrase: str, day: dt.date | None) -> None:
    s = _statements(text)[-1]
    assert s.when.text == phrase
    assert (s.when.earliest, s.when.latest) == (day, day)


def test_after_their_talks_is_the_day_of_the_talks() -> None:
    s = _statements(
        "Recep Tayyip Erdoğan received Fayez al-Sarraj in Ankara on April 4. After their "
        "talks, Erdoğan pledged to step up support for the Tripoli government."
    )[-1]
    assert (s.speaker.name, s.act.value) == ("Recep Tayyip Erdoğan", "support")
    assert s.when.text == "After their talks" and s.when.earliest == dt.date(2019, 4, 4)
    s = _statements(
        "The two delegations signed the ceasefire in Geneva on Tuesday. Ghassan Salamé said "
        "after the signing that the deal was historic."
    )[-1]
    assert s.when.earliest == s.when.latest == dt.date(2019, 4, 9)


def test_a_date_in_a_who_clause_is_not_the_date_of_the_remark() -> None:
    [s] = _statements(
        "António Guterres, who was in Tripoli when the offensive began in April, "
        "condemned the air strike."
    )
    assert s.when.text is None


# ---------------------------------------------------------- where a clause ends

CLAUSES: list[tuple[str, str]] = [
    (  # a condition is part of what was said
        "Khalifa Haftar said he was ready to sign a truce, as long as the militias respected it.",
        "he was ready to sign a truce, as long as the militias respected it",
    ),
    (  # a circumstance is not
        "Fayez al-Sarraj said the offensive had failed, as the fighting went on.",
        "the offensive had failed",
    ),
    (  # ", and" with a subject of its own starts another clause
        "Fayez al-Sarraj accused France of siding with Khalifa Haftar, and Paris has long "
        "kept close ties with the commander.",
        "accused France of siding with Khalifa Haftar",
    ),
    (  # ... but a list of addressees goes on
        "Mike Pompeo urged Khalifa Haftar, Fayez al-Sarraj, and Aguila Saleh to talk.",
        "urged Khalifa Haftar, Fayez al-Sarraj, and Aguila Saleh to talk",
    ),
]


@pytest.mark.parametrize(("text", "content"), CLAUSES)
def test_where_the_paraphrased_clause_ends(text: str, content: str) -> None:
    [s] = _statements(text)
    assert s.content == content


# ---------------------------------------------- a verb that continues a sentence

CONTINUED: list[tuple[str, Expected, str | None]] = [
    (  # a phrase between "and" and the verb
        "Emmanuel Macron received Fayez al-Sarraj on April 8, and at that meeting called for "
        "an unconditional ceasefire.",
        ("Emmanuel Macron", "appeal", False, "called for an unconditional ceasefire"),
        "on April 8",
    ),
    (  # a sentence opened by a date phrase: its subject speaks; a quotation after "told him:"
        'Last week, Giuseppe Conte received Khalifa Haftar in Rome, and told him: "Italy wants '
        'a truce. After that, we want elections."',
        (
            "Giuseppe Conte",
            "appeal",
            True,
            "Italy wants a truce. After that, we want elections",
        ),
        "Last week",
    ),
    (  # two phrases before the subject
        "Two days earlier, on April 6, Abdel Fattah el-Sisi hosted Khalifa Haftar in Cairo and "
        "proposed a ceasefire from April 10.",
        ("Abdel Fattah el-Sisi", "appeal", False, "proposed a ceasefire from April 10"),
        "on April 6",
    ),
]


@pytest.mark.parametrize(("text", "expected", "when"), CONTINUED)
def test_a_verb_that_continues_its_sentence(
    text: str, expected: Expected, when: str | None
) -> None:
    [s] = _statements(text)
    assert (s.speaker.name, s.act.value, s.direct_quote, s.content) == expected
    assert s.when.text == when


# ------------------------------------------ a quotation that goes on by itself

LONE_QUOTES: list[tuple[str, list[Expected]]] = [
    (  # the second piece of the quotation before it
        '"Sirte is a red line," Abdel Fattah el-Sisi said on Saturday. "Whoever crosses it '
        'will regret it."',
        [
            (
                "Abdel Fattah el-Sisi",
                "threat",
                True,
                "Sirte is a red line ... Whoever crosses it will regret it",
            )
        ],
    ),
    (  # after a quotation of two sentences
        '"Sirte is a red line. We mean it," Abdel Fattah el-Sisi said. "Nobody should test us."',
        [
            (
                "Abdel Fattah el-Sisi",
                "threat",
                True,
                "Sirte is a red line. We mean it ... Nobody should test us",
            )
        ],
    ),
    (  # the words of the paraphrased remark before it
        'Khalifa Haftar vowed on Thursday to fight on. "We will take Tripoli."',
        [("Khalifa Haftar", "threat", True, "We will take Tripoli")],
    ),
    (  # a quotation with a speaker of its own is that speaker's
        '"Sirte is a red line," Abdel Fattah el-Sisi said. "Nobody wants war," Fayez al-Sarraj '
        "said.",
        [
            ("Abdel Fattah el-Sisi", "threat", True, "Sirte is a red line"),
            ("Fayez al-Sarraj", "comment", True, "Nobody wants war"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONE_QUOTES)
def test_a_lone_quotation_goes_on_with_the_remark_before(
    text: str, expected: list[Expected]
) -> None:
    assert _brief(text) == expected


def test_a_lone_quotation_is_evidence_of_the_remark() -> None:
    text = '"Sirte is a red line," Abdel Fattah el-Sisi said. "Whoever crosses it will regret it."'
    [s] = _statements(text)
    assert [e.text for e in s.evidence][-1] == "Whoever crosses it will regret it"
    assert all(text[e.start : e.end] == e.text for e in s.evidence)


# ----------------------------------------------------------------- speakers

APPOSED: list[tuple[str, str]] = [
    (  # a title before the name: the person named in apposition speaks, not the body
        "The commander of the Libyan National Army, Khalifa Haftar, warned that the fighting "
        "would go on.",
        "Khalifa Haftar",
    ),
    ("Haftar's rival, Fayez al-Sarraj, said the offensive had failed.", "Fayez al-Sarraj"),
    ("The UN envoy, Ghassan Salamé, on Monday urged both sides to talk.", "Ghassan Salamé"),
]


@pytest.mark.parametrize(("text", "speaker"), APPOSED)
def test_the_person_named_in_apposition_speaks(text: str, speaker: str) -> None:
    [s] = _statements(text)
    assert s.speaker.name == speaker


SUBJECTS: list[tuple[str, list[tuple[str, str]]]] = [
    (  # a verb after an apposition has its speaker on the left, not in its object
        "Fayez al-Sarraj, the head of the Tripoli government, accused France on Wednesday of "
        "backing Khalifa Haftar.",
        [("Fayez al-Sarraj", "condemnation")],
    ),
    (  # "X, speaking ..., said Turkey would ...": X speaks, and "He" goes on with X
        "Recep Tayyip Erdoğan, speaking alongside Fayez al-Sarraj on Thursday, said Turkey "
        "would step up its support. He described Khalifa Haftar as a war criminal.",
        [("Recep Tayyip Erdoğan", "support"), ("Recep Tayyip Erdoğan", "condemnation")],
    ),
    (  # the inverted layout after a clause still reads its speaker on the right
        "The offensive on Tripoli must stop at once, said Ghassan Salamé, the UN envoy.",
        [("Ghassan Salamé", "demand")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECTS)
def test_the_speaker_left_of_a_verb_after_a_comma(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s.speaker.name, s.act.value) for s in _statements(text)] == expected


def test_a_remark_in_a_relative_clause_does_not_take_the_main_clause_date() -> None:
    [s] = _statements(
        "Fayez al-Sarraj travels to Paris on Wednesday to meet Emmanuel Macron, whose "
        "government he has accused of siding with Khalifa Haftar."
    )
    assert (s.speaker.name, s.act.value) == ("Fayez al-Sarraj", "condemnation")
    assert s.when.text is None
    [s] = _statements(  # the clause's own date is kept
        "The talks on Monday followed a period of tension with Fayez al-Sarraj, who last "
        "month accused Paris of backing Haftar."
    )
    assert s.when.text == "last month"


@pytest.mark.parametrize(
    "text",
    [
        "Fayez al-Sarraj dismissed the head of the central bank on Monday.",
        "Fayez al-Sarraj dismissed his interior minister.",
        "Fayez al-Sarraj dismissed Khalifa Haftar as commander.",
    ],
)
def test_dismissing_someone_from_office_is_no_statement(text: str) -> None:
    assert _brief(text) == []
