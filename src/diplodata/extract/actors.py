"""Actors in an article: known ones, people introduced by their title, and later mentions.

Three passes over the normalised text, all linear:

1. the gazetteer (:class:`~diplodata.extract.gazetteer.Gazetteer`) finds known actors
   by name or alias;
2. title patterns find people who are not in the gazetteer: "Italian Prime Minister
   Giuseppe Conte", "eastern Libyan commander Khalifa Haftar", "U.N. envoy Ghassan
   Salame" — the role is the title, and the country comes from the demonym;
3. within the article, later mentions resolve to an actor already introduced: a
   surname ("Conte"), a role noun ("the commander", "the envoy", "the ministry"), a
   pronoun ("he", "his office"), or a demonym with an institution ("the French
   presidency", which becomes the government body of that country).

Examples
--------
>>> from diplodata.extract.text import Text
>>> text = Text("Italian Prime Minister Giuseppe Conte met Haftar. Conte said the commander agreed.")
>>> [(m.text, m.actor.name, m.how) for m in find_actors(text)]  # doctest: +NORMALIZE_WHITESPACE
[('Italian Prime Minister Giuseppe Conte', 'Giuseppe Conte', 'gazetteer'),
 ('Haftar', 'Khalifa Haftar', 'gazetteer'), ('Conte', 'Giuseppe Conte', 'gazetteer'),
 ('the commander', 'Khalifa Haftar', 'coreference')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain
from operator import attrgetter
from typing import Literal

from diplodata.countries import countries
from diplodata.countries import lookup as country_lookup
from diplodata.extract._actor_scans import coref_matches as _coref_matches
from diplodata.extract._actor_scans import institution_matches as _institution_matches

# The title patterns live in _actor_titles; their old names here are kept for the tests.
from diplodata.extract._actor_titles import PERSON as _PERSON  # noqa: F401
from diplodata.extract._actor_titles import TITLE_RUNS as _TITLE_RUNS  # noqa: F401
from diplodata.extract._actor_titles import TITLES as _TITLES  # noqa: F401
from diplodata.extract._actor_titles import caseless_trie
from diplodata.extract._actor_titles import person_matches as _person_matches
from diplodata.extract._fast import fast_init
from diplodata.extract.gazetteer import Entry, Gazetteer, fold, slug
from diplodata.extract.text import Text, _Runs
from diplodata.models import Actor, ActorKind

__all__ = ["ActorMention", "find_actors"]

How = Literal["gazetteer", "title", "coreference"]


@fast_init
@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: ``[start, end)`` in the normalised text, and who it is."""

    start: int
    end: int
    text: str
    actor: Actor
    how: How


_ROLE_WORDS = {
    "commander": ("commander", "marshal", "army", "forces"),
    "envoy": ("envoy", "representative", "mission"),
    "president": ("president",),
    "prime minister": ("prime minister",),
    "minister": ("minister",),
    "foreign minister": ("foreign minister", "minister of foreign affairs"),
    "secretary-general": ("secretary-general", "secretary general"),
    "chancellor": ("chancellor",),
    "king": ("king",),
    "emir": ("emir",),
    "general": ("general", "marshal", "commander"),
    "marshal": ("marshal", "commander"),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "official": (),
}
_BODY_KINDS = {
    "ministry": (ActorKind.GOVERNMENT,),
    "government": (ActorKind.GOVERNMENT,),
    "office": (ActorKind.GOVERNMENT,),
    "agency": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "organisation": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "organization": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "body": (ActorKind.IGO, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT),
    "mission": (ActorKind.IGO,),
    "army": (ActorKind.ARMED_GROUP,),
    "group": (ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION),
}


def _title_case(title: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in title.split())


