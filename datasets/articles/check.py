"""Check the illustrative article corpus and its gold annotations, and print tallies.

Run with the project's virtual environment from the repository root::

    .venv/bin/python datasets/articles/check.py [--verbose]

(``--verbose`` also lists every article with its focus and its number of events per kind.)

Checks, for every ``NNN-slug.txt`` and its ``gold/NNN-slug.jsonl``:

- the front matter has the required keys (``published`` may be absent: undated article),
  the corpus outlet and label, and the file is 1-3 KB; numbers run 001..NNN without gaps;
- every gold line validates against ``diplodata.models`` (``event_adapter``);
- ids are ``NNN-k`` with k = 1, 2, ... in order, unique across the corpus;
- ``source`` repeats the front matter (article id, url, title, outlet, published);
- ``evidence`` is empty, ``confidence`` is 1.0, ``codes`` are null, actor ids are null;
- ``when.anchor`` is the published date when the phrase is resolved in a dated article,
  and null otherwise; a ``when`` without text may only be the publication day;
- ``content``, count ``text``, ``when.text``, ``attribution``, actor ``role``, location
  ``name`` and meeting ``topics`` occur verbatim in the article body (roles and topics
  case-insensitively); a content made of pieces joined by `` ... `` (a quote interrupted
  by its attribution) must have its pieces in that order;
- ``direct_quote`` is true exactly when the content sits inside quotation marks;
- a meeting's host is also one of its participants;
- a count's low/high follow the library convention for its qualifier, and a range's value
  is the midpoint rounded down;
- with the facts file present, every ``based_on`` id exists, ``url`` is the URL of the
  first one, and ``published`` is not before any of those facts (for a planned meeting, not
  before the date it was reported).

Exit status 1 if anything fails. The tallies are printed either way.
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter
from typing import Any

HERE = pathlib.Path(__file__).resolve().parent
FACTS = pathlib.Path("/work/shared/datasets-facts/libya-2019.jsonl")
LABEL = "Illustrative text written for diplodata, based on real events; not a real news article."
OUTLET = "diplodata illustrative corpus"
REQUIRED = ("title", "outlet", "url", "based_on", "label")
GAP = " ... "
TALLIES = (
    "kind",
    "meeting status",
    "meeting modality",
    "statement act",
    "direct quote",
    "casualty figure",
    "count qualifier",
    "population",
    "cumulative",
    "when precision",
    "article focus",
    "article dated",
)

try:
    from diplodata.models import event_adapter
except ImportError:  # pragma: no cover - run with the project's venv
    sys.exit("import diplodata failed: run with the project's venv (.venv/bin/python)")


def parse(path: pathlib.Path) -> tuple[dict[str, str], str]:
    """Split an article file into its front matter (a dict) and its body."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    head, sep, body = text[4:].partition("\n---\n\n")
    if not sep:
        raise ValueError("front matter must end with '---' and a blank line")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        if not colon or key in meta:
            raise ValueError(f"bad front matter line {line!r}")
        meta[key] = value
    return meta, body


def find_pieces(body: str, content: str) -> list[int] | None:
    """Start offsets of the content's pieces (split on GAP) found in order, or None."""
    starts, pos = [], 0
    for piece in content.split(GAP):
        i = body.find(piece, pos)
        if i < 0:
            return None
        starts.append(i)
        pos = i + len(piece)
    return starts


def inside_quotes(body: str, start: int) -> bool:
    """Whether offset ``start`` lies inside a pair of straight double quotes."""
    return body.count('"', 0, start) % 2 == 1


def expected_bounds(count: dict[str, Any]) -> tuple[int | None, int | None]:
    """The (low, high) the library convention gives a count's value and qualifier."""
    v, q = count["value"], count["qualifier"]
    return {
        "exact": (v, v),
        "at_least": (v, None),
        "more_than": (v + 1, None),
        "up_to": (None, v),
        "less_than": (None, v - 1),
        "about": (None, None),
        "range": (count["low"], count["high"]),
    }[q]


def load_facts() -> dict[str, dict[str, Any]]:
    """The facts file by id, or an empty dict when it is not available."""
    if not FACTS.exists():
        return {}
    facts = {}
    for line in FACTS.read_text("utf-8").splitlines():
        record = json.loads(line)
        facts[record["id"]] = record
    return facts


