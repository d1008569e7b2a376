r"""Text for matching, with a map back to the original offsets; sentences.

News text arrives with curly quotes, several kinds of dash, non-breaking spaces
and the odd soft hyphen. Extractors match against a normalised copy in which
those are plain ASCII, and report evidence as offsets into the *original* text:
:class:`Text` keeps both and maps offsets between them.

Normalisation replaces characters one for one (so offsets are unchanged) except
for invisible characters (soft hyphen, zero-width space and joiners, byte-order
mark), which are removed; only then is an offset map kept. White space is not
collapsed: patterns accept ``\s+`` instead.

Sentence splitting is a single left-to-right pass (linear in the text length)
that does not end a sentence after an abbreviation ("U.N.", "U.S.", "Gen.",
"Jan.", "Mr."), an initial ("K."), inside a number ("1.2"), or inside a quotation
("... stop. Tripoli will be ours," he said), unless that quotation runs on for
more than :data:`MAX_QUOTE` characters without closing (an unclosed quote must not
swallow the rest of the article).

Examples
--------
>>> t = Text("The U.N. envoy met Gen. Haftar on Jan. 4. “We talked,” he said.")
>>> [t.original[s:e] for s, e in t.sentences]
['The U.N. envoy met Gen. Haftar on Jan. 4.', '“We talked,” he said.']
>>> '"We talked," he said.' in t.norm
True
"""

from __future__ import annotations

import re
from bisect import bisect_right

from diplodata.extract._fast import cached

__all__ = ["MAX_QUOTE", "Text", "normalise", "split_sentences"]

MAX_QUOTE = 600
"""A quotation not closed within this many characters no longer holds a sentence open."""

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": " ",  # "\r\n" must read as one line break, not a paragraph break
        "\t": " ",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")
"""One character of the keys of :data:`_TRANSLATE` (to find which of them a text holds)."""

# Words after which a full stop does not end a sentence (compared without the dot, lower case).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "rev",
        "hon",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "art",
        "sec",
        "dept",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "est",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.n",
        "u.s",
        "u.k",
        "e.u",
        "u.s.a",
        "u.a.e",
        "d.c",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "vs",
        "etc",
        "al",
    ]
)

_BOUNDARY = re.compile(r"""[.!?\n](?:(?<=[.!?])[.!?]*["')\]]*+(?=\s)|(?<=\n)[^\S\n]*+\n)""")
"""A sentence end: ``[.!?]+["')\\]]*+(?=\\s)`` or a paragraph break ``\n[^\\S\n]*+\n``.

Written to start with the class of its first characters, so that the engine skips to the
next of them without trying the pattern in between (about 3x faster, the same matches)."""
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*+)$")
_QUOTE = re.compile(r'"')


_ONLY_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
"""A ``bytes.translate`` table: ASCII letters to lower case, every other byte to a space."""
_WORD_BYTES = re.compile(rb"(?<![a-z])[a-z]++")


