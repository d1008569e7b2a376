"""The statement extractor's faster scans find exactly what the plain forms they replaced find.

Each test runs a shortcut of :mod:`diplodata.extract._statement_fast` (or a gate in the
statement modules) and the plain pattern it stands for on synthetic text built from the
words and marks the pattern cares about, and asserts the same result.
"""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplodata.extract._statement_fast import (
    _CONTENT_ACTS_FAST,
    _CUT_FAST,
    _by_first_letter,
    _tail,
    _trailing_time,
)
from diplodata.extract._statement_patterns import (
    _CONTENT_ACTS_LOWER,
    _CUT,
    _TAIL,
    _TRAILING_TIME,
    _VERB_ACT,
)

PROPERTY = settings(max_examples=500, deadline=None)


def _texts(words: list[str], joiners: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    """Words and joiners strung together, and now and then any text at all."""
    pieces = st.lists(
        st.tuples(st.sampled_from(words), st.sampled_from(joiners)), max_size=max_size
    )
    return st.one_of(
        pieces.map(lambda parts: "".join(w + j for w, j in parts)),
        st.text(alphabet=" ,.\n\tasidtnhe", max_size=40),
    )


_JOINERS = [" ", "  ", ", ", ",", "\n", " \n", ".", "", "-", "\t"]

# ----------------------------------------------------------------------- _CUT

_CUT_WORDS = [
    "as", "but", "while", "whereas", "which", "who", "whose", "raising", "now", "according",
    "in", "an", "a", "at", "the", "after", "before", "when", "amid", "adding", "saying", "citing",
    "no", "days", "day", "hours", "weeks", "later", "earlier", "statement", "speech", "address",
    "long", "soon", "well", "Paris", "Haftar's", "forces", "has", "were", "would", "X",
    "interview", "briefing", "report", "reported", "update", "bulletin", "to", "and", "also", "then", "x", "xas", "asx", "said", "called for",
    "called", "warned", "urges", "-said", "said-", *_VERB_ACT,
]  # fmt: skip


@PROPERTY
@given(_texts(_CUT_WORDS, _JOINERS))
@example("x, as the y")
@example("x ,  but also said")
@example("x\n in an  old  big statement")
@example("x and then called for, according to")
@example("x, two days after it, and  warned-")
def test_cut_starts_where_the_plain_cut_starts(text: str) -> None:
    plain = [i for i in range(len(text) + 1) if _CUT.match(text, i)]
    fast = [i for i in range(len(text) + 1) if _CUT_FAST.match(text, i)]
    assert fast == plain
    found, want = _CUT_FAST.search(text), _CUT.search(text)
    assert (found and found.start()) == (want and want.start())


# ------------------------------------------------------------- _TRAILING_TIME

_TIME_WORDS = ["at", "the", "time", "after", "talks", "meeting", "on", "Sunday", "x", "timex"]


def _kept(found: re.Match[str] | None) -> tuple[int, int] | None:
    """What ``_strip_tail`` takes from a search: the span of a kept match, or nothing."""
    if found and found.group().strip().startswith(("at the time", "after the")):
        return found.span()
    return None


@PROPERTY
@given(_texts(_TIME_WORDS, [" ", "  ", "\n", "", ",", "\t"], max_size=8))
@example("said so at the time")
@example("said so at the time\n")
@example("met after the  talks")
@example("met on time")
def test_trailing_time_keeps_what_the_plain_search_keeps(text: str) -> None:
    assert _kept(_trailing_time(text)) == _kept(_TRAILING_TIME.search(text))


# ----------------------------------------------------------------------- _TAIL

_TAIL_WORDS = [
    "said", "added", "reported", "read", "told", "the", "spokesman", "and", "but", "while", "as",
    "adding", "saying", "x", "her office", '"', "Sunday", "thread", "said.", "told!", "?",
]  # fmt: skip


@PROPERTY
@given(
    _texts(_TAIL_WORDS, [" ", ", ", ",", "\n", "", ".", "  "]),
    st.integers(0, 30),
    st.integers(0, 200),
)
@example("He left, her office said.", 0, 200)
@example("He left, her office said, on Sunday.", 0, 200)
@example("x, said\n", 0, 200)
@example("a, b said, c told", 2, 200)
def test_tail_is_the_plain_search(text: str, start: int, width: int) -> None:
    end = min(len(text), start + width)
    want = _TAIL.search(text, start, end)
    found = _tail(text, start, end)
    assert (found and (found.span(), found.group("tail"))) == (
        want and (want.span(), want.group("tail"))
    )


# --------------------------------------------------------------- content acts

_ACT_WORDS = sorted(
    {w for _, p in _CONTENT_ACTS_LOWER for w in re.findall(r"[a-z]{2,}", p.pattern)}
    | {"a", "i", "to", "x", "xis", "isx", "un", "s", "ed", "es", "e", "d"}
)


@PROPERTY
@given(_texts(_ACT_WORDS, [" ", "  ", ".", "", "-", ", ", "\n", "'"]))
@example("they will not stop. is red")
@example("xcrush crush_ red line")
@example("we want them all to go. message to")
@example("oppose opposes xoppose opposedx")
def test_fast_content_acts_match_as_the_lowercase_ones(text: str) -> None:
    assert [act for act, _ in _CONTENT_ACTS_FAST] == [act for act, _ in _CONTENT_ACTS_LOWER]
    for (act, fast), (_, plain) in zip(_CONTENT_ACTS_FAST, _CONTENT_ACTS_LOWER, strict=True):
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (act, text)


_ACT_PHRASES = [
    "a harsh response", "answer for it", "expect us to act", "will not stand by", "carry on fighting",
    "keep fighting", "a red line", "this is red", "retaliation", "will respond",
    "prompt them to intervene", "intervene directly", "crush", "pay the price", "will not stop",
    "until victory", "we have to", "he has to", "you must", "unfounded", "baseless", "untrue",
    "not involved", "did not strike", "war crime", "opposes", "declaring war", "siding with",
    "dictator", "an obstacle", "aggression", "criminal", "unacceptable", "condemns", "agreed",
    "signed up", "accepted", "made progress", "been met", "acknowledged that", "confirmed",
    "reached an agreement", "wants them to go", "asked him to", "urged all to", "calls on them to",
    "appealed to them to", "a message to", "support", "trust", "welcomed", "a chance to",
    "stability", "bloodshed", "historic", "praise", "commendable", "acknowledged the role",
    "he was", "the army will", "pressed them to", "trusts", "trusted", "recognised the role",
    "recognizes his key role", 'acknowledging "the army\'s part', "it had carried out",
    "its forces were behind", "we conducted", "wants a", "we want an", "wanted a truce",
]  # fmt: skip


def test_fast_content_acts_find_each_phrase_as_the_lowercase_ones() -> None:
    """Every phrase the plain patterns name, alone and inside words, is found alike."""
    for phrase in _ACT_PHRASES:
        for text in (
            phrase,
            f"x {phrase} x",
            f"x{phrase}x",
            f"{phrase}.",
            phrase.replace(" ", "  "),
        ):
            for (act, fast), (_, plain) in zip(
                _CONTENT_ACTS_FAST, _CONTENT_ACTS_LOWER, strict=True
            ):
                assert [m.span() for m in fast.finditer(text)] == [
                    m.span() for m in plain.finditer(text)
                ], (act, text)
    assert all(  # and each phrase is found by some pattern
        any(plain.search(phrase) for _, plain in _CONTENT_ACTS_LOWER) for phrase in _ACT_PHRASES
    )


def test_by_first_letter_keeps_the_order_within_a_letter() -> None:
    pattern = _by_first_letter([r"\bask", r"\basked", "war", r"\bwill"], r"\b")
    assert pattern == r"a(?<=\ba)(?:sk|sked)\b|w(?:ar|(?<=\bw)ill)\b"
    plain = re.compile(r"(?:\bask|\basked|war|\bwill)\b")
    for text in ["asked ask xask will xwill war xwar", "wars askedx ask, willow will"]:
        assert [m.span() for m in re.finditer(pattern, text)] == [
            m.span() for m in plain.finditer(text)
        ]


# ------------------------------------------------------------------ speaker gaps

_GAP_WORDS = [
    "also", "later", "has", "himself", "on Sunday", "late on Monday", "quickly", "\x00", "who",
    "which", "the", "spokesman", "office", "'s", "'", ",", '"', "announced by", "x", "é", "\u2003",
]  # fmt: skip


@PROPERTY
@given(_texts(_GAP_WORDS, [" ", "  ", "", ", ", ",", "\n", "\u2003", "\t"], max_size=8))
@example(" also ")
@example("'s spokesman ")
@example(", who ")
@example(", the UN envoy, ")
@example("\u2003,\u2003")
def test_speaker_gaps_begin_as_left_speaker_assumes(gap: str) -> None:
    """``_left_speaker`` tries each gap pattern only where the gap begins as it can."""
    from diplodata.extract._statement_patterns import (
        _GAP_AGENT,
        _GAP_APPOSITION,
        _GAP_PLAIN,
        _GAP_RELATIVE,
        _GAP_SPOKES,
    )

    first = gap[:1]
    if _GAP_PLAIN.fullmatch(gap):
        assert first.isspace()
    if _GAP_SPOKES.fullmatch(gap):
        assert first.isspace() or first == "'"
    if _GAP_RELATIVE.fullmatch(gap) or _GAP_APPOSITION.fullmatch(gap):
        assert first == ","
    if _GAP_AGENT.fullmatch(gap):
        assert first.isspace() or first == ","


def test_str_isspace_is_the_space_class_of_the_patterns() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]


