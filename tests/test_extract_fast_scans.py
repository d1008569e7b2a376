"""More speed-ups of extraction held to the plain forms they replaced (see test_extract_fast_paths).

Each test runs a faster scan and the plain one it stands for on synthetic text built
from the words the scan cares about (place names and their joiners, ...) and asserts
the same result.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _date_patterns as date_patterns
from diplodata.extract import _date_tense, actors, dates, gazetteer, numbers, places, text

CORPUS = Path(__file__).resolve().parents[1] / "datasets" / "articles"

# --------------------------------------------------------------------------- places

_PLACE_WORDS = [
    "Paris", "paris", "Tripoli", "Tripolitania", "Elysee", "Palace", "Palazzo", "Chigi", "the",
    "The", "al", "Al", "el", "Kufra", "Rajma", "Abu", "Dhabi", "United", "Arab", "Emirates",
    "New", "York", "Sirte", "Libya", "LIBYA", "in", "x", "2019", "B_2", "Élysée", "Moscow",
]  # fmt: skip
_JOINERS = [" ", "  ", "-", " - ", ".", ". ", "'", "’", ", ", "_", "\n", "", "--"]
_place_texts = st.lists(
    st.tuples(st.sampled_from(_PLACE_WORDS), st.sampled_from(_JOINERS)), max_size=16
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=600, deadline=None)
@given(_place_texts, st.integers(0, 40), st.integers(0, 200))
def test_ascii_place_scan_finds_what_the_token_scan_finds(text: str, pos: int, end: int) -> None:
    endpos = min(len(text), pos + end)
    assert places.find_places(text, pos, endpos) == places._find_places_plain(text, pos, endpos)
    assert places.find_places(text) == places._find_places_plain(text)


def test_place_first_words_are_the_heads_of_every_name() -> None:
    assert {k.split()[0] for k in places._index()} == places._first_words()
    assert "abu" in places._first_words() and "dhabi" not in places._first_words()


# ------------------------------------------------------------------- meetings


def test_corpus_meetings_are_what_the_validating_constructor_gives() -> None:
    from diplodata.corpus import read_articles
    from diplodata.extract import extract
    from diplodata.models import Meeting

    n = 0
    for article in read_articles(CORPUS):
        for e in extract(article, extractors=["meetings.v1"]):
            assert type(e) is Meeting
            given = {k: getattr(e, k) for k in e.model_fields_set}
            rebuilt = Meeting(**given)
            assert rebuilt == e and rebuilt.model_fields_set == e.model_fields_set
            assert repr(rebuilt) == repr(e)
            n += 1
    assert n > 20


def _meeting_fields(**changes: object) -> dict[str, object]:
    from diplodata.extract._meeting_events import _MEETING_GIVEN
    from diplodata.models import Actor, Codes, MeetingStatus, Modality, SourceRef, TimeRef

    fields: dict[str, object] = {
        "id": "a-m1",
        "kind": "meeting",
        "when": TimeRef(),
        "location": None,
        "source": SourceRef(),
        "attribution": None,
        "evidence": (),
        "confidence": 0.85,
        "codes": Codes(),
        "participants": (Actor(name="Khalifa Haftar"), Actor(name="Giuseppe Conte")),
        "host": None,
        "status": MeetingStatus.HELD,
        "modality": Modality.IN_PERSON,
        "topics": ("a ceasefire",),
    }
    fields.update(changes)
    assert set(fields) - {"kind"} == _MEETING_GIVEN
    return fields


def test_meeting_fields_trusted_only_where_validation_passes() -> None:
    from pydantic import ValidationError

    from diplodata.extract._fast import trusted
    from diplodata.extract._meeting_events import _MEETING_GIVEN, _valid_fields
    from diplodata.models import Actor, Meeting, Place

    haftar = Actor(name="Khalifa Haftar")
    cases = [
        _meeting_fields(),
        _meeting_fields(participants=(haftar,)),  # one person, no host, no place
        _meeting_fields(participants=(haftar,), location=Place(name="Rome")),
        _meeting_fields(participants=(haftar,), host=Actor(name="Giuseppe Conte")),
        _meeting_fields(participants=(haftar, Actor(name="KHALIFA HAFTAR"))),  # listed twice
        _meeting_fields(participants=()),
        _meeting_fields(attribution="  "),
        _meeting_fields(attribution="the WHO said"),
        _meeting_fields(topics=("a\ud800",)),
    ]
    for fields in cases:
        given = {k: v for k, v in fields.items() if k in _MEETING_GIVEN}
        try:
            validated: Meeting | None = Meeting(**given)
        except (ValidationError, ValueError):
            validated = None
        if _valid_fields(fields):
            fast = trusted(Meeting, dict(fields), _MEETING_GIVEN)
            assert validated is not None
            assert fast == validated and repr(fast) == repr(validated)
            assert fast.model_fields_set == validated.model_fields_set
    assert not _valid_fields(cases[1]) and not _valid_fields(cases[4])
    assert _valid_fields(cases[0]) and _valid_fields(cases[2]) and _valid_fields(cases[3])


# ------------------------------------------------------------------ gazetteer


def _inline_case_ok(g: gazetteer.Gazetteer, key: tuple[str, ...], words: list[str]) -> bool:
    # What Gazetteer._find does with the table _cased (a copy of its few lines).
    cased = g._cased[key]
    if cased < 0:
        return all(w.isupper() or w.isdigit() for w in words)
    first = words[cased][:1]
    return first.isupper() or first.isdigit()


def test_case_table_says_what_case_ok_says() -> None:
    from diplodata.extract.actors import _with_countries

    g = _with_countries(gazetteer.Gazetteer.default())
    variants = [str.lower, str.upper, str.capitalize, lambda w: w]
    n = 0
    for key in g._index:
        for spell in variants:
            for particles_low in (True, False):
                words = [w if particles_low and w in gazetteer.PARTICLES else spell(w) for w in key]
                assert _inline_case_ok(g, key, words) == g._case_ok(key, words), (key, words)
                n += 1
    assert n > 1000
    assert any(v < 0 for v in g._cased.values()) and any(v > 0 for v in g._cased.values())


# -------------------------------------------------------------------- sentences


def _plain_split_sentences(norm: str) -> list[tuple[int, int]]:
    # split_sentences as it was before its loop was shortened (white space trimmed char by char).
    from bisect import bisect_right

    spans: list[tuple[int, int]] = []

    def append(start: int, end: int) -> None:
        while start < end and norm[start].isspace():
            start += 1
        while end > start and norm[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))

    start = 0
    quotes = [m.start() for m in text._QUOTE.finditer(norm)]
    for match in text._BOUNDARY.finditer(norm):
        end = match.end()
        if match.group().strip() and not text._ends_sentence(norm, match.start()):
            continue
        first = bisect_right(quotes, start - 1)
        opened = bisect_right(quotes, end - 1) - first
        if opened % 2 == 1 and end - quotes[first + opened - 1] <= text.MAX_QUOTE:
            continue
        next_char = norm[end : end + 3].lstrip()[:1]
        if match.group().strip() and next_char and next_char.islower():
            continue
        append(start, end)
        start = end
    append(start, len(norm))
    return spans


_sentence_texts = st.lists(
    st.sampled_from(
        ["He met", "U.S.", "Gen.", "K.", "I.", "it", "said", ".", "!", "?", "...", '"', "'", ")",
         " ", "  ", "\n", "\n\n", "\n \n", "\x1c", "\u2003", "\u00a0", "1.2", "a", "B"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.one_of(_sentence_texts, st.text(alphabet=' .!?"\n\x1caB\u2003', max_size=40)))
def test_sentences_split_as_by_the_plain_loop(norm: str) -> None:
    assert text.split_sentences(norm) == _plain_split_sentences(norm)


# ------------------------------------------------------------------------ tense


def _plain_tense(text: str) -> str | None:
    # tense_of as it was: the future pattern, then word by word.
    if date_patterns._FUTURE_RE.search(text):
        return "future"
    for w in date_patterns._WORD_RE.finditer(text):
        if _date_tense._past_word(w[0]):
            return "past"
    return None


_TENSE_WORDS = [
    "said", "Said", "SAID", "ſaid", "saıd", "met", "Met", "led", "fed", "ed", "bed", "wed",
    "need", "Need", "armed", "Armed", "armedX", "xarmed", "alleged", "tired", "Tired",
    "TIRED", "feed", "ted", "seed", "seeds", "weeded", "unnamed", "unnamedly", "will", "to",
    "meet", "next", "the", "Haftar", "é", "édited", "editéd", "2019",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_TENSE_WORDS), st.sampled_from([" ", "", "-", ". ", "'"])),
        max_size=10,
    ).map(lambda pairs: "".join(w + j for w, j in pairs))
)
def test_past_search_finds_what_the_word_loop_finds(text: str) -> None:
    assert dates.tense_of(text) == _plain_tense(text)
    found = date_patterns._PAST_RE.search(text) is not None
    assert found == any(_date_tense._past_word(w[0]) for w in date_patterns._WORD_RE.finditer(text))


def test_past_words_each_read_as_past_alone() -> None:
    for word in [*date_patterns._PAST_WORDS, "tired", "Said"]:
        assert dates.tense_of(word) == "past" == _plain_tense(word)
    for word in [*date_patterns._NOT_PAST, "fed", "ed", "Tired", "ſaid"]:
        assert dates.tense_of(word) is None is _plain_tense(word)


# ---------------------------------------------------------------------- titles

_TITLE_WORDS = [
    "deputy", "prime", "minister", "secretary", "of", "state", "vice-president", "vice",
    "president", "lt.", "gen.", "Gen.", "director-general", "general", "generals", "special",
    "envoy", "U.N.", "eastern", "Libyan", "former", "the", "al-Sarraj", "al", "el-Sisi",
    "bin", "Salman", "de", "Mistura", "von", "abdel", "Conte", "Haftar", "2019", "said",
    "x", "head", "chief", "of", "commander", "strongman",
]  # fmt: skip
_title_texts = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(_TITLE_WORDS), st.sampled_from(actors._TITLES)),
        st.sampled_from([" ", "  ", "\n", "\n\n", ", ", "-"]),
    ),
    max_size=24,
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=800, deadline=None)
@given(_title_texts)
def test_title_scan_with_the_name_gate_finds_what_finditer_finds(norm: str) -> None:
    from diplodata.extract.actors import _PERSON, _person_matches

    assert [m.span() for m in _person_matches(norm)] == [m.span() for m in _PERSON.finditer(norm)]


def test_title_runs_cover_every_title() -> None:
    import re

    from diplodata.extract.actors import _TITLE_RUNS, _TITLES

    assert _TITLE_RUNS == 3
    assert all(len(re.findall("[A-Za-z]+", t)) <= _TITLE_RUNS for t in _TITLES)


def test_title_gate_reaches_a_name_three_runs_on() -> None:
    from diplodata.extract.actors import _PERSON, _person_matches

    for norm in [
        "He met deputy prime minister Ahmed Maiteeq.",
        "The secretary of state Mike Pompeo said.",
        "the lt. gen. Haftar",
        "vice-president al-Sarraj spoke",
        "former envoy de Mistura",
        "the head of the mission",
        # a title word read as a capitalised pre-word: the match is found at the later title
        "General former deputy prime minister Conte met him.",
        "General Secretary former senior deputy prime minister Conte",
        "the Chief U.N. Special Envoy deputy prime minister Ghassan Salame",
    ]:
        spans = [m.span() for m in _PERSON.finditer(norm)]
        assert [m.span() for m in _person_matches(norm)] == spans
        assert spans or norm == "the head of the mission"


def test_meeting_places_are_what_the_validating_constructor_gives() -> None:
    from diplodata.article import Article
    from diplodata.extract._meeting_events import _location
    from diplodata.extract.groundwork import prepare
    from diplodata.models import Place

    g = prepare(Article(text="Conte met Haftar in Rome,   at the Élysée.", published="2019-05-16"))
    rome, elysee = Place(name="Rome", country="ITA"), Place(name="Elysee Palace", country="FRA")
    for start, end, place in [(20, 24, rome), (25, 28, rome), (35, 41, elysee), (0, 5, None)]:
        found = places.PlaceMention(start, end, g.norm[start:end], place or Place(name="x"))
        built = _location(g, found)
        plain = Place(name=g.original(start, end), country=found.place.country)
        assert built == plain and repr(built) == repr(plain)
        assert built.model_fields_set == plain.model_fields_set == {"name", "country"}


def test_resolved_once_per_article_is_what_resolve_gives() -> None:
    from diplodata.article import Article
    from diplodata.extract.groundwork import prepare

    g = prepare(Article(text="Talks on Thursday.", published="2019-05-16"))
    for phrase in ["on Thursday", "last week", "since April 4", "yesterday", "in 2019", "x"]:
        for tense in (None, "past", "future"):
            got = g.resolve(phrase, tense)
            plain = dates.resolve(phrase, g.article.published, tense=tense)
            assert got == plain and repr(got) == repr(plain)
            assert got is g.resolve(phrase, tense)


# ---------------------------------------------------------------------- numbers


def _plain_parse_number(text: str) -> int | None:
    # parse_number as it was: every number in digits read through Decimal.
    from decimal import Decimal

    from diplodata.extract import _number_patterns as p

    s = " ".join(text.split()).lower()
    if not s or len(s) > 160:
        return None
    m = p._DIGIT_FORM.fullmatch(s)
    if m is None:
        return numbers._words_value(s) if s[0].isalpha() else None
    scale = m["scale"] or m["suffix"]
    number = Decimal(m["int"].replace(",", "") + "." + (m["frac"] or "0"))
    number *= p._MULTIPLIERS.get(scale or "", 1)
    if number != number.to_integral_value() or number > p._MAX_VALUE:
        return None
    return int(number)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.integers(0, 10**17).map(str),
        st.integers(0, 10**16).map(lambda n: f"{n:,}"),
        st.text(alphabet="0123456789,. mbn", max_size=22),
        st.sampled_from(["0", "007", "1,000", "1,00", "999999999999999", "1000000000000000",
                         "1000000000000001", "2.0", "1.5", "3m", "two", " 12 "]),
    )
)  # fmt: skip
def test_whole_numbers_in_digits_read_as_through_decimal(text: str) -> None:
    assert numbers.parse_number(text) == _plain_parse_number(text)


def test_entry_actors_are_cached_per_entry_not_per_id() -> None:
    from diplodata.extract.actors import _entry_actor
    from diplodata.models import ActorKind

    old = gazetteer.Entry(id="x-1", name="Old Name", kind=ActorKind.PERSON)
    new = gazetteer.Entry(id="x-1", name="New Name", kind=ActorKind.PERSON)
    assert _entry_actor(old, 2019).name == "Old Name"
    assert _entry_actor(new, 2019).name == "New Name"
    assert _entry_actor(old, 2019) is _entry_actor(old, 2019)
    assert _entry_actor(old, 2019) == old.actor(2019) and _entry_actor(old, None) == old.actor(None)
