"""dd.validate: every rule fires on the data it is meant for and stays quiet on clean data.

The events here are synthetic (made-up ids, outlets and URLs), except where the
bundled dataset is used.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pandas as pd
import pandas.testing as pdt
import pytest

import diplodata as dd
from diplodata.models import (
    Actor,
    CasualtyFigure,
    Count,
    Meeting,
    Place,
    SourceRef,
    Span,
    Statement,
    TimeRef,
)
from diplodata.validate.report import ISSUE_COLUMNS
from diplodata.validate.rules import RULES

A = Actor(id="a", name="Actor A", kind="person", country="LBY")
B = Actor(id="b", name="Actor B", kind="person", country="EGY")
C = Actor(id="c", name="Actor C", kind="person")
WHO = Actor(id="who", name="World Health Organization", kind="igo")
TEXT = "Actor A met Actor B in Cairo on Monday."


def day(d: int) -> TimeRef:
    return TimeRef.on(dt.date(2020, 1, d))


def source(n: int, published: int = 28) -> SourceRef:
    return SourceRef(
        article_id=f"art-{n}",
        url=f"https://example.org/{n}",
        outlet=f"Outlet {n}",
        published=dt.date(2020, 1, published),
    )


def clean_events() -> list[dd.Event]:
    """A small synthetic set that breaks no rule, not even an info one."""
    return [
        Meeting(
            id="m1",
            when=day(6),
            location=Place(name="Cairo", country="EGY"),
            source=source(1, published=7),
            evidence=(Span(start=0, end=7, text="Actor A"),),
            participants=(A, B),
            status="held",
        ),
        Meeting(id="m2", when=day(10), source=source(2, 8), participants=(A, C), status="planned"),
        Meeting(id="m3", when=day(12), source=source(3), participants=(A, C), status="held"),
        Statement(id="s1", when=day(8), source=source(4), speaker=A, act="appeal", content="Stop."),
        CasualtyFigure(
            id="c1",
            when=day(5),
            location=Place(name="Town", country="LBY"),
            source=source(5),
            figure="killed",
            count=Count.from_qualifier(10, "exact"),
            reported_by=WHO,
            cumulative=True,
        ),
        CasualtyFigure(
            id="c2",
            when=day(9),
            location=Place(name="Town", country="LBY"),
            source=source(6),
            figure="killed",
            count=Count.from_qualifier(15, "at_least"),
            reported_by=WHO,
            cumulative=True,
        ),
        CasualtyFigure(
            id="c3",
            when=day(11),
            location=Place(name="Town", country="LBY"),
            source=source(7),
            figure="killed",
            count=Count.from_qualifier(16, "exact"),
            reported_by=Actor(name="Health Ministry", kind="government"),
        ),
    ]


ARTICLES = {"art-1": TEXT}


@pytest.fixture
def clean() -> pd.DataFrame:
    return dd.EventSet(clean_events()).to_frame()


def row_of(df: pd.DataFrame, event_id: str) -> int:
    return int((df["event_id"] == event_id).to_numpy().argmax())


def found(report: dd.ValidationReport, code: str) -> pd.DataFrame:
    return report.issues[report.issues["rule"] == code]


# ------------------------------------------------------------------ clean data


def test_clean_data_gives_no_issue_at_all(clean: pd.DataFrame) -> None:
    report = dd.validate(clean, articles=ARTICLES)
    assert report.issues.empty, report.issues.to_string()
    assert report.ok and report.counts() == {"error": 0, "warning": 0, "info": 0}
    assert [r.code for r in report.rules] == [r.code for r in RULES]


def test_the_bundled_dataset_has_no_errors_and_only_the_issues_its_card_explains() -> None:
    report = dd.validate(dd.load_dataset("libya_2019"))
    assert report.ok
    rules = set(report.issues["rule"])
    assert rules == {
        "casualty.toll_decreased",
        "event.reported_twice",
        "meeting.planned_not_held",
        "casualty.sources_disagree",
    }
    card = dd.describe_dataset("libya_2019").to_markdown()
    for code in rules:
        assert f"`{code}`" in card, code
    for event_id in report.issues.loc[report.issues["severity"] == "warning", "event_id"]:
        assert event_id in card, event_id


# ------------------------------------------------- every rule, one corruption


def _as_text(df: pd.DataFrame, column: str) -> None:
    df[column] = df[column].astype("str")


def _repeat_participant(df: pd.DataFrame, row: int) -> None:
    people = json.loads(df.loc[row, "participants"])
    df.loc[row, "participants"] = json.dumps([*people, people[0]])


def corrupt_dtype(df: pd.DataFrame) -> int:
    _as_text(df, "when_earliest")
    return -1


def corrupt_null(df: pd.DataFrame) -> int:
    df.loc[2, "event_id"] = None
    return 2


def corrupt_allowed(df: pd.DataFrame) -> int:
    _as_text(df, "status")
    df.loc[0, "status"] = "adjourned"
    return 0


def corrupt_range(df: pd.DataFrame) -> int:
    df.loc[3, "confidence"] = 1.5
    return 3


def corrupt_count(df: pd.DataFrame) -> int:
    df.loc[4, "count_value"] = -3
    return 4


def corrupt_duplicate(df: pd.DataFrame) -> int:
    df.loc[1, "event_id"] = df.loc[0, "event_id"]
    return 1


def corrupt_required(df: pd.DataFrame) -> int:
    df.loc[3, "content"] = None
    return 3


def corrupt_json(df: pd.DataFrame) -> int:
    df.loc[1, "participants"] = "[{'single': 'quotes'}]"
    return 1


def corrupt_when(df: pd.DataFrame) -> int:
    df.loc[5, "when_earliest"] = pd.Timestamp("2020-02-01")
    return 5


def corrupt_bounds(df: pd.DataFrame) -> int:
    df.loc[4, ["count_low", "count_high"]] = [12, 11]
    return 4


def corrupt_country(df: pd.DataFrame) -> int:
    _as_text(df, "location_country")
    df.loc[0, "location_country"] = "UK"
    return 0


def corrupt_participant_country(df: pd.DataFrame) -> int:
    people = json.loads(df.loc[2, "participants"])
    people[1]["country"] = "XKX"
    df.loc[2, "participants"] = json.dumps(people)
    return 2


def corrupt_held(df: pd.DataFrame) -> int:
    df.loc[0, "source_published"] = pd.Timestamp("2020-01-05")
    return 0


def corrupt_repeated(df: pd.DataFrame) -> int:
    _repeat_participant(df, 0)
    return 0


def corrupt_span_outside(df: pd.DataFrame) -> int:
    df.loc[0, "evidence"] = json.dumps([{"start": 30, "end": 90, "text": "x" * 60}])
    return 0


def corrupt_span_text(df: pd.DataFrame) -> int:
    df.loc[0, "evidence"] = json.dumps([{"start": 0, "end": 7, "text": "Actor Z"}])
    return 0


def corrupt_speaker_id(df: pd.DataFrame) -> int:
    df.loc[3, "speaker_id"] = None
    return 3


def corrupt_participant_id(df: pd.DataFrame) -> int:
    people = json.loads(df.loc[1, "participants"])
    people[0]["id"] = None
    df.loc[1, "participants"] = json.dumps(people)
    return 1


def corrupt_toll(df: pd.DataFrame) -> int:
    df.loc[5, ["count_value", "count_low"]] = [8, 8]
    return 5


def corrupt_twice(df: pd.DataFrame) -> int:
    df.loc[2, "when_earliest"] = df.loc[2, "when_latest"] = pd.Timestamp("2020-01-10")
    return 1  # the group's first row: m2, planned for the same day


def corrupt_planned(df: pd.DataFrame) -> int:
    df.loc[2, "when_earliest"] = df.loc[2, "when_latest"] = pd.Timestamp("2020-01-09")
    return 1


def same_day_as_c2(df: pd.DataFrame) -> None:
    df.loc[6, ["when_earliest", "when_latest"]] = pd.Timestamp("2020-01-09")


def corrupt_disagree(df: pd.DataFrame) -> int:
    same_day_as_c2(df)
    df.loc[6, ["count_value", "count_low", "count_high"]] = [30, 30, 30]
    return 5


CORRUPTIONS: dict[str, list[Callable[[pd.DataFrame], int]]] = {
    "column.dtype": [corrupt_dtype],
    "column.null": [corrupt_null],
    "column.not_allowed": [corrupt_allowed],
    "column.out_of_range": [corrupt_range, corrupt_count],
    "event.id_duplicated": [corrupt_duplicate],
    "event.required_missing": [corrupt_required],
    "column.invalid_json": [corrupt_json],
    "when.reversed": [corrupt_when],
    "count.bounds_reversed": [corrupt_bounds],
    "country.not_iso3": [corrupt_country, corrupt_participant_country],
    "meeting.held_after_published": [corrupt_held],
    "meeting.participant_repeated": [corrupt_repeated],
    "evidence.outside_text": [corrupt_span_outside],
    "evidence.text_mismatch": [corrupt_span_text],
    "actor.id_missing": [corrupt_speaker_id, corrupt_participant_id],
    "casualty.toll_decreased": [corrupt_toll],
    "event.reported_twice": [corrupt_twice],
    "meeting.planned_not_held": [corrupt_planned],
    "casualty.sources_disagree": [corrupt_disagree],
}


def test_every_rule_has_a_corruption_here() -> None:
    assert set(CORRUPTIONS) | {"frame.column_missing"} == {r.code for r in RULES}


@pytest.mark.parametrize(
    ("code", "corrupt"),
    [(code, fn) for code, fns in CORRUPTIONS.items() for fn in fns],
    ids=[fn.__name__ for fns in CORRUPTIONS.values() for fn in fns],
)
def test_each_corruption_is_caught_by_its_rule(
    clean: pd.DataFrame, code: str, corrupt: Callable[[pd.DataFrame], int]
) -> None:
    df = clean.copy()
    row = corrupt(df)
    report = dd.validate(df, articles=ARTICLES)
    hits = found(report, code)
    assert len(hits), report.issues.to_string()
    if row >= 0:
        assert row in hits["row"].tolist(), hits.to_string()
        reported = hits.loc[hits["row"] == row, "event_id"].iloc[0]
        expected = df.loc[row, "event_id"]
        assert reported == expected or (pd.isna(reported) and pd.isna(expected))
    assert (hits["severity"] == next(r.severity for r in RULES if r.code == code)).all()
    assert hits["message"].str.len().min() > 10


def test_a_missing_column_is_reported_and_stops_the_cross_record_rules(
    clean: pd.DataFrame,
) -> None:
    df = clean.drop(columns=["topics", "evidence"])
    corrupt_duplicate(df)
    report = dd.validate(df)
    missing = found(report, "frame.column_missing")
    assert sorted(missing["column"]) == ["evidence", "topics"]
    assert missing["row"].isna().all()
    assert found(report, "event.id_duplicated").empty
    assert not report.ok


def test_a_column_of_the_wrong_type_stops_the_cross_record_rules(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_dtype(df)
    corrupt_duplicate(df)
    report = dd.validate(df)
    (hit,) = found(report, "column.dtype").itertuples()
    assert (hit.column, hit.value) == ("when_earliest", "str")
    assert hit.message == "when_earliest is of dtype str, not of a datetime64 dtype"
    assert set(report.issues["rule"]) == {"column.dtype"}


# ------------------------------------------------------- what the rules say


def test_messages_name_the_values(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_disagree(df)
    corrupt_toll(df)
    report = dd.validate(df)
    (disagree,) = found(report, "casualty.sources_disagree")["message"]
    assert "on 2020-01-09: 8-30 (73% apart) across 2 sources" in disagree
    (dropped,) = found(report, "casualty.toll_decreased")["message"]
    assert "is 8 on 2020-01-09, below the 10" in dropped


def test_a_repeated_participant_without_an_id_is_matched_by_name(clean: pd.DataFrame) -> None:
    df = clean.copy()
    people = json.loads(df.loc[1, "participants"])
    df.loc[1, "participants"] = json.dumps([*people, {"id": None, "name": "ACTOR a"}])
    hits = found(
        dd.validate(df, rules=["meeting.participant_repeated"]), "meeting.participant_repeated"
    )
    assert hits["row"].tolist() == [1]
    # Two different ids with the same name are two actors.
    df.loc[1, "participants"] = json.dumps([*people, {"id": "a-2", "name": "Actor A"}])
    assert dd.validate(df, rules=["meeting.participant_repeated"]).issues.empty


def test_a_planned_meeting_still_to_come_is_not_reported(clean: pd.DataFrame) -> None:
    df = clean.copy()
    df.loc[2, "status"] = "cancelled"  # m2 (planned, 10 Jan) now has no held meeting after it
    assert len(found(dd.validate(df), "meeting.planned_not_held")) == 1
    df.loc[1, ["when_earliest", "when_latest"]] = pd.Timestamp("2020-03-01")  # after the data
    assert found(dd.validate(df), "meeting.planned_not_held").empty


def test_sources_disagree_respects_the_tolerance(clean: pd.DataFrame) -> None:
    df = clean.copy()
    same_day_as_c2(df)  # 15 and 16 killed on one day: 6% apart
    assert found(dd.validate(df), "casualty.sources_disagree").empty
    hits = found(dd.validate(df, tolerance=0.05), "casualty.sources_disagree")
    assert hits["value"].tolist() == ["15-16"]


def test_reports_of_one_toll_are_one_group(clean: pd.DataFrame) -> None:
    df = clean.copy()
    same_day_as_c2(df)
    hits = found(dd.validate(df), "event.reported_twice")
    assert hits["value"].tolist() == ["c2, c3"] and hits["row"].tolist() == [5]


def test_evidence_is_checked_only_against_given_texts(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_span_text(df)
    assert found(dd.validate(df), "evidence.text_mismatch").empty
    article = dd.Article(text=TEXT, id="art-1")
    for articles in ({"art-1": TEXT}, {"art-1": article}, [article]):
        hits = found(dd.validate(df, articles=articles), "evidence.text_mismatch")
        assert hits["row"].tolist() == [0]
        assert "'Actor Z'" in hits["message"].iloc[0] and "'Actor A'" in hits["message"].iloc[0]


# ------------------------------------------------------------------ the report


def test_issues_have_the_documented_columns(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    issues = dd.validate(df).issues
    assert tuple(issues.columns) == ISSUE_COLUMNS
    assert list(issues["severity"].cat.categories) == ["error", "warning", "info"]
    assert str(issues["row"].dtype) == "Int64"


def test_lazy_false_stops_at_the_first_error(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    corrupt_when(df)
    everything = dd.validate(df)
    assert {"event.id_duplicated", "when.reversed"} <= set(everything.issues["rule"])
    first = dd.validate(df, lazy=False)
    assert len(first.issues) == 1
    assert first.issues["rule"].tolist() == ["event.id_duplicated"]
    assert not first.ok


def test_rules_can_be_chosen_and_unknown_ones_are_refused(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    corrupt_when(df)
    report = dd.validate(df, rules=["when.reversed"])
    assert set(report.issues["rule"]) == {"when.reversed"}
    assert [r.code for r in report.rules] == ["when.reversed"]
    with pytest.raises(KeyError, match=r"no validation rule 'when\.backwards'"):
        dd.validate(df, rules=["when.backwards"])


def test_summary_counts_per_rule_and_severity(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    corrupt_speaker_id(df)
    corrupt_disagree(df)
    summary = dd.validate(df).summary()
    assert summary[["rule", "severity", "issues"]].astype({"severity": str}).values.tolist() == [
        ["event.id_duplicated", "error", 2],
        ["actor.id_missing", "warning", 1],
        ["event.reported_twice", "info", 1],
        ["casualty.sources_disagree", "info", 1],
    ]


def test_raise_for_errors_carries_the_report(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    report = dd.validate(df)
    with pytest.raises(
        dd.ValidationError, match=r"2 errors in 7 events: event.id_duplicated \(2\)"
    ) as info:
        report.raise_for_errors()
    assert info.value.report is report
    assert isinstance(info.value, ValueError) and isinstance(info.value, dd.DiplodataError)
    assert dd.validate(clean).raise_for_errors().ok


def test_html_groups_the_issues_by_rule(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    corrupt_speaker_id(df)
    html = dd.validate(df)._repr_html_()
    assert html.count("<details") == 2
    assert html.index("event.id_duplicated") < html.index("actor.id_missing")
    assert "<details open><summary><code>event.id_duplicated</code> (error, 2)" in html


def test_the_input_is_never_changed() -> None:
    df = dd.load_dataset("libya_2019")
    before = df.copy(deep=True)
    dd.validate(df)
    pdt.assert_frame_equal(df, before)


def test_an_event_set_a_frame_and_a_shuffled_index_validate_alike(clean: pd.DataFrame) -> None:
    df = clean.copy()
    corrupt_duplicate(df)
    expected = dd.validate(df).issues
    pdt.assert_frame_equal(dd.validate(df.set_axis(range(10, 17))).issues, expected)
    es = dd.EventSet(clean_events())
    pdt.assert_frame_equal(dd.validate(es).issues, dd.validate(clean).issues)


def test_anything_else_is_refused() -> None:
    with pytest.raises(TypeError, match="expected an EventSet or its frame"):
        dd.validate({"event_id": ["x"]})  # type: ignore[arg-type]


def test_validate_imports_no_pandera_until_it_runs() -> None:
    import subprocess
    import sys

    code = "import sys, diplodata; diplodata.validate; print('pandera' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_rules_page_is_generated_from_the_rules_table() -> None:
    from pathlib import Path

    from diplodata.validate.rules import rules_markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "validation.md"
    assert page.read_text("utf-8") == rules_markdown(), (
        "docs/validation.md is stale: run .venv/bin/python -m diplodata.validate.rules "
        "> docs/validation.md"
    )
    for r in RULES:
        assert f"| `{r.code}` | {r.severity} |" in rules_markdown()
