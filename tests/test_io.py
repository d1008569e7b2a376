"""The defined behaviours of ``read_events`` and ``write_events`` for awkward input.

See the module docstring of :mod:`diplodata.io`: each behaviour listed there has
its own test here, for JSON Lines and, where it applies, CSV and Parquet.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplodata as dd
from diplodata.models import Meeting, Statement
from strategies import events_sets

GOOD: dict[str, Any] = {
    "kind": "statement",
    "id": "s1",
    "speaker": {"name": "World Health Organization", "kind": "igo"},
    "act": "appeal",
    "content": "calls for a humanitarian truce",
}


def record(**changes: Any) -> dict[str, Any]:
    """GOOD with some fields changed (a value of ... deletes the field)."""
    out = {**GOOD, **changes}
    return {k: v for k, v in out.items() if v is not ...}


def line(rec: dict[str, Any] | None = None, /, **changes: Any) -> str:
    return json.dumps(record(**changes) if rec is None else rec, ensure_ascii=False)


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def read_quietly(path: Path, **kwargs: Any) -> dd.EventSet:
    """Read, failing on any warning (so a test notices one it did not expect)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return dd.read_events(path, **kwargs)


# ------------------------------------------------------------------ empty and blank


@pytest.mark.parametrize("ext", ["jsonl", "ndjson", "csv", "parquet", "pq"])
def test_empty_file_reads_as_empty(tmp_path: Path, ext: str) -> None:
    es = read_quietly(write(tmp_path / f"empty.{ext}", b""))
    assert len(es) == 0
    assert len(es.problems) == 0


@pytest.mark.parametrize("ext", ["jsonl", "csv"])
def test_only_blank_lines_reads_as_empty(tmp_path: Path, ext: str) -> None:
    es = read_quietly(write(tmp_path / f"blank.{ext}", "\n   \n\t\n\r\n\n"))
    assert len(es) == 0
    assert len(es.problems) == 0


def test_csv_with_only_a_header_reads_as_empty(tmp_path: Path) -> None:
    header = ",".join(dd.EventSet().to_frame().columns) + "\n"
    assert len(read_quietly(write(tmp_path / "header.csv", header))) == 0


def test_empty_event_set_writes_and_reads_back_in_every_format(tmp_path: Path) -> None:
    for ext in ("jsonl", "csv", "parquet"):
        path = dd.write_events(dd.EventSet(), tmp_path / f"none.{ext}")
        assert read_quietly(path) == dd.EventSet()
    assert (tmp_path / "none.jsonl").read_bytes() == b""


# -------------------------------------------------------- encodings and line endings


def test_jsonl_utf8_bom_is_skipped(tmp_path: Path) -> None:
    es = read_quietly(write(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + line().encode() + b"\n"))
    assert [e.id for e in es] == ["s1"]


def test_csv_utf8_bom_is_skipped(tmp_path: Path, events: list[Any]) -> None:
    path = dd.write_events(events, tmp_path / "plain.csv")
    bom = write(tmp_path / "bom.csv", b"\xef\xbb\xbf" + path.read_bytes())
    assert read_quietly(bom) == dd.EventSet(events)


def test_jsonl_crlf_reads_like_lf(tmp_path: Path) -> None:
    text = line() + "\r\n" + line(id="s2") + "\r\n"
    assert [e.id for e in read_quietly(write(tmp_path / "crlf.jsonl", text))] == ["s1", "s2"]


def test_jsonl_without_final_newline(tmp_path: Path) -> None:
    text = line() + "\n" + line(id="s2")
    assert [e.id for e in read_quietly(write(tmp_path / "nofinal.jsonl", text))] == ["s1", "s2"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_either_line_ending_reads(tmp_path: Path, events: list[Any], newline: str) -> None:
    frame = dd.EventSet(events).to_frame()
    path = tmp_path / "x.csv"
    frame.to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator=newline)
    assert read_quietly(path) == dd.EventSet(events)


def test_csv_keeps_carriage_returns_inside_fields(tmp_path: Path) -> None:
    """A lone \\r in a field used to go out unquoted and split the row on reading."""
    es = dd.EventSet([record(content="a\rb", id="r1"), record(content="c\r\nd\n", id="r2")])
    assert read_quietly(dd.write_events(es, tmp_path / "cr.csv")) == es


