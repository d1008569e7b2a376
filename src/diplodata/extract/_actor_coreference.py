"""Coreference within an article (:func:`~diplodata.extract.actors.find_actors`).

Later mentions resolve to an actor named earlier: pronouns ("he", "his office", "him") to
the person who leads the sentence, role nouns ("the commander", "the Egyptian leader") to
the recent person with that role or country. Split from :mod:`~diplodata.extract.actors`,
which calls :func:`_coreference` once per article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import chain

from diplodata.countries import lookup as country_lookup
from diplodata.extract._actor_mention import _BODY_KINDS, _ROLE_WORDS, ActorMention, _Spans
from diplodata.extract._actor_scans import coref_matches as _coref_matches
from diplodata.extract.gazetteer import fold
from diplodata.extract.text import _Runs
from diplodata.models import ActorKind

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
