"""The speed-ups of extraction change nothing: each fast path is held to the slow one it replaced.

Each test pins a faster form (a generated ``__init__``, a pattern with a look-ahead
gate, a cheaper pre-test) to the plain form it replaced, on synthetic text built to
reach the edge cases (case folding, word boundaries, odd Unicode letters).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _date_patterns as date_patterns
from diplodata.extract import (
    _fast,
    _statement_patterns,
    actors,
    casualties,
    dates,
    gazetteer,
    groundwork,
    numbers,
    places,
)
from diplodata.extract import _number_patterns as number_patterns
from diplodata.extract._fast import fast_init
from diplodata.extract._statement_scan import _Scan

# ------------------------------------------------------------------ fast_init

FAST_CLASSES = [
    actors.ActorMention,
    casualties.CasualtyHit,
    casualties._Phrase,
    dates.DateMatch,
    gazetteer.Mention,
    groundwork.Groundwork,
    numbers.NumberMatch,
    places.PlaceMention,
    _Scan,
]


@pytest.mark.parametrize("cls", FAST_CLASSES, ids=lambda c: c.__name__)
def test_fast_init_keeps_the_signature_of_the_dataclass(cls: type) -> None:
    # The dataclass's own __init__, rebuilt from the same fields, has the same parameters.
    plain = dataclasses.make_dataclass(
        cls.__name__,
        [(f.name, f.type, f) for f in dataclasses.fields(cls)],
        frozen=True,
    )
    assert str(inspect.signature(cls.__init__)) == str(inspect.signature(plain.__init__))
    assert cls.__init__.__module__ == cls.__module__


def test_fast_init_builds_equal_frozen_instances() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        a: int
        b: str = "b"
        c: tuple[int, ...] = ()

    @fast_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Fast:
        a: int
        b: str = "b"
        c: tuple[int, ...] = ()

    for args, kwargs in [((1,), {}), ((1, "x"), {}), ((), {"a": 2, "c": (3,)}), ((4,), {"b": "y"})]:
        fast, plain = Fast(*args, **kwargs), Plain(*args, **kwargs)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
        assert repr(fast).removeprefix(
            "test_fast_init_builds_equal_frozen_instances.<locals>."
        ) == (
            repr(plain)
            .removeprefix("test_fast_init_builds_equal_frozen_instances.<locals>.")
            .replace("Plain", "Fast")
        )
    with pytest.raises(dataclasses.FrozenInstanceError):
        Fast(1).a = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]


def test_fast_init_without_slots_runs_the_default_factories() -> None:
    @fast_init
    @dataclasses.dataclass(frozen=True)
    class Memo:
        name: str
        seen: dict[str, int] = dataclasses.field(default_factory=dict)
        hidden: list[int] = dataclasses.field(default_factory=list, init=False)

    one, two = Memo("x"), Memo("x")
    assert one.seen == {} and one.hidden == [] and one.seen is not two.seen
    assert one.hidden is not two.hidden
    given_dict = {"a": 1}
    assert Memo("y", given_dict).seen is given_dict
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.name = "z"  # type: ignore[misc]


def test_fast_init_refuses_what_it_cannot_build() -> None:
    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (NotFrozen, PostInit, int):
        with pytest.raises(TypeError):
            _fast.fast_init(cls)


# -------------------------------------------------------------- pattern gates

_FUTURE_BEFORE = re.compile(
    r"(?i:\b(?:will|won't|shall)\b|'ll\b|\b(?:is|are|am|'s|'re)\s{1,3}+(?:due|set|expected"
    r"|scheduled|slated|poised|going)\s{1,3}+to\b|\b(?:plans?|planning|intends?)\s{1,3}+to\b"
    r"|\bwould\s{1,3}+(?:meet|visit|hold|travel|attend|host|sign|fly)\b"
    r"|\bto\s{1,3}+meet\b[^.;!?]{0,80}?\bnext\b)"
)
"""``date_patterns._FUTURE_RE`` before its look-ahead gate."""

# Words of the patterns, in odd cases and with letters that fold to ASCII under IGNORECASE
# (long s, dotted and dotless i, the Kelvin sign).
_PIECES = [
    "will", "WILL", "Won't", "shall", "ſhall", "'ll", "is", "İs", "ıs", "are", "am", "'s",
    "'re", "due", "set", "to", "plan", "plans", "planning", "intend", "would", "meet", "next",
    "\u212a", "ſ", "İ", "ı", "x", "said", "met",
]  # fmt: skip
_SEPARATORS = ["", " ", "  ", ". ", ", ", "-"]
_texts = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=10
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_future_gate_finds_what_the_plain_pattern_finds(text: str) -> None:
    before, after = _FUTURE_BEFORE.search(text), date_patterns._FUTURE_RE.search(text)
    assert (before and before.span()) == (after and after.span())


def test_gate_letters_fold_like_the_words_they_gate() -> None:
    # A gate [...] under IGNORECASE must accept every character a first letter accepts.
    gate = re.compile("(?i:[wsiapt'])")
    letters = [re.compile(f"(?i:{re.escape(c)})") for c in "wsiapt'"]
    odd = "ſİıK\u212a\u017f\u0130\u0131SsWwIiAaPpTt'"
    for ch in odd:
        if any(p.fullmatch(ch) for p in letters):
            assert gate.fullmatch(ch), ch


# ------------------------------------------------------------ meeting anchors

_ANCHOR_PIECES = [
    "met", "Met", "MEETS", "meeting", "talks", "Talked", "telephoned", "hosting", "received",
    "welcomed", "visit", "Visiting", "spoke", "speak", "summit", "phoned", "call", "calls",
    "conference", "invite", "face-to-face", "face", "to", "Face-To-Face", "meetings", "metro",
    "unmet", "metmet", "ſummit", "vıſit", "vİsit", "spo\u212ae", "é", "x", "5", "_",
]  # fmt: skip
_anchor_texts = st.lists(
    st.tuples(st.sampled_from(_ANCHOR_PIECES), st.sampled_from(["", " ", "-", ". ", "é"])),
    max_size=12,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=400, deadline=None)
@given(_anchor_texts, st.integers(0, 80), st.integers(0, 80))
def test_anchor_places_find_what_the_anchor_scan_finds(text: str, s: int, e: int) -> None:
    from diplodata.extract._meeting_patterns import _ANCHOR
    from diplodata.extract.meetings import _anchor_starts, _anchors_at
    from diplodata.extract.text import Text

    t = Text(text)
    norm = t.norm
    s, e = min(s, e, len(norm)), min(max(s, e), len(norm))
    full = [m.span() for m in _ANCHOR.finditer(norm, s, e)]
    starts = _anchor_starts(t)
    if starts is None:  # a letter that folds to ASCII: the caller scans the sentence
        assert any(c in norm for c in "\u0130\u0131\u017f\u212a")
        return
    assert [m.span() for m in _anchors_at(t, starts, s, e)] == full


# ------------------------------------------------- models built without validation

CORPUS = Path(__file__).resolve().parents[1] / "datasets" / "articles"


def test_every_corpus_event_is_what_validation_gives() -> None:
    # Evidence spans are built without validation (Groundwork.span checks the offsets
    # itself): validating the JSON form of every event again must give an equal event,
    # with equal spans, and every span must point into its article.
    from diplodata.corpus import read_articles
    from diplodata.extract import extract
    from diplodata.models import event_adapter

    articles = read_articles(CORPUS)
    assert len(articles) >= 50
    n = 0
    for article in articles:
        for event in extract(article):
            again = event_adapter().validate_python(event.model_dump(mode="json"))
            assert again == event
            assert repr(again) == repr(event)  # the same fields, in the same order
            assert again.model_dump_json() == event.model_dump_json()
            assert [s.model_fields_set for s in again.evidence] == [
                s.model_fields_set for s in event.evidence
            ]
            for span in event.evidence:
                assert article.text[span.start : span.end] == span.text
            n += 1
    assert n > 100


def test_events_built_without_validation_say_which_fields_were_given() -> None:
    # model_fields_set is what the validating constructor, given the same fields, records.
    from diplodata.extract import extract
    from diplodata.models import CasualtyFigure, Statement

    text = (
        '"We will not stop," Khalifa Haftar said on Thursday. The fighting has killed more '
        "than 430 people, the WHO said."
    )
    events = extract(text, published="2019-05-03")
    kinds = {type(e) for e in events}
    assert kinds == {CasualtyFigure, Statement}
    for e in events:
        given = {k: getattr(e, k) for k in e.model_fields_set}
        rebuilt = type(e)(**given)
        assert rebuilt == e and rebuilt.model_fields_set == e.model_fields_set
        if e.when.text is not None:  # resolved by dates.resolve, which gives all five
            assert e.when.model_fields_set == set(type(e.when).model_fields)


def test_kept_text_is_what_the_models_keep() -> None:
    from pydantic import ValidationError

    from diplodata.models import TimeRef

    for value in ["on Thursday", " x ", "Erdoğan", "", "  ", "\t\n", "a\ud800", "\u00a0"]:
        try:
            kept = TimeRef(text=value).text == value
        except ValidationError:
            kept = False
        assert _fast.kept_text(value) is kept, repr(value)


def test_trusted_spans_only_where_the_offsets_hold() -> None:
    from pydantic import ValidationError

    from diplodata.article import Article
    from diplodata.extract.groundwork import prepare
    from diplodata.models import Span

    g = prepare(Article(text="Haf\u00adtar met Sisi."))  # a soft hyphen: offsets are mapped
    span = g.span(0, 6)
    assert span == Span(start=0, end=7, text="Haf\u00adtar")
    assert type(span) is Span and span.model_fields_set == {"start", "end", "text"}
    with pytest.raises(ValidationError):
        g.span(3, 3)  # empty: validated, and refused as before


# ------------------------------------------------------------- date phrase starts

_DATE_PIECES = [
    "on", "On", "ON", "the", "The", "in", "since", "during", "over", "at", "a", "an", "A",
    "several", "some", "this", "last", "next", "earlier", "later", "early", "late", "mid",
    "Mid", "April", "april", "Apr", "Sept", "Monday", "mon", "Thursday", "day", "days",
    "same", "previous", "following", "weekend", "WEEKEND", "few", "coming", "past", "recent",
    "week", "month", "year", "hours", "of", "ago", "today", "tomorrow", "4", "19", "2019",
    "4th", "1st", "x", "é", "ſome", "ı", "wee\u212a", "İn", "-", "5a", "_",
]  # fmt: skip
_date_texts = st.lists(
    st.tuples(st.sampled_from(_DATE_PIECES), st.sampled_from(["", " ", "  ", "-", ", ", "\n"])),
    max_size=14,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=600, deadline=None)
@given(st.one_of(_date_texts, st.text(max_size=80)))
def test_lowered_date_scan_finds_what_the_date_scan_finds(text: str) -> None:
    full = [m.span() for m in date_patterns._START.finditer(text)]
    assert [m.span() for m in dates._date_starts(text)] == full


def test_lowered_date_gates_keep_their_escapes() -> None:
    # Lower-casing a gate must not turn an escape into another (\S into \s, \B into \b).
    for gate in [*date_patterns._GATES.values(), date_patterns._NUMBER_GATE]:
        assert not re.search(r"\\[A-Z]", gate)


# ------------------------------------------------------------------ sentence ends

_BOUNDARY_BEFORE = re.compile(r"""[.!?]+["')\]]*+(?=\s)|\n[^\S\n]*+\n""")
"""``text._BOUNDARY`` before it was written to start with a character class."""


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=".!?\"')] \n\tx\u00a0\u2029", max_size=40),
        st.text(max_size=60),
    )
)
def test_sentence_end_pattern_matches_as_before(text: str) -> None:
    from diplodata.extract import text as text_module

    before = [m.span() for m in _BOUNDARY_BEFORE.finditer(text)]
    assert [m.span() for m in text_module._BOUNDARY.finditer(text)] == before