@pytest.mark.parametrize("ext", ["jsonl", "csv"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(tmp_path: Path, ext: str, encoding: str, events: list[Any]) -> None:
    """With or without a byte-order mark, the message says UTF-16 and what to do."""
    utf8 = dd.write_events(events, tmp_path / f"utf8.{ext}").read_text(encoding="utf-8")
    path = write(tmp_path / f"utf16.{ext}", utf8.encode(encoding))
    with pytest.raises(dd.DataError, match="UTF-16") as info:
        dd.read_events(path, errors="collect")
    assert "UTF-8" in str(info.value)
    assert str(path) in str(info.value)


def test_jsonl_invalid_utf8_on_one_line(tmp_path: Path) -> None:
    bad = line(id="s2").encode().replace(b"truce", b"tr\xffuce")
    path = write(
        tmp_path / "bytes.jsonl", b"\n".join([line().encode(), bad, line(id="s3").encode()])
    )
    with pytest.raises(dd.DataError, match="UTF-8") as info:
        dd.read_events(path)
    assert info.value.line == 2
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s3"]
    assert es.problems["line"].tolist() == [2]
    assert "UTF-8" in es.problems["message"][0]


def test_csv_invalid_utf8_in_one_row(tmp_path: Path, events: list[Any]) -> None:
    """Bad bytes reject their row (named, with the column), not the whole file."""
    text = dd.write_events(events, tmp_path / "good.csv").read_bytes()
    bad = text.replace(b"stab in the back", b"stab in the \xff\xfeback")  # row 5: s2
    path = write(tmp_path / "bytes.csv", bad)
    with pytest.raises(dd.DataError, match="UTF-8") as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (5, "content")
    assert "row 5" in str(info.value)
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["m1", "s1", "c1", "m2", "c2"]
    assert es.problems.to_dict("list")["line"] == [5]


# --------------------------------------------------------------------- blank lines


def test_jsonl_blank_lines_skipped_but_counted(tmp_path: Path) -> None:
    text = "\n" + line() + "\n\n  \n" + "{broken\n" + "\n" + line(id="s2") + "\n\n"
    path = write(tmp_path / "gaps.jsonl", text)
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert info.value.line == 5
    assert "line 5" in str(info.value)
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s2"]
    assert es.problems["line"].tolist() == [5]


# ------------------------------------------------------------------ unknown fields


def test_unknown_top_level_field_loads_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "extra.jsonl", line() + "\n" + line(id="s2", sentiment=0.4) + "\n")
    with pytest.warns(dd.DataWarning) as caught:
        es = dd.read_events(path)
    assert [e.id for e in es] == ["s1", "s2"]
    message = str(caught[0].message)
    assert "'sentiment'" in message
    assert "line 2" in message
    assert str(path) in message


def test_unknown_nested_field_loads_with_a_warning(tmp_path: Path) -> None:
    actor = {"name": "World Health Organization", "kind": "igo", "organization": "UN"}
    meeting = {
        "kind": "meeting",
        "id": "m1",
        "participants": [{"name": "A"}, {"name": "B", "organization": "UN"}],
    }
    text = "\n".join([line(), line(id="s2", speaker=actor), line(meeting)]) + "\n"
    path = write(tmp_path / "nested.jsonl", text)
    with pytest.warns(dd.DataWarning) as caught:
        es = dd.read_events(path)
    assert [e.id for e in es] == ["s1", "s2", "m1"]
    assert es[1] == Statement.model_validate(record(id="s2"))
    message = str(caught[0].message)
    assert "'speaker.organization' (line 2)" in message
    assert "'participants.1.organization' (line 3)" in message


def test_unknown_field_on_a_record_that_also_breaks_a_rule(tmp_path: Path) -> None:
    """A model-level rule fails only once the unknown field is gone: still a DataError."""
    lonely = {"kind": "meeting", "id": "m1", "participants": [{"name": "A"}], "mood": "tense"}
    bounds = {"kind": "casualty", "id": "c1", "figure": "killed"}
    bounds["count"] = {"value": 5, "low": 9, "note": "x"}
    text = "\n".join([line(lonely), line(bounds), line()]) + "\n"
    path = write(tmp_path / "both.jsonl", text)
    with pytest.warns(dd.DataWarning), pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (1, "participants")
    with pytest.warns(dd.DataWarning):
        es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1"]
    assert es.problems[["line", "field"]].values.tolist() == [[1, "participants"], [2, "count.low"]]


def test_csv_unknown_column_loads_with_a_warning(tmp_path: Path, events: list[Any]) -> None:
    df = dd.EventSet(events).to_frame()
    df["organization"] = "x"
    path = tmp_path / "extra.csv"
    df.to_csv(path, index=False)
    with pytest.warns(dd.DataWarning, match="'organization'"):
        es = dd.read_events(path)
    assert es == dd.EventSet(events)


# ---------------------------------------------------------------- broken records


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("{broken", "invalid JSON"),
        ("[1, 2, 3]", "expected a JSON object, got list"),
        ('"just a string"', "expected a JSON object, got str"),
        ("null", "expected a JSON object, got NoneType"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_jsonl_line_that_is_not_a_record(tmp_path: Path, bad: str, expected: str) -> None:
    path = write(tmp_path / "mixed.jsonl", f"{line()}\n{line(id='s2')}\n{bad}\n{line(id='s4')}\n")
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    err = info.value
    assert err.line == 3
    assert str(path) in str(err)
    assert "mixed.jsonl" in str(err)
    assert "line 3" in str(err)
    assert expected in str(err)
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s2", "s4"]
    assert len(es.problems) == 1
    assert es.problems["line"].tolist() == [3]
    assert expected in es.problems["message"][0]


INVALID = [
    pytest.param(
        {"kind": "casualty", "id": "c1", "figure": "killed", "count": {"value": -3}},
        "count.value",
        id="negative-count",
    ),
    pytest.param(
        {
            "kind": "meeting",
            "id": "m1",
            "status": "maybe",
            "participants": [{"name": "A"}, {"name": "B"}],
        },
        "status",
        id="unknown-status",
    ),
    pytest.param(
        record(speaker={"name": "WHO", "country": "XXX"}), "speaker.country", id="country-XXX"
    ),
    pytest.param(
        record(speaker={"name": "WHO", "country": "ly"}), "speaker.country", id="country-ly"
    ),
    pytest.param(record(content=...), "content", id="missing-content"),
    pytest.param(record(speaker=...), "speaker", id="missing-speaker"),
    pytest.param(record(id=...), "id", id="missing-id"),
    pytest.param(record(kind=...), "kind", id="missing-kind"),
    pytest.param(record(kind="rumour"), "kind", id="unknown-kind"),
    pytest.param(record(confidence=1.5), "confidence", id="confidence-above-1"),
    pytest.param(
        record(when={"earliest": "2019-04-05", "latest": "2019-04-04", "precision": "day"}),
        "when.earliest",
        id="dates-reversed",
    ),
    pytest.param(
        {"kind": "meeting", "id": "m1", "participants": [{"name": "A"}]},
        "participants",
        id="meeting-alone",
    ),
]


@pytest.mark.parametrize(("bad", "field"), INVALID)
def test_invalid_record_names_the_field(tmp_path: Path, bad: dict[str, Any], field: str) -> None:
    path = write(tmp_path / "bad.jsonl", f"{line()}\n{line(bad)}\n{line(id='s3')}\n")
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    err = info.value
    assert (err.line, err.field) == (2, field)
    assert f"line 2, field {field!r}" in str(err)
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s3"]
    assert es.problems[["line", "field"]].values.tolist() == [[2, field]]


def test_counts_add_up_over_a_mixed_file(tmp_path: Path) -> None:
    """read = loaded + rejected, whatever is wrong with the bad lines."""
    lines = [
        line(),  # 1 good
        "",  # 2 blank: not a record
        "{broken",  # 3 invalid JSON
        "[1]",  # 4 not an object
        line(id="s5", act="maybe"),  # 5 unknown enum value
        line(id="s6", speaker={"name": "X", "country": "XXX"}),  # 6 unknown country
        line(id="s7", content=...),  # 7 missing field
        line(id="s8", sentiment=1),  # 8 good, with an unknown field
        line({"kind": "casualty", "id": "c9", "figure": "killed", "count": {"value": -1}}),
        "   ",  # 10 blank
        line(id="s11"),  # 11 good
        line(id="s12", confidence="high", speaker={"name": ""}),  # 12 two errors
    ]
    data = "\n".join(lines).encode() + b"\n" + b'{"id": "\xff"}\n'  # 13 bad bytes
    path = write(tmp_path / "mixed.jsonl", data)
    with pytest.warns(dd.DataWarning, match="'sentiment' \\(line 8\\)"):
        es = dd.read_events(path, errors="collect")
    records = sum(1 for raw in data.split(b"\n") if raw.strip())
    assert records == 11
    assert len(es) + len(es.problems) == records
    assert [e.id for e in es] == ["s1", "s8", "s11"]
    problems = es.problems
    assert problems["line"].tolist() == [3, 4, 5, 6, 7, 9, 12, 13]
    assert problems["field"].tolist()[2:6] == ["act", "speaker.country", "content", "count.value"]
    # one row per record, naming both errors of line 12
    assert problems["field"][6] == "confidence"
    assert "speaker.name" in problems["message"][6]
    with pytest.warns(dd.DataWarning), pytest.raises(dd.DataError, match="7 more problems") as info:
        dd.read_events(path)
    assert info.value.line == 3


def test_read_events_problems_frame_columns(tmp_path: Path) -> None:
    es = read_quietly(write(tmp_path / "ok.jsonl", line() + "\n"), errors="collect")
    assert list(es.problems.columns) == ["line", "field", "message"]
    assert len(es.problems) == 0


# ------------------------------------------------------------------------- CSV


def _csv(tmp_path: Path, events: list[Any], name: str = "x.csv") -> tuple[pd.DataFrame, Path]:
    df = pd.read_csv(dd.write_events(events, tmp_path / name), dtype=str, keep_default_na=False)
    return df, tmp_path / name


def test_csv_missing_required_column(tmp_path: Path, events: list[Any]) -> None:
    df, path = _csv(tmp_path, events)
    df.drop(columns=["content"]).to_csv(path, index=False)
    for mode in ("raise", "collect"):
        with pytest.raises(dd.DataError, match="'content'") as info:
            dd.read_events(path, errors=mode)
        assert info.value.field == "content"
        assert "statement" in str(info.value)


def test_csv_without_statements_needs_no_content_column(tmp_path: Path, events: list[Any]) -> None:
    df, path = _csv(tmp_path, events)
    df[df["kind"] != "statement"].drop(columns=["content"]).to_csv(path, index=False)
    assert [e.kind for e in read_quietly(path)] == ["meeting", "casualty", "meeting", "casualty"]


def test_csv_missing_kind_column(tmp_path: Path, events: list[Any]) -> None:
    df, path = _csv(tmp_path, events)
    df.drop(columns=["kind"]).to_csv(path, index=False)
    with pytest.raises(dd.DataError, match="'kind'") as info:
        dd.read_events(path)
    assert info.value.field == "kind"


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("count_value", "abc", "integer"),
        ("count_value", "-4", "greater than or equal to 0"),
        ("when_earliest", "2019-02-30", "date"),
        ("cumulative", "perhaps", "boolean"),
        ("figure", "injured", "killed"),
        ("reported_by_country", "XXX", "XXX"),
    ],
)
def test_csv_bad_cell_names_row_and_column(
    tmp_path: Path, events: list[Any], column: str, value: str, expected: str
) -> None:
    """Rows count from 1, the header not counted (as io.read_events documents)."""
    df, path = _csv(tmp_path, events)
    assert df.loc[2, "event_id"] == "c1"  # the third data row
    df.loc[2, column] = value
    df.to_csv(path, index=False)
    with pytest.raises(dd.DataError, match=expected) as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (3, column)
    assert f"row 3, field {column!r}" in str(info.value)
    es = dd.read_events(path, errors="collect")
    assert len(es) == 5
    assert es.problems[["line", "field"]].values.tolist() == [[3, column]]


