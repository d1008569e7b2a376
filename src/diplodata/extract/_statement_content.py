"""What a statement says, for the statement extractor (:mod:`~diplodata.extract.statements`).

The act a speech verb carries (or, for a plain "said", the act read from what is said),
the paraphrased clause after the verb with its attribution tail and trailing time phrase
cut off, and the clause before an attribution ("Content, X said.").
"""

from __future__ import annotations

from bisect import bisect_left

from diplodata.extract._statement_fast import _CONTENT_ACTS_FAST, _CUT_FAST, _trailing_time
from diplodata.extract._statement_patterns import (
    _ATTRIBUTION,
    _BOUND_BEFORE_OF,
    _CONTENT_ACTS,
    _DENIAL_OBJECT,
    _MAX_CONTENT,
    _PLEDGE_VERBS,
    _REJECT_VERBS,
    _SUPPORT_WORD,
    _VERB_ACT,
    _dateline,
)
from diplodata.extract._statement_quotes import _quote_at
from diplodata.extract._statement_scan import _Scan, _trim
from diplodata.models import Act


def _classify(content: str) -> Act:
    text = content.strip()
    if text.isascii():
        low = text.lower()
        for act, pattern in _CONTENT_ACTS_FAST:  # _CONTENT_ACTS_LOWER, faster
            if pattern.search(low):
                return act
        return Act.COMMENT
    for act, pattern in _CONTENT_ACTS:
        if pattern.search(text):
            return act
    return Act.COMMENT


def _verb_act(verb: str, content: str, object_text: str) -> Act:
    base = _VERB_ACT.get(verb, "comment")
    if verb in _REJECT_VERBS:
        return Act.DENIAL if _DENIAL_OBJECT.match(object_text) else _classify(content)
    if verb in ("reaffirmed", "reaffirms", "confirmed", "confirms", "reiterated", "reiterates"):
        return Act.SUPPORT if _SUPPORT_WORD.search(content) else _classify(content)
    if verb in _PLEDGE_VERBS:
        found = _classify(content)
        return Act.ANNOUNCEMENT if found is Act.COMMENT else found
    if verb in ("declared", "declares"):
        found = _classify(content)
        return found if found in (Act.THREAT, Act.CONDEMNATION) else Act.ANNOUNCEMENT
    if verb in ("described", "describes"):
        return _classify(content)
    if base == "warning":
        return Act.THREAT if _classify(content) is Act.THREAT else Act.WARNING
    if base == "comment":
        return _classify(content)
    return Act(base)


def _strip_tail(
    scan: _Scan, start: int, end: int, *, strip_dates: bool = True
) -> tuple[int, int, str | None]:
    """Cut attribution tails and trailing time phrases off a paraphrased clause."""
    norm = scan.norm
    attribution = None
    for _ in range(4):
        end = _trim(norm, start, end)[1]
        window = norm[start:end]
        cut = _CUT_FAST.search(window)  # where _CUT.search(window) starts
        if cut:
            att = _ATTRIBUTION.match(window, cut.start())
            if att and attribution is None:
                attribution = att.group("att")
            end = start + cut.start()
            continue
        # a date phrase that ends the clause
        i = bisect_left(scan.date_starts, start)
        dates = scan.dates
        trimmed = False
        while i < len(dates) and dates[i].start < end:
            d = dates[i]
            if (
                d.start > start
                and not norm[d.end : end].strip(" .,;:")
                and d.role == "point"
                and not _BOUND_BEFORE_OF.search(norm[max(0, d.start - 8) : d.start])
            ):
                if strip_dates:
                    end = d.start
                trimmed = True
                break
            i += 1
        if trimmed and strip_dates:
            continue
        tt = _trailing_time(window) if strip_dates else None
        if tt and tt.group().strip().startswith(("at the time", "after the")):
            end = start + tt.start()
            continue
        break
    start, end = _trim(norm, start, end)
    return start, end, attribution


def _content_before(
    scan: _Scan,
    sent: tuple[int, int],
    speaker_span: tuple[int, int] | None,
    vs: int,
    right: bool,
) -> tuple[int, int] | None:
    """'Haftar's forces will withdraw, the spokesman said.': the clause before the attribution."""
    norm = scan.norm
    head = vs if right or speaker_span is None else speaker_span[0]
    comma = norm.rfind(",", max(sent[0], head - 12), head)
    if comma < 0 or norm[comma + 1 : head].strip().lower() not in ("", "the"):
        return None
    start = sent[0]
    dl = _dateline(norm, start, min(sent[1], start + 120))
    if dl:
        start = dl.end()
    if comma - start > _MAX_CONTENT or _quote_at(scan, comma) is not None:
        return None
    start, end = _trim(norm, start, comma)
    if '"' in norm[start:end] or end - start < 12:
        return None
    return start, end