class _Runs:
    """The runs of ASCII letters in a text, to find words fast (case aside) without a regex.

    ``runs`` is the text with its letters lower-cased and every other character a space:
    character ``i`` of the text is byte ``i`` of ``runs`` (a character outside ASCII
    becomes "?" and then a space), so each run of letters stands where it stands in the
    text. ``words`` is the set of runs.
    """

    __slots__ = ("padded", "runs", "words")

    def __init__(self, norm: str) -> None:
        self.runs = norm.encode("ascii", "replace").translate(_ONLY_LETTERS)
        self.padded = b" " + self.runs + b" "
        self.words = set(self.runs.split())

    def where(self, words: frozenset[bytes]) -> list[int]:
        """Where the runs that are one of ``words`` start, in order."""
        padded = self.padded
        found: list[int] = []
        for word in words.intersection(self.words):
            # The runs " word " of padded, found as " word" with a space after it: a needle
            # that ends with a letter is found faster (the search skips on its last byte,
            # and spaces are everywhere). The space after is always there to test (padded
            # ends with one), and the next run can only start at or after it.
            needle = b" " + word
            size = len(needle)
            at = padded.find(needle)
            while at >= 0:
                if padded[at + size] == 32:  # b" "
                    found.append(at)  # the word starts at padded[at + 1], which is runs[at]
                at = padded.find(needle, at + size)
        found.sort()
        return found

    def before(self, pos: int, back: int) -> list[re.Match[bytes]]:
        """The ``back`` runs before the run at ``pos`` (fewer at the start), then that run.

        The run at ``pos`` is cut short after its first letter.
        """
        width = 64
        while True:
            low = max(0, pos - width)
            found = list(_WORD_BYTES.finditer(self.runs, low, pos + 1))
            if len(found) > back or low == 0:
                return found[-back - 1 :]
            width *= 4


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Normalised text and, if characters were removed, the original offset of each character.

    Examples
    --------
    >>> normalise("said \u201chalt\u201d \u2014 now")
    ('said "halt" - now', None)
    >>> normalise("Haf\u00adtar")
    ('Haftar', [0, 1, 2, 4, 5, 6])
    """
    if text.isascii():  # the table's only ASCII keys are "\r" and "\t"; nothing invisible
        return text.replace("\r", " ").replace("\t", " "), None
    # text.translate(_TRANSLATE), character by character, is slow: replace only the keys the
    # text holds, each in one pass. The same string: every key is one character replaced by
    # one character that is no key, so the order of the replacements does not matter.
    out = text
    for char in set(_TRANSLATED.findall(text)):
        out = out.replace(char, _TRANSLATE[ord(char)])
    if _INVISIBLE.search(out) is None:
        return out, None
    keep = [i for i, ch in enumerate(out) if not _INVISIBLE.match(ch)]
    return "".join(out[i] for i in keep), keep


_LETTERS_AND_DOTS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _ends_sentence(norm: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (not an abbreviation or initial)."""
    if norm[dot] != ".":
        return True
    last = norm[dot - 7 : dot] if dot >= 7 else ""
    if last.isascii() and last.isalpha():
        return True  # a word of seven letters or more: no abbreviation (six at most), no initial
    # The word before: what _WORD_BEFORE.search(norm, max(0, dot - 12), dot) finds, read
    # with str methods: the letters and dots that end the window, from its first letter.
    window = norm[max(0, dot - 12) : dot]
    word = window[len(window.rstrip(_LETTERS_AND_DOTS)) :].lstrip(".")
    if not word:
        return True
    token = word.lower().rstrip(".")
    if token in ABBREVIATIONS:
        return False
    # A single capital initial ("K. Haftar"), but not the pronoun "I".
    return not (len(token) == 1 and word != "I" and word.isupper())


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of normalised text, end-exclusive, white space trimmed.

    Examples
    --------
    >>> text = 'He said: "We will not stop. Tripoli will be ours." Then he left. It was 1.2 km.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['He said: "We will not stop. Tripoli will be ours."', 'Then he left.', 'It was 1.2 km.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = [m.start() for m in _QUOTE.finditer(norm)] if '"' in norm else None
    for match in _BOUNDARY.finditer(norm):
        at, end = match.span()
        # A match is punctuation ([.!?] first) or a paragraph break (white space only).
        mark = norm[at]
        if mark == "." and not _ends_sentence(norm, at):
            continue
        if quotes:
            # Are we inside a quotation? Count the quote marks since the sentence start.
            first = bisect_right(quotes, start - 1)
            opened = bisect_right(quotes, end - 1) - first
            if opened % 2 == 1 and end - quotes[first + opened - 1] <= MAX_QUOTE:
                continue
        if mark != "\n":
            next_char = norm[end : end + 3].lstrip()[:1]
            if next_char and next_char.islower():
                continue  # "the U.S. said" style abbreviations we do not list, or "p.m. yesterday"
        # norm[start:end] less the white space around it, if anything is left (as _append).
        kept = norm[start:end].lstrip()
        if kept:
            first_char = end - len(kept)  # str.strip and str.isspace agree on white space
            spans.append((first_char, first_char + len(kept.rstrip())))
        start = end
    _append(norm, spans, start, len(norm))
    return spans


def _append(norm: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``norm[start:end]`` less the white space around it, if anything is left."""
    kept = norm[start:end].lstrip()
    if kept:
        start = end - len(kept)  # str.strip and str.isspace agree on what white space is
        spans.append((start, start + len(kept.rstrip())))


class Text:
    """An article's text: the original, a normalised copy, and the offset map between them.

    Parameters
    ----------
    original
        The text as given; evidence offsets point into it.
    """

    __slots__ = ("__dict__", "_map", "norm", "original")

    def __init__(self, original: str) -> None:
        self.original = original
        self.norm, self._map = normalise(original)

    def to_original(self, offset: int) -> int:
        """The original offset of a normalised one (end offsets map to the end of the last char)."""
        if self._map is None:
            return offset
        if offset >= len(self._map):
            return len(self.original)
        return self._map[offset]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span back to the original text."""
        if self._map is None:
            return start, end
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self._map[start], self._map[end - 1] + 1

    @cached
    def runs(self) -> _Runs:
        """The runs of ASCII letters of ``norm``, to find words fast (made once, then shared)."""
        return _Runs(self.norm)

    @cached
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in normalised offsets (equal to original offsets unless chars were removed)."""
        return split_sentences(self.norm)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span containing a normalised offset (or the nearest before it)."""
        spans = self.sentences
        starts = [s for s, _ in spans]
        i = max(0, bisect_right(starts, offset) - 1)
        return spans[i] if spans else (0, len(self.norm))