def test_csv_row_numbers_are_rows_not_physical_lines(tmp_path: Path) -> None:
    """A field with line breaks spans several lines of the file but is one row."""
    es = dd.EventSet([record(id="s1", content="one\ntwo\nthree"), record(id="s2")])
    df, path = _csv(tmp_path, list(es))
    df.loc[1, "act"] = "shout"
    df.to_csv(path, index=False)
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (2, "act")


def test_csv_bad_json_cell(tmp_path: Path, events: list[Any]) -> None:
    df, path = _csv(tmp_path, events)
    df.loc[0, "participants"] = "[{oops"
    df.to_csv(path, index=False)
    with pytest.raises(dd.DataError, match="not valid JSON") as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (1, "participants")
    assert len(dd.read_events(path, errors="collect")) == 5


def test_csv_row_with_more_fields_than_the_header(tmp_path: Path) -> None:
    """Not read as an index (shifting every column) nor cut short: an error."""
    header = "event_id,kind,figure,count_value\n"
    for rows in ("c1,casualty,killed,5,extra\n", "c1,casualty,killed,5\nc2,casualty,killed,6,7\n"):
        path = write(tmp_path / "ragged.csv", header + rows)
        with pytest.raises(dd.DataError, match="fields"):
            dd.read_events(path, errors="collect")