# ------------------------------------------------------------- evidence, order


@PROPERTY
@given(
    st.text(alphabet="ab \u00ad\u200b.\n\u2019\u201c\u2014\t\r", min_size=1, max_size=30),
    st.sets(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
)
def test_evidence_is_the_mapped_spans_sorted_and_distinct(
    text: str, spans: set[tuple[int, int]]
) -> None:
    from pydantic import ValidationError

    from diplodata.article import Article
    from diplodata.extract.groundwork import Groundwork
    from diplodata.extract.statements import _evidence
    from diplodata.extract.text import Text

    g = Groundwork(article=Article(text=text), text=Text(text), actors=[], counts=[], dates=[])
    n = len(g.norm)
    spans = {(a, b) for a, b in spans if a <= n and b <= n}
    try:
        mapped = sorted((g.span(a, b) for a, b in spans if b > a), key=lambda s: (s.start, s.end))
    except ValidationError:
        return
    plain = [s for i, s in enumerate(mapped) if i == 0 or mapped[i - 1] != s]
    assert list(_evidence(g, spans)) == plain


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=8))
def test_in_order_is_the_sort_by_start_then_longest(pairs: list[tuple[int, int]]) -> None:
    from diplodata.extract._statement_scan import _in_order
    from diplodata.extract.dates import DateMatch

    items = [DateMatch(start=a, end=a + b, text="x" * b, role="point") for a, b in pairs]
    ordered, starts = _in_order(items)
    want = sorted(items, key=lambda d: (d.start, -d.end))
    assert [(d.start, d.end) for d in ordered] == [(d.start, d.end) for d in want]
    assert starts == [d.start for d in want]


