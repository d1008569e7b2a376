"""Shared fixtures: a few small, hand-written events of each kind.

Keep this file small and generic; fixtures for one test module belong in that module.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator

import pytest

from diplodata.models import (
    Actor,
    CasualtyFigure,
    Count,
    Meeting,
    Place,
    SourceRef,
    Statement,
    TimeRef,
)

MACRON = Actor(id="fr-macron", name="Emmanuel Macron", kind="person", country="FRA")
HAFTAR = Actor(id="ly-haftar", name="Khalifa Haftar", kind="person", country="LBY")
SARRAJ = Actor(name="Fayez al-Sarraj", kind="person", country="LBY")
GUTERRES = Actor(name="António Guterres", kind="person", role="UN Secretary-General")
WHO = Actor(id="who", name="World Health Organization", kind="igo")

# Charts render off-screen, and every figure a test opens is closed after it.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


def _day(year: int, month: int, day: int) -> TimeRef:
    return TimeRef.on(dt.date(year, month, day))


@pytest.fixture
def meetings() -> list[Meeting]:
    """Two meetings: one held in person with a host, one planned by phone."""
    return [
        Meeting(
            id="m1",
            when=_day(2019, 4, 4),
            location=Place(name="Benghazi", country="LBY"),
            participants=(GUTERRES, HAFTAR),
            host=HAFTAR,
            status="held",
            modality="in_person",
            topics=("ceasefire",),
        ),
        Meeting(
            id="m2",
            when=TimeRef(
                text="next week",
                earliest=dt.date(2019, 5, 6),
                latest=dt.date(2019, 5, 12),
                precision="week",
                anchor=dt.date(2019, 5, 1),
            ),
            participants=(MACRON, SARRAJ),
            status="planned",
            modality="call",
        ),
    ]


@pytest.fixture
def statements() -> list[Statement]:
    """Two statements: a quoted appeal with an addressee, and an undated comment."""
    return [
        Statement(
            id="s1",
            when=_day(2019, 4, 7),
            speaker=GUTERRES,
            addressee=HAFTAR,
            act="appeal",
            direct_quote=True,
            content="I call for a halt to all military movement",
            source=SourceRef(outlet="Reuters", url="https://example.org/s1"),
        ),
        Statement(
            id="s2",
            when=TimeRef(text="on Thursday"),
            speaker=SARRAJ,
            act="comment",
            content="the attack on Tripoli is a stab in the back",
        ),
    ]


@pytest.fixture
def casualties() -> list[CasualtyFigure]:
    """Two casualty figures: the DESIGN.md example and a month-precise displacement count."""
    return [
        CasualtyFigure(
            id="c1",
            when=_day(2019, 5, 13),
            figure="killed",
            count=Count(value=430, low=431, qualifier="more_than", text="more than 430"),
            reported_by=WHO,
            cumulative=True,
        ),
        CasualtyFigure(
            id="c2",
            when=TimeRef(
                earliest=dt.date(2019, 4, 1), latest=dt.date(2019, 4, 30), precision="month"
            ),
            figure="displaced",
            count=Count.from_qualifier(32000, "about"),
            population="civilians",
        ),
    ]


@pytest.fixture
def events(
    meetings: list[Meeting], statements: list[Statement], casualties: list[CasualtyFigure]
) -> list[Meeting | Statement | CasualtyFigure]:
    """Six events, two of each kind, in the order m1, s1, c1, m2, s2, c2."""
    return [meetings[0], statements[0], casualties[0], meetings[1], statements[1], casualties[1]]
