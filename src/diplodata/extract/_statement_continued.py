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


def _continue_quotes(scan: _Scan, hits: list[_Hit], used: set[int]) -> None:
    """Give the lone quotation of a sentence to the last remark of the sentence before (in place).

    A lone quotation opens its sentence and nothing but closing punctuation follows its
    closing mark there; the remark before is the last hit before that sentence, and it
    must reach the sentence before (a quotation of several sentences reaches its last).
    Only the quotations no hit took are looked at (most articles have none).
    """
    if not hits or len(used) == len(scan.quotes):
        return
    norm = scan.norm
    sentences = scan.g.sentences
    hit_sentences = [h.sentence for h in hits]
    for qi, (opened, close) in enumerate(scan.quotes):
        if qi in used:
            continue
        si = _sentence_index(scan, opened)
        if si == 0 or norm[sentences[si][0] : opened].strip():
            continue  # not the opening of its sentence
        end = sentences[_sentence_index(scan, close)][1]
        if norm[close + 1 : end].strip(_AFTER_QUOTE):
            continue  # words after the quotation: it has an attribution of its own
        k = bisect_left(hit_sentences, si) - 1
        if k < 0:
            continue
        hit = hits[k]
        reach = hit.sentence
        if hit.direct and hit.quote_ids:
            reach = max(reach, _sentence_index(scan, scan.quotes[max(hit.quote_ids)][1]))
        if reach != si - 1:
            continue
        piece = _quote_pieces(norm, (opened, close))
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
