"""`make demo`'s job, run on the bundled data and the illustrative articles."""

from __future__ import annotations

import io
from pathlib import Path

import diplodata as dd
from diplodata.demo import run

ARTICLES = Path(__file__).resolve().parents[1] / "datasets" / "articles"


def test_demo_writes_data_extractions_and_charts(tmp_path: Path) -> None:
    out = io.StringIO()
    files = run(tmp_path, articles=ARTICLES, stream=out)
    text = out.getvalue()

    assert sorted(files) == ["extracted", "jsonl", "network", "parquet", "timeline", "tolls"]
    for name in ("timeline", "tolls", "network"):
        assert files[name].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert str(files[name]) in text
    assert dd.read_events(files["jsonl"]) == dd.load_dataset("libya_2019", as_events=True)
    # Both validations are reported, and neither found an error (the demo raises if one does).
    assert "dd.validate: 189 events, 20 rules: 0 errors" in text
    assert "dd.validate against the articles:" in text
    extracted = dd.read_events(files["extracted"])
    assert len(extracted) > 100
    assert f"{len(extracted)} events" in text
