"""Meetings reported in an article (extractor ``meetings.v1``).

Patterns are anchored on the rare meeting words (met, meet, meeting, talks, hosted,
received, welcomed, visit, spoke, call, summit, conference, invited) and read a
bounded window of the same sentence around them, using the actor mentions the
groundwork already found (which resolve pronouns and surnames):

* the *subject*: the first actor in the clause before the anchor, with the actors
  coordinated with it ("X and Y met"), appositives skipped ("X, the head of Z, met");
* the *objects*: the actors right after a verb ("met Y", "received Y", "met with Y",
  "spoke by telephone with Y") or after "with", "between", "attended by", "of" near a
  noun ("held talks in Moscow with Y", "a summit ..., attended by A, B and C");
* the *host*: the subject of hosted / received / welcomed / will host, or "by X" of a
  passive;
* the *status*: denied ("no meeting", "denied"), cancelled ("called off"), postponed,
  proposed ("offered to host", "invited"), planned ("will", "is due to", "expected to",
  "to meet", "next week"), else held;
* the *modality*: video, call (phone / telephone), unknown ("spoke to"), else in person;
* place, topics, time phrase and attribution from the same sentence.

Several anchors of one sentence that name the same people make one event ("visited
Cairo, where he met Sisi"; "hosted a summit ..., attended by ..."); a later sentence
that repeats a meeting already reported (same people, same status, no other date)
adds nothing; a sentence that opens with "The talks" and names more attendees adds
them to the meeting just reported. Everything is stdlib ``re`` over bounded windows,
linear in the text; nothing here raises on any text.

Examples
--------
>>> from diplodata.article import Article
>>> from diplodata.extract.groundwork import prepare
>>> g = prepare(Article(text="Italian Prime Minister Giuseppe Conte received Khalifa Haftar in Rome on "
...                          "Thursday for talks on a ceasefire.", published="2019-05-16"))
>>> [(m.status.value, m.modality.value, [a.name for a in m.participants], m.host.name,
...   m.location.name) for m in meeting_events(g)]
[('held', 'in_person', ['Giuseppe Conte', 'Khalifa Haftar'], 'Giuseppe Conte', 'Rome')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from pydantic import ValidationError

from diplodata.countries import countries
from diplodata.extract.actors import ActorMention
from diplodata.extract.dates import DateMatch, resolve
from diplodata.extract.gazetteer import fold
from diplodata.extract.groundwork import Groundwork
from diplodata.extract.places import PlaceMention, find_places
from diplodata.models import (
    Actor,
    ActorKind,
    Meeting,
    MeetingStatus,
    Modality,
    Place,
    Precision,
    Span,
    TimeRef,
)
from diplodata.ontology import codes_for_meeting

__all__ = ["EXTRACTOR", "meeting_events"]

EXTRACTOR = "meetings.v1"

_MAX_MENTION = 400  # an actor mention is never longer; mentions may start before their sentence
_LOOK_BACK = 50  # earlier meetings a repeat is looked for in
_MAX_SENTENCE = 2000  # longer "sentences" (tables, run-on text) are read in their first part

# ----------------------------------------------------------------------------- patterns

_ANCHOR = re.compile(
    r"\b(?:met|meets?|meeting|talks|host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcomed|"
    r"visit(?:s|ed|ing)?|spoke|spoken|speak|talked|phoned|telephoned|calls?|summit|"
    r"conference|invit(?:e|es|ed)|face-to-face)\b",
    re.IGNORECASE,
)
_VERB = {
    "met": "meet", "meet": "meet", "meets": "meet", "meeting": "meet",
    "host": "host", "hosts": "host", "hosted": "host", "hosting": "host",
    "receive": "host", "receives": "host", "received": "host", "receiving": "host",
    "welcomed": "host",
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
    "spoke": "speak", "spoken": "speak", "speak": "speak", "talked": "speak",
    "phoned": "phone", "telephoned": "phone",
    "invite": "invite", "invites": "invite", "invited": "invite",
}  # fmt: skip
_NOUNS = frozenset(
    {"meeting", "talks", "visit", "visits", "call", "calls", "summit", "conference", "face-to-face"}
)
# Boundaries of the clause that holds an anchor (searched backwards from it).
_BOUNDARY = re.compile(
    r"\s[-\u2013\u2014]\s|;|:|\b(?:where|who|whom|which|while|when|whose|but|said|says|"
    r"disclosed|announced|reported|added)\b"
)
_PASSIVE_MET = re.compile(r"\b(?:be|been|being|is|are|was|were|get|got)\s++(?:not\s++)?$")
_NOT_MEETING_AFTER = re.compile(
    r"^\s*+(?:room|rooms|hall|halls|place|point|points|venue|minutes|notes|centre|center|"
    r"call\s++(?:for|on)|table|tables)\b",
    re.IGNORECASE,
)
_POSSIBLE = re.compile(
    r"\b(?:whether|might|may|could|possible|possibly|perhaps|if|unless|would\s++like)\b"
)
_HABITUAL = re.compile(
    r"\b(?:has|have|had)\s++been\s++meeting\b|\bregular(?:ly)?\b|\bevery\s++(?:week|month|year)\b|"
    r"\busually\b|\boften\b",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"\bno\s++(?:[\w-]++\s++){0,2}?(?:meeting|talks|summit|call|encounter)\b|\bdenied\b|\bdenies\b|"
    r"\bdid\s++not\s++(?:meet|take\s++place)\b|\bnever\s++met\b|\bno\s++plans?\s++to\s++meet\b|"
    r"\bhas\s++not\s++been\s++(?:planned|scheduled)\b|\bwas\s++not\s++(?:planned|scheduled)\b",
    re.IGNORECASE,
)
_CANCELLED = re.compile(r"\b(?:called\s++off|cancell?ed|scrapped|cancell?ation)\b", re.IGNORECASE)
_POSTPONED = re.compile(
    r"\b(?:postponed|put\s++off|pushed\s++back|delayed|rescheduled)\b", re.IGNORECASE
)
_PROPOSED = re.compile(
    r"\b(?:offer(?:ed|s)?\s++to\s++(?:host|meet|hold|mediate)|invit(?:e|es|ed|ation)|"
    r"propos(?:ed|es)\s++(?:a\s++|to\s++)?(?:meeting|talks|summit|meet|host)|"
    r"called\s++for\s++(?:direct\s++)?talks|suggested\s++(?:a\s++)?meeting)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|would|is\s++to|are\s++to|due|set\s++to|expected\s++to|scheduled|going\s++to|"
    r"plans?\s++to|planning\s++to|intends?\s++to|next\s++(?:week|month|year)|tomorrow|"
    r"later\s++(?:on|this|today|in)|upcoming|planned)\b|'ll\b",
    re.IGNORECASE,
)
_TO_MEET = re.compile(r"\bto\s++(?:meet|host|receive|visit|hold\s++talks)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:met|held|hosted|received|visited|travelled|traveled|flew|arrived|went|came|was|were|"
    r"had|spoke|said)\b"
)
_VIDEO = re.compile(
    r"\bvideo\b|\bvideo-?conferenc\w*|\bvideo\s++link\b|\bvirtual(?:ly)?\b", re.IGNORECASE
)
_CALL = re.compile(
    r"\b(?:tele)?phone(?:d)?\b|\bby\s++phone\b|\bphone\s++call\b|\btelephone\s++call\b",
    re.IGNORECASE,
)
# Appositive after a name: ", the head of X," / ", who ...," (skipped up to its closing comma).
_APPOS = re.compile(
    r",\s++(?:the|a|an|his|her|its|their|head|chief|leader|speaker|commander|who|whose|which|"
    r"prime|president|foreign|deputy|acting|then|now|[a-z][\w-]*+\s++(?:of|to|for)\b)[^,;()]{0,140}?(?=,)"
)
_COORD = re.compile(r",?\s++(?:and|as\s++well\s++as|along\s++with|together\s++with)\s++|,\s++")
_AFTER_COORD_VERB = re.compile(
    r"\s++(?:[a-z]++\s++)?(?:met|meet|said|says|has|had|was|is|will|told|held|called|visited|"
    r"hosted|received|spoke|agreed|added)\b"
)
_POSSESSIVE_APPOS = re.compile(r"['’]s\s++(?:[\w-]++\s++){0,2}?[\w-]++,\s++")
_OBJ_LEAD = re.compile(
    r"\s*+(?:with\s++|to\s++|by\s++(?:tele)?phone\s++(?:with\s++|to\s++)?|"
    r"on\s++the\s++(?:tele)?phone\s++(?:with\s++|to\s++)?|over\s++the\s++phone\s++(?:with\s++|to\s++)?|"
    r"by\s++video\s++(?:link\s++)?(?:with\s++|to\s++)?)?"
)
_LIST_LEAD = re.compile(
    r"\b(?:with|between|among|attended\s++by|joined\s++by|involving|involve|bringing\s++together|"
    r"brought\s++together|of|by)\s++",
    re.IGNORECASE,
)
_HOSTED_EVENT = re.compile(
    r"\s++(?:(?:an?|the|its|his|her|their)\s++)?(?:[\w-]++\s++){0,3}?"
    r"(?:summit|conference|talks|meeting|meetings|forum|gathering|round|negotiations)\b"
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}+[^\n]{0,60}?\s[-\u2013\u2014]\s")
_SAME_EVENT = re.compile(
    r"\b(?:the\s++same\s++day|that\s++day|hours\s++(?:after|before|later|earlier)|"
    r"later\s++that\s++day|shortly\s++(?:after|before))\b",
    re.IGNORECASE,
)
_DETERMINED = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its|no|this|that|first|second)|['’]s)\s++(?:[\w-]++\s++)?$",
    re.IGNORECASE,
)
_DEFINITE = re.compile(
    r"\b(?:the|these|those|this)\s++(?:(?!an?\s)[\w-]++\s++){0,2}?$", re.IGNORECASE
)
_THEIR = re.compile(r"\b(?:their|a\s++joint)\s++(?:[\w-]++\s++)?$", re.IGNORECASE)
_POSSESSOR = re.compile(r"['’]s\s++(?:[\w-]++\s++){0,2}?$")
_FOLLOW_UP = re.compile(
    r"\s*+(?:The|These|Those)\s++(?:[\w-]++\s++)?(?:talks|meeting|meetings|summit|conference|visit|"
    r"discussions)\b"
)
_FOLLOW_LIST = re.compile(
    r"\b(?:attended\s++by|(?:also\s++)?involve[sd]?|joined\s++by|also\s++included|"
    r"included|bring\s++together|brought\s++together)\s++"
)
_SAID_AFTER = re.compile(r"\s++(?:[a-z]++\s++)?(?:said|says|told|added|announced)\b")
_PLACE_PREP = re.compile(r"\b(?:in|at|to|inside|near)\s++(?:the\s++)?$", re.IGNORECASE)
_TOPIC = re.compile(
    r"\b(?:to\s++discuss|discussed|discussing|for\s++talks\s++on|talks\s++on|to\s++press\s++for|"
    r"to\s++push\s++for|focused\s++on|covered|on\s++how\s++to|about)\s++"
)
_TOPIC_END = re.compile(
    r"[,.;:\"“”()]|\s(?:as|in\s++a|ten|two|three|four|five|just|while|after|before|when|which|"
    r"along\s++with|but|on\s++(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
_TOPIC_SPLIT = re.compile(
    r",\s++(?:and\s++)?(?:on\s++)?|\s++and\s++(?:on\s++)?|\s++as\s++well\s++as\s++"
)
_ARTICLE = re.compile(r"^(?:a|an|the|how\s++to)\s++", re.IGNORECASE)
_ATTR_END = re.compile(
    r",\s++(?P<a>(?:the|a|an)\s++[^,\"“”]{2,60}?\s++(?:has\s++|have\s++)?"
    r"(?:said|says|disclosed|announced|reported|confirmed|told\s++[A-Z]\w*+)"
    r"(?:\s++in\s++a\s++statement)?)\s*+(?:[,.]|$)"
)
_ATTR_ACCORDING = re.compile(r"\baccording\s++to\s++(?P<a>[^,.;\"“”]{3,80})")
_ATTR_LEAD = re.compile(
    r"(?P<a>(?:a\s++|the\s++)?(?:reports?|sources?|officials?|diplomats?)"
    r"(?:\s++(?:from|in|close\s++to)\s++(?:the\s++)?[A-Z][\w-]*+(?:\s++[A-Z][\w-]*+)?)?)"
    r"(?:\s++[^,.;]{0,30}?)?\s++(?:said|say|says|reported|told\s++\w++)\b"
    r"|(?P<b>(?:the\s++)?(?:[A-Z][\w.'-]*+\s++){1,4}?(?:said|disclosed|announced|confirmed))"
    r"(?:\s++that)?\s"
)


def _lookup_verb(word: str) -> str | None:
    return _VERB.get(word.lower())


# ------------------------------------------------------------------------------ types


@dataclass
class _Cand:
    """A meeting candidate read around one anchor (normalised offsets)."""

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
    when: TimeRef = field(default_factory=TimeRef)
    year: str | None = None

    def names(self) -> set[str]:
        return {_key(m.actor) for m in self.people}


def _key(actor: Actor) -> str:
    return actor.id if actor.id is not None else " ".join(fold(w) for w in actor.name.split())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for c in countries():
        for name in (c.name, *c.aliases):
            index.setdefault(fold(name), (c.name, c.alpha3))
    return index


# ---------------------------------------------------------------------------- helpers


def _clip(mentions: list[ActorMention], s: int, e: int) -> list[ActorMention]:
    """The mentions that overlap the sentence, cut to it (a title can run across a paragraph)."""
    out = []
    for m in mentions:
        if m.end <= s or m.start >= e:
            continue
        if m.start < s or m.end > e:
            a, b = max(m.start, s), min(m.end, e)
            m = replace(m, start=a, end=b, text=m.text[a - m.start : b - m.start])
        out.append(m)
    return out


def _at(mentions: list[ActorMention], pos: int, slack: int = 0) -> ActorMention | None:
    for m in mentions:
        if pos <= m.start <= pos + slack:
            return m
        if m.start > pos + slack:
            break
    return None


def _chain(
    norm: str,
    mentions: list[ActorMention],
    first: ActorMention,
    limit: int,
    *,
    objects: bool = True,
) -> list[ActorMention]:
    """``first`` and the actors coordinated with it ("A, B and C"), skipping appositives."""
    out = [first]
    pos = first.end
    for _ in range(40):
        if pos >= limit:
            break
        appos = _APPOS.match(norm, pos, limit)
        at = appos.end() if appos else pos
        coord = _COORD.match(norm, at, limit)
        if coord is None:
            break
        nxt = _at(mentions, coord.end())
        if nxt is None or nxt.end > limit or nxt.start != coord.end():
            break
        if norm.startswith(("'s", "’s"), nxt.end):
            owned = _at(mentions, nxt.end + 3)
            if owned is None or owned.end > limit:
                break
            nxt = owned
        if objects and _AFTER_COORD_VERB.match(norm, nxt.end, limit):
            break
        out.append(nxt)
        pos = nxt.end
    return out


def _object(norm: str, mentions: list[ActorMention], pos: int, limit: int) -> ActorMention | None:
    """The actor right at ``pos`` ("met Y"), or the one in apposition to a possessive ("met X's rival, Y")."""
    m = _at(mentions, pos)
    if m is None or m.end > limit:
        return None
    poss = _POSSESSIVE_APPOS.match(norm, m.end, limit)
    if poss is not None:
        return _at(mentions, poss.end())
    if norm.startswith(("'s", "’s"), m.end):
        return None
    return m


def _clause_start(norm: str, s: int, anchor: int) -> tuple[int, str | None]:
    """Start of the clause holding the anchor, and the boundary word before it."""
    lo = max(s, anchor - 400)
    last = None
    for b in _BOUNDARY.finditer(norm, lo, anchor):
        last = b
    if last is None:
        return lo, None
    return last.end(), last.group().strip().lower()


def _first_in(norm: str, mentions: list[ActorMention], a: int, b: int) -> ActorMention | None:
    """The first actor of a span that is not a possessive ("Haftar's offensive")."""
    for m in mentions:
        if a <= m.start and m.end <= b and not norm.startswith(("'s", "’s"), m.end):
            return m
    return None


def _state_subject(norm: str, a: int, b: int) -> ActorMention | None:
    """A country named as the subject ("Germany has offered to host")."""
    clause = norm[a:b]
    m = re.match(
        r"\s*+(?:But\s++|And\s++)?(?P<c>[A-Z][\w'.-]*+(?:\s++[A-Z][\w'.-]*+){0,2})\s", clause
    )
    if m is None:
        return None
    found = _country_names().get(fold(m.group("c")))
    if found is None:
        return None
    name, code = found
    start, end = a + m.start("c"), a + m.end("c")
    actor = Actor(id=None, name=name, kind=ActorKind.STATE, country=code)
    return ActorMention(start, end, norm[start:end], actor, "gazetteer")


def _is_pronoun(m: ActorMention) -> bool:
    return m.how == "coreference" and m.text.lower() in ("he", "she", "his", "her")


# --------------------------------------------------------------------------- candidates


def _read_anchor(
    g: Groundwork,
    sent: tuple[int, int],
    mentions: list[ActorMention],
    places: list[PlaceMention],
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
    if word in ("visit", "visits") and re.search(
        r"\b(?:a|an|the|his|her|their|its|['’]s)\s++(?:[\w-]++\s++)?$", before
    ):
        verb = None
    elif word in ("visit", "visits"):
        noun = False
    if word in ("call", "calls") and not (
        re.search(r"(?:phone|video|conference)\s++$", before, re.IGNORECASE)
        or re.match(r"\s++(?:with|between)\s", after)
    ):
        return []
    if word == "met" and _PASSIVE_MET.search(before):
        return []
    if word == "meeting" and noun and _NOT_MEETING_AFTER.match(after):
        return []
    if word == "face-to-face":
        noun = True
    if verb is None and not noun:
        return []

    start, boundary = _clause_start(norm, s, a0)
    clause_before = norm[start:a0]
    if _POSSIBLE.search(clause_before) or _HABITUAL.search(norm[start : min(e, a1 + 20)]):
        return []
    if word in ("speak", "talked") and not re.match(r"\s++(?:by\s|on\s|over\s|with\s|to\s)", after):
        return []

    people: list[ActorMention] = []
    host: ActorMention | None = None
    objects: list[ActorMention] = []
    limit = min(e, a1 + 400)

    # ----- subject
    subject: list[ActorMention] = []
    definite = noun and _DEFINITE.search(before) is not None and not _POSSESSOR.search(before)
    first = _first_in(norm, mentions, start, a0)
    if first is None and boundary == "who":
        # "X, who had met Y": the antecedent before ", who"
        prior = [
            m for m in mentions if m.end <= start and norm[m.end : start].strip(" ,") in ("who",)
        ]
        first = prior[-1] if prior else None
    if first is not None and not definite:
        subject = _chain(norm, mentions, first, a0, objects=False)
        if subject and _is_pronoun(subject[0]):
            subject[0] = _pronoun(subject[0], mentions, s, previous)
    if not subject and (verb in ("host", "invite") or _PROPOSED.search(clause_before)):
        state = _state_subject(norm, start, a0)
        if state is not None:
            subject = [state]
    if noun and _THEIR.search(before):
        # "at their meeting": everyone named before it in the sentence
        subject = [m for m in mentions if s <= m.start and m.end <= a0][:6]

    # ----- objects
    passive_by = None
    if verb is not None:
        lead = _OBJ_LEAD.match(norm, a1, limit)
        pos = lead.end() if lead else a1
        if re.match(r"\s++by\s", norm[a1 : a1 + 4]) and verb == "host":
            passive_by = _at(mentions, a1 + len(re.match(r"\s++by\s++", norm[a1:]).group()))  # type: ignore[union-attr]
        obj = _object(norm, mentions, pos, limit) if passive_by is None else None
        if obj is not None:
            objects = _chain(norm, mentions, obj, limit)
    if noun or verb in ("meet", "speak", "phone", "visit") or (verb == "host" and not objects):
        window = norm[a1 : min(e, a1 + 90)]
        lead2 = _LIST_LEAD.search(window)
        if lead2 is not None and not re.search(
            r"[;:]|,\s++(?!attended|joined|with)", window[: lead2.end()]
        ):
            word2 = lead2.group().strip().lower()
            pos = a1 + lead2.end()
            obj = _object(norm, mentions, pos, limit)
            if obj is not None and not (word2 == "by" and not noun):
                more = _chain(norm, mentions, obj, limit)
                if (
                    word2 == "by"
                    and noun
                    and re.search(r"(?:hosted|organi[sz]ed|chaired)\s++$", window[: lead2.start()])
                ):
                    host = more[0]
                objects = objects + [m for m in more if m not in objects]
    if noun:
        m_pos = _POSSESSOR.search(before)
        if m_pos is not None:
            owner = [m for m in mentions if m.end == a0 - len(before) + m_pos.start()]
            if owner:
                subject = [owner[0], *(m for m in subject if m is not owner[0])]
    if definite and not objects:
        return []  # "the talks", "after the meeting": a meeting already reported
    if (
        verb == "host"
        and not objects
        and passive_by is None
        and not _HOSTED_EVENT.match(norm, a1, e)
    ):
        return []  # "welcomed the calls", "received criticism"
    if noun and word not in ("visit", "visits") and not objects and len(subject) < 2:
        return []  # "plans for a conference in Berlin": no one named as meeting

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
    place = _place(norm, places, s, start, boundary, a1, e, people)
    if verb == "visit" and objects == [] and place is None:
        return []
    # ----- status, modality
    clause_end = max([a1] + [m.end for m in people])
    status = _status(norm, s, e, start, a0, a1, clause_end, word)
    modality = _modality(norm, s, e, word, verb)
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
    )
    if "separately" in norm[a1:e] and len(objects) >= 2 and subject:
        return [replace(cand, people=_dedupe([*subject, o]), split_key=o.end) for o in objects]
    return [cand]


def _pronoun(
    m: ActorMention, mentions: list[ActorMention], s: int, previous: list[_Cand]
) -> ActorMention:
    """'he' as the subject of a meeting: the person who leads the sentence, or the last meeting's subject."""
    lead = [x for x in mentions if s <= x.start < m.start and x.actor.kind is ActorKind.PERSON]
    target = lead[0].actor if lead else (previous[-1].people[0].actor if previous else None)
    if target is None:
        return m
    return replace(m, actor=target)


