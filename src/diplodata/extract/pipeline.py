"""``extract`` and ``extract_many``: from article text to events.

The pipeline runs the shared groundwork once per article (normalised text and
sentences, number phrases, date phrases, actor mentions) and hands it to each
extractor. Every event it returns points back into the original text: for each
evidence span, ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from diplodata._records import gc_paused
from diplodata.article import Article
from diplodata.eventset import EventSet
from diplodata.extract._fast import kept_text, trusted
from diplodata.extract.casualties import EXTRACTOR as CASUALTIES
from diplodata.extract.casualties import CasualtyHit, find_casualties
from diplodata.extract.gazetteer import Gazetteer
from diplodata.extract.groundwork import EVENT_GIVEN, Groundwork, prepare
from diplodata.extract.meetings import EXTRACTOR as MEETINGS
from diplodata.extract.meetings import meeting_events
from diplodata.extract.statements import EXTRACTOR as STATEMENTS
from diplodata.extract.statements import statement_events
from diplodata.models import Actor, CasualtyFigure, Codes, Count, Event, Figure, Span

__all__ = ["EXTRACTORS", "extract", "extract_many"]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(value)


def _article(
    item: Article | str | Mapping[str, Any],
    *,
    published: dt.date | str | None,
    title: str | None,
    url: str | None,
    outlet: str | None,
) -> Article:
    given = {
        k: v
        for k, v in {
            "published": _as_date(published),
            "title": title,
            "url": url,
            "outlet": outlet,
        }.items()
        if v is not None
    }
    if isinstance(item, Article):
        return item.model_copy(update=given) if given else item
    if isinstance(item, str):
        return Article(text=item, **given)
    if isinstance(item, Mapping):
        return Article.model_validate({**item, **given})
    raise TypeError(
        f"extract() takes an Article, a str or a mapping of Article fields, not {type(item).__name__}"
    )


def casualty_events(g: Groundwork) -> list[Event]:
    """Casualty figures (extractor :data:`~diplodata.extract.casualties.EXTRACTOR`) as events."""
    hits = find_casualties(g.norm, g.sentences, g.counts, g.dates, g.actors, g.text.runs)
    return [_casualty(g, hit) for hit in hits]


def _casualty(g: Groundwork, hit: CasualtyHit) -> CasualtyFigure:
    evidence: tuple[Span, ...] = (g.span(*hit.evidence),)
    if hit.reporter_span is not None:
        reporter = g.span(*hit.reporter_span)
        # In order of start (the figure's span first on a tie, as a stable sort keeps it).
        first = evidence[0]
        evidence = (reporter, first) if reporter.start < first.start else (first, reporter)
    c = hit.count
    text = g.original(*hit.count_span)
    counted = {"value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier}
    # The numbers of a valid Count with a new phrase: valid too, if the phrase is kept.
    count = (
        trusted(Count, {**counted, "text": text})
        if kept_text(text)
        else Count(**counted, text=text)
    )
    fields = {
        "id": g.event_id("casualty", *hit.evidence),
        "kind": "casualty",
        "when": g.when(hit.date, hit.sentence),
        "location": None,
        "source": g.source(),
        "attribution": hit.attribution,
        "evidence": evidence,
        "confidence": 0.8 if hit.reported_by is None else 0.9,
        "codes": _NO_CODES,
        "figure": hit.figure,
        "count": count,
        "population": hit.population,
        "reported_by": hit.reported_by,
        "cumulative": hit.cumulative,
    }
    if (
        (hit.attribution is None or kept_text(hit.attribution))
        and (hit.population is None or kept_text(hit.population))
        and type(hit.figure) is Figure
        and type(hit.cumulative) is bool
        and (hit.reported_by is None or type(hit.reported_by) is Actor)
    ):
        # Every field is already of its type and within its rules (the models and spans were
        # built valid, the id is never empty, the confidence is 0.8 or 0.9): no validation.
        return trusted(CasualtyFigure, fields, _CASUALTY_GIVEN)
    return CasualtyFigure(**{k: v for k, v in fields.items() if k in _CASUALTY_GIVEN})


_NO_CODES = Codes()
"""The codes of an event with none (the models' default; immutable, so shared)."""
_CASUALTY_GIVEN = frozenset(
    [
        *EVENT_GIVEN,
        "figure",
        "count",
        "population",
        "reported_by",
        "cumulative",
    ]
)
"""The fields :func:`_casualty` gives (the others take the models' defaults)."""


EXTRACTORS: dict[str, Callable[[Groundwork], Sequence[Event]]] = {
    CASUALTIES: casualty_events,
    MEETINGS: meeting_events,
    STATEMENTS: statement_events,
}
"""The versioned extractors ``extract`` runs, by name."""


def extract(
    article: Article | str | Mapping[str, Any],
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    gazetteer: Gazetteer | None = None,
    extractors: Sequence[str] | None = None,
) -> EventSet:
    """Extract events from one article.

    Parameters
    ----------
    article
        An :class:`~diplodata.Article`, the text itself, or a mapping of Article fields.
    published
        The publication date (a date or ``"YYYY-MM-DD"``); relative dates are resolved
        against it. Without one they keep their phrase and precision ``unknown``.
    title, url, outlet
        Recorded in each event's ``source``.
    gazetteer
        The actors to recognise (default: :meth:`Gazetteer.default`).
    extractors
        Names of the extractors to run (keys of :data:`EXTRACTORS`); all by default.

    Returns
    -------
    EventSet
        The events, in text order, each with evidence spans into the article text.

    Examples
    --------
    >>> import diplodata as dd
    >>> es = dd.extract("The fighting has killed more than 430 people, the WHO said on Thursday.",
    ...                 published="2019-05-03")
    >>> e = es[0]
    >>> e.figure.value, e.count.value, e.count.low, e.count.qualifier.value, e.reported_by.name
    ('killed', 430, 431, 'more_than', 'World Health Organization')
    >>> e.when.earliest, e.when.precision.value
    (datetime.date(2019, 5, 2), 'day')
    """
    art = _article(article, published=published, title=title, url=url, outlet=outlet)
    if not art.text.strip():
        return EventSet()
    g = prepare(art, gazetteer)
    events: list[Event] = []
    for name in extractors if extractors is not None else EXTRACTORS:
        events.extend(EXTRACTORS[name](g))
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    return EventSet(events)


def extract_many(
    articles: Iterable[Article | str | Mapping[str, Any]],
    *,
    progress: bool = True,
    gazetteer: Gazetteer | None = None,
) -> EventSet:
    """Extract events from many articles; one :class:`~diplodata.EventSet` for all of them.

    Parameters
    ----------
    articles
        Articles, texts or mappings of Article fields (a list or any iterator).
    progress
        Show a progress bar (tqdm) on standard error.
    gazetteer
        The actors to recognise (default: the bundled gazetteer).

    Notes
    -----
    The cyclic garbage collector is paused while the events are built (as
    ``EventSet.from_frame`` does): the events kept grow the heap, and each collection
    would traverse them all and find nothing to free (extraction makes no reference
    cycles; ``tests/test_extract_many.py`` checks it): 5-9% less CPU on 5,000 articles.
    """
    total = len(articles) if hasattr(articles, "__len__") else None  # type: ignore[arg-type]
    items: Iterable[Article | str | Mapping[str, Any]] = articles
    if progress:  # tqdm (and what tqdm.auto imports) only when the bar is shown
        from tqdm.auto import tqdm

        items = tqdm(articles, total=total, unit="article", desc="extract")
    events: list[Event] = []
    with gc_paused():
        for item in items:
            events.extend(extract(item, gazetteer=gazetteer))
    return EventSet(events)
