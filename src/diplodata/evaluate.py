"""Measure extraction against gold annotations: precision, recall and F1 per kind and attribute.

An extracted event *matches* a gold event of the same article and kind when:

* casualty figures: same figure and same stated number (``count.value``);
* meetings: the participants overlap (Jaccard index of the folded names >= 0.5);
* statements: the content overlaps (Jaccard index of the word sets >= 0.5).

Each gold event matches at most one extracted event (best overlap first). Over the
matches, attributes are scored as the share that agree: for casualty figures the
qualifier, the bounds, the population, the reporting actor, cumulative and the
date; for meetings the status, modality, participants, host and date; for
statements the speaker, act, direct quote and date. Names are compared folded
(case and accents ignored) and through the gazetteer's aliases.

Examples
--------
>>> import diplodata as dd
>>> from diplodata.evaluate import evaluate
>>> article = dd.Article(text="At least 21 civilians were killed, the WHO said.", id="a1")
>>> gold = dd.EventSet([{"kind": "casualty", "id": "g1", "figure": "killed",
...     "count": {"value": 21, "low": 21, "qualifier": "at_least", "text": "At least 21"},
...     "population": "civilians", "reported_by": {"name": "World Health Organization"}}])
>>> card = evaluate([(article, gold)])
>>> card.kinds.loc["casualty", ["precision", "recall", "f1"]].tolist()
[1.0, 1.0, 1.0]
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diplodata.article import Article
from diplodata.eventset import EventSet
from diplodata.extract.gazetteer import Gazetteer, fold
from diplodata.models import Actor, CasualtyFigure, Event, Meeting, Statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Scorecard", "evaluate", "evaluate_corpus"]

KINDS = ("casualty", "meeting", "statement")
_WORD = re.compile(r"[^\W_]+")


def _name_key(actor: Actor | None, gazetteer: Gazetteer) -> str | None:
    if actor is None:
        return None
    entry = gazetteer.lookup(actor.name)
    return entry.id if entry is not None else " ".join(fold(w) for w in _WORD.findall(actor.name))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _words(text: str) -> set[str]:
    return {fold(w) for w in _WORD.findall(text)}


def _same_when(a: Event, b: Event) -> bool:
    return (a.when.earliest, a.when.latest) == (b.when.earliest, b.when.latest)


@dataclass
class Scorecard:
    """The result of :func:`evaluate`.

    Attributes
    ----------
    kinds
        One row per kind: ``gold``, ``predicted``, ``matched``, ``precision``, ``recall``, ``f1``.
    attributes
        One row per (kind, attribute): ``matched``, ``correct``, ``accuracy``.
    errors
        One row per miss: ``article``, ``kind``, ``error`` (``missed``, ``spurious``
        or the attribute that disagrees), ``gold``, ``predicted``.
    articles
        The number of articles scored.
    """

    kinds: pd.DataFrame
    attributes: pd.DataFrame
    errors: pd.DataFrame
    articles: int = 0
    notes: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        """The scorecard as Markdown tables."""
        lines = [
            f"Articles: {self.articles}",
            "",
            "| kind | gold | predicted | matched | precision | recall | F1 |",
        ]
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for kind, row in self.kinds.iterrows():
            lines.append(
                f"| {kind} | {int(row.gold)} | {int(row.predicted)} | {int(row.matched)} | "
                f"{row.precision:.3f} | {row.recall:.3f} | {row.f1:.3f} |"
            )
        lines += [
            "",
            "| kind | attribute | matched | correct | accuracy |",
            "|---|---|---:|---:|---:|",
        ]
        for attr in self.attributes.reset_index().to_dict("records"):
            lines.append(
                f"| {attr['kind']} | {attr['attribute']} | {int(attr['matched'])} "
                f"| {int(attr['correct'])} | {attr['accuracy']:.3f} |"
            )
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_markdown()


def _match(
    gold: Sequence[Event],
    pred: Sequence[Event],
    score: Callable[[Event, Event], float],
    threshold: float,
) -> list[tuple[Event, Event]]:
    pairs = sorted(
        ((score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for s, i, j in pairs:
        if s < threshold or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matches.append((gold[i], pred[j]))
    return matches


def _scorers(gaz: Gazetteer) -> dict[str, tuple[Callable[[Event, Event], float], float]]:
    def casualty(g: Event, p: Event) -> float:
        assert isinstance(g, CasualtyFigure) and isinstance(p, CasualtyFigure)
        return 1.0 if (g.figure, g.count.value) == (p.figure, p.count.value) else 0.0

    def participants(e: Event) -> set[str]:
        assert isinstance(e, Meeting)
        return {k for a in e.participants if (k := _name_key(a, gaz)) is not None}

    def meeting(g: Event, p: Event) -> float:
        return _jaccard(participants(g), participants(p))

    def statement(g: Event, p: Event) -> float:
        assert isinstance(g, Statement) and isinstance(p, Statement)
        return _jaccard(_words(g.content), _words(p.content))

    return {"casualty": (casualty, 1.0), "meeting": (meeting, 0.5), "statement": (statement, 0.5)}


def _attributes(g: Event, p: Event, gaz: Gazetteer) -> dict[str, bool]:
    if isinstance(g, CasualtyFigure) and isinstance(p, CasualtyFigure):
        return {
            "qualifier": g.count.qualifier == p.count.qualifier,
            "bounds": (g.count.low, g.count.high) == (p.count.low, p.count.high),
            "population": g.population == p.population,
            "reported_by": _name_key(g.reported_by, gaz) == _name_key(p.reported_by, gaz),
            "cumulative": g.cumulative == p.cumulative,
            "date": _same_when(g, p),
        }
    if isinstance(g, Meeting) and isinstance(p, Meeting):

        def keys(e: Meeting) -> set[str | None]:
            return {_name_key(a, gaz) for a in e.participants}

        return {
            "status": g.status == p.status,
            "modality": g.modality == p.modality,
            "participants": keys(g) == keys(p),
            "host": _name_key(g.host, gaz) == _name_key(p.host, gaz),
            "date": _same_when(g, p),
        }
    if isinstance(g, Statement) and isinstance(p, Statement):
        return {
            "speaker": _name_key(g.speaker, gaz) == _name_key(p.speaker, gaz),
            "act": g.act == p.act,
            "direct_quote": g.direct_quote == p.direct_quote,
            "date": _same_when(g, p),
        }
    return {}


def _brief(e: Event | None) -> str:
    if e is None:
        return ""
    if isinstance(e, CasualtyFigure):
        who = e.reported_by.name if e.reported_by else "-"
        return f"{e.figure.value} {e.count.text or e.count.value} [{e.count.qualifier.value}] pop={e.population} by={who} cum={e.cumulative} when={e.when.earliest}"
    if isinstance(e, Meeting):
        return f"{e.status.value}/{e.modality.value} {[a.name for a in e.participants]} when={e.when.earliest}"
    return f"{e.speaker.name} {e.act.value} q={e.direct_quote}: {e.content[:60]}"


def evaluate(
    pairs: Iterable[tuple[Article, EventSet]],
    *,
    extractor: Callable[[Article], EventSet] | None = None,
    kinds: Sequence[str] = KINDS,
    gazetteer: Gazetteer | None = None,
) -> Scorecard:
    """Run ``extractor`` (default :func:`diplodata.extract`) on each article and score it against gold."""
    import pandas as pd

    from diplodata.extract import extract

    run = extractor or (lambda a: extract(a, gazetteer=gazetteer))
    gaz = gazetteer or Gazetteer.default()
    scorers = _scorers(gaz)
    totals = {k: [0, 0, 0] for k in kinds}
    attr: dict[tuple[str, str], list[int]] = {}
    errors: list[tuple[str, str, str, str, str]] = []
    n = 0
    for article, gold in pairs:
        n += 1
        predicted = run(article)
        for kind in kinds:
            g = [e for e in gold if e.kind == kind]
            p = [e for e in predicted if e.kind == kind]
            score, threshold = scorers[kind]
            matches = _match(g, p, score, threshold)
            totals[kind][0] += len(g)
            totals[kind][1] += len(p)
            totals[kind][2] += len(matches)
            matched_g = {id(a) for a, _ in matches}
            matched_p = {id(b) for _, b in matches}
            errors += [
                (article.id, kind, "missed", _brief(e), "") for e in g if id(e) not in matched_g
            ]
            errors += [
                (article.id, kind, "spurious", "", _brief(e)) for e in p if id(e) not in matched_p
            ]
            for ge, pe in matches:
                for name, ok in _attributes(ge, pe, gaz).items():
                    cell = attr.setdefault((kind, name), [0, 0])
                    cell[0] += 1
                    cell[1] += int(ok)
                    if not ok:
                        errors.append((article.id, kind, name, _brief(ge), _brief(pe)))
    rows = []
    for kind, (gold_n, pred_n, matched) in totals.items():
        precision = matched / pred_n if pred_n else (1.0 if not gold_n else 0.0)
        recall = matched / gold_n if gold_n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((kind, gold_n, pred_n, matched, precision, recall, f1))
    kinds_df = pd.DataFrame(
        rows, columns=["kind", "gold", "predicted", "matched", "precision", "recall", "f1"]
    )
    attr_df = pd.DataFrame(
        [(k, a, m, c, c / m if m else float("nan")) for (k, a), (m, c) in sorted(attr.items())],
        columns=["kind", "attribute", "matched", "correct", "accuracy"],
    )
    err_df = pd.DataFrame(errors, columns=["article", "kind", "error", "gold", "predicted"])
    return Scorecard(
        kinds_df.set_index("kind"), attr_df.set_index(["kind", "attribute"]), err_df, n
    )


def _load_gold(path: Path) -> EventSet:
    from diplodata.io import read_events

    return read_events(path) if path.exists() else EventSet()


def evaluate_corpus(
    folder: str | os.PathLike[str],
    *,
    gold: str | os.PathLike[str] | None = None,
    kinds: Sequence[str] = KINDS,
    gazetteer: Gazetteer | None = None,
    only: Sequence[str] | None = None,
) -> Scorecard:
    """Score extraction on a corpus folder: ``NAME.txt`` articles and ``gold/NAME.jsonl`` events.

    Parameters
    ----------
    folder
        The folder of articles (``datasets/articles`` in the repository).
    gold
        The folder of gold files (default: ``folder/gold``).
    kinds
        The kinds to score.
    only
        Shell-style patterns of article names (``NAME``, without ``.txt``): score only the
        articles that match one of them, e.g. ``["06[1-9]-*", "070-*"]`` for the corpus's
        held-out articles. All articles by default.

    Raises
    ------
    ValueError
        If ``only`` matches no article (a mistyped pattern must not score an empty corpus).

    Examples
    --------
    >>> card = evaluate_corpus("datasets/articles", only=["006-*"], kinds=["casualty"])
    >>> card.articles, card.kinds.loc["casualty", ["gold", "matched"]].tolist()
    (1, [2, 2])
    """
    from diplodata.corpus import read_article

    base = Path(folder)
    gold_dir = Path(gold) if gold is not None else base / "gold"
    if not base.is_dir():
        raise NotADirectoryError(f"{base}: not a folder of articles")
    if not gold_dir.is_dir():
        raise NotADirectoryError(f"{gold_dir}: no gold folder (expected NAME.jsonl per article)")
    paths = sorted(base.glob("*.txt"))
    if only is not None:
        paths = [p for p in paths if any(fnmatch.fnmatchcase(p.stem, pat) for pat in only)]
        if not paths:
            raise ValueError(f"{base}: no article matches {', '.join(map(repr, only))}")
    pairs: list[tuple[Article, EventSet]] = []
    for path in paths:
        article = read_article(path)
        pairs.append((article, _load_gold(gold_dir / f"{path.stem}.jsonl")))
    return evaluate(pairs, kinds=kinds, gazetteer=gazetteer)