def _dedupe(people: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in people:
        k = _key(m.actor)
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out


def _status(
    norm: str, s: int, e: int, start: int, a0: int, a1: int, clause_end: int, word: str
) -> MeetingStatus:
    sentence = norm[s:e]
    upto = norm[s:a1]
    if _DENIED.search(upto) or re.search(
        r"\bno\s++(?:[\w-]++\s++){0,2}$", norm[max(s, a0 - 30) : a0]
    ):
        return MeetingStatus.DENIED
    if _CANCELLED.search(sentence):
        return MeetingStatus.CANCELLED
    if _POSTPONED.search(sentence):
        return MeetingStatus.POSTPONED
    clause = norm[start : min(e, clause_end + 60)]
    if _PROPOSED.search(norm[start : min(e, a1 + 10)]):
        return MeetingStatus.PROPOSED
    before = norm[start:a1]
    if re.search(r"\bafter\s++$", norm[max(s, a0 - 10) : a0]):
        return MeetingStatus.HELD
    if _PLANNED.search(before):
        return MeetingStatus.PLANNED
    if _TO_MEET.search(norm[max(s, a0 - 4) : a1 + 10]) and not _PAST.search(norm[start:a0]):
        return MeetingStatus.PLANNED
    if re.search(
        r"\bnext\s++(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\btomorrow\b",
        clause,
    ):
        return MeetingStatus.PLANNED
    return MeetingStatus.HELD


def _modality(norm: str, s: int, e: int, word: str, verb: str | None) -> Modality:
    sentence = norm[s:e]
    if _VIDEO.search(sentence):
        return Modality.VIDEO
    if verb == "phone" or _CALL.search(sentence):
        return Modality.CALL
    if verb == "speak":
        return Modality.UNKNOWN
    return Modality.IN_PERSON


def _place(
    norm: str,
    places: list[PlaceMention],
    s: int,
    start: int,
    boundary: str | None,
    a1: int,
    e: int,
    people: list[ActorMention],
) -> PlaceMention | None:
    taken = [(m.start, m.end) for m in people]

    def ok(p: PlaceMention) -> bool:
        return not any(p.start < b and a < p.end for a, b in taken) and bool(
            _PLACE_PREP.search(norm[max(s, p.start - 12) : p.start])
        )

    topic = _TOPIC.search(norm, a1, e)
    stop = min(e, a1 + 160, topic.start() if topic else e)
    cut = re.search(
        r",\s++(?:as|while|after|before|a\s++day|two|three|four|ten|which)\b|;", norm[a1:stop]
    )
    if cut is not None:
        stop = a1 + cut.start()
    after = [p for p in places if a1 <= p.start and p.end <= stop and ok(p)]
    venues = [
        p for p in after if re.search(r"\bat\s++(?:the\s++)?$", norm[max(s, p.start - 8) : p.start])
    ]
    if venues:
        return venues[0]
    if after:
        return after[0]
    if boundary == "where":
        prior = [p for p in places if s <= p.start and p.end <= start]
        if prior:
            return prior[-1]
    prior = [p for p in places if start <= p.start and p.end <= a1 and ok(p)]
    if prior:
        return prior[-1]
    prior = [p for p in places if s <= p.start and p.end <= a1 and ok(p)]
    return prior[-1] if prior else None


def _date(
    g: Groundwork, sent: tuple[int, int], anchor: tuple[int, int], dates: list[DateMatch]
) -> DateMatch | None:
    s, e = sent
    dateline = _DATELINE.match(g.norm, s, min(e, s + 100))
    if dateline is not None:
        s = dateline.end()
    inside = [d for d in dates if s <= d.start and d.end <= e and d.role == "point"]
    if not inside:
        return None
    return min(
        inside, key=lambda d: (min(abs(d.start - anchor[1]), abs(anchor[0] - d.end)), d.start)
    )


def _topics(norm: str, s: int, e: int, a1: int) -> list[str]:
    m = _TOPIC.search(norm, max(s, a1 - 200), e)
    if m is None:
        return []
    end_m = _TOPIC_END.search(norm, m.end(), min(e, m.end() + 200))
    end = end_m.start() if end_m else min(e, m.end() + 200)
    # a list may run on over commas: "a ceasefire, a demilitarised zone ..., and a return to ..."
    chunk = norm[m.end() : end]
    if end_m is not None and norm[end] == ",":
        tail = re.match(r",[^.;:\"“”]{0,200}", norm[end:e])
        if tail is not None and re.search(r",\s++and\s", tail.group()):
            stop = _TOPIC_END.search(norm, end + tail.group().rfind(", and") + 5, e)
            chunk = norm[m.end() : stop.start() if stop else e]
    out = []
    for part in _TOPIC_SPLIT.split(chunk):
        part = _ARTICLE.sub("", part.strip()).strip()
        if part and len(part) <= 80 and part not in out:
            out.append(part)
    return out[:5]


def _attribution(
    g: Groundwork, s: int, e: int, people: list[ActorMention], mentions: list[ActorMention]
) -> str | None:
    norm = g.norm
    keys = {_key(m.actor) for m in people}
    names = [(m.start, m.end) for m in mentions if _key(m.actor) in keys]

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in names)

    for pat in (_ATTR_END, _ATTR_ACCORDING):
        for m in pat.finditer(norm, s, e):
            if free(*m.span("a")):
                return g.original(*m.span("a"))
    for m in _ATTR_LEAD.finditer(norm, s, e):
        grp = "a" if m.group("a") is not None else "b"
        a, b = m.span(grp)
        if free(a, b):
            return g.original(a, b)
    return None


