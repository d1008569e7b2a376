"""dd.plot.evidence and Event._repr_html_: the notebook views of evidence."""

from __future__ import annotations

import diplodata as dd
from diplodata.display import EvidenceView

TEXT = "At least 21 civilians were killed in Tripoli, the WHO said on Sunday."


def test_plot_evidence_is_the_display_view() -> None:
    events = dd.extract(TEXT)
    view = dd.plot.evidence(TEXT, events)
    assert isinstance(view, EvidenceView)
    html = view._repr_html_()
    assert '<mark class="dd-casualty"' in html and "killed" in html


def test_a_single_event_renders_with_its_evidence() -> None:
    (event,) = dd.extract(TEXT).by_kind("casualty")
    html = event._repr_html_()
    assert event.evidence
    for span in event.evidence:
        assert f"[{span.start}:{span.end}]" in html and span.text in html
    assert html.count('<mark class="dd-casualty"') == len(event.evidence)
    assert "casualty" in html and event.id in html


def test_event_html_escapes_text(meetings: list[dd.Meeting]) -> None:
    meeting = meetings[0].model_copy(
        update={"evidence": (dd.Span(start=0, end=9, text="<b>met</b"),)}
    )
    html = meeting._repr_html_()
    assert "&lt;b&gt;met&lt;/b" in html and "<b>met" not in html