def test_csv_row_with_fewer_fields_leaves_cells_empty(tmp_path: Path) -> None:
    header = "event_id,kind,figure,count_value,population\n"
    path = write(tmp_path / "short.csv", header + "c1,casualty,killed,5\nc2,casualty,killed\n")
    es = dd.read_events(path, errors="collect")
    assert [(e.id, e.population) for e in es] == [("c1", None)]
    assert es.problems[["line", "field"]].values.tolist() == [[2, "count_value"]]


def test_csv_keeps_strings_that_look_like_other_things(tmp_path: Path) -> None:
    tricky = ["NA", "null", "None", "nan", "True", "1e5", "0012", " padded ", "#N/A", '"']
    es = dd.EventSet(
        [record(id=t, content=t, attribution=t, codes={"cameo": "0012"}) for t in tricky]
    )
    assert read_quietly(dd.write_events(es, tmp_path / "tricky.csv")) == es


# --------------------------------------------------------------------- Parquet


def test_parquet_that_is_not_parquet(tmp_path: Path, events: list[Any]) -> None:
    jsonl = dd.write_events(events, tmp_path / "x.jsonl")
    for content in (b"this is not parquet", jsonl.read_bytes(), b"PAR1"):
        path = write(tmp_path / "fake.parquet", content)
        with pytest.raises(dd.DataError, match="Parquet") as info:
            dd.read_events(path, errors="collect")
        assert str(path) in str(info.value)


