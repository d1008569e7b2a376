"""What an actor mention is, and the tables shared by the actor passes.

:class:`ActorMention` is defined here, apart from :mod:`~diplodata.extract.actors` (which
re-exports it), so that the coreference pass in ``_actor_coreference`` can build mentions
without importing the module that calls it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from diplodata.extract._fast import fast_init
from diplodata.models import Actor, ActorKind

__all__ = ["ActorMention", "How"]

How = Literal["gazetteer", "title", "coreference"]


@fast_init
@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: ``[start, end)`` in the normalised text, and who it is."""

    start: int
    end: int
    text: str
    actor: Actor
    how: How


_ROLE_WORDS = {
    "commander": ("commander", "marshal", "army", "forces"),
    "envoy": ("envoy", "representative", "mission"),
    "president": ("president",),
    "prime minister": ("prime minister",),
    "minister": ("minister",),
    "foreign minister": ("foreign minister", "minister of foreign affairs"),
    "secretary-general": ("secretary-general", "secretary general"),
    "chancellor": ("chancellor",),
    "king": ("king",),
    "emir": ("emir",),
    "general": ("general", "marshal", "commander"),
    "marshal": ("marshal", "commander"),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "official": (),
}
_BODY_KINDS = {
    "ministry": (ActorKind.GOVERNMENT,),
    "government": (ActorKind.GOVERNMENT,),
    "office": (ActorKind.GOVERNMENT,),
    "agency": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "organisation": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "organization": (ActorKind.IGO, ActorKind.ORGANIZATION),
    "body": (ActorKind.IGO, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT),
    "mission": (ActorKind.IGO,),
    "army": (ActorKind.ARMED_GROUP,),
    "group": (ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION),
}


def _title_case(title: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in title.split())


class _Spans:
    """The spans of sorted, non-overlapping mentions, with an O(log n) overlap test.

    The spans are read from the mentions at the first test (most passes need none), so the
    list given must not change until then.
    """

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.mentions = mentions
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        starts = self.starts
        if starts is None:
            starts = self.starts = [m.start for m in self.mentions]
            self.ends = [m.end for m in self.mentions]
        i = bisect_right(starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return i + 1 < len(starts) and starts[i + 1] < end
