"""The ``diplodata validate`` command: a summary per file, JSON lines, and the exit status.

The bad files here are synthetic: the bundled dataset with one planted fault.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diplodata as dd
from diplodata.cli import main
from diplodata.validate.report import ISSUE_COLUMNS


def libya_lines() -> list[dict[str, object]]:
    from diplodata.models import events_adapter

    events = list(dd.load_dataset("libya_2019", as_events=True))
    records: list[dict[str, object]] = events_adapter().dump_python(events, mode="json")
    return records


def write(path: Path, records: list[dict[str, object]], extra: str = "") -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + extra
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.jsonl", libya_lines())


@pytest.fixture
def duplicated(tmp_path: Path) -> Path:
    records = libya_lines()
    records[1]["id"] = records[0]["id"]
    return write(tmp_path / "duplicated.jsonl", records)


def test_a_valid_file_prints_its_summary_and_exits_0(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert f"{good}: 189 events, 20 rules: 0 errors, 2 warnings, 14 infos" in out
    assert "casualty.toll_decreased" in out and "warning" in out


@pytest.mark.filterwarnings("ignore::diplodata.DataWarning")  # the reader warns of the shared id
def test_a_file_with_errors_exits_1(
    good: Path, duplicated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(good), str(duplicated)]) == 1
    out = capsys.readouterr().out
    assert f"{duplicated}: 189 events, 20 rules: 2 errors" in out
    assert "event.id_duplicated" in out


@pytest.mark.filterwarnings("ignore::diplodata.DataWarning")  # the reader warns of the shared id
def test_json_lines_give_every_issue_with_its_file(
    duplicated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--format", "json", str(duplicated)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 18  # the dataset's 16 issues and 2 for the shared id
    assert all(set(line) == {"file", *ISSUE_COLUMNS} for line in lines)
    errors = [line for line in lines if line["severity"] == "error"]
    assert [(e["rule"], e["row"], e["event_id"]) for e in errors] == [
        ("event.id_duplicated", 0, "ly19-001"),
        ("event.id_duplicated", 1, "ly19-001"),
    ]
    assert {line["file"] for line in lines} == {str(duplicated)}


def test_records_refused_on_reading_are_errors_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "broken.jsonl", libya_lines()[:3], extra="{not json\n")
    assert main(["validate", "--format", "json", str(path)]) == 1
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert (line["rule"], line["severity"], line["line"]) == ("read.rejected", "error", 4)
    assert main(["validate", str(path)]) == 1
    assert "rejected on reading, line 4" in capsys.readouterr().out


def test_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nope.jsonl")]) == 1
    assert "nope.jsonl: no such file" in capsys.readouterr().err
