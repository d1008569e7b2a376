"""Meeting candidates: what one anchor word says (:mod:`~diplodata.extract.meetings`).

A candidate holds the people, host, status, modality and place read around one anchor
of a sentence; the sentence loop, merging and event building are in the public module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from diplodata.extract._meeting_actors import (
    _at,
    _chain,
    _clause_start,
    _dedupe,
    _first_in,
    _is_pronoun,
    _leaders,
    _object,
    _state_subject,
)
from diplodata.extract._meeting_attributes import _modality, _place, _status, _topic_at
from diplodata.extract._meeting_cues import Cues
from diplodata.extract._meeting_delegations import as_delegations, led_by_delegations
from diplodata.extract._meeting_patterns import (
    _APPOS,
    _BOUNDARY,
    _BY,
    _BY_LEAD,
    _CALL_KIND,
    _CALL_WITH,
    _CLAUSE_END,
    _DEFINITE,
    _DELEGATION_OBJECT,
    _DETERMINED,
    _ELIDED,
    _ELIDED_AFTER,
    _HABITUAL,
    _HABITUAL_RUNS,
    _HOSTED_BY,
    _HOSTED_EVENT,
    _LAST_SEEN,
    _LIST_CUT,
    _LIST_LEAD,
    _NOT_MEETING_AFTER,
    _NOUNS,
    _OBJ_LEAD,
    _ORDINAL_TIME,
    _OWN_VERB,
    _PAIR,
    _PASSIVE_MET,
    _POSSESSOR,
    _POSSIBLE,
    _POSSIBLE_RUNS,
    _PROPOSED,
    _PROPOSED_RUNS,
    _SPEAK_LEAD,
    _THEIR,
    _VISIT_DET,
    _lookup_verb,
)
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch
from diplodata.extract.groundwork import NO_TIME, Groundwork
from diplodata.extract.places import PlaceMention
from diplodata.models import (
    ActorKind,
    MeetingStatus,
    Modality,
    TimeRef,
)

_THEY = re.compile(r"\s*+they\s++(?:had\s++|have\s++|first\s++|last\s++)?met\b", re.IGNORECASE)
"""'when they met', 'where they met': the subject is that of the clause before."""

_SAW_PERSON = re.compile(r" [A-Z]")
_SAW_APPOS = re.compile(r",\s++(?:the|a|an|his|her)\s[^,;()]{0,140}?(?=[,.;])")
_SAW_AFTER = re.compile(
    r"\s*+(?:[.;]|,\s++(?:and|but|then)\b|(?:,\s++)?(?:in|on|at|during|before|after|for)\b)"
)
_WITH_PERSON = re.compile(
    r"\b(?:discuss(?:ed|es)?|agreed|talked|spoke|conferred)\s++(?:[\w'-]++\s++){0,6}?with\s++"
    r"(?:the\s++)?"
)
"""'discussed Libya with ', 'agreed with ': a person met, named before the meeting noun."""

# ------------------------------------------------------------------------------ types


@dataclass(slots=True)
class _Cand:
    """A meeting candidate read around one anchor (normalised offsets).

    ``when`` starts as the shared :data:`~diplodata.extract.groundwork.NO_TIME` (a
    TimeRef is immutable; building a fresh one per candidate cost a validation each).
    """

    sentence: tuple[int, int]
    anchors: list[tuple[int, int]]
    people: list[ActorMention]
    host: ActorMention | None = None
    status: MeetingStatus = MeetingStatus.HELD
    modality: Modality = Modality.IN_PERSON
    place: PlaceMention | None = None
    date: DateMatch | None = None
    topics: list[str] = field(default_factory=list)
    attribution: str | None = None
    split_key: int = 0
    when: TimeRef = NO_TIME
    year: str | None = None
    topic: re.Match[str] | None = None  # where its topics begin (_topic_at of its first anchor)
    focus: tuple[int, int] | None = None  # where its date is read, if not at its anchor

    def names(self) -> set[str]:
        return {m.actor.key for m in self.people}


# --------------------------------------------------------------------------- candidates


def _read_anchor(
    g: Groundwork,
    cues: Cues,
    sent: tuple[int, int],
    mentions: list[ActorMention],
    places: Callable[[], list[PlaceMention]],
    anchor: re.Match[str],
    previous: list[_Cand],
) -> list[_Cand]:
    norm = g.norm
    s, e = sent
    a0, a1 = anchor.span()
    word = anchor.group().lower()
    before = norm[max(s, a0 - 60) : a0]
    after = norm[a1 : min(e, a1 + 40)]
    verb = _lookup_verb(word)
    noun = word in _NOUNS
    # "meeting" is a verb when an actor follows it ("after meeting Conte"), else a noun.
    if word == "meeting" and _DETERMINED.search(before):
        verb = None
    elif word == "meeting":
        obj_here = _OBJ_LEAD.match(norm, a1, e)
        if obj_here is not None and _at(mentions, obj_here.end()) is not None:
            noun = False
        else:
            verb = None
    if word in ("visit", "visits") and _VISIT_DET.search(before):
        verb = None
    elif word in ("visit", "visits"):
        noun = False
    if word in ("call", "calls") and not (_CALL_KIND.search(before) or _CALL_WITH.match(after)):
        return []
    if word == "met" and _PASSIVE_MET.search(before):
        return []
    if word == "meeting" and noun and _NOT_MEETING_AFTER.match(after):
        return []
    if word == "face-to-face":
        noun = True
    if verb is None and not noun:
        return []
    if word in ("speak", "talked") and not _SPEAK_LEAD.match(after):
        return []
    if word == "see" and not before.endswith("to "):
        return []  # only "flew to Cairo to see X" (a purpose): "see whether", "we see"
    if word == "saw" and _SAW_PERSON.match(norm, a1, e) and not _LAST_SEEN.search(before):
        # "he saw Fayez al-Sarraj in Tripoli": a person seen somewhere, sometime, or then
        # left ("saw X as a partner", "saw X take Tripoli" are no meeting)
        seen = _at(mentions, a1 + 1)
        if seen is None or seen.actor.kind is not ActorKind.PERSON:
            return []
        appos = _SAW_APPOS.match(norm, seen.end, e)
        if not _SAW_AFTER.match(norm, appos.end() if appos else seen.end, e):
            return []
    elif word in ("seen", "saw") and not _LAST_SEEN.search(before):
        return []  # "seen as", "saw fighting": only "had last seen X" recalls a meeting
    if verb is not None and "time" in before and _ORDINAL_TIME.search(before):
        return []  # "the second time X had met Y": a count of meetings, not one
    paired = noun and ("two" in before or "both" in before) and previous
    definite = noun and _DEFINITE.search(before) is not None and not _POSSESSOR.search(before)
    # A state can be the subject of a noun only where _PROPOSED matches its clause, which
    # starts at max(s, a0 - 400) or at the end of a boundary (no word cut there).
    may_state = cues.proposed is None or cues.cut(max(s, a0 - 400))
    if verb is None and not paired and _unnamed_noun(mentions, a0, a1, definite, word, may_state):
        return []

    # ----- objects (read before the clause: they decide most of the anchors dropped)
    host: ActorMention | None = None
    objects: list[ActorMention] = []
    limit = min(e, a1 + 400)
    passive_by = None
    if verb is not None:
        lead = _OBJ_LEAD.match(norm, a1, limit)
        pos = lead.end() if lead else a1
        if verb == "host" and _BY.match(norm[a1 : a1 + 4]):
            passive_by = _at(mentions, _BY_LEAD.match(norm, a1).end())  # type: ignore[union-attr]
        obj = _object(norm, mentions, pos, limit) if passive_by is None else None
        if obj is None and cues.delegation and norm.find("delegation", pos, pos + 16) != -1:
            lead_d = _DELEGATION_OBJECT.match(norm, pos, limit)
            obj = _object(norm, mentions, lead_d.end(), limit) if lead_d else None
        if obj is not None:
            objects = _chain(norm, mentions, obj, limit)
    if noun or verb in ("meet", "speak", "phone", "visit") or (verb == "host" and not objects):
        window = norm[a1 : min(e, a1 + _LIST_REACH)]
        # The first list word followed by an actor ("talks of the commission chaired by X":
        # "of" names no actor, "by" does), up to a cut of the list.
        lead2 = _LIST_LEAD.search(window)
        while lead2 is not None and not _LIST_CUT.search(window[: lead2.end()]):
            word2 = lead2.group().strip().lower()
            pos = a1 + lead2.end()
            obj = _object(norm, mentions, pos, limit)
            if obj is None:
                lead2 = _LIST_LEAD.search(window, lead2.end())
                continue
            if not (word2 == "by" and not noun):
                more = _chain(norm, mentions, obj, limit)
                if word2 == "by" and noun and _HOSTED_BY.search(window[: lead2.start()]):
                    host = more[0]
                objects = objects + [m for m in more if m not in objects]
            break
    if word == "see" and (not objects or objects[0].actor.kind is not ActorKind.PERSON):
        return []  # "to see a ceasefire hold", "to see Russia step in": no one met
    if not objects:
        if definite:
            return []  # "the talks", "after the meeting": a meeting already reported
        if verb == "host" and passive_by is None and not _HOSTED_EVENT.match(norm, a1, e):
            return []  # "welcomed the calls", "received criticism"
        if noun and not paired and _few_subjects(mentions, a0, word, may_state):
            return []  # the check at the end of the subject, made before the clause is read

    start, boundary = _clause_start(norm, s, a0)
    if cues.find(cues.possible, _POSSIBLE, norm, start, a0, _POSSIBLE_RUNS) or cues.find(
        cues.habitual, _HABITUAL, norm, start, min(e, a1 + 20), _HABITUAL_RUNS
    ):
        return []

    # ----- subject
    subject: list[ActorMention] = []
    first = _first_in(norm, mentions, start, a0)
    if first is None and boundary == "who":
        # "X, who had met Y": the antecedent before ", who"
        prior = [
            m for m in mentions if m.end <= start and norm[m.end : start].strip(" ,") in ("who",)
        ]
        first = prior[-1] if prior else None
    if first is None and boundary in ("when", "where") and _THEY.match(norm, start, a1):
        # "X and Y discussed Libya when they met in Istanbul": the main clause's subject
        main = _clause_start(norm, s, norm.rfind(boundary, s, start))[0]
        first = _first_in(norm, mentions, main, start)
    if first is not None and not definite:
        subject = _chain(norm, mentions, first, a0, objects=False)
    if not subject and ("two" in before or "both" in before) and _PAIR.search(before):
        # "The two leaders also held talks ...": the two people of the meeting just
        # reported, or where it had no two, the two who led the sentences before
        last = previous[-1].people if previous else []
        if len(last) == 2 and all(m.actor.kind is ActorKind.PERSON for m in last):
            subject = list(last)
        else:
            subject = _leaders(norm, g.sentences, g.actors, s)
    if not subject and (
        verb in ("host", "invite")
        or cues.find(cues.proposed, _PROPOSED, norm, start, a0, _PROPOSED_RUNS)
    ):
        state = _state_subject(norm, start, a0)
        if state is not None:
            subject = [state]
    if noun and cues.find(cues.their, _THEIR, norm, max(s, a0 - 60), a0):
        # "at their meeting": everyone named before it in the sentence
        subject = [m for m in mentions if s <= m.start and m.end <= a0][:6]
    if noun:
        m_pos = _POSSESSOR.search(before)
        if m_pos is not None:
            owner = [m for m in mentions if m.end == a0 - len(before) + m_pos.start()]
            if owner:
                subject = [owner[0], *(m for m in subject if m is not owner[0])]
    if noun and len(subject) == 1 and not objects and norm.find(" with ", subject[0].end, a0) != -1:
        # "X discussed Libya with Y in a telephone call": Y, named before the noun
        other = _with_before(norm, mentions, subject[0].end, a0)
        if other is not None:
            subject = [*subject, other]
    if noun and word not in ("visit", "visits") and not objects and len(subject) < 2:
        return []  # "plans for a conference in Berlin": no one named as meeting

    if cues.delegation:
        if subject and led_by_delegations(norm, subject[0], s):
            subject = as_delegations(subject, norm)
        if objects and led_by_delegations(norm, objects[0], s):
            objects = as_delegations(objects, norm)
    if verb == "host" and passive_by is not None:
        host = passive_by
        people = [passive_by, *subject]
    else:
        people = subject + [m for m in objects if m not in subject]
        if verb == "host" and subject:
            host = subject[0]
    if not people:
        return []
    # ----- where
    topic = _topic_at(norm, cues, s, e, a1)
    place = _place(norm, cues, places(), s, start, boundary, a1, e, people, topic)
    if verb == "visit" and objects == [] and place is None:
        return []
    if word in ("seen", "saw") and not objects:
        return []
    # ----- status, modality
    clause_end = max(a1, *[m.end for m in people])
    status = _status(g, cues, s, e, start, a0, a1, clause_end, word)
    modality = _modality(g, cues, s, e, verb)
    if modality in (Modality.CALL, Modality.VIDEO):
        place = None
    cand = _Cand(
        sentence=sent,
        anchors=[(a0, a1)],
        people=_dedupe(people),
        host=host,
        status=status,
        modality=modality,
        place=place,
        topic=topic,
    )
    # "met X and Y separately", "held separate talks with X and with Y": one meeting each
    separate = "separately" in norm[a1:e] or "separate" in norm[max(s, a0 - 10) : a0]
    if separate and len(objects) >= 2 and subject:
        return [replace(cand, people=_dedupe([*subject, o]), split_key=o.end) for o in objects]
    if (
        verb in ("meet", "host")
        and objects
        and subject
        and norm.find(", and ", objects[-1].end, e) >= 0
    ):
        other = _elided(norm, mentions, objects[-1], min(e, a1 + 400))
        if other is not None:
            second = replace(
                cand,
                people=_dedupe([*subject, other]),
                split_key=other.start,
                focus=(other.start, other.end),
                place=_place(norm, cues, places(), s, start, None, other.end, e, people, topic),
            )
            return [cand, second]
    return [cand]


def _elided(
    norm: str, mentions: list[ActorMention], last: ActorMention, limit: int
) -> ActorMention | None:
    """'met A in Tripoli on February 12, and B in Benghazi the next day': B, met in a clause of its own."""
    appos = _APPOS.match(norm, last.end, limit)
    pos = appos.end() if appos else last.end
    gap = _ELIDED.match(norm, pos, limit)
    if gap is None:
        return None
    other = _at(mentions, gap.end())
    if other is None or other.start != gap.end() or other.end > limit or _is_pronoun(other):
        return None
    if not _ELIDED_AFTER.match(norm, other.end, limit):
        return None
    # "and Haftar in Benghazi said ...": a clause of its own, with a verb of its own
    stop = _CLAUSE_END.search(norm, other.end, limit)
    if _OWN_VERB.search(norm, other.end, stop.start() if stop else limit):
        return None
    return other


_LIST_REACH = 90
"""How far after a noun anchor the list of those meeting is looked for ("talks with ...")."""


def _unnamed_noun(
    mentions: list[ActorMention], a0: int, a1: int, definite: bool, word: str, state: bool
) -> bool:
    """Whether a noun anchor (no verb) is dropped for want of people, whatever else is read.

    Its objects are read only after a list word within :data:`_LIST_REACH` of the anchor
    ("talks with X"), and each begins right after one: with no actor there, it has none.
    Then a definite noun ("the talks") is dropped, and so is one with too few subjects
    (:func:`_few_subjects`). :func:`_read_anchor` returns nothing in either case; this
    says so before the objects and the clause are read.
    """
    reach = a1 + _LIST_REACH
    if any(a1 < m.start <= reach for m in mentions):
        return False
    return definite or _few_subjects(mentions, a0, word, state)


def _with_before(norm: str, mentions: list[ActorMention], a: int, b: int) -> ActorMention | None:
    """The person after "discussed ... with" between ``a`` and ``b``, if no clause ends before ``b``."""
    found = _WITH_PERSON.search(norm, a, b)
    if found is None:
        return None
    m = _at(mentions, found.end())
    if m is None or m.end > b or m.actor.kind is not ActorKind.PERSON:
        return None
    if _BOUNDARY.search(norm, m.end, b):
        return None  # "with Y, who ...": Y's clause ends before the noun
    return m


def _few_subjects(mentions: list[ActorMention], a0: int, word: str, state: bool) -> bool:
    """Whether a noun anchor with no objects is dropped for want of two subjects ("plans for a conference").

    Its subjects are distinct actors that end before the anchor, and, only where ``state``
    (a state may be named as subject: see :func:`_read_anchor`), one state besides. With
    no actor before the anchor, or one and no state, it has at most one, and any noun but
    "visit" is dropped (the check after the subject in :func:`_read_anchor`).
    """
    if word in ("visit", "visits"):
        return False
    before = [m for m in mentions if m.end <= a0]
    return not before or (len(before) == 1 and not state)
