"""Statements (extractor ``statements.v1``): who said what, quoted or paraphrased.

One left-to-right pass finds the speech verbs ("said", "warned", "called for",
"denied", ...). For each, the speaker is the actor mention that governs the verb
(``X said``, ``X, the UN envoy, said``, ``"...," said X``, ``X ... and called for``);
a verb with no resolvable actor is skipped rather than guessed. The content is the
quotation attached to the verb (``"...," X said``, ``X said: "..."``, a quote
interrupted by its attribution, a partial quote inside a paraphrase), or else the
paraphrased clause after the verb. The act comes from the verb when it carries one
("urged", "condemned") and otherwise from what is said ("wants ... to", "have to",
"will be met with a harsh response").

Quotation marks are paired in a single scan, and a quotation longer than
:data:`MAX_QUOTE` characters is not accepted; every other pattern runs on a bounded
window, so the time grows linearly with the text.

Examples
--------
>>> from diplodata.article import Article
>>> from diplodata.extract.groundwork import prepare
>>> text = '"We will not stop," Khalifa Haftar said on Thursday, "until Tripoli is ours."'
>>> [(s.speaker.name, s.act.value, s.direct_quote, s.content)
...  for s in statement_events(prepare(Article(text=text)))]
[('Khalifa Haftar', 'threat', True, 'We will not stop ... until Tripoli is ours')]
"""

from __future__ import annotations

from collections.abc import Set
from functools import cache
from operator import attrgetter, itemgetter

from pydantic import ValidationError

from diplodata.extract._fast import kept_text, trusted
from diplodata.extract._statement_dates import _when
from diplodata.extract._statement_hits import _find
from diplodata.extract._statement_patterns import _SAME_STATEMENT, MAX_QUOTE, _speech_verbs
from diplodata.extract._statement_quotes import _pair_quotes
from diplodata.extract._statement_scan import _Hit, _in_order, _Scan
from diplodata.extract.groundwork import EVENT_GIVEN, NO_TIME, Groundwork
from diplodata.models import Act, Actor, Span, Statement, TimeRef
from diplodata.ontology import codes_for_statement

__all__ = ["EXTRACTOR", "MAX_QUOTE", "statement_events"]

EXTRACTOR = "statements.v1"

_FIRST = itemgetter(0)
_START = attrgetter("start")
_codes = cache(codes_for_statement)
"""The codes of an act, built once per act (Codes are immutable: events share them)."""


def _compatible(a: Act, b: Act) -> Act | None:
    if a == b:
        return a
    if a is Act.COMMENT:
        return b
    if b is Act.COMMENT:
        return a
    if {a, b} == {Act.WARNING, Act.THREAT}:
        return Act.THREAT
    return None


def _channel(first: _Hit, second: _Hit) -> str | None:
    """The attribution of a merged remark; "told the Council" is no channel when it is the audience."""
    addressee = first.addressee or second.addressee
    for att in (first.attribution, second.attribution):
        if att and not (addressee is not None and att.startswith("told ")):
            return att
    return None


