"""The bundled datasets: loading, the card held to the data, and the build from the facts."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import diplodata as dd
from diplodata.frame import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT.parent / "shared" / "datasets-facts" / "libya-2019.jsonl"
needs_facts = pytest.mark.skipif(
    not FACTS.exists(), reason=f"the shared facts file is not here ({FACTS})"
)


@pytest.fixture(scope="module")
def libya() -> dd.EventSet:
    return dd.load_dataset("libya_2019", as_events=True)


def test_list_datasets() -> None:
    assert dd.list_datasets() == ["libya_2019"]


def test_load_dataset_gives_a_fresh_frame_each_time() -> None:
    first = dd.load_dataset("libya_2019")
    assert isinstance(first, pd.DataFrame)
    first.loc[0, "confidence"] = 0.0
    del first["kind"]
    second = dd.load_dataset("libya_2019")
    assert "kind" in second.columns
    assert second.loc[0, "confidence"] == 1.0


def test_as_events_gives_an_eventset(libya: dd.EventSet) -> None:
    assert isinstance(libya, dd.EventSet)
    assert len(libya) == len(dd.load_dataset("libya_2019"))


@pytest.mark.parametrize("name", ["libya2019", "Libya_2019", "gdelt", ""])
def test_unknown_name_lists_the_available_ones(name: str) -> None:
    with pytest.raises(dd.DatasetNotFoundError) as info:
        dd.load_dataset(name)
    message = str(info.value)
    assert repr(name) in message and "'libya_2019'" in message
    assert isinstance(info.value, KeyError) and isinstance(info.value, dd.DiplodataError)
    with pytest.raises(dd.DatasetNotFoundError):
        dd.describe_dataset(name)


def test_close_names_get_a_suggestion() -> None:
    with pytest.raises(dd.DatasetNotFoundError, match="Did you mean 'libya_2019'"):
        dd.load_dataset("libya-2019")


# ------------------------------------------------------------------ the card


def test_card_matches_the_data(libya: dd.EventSet) -> None:
    card = dd.describe_dataset("libya_2019")
    df = libya.to_frame()
    assert card.events == len(libya) == len(df)
    assert card.kinds == dict(Counter(df["kind"].astype(str)))
    assert card.first_date == df["when_earliest"].min().date()
    assert card.last_date == df["when_latest"].max().date()
    assert card.extra["distinct_urls"] == df["source_url"].nunique()
    precision = Counter(df["when_precision"].astype(str))
    assert card.extra["date_precision"] == dict(precision)


def test_card_text_states_the_numbers_it_claims(libya: dd.EventSet) -> None:
    card = dd.describe_dataset("libya_2019")
    text = card.to_markdown()
    assert f"**Events:** {len(libya)}" in text
    for kind, n in libya.counts().items():
        assert f"{kind} {n}" in text
    assert card.licence.strip() and card.source.strip() and card.compiled.strip()
    assert len(card.known_gaps) >= 5


def test_card_documents_every_column() -> None:
    documented = set(dd.describe_dataset("libya_2019").columns)
    for column in COLUMNS:
        prefix = column.name.rsplit("_", 1)[0]
        assert column.name in documented or f"{prefix}_id" in documented, column.name


def test_every_event_is_cited_and_valid(libya: dd.EventSet) -> None:
    df = libya.to_frame()
    assert df["source_url"].notna().all()
    assert df["source_url"].str.match(r"https?://").all()
    assert df["event_id"].is_unique
    assert (df["when_precision"].astype(str) != "unknown").all()


def test_meeting_participants_are_distinct_named_actors(libya: dd.EventSet) -> None:
    pf = libya.participants_frame()
    assert len(pf) == sum(len(e.participants) for e in libya.by_kind("meeting"))
    assert pf["actor_id"].notna().all()
    assert not pf.duplicated(["event_id", "actor_id"]).any()


def test_count_bounds_follow_the_convention(libya: dd.EventSet) -> None:
    for event in libya.by_kind("casualty"):
        count = event.count
        expected = dd.Count.from_qualifier(count.value, count.qualifier)
        assert (count.low, count.high) == (expected.low, expected.high), event.id


# ---------------------------------------------------- against the facts file


@needs_facts
def test_every_cited_fact_is_loaded_with_its_url(libya: dd.EventSet) -> None:
    facts = [json.loads(line) for line in FACTS.read_text("utf-8").splitlines() if line.strip()]
    cited = {f["id"]: f for f in facts if f.get("url")}
    loaded = {e.id: e for e in libya}
    assert set(loaded) == set(cited)
    for fid, fact in cited.items():
        event = loaded[fid]
        assert event.source.url == fact["url"], fid
        assert event.kind == fact["kind"], fid
        assert event.when.precision.value == fact["date_precision"], fid
        if fact["date_precision"] == "day":
            assert event.when.earliest is not None
            assert event.when.earliest.isoformat() == fact["date"], fid
        if fact["kind"] == "casualty":
            assert event.count.value == fact["value"], fid
            assert event.count.qualifier.value == fact["qualifier"], fid
            assert event.figure.value == fact["figure"], fid
        if fact["kind"] == "meeting":
            assert [p.name for p in event.participants] == [
                p["name"] for p in fact["participants"]
            ], fid
            assert event.status.value == fact["status"], fid


@needs_facts
def test_rebuild_reproduces_the_packaged_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_libya_2019", ROOT / "datasets" / "libya_2019" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.main(["build.py", str(FACTS), "--out", str(tmp_path)]) == 0
    packaged = ROOT / "src" / "diplodata" / "datasets"
    for name in ("libya_2019.jsonl", "libya_2019.card.toml"):
        assert (tmp_path / name).read_bytes() == (packaged / name).read_bytes(), name
