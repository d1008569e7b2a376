"""Quotation marks for the statement extractor (:mod:`~diplodata.extract.statements`).

Double quotation marks are paired in a single left-to-right scan (a pair at most
``MAX_QUOTE`` characters long); the helpers find the quotation around an offset and the
quoted words inside a pair.
"""

from __future__ import annotations

from bisect import bisect_right

from diplodata.extract._statement_patterns import MAX_QUOTE
from diplodata.extract._statement_scan import _Scan, _trim


def _pair_quotes(norm: str) -> list[tuple[int, int]]:
    """Pairs of double quotation marks, in one left-to-right scan; a pair is at most MAX_QUOTE long."""
    pairs: list[tuple[int, int]] = []
    opened = -1
    pos = norm.find('"')
    while pos != -1:
        if opened < 0 or pos - opened > MAX_QUOTE:
            opened = pos
        else:
            pairs.append((opened, pos))
            opened = -1
        pos = norm.find('"', pos + 1)
    return pairs


def _quote_at(scan: _Scan, offset: int) -> int | None:
    """The index of the quotation that contains ``offset`` (strictly inside its marks)."""
    if not scan.quotes:
        return None  # (most articles quote no one)
    i = bisect_right(scan.quote_opens, offset - 1) - 1
    if i >= 0 and scan.quotes[i][0] < offset < scan.quotes[i][1]:
        return i
    return None


def _quote_pieces(norm: str, q: tuple[int, int]) -> tuple[int, int]:
    return _trim(norm, q[0] + 1, q[1])
