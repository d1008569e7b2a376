"""CAMEO and PLOVER codes for events, where the ontologies have one.

CAMEO (the Conflict and Mediation Event Observations codebook, 1.1b3) and PLOVER
(its successor, the Political Language Ontology for Verifiable Event Records) code
what happened, sentence by sentence. diplodata's events carry the closest code where
one exists and ``None`` where neither ontology has a fitting one (a cancelled
meeting, a casualty count, a denial). PLOVER names follow PLOVER 1.0 (``REQUEST``
and ``ACCUSE`` are what PLOVER 0.5 called ``DEMAND`` and ``DISAPPROVE``).

Examples
--------
>>> codes_for_meeting("held", "call")
Codes(cameo='041', plover='CONSULT')
>>> codes_for_statement("condemnation")
Codes(cameo='111', plover='ACCUSE')
"""

from __future__ import annotations

from diplodata.models import Act, Codes, MeetingStatus, Modality

__all__ = ["CAMEO_DESCRIPTIONS", "codes_for_meeting", "codes_for_statement"]

CAMEO_DESCRIPTIONS: dict[str, str] = {
    "010": "Make statement, not specified below",
    "020": "Appeal, not specified below",
    "036": "Express intent to meet or negotiate",
    "040": "Consult, not specified below",
    "041": "Discuss by telephone",
    "051": "Praise or endorse",
    "100": "Demand, not specified below",
    "111": "Criticize or denounce",
    "130": "Threaten, not specified below",
}
"""The CAMEO codes diplodata assigns, with their codebook descriptions."""

_STATEMENT_CODES: dict[Act, tuple[str | None, str | None]] = {
    Act.APPEAL: ("020", "REQUEST"),
    Act.DEMAND: ("100", "REQUEST"),
    Act.THREAT: ("130", "THREATEN"),
    Act.CONDEMNATION: ("111", "ACCUSE"),
    Act.SUPPORT: ("051", "SUPPORT"),
    # A warning, a denial or a claim has no code of its own in either ontology;
    # CAMEO files the plain ones under "make statement".
    Act.WARNING: (None, None),
    Act.DENIAL: (None, None),
    Act.CLAIM: ("010", None),
    Act.ANNOUNCEMENT: ("010", None),
    Act.COMMENT: ("010", None),
}


def codes_for_meeting(status: MeetingStatus | str, modality: Modality | str) -> Codes:
    """Codes for a meeting: CONSULT when held (041 by phone), intent to meet when planned."""
    st = MeetingStatus(status)
    mode = Modality(modality)
    if st is MeetingStatus.HELD:
        return Codes(cameo="041" if mode is Modality.CALL else "040", plover="CONSULT")
    if st in (MeetingStatus.PLANNED, MeetingStatus.PROPOSED):
        return Codes(cameo="036", plover=None)
    return Codes()


def codes_for_statement(act: Act | str) -> Codes:
    """Codes for a statement, by its act."""
    cameo, plover = _STATEMENT_CODES[Act(act)]
    return Codes(cameo=cameo, plover=plover)
