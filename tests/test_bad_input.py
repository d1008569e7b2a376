"""Bad input, everywhere it enters: one test per row of ``docs/bad-input.md``.

Each case builds its bad input (synthetic, in ``tmp_path``), checks what the user
gets (the error's type, file, line or row, field; with ``errors="collect"`` the
good records and ``.problems``, and that read = loaded + rejected), and returns a
transcript of what the user saw. The parametrised test then checks that every
fragment the docs table quotes (in backticks, in its "what you get" column) is in
that transcript, and another test that the table's case ids and these are the same
set, so that neither can drift from the other.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import diplodata as dd
from diplodata.cli import main
from diplodata.corpus import read_article, read_articles

DOC = Path(__file__).resolve().parents[1] / "docs" / "bad-input.md"

# Synthetic records, written for these tests.
GOOD: dict[str, Any] = {
    "kind": "statement",
    "id": "s1",
    "speaker": {"name": "World Health Organization", "kind": "igo"},
    "act": "appeal",
    "content": "calls for a humanitarian truce",
}
TOLL: dict[str, Any] = {
    "kind": "casualty",
    "id": "c1",
    "figure": "killed",
    "count": {"value": 56, "qualifier": "at_least"},
}
MEETING: dict[str, Any] = {
    "kind": "meeting",
    "id": "m1",
    "participants": [{"name": "Emmanuel Macron"}, {"name": "Khalifa Haftar"}],
}

Case = Callable[[Path], str]
CASES: dict[str, Case] = {}


def case(case_id: str) -> Callable[[Case], Case]:
    def register(fn: Case) -> Case:
        assert case_id not in CASES, case_id
        CASES[case_id] = fn
        return fn

    return register


# ------------------------------------------------------------------------ helpers


def rec(base: dict[str, Any] = GOOD, **changes: Any) -> dict[str, Any]:
    """``base`` with fields changed (``...`` deletes one)."""
    out = {**base, **changes}
    return {k: v for k, v in out.items() if v is not ...}


def jsonl(path: Path, *lines: dict[str, Any] | str | bytes) -> Path:
    parts = [
        ln if isinstance(ln, bytes) else (ln if isinstance(ln, str) else json.dumps(ln)).encode()
        for ln in lines
    ]
    path.write_bytes(b"\n".join(parts) + b"\n")
    return path


def frame() -> pd.DataFrame:
    """The frame of three events: a statement (row 1), a casualty (row 2), a meeting (row 3)."""
    return dd.EventSet([GOOD, TOLL, MEETING]).to_frame()


def describe(result: Any) -> str:
    if isinstance(result, dd.EventSet):
        lines = [f"{len(result)} loaded, {len(result.problems)} rejected"]
        for p in result.problems.itertuples():
            field = "" if pd.isna(p.field) else f", field {p.field!r}"
            lines.append(f"  line {p.line}{field}: {p.message}")
        return "\n".join(lines)
    return repr(result)


def attempt(call: Callable[[str], Any], modes: tuple[str, ...] = ("raise", "collect")) -> str:
    """What the user sees, in each ``errors=`` mode: the result or the error, and warnings."""
    out = []
    for mode in modes:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = call(mode)
            except Exception as err:  # the transcript records whatever is raised
                out.append(f"{mode}: {type(err).__name__}: {err}")
            else:
                out.append(f"{mode}: {describe(result)}")
        out.extend(f"{mode} warning: {w.category.__name__}: {w.message}" for w in caught)
    return "\n".join(out)


def read(path: Path) -> Callable[[str], Any]:
    return lambda mode: dd.read_events(path, errors=mode)


def records_in(path: Path) -> int:
    """Non-blank lines of a JSON Lines file: the records read."""
    return sum(
        1 for raw in path.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n") if raw.strip()
    )


def bad_line(tmp_path: Path, bad: dict[str, Any] | str | bytes, field: str | None) -> str:
    """A file of three lines, the second bad: raise names it; collect loads lines 1 and 3."""
    path = jsonl(tmp_path / "events.jsonl", GOOD, bad, rec(id="s3"))
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert (info.value.path, info.value.line, info.value.field) == (str(path), 2, field)
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s3"]
    assert es.problems["line"].tolist() == [2]
    assert es.problems["field"].tolist() == [field] if field else es.problems["field"].isna().all()
    assert len(es) + len(es.problems) == records_in(path) == 3
    return attempt(read(path))


def refused(call: Callable[[str], Any], error: type[Exception] = dd.DataError) -> str:
    """An input refused as a whole: the same error in both modes."""
    for mode in ("raise", "collect"):
        with pytest.raises(error):
            call(mode)
    return attempt(call)


def bad_row(path: Path, row: int, field: str, loaded: int) -> str:
    """A table with one bad row: raise names row and column; collect loads the others."""
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert (info.value.line, info.value.field) == (row, field)
    es = dd.read_events(path, errors="collect")
    assert len(es) == loaded
    assert es.problems[["line", "field"]].values.tolist() == [[row, field]]
    return attempt(read(path))


def accepted(call: Callable[[str], Any], ids: list[str], warns: bool = False) -> str:
    """Loaded in both modes, nothing rejected; a DataWarning exactly when ``warns``."""
    for mode in ("raise", "collect"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            es = call(mode)
        assert [e.id for e in es] == ids
        assert len(es.problems) == 0
        assert [w.category for w in caught] == ([dd.DataWarning] if warns else [])
    return attempt(call)


# --------------------------------------------------------------- JSON Lines: lines


@case("jsonl-broken-json")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, '{"kind": "statement", "id": ', None)


@case("jsonl-line-is-an-array")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, "[1, 2, 3]", None)


@case("jsonl-line-is-a-number")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, "42", None)


@case("jsonl-whole-file-is-an-array")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", json.dumps([GOOD, rec(id="s2")]))
    es = dd.read_events(path, errors="collect")
    assert (len(es), len(es.problems)) == (0, 1)
    return attempt(read(path))


@case("jsonl-pretty-printed")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps([GOOD], indent=2))
    es = dd.read_events(path, errors="collect")
    assert len(es) == 0
    assert len(es.problems) == records_in(path)
    return attempt(read(path))


@case("jsonl-huge-line")
def _(tmp_path: Path) -> str:
    """A 100 MiB line (one record with a 100 MiB content): rejected, never held in memory."""
    path = tmp_path / "events.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps(GOOD).encode() + b"\n")
        fh.write(b'{"kind": "statement", "id": "s2", "speaker": {"name": "X"}, "content": "')
        block = b"a" * 2**20
        for _ in range(100):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(json.dumps(rec(id="s3")).encode() + b"\n")
    tracemalloc.start()
    try:
        es = dd.read_events(path, errors="collect")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [e.id for e in es] == ["s1", "s3"]
    assert es.problems["line"].tolist() == [2]
    assert peak < 40 * 2**20  # the cap (16 MiB) and a chunk, not the 100 MiB line
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert info.value.line == 2
    return attempt(read(path))


@case("jsonl-not-utf8-line")
def _(tmp_path: Path) -> str:
    bad = json.dumps(rec(id="s2")).encode().replace(b"truce", b"tr\xffuce")
    return bad_line(tmp_path, bad, None)


@case("jsonl-binary-garbage")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_bytes(random.Random(5).randbytes(20_000))
    es = dd.read_events(path, errors="collect")
    assert len(es) == 0
    assert len(es.problems) == records_in(path) > 1
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert info.value.line == 1
    return attempt(read(path))


@case("jsonl-gzip")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_bytes(gzip.compress(json.dumps(GOOD).encode() + b"\n"))
    return refused(read(path))


@case("jsonl-parquet-file")
def _(tmp_path: Path) -> str:
    source = dd.write_events([GOOD], tmp_path / "events.parquet")
    path = tmp_path / "events.jsonl"
    path.write_bytes(source.read_bytes())
    return refused(read(path))


@case("jsonl-utf16")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_bytes((json.dumps(GOOD) + "\n").encode("utf-16"))
    return refused(read(path))


@case("jsonl-utf8-bom")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    return accepted(read(path), ["s1"])


@case("jsonl-crlf")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_bytes(f"{json.dumps(GOOD)}\r\n{json.dumps(rec(id='s2'))}\r\n".encode())
    return accepted(read(path), ["s1", "s2"])


@case("jsonl-empty-file")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"")
    return accepted(read(path), [])


@case("jsonl-blank-lines")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", "", GOOD, "   ", "", "{oops", rec(id="s2"))
    with pytest.raises(dd.DataError) as info:
        dd.read_events(path)
    assert info.value.line == 5  # blank lines are skipped but counted
    es = dd.read_events(path, errors="collect")
    assert [e.id for e in es] == ["s1", "s2"]
    assert len(es) + len(es.problems) == records_in(path) == 3
    return attempt(read(path))


# ------------------------------------------------------------- JSON Lines: fields


@case("jsonl-wrong-type")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(TOLL, count={"value": "many"}), "count.value")


@case("jsonl-unknown-enum-value")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(MEETING, status="rumoured"), "status")


@case("jsonl-unknown-kind")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(kind="rumour"), "kind")


@case("jsonl-missing-field")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(content=...), "content")


@case("jsonl-negative-count")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(TOLL, count={"value": -3}), "count.value")


@case("jsonl-low-above-high")
def _(tmp_path: Path) -> str:
    count = {"value": 5, "low": 9, "high": 3, "qualifier": "range"}
    return bad_line(tmp_path, rec(TOLL, count=count), "count.low")


@case("jsonl-impossible-date")
def _(tmp_path: Path) -> str:
    when = {"earliest": "2019-02-30", "latest": "2019-03-01", "precision": "day"}
    return bad_line(tmp_path, rec(when=when), "when.earliest")


@case("jsonl-earliest-after-latest")
def _(tmp_path: Path) -> str:
    when = {"earliest": "2019-04-05", "latest": "2019-04-04", "precision": "day"}
    return bad_line(tmp_path, rec(when=when), "when.earliest")


@case("jsonl-country-not-iso")
def _(tmp_path: Path) -> str:
    return bad_line(
        tmp_path, rec(speaker={"name": "Fayez al-Sarraj", "country": "Libya"}), "speaker.country"
    )


@case("jsonl-span-end-before-start")
def _(tmp_path: Path) -> str:
    evidence = [{"start": 9, "end": 3, "text": "abcdef"}]
    return bad_line(tmp_path, rec(evidence=evidence), "evidence.0.end")


@case("jsonl-two-errors-in-a-record")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(confidence="high", speaker={"name": ""}), "confidence")


@case("jsonl-unknown-field")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", GOOD, rec(id="s2", sentiment=0.4))
    return accepted(read(path), ["s1", "s2"], warns=True)


@case("jsonl-duplicate-ids")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", GOOD, rec(content="a second statement"))
    return accepted(read(path), ["s1", "s1"], warns=True)


@case("jsonl-duplicate-key")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", json.dumps(GOOD)[:-1] + ', "id": "s2"}')
    return accepted(read(path), ["s2"])


@case("jsonl-count-as-text")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.jsonl", rec(TOLL, count={"value": "56"}))
    out = accepted(read(path), ["c1"])
    assert dd.read_events(path)[0].count.value == 56  # type: ignore[union-attr]
    return out


@case("jsonl-count-as-true")
def _(tmp_path: Path) -> str:
    return bad_line(tmp_path, rec(TOLL, count={"value": True}), "count.value")


@case("jsonl-counts-add-up")
def _(tmp_path: Path) -> str:
    path = jsonl(
        tmp_path / "events.jsonl",
        GOOD,
        "{broken",
        "[1]",
        rec(id="s4", act="maybe"),
        "",
        rec(TOLL, id="c6", count={"value": -1}),
        b'{"id": "\xff"}',
        rec(id="s8"),
    )
    es = dd.read_events(path, errors="collect")
    assert len(es) + len(es.problems) == records_in(path) == 7
    assert [e.id for e in es] == ["s1", "s8"]
    assert es.problems["line"].tolist() == [2, 3, 4, 6, 7]
    return attempt(read(path), ("collect",))


# ----------------------------------------------------------------- paths, formats


@case("file-missing")
def _(tmp_path: Path) -> str:
    return refused(read(tmp_path / "events.jsonl"), FileNotFoundError)


@case("file-is-a-folder")
def _(tmp_path: Path) -> str:
    (tmp_path / "events.jsonl").mkdir()
    return refused(read(tmp_path / "events.jsonl"), IsADirectoryError)


@case("file-unknown-extension")
def _(tmp_path: Path) -> str:
    path = jsonl(tmp_path / "events.json", GOOD)
    return refused(read(path), ValueError)


# --------------------------------------------------------------------------- CSV


def csv(tmp_path: Path, df: pd.DataFrame) -> Path:
    path = tmp_path / "events.csv"
    df.to_csv(path, index=False)
    return path


@case("csv-missing-column")
def _(tmp_path: Path) -> str:
    return refused(read(csv(tmp_path, frame().drop(columns=["content"]))))


@case("csv-missing-kind-column")
def _(tmp_path: Path) -> str:
    return refused(read(csv(tmp_path, frame().drop(columns=["kind"]))))


@case("csv-missing-id-column")
def _(tmp_path: Path) -> str:
    return refused(read(csv(tmp_path, frame().drop(columns=["event_id"]))))


@case("csv-extra-column")
def _(tmp_path: Path) -> str:
    return accepted(read(csv(tmp_path, frame().assign(sentiment=0.5))), ["s1", "c1", "m1"], True)


@case("csv-non-numeric-count")
def _(tmp_path: Path) -> str:
    df = frame().astype(object)
    df.loc[1, "count_value"] = "many"
    return bad_row(csv(tmp_path, df), 2, "count_value", loaded=2)


@case("csv-bad-date")
def _(tmp_path: Path) -> str:
    df = frame().astype(object)
    df.loc[0, ["when_earliest", "when_latest", "when_precision"]] = [
        "2019-02-30",
        "2019-03-01",
        "day",
    ]
    return bad_row(csv(tmp_path, df), 1, "when_earliest", loaded=2)


@case("csv-value-in-another-kinds-column")
def _(tmp_path: Path) -> str:
    df = frame().astype(object)
    df.loc[0, "count_value"] = 12  # row 1 is a statement
    return accepted(read(csv(tmp_path, df)), ["s1", "c1", "m1"], warns=True)


@case("csv-duplicate-column")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.csv"
    path.write_text("event_id,kind,speaker_name,content,content\ns1,statement,WHO,a,b\n")
    return refused(read(path))


@case("csv-semicolons")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.csv"
    path.write_text("event_id;kind;speaker_name;content\ns1;statement;WHO;calm\n")
    return refused(read(path))


@case("csv-row-with-extra-fields")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.csv"
    path.write_text("event_id,kind,speaker_name,content\ns1,statement,WHO,calm,surplus\n")
    return refused(read(path))


@case("csv-not-utf8-row")
def _(tmp_path: Path) -> str:
    path = csv(tmp_path, frame())
    path.write_bytes(path.read_bytes().replace(b"truce", b"tr\xffuce"))
    return bad_row(path, 1, "content", loaded=2)


@case("csv-gzip")
def _(tmp_path: Path) -> str:
    path = csv(tmp_path, frame())
    path.write_bytes(gzip.compress(path.read_bytes()))
    return refused(read(path))


# ----------------------------------------------------------------------- Parquet


def parquet(tmp_path: Path, df: pd.DataFrame) -> Path:
    path = tmp_path / "events.parquet"
    df.to_parquet(path, index=False)
    return path


@case("parquet-not-parquet")
def _(tmp_path: Path) -> str:
    path = tmp_path / "events.parquet"
    path.write_text("event_id,kind\ns1,statement\n")
    return refused(read(path))


@case("parquet-truncated")
def _(tmp_path: Path) -> str:
    data = parquet(tmp_path, frame()).read_bytes()
    path = tmp_path / "events.parquet"
    path.write_bytes(data[: len(data) // 2])
    return refused(read(path))


@case("parquet-missing-column")
def _(tmp_path: Path) -> str:
    return refused(read(parquet(tmp_path, frame().drop(columns=["count_value"]))))


@case("parquet-date-column-of-numbers")
def _(tmp_path: Path) -> str:
    return refused(read(parquet(tmp_path, frame().assign(when_earliest=[1, 2, 3]))))


@case("parquet-fractional-count")
def _(tmp_path: Path) -> str:
    return bad_row(
        parquet(tmp_path, frame().assign(count_value=[None, 5.5, None])), 2, "count_value", 2
    )


@case("parquet-duplicate-column")
def _(tmp_path: Path) -> str:
    names = ["event_id", "kind", "speaker_name", "content", "content"]
    table = pa.table([pa.array([v]) for v in ["s1", "statement", "WHO", "a", "b"]], names=names)
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    return refused(read(path))


# ------------------------------------------------------------------------ frames


def from_frame(df: Any) -> Callable[[str], Any]:
    return lambda mode: dd.EventSet.from_frame(df, errors=mode)


@case("frame-missing-column")
def _(tmp_path: Path) -> str:
    return refused(from_frame(frame().drop(columns=["speaker_name"])))


@case("frame-wrong-dtype")
def _(tmp_path: Path) -> str:
    df = frame().assign(count_value=[None, 2.5, None])
    with pytest.raises(dd.DataError) as info:
        dd.EventSet.from_frame(df)
    assert (info.value.line, info.value.field) == (2, "count_value")
    assert len(dd.EventSet.from_frame(df, errors="collect")) == 2
    return attempt(from_frame(df))


@case("frame-mixed-object-column")
def _(tmp_path: Path) -> str:
    df = frame().assign(count_value=pd.Series([None, "many", None], dtype=object))
    df.loc[0, "count_value"] = 3  # a number and a string in one object column
    with pytest.raises(dd.DataError) as info, pytest.warns(dd.DataWarning):
        dd.EventSet.from_frame(df)
    assert (info.value.line, info.value.field) == (2, "count_value")
    with pytest.warns(dd.DataWarning, match="count_value"):  # 3 on a statement row
        es = dd.EventSet.from_frame(df, errors="collect")
    assert [e.id for e in es] == ["s1", "m1"]
    return attempt(from_frame(df))


@case("frame-date-column-of-numbers")
def _(tmp_path: Path) -> str:
    df = frame().assign(when_anchor=np.array([1, 2, 3]))
    return refused(from_frame(df))


@case("frame-duplicate-column")
def _(tmp_path: Path) -> str:
    df = frame()
    return refused(from_frame(pd.concat([df, df[["kind"]]], axis=1)))


@case("frame-not-a-dataframe")
def _(tmp_path: Path) -> str:
    return refused(from_frame([GOOD]), TypeError)


# ---------------------------------------------------------------------- articles


def article(path: Path) -> Callable[[str], Any]:
    return lambda mode: read_article(path)


@case("article-bad-published-date")
def _(tmp_path: Path) -> str:
    path = tmp_path / "toll.txt"
    path.write_text("---\ntitle: Toll rises\npublished: 2019-02-30\n---\nText.\n")
    with pytest.raises(dd.DataError) as info:
        read_article(path)
    assert (info.value.line, info.value.field) == (3, "published")
    return attempt(article(path), ("raise",))


@case("article-front-matter-not-closed")
def _(tmp_path: Path) -> str:
    path = tmp_path / "toll.txt"
    path.write_text("---\ntitle: Toll rises\npublished: 2019-04-12\nText.\n")
    with pytest.raises(dd.DataError) as info:
        read_article(path)
    assert info.value.line == 1
    return attempt(article(path), ("raise",))


@case("article-front-matter-line-without-colon")
def _(tmp_path: Path) -> str:
    path = tmp_path / "toll.txt"
    path.write_text("---\ntitle: Toll rises\npublished 2019-04-12\n---\nText.\n")
    with pytest.raises(dd.DataError) as info:
        read_article(path)
    assert info.value.line == 3
    return attempt(article(path), ("raise",))


@case("article-not-utf8")
def _(tmp_path: Path) -> str:
    path = tmp_path / "toll.txt"
    path.write_bytes("Text.\n".encode("utf-16"))
    with pytest.raises(dd.DataError):
        read_article(path)
    return attempt(article(path), ("raise",))


@case("articles-empty-folder")
def _(tmp_path: Path) -> str:
    (tmp_path / "corpus").mkdir()
    with pytest.raises(dd.DataError):
        read_articles(tmp_path / "corpus")
    return attempt(lambda mode: read_articles(tmp_path / "corpus"), ("raise",))


@case("dataset-unknown-name")
def _(tmp_path: Path) -> str:
    with pytest.raises(dd.DatasetNotFoundError):
        dd.load_dataset("libya2019")
    return attempt(lambda mode: dd.load_dataset("libya2019"), ("raise",))


# --------------------------------------------------------------------------- CLI


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    status = main(argv)
    assert status == 1
    return f"exit {status}; stderr: {capsys.readouterr().err}"


CAPTURE: dict[str, pytest.CaptureFixture[str]] = {}  # set by test_case, for the CLI cases


@case("cli-extract-missing-file")
def _(tmp_path: Path) -> str:
    return cli(["extract", str(tmp_path / "toll.txt"), "--no-progress"], CAPTURE["capsys"])


@case("cli-extract-empty-folder")
def _(tmp_path: Path) -> str:
    (tmp_path / "corpus").mkdir()
    return cli(["extract", str(tmp_path / "corpus"), "--no-progress"], CAPTURE["capsys"])


@case("cli-extract-broken-article")
def _(tmp_path: Path) -> str:
    (tmp_path / "toll.txt").write_text("---\npublished: 2019-02-30\n---\nText.\n")
    return cli(["extract", str(tmp_path / "toll.txt"), "--no-progress"], CAPTURE["capsys"])


@case("cli-evaluate-missing-folder")
def _(tmp_path: Path) -> str:
    return cli(["evaluate", str(tmp_path / "corpus")], CAPTURE["capsys"])


# ------------------------------------------------------------------------- the table


def table() -> dict[str, list[str]]:
    """Case id -> the fragments quoted (in backticks) in its "what you get" cell."""
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        match = re.fullmatch(r"`([a-z0-9-]+)`", cells[0]) if line.startswith("|") else None
        if match is None:
            continue
        assert len(cells) == 3, line
        assert match.group(1) not in rows, f"case {match.group(1)} twice in the table"
        rows[match.group(1)] = re.findall(r"`([^`]+)`", cells[2])
    return rows


def test_table_and_tests_have_the_same_cases() -> None:
    rows = table()
    assert sorted(set(rows) - set(CASES)) == [], "in the table, no test"
    assert sorted(set(CASES) - set(rows)) == [], "tested, not in the table"


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_case(case_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CAPTURE["capsys"] = capsys
    transcript = CASES[case_id](tmp_path).replace(f"{tmp_path}{os.sep}", "")  # as the table shows
    # never a bare traceback from deep inside pandas, pyarrow or pydantic
    assert "ValidationError" not in transcript and "Arrow" not in transcript
    fragments = table().get(case_id, [])
    assert fragments, f"{case_id}: the table quotes nothing the user gets"
    missing = [f for f in fragments if f not in transcript]
    assert missing == [], f"{case_id}: not in what the user got:\n{transcript}"