# ----------------------------------------------------------------------------- merging


_RANK = {
    MeetingStatus.DENIED: 5,
    MeetingStatus.CANCELLED: 4,
    MeetingStatus.POSTPONED: 3,
    MeetingStatus.PROPOSED: 2,
    MeetingStatus.PLANNED: 1,
    MeetingStatus.HELD: 0,
}
_MODE = {Modality.VIDEO: 3, Modality.CALL: 2, Modality.IN_PERSON: 1, Modality.UNKNOWN: 0}


def _merge_into(big: _Cand, small: _Cand) -> None:
    big.anchors += small.anchors
    if big.host is None:
        big.host = small.host
    if big.place is None:
        big.place = small.place
    if _MODE[small.modality] > _MODE[big.modality] and small.modality is not Modality.IN_PERSON:
        big.modality = small.modality
    if _RANK[small.status] > _RANK[big.status] and small.status is not MeetingStatus.PLANNED:
        big.status = small.status


def _merge_sentence(cands: list[_Cand]) -> list[_Cand]:
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-len(c.people), c.anchors[0][0])):
        home = next(
            (
                k
                for k in kept
                if c.names() <= k.names() and (c.split_key == 0 or c.split_key == k.split_key)
            ),
            None,
        )
        if home is None:
            kept.append(c)
        else:
            _merge_into(home, c)
    return sorted(kept, key=lambda c: (c.anchors[0][0], c.split_key))


