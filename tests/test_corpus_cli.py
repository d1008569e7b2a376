"""Reading articles from disk, the extract and evaluate commands, and the corpus scorecard."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import diplodata as dd
from diplodata.cli import main
from diplodata.corpus import ReadProblem, iter_articles, read_article, read_articles
from diplodata.evaluate import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "datasets" / "articles"

TOLL = (
    "GENEVA, April 12 - At least 56 people have been killed, the World Health Organization said.\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "---\ntitle: Toll rises\nurl: https://example.org/a\npublished: 2019-04-12\nextra: ignored\n---\n\n"
        + TOLL,
    )
    article = read_article(path)
    assert (article.id, article.title, article.url) == ("a", "Toll rises", "https://example.org/a")
    assert article.published == dt.date(2019, 4, 12)
    assert article.text == TOLL


def test_no_front_matter_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(("\ufeff" + TOLL.replace("\n", "\r\n")).encode("utf-8"))
    article = read_article(path)
    assert article.published is None and article.text == TOLL


def test_bad_front_matter_names_the_file_and_field(tmp_path: Path) -> None:
    path = write(tmp_path / "c.txt", "---\npublished: 2019-02-30\n---\nText.\n")
    with pytest.raises(dd.DataError, match=r"c\.txt.*published"):
        read_article(path)


def test_unreadable_files_are_reported_and_the_others_read(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", TOLL)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    assert [type(i).__name__ for i in items] == ["ReadProblem", "Article", "ReadProblem"]
    problem = items[0]
    assert isinstance(problem, ReadProblem) and "bad.txt" in str(problem)
    with pytest.raises(dd.DataError):
        read_articles(tmp_path)


def test_jsonl_of_articles(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": TOLL, "published": "2019-04-12", "url": "https://example.org/x"}),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second."}),
    ]
    path = write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    items = list(iter_articles(path))
    assert [type(i).__name__ for i in items] == ["Article", "ReadProblem", "Article"]
    assert isinstance(items[1], ReadProblem) and items[1].line == 2 and "text" in items[1].message


def test_cli_extract_writes_the_format_of_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", TOLL)
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    out = tmp_path / "events.parquet"
    status = main(
        ["extract", str(tmp_path), "--published", "2019-04-12", "--out", str(out), "--no-progress"]
    )
    assert status == 1  # one file could not be read, the other was processed
    assert "broken.txt" in capsys.readouterr().err
    events = dd.read_events(out)
    assert len(events) == 1 and events[0].count.value == 56
    assert events[0].source.published == dt.date(2019, 4, 12)


def test_cli_extract_prints_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.txt", TOLL)
    assert main(["extract", str(tmp_path / "a.txt"), "--no-progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0])["kind"] == "casualty"


def test_cli_evaluate_prints_the_scorecard(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(CORPUS / "gold"), "--kind", "casualty"]) == 0
    out = capsys.readouterr().out
    assert "| casualty |" in out and "qualifier" in out


def test_cli_evaluate_only_scores_the_matching_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["evaluate", str(CORPUS), "--kind", "casualty", "--only", "006-*", "--only", "004-*"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Articles: 2\n")
    assert main(["evaluate", str(CORPUS), "--only", "no-such-article"]) == 1
    assert "no article matches 'no-such-article'" in capsys.readouterr().err


def test_corpus_is_labelled_as_illustrative() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        head = path.read_text("utf-8").split("\n---\n")[0]  # front matter: up to its closing line
        assert "Illustrative text written for diplodata" in head, path.name


def test_every_corpus_article_has_a_gold_file() -> None:
    articles = sorted(p.stem for p in CORPUS.glob("*.txt"))
    gold = sorted(p.stem for p in (CORPUS / "gold").glob("*.jsonl"))
    assert articles == gold and len(articles) >= 40


def test_casualty_figures_meet_the_targets_on_the_corpus() -> None:
    card = evaluate_corpus(CORPUS, kinds=["casualty"])
    row = card.kinds.loc["casualty"]
    assert row.precision >= 0.9, card.errors
    assert row.recall >= 0.9, card.errors
    assert card.attributes.loc[("casualty", "qualifier"), "accuracy"] >= 0.9


def test_every_extracted_event_points_into_its_article() -> None:
    for article in read_articles(CORPUS):
        for event in dd.extract(article):
            assert event.evidence, event.id
            for span in event.evidence:
                assert article.text[span.start : span.end] == span.text


def test_undated_articles_never_get_a_made_up_date() -> None:
    from diplodata.extract.dates import find_dates, resolve

    undated = [a for a in read_articles(CORPUS) if a.published is None]
    assert undated
    for article in undated:
        # The only dates that can be known without a publication date: full dates in the text.
        stated = {
            (t.earliest, t.latest)
            for m in find_dates(article.text)
            if (t := resolve(m.text, None)).precision.value != "unknown"
        }
        for event in dd.extract(article):
            when = event.when
            if when.precision.value != "unknown":
                assert (when.earliest, when.latest) in stated, (article.id, when)


def test_meetings_and_statements_meet_the_targets_on_the_corpus() -> None:
    card = evaluate_corpus(CORPUS, kinds=["meeting", "statement"])
    for kind in ("meeting", "statement"):
        row = card.kinds.loc[kind]
        assert row.precision >= 0.85 and row.recall >= 0.85, (kind, card.errors)
    assert card.attributes.loc[("meeting", "status"), "accuracy"] >= 0.9
    assert card.attributes.loc[("statement", "speaker"), "accuracy"] >= 0.9


HELD_OUT_FLOORS = {
    # Each batch of longer articles was written and kept apart while the extractors were fixed
    # on the batch before (datasets/articles/README.md). Floors under their figures measured on
    # 2026-11-29 (docs/extraction-quality.md), rounded down: not targets, a floor, so that a
    # change that reads new text worse fails. 081-090 is the set no fix has looked at yet.
    ("07[1-9]-*", "080-*"): {
        ("casualty", "precision"): 0.95,
        ("casualty", "recall"): 0.85,
        ("meeting", "precision"): 0.9,
        ("meeting", "recall"): 0.9,
        ("statement", "precision"): 0.95,
        ("statement", "recall"): 0.95,
    },
    ("08[1-9]-*", "090-*"): {
        ("casualty", "precision"): 0.95,
        ("casualty", "recall"): 0.9,
        ("meeting", "precision"): 0.65,
        ("meeting", "recall"): 0.65,
        ("statement", "precision"): 0.85,
        ("statement", "recall"): 0.85,
    },
}


@pytest.mark.parametrize("only", list(HELD_OUT_FLOORS))
def test_held_out_articles_stay_above_their_floors(only: tuple[str, ...]) -> None:
    card = evaluate_corpus(CORPUS, only=list(only))
    assert card.articles == 10
    for (kind, measure), floor in HELD_OUT_FLOORS[only].items():
        assert card.kinds.loc[kind, measure] >= floor, (kind, measure, card.kinds)


def test_events_carry_the_ontology_codes_that_apply() -> None:
    from diplodata.ontology import codes_for_meeting, codes_for_statement

    seen = set()
    for article in read_articles(CORPUS):
        for event in dd.extract(article):
            seen.add(event.kind)
            if event.kind == "meeting":
                assert event.codes == codes_for_meeting(event.status, event.modality), event.id
            elif event.kind == "statement":
                assert event.codes == codes_for_statement(event.act), event.id
    assert seen == {"meeting", "statement", "casualty"}