# ------------------------------------------------------------- small gates

_CLAUSE_WORDS = [
    "that", "thatx", "xthat", "said", "the", "talks", "after", "following", "meeting", "at",
    "ceremony", "signing", "alongside", "beside", "Beside", "AFTER", "who", "which", "whom",
    "urged", "urges", "called on", "calls on", "asked", "asks", "message to", "warned", "told",
    "Haftar", "é", '"', ";", ":", "x" * 40,
]  # fmt: skip
_CLAUSE_JOINERS = [" ", "  ", ", ", ",", "\n", ".", "", "-", "\t", " \u00e9 "]


@PROPERTY
@given(_texts(_CLAUSE_WORDS, _CLAUSE_JOINERS, max_size=30), st.integers(0, 40), st.integers(0, 300))
@example("said that", 0, 300)
@example("said " + "x" * 106 + " that ", 0, 300)
@example("said " + "x" * 106 + " that ", 0, 115)
def test_that_is_the_plain_match(text: str, start: int, width: int) -> None:
    from diplodata.extract._statement_fast import _that
    from diplodata.extract._statement_patterns import _THAT

    end = min(len(text), start + width)
    want, found = _THAT.match(text, start, end), _that(text, start, end)
    assert (found and found.span()) == (want and want.span())


@PROPERTY
@given(_texts(_CLAUSE_WORDS, _CLAUSE_JOINERS, max_size=30), st.integers(0, 40), st.integers(0, 300))
@example("He spoke after the talks.", 0, 300)
@example("He spoke AFTER THE TALKS, beside x.", 0, 300)
@example("at the signing ceremony", 1, 300)
def test_event_relative_is_the_plain_search(text: str, start: int, width: int) -> None:
    from diplodata.article import Article
    from diplodata.extract._statement_fast import _event_relative
    from diplodata.extract._statement_patterns import _EVENT_RELATIVE
    from diplodata.extract._statement_scan import _Scan
    from diplodata.extract.groundwork import Groundwork
    from diplodata.extract.text import Text

    if not text.strip():
        return
    g = Groundwork(article=Article(text=text), text=Text(text), actors=[], counts=[], dates=[])
    scan = _Scan(g, g.norm, [], [], [], [], [], [], [], [])
    end = min(len(g.norm), start + width)
    want = _EVENT_RELATIVE.search(g.norm, start, end)
    found = _event_relative(scan, start, end)
    assert (found and found.span()) == (want and want.span())