def _follow_up(
    g: Groundwork, sent: tuple[int, int], mentions: list[ActorMention], last: _Cand
) -> bool:
    """'The talks, which were also attended by X, ...': more attendees for the meeting just reported."""
    norm = g.norm
    s, e = sent
    if not _FOLLOW_UP.match(norm, s, e):
        return False
    lead = _FOLLOW_LIST.search(norm, s, e)
    if lead is None:
        return False
    added = False
    for m in mentions:
        if m.start < lead.end() or _SAID_AFTER.match(norm, m.end, e):
            continue
        if norm.startswith(("'s", "’s"), m.end) or _is_pronoun(m):
            continue
        if _key(m.actor) not in last.names():
            last.people.append(m)
            added = True
    return added


# -------------------------------------------------------------------------------- events


def meeting_events(g: Groundwork) -> list[Meeting]:
    """Meetings (extractor ``meetings.v1``) reported in the article, in text order.

    Parameters
    ----------
    g : Groundwork
        The prepared article (:func:`diplodata.extract.groundwork.prepare`).

    Returns
    -------
    list of Meeting
        One event per meeting the text reports; evidence points into the original text.
    """
    try:
        cands = _candidates(g)
    except (ValueError, IndexError, KeyError, ValidationError):  # pragma: no cover - defensive
        return []
    events: list[Meeting] = []
    used: set[str] = set()
    for c in cands:
        event = _event(g, c, used)
        if event is not None:
            events.append(event)
    return events


