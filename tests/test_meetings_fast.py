"""The speed-ups of the meeting extractor change nothing: each is held to the plain form.

Every gate (a cue word the article lacks, an anchor with no one named near it) and every
shared reading is compared with the search or the reading it skips, on synthetic text
built to reach the edge cases: words cut by a slice, letters that IGNORECASE folds to
ASCII ones, non-ASCII letters next to cue words, case.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplodata.article import Article
from diplodata.extract import _meeting_candidates as candidates
from diplodata.extract import _meeting_cues as cues_module
from diplodata.extract import _meeting_patterns as mp
from diplodata.extract import meetings
from diplodata.extract.groundwork import prepare
from diplodata.extract.text import Text

# ----------------------------------------------------------------------- cue gates

# Every phrase some gated pattern matches, its words alone, pieces that a slice can cut
# out of a longer word ("no" of "casino"), and letters that fold to ASCII ones.
_CUE_PHRASES = [
    "no meeting", "no plans to meet", "denied", "Denies", "did not meet", "did not take place",
    "never met", "has not been planned", "was not scheduled", "called off", "cancelled",
    "canceled", "cancellation", "scrapped", "postponed", "put off", "pushed back", "delayed",
    "rescheduled", "offered to host", "offers to mediate", "invite", "invitation",
    "proposed a meeting", "proposes to host", "called for direct talks", "suggested a meeting",
    "whether", "might", "may", "May", "could", "possible", "possibly", "perhaps", "if",
    "unless", "would like", "has been meeting", "had been meeting", "regular", "regularly",
    "every week", "usually", "often", "their", "a joint", "next week", "next Monday",
    "tomorrow", "to discuss", "discussed", "discussing", "for talks on", "talks on",
    "to press for", "to push for", "focused on", "covered", "on how to", "about",
    "video", "videoconference", "video-conferencing", "video link", "virtual", "virtually",
    "phone", "phoned", "telephoned", "by phone", "phone call", "telephone call",
]  # fmt: skip
_CUE_PIECES = [
    *_CUE_PHRASES, *{w for p in _CUE_PHRASES for w in p.split()},
    "casino", "motif", "deputy", "xno", "notable", "ſcrapped", "İf", "ıf", "oſten",
    "\u212a", "é", "éno", "1", "_", "the", "talks", "met",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "-", ", ", ". ", "", "\n", "é", "'"]
_cue_texts = st.lists(
    st.tuples(st.sampled_from(_CUE_PIECES), st.sampled_from(_SEPARATORS)), max_size=6
).map(lambda parts: "".join(w + s for w, s in parts))

_GATES = [
    ("denied", mp._DENIED),
    ("no", mp._NO_BEFORE),
    ("cancelled", mp._CANCELLED),
    ("postponed", mp._POSTPONED),
    ("proposed", mp._PROPOSED),
    ("possible", mp._POSSIBLE),
    ("habitual", mp._HABITUAL),
    ("their", mp._THEIR),
    ("next", mp._NEXT_WHEN),
    ("topic", mp._TOPIC),
    ("video", mp._VIDEO),
    ("call", mp._CALL),
]


def _cues(text: Text) -> cues_module.Cues:
    return cues_module.Cues(text, meetings._anchor_starts(text) is not None)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.group()) == (b.span(), b.group())


# Words that hold a cue word as a piece: a slice that cuts them can match where the
# article holds no such word.
_CUT_PIECES = [
    "casino",
    "motif",
    "xno",
    "éno",
    "xtheir",
    "mayor",
    "regularity",
    "tomorrows",
    "talks",
]
_cut_texts = st.lists(
    st.tuples(st.sampled_from(_CUT_PIECES), st.sampled_from([" ", " ", "  ", ", "])), max_size=4
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=1500, deadline=None)
@given(_cue_texts | _cut_texts, st.integers(0, 50), st.integers(0, 50))
def test_cue_gates_skip_only_searches_that_find_nothing(text: str, lo: int, hi: int) -> None:
    t = Text(text)
    norm = t.norm
    cues = _cues(t)
    for flag, pattern in _GATES:
        present = getattr(cues, flag)
        got = cues.find(present, pattern, norm, lo, hi)
        assert _same(got, pattern.search(norm[lo:hi])), (flag, norm, lo, hi)
        got = cues.find_from(present, pattern, norm, lo, hi)
        assert _same(got, pattern.search(norm, lo, hi)), (flag, norm, lo, hi)


def test_cue_gates_close_where_the_article_lacks_the_words() -> None:
    t = Text("Khalifa Haftar met Giuseppe Conte in Rome on Thursday.")
    cues = _cues(t)
    assert all(getattr(cues, flag) is not None for flag, _ in _GATES)  # each gate closed
    assert _cues(Text("They held talks.")).topic is None  # open: "talks on" may follow
    folded = _cues(Text("The ſummit met."))  # a folded letter: nothing is gated
    assert all(getattr(folded, flag) is None for flag, _ in _GATES)
    text = "The casino talks met."  # "no" only as a piece of "casino"
    cut = _cues(Text(text))
    assert cut.no is not None and cut.cut(5) and not cut.cut(4)
    assert cut.find(cut.no, mp._NO_BEFORE, text, 8, 17) is not None  # "no talks "
    assert cut.find(cut.no, mp._NO_BEFORE, text, 7, 17) is None  # "ino talks ": not searched
    text = "The talks mayor regularity."  # "may", "regular": pieces an end can cut
    end = _cues(Text(text))
    assert end.possible is not None and end.habitual is not None
    assert end.find(end.possible, mp._POSSIBLE, text, 4, 13) is not None  # "talks may"
    assert end.find_from(end.possible, mp._POSSIBLE, text, 4, 13) is not None
    assert end.find(end.habitual, mp._HABITUAL, text, 4, 23) is not None  # "... regular"
    assert end.find(end.possible, mp._POSSIBLE, text, 4, 14) is None  # "mayo": not searched


# ------------------------------------------------------- the extractor, gates off

_NAMES = [
    "Khalifa Haftar", "Giuseppe Conte", "Fayez al-Sarraj", "Emmanuel Macron", "Angela Merkel",
    "Vladimir Putin", "Germany", "Egypt", "he", "He", "Haftar", "Sarraj", "Ghassan Salame",
    "Italian Prime Minister Giuseppe Conte", "the UN envoy",
]  # fmt: skip
_ANCHORS = [
    "met", "meet", "meets", "meeting", "talks", "hosted", "received", "welcomed", "visited",
    "visit", "spoke", "talked", "phoned", "call", "calls", "summit", "conference", "invited",
    "face-to-face", "will host", "is due to meet", "held talks", "was received by",
]  # fmt: skip
_FILLERS = [
    "with", "and", ",", "between", "attended by", "joined by", "of", "by", "the", "their",
    "a", "his", "no", "'s", "in Rome", "in Berlin", "at the Elysee", "in the Libyan capital",
    "on Monday", "on Thursday", "last week", "next week", "for the first time", "said",
    "who", "where", "which", "-", ";", "to discuss", "the ceasefire", "a political solution",
    "separately", "on April 14 and May 9, 2019", "the same day", "after", "also included",
    "The talks", "The meeting", "according to officials", "the ministry said",
]  # fmt: skip
_sentences = st.lists(
    st.sampled_from(_NAMES)
    | st.sampled_from(_ANCHORS)
    | st.sampled_from(_FILLERS)
    | st.sampled_from(_CUE_PHRASES),
    min_size=2,
    max_size=16,
).map(lambda words: " ".join(words) + ".")
_meeting_texts = st.lists(_sentences, min_size=1, max_size=4).map(" ".join)


@contextlib.contextmanager
def _gates_off() -> Iterator[None]:
    """The extractor with every gate open: each pattern searched, each anchor read through."""

    class Open(cues_module.Cues):
        def __init__(self, text: Text, plain: bool) -> None:
            super().__init__(text, False)

    with pytest.MonkeyPatch.context() as mpatch:
        mpatch.setattr(meetings, "Cues", Open)
        mpatch.setattr(candidates, "_unnamed_noun", lambda *args: False)
        mpatch.setattr(candidates, "_few_subjects", lambda *args: False)
        # No anchor starts: every sentence is scanned for anchors, none skipped.
        mpatch.setattr(meetings, "_anchor_starts", lambda text: None)
        yield


def _events(text: str) -> list[str]:
    g = prepare(Article(text=text, published="2019-06-12"))
    return [m.model_dump_json() for m in meetings.meeting_events(g)]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_meeting_texts)
def test_meetings_are_the_same_with_every_gate_open(text: str) -> None:
    fast = _events(text)
    with _gates_off():
        assert _events(text) == fast


@pytest.mark.parametrize("cut", [0, 1, 3, 5, 8])
def test_a_sentence_read_in_its_first_part_is_read_alike(cut: int) -> None:
    # A sentence longer than _MAX_SENTENCE is read in its first part: its end may cut
    # an anchor word ("met" of "meters") or fall between anchors.
    head = "Khalifa Haftar met Giuseppe Conte in Rome, " * 46
    pad = "x" * (meetings._MAX_SENTENCE - len(head) - cut)
    text = head + pad + " meeting Emmanuel Macron and the face-to-face talks with Haftar went on."
    fast = _events(text)
    with _gates_off():
        assert _events(text) == fast
    assert fast


def test_gates_open_still_find_the_corpus_meetings() -> None:
    # The comparison above means something only if the open form reads meetings at all.
    text = (
        "Khalifa Haftar met Giuseppe Conte in Rome on Monday. The talks were cancelled. "
        "Angela Merkel will host a summit in Berlin next week with Vladimir Putin and "
        "Emmanuel Macron. No meeting between Haftar and Fayez al-Sarraj is planned."
    )
    fast = _events(text)
    with _gates_off():
        assert _events(text) == fast
    assert len(fast) >= 2


# ------------------------------------------------------------ anchors with no one near


def _read_each_anchor(text: str, gate: bool) -> list[tuple[int, bool]]:
    """(anchor start, whether it read nothing) for each anchor of ``text``."""
    g = prepare(Article(text=text, published="2019-06-12"))
    cues = cues_module.Cues(g.text, False)
    starts = [m.start for m in g.actors]
    out = []
    for s, e in g.sentences:
        mentions = meetings._mentions(g.actors, starts, s, e)
        places = meetings._Places(g.norm, s, e)
        for anchor in mp._ANCHOR.finditer(g.norm, s, e):
            with pytest.MonkeyPatch.context() as mpatch:
                if not gate:
                    mpatch.setattr(candidates, "_unnamed_noun", lambda *args: False)
                    mpatch.setattr(candidates, "_few_subjects", lambda *args: False)
                found = candidates._read_anchor(g, cues, (s, e), mentions, places, anchor, [])
            out.append((anchor.start(), found == []))
    return out


_NEAR = ["the talks", "The talks", "a summit", "the conference", "talks", "the visit", "a call"]
_GAPS = ["", "in Rome", "in the Libyan capital on Monday", "on Monday", "which lasted hours"]
_noun_texts = st.tuples(
    st.lists(st.sampled_from(_NAMES), max_size=2),
    st.sampled_from(_NEAR),
    st.lists(st.sampled_from(_GAPS), max_size=3),
    st.sampled_from(["with", "between", "attended by", "of", "by", "and"]),
    st.lists(st.sampled_from(_NAMES), max_size=2),
).map(lambda p: " ".join([*p[0], p[1], *p[2], p[3], " and ".join(p[4])]) + ".")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_noun_texts | _meeting_texts)
def test_an_anchor_dropped_for_want_of_people_reads_nothing_in_full(text: str) -> None:
    gated = _read_each_anchor(text, gate=True)
    assert gated == _read_each_anchor(text, gate=False)


@pytest.mark.parametrize(
    "text",
    [
        "The talks in the Libyan capital on Monday, with Khalifa Haftar, went on.",
        "The talks in Rome on Monday with Khalifa Haftar went on.",
        "A summit in the Libyan capital on Monday, attended by Khalifa Haftar and Emmanuel Macron.",
        "Khalifa Haftar said talks in Rome were over.",
        "Talks in Rome went on.",
        "Khalifa Haftar and Fayez al-Sarraj held talks in Rome.",
        "Khalifa Haftar and Giuseppe Conte had a summit.",
        "Khalifa Haftar and Giuseppe Conte, who arrived on Monday, had a long meeting.",
        "Germany's offer to host a conference.",
        "Egypt has offered to host talks, Khalifa Haftar's envoy said.",
        "Khalifa Haftar's visit to Rome.",
        # A state named as subject (no actor mention: the gazetteer lacks "Taaf") and the
        # owner of the talks: two subjects with one actor before the anchor.
        "Taaf offered to host Haftar's talks.",
        "Fyrom has offered to host Khalifa Haftar's summit in Skopje.",
    ],
)
def test_noun_anchors_with_people_far_after_them(text: str) -> None:
    assert _read_each_anchor(text, gate=True) == _read_each_anchor(text, gate=False)


# ------------------------------------------------------------ small exact rewrites


@settings(max_examples=500, deadline=None)
@given(_cue_texts | st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_attribution_cue_is_the_seven_finds(text: str, s: int, e: int) -> None:
    found = mp._ATTR_CUE.search(text, s, e) is not None
    assert found is any(text.find(w, s, e) != -1 for w in mp._ATTR_VERBS)


_SAME = ["Khalifa Haftar", "Haftar", "he", "Giuseppe Conte", "Conte", "Italy's Conte"]
_twice_texts = st.tuples(
    st.lists(st.sampled_from(_SAME), min_size=1, max_size=3),
    st.sampled_from(["met", "hosted", "held talks with", "spoke by phone with", "met with"]),
    st.lists(st.sampled_from(_SAME), min_size=1, max_size=3),
    st.sampled_from(["", " separately", " in Rome", ". The talks also included Haftar"]),
).map(lambda p: f"{' and '.join(p[0])} {p[1]} {', '.join(p[2])}{p[3]}.")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_twice_texts | _meeting_texts | _noun_texts)
def test_candidates_name_each_actor_once(text: str) -> None:
    # _event reads a candidate's people as they are (no second _dedupe): they must be
    # distinct actors, as _read_anchor builds them and _follow_up adds to them.
    g = prepare(Article(text=text, published="2019-06-12"))
    for c in meetings._candidates(g):
        keys = [m.actor.key for m in c.people]
        assert len(keys) == len(set(keys)), text


_topic_texts = st.lists(
    st.sampled_from(
        ["to discuss", "talks on", "for talks on", "on how to", "about", "Rome", "met", "x", ","]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_topic_texts, st.integers(0, 80), st.integers(0, 300), st.integers(0, 120))
def test_the_topic_found_from_before_the_anchor_is_the_one_after_it(
    text: str, s: int, a1: int, e: int
) -> None:
    # _place reuses _topic_at's match (searched from up to 200 before the anchor) where it
    # starts after the anchor: it is then what a search from the anchor finds.
    s = min(s, a1)  # the sentence starts before the anchor
    found = mp._TOPIC.search(text, max(s, a1 - 200), e)
    if found is None or found.start() >= a1:
        assert _same(found, mp._TOPIC.search(text, a1, e))


@settings(max_examples=300, deadline=None)
@given(_cue_texts | st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_the_reporting_verbs_of_the_article_find_those_of_a_sentence(
    text: str, s: int, e: int
) -> None:
    verbs, according = _cues(Text(text)).said()
    norm = Text(text).norm
    assert any(norm.find(w, s, e) != -1 for w in verbs) is any(
        norm.find(w, s, e) != -1 for w in mp._ATTR_VERBS
    )
    assert (according and norm.find("according", s, e) != -1) is (
        norm.find("according", s, e) != -1
    )


_PLANNED_PIECES = [
    "will", "Will", "WILL", "shall", "would", "is to", "are  to", "is\nto", "due", "set to",
    "expected to", "scheduled", "going to", "plans to", "plan to", "planning to", "intends to",
    "intend to", "next week", "Next  month", "tomorrow", "later on", "later this", "upcoming",
    "planned", "he'll", "they’ll", "this to", "xwill", "willing", "İs to", "wıll", "after",
    "After", "to", "To meet", "TO HOST", "to visit", "hold talks", "to hold  talks", "meet",
    "é", "1", "_", "-", "x",
]  # fmt: skip
_planned_texts = st.lists(
    st.tuples(st.sampled_from(_PLANNED_PIECES), st.sampled_from([" ", "  ", ", ", "", "'"])),
    max_size=8,
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=1000, deadline=None)
@given(_planned_texts, st.integers(0, 60), st.integers(0, 60))
def test_status_pre_checks_find_every_match(text: str, a: int, b: int) -> None:
    # _status searches _PLANNED, _AFTER_END and _TO_MEET only where these find their words.
    t = Text(text)
    norm, runs, cues = t.norm, t.runs.runs, _cues(t)
    if mp._PLANNED.search(norm[a:b]) and cues.plain and not cues.cut(a):
        assert mp._PLANNED_RUNS.search(runs, a, b) is not None, (norm, a, b)
    if mp._AFTER_END.search(norm[a:b]):
        assert norm.find("after", a, b) != -1
    if mp._TO_MEET.search(norm[a:b]):
        assert runs.find(b"to", a, b) != -1


def test_planned_in_the_runs_needs_an_uncut_start() -> None:
    # A slice that cuts "this" reads "is to" where the runs of letters hold "this to":
    # there _status searches the text itself.
    t = Text("Will Haftar and Conte say this to Salame?")
    cues = _cues(t)
    a = t.norm.index("this") + 2
    assert mp._PLANNED.search(t.norm[a:]) is not None
    assert mp._PLANNED_RUNS.search(t.runs.runs, a) is None and cues.cut(a)


@settings(max_examples=1000, deadline=None)
@given(_topic_texts | _cue_texts, st.integers(0, 80), st.integers(0, 120))
def test_topics_in_the_runs_find_every_topic(text: str, pos: int, endpos: int) -> None:
    t = Text(text)
    if mp._TOPIC.search(t.norm, pos, endpos) is not None:
        assert mp._TOPIC_RUNS.search(t.runs.runs, pos, endpos) is not None, (t.norm, pos)


_RUNS_FORMS = [
    (mp._HABITUAL, mp._HABITUAL_RUNS),
    (mp._PROPOSED, mp._PROPOSED_RUNS),
    (mp._POSSIBLE, mp._POSSIBLE_RUNS),
    (mp._CANCELLED, mp._CANCELLED_RUNS),
    (mp._PLANNED, mp._PLANNED_RUNS),
]


@settings(max_examples=1500, deadline=None)
@given(_cue_texts | _planned_texts | _cut_texts, st.integers(0, 60), st.integers(0, 60))
def test_each_pattern_read_in_the_runs_finds_every_match(text: str, a: int, b: int) -> None:
    # Cues.find searches a pattern only where its _RUNS form finds something (plain text,
    # no edge cutting a word): every match of the pattern must be found by that form.
    t = Text(text)
    cues = _cues(t)
    if not cues.plain or cues.cut(a) or cues.cut(b):
        return
    for pattern, letters in _RUNS_FORMS:
        if pattern.search(t.norm[a:b]) is not None:
            assert letters.search(t.runs.runs, a, b) is not None, (pattern.pattern, t.norm, a, b)


def _plain_clause_start(norm: str, s: int, anchor: int) -> tuple[int, str | None]:
    """_clause_start before its near look: the last boundary of the whole stretch."""
    lo = max(s, anchor - 400)
    found = list(mp._BOUNDARY.finditer(norm, lo, anchor))
    if not found:
        return lo, None
    return found[-1].end(), found[-1].group().strip().lower()


_BOUNDARY_PIECES = [
    "said", "says", "who", "whom", "where", "which", "when", "while", "but", "added", ";",
    ":", " - ", " - - ", " -- ", "\n-\n", "x", "xsaid", "saidx", "the talks", "Haftar",
    "met", " ", "  ", ",", "é", "1",
]  # fmt: skip
_boundary_texts = st.lists(st.sampled_from(_BOUNDARY_PIECES), max_size=70).map(
    lambda parts: " ".join(parts)
)


@settings(max_examples=800, deadline=None)
@given(_boundary_texts, st.integers(0, 60), st.integers(0, 500))
def test_the_near_clause_boundary_is_the_last_one(text: str, s: int, anchor: int) -> None:
    from diplodata.extract._meeting_actors import _clause_start

    anchor = min(anchor, len(text))
    s = min(s, anchor)
    assert _clause_start(text, s, anchor) == _plain_clause_start(text, s, anchor)


def test_a_dash_chain_at_the_edge_of_the_near_look_is_read_in_full() -> None:
    # " - - ": the boundary " - " at 10 and the one at 12 overlap; a scan from 12 (the
    # near look of an anchor at 92) finds the second, a scan from the sentence start
    # only the first.
    from diplodata.extract._meeting_actors import _NEAR, _clause_start

    text = "a" * 10 + " - - " + "x" * 77 + " met"
    anchor = 12 + _NEAR
    assert _clause_start(text, 0, anchor) == _plain_clause_start(text, 0, anchor) == (13, "-")
