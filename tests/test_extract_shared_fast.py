"""Round-two speed-ups of the costs every extractor shares, each held to the plain form.

The style of ``test_extract_fast_paths.py``: a faster form is checked against the form it
replaced, on synthetic text built to reach the edge cases.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodata.extract import _date_patterns as date_patterns
from diplodata.extract import _date_tense, dates, numbers, places, text
from diplodata.extract import _number_patterns as number_patterns

# ------------------------------------------------------- resolve: m.lastgroup dispatch

_PHRASE_PIECES = [
    "on", "On", "the", "in", "In", "since", "during", "over", "at", "a", "an", "several",
    "this", "last", "next", "earlier", "later", "early", "late", "mid", "April", "Apr.",
    "Sept", "May", "Monday", "Thursday", "day", "days", "same", "previous", "following",
    "weekend", "few", "coming", "past", "recent", "week", "month", "year", "hours", "of",
    "ago", "today", "tonight", "yesterday", "tomorrow", "morning", "night", "before",
    "after", "4", "19", "31", "2019", "2019-04-04", "4th", "twenty-one", "three", "x",
]  # fmt: skip
_phrase_texts = st.lists(
    st.tuples(st.sampled_from(_PHRASE_PIECES), st.sampled_from([" ", "  ", ", ", "-", ""])),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(w + s for w, s in parts).strip())


@settings(max_examples=800, deadline=None)
@given(_phrase_texts)
def test_the_last_group_of_a_date_names_the_only_alternative_set(text: str) -> None:
    # _bounds reads m.lastgroup instead of testing each alternative's group: the same
    # wherever exactly that alternative is set, and its text is never empty.
    for found in dates.find_dates(text):
        for phrase in (found.text, found.text[found.text.find(" ") + 1 :]):
            m = date_patterns._DATE_RE.fullmatch(phrase)
            if m is None:
                continue
            set_ = [name for name in date_patterns._ALTERNATIVES if m[name] is not None]
            assert set_ == [m.lastgroup]
            assert m[m.lastgroup]


# ------------------------------------------------------- places: heads found class-first


@settings(max_examples=800, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="aelAEL Z9x-_.'\n", max_size=40),
        st.lists(st.sampled_from(["al", "el", "Al", "al-", "el-", "-", "Tripoli", "mal", "e"])).map(
            "".join
        ),
        st.text(max_size=40).filter(str.isascii),
    )
)
def test_place_heads_split_as_the_look_behind_first_pattern(text: str) -> None:
    assert places._HEAD_ASCII_SPLIT.split(text) == places._HEAD_ASCII_PLAIN.split(text)


# ------------------------------------------------------------------------ tense

_TENSE_PIECES = [
    "said", "Said", "ſaid", "met", "armed", "alleged", "tired", "Tired", "need", "ed", "bed",
    "will", "won't", "'ll", "shall", "due", "set", "plan", "intend", "would", "next", "going",
    "x", "é", "2019", "ı", "\u212a",
]  # fmt: skip
_tense_texts = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(_TENSE_PIECES), st.sampled_from(["", " ", "-", "\n", "'"])),
        max_size=8,
    ).map(lambda pairs: "".join(w + j for w, j in pairs)),
    st.text(max_size=40),
)


@settings(max_examples=800, deadline=None)
@given(_tense_texts)
def test_past_scan_finds_a_past_word_where_the_past_pattern_does(text: str) -> None:
    found = date_patterns._PAST_SCAN.search(" " + text) is not None
    assert found == (date_patterns._PAST_RE.search(text) is not None)


@settings(max_examples=800, deadline=None)
@given(_tense_texts)
def test_future_hints_found_one_by_one_as_by_the_trie(text: str) -> None:
    trie = date_patterns._FUTURE_HINT.search(text.lower()) is not None
    assert any(hint in text.lower() for hint in date_patterns._FUTURE_HINTS) == trie
    if text.isascii():
        assert _date_tense._may_be_future(text) == trie


# ------------------------------------------------------------------ number words

_NUMBER_WORDS = [*sorted(number_patterns._VOCAB), "x", "dozens", ""]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_NUMBER_WORDS), st.sampled_from([" ", "-"])),
        min_size=1,
        max_size=4,
    ).map(lambda pairs: "".join(w + j for w, j in pairs)[:-1])
)
def test_number_words_read_as_by_text2num(s: str) -> None:
    assert numbers._words_value(s) == numbers._words_value_plain(s)


def test_each_number_word_alone_reads_as_by_text2num() -> None:
    for word in number_patterns._VOCAB:
        assert numbers._words_value(word) == numbers._words_value_plain(word)
    assert numbers._words_value("three") == 3 and numbers._words_value("dozen") is None


# ------------------------------------------------------------------ runs of letters


def _plain_where(runs: text._Runs, words: frozenset[bytes]) -> list[int]:
    # _Runs.where as it was: each " word " of the padded runs.
    found = []
    for word in words.intersection(runs.words):
        at = runs.padded.find(b" " + word + b" ")
        while at >= 0:
            found.append(at)
            at = runs.padded.find(b" " + word + b" ", at + 1)
    return sorted(found)


_RUN_WORDS = ["the", "then", "he", "them", "a", "an", "and", "at", "x", "é", "2", "-", "'"]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_RUN_WORDS), st.sampled_from(["", " ", "  ", ".", "\n"])),
        max_size=14,
    ).map(lambda pairs: "".join(w + j for w, j in pairs)),
    st.sets(st.sampled_from(["the", "then", "he", "a", "an", "and", "them", "zz"])),
)
def test_runs_found_where_the_padded_search_finds_them(norm: str, words: set[str]) -> None:
    runs = text._Runs(norm)
    needles = frozenset(w.encode() for w in words)
    assert runs.where(needles) == _plain_where(runs, needles)
