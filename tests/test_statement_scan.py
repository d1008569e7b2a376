"""The statement extractor's shortcuts find exactly what the full patterns find."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplodata.extract._statement_patterns import (
    _CONTENT_ACTS,
    _CONTENT_ACTS_LOWER,
    _DATELINE,
    _VERB,
    _VERB_ACT,
    _VERB_FIRST,
    _dateline,
    _speech_verbs,
)
from diplodata.extract.text import _Runs

PROPERTY = settings(max_examples=400, deadline=None)

_WORDS = st.sampled_from(
    [
        *_VERB_ACT,
        *(v.upper() for v in _VERB_FIRST),
        *(v.capitalize() for v in _VERB_FIRST),
        "for",
        "on",
        "upon",
        "acknowledgedly",
        "un",
        "re",
        "-",
        "'",
        '"',
        ",",
        ".",
        "(Reuters)",
        " - ",
        "\n",
        "é",
        "_",
        "1",
        "TRIPOLI",
        "April 4",
        "harsh response",
        "MUST",
        "Retaliate",
        "KİLLED",
        "K",
        "ſ",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_WORDS, max_size=40).map(" ".join),
    st.lists(_WORDS, max_size=40).map("".join),
)


def test_first_words_are_lowercase_ascii_words() -> None:
    """The token gate of :func:`_speech_verbs` relies on this."""
    for word in _VERB_FIRST:
        assert word.isascii() and word.isalpha() and word.islower()


@PROPERTY
@given(_TEXTS)
@example("called for, calls on re-said said- -said saidx xsaid acknowledged upon")
@example("said" * 5 + " criticisedcriticised" + " told")
@example("unsaid said,said\tcalled  for called\nfor x-told told; criticizes" + "z" * 30 + "says")
@example("says")
@example("called upon-x called upon called on_ calls for\u00e9 said\u00e9 \u00e9said said2 2said")
@example("Said SAID said- -said _said said_ said")
def test_speech_verbs_match_the_full_scan(text: str) -> None:
    full = [(*m.span(), m.group()) for m in _VERB.finditer(text)]
    assert _speech_verbs(text) == full
    assert _speech_verbs(text, _Runs(text)) == full


def test_content_patterns_have_lowercase_letters_only() -> None:
    """Lowercasing the text stands for IGNORECASE only if the patterns spell no capitals."""
    for (act, pattern), (act_lower, lower) in zip(_CONTENT_ACTS, _CONTENT_ACTS_LOWER, strict=True):
        assert act is act_lower and pattern.pattern == lower.pattern
        assert pattern.flags & re.IGNORECASE and not lower.flags & re.IGNORECASE
        assert not re.search(r"(?<!\\)[A-Z]", pattern.pattern)


@PROPERTY
@given(_TEXTS)
def test_lowercased_content_patterns_match_as_case_blind(text: str) -> None:
    if not text.isascii():
        return  # the shortcut is taken for ASCII text only
    for (_, pattern), (_, lower) in zip(_CONTENT_ACTS, _CONTENT_ACTS_LOWER, strict=True):
        assert (pattern.search(text) is None) == (lower.search(text.lower()) is None)


@PROPERTY
@given(_TEXTS, st.integers(0, 60), st.integers(0, 200))
@example("TRIPOLI, April 4 (Reuters) - Haftar said", 0, 120)
@example("WASHINGTON - Trump said", 0, 120)
def test_dateline_gate_matches_the_pattern(text: str, start: int, width: int) -> None:
    full = _DATELINE.match(text, start, start + width)
    gated = _dateline(text, start, start + width)
    assert (None if full is None else full.span()) == (None if gated is None else gated.span())


@PROPERTY
@given(_TEXTS)
@example("X,  \n")
@example('"\n\n')
@example("said ,\t x")
def test_right_speaker_check_is_the_pattern(text: str) -> None:
    """``before.rstrip().endswith(('"', ","))`` in ``_one`` is ``[\\",]\\s*+$``."""
    expected = re.search(r"[\",]\s*+$", text) is not None
    assert text.rstrip().endswith(('"', ",")) == expected