def test_parquet_bad_cell_names_row_and_column(tmp_path: Path, events: list[Any]) -> None:
    df = dd.EventSet(events).to_frame()
    df.loc[5, "count_value"] = -5
    path = tmp_path / "bad.parquet"
    df.to_parquet(path, index=False)
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (6, "count_value")
    es = dd.read_events(path, errors="collect")
    assert (len(es), es.problems["line"].tolist()) == (5, [6])


def test_parquet_missing_required_column(tmp_path: Path, events: list[Any]) -> None:
    path = tmp_path / "x.parquet"
    dd.EventSet(events).to_frame().drop(columns=["count_value"]).to_parquet(path)
    with pytest.raises(dd.DataError, match="count_value") as info:
        dd.read_events(path)
    assert info.value.field == "count_value"


def test_parquet_with_text_that_is_not_utf8(tmp_path: Path) -> None:
    import pyarrow as pa

    ids = pa.array([b"s1", b"s\xff"], pa.binary()).view(pa.string())
    path = tmp_path / "bytes.parquet"
    pq.write_table(pa.table({"event_id": ids, "kind": ["statement", "statement"]}), path)
    with pytest.raises(dd.DataError, match=r"(?i)utf-?8"):
        dd.read_events(path, errors="collect")


def test_csv_header_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "head.csv", b"event_id,ki\xffnd\ns1,statement\n")
    with pytest.raises(dd.DataError, match="header"):
        dd.read_events(path, errors="collect")


# ------------------------------------------------------------------------ frames


def _frame_with(column: str, values: list[str], unit: str = "us") -> pd.DataFrame:
    import numpy as np

    df = dd.EventSet([record(id=f"s{i}") for i in range(len(values))]).to_frame()
    df[column] = pd.Series(np.array(values, dtype=f"datetime64[{unit}]"))
    return df


def test_frame_date_with_a_time_of_day_is_refused(tmp_path: Path) -> None:
    """Not cut to the date without a word: the row is refused, naming the column."""
    df = _frame_with("when_anchor", ["2019-04-04", "2019-04-04T10:30", "NaT"])
    es = dd.EventSet.from_frame(df, errors="collect")
    assert [e.id for e in es] == ["s0", "s2"]
    assert es.problems[["line", "field"]].values.tolist() == [[2, "when_anchor"]]
    assert "zero time" in es.problems["message"][0]
    df.to_parquet(tmp_path / "x.parquet")
    with pytest.raises(dd.DataError) as info:
        dd.read_events(tmp_path / "x.parquet")
    assert (info.value.line, info.value.field) == (2, "when_anchor")


def test_frame_midnight_timestamps_in_any_unit_are_dates() -> None:
    df = _frame_with("when_anchor", ["2019-04-04", "NaT", "1900-01-01"], unit="ns")
    es = dd.EventSet.from_frame(df)
    assert [e.when.anchor for e in es] == [
        pd.Timestamp("2019-04-04").date(),
        None,
        pd.Timestamp("1900-01-01").date(),
    ]


