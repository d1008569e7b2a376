"""Fast paths of the actor pass held to the plain forms they replace.

Each shortcut (a pattern rewritten for speed, a gate, a scan that skips text) is run beside
the plain form on synthetic text built from the words it cares about, and must give the same
result.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _actor_titles as titles
from diplodata.extract.gazetteer import Gazetteer

# ---------------------------------------------------------------------- titles

_PLAIN_TITLE = "|".join(re.escape(t.strip()) for t in titles.TITLES if t.strip())
_PLAIN_PERSON = re.compile(
    titles.PERSON.pattern.replace(titles.caseless_trie(titles._TITLE_WORDS), f"(?i:{_PLAIN_TITLE})")
)
""":data:`~diplodata.extract._actor_titles.PERSON` as it was written: the titles as one
case-insensitive alternation, longest first."""


def test_the_plain_person_pattern_is_the_old_one() -> None:
    assert _PLAIN_PERSON.pattern != titles.PERSON.pattern
    assert f"(?P<title>(?i:{_PLAIN_TITLE}))" in _PLAIN_PERSON.pattern
    assert f"|{re.escape('secretary general')}|" in _PLAIN_TITLE and _PLAIN_TITLE.endswith(
        "|gen\\.|col\\.|head"
    )


def test_case_partners_are_what_ignorecase_matches() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = set(re.findall(f"(?i:{letter})", every))
        assert matched == {letter, letter.upper(), *titles.CASE_PARTNERS.get(letter, "")}
        assert set(re.findall(titles._caseless(letter), every)) == matched
    for other in " .-":
        assert re.findall(f"(?i:{re.escape(other)})", every) == [other]


def test_a_caseless_trie_matches_what_the_alternation_matches() -> None:
    words = ["secretary general", "secretary", "gen.", "general", "sec", "king", "kin"]
    trie = re.compile(titles.caseless_trie(words))
    plain = re.compile("(?i:" + "|".join(map(re.escape, words)) + ")")
    for text in ["Secretary General", "SECRETARY-general", "gen.", "GENERAL", "kinG", "\u212aIN",
                 "ſecretary", "secr", "x", "", "kıng", "Kİng"]:  # fmt: skip
        for end in range(len(text) + 1):
            t = text[:end]
            a, b = trie.match(t), plain.match(t)
            assert (a and a.group()) == (b and b.group())


_OTHER_WORDS = [
    "U.N.", "eastern", "Libyan", "the", "al-Sarraj", "al", "Conte", "Haftar", "said", "\u0130",
    "\u0131", "\u212a", "\u017f", "é", "K\u0131ng", "\u017fpeaker", "x", "5", "_",
]  # fmt: skip
_TITLE_TEXT = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(titles._TITLE_WORDS),
            st.sampled_from(titles._TITLE_WORDS).map(str.upper),
            st.sampled_from(titles._TITLE_WORDS).map(str.title),
            st.sampled_from(_OTHER_WORDS),
        ),
        st.sampled_from([" ", "  ", "\n", "\n\n", ", ", "-", ""]),
    ),
    max_size=16,
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TITLE_TEXT, st.text(max_size=80)))
def test_the_title_trie_matches_where_the_alternation_matches(text: str) -> None:
    for at in range(len(text) + 1):
        a, b = titles.PERSON.match(text, at), _PLAIN_PERSON.match(text, at)
        assert (a and a.span()) == (b and b.span())
        if a is not None and b is not None:
            assert a.groupdict() == b.groupdict()


# ---------------------------------------------------------------- gazetteer heads

_HEAD_WORDS = [
    "al", "Al", "AL", "as", "As", "el", "bin", "ibn", "ben", "de", "da", "von", "van", "an", "at",
    "Sisi", "Sarraj", "Haftar", "Libya", "Der", "Leyen", "the", "The", "UN", "WHO", "who", "5",
    "10", "m23", "M23", "x", "_", "\u00e9", "Erdo\u011fan", "U.N.", "Salvador", "Mistura",
    "\u0663", "\u00b2", "\u00c9lys\u00e9e", "\u0131", "Sal\u00e1m\u00e9", "\u00c0", "\u00bd",
]  # fmt: skip
_HEAD_TEXT = st.lists(
    st.sampled_from(_HEAD_WORDS),
    max_size=30,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "-", "", "5", ".", "'", "_", "\n"]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_HEAD_TEXT, st.text(max_size=120)))
def test_ascii_heads_from_the_runs_are_what_the_start_pattern_finds(text: str) -> None:
    from diplodata.extract.actors import _with_countries
    from diplodata.extract.gazetteer import _START, Gazetteer, fold
    from diplodata.extract.text import _Runs

    for g in (Gazetteer.default(), _with_countries(Gazetteer.default())):
        heads = (
            (m, m.group().lower() if m.group().isascii() else fold(m.group()))
            for m in _START.finditer(text)
        )
        expected = [(m.start(), m.end(), m.group(), h) for m, h in heads if h in g._first]
        assert g._candidates(text, _Runs(text)) == expected
        assert g._find(text, _Runs(text)) == g._find(text)


def test_the_particles_of_the_start_pattern_are_the_particles() -> None:
    from diplodata.extract.gazetteer import _START, PARTICLES

    alternation = re.search(r"\(\?:((?:[a-z]+\|)+[a-z]+)\)", _START.pattern)
    assert alternation is not None and set(alternation.group(1).split("|")) == PARTICLES
    g = Gazetteer.default()
    assert {p.decode() for p in g._first_particles} == g._first & PARTICLES
    assert {"al", "el", "de", "von"} <= g._first & PARTICLES


# ---------------------------------------------------------------- countries as places

_PLAIN_PLACE_BEFORE = re.compile(
    r"\b(?:in|to|of|from|for|into|across|inside|near|at|on|over|towards?|within|throughout|"
    r"around|out|left|entered|visited|visiting|visit)\s++(?:the\s++)?$",
    re.IGNORECASE,
)
_PLACE_WORDS = [
    "in", "IN", "In", "into", "inside", "towards", "toward", "Towards", "visiting", "visit",
    "the", "THE", "Libya", "at", "out", "left", "x", "\u0130n", "\u0131n", "\u017fo", "th\u00e9",
    "_", "5",
]  # fmt: skip
_PLACE_GAPS = [" ", "  ", "\n", "\n\n", "", "-", "\u00a0", "\u2028", "\t", "\x1c"]
_PLACE_TEXT = st.lists(st.sampled_from(_PLACE_WORDS), max_size=12).flatmap(
    lambda words: st.lists(
        st.sampled_from(_PLACE_GAPS), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_PLACE_TEXT, st.text(max_size=40)))
def test_a_country_is_a_place_where_the_plain_pattern_says_so(text: str) -> None:
    from diplodata.extract.actors import _is_place

    for start in range(len(text) + 1):
        plain = _PLAIN_PLACE_BEFORE.search(text, max(0, start - 14), start) is not None
        assert _is_place(text, start) == plain


def test_place_words_are_found_before_a_country() -> None:
    from diplodata.extract.actors import _is_place

    for text in [
        "in Libya",
        "IN THE  Libya",
        "visiting\nLibya",
        "toward the Libya",
        "\u0130n Libya",
    ]:
        assert _is_place(text, len(text) - 5)
    for text in ["Libya", "tin Libya", "in-Libya", "in the\n\nLibya x", "inn Libya", "in,Libya"]:
        assert _is_place(text, text.index("Libya")) == ("\n\n" in text)


def test_cased_ok_says_what_case_ok_says() -> None:
    from diplodata.extract.actors import _with_countries
    from diplodata.extract.gazetteer import PARTICLES, _cased_ok

    g = _with_countries(Gazetteer.default())
    variants = [str.lower, str.upper, str.capitalize, lambda w: w]
    for key in g._index:
        for spell in variants:
            for low in (True, False):
                words = [w if low and w in PARTICLES else spell(w) for w in key]
                assert _cased_ok(g._cased[key], [*words, "x", "Y"], len(key)) == g._case_ok(
                    key, words
                )


# ------------------------------------------------------------- institutions, coreference

_BODY_WORDS = [
    "the", "The", "French", "Egyptian", "Saudi-Arabian", "Saudi", "Arabian", "Al", "foreign",
    "defence", "defense", "health", "interior", "Foreign", "ministry", "Ministry", "army",
    "military", "government", "presidency", "embassy", "parliament", "cabinet", "armys", "x",
    "FRENCH", "Fr", "F", "\u00e9", "Fran\u00e7aise", "5", "_", "U.N.", "he", "his",
]  # fmt: skip
_BODY_GAPS = [" ", "  ", "\n", "\n\n", "", "-", "\u00a0", "\u2028", "\t", ", ", "_", "5"]
_BODY_TEXT = st.lists(st.sampled_from(_BODY_WORDS), max_size=14).flatmap(
    lambda words: st.lists(
        st.sampled_from(_BODY_GAPS), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_BODY_TEXT, st.text(max_size=60)))
def test_institutions_gated_by_the_word_before_the_body_are_what_finditer_finds(
    text: str,
) -> None:
    from diplodata.extract._actor_scans import INSTITUTION, institution_matches
    from diplodata.extract.text import _Runs

    found = [m.span() for m in institution_matches(text, _Runs(text))]
    assert found == [m.span() for m in INSTITUTION.finditer(text)]


def test_the_body_gate_lets_every_kind_of_match_through() -> None:
    from diplodata.extract._actor_scans import may_end_institution
    from diplodata.extract.text import _Runs

    for text in ["the French army", "Saudi-Arabian  foreign ministry", "Egyptian\n\ncabinet"]:
        body = len(text) - len(text.split()[-1])
        assert may_end_institution(text, _Runs(text), body)
    for text in ["the army", "French, army", "FRENCH army", "5 army", "army", "French Army"]:
        body = len(text) - 4
        assert not may_end_institution(text, _Runs(text), body)


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(st.sampled_from(["Conte", "Haftar", "Conté"]), st.sampled_from([None, "x"])),
    st.tuples(st.sampled_from(["Conte", "Haftar", "Conté"]), st.sampled_from([None, "x"])),
    st.sampled_from([None, "Prime Minister"]),
)
def test_actors_with_other_names_are_never_equal(
    a: tuple[str, str | None], b: tuple[str, str | None], role: str | None
) -> None:
    from diplodata.models import Actor, ActorKind

    one = Actor(name=a[0], id=a[1], kind=ActorKind.PERSON, role=role)
    other = Actor(name=b[0], id=b[1], kind=ActorKind.PERSON)
    if one.name != other.name:
        assert one != other
    assert (one == other) == (a == b and role is None)


_ASCII_TITLE_WORDS = [
    *titles._TITLE_WORDS, "U.N.", "eastern", "former", "Libyan", "the", "al-Sarraj", "al",
    "el-Sisi", "de", "Mistura", "von", "Conte", "Haftar", "said", "x", "5", "ministry", "Pro-war",
    "Head", "HEAD", "of",
]  # fmt: skip
_ASCII_TITLE_TEXT = st.lists(
    st.tuples(
        st.sampled_from(_ASCII_TITLE_WORDS), st.sampled_from([" ", "  ", "\n", "\n\n", ", ", "-"])
    ),
    max_size=20,
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=800, deadline=None)
@given(_ASCII_TITLE_TEXT)
def test_titles_gated_by_a_name_after_them_are_what_finditer_finds(text: str) -> None:
    matches = list(_PLAIN_PERSON.finditer(text))
    assert [m.span() for m in titles.person_matches(text)] == [m.span() for m in matches]
    for m in matches:  # the gate holds wherever a match has its title
        assert titles._TITLE_THEN_NAME.match(text, m.start("title")) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(0, 3)), max_size=12))
def test_outermost_sorts_as_by_start_then_longest(spans: list[tuple[int, int, int]]) -> None:
    from diplodata.extract.actors import ActorMention, _outermost
    from diplodata.models import Actor

    mentions = [
        ActorMention(a, a + n, f"m{i}", Actor(name=f"A{tag}"), "gazetteer")
        for i, (a, n, tag) in enumerate(spans)
    ]
    kept: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.end <= kept[-1].end:
            continue
        kept.append(m)
    assert [m.text for m in _outermost(mentions)] == [m.text for m in kept]


# ------------------------------------------------------------------- gazetteer reads


def _plain_find(g: Gazetteer, text: str) -> list[tuple[int, int, str, object]]:
    """Gazetteer._find as it was before its common two-word read was written out."""
    from diplodata.extract.gazetteer import _NEXT, _START, fold

    mentions: list[tuple[int, int, str, object]] = []
    pos = 0
    for m in _START.finditer(text):
        word = m.group()
        head = word.lower() if word.isascii() else fold(word)
        if head not in g._first or m.start() < pos:
            continue
        keys, read, ends = [(head,)], [word], [m.end()]
        while len(keys[-1]) < g._longest and keys[-1] in g._prefixes:
            token = _NEXT.match(text, ends[-1])
            if token is None:
                break
            keys.append((*keys[-1], fold(token.group(1))))
            read.append(token.group(1))
            ends.append(token.end())
        for n in range(len(keys), 0, -1):
            actor_id = g._index.get(keys[n - 1])
            if actor_id is not None and g._case_ok(keys[n - 1], read[:n]):
                mentions.append(
                    (m.start(), ends[n - 1], text[m.start() : ends[n - 1]], g.get(actor_id))
                )
                pos = ends[n - 1]
                break
    return mentions


def _alias_words() -> list[str]:
    from diplodata.extract.actors import _with_countries

    g = _with_countries(Gazetteer.default())
    names = sorted({a for e in g for a in (e.name, *e.aliases)})
    return [w for name in names[::7] for w in re.split(r"[ .'\-]+", name) if w]


_ALIAS_WORDS = _alias_words()
_READ_TEXT = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(_ALIAS_WORDS),
            st.sampled_from(_ALIAS_WORDS).map(str.lower),
            st.sampled_from(_ALIAS_WORDS).map(str.upper),
            st.sampled_from(["al", "of", "the", "Libya", "Khalifa", "Haftar", "UN", "U.N.", "5"]),
        ),
        st.sampled_from([" ", "  ", "-", ". ", "'", ", ", "", "\n", " - ", "_"]),
    ),
    max_size=16,
).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=600, deadline=None)
@given(st.one_of(_READ_TEXT, _HEAD_TEXT))
def test_gazetteer_reads_find_what_the_plain_reads_find(text: str) -> None:
    from diplodata.extract.actors import _with_countries
    from diplodata.extract.text import _Runs

    for g in (Gazetteer.default(), _with_countries(Gazetteer.default())):
        assert g._find(text, _Runs(text)) == g._find(text) == _plain_find(g, text)


def test_gazetteer_reads_of_the_corpus_are_the_plain_reads() -> None:
    from diplodata.corpus import read_articles
    from diplodata.extract.actors import _with_countries
    from diplodata.extract.text import Text

    g = _with_countries(Gazetteer.default())
    n = 0
    for article in read_articles(Path(__file__).resolve().parents[1] / "datasets" / "articles"):
        text = Text(article.text)
        found = g._find(text.norm, text.runs)
        assert found == _plain_find(g, text.norm)
        n += len(found)
    assert n > 500


_COREF_WORDS = [
    "the", "The", "THE", "bathe", "he", "He", "she", "She", "his", "His", "her", "Her", "office",
    "U.N.", "UN", "U.N", "top", "eastern", "military", "special", "commander", "envoy", "prime",
    "minister", "foreign", "secretary-general", "secretary", "general", "king", "emir", "marshal",
    "spokesman", "official", "ministry", "agency", "organisation", "organization", "mission",
    "government", "army", "group", "body", "Commander", "commanders", "x", "5", "_", "\u00e9",
    "the U.N. envoy", "the U.N.  envoy", "the UN envoy", "The top commander", "the eastern\ngeneral",
    "the military spokesman", "the special envoy", "the foreign minister", "the prime minister",
    "the secretary-general", "the U.N. top envoy", "the u.n. envoy", "theU.N. envoy",
    "him", "Him", "Egyptian", "Libyan", "leader", "president", "the Egyptian leader",
    "The Turkish president", "the egyptian leader", "the Libyan-Egyptian leader", "Leader",
]  # fmt: skip
_COREF_GAPS = [" ", "  ", "\n", "\n\n", "", "-", "\u00a0", ", ", ".", "5", "_", "\u00e9"]
_COREF_TEXT = st.lists(st.sampled_from(_COREF_WORDS), max_size=14).flatmap(
    lambda words: st.lists(
        st.sampled_from(_COREF_GAPS), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)


@settings(max_examples=800, deadline=None)
@given(st.one_of(_COREF_TEXT, st.text(max_size=60)))
def test_coreference_gated_by_the_role_after_the_are_what_finditer_finds(text: str) -> None:
    from diplodata.extract._actor_scans import COREF, coref_matches
    from diplodata.extract.text import _Runs

    found = [m.span() for m in coref_matches(text, _Runs(text))]
    assert found == [m.span() for m in COREF.finditer(text)]