def check_meta(meta: dict[str, str], size: int, facts: dict[str, dict[str, Any]]) -> list[str]:
    """Problems with an article's front matter and size."""
    problems = [f"front matter lacks {key!r}" for key in REQUIRED if not meta.get(key)]
    if meta.get("label") != LABEL:
        problems.append("label is not the corpus label")
    if meta.get("outlet") != OUTLET:
        problems.append("outlet is not the corpus outlet")
    if not 1000 <= size <= 3072:
        problems.append(f"file is {size} bytes, not 1-3 KB")
    if not facts:
        return problems
    published = meta.get("published")
    based_on = [b.strip() for b in meta.get("based_on", "").split(",") if b.strip()]
    missing = [b for b in based_on if b not in facts]
    if missing:
        return [*problems, f"based_on ids not in the facts file: {missing}"]
    if based_on and facts[based_on[0]]["url"] != meta.get("url"):
        problems.append("url is not the URL of the first based_on fact")
    for fid in based_on:
        fact = facts[fid]
        planned = fact["kind"] == "meeting" and fact.get("status") == "planned"
        floor = fact["reported"] if planned and fact.get("reported") else fact["date"]
        if published and published < floor:
            problems.append(f"published {published} is before {fid} ({floor})")
    return problems


def check_event(
    raw: dict[str, Any], body: str, published: str | None, tallies: dict[str, Counter[str]]
) -> list[str]:
    """Problems with one validated gold event; counts it in ``tallies``."""
    problems: list[str] = []

    def verbatim(value: str | None, label: str, *, fold: bool = False) -> None:
        if value is None:
            return
        hay, needle = (body.lower(), value.lower()) if fold else (body, value)
        if needle not in hay:
            problems.append(f"{label} {value!r} not found verbatim in the body")

    if raw.get("evidence") != [] or raw.get("confidence") != 1.0:
        problems.append("evidence must be [] and confidence 1.0")
    if raw.get("codes") != {"cameo": None, "plover": None}:
        problems.append("codes must be null")

    when = raw["when"]
    tallies["when precision"][when["precision"]] += 1
    resolved = when["precision"] != "unknown"
    expected_anchor = published if resolved else None
    if when["anchor"] != expected_anchor:
        problems.append(f"when.anchor {when['anchor']} should be {expected_anchor}")
    if resolved and when["text"] is None and when["earliest"] != published:
        problems.append("a when without text may only be the publication day")
    verbatim(when["text"], "when.text")
    verbatim(raw.get("attribution"), "attribution")
    if raw.get("location"):
        verbatim(raw["location"]["name"], "location name")

    kind = raw["kind"]
    tallies["kind"][kind] += 1
    actors: list[dict[str, Any]] = []
    if kind == "meeting":
        actors = list(raw["participants"]) + ([raw["host"]] if raw.get("host") else [])
        tallies["meeting status"][raw["status"]] += 1
        tallies["meeting modality"][raw["modality"]] += 1
        for topic in raw["topics"]:
            verbatim(topic, "topic", fold=True)
        host = raw.get("host")
        if host and not any(p["name"] == host["name"] for p in raw["participants"]):
            problems.append("the host must also be listed as a participant")
    elif kind == "statement":
        actors = [raw["speaker"]] + ([raw["addressee"]] if raw.get("addressee") else [])
        tallies["statement act"][raw["act"]] += 1
        tallies["direct quote"][str(raw["direct_quote"]).lower()] += 1
        starts = find_pieces(body, raw["content"])
        if starts is None:
            problems.append(f"content {raw['content']!r} not found verbatim in the body")
        else:
            quoted = [inside_quotes(body, s) for s in starts]
            if raw["direct_quote"] and not all(quoted):
                problems.append("direct_quote is true but the content is not inside quotes")
            if not raw["direct_quote"] and any(quoted):
                problems.append("direct_quote is false but the content is inside quotes")
            if GAP in raw["content"] and not raw["direct_quote"]:
                problems.append("only an interrupted direct quote may join pieces with ' ... '")
    else:
        actors = [raw["reported_by"]] if raw.get("reported_by") else []
        count = raw["count"]
        tallies["casualty figure"][raw["figure"]] += 1
        tallies["count qualifier"][count["qualifier"]] += 1
        tallies["population"][str(raw["population"])] += 1
        tallies["cumulative"][str(raw["cumulative"]).lower()] += 1
        if count["text"] is None:
            problems.append("count text is required in the gold")
        verbatim(count["text"], "count text")
        low, high = expected_bounds(count)
        if (count["low"], count["high"]) != (low, high):
            problems.append(f"count bounds ({count['low']}, {count['high']}) != ({low}, {high})")
        if count["qualifier"] == "range" and low is not None and high is not None:
            midpoint = (low + high) // 2
            if count["value"] != midpoint:
                problems.append(f"a range's value is the midpoint rounded down ({midpoint})")
    for actor in actors:
        verbatim(actor.get("role"), "role", fold=True)
        if actor.get("id") is not None:
            problems.append("actor ids are null in the gold")
    return problems