def test_frame_date_beyond_year_9999_is_refused_not_a_crash(tmp_path: Path) -> None:
    df = _frame_with("source_published", ["2019-04-04", "10000-01-01", "-0005-01-01"])
    es = dd.EventSet.from_frame(df, errors="collect")
    assert [e.id for e in es] == ["s0"]
    assert es.problems[["line", "field"]].values.tolist() == [
        [2, "source_published"],
        [3, "source_published"],
    ]
    df.to_parquet(tmp_path / "x.parquet")
    assert len(dd.read_events(tmp_path / "x.parquet", errors="collect").problems) == 2


# -------------------------------------------------------------- paths and options


@pytest.mark.parametrize("name", ["events.txt", "events.json", "events", "events.xlsx"])
def test_unknown_extension(tmp_path: Path, events: list[Any], name: str) -> None:
    path = write(tmp_path / name, line() + "\n")
    for call in (lambda: dd.read_events(path), lambda: dd.write_events(events, path)):
        with pytest.raises(ValueError, match="format") as info:
            call()
        for ext in (".jsonl", ".ndjson", ".parquet", ".pq", ".csv"):
            assert ext in str(info.value)
    assert path.read_text() == line() + "\n"  # not overwritten


@pytest.mark.parametrize("ext", ["JSONL", "Csv", "PARQUET"])
def test_extension_case_does_not_matter(tmp_path: Path, events: list[Any], ext: str) -> None:
    path = dd.write_events(events, tmp_path / f"x.{ext}")
    assert read_quietly(path) == dd.EventSet(events)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_format_overrides_the_extension(tmp_path: Path, events: list[Any], fmt: str) -> None:
    path = dd.write_events(events, tmp_path / "events.txt", format=fmt)
    assert read_quietly(path, format=fmt) == dd.EventSet(events)
    if fmt == "jsonl":
        assert path.read_text().startswith("{")
    # and over a known extension too
    other = dd.write_events(events, tmp_path / "looks.csv", format=fmt)
    assert read_quietly(other, format=fmt) == dd.EventSet(events)


def test_bad_format_argument(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", line() + "\n")
    with pytest.raises(ValueError, match="'xml'"):
        dd.read_events(path, format="xml")


def test_nonexistent_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"missing\.jsonl"):
        dd.read_events(tmp_path / "missing.jsonl")


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.jsonl").mkdir()
    with pytest.raises(IsADirectoryError):
        dd.read_events(tmp_path / "dir.jsonl")


@pytest.mark.parametrize("errors", ["bogus", "ignore", "RAISE", ""])
def test_bad_errors_argument(tmp_path: Path, errors: str) -> None:
    path = write(tmp_path / "x.jsonl", line() + "\n")
    with pytest.raises(ValueError, match="errors"):
        dd.read_events(path, errors=errors)
    with pytest.raises(ValueError, match="errors"):
        dd.EventSet.from_frame(dd.EventSet().to_frame(), errors=errors)


