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
from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

from diplodata.countries import countries
from diplodata.countries import lookup as country_lookup
from diplodata.extract._actor_coreference import _coreference
from diplodata.extract._actor_mention import (  # noqa: F401  (their home before the split)
    _BODY_KINDS,
    _ROLE_WORDS,
    ActorMention,
    How,
    _Spans,
    _title_case,
)
from diplodata.extract._actor_scans import institution_matches as _institution_matches

# The title patterns live in _actor_titles; their old names here are kept for the tests.
from diplodata.extract._actor_titles import PERSON as _PERSON  # noqa: F401
from diplodata.extract._actor_titles import TITLE_RUNS as _TITLE_RUNS  # noqa: F401
from diplodata.extract._actor_titles import TITLES as _TITLES  # noqa: F401
from diplodata.extract._actor_titles import caseless_trie
from diplodata.extract._actor_titles import person_matches as _person_matches
from diplodata.extract.gazetteer import Entry, Gazetteer, slug
from diplodata.extract.text import Text, _Runs
from diplodata.models import Actor, ActorKind

__all__ = ["ActorMention", "find_actors"]


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


_BARE: dict[str, str] = {}
"""A gazetteer person's name -> the surname to look for alone ("" where there is none)."""


def _bare_surname(name: str) -> str:
    """The surname of ``name`` where the gazetteer does not know it alone ("Saleh"), else ""."""
    surname = name[name.rfind(" ") + 1 :]
    if len(surname) < 3 or not surname[0].isupper() or Gazetteer.default().lookup(surname):
        surname = ""  # the gazetteer finds it itself ("Haftar"), or it is no name
    _BARE[name] = surname
    return surname


def _surnames(norm: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Later mentions of a person, by surname alone.

    The person is one introduced by title ("US envoy John Doe ... Doe said") or named in
    full from the gazetteer ("Aguila Saleh ... Saleh said", where "Saleh" alone is no
    gazetteer name, being the surname of several): the first so named in the article wins.
    """
    known: dict[str, Actor] = {}
    first: dict[str, int] = {}
    person = ActorKind.PERSON
    bare = _BARE
    for m in mentions:
        if m.how == "title":
            surname = m.actor.name.split()[-1]
        else:
            actor = m.actor
            if actor.kind is not person or " " not in m.text:
                continue
            cached = bare.get(actor.name)
            surname = _bare_surname(actor.name) if cached is None else cached
            if not surname:
                continue
        if surname not in first:
            known[surname] = m.actor
            first[surname] = m.start
    if not known:
        return mentions
    taken = _Spans(mentions)
    extra = []
    for surname, actor in known.items():
        n = len(surname)
        i = norm.find(surname, first[surname] + 1)
        while i != -1:
            j = i + n
            if (
                not (i and (norm[i - 1].isalnum() or norm[i - 1] == "_"))
                and not (j < len(norm) and (norm[j].isalnum() or norm[j] == "_"))
                and not taken.overlaps(i, j)
            ):
                extra.append(ActorMention(i, j, surname, actor, "coreference"))
            i = norm.find(surname, j)
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


def with_role(mention: ActorMention, role: str | None) -> ActorMention:
    """A copy of ``mention`` whose actor has ``role`` (if the actor had none)."""
    if role is None or mention.actor.role is not None:
        return mention
    return replace(mention, actor=mention.actor.model_copy(update={"role": role}))