def main() -> int:
    """Check every article and gold file; print the tallies; 1 if anything failed."""
    errors: list[str] = []
    facts = load_facts()
    tallies: dict[str, Counter[str]] = {name: Counter() for name in TALLIES}
    seen_ids: set[str] = set()
    articles = sorted(HERE.glob("[0-9][0-9][0-9]-*.txt"))
    numbers = [int(p.name[:3]) for p in articles]
    if numbers != list(range(1, len(articles) + 1)):
        errors.append(f"article numbers are not 001..{len(articles):03d}: {numbers}")
    no_events: list[str] = []
    per_article: list[str] = []
    n_events = 0

    for path in articles:
        aid = path.stem
        try:
            meta, body = parse(path)
        except ValueError as err:
            errors.append(f"{path.name}: {err}")
            continue
        errors += [f"{path.name}: {p}" for p in check_meta(meta, path.stat().st_size, facts)]
        published = meta.get("published")
        tallies["article dated"]["dated" if published else "undated"] += 1
        gold = HERE / "gold" / f"{aid}.jsonl"
        if not gold.exists():
            errors.append(f"{path.name}: no gold file")
            continue
        lines = gold.read_text("utf-8").splitlines()
        if not lines:
            no_events.append(aid)
        kinds: Counter[str] = Counter()
        source = {
            "article_id": aid,
            "url": meta.get("url"),
            "title": meta.get("title"),
            "outlet": OUTLET,
            "published": published,
        }
        for k, line in enumerate(lines, 1):
            where = f"gold/{gold.name}:{k}"
            try:
                raw = json.loads(line)
                event_adapter().validate_python(raw)
            except Exception as err:  # report any failure, JSON or validation
                errors.append(f"{where}: invalid: {err}")
                continue
            n_events += 1
            kinds[raw["kind"]] += 1
            if raw["id"] != f"{aid[:3]}-{k}":
                errors.append(f"{where}: id {raw['id']!r} should be {aid[:3]}-{k}")
            if raw["id"] in seen_ids:
                errors.append(f"{where}: duplicate id {raw['id']!r}")
            seen_ids.add(raw["id"])
            if raw.get("source") != source:
                errors.append(f"{where}: source {raw.get('source')} differs from the front matter")
            errors += [f"{where}: {p}" for p in check_event(raw, body, published, tallies)]

        focus = "no events"
        if kinds:
            top, n = kinds.most_common(1)[0]
            focus = top if n / sum(kinds.values()) > 0.5 else "mixed"
        tallies["article focus"][focus] += 1
        per_article.append(
            f"{aid[:3]} {focus:<9} M{kinds['meeting']} S{kinds['statement']} C{kinds['casualty']}"
            f"{'' if published else '  (undated)'}  {aid[4:]}"
        )

    if "--verbose" in sys.argv:
        print("\n".join(per_article) + "\n")
    print(
        f"{len(articles)} articles, {n_events} gold events, "
        f"{len(no_events)} without events: {', '.join(no_events) or '-'}"
    )
    for name, counter in tallies.items():
        parts = ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1]))
        print(f"{name}: {parts}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