def test_read_accepts_str_and_pathlike(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", line() + "\n")
    assert read_quietly(str(path)) == read_quietly(path)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- writing


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_write_accepts_eventset_list_iterator_and_frame(
    tmp_path: Path, events: list[Any], fmt: str
) -> None:
    es = dd.EventSet(events)
    inputs = {"set": es, "list": list(events), "iter": iter(events), "frame": es.to_frame()}
    for name, data in inputs.items():
        path = dd.write_events(data, tmp_path / f"{name}.{fmt}")
        assert path == tmp_path / f"{name}.{fmt}"
        assert read_quietly(path) == es, name
    first = (tmp_path / f"set.{fmt}").read_bytes()
    if fmt != "parquet":  # Parquet embeds the writer's metadata; JSONL and CSV are plain
        for name in inputs:
            assert (tmp_path / f"{name}.{fmt}").read_bytes() == first, name


def test_write_an_invalid_frame_raises_and_writes_nothing(
    tmp_path: Path, events: list[Any]
) -> None:
    df = dd.EventSet(events).to_frame()
    df.loc[0, "status"] = None
    with pytest.raises(dd.DataError) as info:
        dd.write_events(df, tmp_path / "x.jsonl")
    assert (info.value.line, info.value.field) == (1, "status")
    assert list(tmp_path.iterdir()) == []


def test_write_creates_missing_folders(tmp_path: Path, events: list[Any]) -> None:
    path = dd.write_events(events, tmp_path / "a" / "b" / "x.jsonl")
    assert read_quietly(path) == dd.EventSet(events)


def test_write_a_list_of_dicts(tmp_path: Path) -> None:
    path = dd.write_events([record()], tmp_path / "x.jsonl")
    assert read_quietly(path)[0] == Statement.model_validate(GOOD)


def test_write_and_read_a_single_meeting(tmp_path: Path, meetings: list[Meeting]) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        path = dd.write_events(meetings[:1], tmp_path / f"one.{fmt}")
        assert list(read_quietly(path)) == meetings[:1]


# --------------------------------------------------------------- atomic writes


def _fail_midway(monkeypatch: pytest.MonkeyPatch, fmt: str, exc: BaseException) -> None:
    """Make the writer for ``fmt`` put some bytes in the temporary file, then fail."""
    if fmt == "jsonl":
        calls = {"n": 0}
        original = Statement.model_dump_json

        def dump(self: Any, *args: Any, **kwargs: Any) -> str:
            calls["n"] += 1
            if calls["n"] > 1:
                raise exc
            return original(self, *args, **kwargs)

        for cls in (dd.Meeting, dd.Statement, dd.CasualtyFigure):
            monkeypatch.setattr(cls, "model_dump_json", dump)
    elif fmt == "parquet":

        def write_table(table: Any, where: Any, *args: Any, **kwargs: Any) -> None:
            Path(where).write_bytes(b"PAR1 half a file")
            raise exc

        monkeypatch.setattr(pq, "write_table", write_table)
    else:

        def to_csv(self: pd.DataFrame, path: Any, *args: Any, **kwargs: Any) -> None:
            Path(path).write_text("event_id,kind\nhalf,")
            raise exc

        monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("exc", [OSError("disk full"), KeyboardInterrupt()])
def test_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, events: list[Any], fmt: str, exc: BaseException
) -> None:
    target = dd.write_events(events[:2], tmp_path / f"x.{fmt}")
    before = target.read_bytes()
    _fail_midway(monkeypatch, fmt, exc)
    with pytest.raises(type(exc)):
        dd.write_events(events, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temp file left
    monkeypatch.undo()
    assert read_quietly(target) == dd.EventSet(events[:2])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_failed_first_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, events: list[Any], fmt: str
) -> None:
    _fail_midway(monkeypatch, fmt, OSError("disk full"))
    with pytest.raises(OSError, match="disk full"):
        dd.write_events(events, tmp_path / f"x.{fmt}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_written_file_has_ordinary_permissions(tmp_path: Path, events: list[Any]) -> None:
    """A new file gets the umask's permissions (not the 0600 of a temporary file)."""
    umask = os.umask(0o022)
    try:
        path = dd.write_events(events, tmp_path / "new.jsonl")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_overwritten_file_keeps_its_permissions(tmp_path: Path, events: list[Any]) -> None:
    path = dd.write_events(events, tmp_path / "x.csv")
    path.chmod(0o640)
    dd.write_events(events[:1], path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert len(read_quietly(path)) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_write_through_a_symlink_keeps_the_link(tmp_path: Path, events: list[Any]) -> None:
    target = dd.write_events(events, tmp_path / "v1.jsonl")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target.name)
    dd.write_events(events[:1], link)
    assert link.is_symlink()
    assert len(read_quietly(target)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.jsonl", "v1.jsonl"]


# -------------------------------------------------------------------- warnings


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet"])
def test_warning_points_at_the_callers_line(tmp_path: Path, events: list[Any], ext: str) -> None:
    """Whatever the reader, the warning is attributed to the user's code, not diplodata's."""
    df = dd.EventSet(events).to_frame()
    df["organization"] = "x"
    path = tmp_path / f"x.{ext}"
    if ext == "jsonl":
        write(path, line(sentiment=1) + "\n")
    elif ext == "csv":
        df.to_csv(path, index=False)
    else:
        df.to_parquet(path)
    with pytest.warns(dd.DataWarning) as caught:
        dd.read_events(path)
    assert [w.filename for w in caught] == [__file__]
    with pytest.warns(dd.DataWarning) as caught:
        dd.EventSet.from_frame(df)
    assert [w.filename for w in caught] == [__file__]


# ------------------------------------------------------------------ damaged files


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    es=events_sets(max_size=4),
    edits=st.lists(
        st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=4)), min_size=1, max_size=4
    ),
)
def test_damaged_file_gives_events_or_a_data_error(
    fmt: str, es: dd.EventSet, edits: list[tuple[int, bytes]]
) -> None:
    """Overwrite a few bytes of a good file: the reader loads or raises DataError, nothing else.

    In JSON Lines with ``errors="collect"``, every non-blank line is loaded or listed.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = dd.write_events(es, Path(folder) / f"x.{fmt}")
        data = bytearray(path.read_bytes() or b"\n")
        for position, replacement in edits:
            position %= len(data)
            data[position : position + len(replacement)] = replacement
        path.write_bytes(bytes(data))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dd.DataWarning)
            for mode in ("raise", "collect"):
                try:
                    got = dd.read_events(path, errors=mode)
                except dd.DataError:
                    continue
                if fmt == "jsonl" and mode == "collect":
                    body = bytes(data).removeprefix(b"\xef\xbb\xbf")
                    records = sum(1 for raw in body.split(b"\n") if raw.strip())
                    assert len(got) + len(got.problems) == records


# ------------------------------------------------------------- the line length cap


@pytest.mark.parametrize("final_newline", [True, False])
def test_line_at_the_cap_reads_and_one_byte_more_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, final_newline: bool
) -> None:
    """The cap counts the bytes of a line without its newline, at the end of the file too."""
    import diplodata.io

    at_cap = line(content="x")
    monkeypatch.setattr(diplodata.io, "MAX_LINE_BYTES", len(at_cap.encode()))
    over = line(content="xy")
    end = "\n" if final_newline else ""
    path = write(tmp_path / "cap.jsonl", f"{at_cap}\n{over}\n{line(id='s3', content='x')}{end}")
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s3"]
    assert es.problems["line"].tolist() == [2]
    assert "more than the" in es.problems["message"][0]


def test_over_long_lines_keep_the_line_numbers_after_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diplodata.io

    monkeypatch.setattr(diplodata.io, "MAX_LINE_BYTES", 200)
    monkeypatch.setattr(diplodata.io, "_CHUNK", 7)  # the rest of a long line is read in pieces
    long = line(content="y" * 1000)
    path = write(tmp_path / "long.jsonl", "\n".join([long, line(), long, "", "{x"]) + "\n")
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1"]
    assert es.problems["line"].tolist() == [1, 3, 5]
    assert len(es) + len(es.problems) == 4


# ---------------------------------------------------------- ids, kinds and columns


def test_duplicate_ids_warn_in_every_reader(tmp_path: Path) -> None:
    es = dd.EventSet([record(), record(content="again"), record(id="s2")])
    for ext in ("jsonl", "csv", "parquet"):
        path = dd.write_events(es, tmp_path / f"dup.{ext}")
        unit = "lines" if ext == "jsonl" else "rows"
        with pytest.warns(dd.DataWarning, match=f"'s1' \\({unit} 1, 2\\)"):
            assert dd.read_events(path) == es
    with pytest.warns(dd.DataWarning, match="'s1' \\(rows 1, 2\\)"):
        assert dd.EventSet.from_frame(es.to_frame()) == es


def test_value_in_a_column_of_another_kind_is_named_by_column(events: list[Any]) -> None:
    df = dd.EventSet(events).to_frame()
    statement = df.index[df["kind"] == "statement"][0]
    df["count_value"] = df["count_value"].astype(object)
    df.loc[statement, "count_value"] = 7
    expected = rf"'count_value' \(casualty column; row {statement + 1}\)"  # rows count from 1
    with pytest.warns(dd.DataWarning, match=expected):
        assert dd.EventSet.from_frame(df) == dd.EventSet(events)


def test_frame_column_that_pyarrow_cannot_convert_is_read_value_by_value() -> None:
    es = dd.EventSet([record(), record(id="s2"), record(id="s3")])
    df = es.to_frame().astype({"content": object})
    df.loc[1, "content"] = 12  # a number among strings
    df.loc[2, "content"] = ["a", "list"]
    got = dd.EventSet.from_frame(df, errors="collect")
    assert [e.id for e in got] == ["s1"]
    assert got.problems[["line", "field"]].values.tolist() == [[2, "content"], [3, "content"]]


def test_messages_do_not_repeat_the_value() -> None:
    """Model messages that already show the value get no '(got ...)' after them."""
    row = {"kind": "casualty", "event_id": "c1", "figure": "killed", "count_value": 5}
    df = pd.DataFrame([{**row, "count_low": 9}, {**row, "event_id": "c2", "count_value": -1}])
    got = dd.EventSet.from_frame(df, errors="collect")
    assert got.problems["message"].tolist() == [
        "low (9) is greater than value (5); only qualifier 'more_than' lets low exceed value "
        "(by one)",
        "Input should be greater than or equal to 0 (got -1)",
    ]
