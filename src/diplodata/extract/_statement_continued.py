"""Remarks that go on past their sentence, for the statement extractor (:mod:`~diplodata.extract.statements`).

A quotation that makes up a sentence by itself, with no speaker of its own, goes on
with the remark of the sentence before it::

    "Sirte is a red line," Sisi said. "Whoever crosses it will regret it."

It is the second piece of that quotation (the pieces joined by " ... ", as for a
quotation interrupted by its attribution), or the words of a paraphrased remark
("Haftar vowed to fight on. "We will take Tripoli."": one remark, one statement).
"""

from __future__ import annotations

from bisect import bisect_left

from diplodata.extract._statement_content import _classify
from diplodata.extract._statement_quotes import _quote_pieces
from diplodata.extract._statement_scan import _Hit, _Scan, _sentence_index
from diplodata.models import Act

_AFTER_QUOTE = " \t\n.!?"
"""What may stand between a lone quotation's closing mark and the end of its sentence."""


def _combined(a: Act, b: Act) -> Act:
    """The act of a remark of act ``a`` that goes on with words of act ``b``."""
    if a is Act.COMMENT:
        return b
    if {a, b} == {Act.WARNING, Act.THREAT}:
        return Act.THREAT
    return a


def _lone_quote(scan: _Scan, si: int, used: set[int]) -> int | None:
    """The quotation that makes up sentence ``si`` by itself, if one does and is free."""
    sentences = scan.g.sentences
    if si >= len(sentences):
        return None
    norm = scan.norm
    start, _ = sentences[si]
    while start < len(norm) and norm[start].isspace():
        start += 1
    if not norm.startswith('"', start):
        return None
    qi = bisect_left(scan.quote_opens, start)
    if qi >= len(scan.quotes) or scan.quotes[qi][0] != start or qi in used:
        return None
    close = scan.quotes[qi][1]
    end = sentences[_sentence_index(scan, close)][1]
    if norm[close + 1 : end].strip(_AFTER_QUOTE):
        return None  # words after the quotation: it has an attribution of its own
    return qi


def _continue_quotes(scan: _Scan, hits: list[_Hit], used: set[int]) -> None:
    """Give each hit that ends its sentence the lone quotation of the next sentence (in place)."""
    if not scan.quotes:
        return  # (most articles quote no one)
    norm = scan.norm
    for k, hit in enumerate(hits):
        if k + 1 < len(hits) and hits[k + 1].sentence == hit.sentence:
            continue  # not the last remark of its sentence
        si = hit.sentence + 1
        if hit.direct and hit.quote_ids:
            close = scan.quotes[max(hit.quote_ids)][1]
            si = max(si, _sentence_index(scan, close) + 1)  # a quotation of several sentences
        qi = _lone_quote(scan, si, used)
        if qi is None:
            continue
        piece = _quote_pieces(norm, scan.quotes[qi])
        if piece[1] <= piece[0]:
            continue
        words = norm[piece[0] : piece[1]]
        if hit.direct:
            hit.content_spans.append(piece)
            hit.content = f"{hit.content} ... {words}"
        else:
            hit.content_spans = [piece]
            hit.content = words
            hit.direct = True
        hit.act = _combined(hit.act, _classify(words))
        hit.quote_ids.add(qi)
        used.add(qi)