def _candidates(g: Groundwork) -> list[_Cand]:
    norm = g.norm
    all_places = find_places(norm)
    place_starts = [p.start for p in all_places]
    actor_starts = [m.start for m in g.actors]
    date_starts = [d.start for d in g.dates]
    out: list[_Cand] = []
    for sent in g.sentences:
        s, e0 = sent
        e = min(e0, s + _MAX_SENTENCE)
        lo = bisect_left(actor_starts, s - _MAX_MENTION)
        mentions = _clip(g.actors[lo : bisect_left(actor_starts, e)], s, e)
        places = all_places[bisect_left(place_starts, s) : bisect_left(place_starts, e)]
        dates = g.dates[bisect_left(date_starts, s) : bisect_left(date_starts, e)]
        if out and _follow_up(g, (s, e), mentions, out[-1]):
            continue
        here: list[_Cand] = []
        for anchor in _ANCHOR.finditer(norm, s, e):
            here.extend(_read_anchor(g, (s, e), mentions, places, anchor, out[-1:]))
        here = [c for c in _merge_sentence(here) if _valid(c)]
        for c in here:
            c.date = _date(g, (s, e), c.anchors[0], dates)
            c.topics = _topics(norm, s, e, c.anchors[0][1])
            c.attribution = _attribution(g, s, e, c.people, mentions)
            for extra in _split_dates(g, (s, e), c, dates):
                extra.when = _when(g, extra, out[-1:])
                if not _repeats(extra, out[-_LOOK_BACK:]):
                    out.append(extra)
    return out