class _Spans:
    """The spans of sorted, non-overlapping mentions, with an O(log n) overlap test.

    The spans are read from the mentions at the first test (most passes need none), so the
    list given must not change until then.
    """

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.mentions = mentions
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        starts = self.starts
        if starts is None:
            starts = self.starts = [m.start for m in self.mentions]
            self.ends = [m.end for m in self.mentions]
        i = bisect_right(starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return i + 1 < len(starts) and starts[i + 1] < end


def find_actors(
    text: Text, *, gazetteer: Gazetteer | None = None, year: int | None = None
) -> list[ActorMention]:
    """Every actor mention in ``text``, in order: gazetteer, title patterns, coreference.

    Every pass is linear in the text: mentions are kept sorted and looked up by
    bisection, and coreference keeps the last actor of each sort as it goes.

    Parameters
    ----------
    text
        The article text.
    gazetteer
        The gazetteer to use (default: the bundled one).
    year
        The year of the article, to pick each known actor's role at the time.
    """
    gaz = _with_countries(gazetteer or Gazetteer.default())
    norm = text.norm
    runs = text.runs
    state = ActorKind.STATE
    known = [
        ActorMention(start, end, found, _entry_actor(entry, year), "gazetteer")
        for start, end, found, entry in gaz._find(norm, runs)
        if entry.kind is not state or not _is_place(norm, start)
    ]
    starts = [m.start for m in known]
    taken = _Spans(known[:])  # a copy: the loop below widens some of the mentions in known
    people: list[ActorMention] = []
    # Title patterns: widen a gazetteer match to its title, or introduce an unknown person.
    for match in _person_matches(norm, runs):
        name_start, name_end = match.span("name")
        i = bisect_left(starts, name_start)
        if i < len(known) and known[i].start < name_end:
            hit = known[i]
            if hit.actor.kind is ActorKind.PERSON:
                known[i] = ActorMention(
                    match.start(), hit.end, norm[match.start() : hit.end], hit.actor, hit.how
                )
            continue
        name = match.group("name").strip()
        if len(name) < 3 or taken.overlaps(*match.span()) or country_lookup(name) is not None:
            continue  # "President Libya" is not a person
        if people and people[-1].end > match.start():
            continue
        pre = match.group("pre") or ""
        country = next(
            (c for w in re.findall(r"[A-Z][a-z]+", pre) if (c := country_lookup(w)) is not None),
            None,
        )
        role = _title_case(match.group("title"))
        actor = Actor(id=None, name=name, kind=ActorKind.PERSON, country=country, role=role)
        people.append(ActorMention(match.start(), match.end(), match.group(), actor, "title"))
    mentions = _outermost(known + people)
    mentions = _surnames(norm, mentions)
    mentions = _institutions(norm, mentions, runs)
    return _coreference(norm, mentions, runs, text.sentences)


def _state_entries() -> tuple[Entry, ...]:
    """Countries as actors ("Libya has offered ..."): names and aliases, no demonyms or codes."""
    return tuple(
        Entry(
            id=slug(c.name),
            name=c.name,
            kind=ActorKind.STATE,
            country=c.alpha3,
            aliases=tuple(a for a in c.aliases if not _is_code(a)),
        )
        for c in countries()
    )


_COMBINED: dict[int, tuple[Gazetteer, Gazetteer]] = {}


def _with_countries(gazetteer: Gazetteer) -> Gazetteer:
    """The gazetteer plus countries as state actors, built once per gazetteer.

    The gazetteer's own entries come first, so where a name is both (an alias of a
    known actor and a country name) the known actor wins.
    """
    cached = _COMBINED.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    known = {e.id for e in gazetteer}
    combined = Gazetteer([*gazetteer, *(e for e in _state_entries() if e.id not in known)])
    if len(_COMBINED) > 16:
        _COMBINED.clear()
    _COMBINED[id(gazetteer)] = (gazetteer, combined)
    return combined


_PLACE_WORDS = sorted(
    ("in", "to", "of", "from", "for", "into", "across", "inside", "near", "at", "on", "over",
     "towards", "toward", "within", "throughout", "around", "out", "left", "entered", "visited",
     "visiting", "visit"),
    key=len,
    reverse=True,
)  # fmt: skip
_PLACE_BEFORE = re.compile(
    rf"\b{caseless_trie(_PLACE_WORDS)}\s++(?:{caseless_trie(['the'])}\s++)?$"
)
"""A country after these words is a place ("in Libya", "the ambassador to Libya"), not an actor.

The words in any case, written as a trie of character classes (see
:func:`~diplodata.extract._actor_titles.caseless_trie`): ``re.IGNORECASE`` would have the
engine try all of them at every word of the span searched."""


def _is_place(norm: str, start: int) -> bool:
    # A match ends with white space just before the country (the possessive ``\s++`` before
    # ``$`` takes it all), so without any there is none to look for.
    if not norm[start - 1 : start].isspace():
        return False
    return _PLACE_BEFORE.search(norm, max(0, start - 14), start) is not None


def _is_code(alias: str) -> bool:
    """Two- and three-letter codes ("US", "UK", "UAE") are left to the main gazetteer."""
    return len(alias.replace(".", "")) <= 3


_ACTORS: dict[tuple[int, int | None], tuple[Entry, Actor]] = {}


def _entry_actor(entry: Entry, year: int | None) -> Actor:
    """The Actor of a gazetteer entry in a year (cached: the same actor recurs across articles).

    Keyed by the entry's identity (an Entry hashes in Python, by its id, which an extended
    gazetteer may give another entry); the entry is kept with its actor, so the key cannot
    be reused while it is cached.
    """
    key = (id(entry), year)
    cached = _ACTORS.get(key)
    if cached is not None and cached[0] is entry:
        return cached[1]
    if len(_ACTORS) >= 8192:
        _ACTORS.clear()
    actor = entry.actor(year)
    _ACTORS[key] = (entry, actor)
    return actor


_BY_START = attrgetter("start")
_BY_END = attrgetter("end")


def _outermost(mentions: list[ActorMention]) -> list[ActorMention]:
    """Sorted by start, dropping a mention that lies inside a longer one ("U.N" in "U.N. envoy X")."""
    kept: list[ActorMention] = []
    # By start, the longest first: two stable sorts with keys made in C (by end, longest
    # first, then by start) give the order of the key (start, -end), ties kept as they come.
    by_end = sorted(mentions, key=_BY_END, reverse=True)
    for m in sorted(by_end, key=_BY_START):
        if kept and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept


def _surnames(norm: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later mentions of a person introduced by title, by surname alone."""
    known: dict[str, Actor] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.how == "title":
            surname = m.actor.name.split()[-1]
            known.setdefault(surname, m.actor)
            first.setdefault(surname, m.start)
    if not known:
        return mentions
    taken = _Spans(mentions)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in known) + r")\b")
    extra = [
        ActorMention(x.start(), x.end(), x.group(), known[x.group()], "coreference")
        for x in pattern.finditer(norm)
        if x.start() > first[x.group()] and not taken.overlaps(*x.span())
    ]
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _institutions(
    norm: str, mentions: list[ActorMention], runs: _Runs | None = None
) -> list[ActorMention]:
    """'the French presidency', 'the Egyptian foreign ministry': a government body of that country."""
    taken = _Spans(mentions)
    extra = []
    for x in _institution_matches(norm, _Runs(norm) if runs is None else runs):
        code = country_lookup(x.group("demonym"))
        if code is None or taken.overlaps(*x.span()):
            continue
        body = x.group("body")
        kind = ActorKind.ARMED_GROUP if body in ("army", "military") else ActorKind.GOVERNMENT
        name = f"{x.group('demonym')} {body}"
        start = x.start("demonym") if x.group("the") is None else x.start()
        actor = Actor(id=slug(name), name=name, kind=kind, country=code)
        extra.append(ActorMention(start, x.end(), norm[start : x.end()], actor, "coreference"))
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


_RECENT = 12
"""How many recent people a role noun ("the commander") looks back over."""
_LEADER_WORDS = ("president", "prime minister", "chancellor", "king", "emir", "leader")
"""The titles "the Egyptian leader" looks for first."""
_SUBJECT_PRONOUNS = frozenset(("he", "she", "his", "her", "his office", "her office"))
_VERB_GAP = re.compile(r"\s++(?:[a-z]++\s++){1,2}$")
"""Between a subject and an object pronoun: a verb and perhaps an adverb ("Conte received him",
"Haftar also told him")."""


_BACK = 40
"""How many persons named before a pronoun it looks back over (grouped by sentence)."""
_QUOTE_REACH = 2000
"""How far back in its sentence quotation marks are counted before a person (a longer
quotation is no quotation to the sentence splitter either)."""


class _History:
    """What coreference needs to know about the mentions so far, kept as it goes.

    Besides the most recent actors, it keeps the persons named, and a personal pronoun
    reads them by sentence. Each sentence is led by the first person it names outside
    quotation marks, passing over one named only as an owner ("Haftar's rival, Fayez
    al-Sarraj, ..." is led by Sarraj); failing that, the first outside quotation marks,
    else the first. A pronoun resolves to the leader of its own sentence when a person is
    named before it there, else to the leader of the last sentence that names one: the
    subject carries on across sentences and paragraphs, where the person named last may
    be an object ("On Tuesday he held talks with Conte. ... Later he met Merkel"). A
    pronoun reads at most :data:`_BACK` persons: linear overall.
    """

    def __init__(self, norm: str = "", starts: list[int] | None = None) -> None:
        self.last_person: ActorMention | None = None
        self.people: list[ActorMention] = []
        self.last_of_kind: dict[ActorKind, ActorMention] = {}
        self.last_ministry: ActorMention | None = None
        self.norm = norm
        self.starts = starts or []
        self.persons: list[ActorMention] = []  # every person named so far, in order

    def add(self, m: ActorMention) -> None:
        actor = m.actor
        kind = actor.kind
        if kind is ActorKind.PERSON:
            self.last_person = m
            self.persons.append(m)
            last = self.people[-1].actor if self.people else None
            # Equal actors have equal names: comparing the names first spares pydantic's
            # comparison of two different people.
            if last is None or (last is not actor and (last.name != actor.name or last != actor)):
                self.people.append(m)
                del self.people[:-_RECENT]
        self.last_of_kind[kind] = m
        if "ministr" in actor.name.lower():
            self.last_ministry = m

    def _by_sentence(self) -> Iterator[tuple[int, list[ActorMention]]]:
        """The persons named last (at most :data:`_BACK`), by sentence, the latest sentence first."""
        starts = self.starts
        persons = self.persons
        k = len(persons)
        floor = max(0, k - _BACK)
        while k > floor:
            sentence = bisect_right(starts, persons[k - 1].start) - 1
            lo = starts[sentence] if sentence >= 0 else -1
            j = k - 1
            while j > floor and persons[j - 1].start >= lo:
                j -= 1
            yield sentence, persons[j:k]
            k = j

    def _leader(self, sentence: int, persons: list[ActorMention]) -> ActorMention:
        norm = self.norm
        start = self.starts[sentence] if sentence >= 0 else 0
        best, rank = persons[0], 3
        for m in persons:
            lo = max(start, m.start - _QUOTE_REACH)
            if norm.count('"', lo, m.start) % 2:
                r = 2
            else:
                r = 1 if norm.startswith(("'s", "\u2019s"), m.end) else 0
            if r < rank:
                best, rank = m, r
                if not r:
                    break
        return best

    def pronoun(self, word: str, start: int) -> ActorMention | None:
        """The antecedent of a personal pronoun at ``start`` ("he", "his", "him")."""
        if not self.starts:
            return self.last_person if word != "him" else None
        persons = self.persons
        if not persons:
            return None
        starts = self.starts
        if word != "him":
            # the sentence of the last person named: this one, or the last that names one
            sentence = bisect_right(starts, persons[-1].start) - 1
            lo = starts[sentence] if sentence >= 0 else -1
            k = j = len(persons)
            floor = max(0, k - _BACK)
            while j > floor and persons[j - 1].start >= lo:
                j -= 1
            return self._leader(sentence, persons[j:k])
        groups = self._by_sentence()
        here = bisect_right(starts, start) - 1
        first = next(groups, None)
        own = first[1] if first is not None and first[0] == here else None
        earlier = groups if own is not None else chain([first] if first else [], groups)
        # "him" is not the subject of its own clause: one named just before its verb
        # ("Haftar told him"), else the one who leads the sentence ("X received Y, and
        # told him").
        skip = ""
        if own is not None:
            near = own[-1]
            if _VERB_GAP.match(self.norm, near.end, start):
                skip = near.actor.key
            else:
                skip = self._leader(here, own).actor.key
            for m in own:
                if m.actor.key != skip:
                    return m
        for sentence, persons in earlier:
            led = self._leader(sentence, persons)
            if led.actor.key != skip:
                return led
        return next((m for m in reversed(self.people) if m.actor.key != skip), None)

    def demonym(self, code: str, role: str) -> ActorMention | None:
        """'the Egyptian leader': the most recent person of that country (with that role)."""
        keys = _ROLE_WORDS.get(role, (role,)) if role != "leader" else _LEADER_WORDS
        fellow = None  # with no such title, "the leader" is the last person of the country
        for m in reversed(self.people):
            if m.actor.country != code:
                continue
            label = (m.actor.role or "") + " " + m.text
            if any(_has_word(k, label) for k in keys):
                return m
            if fellow is None and role == "leader":
                fellow = m
        return fellow

    def antecedent(self, word: str) -> ActorMention | None:
        if word in ("he", "she", "his", "her", "his office", "her office"):
            return self.last_person
        if word == "ministry" and self.last_ministry is not None:
            return self.last_ministry
        if word in _BODY_KINDS:
            found = [self.last_of_kind[k] for k in _BODY_KINDS[word] if k in self.last_of_kind]
            return max(found, key=lambda m: m.start) if found else None
        keys = _ROLE_WORDS.get(word, (word,))
        for m in reversed(self.people):
            label = (m.actor.role or "") + " " + m.text
            if any(_has_word(k, label) for k in keys):
                return m
        return None


def _coreference(
    norm: str,
    mentions: list[ActorMention],
    runs: _Runs | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[ActorMention]:
    """Role nouns and pronouns resolve to the most recent fitting actor before them.

    With ``sentences``, personal pronouns resolve to who leads a sentence (see
    :class:`_History`); without, to the person named last.
    """
    taken = _Spans(mentions)
    history = _History(norm, [s for s, _ in sentences] if sentences else None)
    out: list[ActorMention] = []
    i = 0
    n = len(mentions)
    for x in _coref_matches(norm, _Runs(norm) if runs is None else runs):
        x_start, x_end = x.span()
        while i < n and mentions[i].end <= x_start:
            history.add(mentions[i])
            out.append(mentions[i])
            i += 1
        if taken.overlaps(x_start, x_end):
            continue
        dem = x.group("dem")
        if dem is not None:
            code = country_lookup(dem)
            target = history.demonym(code, x.group("drole").lower()) if code else None
        else:
            word = fold(x.group("word")).replace("the ", "").strip()
            for prefix in ("u n ", "un ", "top ", "eastern ", "military ", "special "):
                word = word.removeprefix(prefix)
            if word in _SUBJECT_PRONOUNS or word == "him":
                target = history.pronoun(word, x_start)
            else:
                target = history.antecedent(word)
        if target is None:
            continue
        mention = ActorMention(x_start, x_end, x.group(), target.actor, "coreference")
        history.add(mention)
        out.append(mention)
    out.extend(mentions[i:])
    return out


_WORD_PATTERNS: dict[str, re.Pattern[str]] = {}


def _has_word(word: str, text: str) -> bool:
    """``word`` as a whole word in ``text`` (not "general" in "Secretary-General")."""
    pattern = _WORD_PATTERNS.get(word)
    if pattern is None:
        pattern = _WORD_PATTERNS[word] = re.compile(rf"(?<![\w-]){re.escape(word)}", re.IGNORECASE)
    return pattern.search(text) is not None


def with_role(mention: ActorMention, role: str | None) -> ActorMention:
    """A copy of ``mention`` whose actor has ``role`` (if the actor had none)."""
    if role is None or mention.actor.role is not None:
        return mention
    return replace(mention, actor=mention.actor.model_copy(update={"role": role}))
