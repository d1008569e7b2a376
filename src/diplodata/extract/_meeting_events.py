"""Meeting events built from read candidates (:mod:`~diplodata.extract.meetings`).

:func:`_event` turns one candidate of the meeting reader into a :class:`Meeting` whose
evidence points into the original text; fields already valid are not validated again
(:func:`_valid_fields` checks the rules of ``Meeting`` that can fail directly).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import ValidationError

from diplodata.extract._fast import kept_text, trusted
from diplodata.extract._meeting_candidates import _Cand
from diplodata.extract.groundwork import EVENT_GIVEN, Groundwork
from diplodata.extract.places import PlaceMention
from diplodata.models import Actor, Meeting, MeetingStatus, Modality, Place, Span, TimeRef
from diplodata.ontology import codes_for_meeting

_codes = cache(codes_for_meeting)
"""The codes of a status and modality, built once for each (Codes are immutable: shared)."""


def _event(g: Groundwork, c: _Cand, used: set[str]) -> Meeting | None:
    people = c.people  # one mention an actor: _read_anchor and _follow_up keep it so
    participants = tuple([m.actor for m in people])
    host = c.host.actor if c.host is not None else None
    if host is not None and not any(p.same_as(host) for p in participants):
        participants = (host, *participants)
    spans: dict[tuple[int, int], Span] = {}
    for a, b in [*c.anchors, *[(m.start, m.end) for m in people]]:
        if (a, b) not in spans and b > a:
            spans[(a, b)] = g.span(a, b)
    start, end = c.anchors[0]
    eid = g.event_id("meeting", start, end if c.split_key == 0 else c.split_key)
    n = 0
    while eid in used:
        n += 1
        eid = g.event_id("meeting", start, end + n)
    location = _location(g, c.place) if c.place else None
    fields = {
        "id": eid,
        "kind": "meeting",
        "when": c.when,
        "location": location,
        "source": g.source(),
        "attribution": c.attribution,
        "evidence": tuple(sorted(spans.values(), key=lambda sp: (sp.start, sp.end))),
        "confidence": 0.85 if len(participants) >= 2 else 0.6,
        "codes": _codes(c.status, c.modality),
        "participants": participants,
        "host": host,
        "status": c.status,
        "modality": c.modality,
        "topics": tuple([t for t in c.topics if t.strip()]),
    }
    meeting: Meeting
    if _valid_fields(fields):
        # Every field is already of its type and within its rules (models built valid, an
        # id never empty, the rules of Meeting checked just now): no validation.
        meeting = trusted(Meeting, fields, _MEETING_GIVEN)
    else:
        try:
            meeting = Meeting(**{k: v for k, v in fields.items() if k in _MEETING_GIVEN})
        except (ValidationError, ValueError):
            return None
    used.add(eid)
    return meeting


def _location(g: Groundwork, found: PlaceMention) -> Place:
    """The place of a meeting: its name as written, the country of the place it names."""
    name = g.original(found.start, found.end)
    country = found.place.country  # the country of a valid Place: valid
    if kept_text(name):
        return trusted(Place, {"name": name, "country": country})
    return Place(name=name, country=country)


_MEETING_GIVEN = frozenset(
    [*EVENT_GIVEN, "location", "codes", "participants", "host", "status", "modality", "topics"]
)
"""The fields :func:`_event` gives (``kind`` takes the model's default)."""


def _valid_fields(fields: dict[str, Any]) -> bool:
    """Whether the fields :func:`_event` made pass every rule of :class:`Meeting` as they are.

    The types that need no check (a :class:`Span`, a ``SourceRef``, ``Codes``) are made
    valid by the groundwork; what is checked here is what can go wrong: a participant
    listed twice (:meth:`Actor.same_as`), one participant without a host or a place, a
    phrase the model would change or refuse.
    """
    people = fields["participants"]
    if not people:
        return False
    for i, a in enumerate(people):
        if type(a) is not Actor:
            return False
        for b in people[:i]:
            if a.same_as(b):
                return False
    host, location, attribution = fields["host"], fields["location"], fields["attribution"]
    return (
        (len(people) >= 2 or host is not None or location is not None)
        and (host is None or type(host) is Actor)
        and (location is None or type(location) is Place)
        and type(fields["when"]) is TimeRef
        and (attribution is None or kept_text(attribution))
        and all(kept_text(t) for t in fields["topics"])
        and type(fields["status"]) is MeetingStatus
        and type(fields["modality"]) is Modality
    )