def _split_dates(
    g: Groundwork, sent: tuple[int, int], c: _Cand, dates_here: list[DateMatch]
) -> list[_Cand]:
    """'including on April 14 and May 9, 2019': one meeting per date."""
    e = sent[1]
    a1 = c.anchors[0][1]
    dates = [d for d in dates_here if a1 <= d.start and d.end <= e and d.role == "point"]
    pairs = [
        (d1, d2)
        for d1, d2 in pairwise(dates)
        if re.fullmatch(r",?\s++and\s++(?:on\s++)?", g.norm[d1.end : d2.start])
    ]
    if not pairs:
        return [c]
    d1, d2 = pairs[0]
    year = re.search(r"\b\d{4}\b", d2.text)
    first = replace(c, date=d1, split_key=d1.start)
    second = replace(c, date=d2, split_key=d2.start)
    if year is not None and not re.search(r"\b\d{4}\b", d1.text):
        # "on April 14 and May 9, 2019": the year belongs to both
        first.year = year.group()
    return [first, second]


def _when(g: Groundwork, c: _Cand, earlier: list[_Cand]) -> TimeRef:
    """The time phrase resolved; one tied to the meeting just reported ("the same day") takes its date."""
    if c.date is not None and _SAME_EVENT.search(c.date.text) and earlier:
        prior = earlier[-1].when
        if prior.precision is not Precision.UNKNOWN:
            return prior.model_copy(update={"text": g.original(c.date.start, c.date.end)})
    if c.date is not None and c.year is not None:
        phrase = f"{c.date.text}, {c.year}"
        resolved = resolve(phrase, g.article.published)
        if resolved.precision is not Precision.UNKNOWN:
            return resolved.model_copy(update={"text": g.original(c.date.start, c.date.end)})
    return g.when(c.date, c.sentence)


