"""Places named in a text: cities, venues ("Elysee Palace", "Palazzo Chigi") and countries.

The places come from a curated table, ``data/places.csv`` (columns ``name``,
``country``, ``aliases``: capitals, Libyan and other conflict-area cities, and
venues of diplomacy), plus the country names of :mod:`diplodata.countries`
(names and aliases, not demonyms or codes). Matching is on word tokens, folded
(case and accents ignored), longest first, and the first token must be
capitalised in the text ("the Kremlin" and "Kremlin" both match, "nice" does
not match "Nice"). Linear in the length of the text.

Examples
--------
>>> [(p.text, p.place.name, p.place.country) for p in find_places("He met Conte at the Élysée in Paris.")]
[('Élysée', 'Elysee Palace', 'FRA'), ('Paris', 'Paris', 'FRA')]
>>> lookup_place("palazzo chigi")
Place(name='Palazzo Chigi', country='ITA')
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress

from diplodata.countries import countries
from diplodata.extract._fast import fast_init
from diplodata.extract.gazetteer import fold
from diplodata.models import Place

__all__ = ["PlaceMention", "find_places", "lookup_place", "places"]

_TOKEN = re.compile(r"[^\W_]++")
_JOIN = re.compile(r"[ \-'’.]{1,2}+")
_MAX_TOKENS = 5
_HEAD_ASCII_SPLIT = re.compile(
    r"([A-Zae](?<![A-Za-z0-9].)(?:(?<=[A-Z])[A-Za-z0-9]*+|(?<=[ae])l(?=-[A-Z])))"
)
"""In ASCII text, the tokens a place name can start at (one group: ``split`` keeps them).

They are the matches of ``(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*+|(?:al|el)(?=-[A-Z]))``
(:data:`_HEAD_ASCII_PLAIN`), written to start with the class of their first character: the
engine then skips to the next capital, "a" or "e" instead of trying the look-behind at every
character (about twice as fast). The look-behind, moved after that character, still looks at
the one before it; the alternative is told by the character read (a capital, or "a"/"e")."""
_HEAD_ASCII_PLAIN = re.compile(r"((?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*+|(?:al|el)(?=-[A-Z])))")
""":data:`_HEAD_ASCII_SPLIT` as first written (the tests hold the fast one to it)."""
_NEXT_WORD = re.compile(r"[ \-'’.]{1,2}+([^\W_]++)")
"""The next word of a name: a joiner :data:`_JOIN` allows, then a token (the group)."""


@fast_init
@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text: ``[start, end)`` in the text given, and which place it is."""

    start: int
    end: int
    text: str
    place: Place


