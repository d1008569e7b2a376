"""The groundwork every extractor shares, computed once per article.

:func:`prepare` normalises the text (keeping the offset map), splits sentences,
and finds number phrases, date phrases and actor mentions. Extractors read the
:class:`Groundwork` and use its helpers to build events whose evidence points
into the original text, whose ids are stable, and whose dates are resolved
against the publication date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from diplodata.article import Article
from diplodata.extract._fast import cached, fast_init, trusted
from diplodata.extract.actors import ActorMention, find_actors
from diplodata.extract.dates import DateMatch, Tense, find_dates, resolve, tense_of
from diplodata.extract.gazetteer import Gazetteer
from diplodata.extract.numbers import NumberMatch, find_counts
from diplodata.extract.text import Text
from diplodata.models import SourceRef, Span, TimeRef

__all__ = ["EVENT_GIVEN", "NO_TIME", "Groundwork", "prepare", "with_text"]


NO_TIME = TimeRef()
"""The time of an event whose sentence names none (immutable, so built once and shared)."""

EVENT_GIVEN = ("id", "when", "source", "attribution", "evidence", "confidence")
"""The fields every extractor gives an event, whatever its kind (its ``model_fields_set``)."""


@fast_init
@dataclass(frozen=True)
class Groundwork:
    """One article, read once: text, sentences, numbers, dates and actors (normalised offsets)."""

    article: Article
    text: Text
    actors: list[ActorMention]
    counts: list[NumberMatch]
    dates: list[DateMatch]
    # Per-article memo of :meth:`tense` and :meth:`when` (pure functions of the article).
    _tenses: dict[tuple[int, int], Tense | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _whens: dict[tuple[str, int, int, tuple[int, int]], TimeRef] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _sources: list[SourceRef] = field(default_factory=list, init=False, repr=False, compare=False)
    _found: dict[tuple[re.Pattern[str], int, int], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _resolved: dict[tuple[str, Tense | None], TimeRef] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    # Cached in the instance (the extractors read them tens of thousands of times per
    # megabyte): after the first read, a plain attribute instead of a property call.
    @cached
    def norm(self) -> str:
        """The normalised text all offsets here refer to."""
        return self.text.norm

    @cached
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, normalised offsets."""
        return self.text.sentences

    def occurs(
        self,
        pattern: re.Pattern[str],
        start: int,
        end: int,
        needles: tuple[bytes, ...] | None = None,
    ) -> bool:
        """Whether ``pattern`` occurs in ``norm[start:end]``, memoised for the article.

        Extractors ask the same sentence-wide question for every anchor of a sentence.
        ``needles``, if given, are lower-case ASCII words one of which every match of
        ``pattern`` holds (matching case-blind at most): in ASCII text, where none is among
        the letters of the stretch, the pattern is not searched.
        """
        key = (pattern, start, end)
        found = self._found.get(key)
        if found is None:
            norm = self.norm
            if needles is not None and norm.isascii():
                letters = self.text.runs.runs
                if not any(letters.find(n, start, end) >= 0 for n in needles):
                    self._found[key] = False
                    return False
            found = self._found[key] = pattern.search(norm[start:end]) is not None
        return found

    def span(self, start: int, end: int) -> Span:
        """Evidence for a normalised span, as a :class:`Span` of the original text."""
        text = self.text
        a, b = (start, end) if text._map is None else text.span(start, end)
        original = text.original
        if 0 <= a < b <= len(original):  # every rule of Span holds: no need to validate
            return trusted(Span, {"start": a, "end": b, "text": original[a:b]})
        return Span(start=a, end=b, text=original[a:b])  # raises ValidationError

    def original(self, start: int, end: int) -> str:
        """The original text behind a normalised span."""
        a, b = self.text.span(start, end)
        return self.text.original[a:b]

    def source(self) -> SourceRef:
        """The article's :class:`SourceRef` (built once: it is the same for every event)."""
        if not self._sources:
            self._sources.append(self.article.source())
        return self._sources[0]

    def event_id(self, kind: str, start: int, end: int) -> str:
        """A stable id: the same article, kind and evidence give the same id."""
        key = f"{self.article.id}|{kind}|{start}:{end}".encode()
        return f"{self.article.id}-{kind[0]}{hashlib.blake2b(key, digest_size=6).hexdigest()}"

    def tense(self, sentence: tuple[int, int]) -> Tense | None:
        """The tense of the normalised span ``sentence`` (computed once per span)."""
        try:
            return self._tenses[sentence]
        except KeyError:
            tense = self._tenses[sentence] = tense_of(self.norm[sentence[0] : sentence[1]])
            return tense

    def when(self, date: DateMatch | None, sentence: tuple[int, int]) -> TimeRef:
        """The date phrase resolved against the publication date, the tense taken from the sentence."""
        if date is None:
            return NO_TIME
        key = (date.text, date.start, date.end, sentence)
        found = self._whens.get(key)
        if found is None:
            resolved = self.resolve(date.text, self.tense(sentence))
            found = with_text(resolved, self.original(date.start, date.end))
            self._whens[key] = found
        return found

    def resolve(self, phrase: str, tense: Tense | None = None) -> TimeRef:
        """:func:`~diplodata.extract.dates.resolve` of ``phrase`` against the publication date.

        Memoised for the article (extractors resolve the same phrase more than once, and a
        TimeRef is immutable, so one is shared).

        Examples
        --------
        >>> g = prepare(Article(text="They met on Thursday.", published="2019-05-16"))
        >>> g.resolve("on Thursday", "past").earliest, g.resolve("on Thursday", "past") is g.resolve(
        ...     "on Thursday", "past")
        (datetime.date(2019, 5, 16), True)
        """
        key = (phrase, tense)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = resolve(phrase, self.article.published, tense=tense)
        return found

    @property
    def anchor(self) -> dt.date | None:
        """The publication date, if known."""
        return self.article.published


def with_text(ref: TimeRef, text: str) -> TimeRef:
    """``ref`` with the phrase ``text``; ``ref`` itself if it already has it (no copy needed).

    Examples
    --------
    >>> ref = TimeRef(text="on Thursday")
    >>> with_text(ref, "on Thursday") is ref, with_text(ref, "on  Thursday").text
    (True, 'on  Thursday')
    """
    return ref if ref.text == text else ref.model_copy(update={"text": text})


def prepare(article: Article, gazetteer: Gazetteer | None = None) -> Groundwork:
    """Read an article once for every extractor."""
    text = Text(article.text)
    year = article.published.year if article.published is not None else None
    return Groundwork(
        article=article,
        text=text,
        actors=find_actors(text, gazetteer=gazetteer, year=year),
        counts=find_counts(text.norm),
        dates=find_dates(text.norm),
    )
