"""Names folded for comparison, and the ids made from them.

Kept apart from the models and the extractors because both need them: the
gazetteer matches folded words, actor ids are slugs of canonical names, and
:attr:`diplodata.models.Actor.key` compares actors by id or folded name.

Examples
--------
>>> fold("Erdoğan"), slug("Recep Tayyip Erdoğan")
('erdogan', 'recep-tayyip-erdogan')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "slug"]

# Letters that Unicode does not decompose into an ASCII letter plus a mark.
_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
     "þ": "th", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """Lower-case ASCII form of a token: ``"Erdoğan"`` -> ``"erdogan"``, ``"Yıldırım"`` -> ``"yildirim"``."""
    text = unicodedata.normalize("NFKD", token.translate(_LETTERS))
    return text.encode("ascii", "ignore").decode().lower()


def slug(name: str) -> str:
    """The id of an actor from its canonical name: ``"Recep Tayyip Erdoğan"`` -> ``"recep-tayyip-erdogan"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
