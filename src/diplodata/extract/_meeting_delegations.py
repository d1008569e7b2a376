"""Delegations as participants: "delegations of X and Y" meet, not X and Y themselves.

Where the actors of a meeting are named after "delegation(s) of" or "from", each stands
for its delegation. The gazetteer may know that delegation by name ("GNA delegation to the
5+5 Joint Military Commission": an entry named "<owner> delegation to <body>"); such an
entry is taken where its owner is the actor named and its body is named in the article
too. Otherwise the delegation is an actor of its own, "<owner> delegation", of the owner's
kind and country.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from diplodata.extract.actors import ActorMention
from diplodata.extract.gazetteer import Gazetteer
from diplodata.models import Actor

__all__ = ["as_delegations", "led_by_delegations"]

_LEAD = re.compile(r"\b[Dd]elegations?\s++(?:of|from)\s++(?:the\s++)?(?:[A-Z][\w-]*+['’]s\s++)?$")
"""Before the first actor of a chain: "delegations from Libya's ", "the delegation of the "."""
_ENTRY = re.compile(r"^(?P<owner>.+?) delegation(?: to (?:the )?(?P<body>.+))?$")


def led_by_delegations(norm: str, first: ActorMention, lo: int) -> bool:
    """Whether the chain that begins with ``first`` is named after "delegations of/from"."""
    at = max(lo, first.start - 60)
    if norm.find("elegation", at, first.start) == -1:
        return False
    return _LEAD.search(norm, at, first.start) is not None


@cache
def _known() -> dict[str, list[tuple[Actor, tuple[str, ...]]]]:
    """The delegations the bundled gazetteer names, by the id of their owner: (actor, body names)."""
    gaz = Gazetteer.default()
    out: dict[str, list[tuple[Actor, tuple[str, ...]]]] = {}
    for entry in gaz:
        found = _ENTRY.match(entry.name)
        if found is None:
            continue
        owner = gaz.lookup(found.group("owner"))
        if owner is None:
            continue
        body_name = found.group("body")
        body = gaz.lookup(body_name) if body_name else None
        names = (
            (body.name, *body.aliases) if body is not None else (body_name,) if body_name else ()
        )
        out.setdefault(owner.id, []).append((entry.actor(), tuple(n.lower() for n in names)))
    return out


def as_delegations(chain: list[ActorMention], norm: str) -> list[ActorMention]:
    """Each actor of ``chain`` replaced by its delegation; ``norm`` is the article's text."""
    text = norm.lower()
    out = []
    for m in chain:
        owner = m.actor
        actor = None
        for delegation, bodies in _known().get(owner.id or "", []):
            if not bodies or any(b in text for b in bodies):
                actor = delegation
                break
        if actor is None:
            actor = Actor(
                id=None, name=f"{owner.name} delegation", kind=owner.kind, country=owner.country
            )
        out.append(replace(m, actor=actor))
    return out