def _key(text: str) -> str:
    """Folded tokens joined by one space: ``"Élysée Palace"`` -> ``"elysee palace"``."""
    words = [fold(t) for t in _TOKEN.findall(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def places() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """The curated places, each with its aliases, as read from ``data/places.csv``."""
    raw = (resources.files("diplodata") / "data" / "places.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(raw)):
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        rows.append((Place(name=row["name"].strip(), country=row["country"].strip()), aliases))
    return tuple(rows)


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for c in countries():
        for name in (c.name, *c.aliases):
            key = _key(name)
            if key and len(key) > 2:
                index.setdefault(key, Place(name=c.name, country=c.alpha3))
    # Curated places win over country aliases of the same spelling.
    for place, aliases in places():
        for name in (place.name, *aliases):
            key = _key(name)
            if key:
                index[key] = place
    return index


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every proper prefix (in words) of a multi-word place name: where to keep reading."""
    out: set[str] = set()
    for key in _index():
        words = key.split()
        out.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _max_len() -> int:
    return min(_MAX_TOKENS, max(len(k.split()) for k in _index()))


def lookup_place(name: str) -> Place | None:
    """The place called ``name`` (a curated place or a country), or ``None``.

    Case, accents and a leading "the" are ignored.
    """
    if not isinstance(name, str):
        return None
    return _index().get(_key(name))


def _particle(norm: str, tokens: list[tuple[int, int]], i: int) -> bool:
    """'al-' or 'el-' before a capitalised name ("al-Rajma")."""
    s, e = tokens[i]
    return (
        norm[s:e] in ("al", "el")
        and i + 1 < len(tokens)
        and norm[e : tokens[i + 1][0]] == "-"
        and norm[tokens[i + 1][0]].isupper()
    )


def find_places(norm: str, pos: int = 0, endpos: int | None = None) -> list[PlaceMention]:
    """Every place named in ``norm``, in text order, longest match first, not overlapping.

    Parameters
    ----------
    norm : str
        The (normalised) text.
    pos, endpos : int, optional
        Read only ``norm[pos:endpos]``; offsets stay those of ``norm``.

    Returns
    -------
    list of PlaceMention
        Offsets into ``norm``; ``text`` is the name as written (without a leading "the").
    """
    stop = len(norm) if endpos is None else endpos
    chunk = norm[pos:stop]
    if chunk.isascii():
        return _find_places_ascii(norm, pos, stop, chunk)
    return _find_places_plain(norm, pos, endpos)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every place name (folded): the only heads worth reading on from."""
    return frozenset(key.split(" ")[0] for key in _index())


def _find_places_ascii(norm: str, pos: int, endpos: int, chunk: str) -> list[PlaceMention]:
    """:func:`_find_places_plain` for ASCII ``chunk`` (``norm[pos:endpos]``), its heads found in C.

    The heads (a capitalised token, or "al"/"el" before "-" and a capital) are the words
    :data:`_HEAD_ASCII_SPLIT` splits out; only those whose folded form (lower case, in
    ASCII) begins some place name are read on, and each next word is matched with
    :data:`_NEXT_WORD` (a joiner of one or two characters, then a token cut at ``endpos``),
    which is what the token list and the joiner test of the plain form allow.
    """
    index = _index()
    longest = _max_len()
    prefixes = _prefixes()
    parts = _HEAD_ASCII_SPLIT.split(chunk)
    words = parts[1::2]
    heads = list(map(str.lower, words))
    ends = list(accumulate(map(len, parts)))
    found: list[PlaceMention] = []
    done = pos  # where the last place found ends: no head before it is read
    for k in compress(range(len(words)), map(_first_words().__contains__, heads)):
        start = pos + ends[2 * k]
        if start < done:
            continue
        key = heads[k]
        end = pos + ends[2 * k + 1]
        best: tuple[int, Place] | None = None
        if key in index:
            best = (end, index[key])
        n = 1
        while n < longest and key in prefixes:
            nxt = _NEXT_WORD.match(norm, end, endpos)
            if nxt is None:
                break
            key = f"{key} {nxt.group(1).lower()}"
            end = nxt.end()
            n += 1
            place = index.get(key)
            if place is not None:
                best = (end, place)
        if best is None:
            continue
        end, place = best
        found.append(PlaceMention(start, end, norm[start:end], place))
        done = end
    return found


def _find_places_plain(norm: str, pos: int = 0, endpos: int | None = None) -> list[PlaceMention]:
    """:func:`find_places` token by token (any text; the ASCII path is held to it by the tests)."""
    index = _index()
    longest = _max_len()
    prefixes = _prefixes()
    tokens = [m.span() for m in _TOKEN.finditer(norm, pos, len(norm) if endpos is None else endpos)]
    n = len(tokens)
    # Only a capitalised token or a particle ("al-", two letters) can start a name.
    heads = [
        i
        for i, (a, b) in enumerate(tokens)
        if norm[a].isupper() or (b - a == 2 and _particle(norm, tokens, i))
    ]
    found: list[PlaceMention] = []
    nxt = 0  # the first token not yet read
    for i in heads:
        if i < nxt:
            continue
        start, stop = tokens[i]
        best: tuple[int, Place] | None = None
        words = [fold(norm[start:stop])]
        if words[0] in index:
            best = (i, index[words[0]])
        j = i + 1
        while j < n and j - i < longest and " ".join(words) in prefixes:
            gap = norm[tokens[j - 1][1] : tokens[j][0]]
            if not _JOIN.fullmatch(gap):
                break
            words.append(fold(norm[tokens[j][0] : tokens[j][1]]))
            place = index.get(" ".join(words))
            if place is not None:
                best = (j, place)
            j += 1
        if best is None:
            continue
        last, place = best
        end = tokens[last][1]
        found.append(PlaceMention(start, end, norm[start:end], place))
        nxt = last + 1
    return found
