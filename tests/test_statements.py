"""Statements (extractor ``statements.v1``): layouts, acts, speakers, evidence, robustness."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplodata.article import Article
from diplodata.extract.groundwork import prepare
from diplodata.extract.statements import EXTRACTOR, MAX_QUOTE, statement_events
from diplodata.models import Statement
from diplodata.ontology import codes_for_statement

Expected = tuple[str, str, bool, str]  # speaker, act, direct_quote, content


def _statements(text: str, published: str | None = "2019-04-12") -> list[Statement]:
    return statement_events(prepare(Article(text=text, published=published)))


def _brief(text: str) -> list[Expected]:
    return [(s.speaker.name, s.act.value, s.direct_quote, s.content) for s in _statements(text)]


# --------------------------------------------------------------- quote layouts

QUOTES: list[tuple[str, list[Expected]]] = [
    (  # "...," X said.
        '"Libya\'s future will not be decided on the battlefield," Mike Pompeo said.',
        [("Mike Pompeo", "comment", True, "Libya's future will not be decided on the battlefield")],
    ),
    (  # X said: "..."
        'Khalifa Haftar said: "We need more time to consider the document."',
        [("Khalifa Haftar", "comment", True, "We need more time to consider the document")],
    ),
    (  # "...," said X, the ...
        '"The talks were useful," said Ghassan Salamé, the UN envoy for Libya.',
        [("Ghassan Salamé", "comment", True, "The talks were useful")],
    ),
    (  # a quote across two sentences
        '"The ceasefire must hold. Both sides have to respect it," António Guterres said.',
        [
            (
                "António Guterres",
                "demand",
                True,
                "The ceasefire must hold. Both sides have to respect it",
            )
        ],
    ),
    (  # a quote interrupted by its attribution: the pieces joined by " ... "
        '"We will not stop," Khalifa Haftar said on Thursday, "until Tripoli is ours."',
        [("Khalifa Haftar", "threat", True, "We will not stop ... until Tripoli is ours")],
    ),
    (  # a partial quote inside a paraphrase (single quotes)
        "Khalifa Haftar said the offensive would continue 'until victory'.",
        [("Khalifa Haftar", "threat", True, "until victory")],
    ),
    (  # a partial quote inside a paraphrase (double quotes)
        'Fayez al-Sarraj warned that the situation was becoming "more dangerous by the day".',
        [("Fayez al-Sarraj", "warning", True, "more dangerous by the day")],
    ),
    (  # a pronoun after the quote resolves to the speaker of the paraphrase before it
        "Khalifa Haftar denied on Wednesday that his forces had struck the centre. "
        '"Our aircraft did not hit the centre," he said.',
        [("Khalifa Haftar", "denial", True, "Our aircraft did not hit the centre")],
    ),
    (  # the body said in a statement: "..."
        'The Government of National Accord said in a statement on Sunday: "Threats to send '
        'troops into Libya amount to declaring war on our country."',
        [
            (
                "Government of National Accord",
                "condemnation",
                True,
                "Threats to send troops into Libya amount to declaring war on our country",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quote_layouts(text: str, expected: list[Expected]) -> None:
    assert _brief(text) == expected


# ------------------------------------------------------- indirect speech, acts

INDIRECT: list[tuple[str, list[Expected]]] = [
    (
        "Fayez al-Sarraj said that the government would defend the capital.",
        [("Fayez al-Sarraj", "comment", False, "the government would defend the capital")],
    ),
    (
        "Emmanuel Macron called for an unconditional ceasefire.",
        [("Emmanuel Macron", "appeal", False, "called for an unconditional ceasefire")],
    ),
    (
        "Giuseppe Conte appealed for calm in Tripoli.",
        [("Giuseppe Conte", "appeal", False, "appealed for calm in Tripoli")],
    ),
    (
        "Mike Pompeo urged Khalifa Haftar to halt the offensive.",
        [("Mike Pompeo", "appeal", False, "urged Khalifa Haftar to halt the offensive")],
    ),
    (
        "The World Health Organization warned of a catastrophe in Tripoli.",
        [("World Health Organization", "warning", False, "warned of a catastrophe in Tripoli")],
    ),
    (
        "Fayez al-Sarraj condemned the air strike on the migrant centre.",
        [
            (
                "Fayez al-Sarraj",
                "condemnation",
                False,
                "condemned the air strike on the migrant centre",
            )
        ],
    ),
    (
        "Khalifa Haftar denied targeting civilians.",
        [("Khalifa Haftar", "denial", False, "denied targeting civilians")],
    ),
    (
        "Abdel Fattah el-Sisi confirmed Egypt's support for the Libyan National Army.",
        [
            (
                "Abdel Fattah el-Sisi",
                "support",
                False,
                "confirmed Egypt's support for the Libyan National Army",
            )
        ],
    ),
    (
        "Fayez al-Sarraj demanded an independent investigation into the strike.",
        [
            (
                "Fayez al-Sarraj",
                "demand",
                False,
                "demanded an independent investigation into the strike",
            )
        ],
    ),
    (
        "Khalifa Haftar threatened to attack Misrata.",
        [("Khalifa Haftar", "threat", False, "threatened to attack Misrata")],
    ),
    (
        "Fayez al-Sarraj announced a general mobilisation.",
        [("Fayez al-Sarraj", "announcement", False, "announced a general mobilisation")],
    ),
    (
        "Khalifa Haftar claimed that his forces controlled the airport.",
        [("Khalifa Haftar", "claim", False, "his forces controlled the airport")],
    ),
    (  # the apposition between the speaker and the verb is skipped
        "Ahmed al-Mismari, the spokesman of Khalifa Haftar's Libyan National Army, blamed "
        "extremist factions for the attack.",
        [("Ahmed al-Mismari", "claim", False, "blamed extremist factions for the attack")],
    ),
    (  # two acts in one sentence are two statements; the second verb keeps the speaker
        "Emmanuel Macron reaffirmed France's support for the Government of National Accord "
        "and called for an unconditional ceasefire.",
        [
            (
                "Emmanuel Macron",
                "support",
                False,
                "reaffirmed France's support for the Government of National Accord",
            ),
            ("Emmanuel Macron", "appeal", False, "called for an unconditional ceasefire"),
        ],
    ),
    (  # "welcomed ..., but said ...": support, then what was said (a demand)
        "Fayez al-Sarraj welcomed the call for a truce, but said the attacking forces had to "
        "pull back.",
        [
            ("Fayez al-Sarraj", "support", False, "welcomed the call for a truce"),
            ("Fayez al-Sarraj", "demand", False, "the attacking forces had to pull back"),
        ],
    ),
    (  # "it" continues a body that spoke in the sentence before
        "The Libyan National Army acknowledged that it had carried out the strike. "
        "But it denied targeting civilians.",
        [
            (
                "Libyan National Army",
                "claim",
                False,
                "acknowledged that it had carried out the strike",
            ),
            ("Libyan National Army", "denial", False, "denied targeting civilians"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_speech_and_acts(text: str, expected: list[Expected]) -> None:
    assert _brief(text) == expected


def test_one_remark_one_statement() -> None:
    # A paraphrase and the quotation that follows it are one statement, with the quote.
    text = (
        "Khalifa Haftar vowed on Thursday to keep fighting. "
        '"We will carry on fighting, whatever is proposed from Tripoli," Haftar said.'
    )
    [s] = _statements(text)
    assert (s.act.value, s.direct_quote) == ("threat", True)
    assert s.content == "We will carry on fighting, whatever is proposed from Tripoli"
    assert s.when.text == "on Thursday" and s.when.earliest == dt.date(2019, 4, 11)


# ------------------------------------------------- speaker, addressee, channel


def test_addressee_is_the_named_audience() -> None:
    [s] = _statements("António Guterres called on Khalifa Haftar to stop the assault.")
    assert s.addressee is not None and s.addressee.name == "Khalifa Haftar"
    [s] = _statements("Fayez al-Sarraj called for an end to the fighting.")
    assert s.addressee is None


def test_an_office_tail_is_the_speaker() -> None:
    [s] = _statements("Angela Merkel urged both sides to return to talks, her office said.")
    assert s.speaker.name == "Office of Angela Merkel"
    assert (s.act.value, s.content) == ("appeal", "urged both sides to return to talks")
    assert s.attribution == "her office said"


def test_a_channel_is_attribution_not_speaker() -> None:
    [s] = _statements("Emmanuel Macron backed the plan, a French presidential source told Reuters.")
    assert s.speaker.name == "Emmanuel Macron"
    assert s.content == "backed the plan"
    assert s.attribution == "a French presidential source told Reuters"
    [s] = _statements("Khalifa Haftar rejected the plan, the Reuters report read.")
    assert (s.speaker.name, s.attribution) == ("Khalifa Haftar", "the Reuters report read")


def test_a_body_speaks_in_a_statement() -> None:
    [s] = _statements(
        "Haftar's forces will withdraw from Gharyan, the French foreign ministry said "
        "in a statement."
    )
    assert s.speaker.name == "French Ministry for Europe and Foreign Affairs"
    assert (s.content, s.attribution) == (
        "Haftar's forces will withdraw from Gharyan",
        "in a statement",
    )


def test_told_a_channel_and_told_an_actor() -> None:
    text = (
        '"Mr Salamé has our complete trust," UN spokesman Stephane Dujarric told reporters '
        "in New York on Monday."
    )
    [s] = _statements(text)
    assert s.speaker.name == "Stéphane Dujarric"
    assert (s.act.value, s.attribution, s.addressee) == (
        "support",
        "told reporters in New York",
        None,
    )
    [s] = _statements(
        "Khalifa Haftar told Emmanuel Macron that the conditions for a ceasefire had not been met."
    )
    assert s.addressee is not None and s.addressee.name == "Emmanuel Macron"
    assert s.act.value == "claim"


def test_a_relative_clause_is_a_statement_in_passing() -> None:
    [s] = _statements(
        "The talks followed a period of tension with Fayez al-Sarraj, who last "
        "month accused Paris of backing Haftar."
    )
    assert (s.speaker.name, s.act.value) == ("Fayez al-Sarraj", "condemnation")
    assert s.content == "accused Paris of backing Haftar"
    assert s.when.text == "last month" and s.when.earliest == dt.date(2019, 3, 1)
    [s] = _statements("Emmanuel Macron, who praised the agreement, left Paris.")
    assert s.content == "praised the agreement"


def test_the_agent_of_an_announced_document_speaks() -> None:
    [s] = _statements(
        "The declaration, announced by Abdel Fattah el-Sisi on Saturday, called for a "
        "ceasefire across Libya from June 8."
    )
    assert (s.speaker.name, s.act.value) == ("Abdel Fattah el-Sisi", "appeal")
    assert s.content == "called for a ceasefire across Libya from June 8"
    assert s.when.text == "on Saturday"  # not "June 8", the date the words are about


def test_the_addressee_of_told_is_an_actor_and_the_speaker_keeps_its_surname() -> None:
    text = (
        "Aguila Saleh backed the ceasefire on Friday in a separate statement. "
        '"The mercenaries have to go," Saleh said.'
    )
    found = _statements(text)
    assert [(s.speaker.name, s.act.value, s.direct_quote) for s in found] == [
        ("Aguila Saleh", "support", False),
        ("Aguila Saleh", "demand", True),
    ]
    assert found[0].content == "backed the ceasefire"
    assert found[0].attribution == "in a separate statement"
    [s] = _statements("Ghassan Salamé warned the Security Council that time was running out.")
    assert s.addressee is not None and s.addressee.name == "United Nations Security Council"
    assert (s.act.value, s.content) == ("warning", "time was running out")


def test_date_is_the_phrase_nearest_the_verb_resolved_in_the_past() -> None:
    [s] = _statements('"We want a ceasefire," Giuseppe Conte said on Friday.', "2019-04-12")
    assert s.when.text == "on Friday" and s.when.earliest == dt.date(2019, 4, 12)
    # a date inside the quoted words is not the date of the remark
    [s] = _statements('"We will meet on Monday," Giuseppe Conte said.', "2019-04-12")
    assert s.when.text is None


# ------------------------------------------------------------------ negatives

NEGATIVES = [
    'He read "War and Peace" on the plane and met Khalifa Haftar.',
    "The so-called Libyan National Army holds the east.",
    'Haftar\'s "liberation" of the capital has displaced thousands.',
    "The Tripoli government's forces, backed by Turkey, retook Tarhuna.",
    "Egypt has backed Khalifa Haftar as a bulwark against Islamist militants.",
    # a toll report is a casualty figure, not a statement
    "Fighting has killed 147 people, the World Health Organization said on Sunday.",
    "The World Health Organization said 121 people had been killed since April 4.",
    # no resolvable actor governs the verb: skip rather than guess
    "Officials said the talks would resume.",
    '"We will win," said a man in the street.',
    "The rival calls for a ceasefire were issued last week.",
    # the object of the verb is elsewhere ("the deal, which X praised")
    "The agreement, which Emmanuel Macron praised, was signed in Paris.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_what_is_not_a_statement(text: str) -> None:
    assert _brief(text) == []


# -------------------------------------------------------------------- evidence


def test_evidence_slices_the_original_text_with_curly_quotes() -> None:
    text = (
        "TRIPOLI, April 12 (diplodata) - Fighting went on.\n\n"
        "\u201cWe will not stop,\u201d Khalifa Haftar said on Thursday, "
        "\u201cuntil Tripoli is ours.\u201d Fayez al\u00ad-Sarraj urged Haftar to stop."
    )
    article = Article(text=text, published="2019-04-12")
    found = statement_events(prepare(article))
    assert [s.speaker.name for s in found] == ["Khalifa Haftar", "Fayez al-Sarraj"]
    for s in found:
        assert s.evidence, s
        for span in s.evidence:
            assert text[span.start : span.end] == span.text
    quote = found[0]
    texts = [e.text for e in quote.evidence]
    assert texts == ["We will not stop", "Khalifa Haftar", "said", "until Tripoli is ours"]
    assert found[1].evidence[0].text == "Fayez al\u00ad-Sarraj"


def test_events_carry_codes_ids_and_source() -> None:
    text = "Mike Pompeo urged Khalifa Haftar to halt the offensive."
    article = Article(text=text, id="a1", published="2019-04-12")
    [s] = statement_events(prepare(article))
    assert s.codes == codes_for_statement("appeal")
    assert s.id == statement_events(prepare(article))[0].id
    assert s.source.article_id == "a1"
    assert 0 < s.confidence <= 1


def test_the_extractor_is_versioned() -> None:
    assert EXTRACTOR == "statements.v1"


# ------------------------------------------------------------------ robustness


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                [
                    '"',
                    "\u201c",
                    "\u201d",
                    "'",
                    ",",
                    ".",
                    ":",
                    " said ",
                    " urged ",
                    " called for ",
                    " denied ",
                    " and ",
                    " that ",
                    "Khalifa Haftar",
                    "Fayez al-Sarraj",
                    "the ministry",
                    "his office",
                    " he ",
                    " it ",
                    "on Thursday",
                    "\n\n",
                    "\u00ad",
                    "(diplodata) - ",
                ]
            ),
        ),
        max_size=40,
    )
)
def test_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    for s in statement_events(prepare(Article(text=text))):
        for span in s.evidence:
            assert text[span.start : span.end] == span.text


def test_unclosed_quotes_stay_linear() -> None:
    # 200 KB of quotation marks that never close into a sensible quote; the scan is a
    # single pass and quotes longer than MAX_QUOTE are refused (timing is not asserted).
    text = ('Khalifa Haftar said "we will ' + "x" * 40 + " ") * 3000
    assert len(text) > 200_000
    found = statement_events(prepare(Article(text=text)))
    assert all(len(s.content) <= MAX_QUOTE for s in found)
    bare = '"' * 10_000 + " said " + "\u201c" * 10_000
    assert statement_events(prepare(Article(text=bare))) == []