def _merge(hits: list[_Hit]) -> list[_Hit]:
    """One remark, one statement: a paraphrase and the quotation that follows it."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.direct
            and prev.speaker.same_as(h.speaker)
            and 0 <= h.sentence - prev.sentence <= 1
            and (h.direct or h.sentence != prev.sentence)
        ):
            act = _compatible(prev.act, h.act)
            if act is not None:
                keep = h if h.direct or len(h.content) >= len(prev.content) else prev
                # The merged remark: the kept hit, updated in place (the right side is read
                # before anything is set; neither hit is read again but as ``out[-1]``).
                keep.act, keep.addressee, keep.attribution, keep.date, keep.speaker_span = (
                    act,
                    prev.addressee or h.addressee,
                    _channel(prev, h),
                    h.date or prev.date,
                    h.speaker_span or prev.speaker_span,
                )
                out[-1] = keep
                continue
        out.append(h)
    return out


def _statement(scan: _Scan, hit: _Hit, previous: _Hit | None) -> Statement | None:
    g = scan.g
    sent = g.sentences[hit.sentence]
    if (
        hit.date is None
        and previous is not None
        and _SAME_STATEMENT.match(scan.norm, sent[0], min(sent[1], sent[0] + 40))
    ):
        when = previous.when or NO_TIME
    else:
        when = _when(scan, hit)  # resolved only where it is kept
        if (
            hit.date is None
            and when.text is None
            and previous is not None
            and previous.when is not None
            and previous.speaker.same_as(hit.speaker)
            and 0 <= hit.sentence - previous.sentence <= 1
            and g.anchor is not None
            and previous.when.earliest == previous.when.latest == g.anchor
        ):
            # more of a remark made on the publication day, by the same speaker
            when = TimeRef.on(g.anchor, anchor=g.anchor)
    hit.when = when
    spans = {hit.verb, *hit.content_spans}
    if hit.speaker_span is not None:
        spans.add(hit.speaker_span)
    evidence = _evidence(g, spans)
    confidence = hit.confidence + (0.05 if hit.direct else 0.0)
    fields = {
        "id": g.event_id("statement", *hit.verb),
        "kind": "statement",
        "when": when,
        "location": None,
        "source": g.source(),
        "attribution": hit.attribution,
        "evidence": evidence,
        "confidence": confidence,
        "codes": _codes(hit.act),
        "speaker": hit.speaker,
        "addressee": hit.addressee,
        "act": hit.act,
        "direct_quote": hit.direct,
        "content": hit.content,
    }
    if (
        kept_text(hit.content)
        and (hit.attribution is None or kept_text(hit.attribution))
        and type(confidence) is float
        and 0.0 <= confidence <= 1.0
        and type(when) is TimeRef
        and type(hit.speaker) is Actor
        and (hit.addressee is None or type(hit.addressee) is Actor)
        and type(hit.act) is Act
        and type(hit.direct) is bool
    ):
        # Every field is already of its type and within its rules (models built valid,
        # an id never empty): no validation.
        return trusted(Statement, fields, _STATEMENT_GIVEN)
    try:
        return Statement(**{k: v for k, v in fields.items() if k in _STATEMENT_GIVEN})
    except (ValidationError, ValueError):
        return None


_STATEMENT_GIVEN = frozenset(
    [
        *EVENT_GIVEN,
        "codes",
        "speaker",
        "addressee",
        "act",
        "direct_quote",
        "content",
    ]
)
"""The fields :func:`_statement` gives (the others take the models' defaults)."""


def _evidence(g: Groundwork, spans: Set[tuple[int, int]]) -> tuple[Span, ...]:
    """The non-empty normalised ``spans`` as evidence in the original text, in order, once each.

    The map back to the original text is strictly increasing in both ends (it keeps
    characters, in order), so sorting the distinct spans before mapping them gives the
    order, and the distinctness, of sorting the mapped spans by (start, end). Where no
    character was removed (the normalised text is as long as the original: normalising
    replaces characters one for one), a span is the same in both texts, and one within
    the text is built as :meth:`.Groundwork.span` builds it.
    """
    ordered = [s for s in sorted(spans) if s[1] > s[0]]
    original = g.text.original
    size = len(original)
    if len(g.norm) != size:
        return tuple([g.span(a, b) for a, b in ordered])
    return tuple(
        [
            trusted(Span, {"start": a, "end": b, "text": original[a:b]})
            if a >= 0 and b <= size
            else g.span(a, b)  # refused, as Groundwork.span refuses it
            for a, b in ordered
        ]
    )


def statement_events(g: Groundwork) -> list[Statement]:
    """Statements (extractor ``statements.v1``) in an article, in text order.

    Parameters
    ----------
    g
        The article's groundwork (:func:`~diplodata.extract.groundwork.prepare`).

    Returns
    -------
    list of Statement
        One per remark: the speaker (never guessed), the act, the quoted words
        (``direct_quote=True``) or the paraphrased clause, the date and the evidence
        (the speech verb, the speaker mention and the content).

    Examples
    --------
    >>> from diplodata.article import Article
    >>> from diplodata.extract.groundwork import prepare
    >>> text = "Italian Prime Minister Giuseppe Conte urged Khalifa Haftar to accept a ceasefire."
    >>> s = statement_events(prepare(Article(text=text)))[0]
    >>> s.speaker.name, s.act.value, s.addressee.name, s.content
    ('Giuseppe Conte', 'appeal', 'Khalifa Haftar', 'urged Khalifa Haftar to accept a ceasefire')
    """
    try:
        return _statement_events(g)
    except Exception:  # extraction never raises, whatever the text
        return []


def _statement_events(g: Groundwork) -> list[Statement]:
    verbs = _speech_verbs(g.norm, g.text.runs)
    if not verbs:
        return []  # no speech verb: nothing to read
    quotes = _pair_quotes(g.norm)
    actors, mention_starts = _in_order(g.actors)
    dates, date_starts = _in_order(g.dates)
    scan = _Scan(
        g=g,
        norm=g.norm,
        quotes=quotes,
        quote_opens=list(map(_FIRST, quotes)),
        actors=actors,
        dates=dates,
        mention_starts=mention_starts,
        date_starts=date_starts,
        count_starts=sorted(map(_START, g.counts)),
        sentence_starts=list(map(_FIRST, g.sentences)),
    )
    hits = _merge(_find(scan, verbs))
    out: list[Statement] = []
    previous: _Hit | None = None
    for hit in hits:
        st = _statement(scan, hit, previous)
        previous = hit
        if st is not None:
            out.append(st)
    return out
