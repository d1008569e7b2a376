"""Speed-ups of the groundwork (sentences, counts, dates) and of the casualty reader, each
held to the plain form it replaced (see test_extract_fast_paths for the style).

Each test runs the faster form and the plain one on synthetic text built from the words
the shortcut cares about (and on arbitrary text) and asserts the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplodata.extract import _casualty_patterns as casualty_patterns
from diplodata.extract import _date_patterns as date_patterns
from diplodata.extract import _date_tense, casualties, dates, numbers, text
from diplodata.extract import _number_patterns as number_patterns

# ------------------------------------------------------- token scans without look-behind

_SCAN_PIECES = [
    "a", "A", "an", "as", "at", "in", "no", "not", "up", "upwards", "close", "minimum",
    "hundred", "thousand", "million", "dozen", "dozens", "estimated", "many", "least",
    "excess", "fewer", "more", "than", "to", "of", "one", "two", "twenty", "some", "about",
    "between", "and", "5", "1,200", "3.5", "x", "é", "on", "the", "The", "April", "Mon",
    "day", "same", "week", "weekend", "4th", "19", "2019", "since", "early", "mid", "ago",
]  # fmt: skip
_SCAN_JOINERS = ["", " ", "  ", "\n", ", ", "-", ".", "$", "(", "_", "'", "+", "/", "#"]
_scan_texts = st.lists(
    st.tuples(st.sampled_from(_SCAN_PIECES), st.sampled_from(_SCAN_JOINERS)), max_size=14
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=800, deadline=None)
@given(st.one_of(_scan_texts, st.text(alphabet=" a5n.-$,in\n_the", max_size=40)))
def test_gated_number_scan_finds_the_look_behind_tokens(text: str) -> None:
    lower = text.lower()
    plain = [m.start() for m in number_patterns._START_GATED.finditer(lower)]
    assert number_patterns.gated_starts(lower) == plain


@settings(max_examples=800, deadline=None)
@given(st.one_of(_scan_texts, st.text(alphabet=" a5n.-$,in\n_theAprilo", max_size=40)))
def test_lower_date_scan_finds_the_look_behind_tokens(text: str) -> None:
    lower = text.lower()
    plain = [m.start() for m in date_patterns._START_LOWER.finditer(lower)]
    scanned = [m.start() for m in date_patterns._START_LOWER_SCAN.finditer(" " + lower)]
    assert scanned == plain


# ------------------------------------------------------------ casualty hints and nouns


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet="killedwoundforcsthmaygunrbvpi ", max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_hint_tries_find_what_the_plain_alternations_find(text: str, a: int, b: int) -> None:
    for words in (
        casualty_patterns._TRIGGER_HINT_WORDS,
        casualty_patterns._LEFT_HINT_WORDS,
        casualty_patterns._LEFT_START_WORDS,
    ):
        plain = re.compile(words).search(text, a, b)
        fast = casualty_patterns._hints(words).search(text, a, b)
        assert (plain and plain.start()) == (fast and fast.start())


def _plain_noun_phrases(norm: str, counts: list[numbers.NumberMatch]) -> list[tuple[int, int]]:
    # _noun_phrases as it was at heart: the pattern over every sentence, less what a count holds.
    starts = [c.start for c in counts]
    spans = []
    for s, e in text.split_sentences(norm):
        for m in casualty_patterns._NOUN_PHRASE.finditer(norm, s, e):
            i = bisect_left(starts, m.end())
            if not (i > 0 and counts[i - 1].end > m.start()):
                spans.append(m.span())
    return spans


_NOUN_PIECES = [
    "a", "A", "an", "the", "The", "THE", "his", "her", "Her", "him", "their", "one", "another",
    "man", "woman", "Man", "soldier", "commander", "victim", "son", "man's", "local",
    "Afghan", "pro-government", "pro-", "x-man", "of", "were", "killed", "dozen", "more than",
    "a dozen", "two", "5", "é", "ſon", "\u212a", "caf\u00e9", "(the", "verylongmodifierword" * 8,
    "old", "was", "shot", "_the", "5the", "U.N.", "and", "-",
]  # fmt: skip
_DETS = ["a", "A", "an", "the", "The", "his", "her", "their", "one", "another", "(the", "5the"]
_MODS = ["local", "Afghan", "old", "man", "man's", "U.N.", "x" * 130, "of", "5", "café", "a"]
_HEADS = ["man", "Man", "soldier", "commander", "son", "x-man", "him", "her", "ſon", "man's"]
# A determiner, up to five describing words and a head: the shape of a noun phrase, with
# one word too many or a word that is no describing word now and then.
_noun_shapes = st.tuples(
    st.sampled_from(_DETS),
    st.lists(st.sampled_from(_MODS), max_size=5),
    st.sampled_from(_HEADS),
).map(lambda t: " ".join([t[0], *t[1], t[2]]))
_noun_texts = st.lists(
    st.tuples(
        st.one_of(_noun_shapes, st.sampled_from(_NOUN_PIECES)),
        st.sampled_from([" ", "  ", "\n", ". ", ", ", ""]),
    ),
    max_size=12,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=1000, deadline=None)
@given(_noun_texts)
@example("So then the local Afghan old x-man died.")  # the determiner five tokens back
@example("So then the local Afghan old young x-man died.")  # six: no phrase
@example("So then his local Afghan old man's son died.")
def test_noun_phrases_near_heads_are_those_of_every_sentence(norm: str) -> None:
    counts = numbers.find_counts(norm)
    lower = casualties._lowered(norm)
    found = casualties._noun_phrases(
        norm, lower, text.split_sentences(norm), counts, text.Text(norm).runs
    )
    assert [(p.start, p.end) for p in found] == _plain_noun_phrases(norm, counts)
    without_runs = casualties._noun_phrases(norm, lower, text.split_sentences(norm), counts)
    assert without_runs == found


# ------------------------------------------------------------------ number reading


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789", max_size=24), st.text(alphabet="0123456789٣", max_size=4)
    )
)
def test_bare_digits_read_as_through_the_digit_form(digits: str) -> None:
    # A trailing space sends the same number down the plain path (split, _DIGIT_FORM).
    assert numbers.parse_number(digits) == numbers.parse_number(digits + " ")


def test_qualifier_table_gives_what_the_enum_gives() -> None:
    for q in numbers.Qualifier:
        assert numbers._QUALIFIER_BY_NAME[q.value] is numbers.Qualifier(q.value)
        assert numbers._QUALIFIER_BY_NAME[q] is q


# -------------------------------------------------------------------------- tense

_FUTURE_WORDS = [
    "will", "WILL", "wiſl", "won't", "shall", "ſhall", "we'll", "'ll", "is", "are", "'s", "'re",
    "due", "DUE", "set", "ſet", "expected", "scheduled", "ſcheduled", "slated", "poised",
    "going", "to", "TO", "plans", "planning", "intends", "would", "meet", "Meet", "visit",
    "next", "NEXT", "said", "met", "ı", "İ", "\u212a", "é", ".", "x",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_FUTURE_WORDS), st.sampled_from([" ", "  ", "", "\n", "-"])),
        max_size=10,
    ).map(lambda pairs: "".join(w + j for w, j in pairs))
)
@example("Sarraj to meet Haftar next")
@example("Sarraj IS ſet to meet Haftar")
def test_future_hint_gate_skips_only_texts_without_a_future(text: str) -> None:
    if date_patterns._FUTURE_RE.search(text) is not None:
        assert _date_tense._may_be_future(text)
    plain = "future" if date_patterns._FUTURE_RE.search(text) else None
    plain = plain or ("past" if date_patterns._PAST_RE.search(text) else None)
    assert dates.tense_of(text) == plain


def _plain_find_counts(text: str) -> list[numbers.NumberMatch]:
    # find_counts as its comment defines it: _COUNT_RE.search from each place it goes on.
    found, pos = [], 0
    while (m := number_patterns._COUNT_RE.search(text, pos)) is not None:
        match, next_pos = numbers._judge(text, m, context=True)
        if match is not None:
            found.append(match)
        pos = max(next_pos, m.start() + 1)
    return found


_WIDE_PIECES = [*_SCAN_PIECES, "É", "é5", "€", "€5", "Σ", "über", "ſome", "ı", "İn", "\u212a"]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WIDE_PIECES), st.sampled_from(_SCAN_JOINERS)), max_size=14
    ).map(lambda parts: "".join(w + s for w, s in parts))
)
def test_counts_outside_ascii_are_those_of_the_plain_search(text: str) -> None:
    assert numbers.find_counts(text) == _plain_find_counts(text)


# ---------------------------------------------------------------------- sentences


def test_abbreviations_are_short() -> None:
    # _ends_sentence takes seven letters before a dot for a sentence end without looking.
    assert max(map(len, text.ABBREVIATIONS)) < 7


def _plain_ends_sentence(norm: str, dot: int) -> bool:
    # _ends_sentence as it was: the word before found by _WORD_BEFORE.
    if norm[dot] != ".":
        return True
    word = text._WORD_BEFORE.search(norm, max(0, dot - 12), dot)
    if word is None:
        return True
    token = word.group(1).lower().rstrip(".")
    if token in text.ABBREVIATIONS:
        return False
    return not (len(token) == 1 and word.group(1) != "I" and word.group(1).isupper())


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "U.S",
                "u.s",
                "Gen",
                "gen",
                "K",
                "I",
                "i",
                "é",
                "É",
                "approx",
                "approxi",
                "said",
                "Jan",
                ".",
                "..",
                " ",
                "5",
                "a.m",
                "A",
                "x" * 11,
                "-",
                "Mr",
                "U.N.",
                "e.g",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_word_before_a_dot_read_as_by_the_regex(before: str) -> None:
    norm = before + ". Next"
    assert text._ends_sentence(norm, len(before)) == _plain_ends_sentence(norm, len(before))
    for dot in (i for i, c in enumerate(norm) if c == "."):
        assert text._ends_sentence(norm, dot) == _plain_ends_sentence(norm, dot)


_NORM_CHARS = "".join(map(chr, text._TRANSLATE)) + "ab '\"-\n\u00ad\u200bé\u00e9\U0001f600"


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_NORM_CHARS, max_size=30))
def test_normalise_replaces_as_translate_does(original: str) -> None:
    translated = original.translate(text._TRANSLATE)
    keep = [i for i, ch in enumerate(translated) if not text._INVISIBLE.match(ch)]
    plain = (
        (translated, None)
        if len(keep) == len(translated)
        else ("".join(translated[i] for i in keep), keep)
    )
    assert text.normalise(original) == plain


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "in",
                "April",
                "Apr.",
                "No.",
                "aged",
                ".",
                " ",
                "  ",
                "\n",
                "\u2003",
                "5",
                "é",
                "x" * 20,
                "_",
                "-",
                "from",
                "Resolution",
                "ſ",
                "K",
            ]
        ),
        max_size=8,
    ).map("".join),
    st.integers(0, 40),
)
def test_word_before_a_number_read_as_by_the_regex(before: str, cut: int) -> None:
    norm = before + "5 people"
    start = len(before)
    plain = number_patterns._PREV_WORD.search(norm, max(0, start - 24), start)
    assert numbers._prev_word(norm, start) == (plain[1] if plain else "")
    at = min(cut, len(norm))
    plain = number_patterns._PREV_WORD.search(norm, max(0, at - 24), at)
    assert numbers._prev_word(norm, at) == (plain[1] if plain else "")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="tolnumbefigrasdcv ", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_hint_searches_find_what_the_word_finds_find(lower: str, a: int, b: int) -> None:
    for words, hint in (
        (casualty_patterns._CUMULATIVE_HINTS, casualty_patterns._CUMULATIVE_HINT),
        (casualty_patterns._TOLL_NOUN_HINTS, casualty_patterns._TOLL_NOUN_HINT),
    ):
        plain = any(lower.find(word, a, b) >= 0 for word in words)
        assert (hint.search(lower, a, b) is not None) == plain


_LEFT_PIECES = [
    "killed", "skilled", "Killing", "led", "led to the deaths of", "leaving", "left", "the",
    "death toll rose to", "death", "toll", "number of people killed", "civilian toll of",
    "shot dead", "gunned down", "caused the deaths of", "a family of", "at least", "has",
    "result in the killing of", "forced", "5", "x", "é", "of", "between", "claimed the lives of",
]  # fmt: skip
_NOT_PEOPLE_PIECES = [
    "local", "Afghan", "armoured", "vehicles", "Vehicles", "per cent", "per  cent", "head of cattle",
    "head", "years", "year-old", "people", "civilians", "the", "and", "5", "km", "kms", "é", "-",
]  # fmt: skip


def _phrase_texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(
        st.tuples(st.sampled_from(pieces), st.sampled_from([" ", "  ", "", ", ", "\n"])),
        max_size=8,
    ).map(lambda pairs: "".join(w + j for w, j in pairs))


@settings(max_examples=1000, deadline=None)
@given(_phrase_texts(_LEFT_PIECES), st.integers(0, 20))
def test_left_tried_at_its_starts_is_the_left_search(before: str, back: int) -> None:
    norm = before + " 5 people"
    end = len(before) + 1
    lower = casualties._lowered(norm)
    assert lower is not None
    lo = max(0, len(before) - 70 + back)
    plain = casualty_patterns._LEFT.search(norm, lo, end)
    tried = None
    for at in casualty_patterns._LEFT_STARTS.finditer(lower, lo, end):
        tried = casualty_patterns._LEFT.match(norm, at.start(), end)
        if tried is not None:
            break
    assert (plain and plain.span()) == (tried and tried.span())
    if plain is not None:
        assert casualty_patterns._LEFT_HINT.search(lower, lo, end) is not None


@settings(max_examples=1000, deadline=None)
@given(_phrase_texts(_NOT_PEOPLE_PIECES))
def test_not_people_needs_one_of_its_first_words(after: str) -> None:
    norm = "5" + after
    lower = norm.lower()
    for end in (len(norm), min(len(norm), 20)):
        if casualty_patterns._NOT_PEOPLE.match(norm, 1, end) is not None:
            assert casualty_patterns._NOT_PEOPLE_HINT.search(lower, 1, end) is not None


_AFTER_PIECES = [
    "5", "%", " percent", " per  cent", " PCT", " pctx", " dollars", " of euros", " USD",
    " roubles", " a.m.", " pm", " GMT", " years old", " year  old", " April", " april", " Apr",
    "-day", "-5", ":30", "th", "_", "@", ".5", ",000", " people", " ", "é", "\u212a",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=4).map("".join))
def test_rejected_after_matches_where_one_of_its_parts_does(after: str) -> None:
    parts = (
        number_patterns._GLUED_AFTER,
        number_patterns._PERCENT,
        number_patterns._MONEY_AFTER,
        number_patterns._TIME_AFTER,
        number_patterns._AGE_AFTER,
        number_patterns._MONTH_AFTER,
    )
    norm = "5" + after
    for at in range(len(norm) + 1):
        plain = any(p.match(norm, at) for p in parts)
        assert (number_patterns._REJECTED_AFTER.match(norm, at) is not None) == plain


def test_month_words_are_what_the_month_pattern_fullmatches() -> None:
    words = number_patterns._MONTHS.split("|")
    for word in [*words, "may", "Mayo", "", ".", "APRIL", "Sept,"]:
        for tail in ("", ".", "..", "x", " "):
            fullmatch = number_patterns._MONTH_RE.fullmatch(word + tail) is not None
            assert (word + tail in number_patterns._MONTH_WORDS) == fullmatch


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["since", "Since", "SINCE", "ſince", "in", "April", "2019", "4",
                             "early", "mid-", "the", "x", "Since\n", "during"]),
            st.sampled_from([" ", "  ", "\n", "", ", ", "-"]),
        ),
        max_size=8,
    ).map(lambda pairs: "".join(w + j for w, j in pairs))
)  # fmt: skip
def test_a_date_opens_with_since_where_its_token_is_since(text: str) -> None:
    for token in date_patterns._START.finditer(text):
        m = date_patterns._date_re_at(text, token)
        if m is not None:
            head = date_patterns._SINCE_HEAD.match(m[0]) is not None
            assert head == (token.group().lower() == "since")


def test_groundwork_norm_and_sentences_are_the_texts() -> None:
    from diplodata.article import Article
    from diplodata.extract.groundwork import prepare

    g = prepare(Article(text="Haf\u00adtar met Sarraj. Five died."))
    assert g.norm is g.text.norm and g.sentences is g.text.sentences
    assert g.norm is g.norm and "norm" in vars(g)  # read once, then an attribute


def test_cached_reads_once_and_keeps_the_value_per_instance() -> None:
    from diplodata.extract._fast import cached

    calls: list[int] = []

    class Box:
        def __init__(self, n: int) -> None:
            self.n = n

        @cached
        def double(self) -> int:
            calls.append(self.n)
            return 2 * self.n

    a, b = Box(1), Box(2)
    assert (a.double, a.double, b.double) == (2, 2, 4) and calls == [1, 2]
    assert isinstance(vars(Box)["double"], cached) and Box.double.__doc__ is None