# ------------------------------------------------------- look-ahead gated patterns


def _plain_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(gated pattern, the same pattern before its gate), for each pattern given a gate."""
    from diplodata.extract import _casualty_patterns as cp
    from diplodata.extract import _meeting_patterns as mp

    plain = {
        cp._NOUN_PHRASE: (
            rf"\b(?:(?P<indef>an?|one|another|his|her|their)|(?P<definite>the))\s++{cp._MODS}"
            rf"(?:[A-Za-z]++-)?+(?P<head>{cp._PERSON})\b(?!')|\b(?P<pronoun>him|her)\b",
            re.IGNORECASE,
        ),
        mp._BOUNDARY: (
            r"\s[-\u2013\u2014]\s|;|:|\b(?:where|who|whom|which|while|when|whose|but|said|says|"
            r"disclosed|announced|reported|added)\b",
            0,
        ),
        mp._POSSIBLE: (
            r"\b(?:whether|might|may|could|possible|possibly|perhaps|if|unless|would\s++like)\b",
            0,
        ),
        mp._HABITUAL: (
            r"\b(?:has|have|had)\s++been\s++meeting\b|\bregular(?:ly)?\b|"
            r"\bevery\s++(?:week|month|year)\b|\busually\b|\boften\b",
            re.IGNORECASE,
        ),
        mp._POSTPONED: (
            r"\b(?:postponed|put\s++off|pushed\s++back|delayed|rescheduled)\b",
            re.IGNORECASE,
        ),
        mp._VIDEO: (
            r"\bvideo\b|\bvideo-?conferenc\w*|\bvideo\s++link\b|\bvirtual(?:ly)?\b",
            re.IGNORECASE,
        ),
        mp._LIST_LEAD: (
            r"\b(?:with|between|among|attended\s++by|joined\s++by|involving|involve|"
            r"bringing\s++together|brought\s++together|of|by)\s++",
            re.IGNORECASE,
        ),
        mp._TOPIC: (
            r"\b(?:to\s++discuss|discussed|discussing|for\s++talks\s++on|talks\s++on|"
            r"to\s++press\s++for|to\s++push\s++for|focused\s++on|covered|on\s++how\s++to|about)\s++",
            0,
        ),
    }
    return [(gated, re.compile(source, flags)) for gated, (source, flags) in plain.items()]


_GATED = _plain_patterns()
_GATED_WORDS = sorted(
    {w for _, plain in _GATED for w in re.findall(r"[a-z]{2,}", plain.pattern)}
    | {"a", "A", "ſ", "ı", "İ", "\u212a", "é", "-", "\u2013", ";", ":", "'", "The", "HIS"}
)
_gated_texts = st.lists(
    st.tuples(
        st.sampled_from(_GATED_WORDS),
        st.sampled_from(["", " ", "  ", "-", ", ", "\n"]),
        st.booleans(),
    ),
    max_size=12,
).map(lambda parts: "".join((w.title() if up else w) + s for w, s, up in parts))


@settings(max_examples=500, deadline=None)
@given(_gated_texts)
def test_gated_patterns_match_as_their_plain_forms(text: str) -> None:
    for gated, plain in _GATED:
        assert [(m.span(), m.groupdict()) for m in gated.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ], gated.pattern


def test_gated_patterns_match_as_their_plain_forms_on_the_corpus() -> None:
    from diplodata.corpus import read_articles

    for article in read_articles(CORPUS):
        for gated, plain in _GATED:
            found = [m.span() for m in gated.finditer(article.text)]
            assert found == [m.span() for m in plain.finditer(article.text)]


_SINCE_WORDS = ["since", "Since", "SINCE", "ſince", "sınce", "the", "offensive", "began", "said",
                "on", ",", "April", "4", "x"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SINCE_WORDS), max_size=14).map(" ".join), st.integers(0, 30))
def test_since_pre_test_finds_what_the_pattern_finds(text: str, floor: int) -> None:
    def plain(text: str, start: int, floor: int) -> int | None:
        m = date_patterns._SINCE_BEFORE.search(text, max(floor, start - 120), start)
        if m is None or date_patterns._SINCE_STOP.intersection(dates._norm(m["mid"]).split()):
            return None
        return m.start()

    for start in range(len(text) + 1):
        assert dates._since_start(text, start, floor) == plain(text, start, floor)


_DATE_RE_PIECES = [
    *_DATE_PIECES, "2019-04-04", "April 4", "4 April 2019", "the 4th of April", "Thursday,",
    "late on", "yesterday morning", "last night", "the day before yesterday", "a few hours later",
    "twenty-one days ago", "3 days ago", "an hour", "in the coming days", "in recent days",
    "earlier this month", "mid-April", "early last month", "later this year", "over the weekend",
    "the same day", "the next day", "the following day", "this morning", "Dec.", "May",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_DATE_RE_PIECES), st.sampled_from(["", " ", "  ", ", ", "-"])),
        max_size=10,
    ).map(lambda parts: "".join(w + s for w, s in parts))
)
def test_date_alternatives_by_token_match_as_the_whole_pattern(text: str) -> None:
    for token in date_patterns._START.finditer(text):
        whole = date_patterns._DATE_RE.match(text, token.start())
        only = date_patterns._date_re_at(text, token)
        assert (whole and (whole.span(), whole.groupdict())) == (
            only and (only.span(), only.groupdict())
        ), (text, token.group())


def test_date_alternatives_by_token_cover_every_first_word() -> None:
    assert set(date_patterns._ALTERNATIVES_BY_TOKEN) == set(date_patterns._FIRST_WORDS) | {"#"}
    top = re.findall(r"\(\?P<(\w+)>", date_patterns._DATE_RE.pattern)
    assert set(date_patterns._ALTERNATIVES) <= set(top)
    # the named alternatives are the top-level ones: each opens right after "(?:" or "|"
    for name in date_patterns._ALTERNATIVES:
        at = date_patterns._DATE_RE.pattern.index(f"(?P<{name}>")
        assert date_patterns._DATE_RE.pattern[at - 1] in ":|", name


# ------------------------------------------------------------- number phrase starts

_NUMBER_PIECES = [
    "a", "A", "an", "as", "at", "in", "no", "not", "up", "upwards", "close", "minimum",
    "hundred", "thousand", "million", "billion", "dozen", "dozens", "estimated", "many", "least",
    "excess", "fewer", "less", "more", "than", "to", "of", "one", "two", "twenty", "some",
    "about", "over", "between", "and", "5", "1,200", "3.5", "people", "x", "é",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_NUMBER_PIECES), st.sampled_from(["", " ", "  ", "\n", ", ", "-"])
        ),
        max_size=12,
    ).map(lambda parts: "".join(w + s for w, s in parts))
)
def test_gated_number_starts_lose_no_number_phrase(text: str) -> None:
    # Every token of _START_LOWER where _COUNT_RE matches is a token of _START_GATED, and
    # find_counts finds what it found with every token of _START_LOWER.
    if not text.isascii():
        return
    lower = text.lower()
    gated = {t.start() for t in number_patterns._START_GATED.finditer(lower)}
    for token in number_patterns._START_LOWER.finditer(lower):
        if number_patterns._COUNT_RE.match(text, token.start()) is not None:
            assert token.start() in gated, (text, token.group())
    assert gated <= {t.start() for t in number_patterns._START_LOWER.finditer(lower)}


@pytest.mark.parametrize("qualifier", [q.value for q in numbers.Qualifier])
def test_counts_built_without_validation_are_what_from_qualifier_gives(qualifier: str) -> None:
    from pydantic import ValidationError

    from diplodata.models import Count

    for value in (0, 1, 2, 5, 430, 10**15, -1, True):
        for text in ("5", "more than 430", " ", "", "a\ud800"):
            try:
                want: Count | None = Count.from_qualifier(value, qualifier, text=text)
            except ValidationError:
                want = None
            try:
                got: Count | None = numbers.count_from_qualifier(value, qualifier, text)
            except ValidationError:
                got = None
            assert got == want and repr(got) == repr(want), (value, qualifier, text)
            if got is not None and want is not None:
                assert got.model_fields_set == want.model_fields_set


def test_ascii_text_is_normalised_as_by_the_table() -> None:
    from diplodata.extract import text as text_module

    # normalise skips the table for ASCII text: its only ASCII keys turn into spaces.
    ascii_keys = {chr(k): v for k, v in text_module._TRANSLATE.items() if k < 128}
    assert ascii_keys == {"\r": " ", "\t": " "}
    assert not text_module._INVISIBLE.search("".join(map(chr, range(128))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \r\t\n.\"'-\u00ad\u2019", max_size=30))
def test_normalise_matches_the_table(text: str) -> None:
    from diplodata.extract import text as text_module

    out, keep = text_module.normalise(text)
    table = text.translate(text_module._TRANSLATE)
    assert out == "".join(ch for ch in table if not text_module._INVISIBLE.match(ch))
    assert (keep is None) == (out == table)


def _ungated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    gate = re.match(r"\(\?=\[[a-z]+\]\)\(\?:", pattern.pattern)
    assert gate is not None, pattern.pattern
    assert pattern.pattern.endswith(")")
    return re.compile(pattern.pattern[gate.end() : -1], pattern.flags)


_CONTENT_WORDS = sorted(
    {w for _, p in _statement_patterns._CONTENT_ACTS for w in re.findall(r"[a-z]{2,}", p.pattern)}
    | {"a", "ſ", "ı", "İ", "\u212a", "é", ".", "to"}
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_CONTENT_WORDS), st.sampled_from(["", " ", "  ", "."]), st.booleans()
        ),
        max_size=12,
    ).map(lambda parts: "".join((w.upper() if up else w) + s for w, s, up in parts))
)
def test_gated_content_patterns_match_as_their_plain_forms(text: str) -> None:
    from diplodata.extract._statement_patterns import (
        _CONTENT_ACTS,
        _CONTENT_ACTS_LOWER,
        _CONTENT_GATES,
    )

    for patterns in (_CONTENT_ACTS, _CONTENT_ACTS_LOWER):
        for act, pattern in patterns:
            if act not in _CONTENT_GATES:
                continue
            plain = _ungated(pattern)
            for t in (text, text.lower()):
                assert [m.span() for m in pattern.finditer(t)] == [
                    m.span() for m in plain.finditer(t)
                ], (act, t)


_OCCURS_WORDS = [
    "called", "off", "cancelled", "canceled", "cancellation", "scrapped", "postponed", "put",
    "pushed", "back", "delayed", "rescheduled", "video", "videoconference", "link", "virtual",
    "virtually", "phone", "phoned", "telephone", "call", "by", "CALLED", "Phone", "computer",
    "the", "ſcrapped", "vıdeo", "é",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_OCCURS_WORDS), st.sampled_from([" ", "  ", "-", ", ", ""])),
        min_size=1,
        max_size=8,
    ).map(lambda parts: "".join(w + s for w, s in parts))
)
def test_occurs_with_needles_is_the_search(text: str) -> None:
    from diplodata.article import Article
    from diplodata.extract import _meeting_patterns as mp
    from diplodata.extract.groundwork import prepare

    if not text.strip():
        return
    g = prepare(Article(text=text))
    for pattern, needles in [
        (mp._CANCELLED, mp._CANCELLED_WORDS),
        (mp._POSTPONED, mp._POSTPONED_WORDS),
        (mp._VIDEO, mp._VIDEO_WORDS),
        (mp._CALL, mp._CALL_WORDS),
    ]:
        for start, end in [(0, len(g.norm)), (1, len(g.norm) - 1)]:
            if start < end:
                want = pattern.search(g.norm[start:end]) is not None
                assert g.occurs(pattern, start, end, needles) is want, (pattern.pattern, text)
