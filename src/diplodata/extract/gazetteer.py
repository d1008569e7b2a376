"""The actor gazetteer: known actors, their aliases and roles, and finding them in text.

The bundled table (``data/actors.csv`` and ``data/roles.csv``, curated from public
knowledge; see ``data/GAZETTEER.md``) holds heads of state and government, foreign
ministers and envoys, UN bodies and missions, humanitarian agencies, regional
organisations and armed groups, each with aliases that include transliteration
variants ("Serraj", "Sarraj", "al-Serraj").

Matching works on word tokens, folded to lower-case ASCII ("Erdoğan" matches
"Erdogan"), and takes the longest alias at each position. Acronyms (aliases in
capitals, such as "WHO" or "UN") match only in capitals, so the pronoun "who" is
not the World Health Organization; other aliases must start with a capital
letter in the text (leading particles such as "al-" and "el-" excepted).

Examples
--------
>>> g = Gazetteer.default()
>>> [(m.text, m.entry.name) for m in g.find("Serraj met Hifter and the WHO, who said so.")]
[('Serraj', 'Fayez al-Sarraj'), ('Hifter', 'Khalifa Haftar'), ('WHO', 'World Health Organization')]
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate, compress, count
from operator import not_
from pathlib import Path
from typing import Any

from diplodata.extract._fast import fast_init
from diplodata.extract.text import _Runs
from diplodata.models import Actor, ActorKind
from diplodata.names import fold, slug

__all__ = ["Entry", "Gazetteer", "Mention", "Role", "fold", "slug"]

PARTICLES = frozenset(
    {"al", "el", "ad", "as", "an", "at", "bin", "ibn", "ben", "de", "da", "von", "van"}
)
_TOKEN = re.compile(r"[^\W_]++")
_JOINER = re.compile(r"[ .'\-]{1,3}+")
_NEXT = re.compile(rf"{_JOINER.pattern}({_TOKEN.pattern})")
"""The next word of a name: :data:`_JOINER`, then a :data:`_TOKEN` (the group)."""
# Where a match can start: a word in capitals or beginning with one (or any letter outside
# ASCII lower case), a number, or a particle such as "al" in "al-Sarraj".
_START = re.compile(
    r"(?<![^\W_])(?:[^\W\d_a-z][^\W_]*+|[0-9][^\W_]*+|"
    r"(?:al|el|ad|as|an|at|bin|ibn|ben|de|da|von|van)(?![^\W_]))"
)
_CAPITAL_ASCII_SPLIT = re.compile(r"([A-Z0-9](?<![A-Za-z0-9].)[A-Za-z0-9]*+)")
"""The first branch of :data:`_START` for ASCII text alone (a word in capitals or beginning with one,
or a number), its look-behind moved after the first character: a pattern that begins with a
class lets the engine jump from one capital or digit to the next instead of trying the
look-behind at every character (about twice as fast). The particles are found apart."""
_CAPITAL_SPLIT = re.compile(r"([^\W_a-z](?<![^\W_].)(?<![^\D0-9])[^\W_]*+)")
"""The same for any text: the first two branches of :data:`_START` (a word beginning with a
letter that is not lower-case ASCII, or with a digit of ASCII: the class takes every word
character but "_" and a-z, and the second look-behind turns away other digits, such as "٣")."""


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True, slots=True)
class Role:
    """A role an actor held, with the years (inclusive; ``None`` = not known or ongoing)."""

    role: str
    country: str | None = None
    start_year: int | None = None
    end_year: int | None = None

    def held_in(self, year: int) -> bool:
        """Whether the role was held in ``year`` (an open end counts as held)."""
        return (self.start_year is None or self.start_year <= year) and (
            self.end_year is None or year <= self.end_year
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """A known actor: id, canonical name, kind, country, aliases and roles."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def __hash__(self) -> int:
        # Equal entries have equal ids; hashing the aliases and roles too made every
        # lookup of an entry's actor (a cache keyed by entry) hash them all.
        return hash(self.id)

    def role_in(self, year: int | None) -> str | None:
        """The role held in ``year`` (the latest one that fits), or the only role if there is one."""
        if year is not None:
            held = [r for r in self.roles if r.held_in(year) and r.start_year is not None]
            if held:
                return max(held, key=lambda r: r.start_year or 0).role
        return self.roles[0].role if len(self.roles) == 1 and year is None else None

    def actor(self, year: int | None = None) -> Actor:
        """The :class:`~diplodata.models.Actor` for this entry, with its role in ``year``."""
        return Actor(
            id=self.id,
            name=self.name,
            kind=self.kind,
            country=self.country,
            role=self.role_in(year),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer match: ``[start, end)`` in the searched text, the text, and the entry."""

    start: int
    end: int
    text: str
    entry: Entry


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _year(value: str | None) -> int | None:
    value = _blank(value)
    return int(value) if value is not None else None


class Gazetteer:
    """A searchable table of known actors.

    Parameters
    ----------
    entries
        The actors. Use :meth:`default` for the bundled table and :meth:`extend`
        to add your own (a new gazetteer is returned; the original is unchanged).

    Examples
    --------
    >>> g = Gazetteer.default().extend([{"name": "Jane Roe", "kind": "person", "country": "GBR",
    ...                                  "aliases": "Roe"}])
    >>> g.lookup("Roe").id, len(g) == len(Gazetteer.default()) + 1
    ('jane-roe', True)
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        index: dict[tuple[str, ...], str] = {}
        acronyms: set[tuple[str, ...]] = set()
        for entry in self._entries.values():
            for alias in (entry.name, *entry.aliases):
                key = tuple(fold(t) for _, _, t in _tokens(alias))
                if not key:
                    continue
                index.setdefault(key, entry.id)
                if _is_acronym(alias) and alias != entry.name:
                    acronyms.add(key)
        self._index = index
        self._acronyms = frozenset(acronyms)
        # For each key, the word whose first letter must be a capital or a digit (the first
        # that is not a particle), or -1 for an acronym (every word in capitals): _case_ok.
        self._cased = {
            key: -1
            if key in acronyms
            else next((i for i, word in enumerate(key) if word not in PARTICLES), 0)
            for key in index
        }
        self._first = frozenset(k[0] for k in index)
        # The particles that begin some alias ("al" of "al-Sisi"), as runs of letters.
        self._first_particles = frozenset(p.encode() for p in self._first & PARTICLES)
        # Every proper prefix of a multi-word alias: a name is read on only while it may
        # still become one.
        self._prefixes = frozenset(k[:n] for k in index for n in range(1, len(k)))
        self._longest = max((len(k) for k in index), default=1)

    # ------------------------------------------------------------------ building

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The gazetteer bundled with diplodata (read once, then shared)."""
        folder = resources.files("diplodata") / "data"
        return cls.from_csv_text(
            (folder / "actors.csv").read_text("utf-8"), (folder / "roles.csv").read_text("utf-8")
        )

    @classmethod
    def from_csv_text(cls, actors: str, roles: str = "") -> Gazetteer:
        """Build from the text of an actors CSV and, optionally, a roles CSV."""
        by_actor: dict[str, list[Role]] = {}
        for row in _read_csv(roles) if roles else []:
            by_actor.setdefault(row["actor_id"], []).append(
                Role(
                    role=row["role"].strip(),
                    country=_blank(row.get("country")),
                    start_year=_year(row.get("start_year")),
                    end_year=_year(row.get("end_year")),
                )
            )
        return cls(
            _entry(row, by_actor.get(row.get("id") or slug(row["name"]), []))
            for row in _read_csv(actors)
        )

    def extend(self, actors: Iterable[Mapping[str, Any]] | str | os.PathLike[str]) -> Gazetteer:
        """A new gazetteer with more actors (rows with ``name``, ``kind``, ``country``, ``aliases``...).

        Parameters
        ----------
        actors
            Rows as mappings (``aliases`` as a list or a ``|``-separated string,
            ``roles`` as a list of :class:`Role` or of mappings), or the path of a
            CSV file with the columns of ``data/actors.csv``. A row whose id (or
            slug of its name) is already known replaces that actor.
        """
        if isinstance(actors, (str, os.PathLike)):
            rows: list[Mapping[str, Any]] = list(_read_csv(Path(actors).read_text("utf-8-sig")))
        else:
            rows = list(actors)
        added = [_entry(row, row.get("roles") or []) for row in rows]
        return Gazetteer([*self._entries.values(), *added])

    # ------------------------------------------------------------------- queries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Any:
        return iter(self._entries.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def get(self, actor_id: str) -> Entry:
        """The entry with this id; ``KeyError`` if there is none."""
        try:
            return self._entries[actor_id]
        except KeyError:
            raise KeyError(f"no actor with id {actor_id!r} in the gazetteer") from None

    def lookup(self, name: str) -> Entry | None:
        """The entry whose name or alias is exactly ``name`` (folded), or ``None``."""
        key = tuple(fold(t) for _, _, t in _tokens(name))
        actor_id = self._index.get(key)
        return None if actor_id is None else self._entries[actor_id]

    def find(self, text: str) -> list[Mention]:
        """Every known actor named in ``text``: the longest alias at each position, left to right.

        A match must start with a capital letter, a digit or a particle ("al-"), so
        only such words are looked up; the words after them are read only when the
        first one starts some alias.
        """
        return [Mention(*found) for found in self._find(text)]

    def _find(self, text: str, runs: _Runs | None = None) -> list[tuple[int, int, str, Entry]]:
        """:meth:`find` as plain tuples ``(start, end, text, entry)`` (cheaper to make).

        ``runs`` are the runs of letters of ``text``, if already made (the heads are found faster).
        """
        candidates = self._candidates(text, runs)
        index = self._index
        prefixes = self._prefixes
        acronyms = self._acronyms
        cased_at = self._cased
        entries = self._entries
        match_next = _NEXT.match
        mentions: list[tuple[int, int, str, Entry]] = []
        pos = 0
        for start, word_end, word, head in candidates:
            if start < pos:
                continue
            key: tuple[str, ...] = (head,)
            if key in prefixes:
                # A longer alias may start here. Most reads stop after one more word (its
                # key begins no alias): that case is written out, the rest is _read_on.
                token = match_next(text, word_end)
                if token is not None:
                    second = token.group(1)
                    key2 = (head, fold(second))
                    if key2 in prefixes:
                        found = self._read_on(
                            text, [key, key2], [word, second], [word_end, token.end()]
                        )
                        if found is not None:
                            end, entry = found
                            mentions.append((start, end, text[start:end], entry))
                            pos = end
                        continue
                    actor_id = index.get(key2)
                    if actor_id is not None and _cased_ok(cased_at[key2], [word, second], 2):
                        end = token.end()
                        mentions.append((start, end, text[start:end], entries[actor_id]))
                        pos = end
                        continue
            # One word, or nothing (self._case_ok(key, [word]), written out).
            actor_id = index.get(key)
            if actor_id is None:
                continue
            if key in acronyms:
                if not (word.isupper() or word.isdigit()):
                    continue
            elif not (word[:1].isupper() or word[:1].isdigit()):
                continue
            mentions.append((start, word_end, word, entries[actor_id]))
            pos = word_end
        return mentions

    def _read_on(
        self, text: str, keys: list[tuple[str, ...]], read: list[str], word_ends: list[int]
    ) -> tuple[int, Entry] | None:
        """The longest alias of the words read so far and the words after them, if one is cased.

        ``keys[i]`` is the folded key of the first ``i + 1`` words ``read``, which end at
        ``word_ends[i]``; the next words are read while the key begins some longer alias.
        Gives where the alias ends, and its entry.
        """
        key = keys[-1]
        end = word_ends[-1]
        while len(key) < self._longest and key in self._prefixes:
            token = _NEXT.match(text, end)
            if token is None:
                break
            word = token.group(1)
            key = (*key, fold(word))
            end = token.end()
            keys.append(key)
            read.append(word)
            word_ends.append(end)
        for n in range(len(keys), 0, -1):
            key = keys[n - 1]
            actor_id = self._index.get(key)
            # self._case_ok(key, read[:n]), the folded words being those of the key
            if actor_id is not None and _cased_ok(self._cased[key], read, n):
                return word_ends[n - 1], self._entries[actor_id]
        return None

    def _candidates(self, text: str, runs: _Runs | None = None) -> list[tuple[int, int, str, str]]:
        """The words of ``text`` at which an alias can start: ``(start, end, word, head)``.

        They are the matches of :data:`_START` (as ``finditer`` finds them) whose folded
        form, the head, is the first word of some alias, in order. ``runs`` are the runs of
        letters of ``text``, if already made (made here otherwise).

        The capitalised words and numbers come from :data:`_CAPITAL_ASCII_SPLIT` (or
        :data:`_CAPITAL_SPLIT` for text outside ASCII). A particle (the other branch of
        :data:`_START`) is a run of letters written in lower case with no letter or digit on
        either side; only the particles that begin some alias are looked for, among the runs,
        and they are rare.
        """
        if runs is None:
            runs = _Runs(text)
        first = self._first
        if text.isascii():
            parts = _CAPITAL_ASCII_SPLIT.split(text)
            words = parts[1::2]
            heads = list(map(str.lower, words))
        else:
            parts = _CAPITAL_SPLIT.split(text)
            words = parts[1::2]
            heads = list(map(str.lower, words))
            # Folded like the words of an alias, where lower case is not enough.
            for k in compress(count(), map(not_, map(str.isascii, words))):
                heads[k] = fold(words[k])
        ends = list(accumulate(map(len, parts)))
        found = [
            (ends[2 * k], ends[2 * k + 1], words[k], heads[k])
            for k in compress(range(len(words)), map(first.__contains__, heads))
        ]
        particles = self._first_particles.intersection(runs.words)
        if not particles:
            return found
        for at in runs.where(particles):
            end = runs.runs.find(b" ", at)
            end = len(text) if end < 0 else end
            word = text[at:end]
            if (
                word in first  # in lower case as written, so not a capitalised word ("Al")
                and not text[at - 1 : at].isalnum()
                and not text[end : end + 1].isalnum()
            ):
                found.append((at, end, word, word))
        found.sort()
        return found

    def _case_ok(self, key: tuple[str, ...], words: list[str]) -> bool:
        if key in self._acronyms:
            return all(w.isupper() or w.isdigit() for w in words)
        first = next((w for w in words if fold(w) not in PARTICLES), words[0])
        return first[:1].isupper() or first[:1].isdigit()


def _cased_ok(cased: int, words: list[str], n: int) -> bool:
    """Whether the first ``n`` ``words`` are cased as an alias needs (see ``Gazetteer._cased``).

    ``cased`` is -1 for an acronym (every word in capitals or a number), else the index of the
    word that must begin with a capital or a digit.
    """
    if cased >= 0:
        first = words[cased][:1]
        return first.isupper() or first.isdigit()
    return all(word.isupper() or word.isdigit() for word in words[:n])


def _entry(row: Mapping[str, Any], roles: Iterable[Role | Mapping[str, Any]]) -> Entry:
    name = str(row["name"]).strip()
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|")]
    kind = _blank(row.get("kind")) or "unknown"
    return Entry(
        id=_blank(row.get("id")) or slug(name),
        name=name,
        kind=ActorKind(kind),
        country=_blank(row.get("country")),
        aliases=tuple(a.strip() for a in aliases if a and a.strip()),
        roles=tuple(r if isinstance(r, Role) else Role(**r) for r in roles),
    )