@PROPERTY
@given(_texts(_CLAUSE_WORDS, _CLAUSE_JOINERS, max_size=30))
@example("He urged the UN to act")
@example("xurged the UN; calls  on the x, message to")
def test_appeal_to_is_the_plain_search(text: str) -> None:
    from diplodata.extract._statement_fast import _APPEAL_TO_FAST
    from diplodata.extract._statement_patterns import _APPEAL_TO

    want, found = _APPEAL_TO.search(text), _APPEAL_TO_FAST.search(text)
    assert (found and found.span()) == (want and want.span())


@PROPERTY
@given(_texts(_CLAUSE_WORDS, _CLAUSE_JOINERS, max_size=12))
@example(", who said ")
@example(", which ")
def test_who_clause_needs_wh(gap: str) -> None:
    """``_one`` searches ``_WHO_CLAUSE`` only where "wh" occurs; ``_QUOTE_GAP`` reads a
    stretch as it reads the slice (it has no anchor or look-around)."""
    from diplodata.extract._statement_patterns import _QUOTE_GAP, _WHO_CLAUSE

    if _WHO_CLAUSE.search(gap):
        assert "wh" in gap
    padded = "x" + gap + "x"
    assert (_QUOTE_GAP.fullmatch(padded, 1, len(padded) - 1) is None) == (
        _QUOTE_GAP.fullmatch(gap) is None
    )


# ------------------------------------------------------------------------ trim


def _trim_plain(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (norm[start].isspace() or norm[start] in ",:;-"):
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] in ".,;:!?"):
        end -= 1
    return start, end


def test_spaces_are_every_isspace_character() -> None:
    from diplodata.extract._statement_scan import _SPACES

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(c for c in every if c.isspace()) == _SPACES


@PROPERTY
@given(
    st.text(alphabet=" \t\n\u2003\u00a0,:;-.!?ab\"'", max_size=20),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_trim_is_the_plain_loops(text: str, start: int, width: int) -> None:
    from diplodata.extract._statement_scan import _trim

    start = min(start, len(text))
    end = min(len(text), start + width)
    assert _trim(text, start, end) == _trim_plain(text, start, end)


# ----------------------------------------------------------------- dates near


def test_no_date_near_means_no_date_picked() -> None:
    """``_one`` builds the exclusions and picks a date only where ``_date_near`` holds."""
    from pathlib import Path

    from diplodata.corpus import read_articles
    from diplodata.extract._statement_dates import _date_near, _pick_date
    from diplodata.extract._statement_scan import _in_order, _Scan
    from diplodata.extract.groundwork import prepare

    corpus = Path(__file__).resolve().parents[1] / "datasets" / "articles"
    near = 0
    for article in read_articles(corpus):
        g = prepare(article)
        dates, starts = _in_order(g.dates)
        scan = _Scan(
            g=g,
            norm=g.norm,
            actors=[],
            dates=dates,
            quotes=[],
            quote_opens=[],
            mention_starts=[],
            date_starts=starts,
            count_starts=[],
            sentence_starts=[s for s, _ in g.sentences],
        )
        for sent in g.sentences:
            for at in range(sent[0], sent[1], 7):
                verb = (at, min(at + 4, sent[1]))
                if _date_near(scan, sent, verb):
                    near += 1
                else:
                    assert _pick_date(scan, sent, verb, []) is None
    assert near > 100
