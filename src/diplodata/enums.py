"""The closed vocabularies of the event contract: kinds, statuses, acts, figures, qualifiers.

Each is a :class:`enum.StrEnum`, so a member compares equal to its JSON value
(``MeetingStatus.HELD == "held"``). :mod:`diplodata.models` re-exports them all.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Act",
    "ActorKind",
    "EventKind",
    "Figure",
    "MeetingStatus",
    "Modality",
    "Precision",
    "Qualifier",
]


class EventKind(StrEnum):
    """The three kinds of event; the ``kind`` discriminator of :data:`Event`."""

    MEETING = "meeting"
    STATEMENT = "statement"
    CASUALTY = "casualty"


class MeetingStatus(StrEnum):
    """Where a meeting stands in the report: happened, announced, offered, off, denied."""

    HELD = "held"
    PLANNED = "planned"
    PROPOSED = "proposed"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    DENIED = "denied"


class Modality(StrEnum):
    """How a meeting took place: face to face, by phone, by video, or not said."""

    IN_PERSON = "in_person"
    CALL = "call"
    VIDEO = "video"
    UNKNOWN = "unknown"


class Act(StrEnum):
    """What a statement does: the speech act."""

    APPEAL = "appeal"
    DEMAND = "demand"
    WARNING = "warning"
    THREAT = "threat"
    CONDEMNATION = "condemnation"
    DENIAL = "denial"
    SUPPORT = "support"
    CLAIM = "claim"
    ANNOUNCEMENT = "announcement"
    COMMENT = "comment"


class Figure(StrEnum):
    """What a casualty figure counts."""

    KILLED = "killed"
    WOUNDED = "wounded"
    DISPLACED = "displaced"
    MISSING = "missing"
    DETAINED = "detained"
    AFFECTED = "affected"


class Qualifier(StrEnum):
    """How exact a reported number is, following the wording of the source."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    UP_TO = "up_to"
    LESS_THAN = "less_than"
    RANGE = "range"


class Precision(StrEnum):
    """How precisely a :class:`TimeRef` pins down a date; ``unknown`` means not resolved."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    """What sort of actor: a person, a state, an international organisation, ..."""

    PERSON = "person"
    GOVERNMENT = "government"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed_group"
    STATE = "state"
    IGO = "igo"
    UNKNOWN = "unknown"