def _repeats(c: _Cand, earlier: list[_Cand]) -> bool:
    """The same people, the same status and no other date: a meeting already reported."""
    for x in earlier:
        if x.names() == c.names() and x.status == c.status and x.modality == c.modality:
            a, b = c.when, x.when
            if a.precision is Precision.UNKNOWN or b.precision is Precision.UNKNOWN:
                return True
            if (a.earliest, a.latest) == (b.earliest, b.latest):
                return True
    return False


def _valid(c: _Cand) -> bool:
    return len(c.names()) >= 2 or (
        len(c.people) == 1 and (c.host is not None or c.place is not None)
    )


def _event(g: Groundwork, c: _Cand, used: set[str]) -> Meeting | None:
    people = _dedupe(c.people)
    participants = tuple(m.actor for m in people)
    host = c.host.actor if c.host is not None else None
    if host is not None and not any(p.same_as(host) for p in participants):
        participants = (host, *participants)
    spans: dict[tuple[int, int], Span] = {}
    for a, b in [*c.anchors, *((m.start, m.end) for m in people)]:
        if (a, b) not in spans and b > a:
            spans[(a, b)] = g.span(a, b)
    start, end = c.anchors[0]
    eid = g.event_id("meeting", start, end if c.split_key == 0 else c.split_key)
    n = 0
    while eid in used:
        n += 1
        eid = g.event_id("meeting", start, end + n)
    location = (
        Place(name=g.original(c.place.start, c.place.end), country=c.place.place.country)
        if c.place
        else None
    )
    try:
        meeting = Meeting(
            id=eid,
            when=c.when,
            location=location,
            source=g.article.source(),
            attribution=c.attribution,
            evidence=tuple(sorted(spans.values(), key=lambda sp: (sp.start, sp.end))),
            confidence=0.85 if len(participants) >= 2 else 0.6,
            codes=codes_for_meeting(c.status, c.modality),
            participants=participants,
            host=host,
            status=c.status,
            modality=c.modality,
            topics=tuple(t for t in c.topics if t.strip()),
        )
    except (ValidationError, ValueError):
        return None
    used.add(eid)
    return meeting
