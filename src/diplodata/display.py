"""Show an article with the evidence of its events highlighted, in a notebook.

:func:`evidence` returns an :class:`EvidenceView`: Jupyter renders it as the article
text with each event's evidence marked in the colour of its kind (meetings,
statements, casualty figures), and a hover label saying what the event is. Spans
may overlap; each stretch of text carries every event that covers it.

Examples
--------
>>> import diplodata as dd
>>> text = "At least 21 civilians were killed, the WHO said."
>>> view = evidence(text, dd.extract(text))
>>> "<mark" in view.to_html() and "killed" in view.to_html()
True
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from diplodata.article import Article
from diplodata.eventset import summary_of
from diplodata.models import Event

__all__ = ["COLOURS", "EvidenceView", "event_html", "evidence"]

COLOURS = {"meeting": "#cfe2ff", "statement": "#fff3bf", "casualty": "#ffd6d6"}
"""Background colour of each kind's evidence (light, so the text stays readable)."""


def _label(event: Event) -> str:
    who, what = summary_of(event)
    return f"{event.kind} {event.id}: {who} - {what}" if who else f"{event.kind} {event.id}: {what}"


@dataclass(frozen=True)
class EvidenceView:
    """An article and events from it, shown with their evidence highlighted."""

    text: str
    events: tuple[Event, ...]

    def to_html(self) -> str:
        """The article as HTML, each evidence span in a ``<mark>`` with a hover label."""
        cuts = {0, len(self.text)}
        covering: list[tuple[int, int, Event]] = []
        for event in self.events:
            for span in event.evidence:
                if 0 <= span.start < span.end <= len(self.text):
                    cuts.update((span.start, span.end))
                    covering.append((span.start, span.end, event))
        points = sorted(cuts)
        parts: list[str] = []
        for a, b in itertools.pairwise(points):
            piece = html.escape(self.text[a:b]).replace("\n", "<br>")
            here = [e for s, t, e in covering if s <= a and b <= t]
            if not here:
                parts.append(piece)
                continue
            colour = COLOURS.get(here[0].kind, "#eeeeee")
            title = html.escape(" | ".join(dict.fromkeys(_label(e) for e in here)), quote=True)
            underline = "border-bottom:2px solid #555;" if len(here) > 1 else ""
            parts.append(
                f'<mark class="dd-{here[0].kind}" style="background:{colour};{underline}" '
                f'title="{title}">{piece}</mark>'
            )
        legend = " ".join(
            f'<span style="background:{c};padding:0 4px">{k}</span>' for k, c in COLOURS.items()
        )
        counts = {k: sum(e.kind == k for e in self.events) for k in COLOURS}
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no events"
        return (
            f'<div class="diplodata-evidence"><p>{legend} &mdash; {summary}</p>'
            f'<div style="line-height:1.6">{"".join(parts)}</div></div>'
        )

    def _repr_html_(self) -> str:
        return self.to_html()


def evidence(article: Article | str, events: Iterable[Event]) -> EvidenceView:
    """The article's text with each event's evidence highlighted (rendered by Jupyter).

    Parameters
    ----------
    article
        The :class:`~diplodata.Article` (or its text) the events were extracted from.
    events
        Events whose evidence spans point into that text.
    """
    text = article.text if isinstance(article, Article) else article
    return EvidenceView(text, tuple(events))


def event_html(event: Event) -> str:
    """One event as HTML: what it is, when, where from, and its evidence highlighted.

    This is what a notebook shows for a single event (``Event._repr_html_``). Without
    the article, each evidence span is shown on its own, marked in the kind's colour
    with the same hover label as in :func:`evidence`.

    Examples
    --------
    >>> import diplodata as dd
    >>> event = dd.extract("At least 21 civilians were killed, the WHO said.")[0]
    >>> html_text = event._repr_html_()
    >>> "<mark" in html_text and "At least 21 civilians were killed" in html_text
    True
    """
    who, what = summary_of(event)
    colour = COLOURS.get(event.kind, "#eeeeee")
    title = html.escape(_label(event), quote=True)
    when = event.when.earliest.isoformat() if event.when.earliest else "date unknown"
    if event.when.latest and event.when.latest != event.when.earliest:
        when += f" to {event.when.latest.isoformat()} ({event.when.precision.value})"
    source = event.source.outlet or event.source.url or event.source.article_id
    marks = "".join(
        f'<li><mark class="dd-{event.kind}" style="background:{colour}" title="{title}">'
        f"{html.escape(span.text)}</mark> <small>[{span.start}:{span.end}]</small></li>"
        for span in event.evidence
    )
    evidence_part = f"<ul>{marks}</ul>" if marks else "<p><i>no evidence spans</i></p>"
    head = f"<b>{html.escape(event.kind)}</b> <code>{html.escape(event.id)}</code>"
    lines = [
        f"<p>{head} &middot; {html.escape(when)}"
        + (f" &middot; {html.escape(source)}" if source else "")
        + "</p>",
        f"<p>{html.escape(who)}{' &mdash; ' if who else ''}{html.escape(what)}</p>",
        evidence_part,
    ]
    return f'<div class="diplodata-event">{"".join(lines)}</div>'
