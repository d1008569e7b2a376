"""Build the bundled ``libya_2019`` dataset from the cited facts.

Reads ``shared/datasets-facts/libya-2019.jsonl`` (one real, cited fact per line),
turns each record into a contract-form event (keeping its URL as the event's
source), and writes

* ``src/diplodata/datasets/libya_2019.jsonl`` — the events;
* ``src/diplodata/datasets/libya_2019.card.toml`` — ``card.toml`` beside this
  script with a ``[stats]`` table computed from the events.

Run from the repository root::

    .venv/bin/python datasets/libya_2019/build.py [FACTS_FILE] [--out DIR]

(``make dataset`` does this.) ``--out`` writes somewhere else, for checking that
a rebuild reproduces the packaged files byte for byte.

The output is deterministic: the same facts give byte-identical files.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import diplodata as dd
from diplodata.countries import lookup
from diplodata.extract.gazetteer import slug
from diplodata.models import (
    Actor,
    CasualtyFigure,
    Count,
    Meeting,
    Place,
    SourceRef,
    Statement,
    TimeRef,
)
from diplodata.ontology import codes_for_meeting, codes_for_statement

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_FACTS = ROOT.parent / "shared" / "datasets-facts" / "libya-2019.jsonl"
OUT = ROOT / "src" / "diplodata" / "datasets"

# Actors in the facts that are not people. Everything else named there is a person.
ACTOR_KINDS = {
    "French Ministry for Europe and Foreign Affairs": "government",
    "Spokesperson of the French Foreign Ministry": "government",
    "GNA delegation to the 5+5 Joint Military Commission": "government",
    "LNA delegation to the 5+5 Joint Military Commission": "armed_group",
    "Government of National Accord": "government",
    "Presidential Council of the Government of National Accord": "government",
    "Libyan National Army": "armed_group",
    "The White House": "government",
}

# The body a casualty record credits ("source" in the facts) -> the reporting actor.
# None: the source names no single body (not named, or several bodies jointly).
REPORTERS: dict[str, dict[str, Any] | None] = {
    "World Health Organization": {"name": "World Health Organization", "kind": "igo"},
    "UN Office for the Coordination of Humanitarian Affairs": {
        "name": "UN Office for the Coordination of Humanitarian Affairs",
        "kind": "igo",
    },
    "International Organization for Migration (Displacement Tracking Matrix)": {
        "name": "International Organization for Migration",
        "kind": "igo",
    },
    "United Nations Support Mission in Libya (UNSMIL)": {
        "name": "United Nations Support Mission in Libya",
        "kind": "igo",
    },
    "UN Refugee Agency (UNHCR)": {"name": "UN Refugee Agency", "kind": "igo"},
    "GNA (UN-backed Libyan government)": {
        "name": "Government of National Accord",
        "kind": "government",
        "country": "LBY",
    },
    "GNA Health Ministry": {"name": "GNA Health Ministry", "kind": "government", "country": "LBY"},
    "GNA Health Ministry spokesman Amin al-Hashemi": {
        "name": "Amin al-Hashemi",
        "kind": "person",
        "country": "LBY",
        "role": "Spokesman of the GNA Health Ministry",
    },
    "Murzuq municipal council": {
        "name": "Murzuq municipal council",
        "kind": "government",
        "country": "LBY",
    },
    "Murzuq municipal council member Mohamed Omar": {
        "name": "Mohamed Omar",
        "kind": "person",
        "country": "LBY",
        "role": "Member of the Murzuq municipal council",
    },
    "UN Secretary-General report to the Security Council": {
        "name": "António Guterres",
        "kind": "person",
        "role": "Secretary-General of the United Nations",
    },
    "DG ECHO, WHO, OCHA, UNHCR": None,
    "not named (Adnkronos)": None,
    "not named (UN humanitarian update cited by Agenzia Nova)": None,
    "not named (La Voce di New York)": None,
    "not named in the update (ReliefWeb-hosted report)": None,
}

# The facts use "other" for statements outside their list; the contract calls that "comment".
ACTS = {"other": "comment"}


def actor(fact: dict[str, Any]) -> Actor:
    name = fact["name"]
    return Actor(
        id=slug(name),
        name=name,
        kind=ACTOR_KINDS.get(name, "person"),
        country=fact.get("country"),
        role=fact.get("role"),
    )


def reporter(source: str | None) -> Actor | None:
    if source is None:
        return None
    if source not in REPORTERS:
        raise SystemExit(f"unknown casualty source {source!r}: add it to REPORTERS")
    fields = REPORTERS[source]
    return None if fields is None else Actor(id=slug(fields["name"]), **fields)


def place(text: str | None) -> Place | None:
    """``"Cairo, Egypt"`` -> Place("Cairo", EGY); ``"Libya (nationwide IDPs)"`` -> country LBY."""
    if text is None:
        return None
    head, _, tail = text.rpartition(", ")
    if head and (code := lookup(tail)) is not None:
        return Place(name=head, country=code)
    code = lookup(text.split(" (")[0])
    if code is None:
        raise SystemExit(f"cannot tell the country of location {text!r}")
    return Place(name=text, country=code)


def when(fact: dict[str, Any], *, future: bool = False) -> TimeRef:
    """The date range a fact's ``date`` and ``date_precision`` denote.

    day: that day. month: the whole month (the facts set ``date`` to the 1st).
    week: the date the source supports, give or take three days — but a reported
    event cannot have happened after the page reporting it was published, so the
    range stops at the publication date unless the event lies in the future (a
    planned meeting).
    """
    day = dt.date.fromisoformat(fact["date"])
    reported = dt.date.fromisoformat(fact["reported"]) if fact.get("reported") else None
    precision = fact["date_precision"]
    if precision == "day":
        first = last = day
    elif precision == "month":
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision == "week":
        first, last = day - dt.timedelta(days=3), day + dt.timedelta(days=3)
        if reported is not None and not future and day <= reported < last:
            last = reported
    else:
        raise SystemExit(f"{fact['id']}: unknown date_precision {precision!r}")
    return TimeRef(earliest=first, latest=last, precision=precision, anchor=reported)


def source(fact: dict[str, Any]) -> SourceRef:
    reported = fact.get("reported")
    return SourceRef(
        url=fact["url"],
        outlet=fact.get("outlet"),
        published=dt.date.fromisoformat(reported) if reported else None,
    )


def convert(fact: dict[str, Any]) -> dd.Event:
    common: dict[str, Any] = {"id": fact["id"], "source": source(fact), "confidence": 1.0}
    kind = fact["kind"]
    if kind == "meeting":
        return Meeting(
            **common,
            when=when(fact, future=fact["status"] == "planned"),
            location=place(fact.get("location")),
            participants=[actor(p) for p in fact["participants"]],
            status=fact["status"],
            modality=fact["modality"],
            topics=fact.get("topics") or [],
            codes=codes_for_meeting(fact["status"], fact["modality"]),
        )
    if kind == "statement":
        act = ACTS.get(fact["act"], fact["act"])
        return Statement(
            **common,
            when=when(fact),
            location=place(fact.get("location")),
            speaker=actor(fact["speaker"]),
            act=act,
            direct_quote=fact["direct_quote"],
            content=fact["summary"],
            codes=codes_for_statement(act),
        )
    if kind == "casualty":
        if fact.get("low") is not None or fact.get("high") is not None:
            raise SystemExit(f"{fact['id']}: the facts gave a range; extend convert() to keep it")
        return CasualtyFigure(
            **common,
            when=when(fact),
            location=place(fact.get("location")),
            attribution=fact.get("source"),
            figure=fact["figure"],
            count=Count.from_qualifier(fact["value"], fact["qualifier"]),
            population=fact.get("population"),
            reported_by=reporter(fact.get("source")),
            cumulative=fact.get("period_start") is not None,
        )
    raise SystemExit(f"{fact['id']}: unknown kind {kind!r}")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def stats(events: dd.EventSet, facts: list[dict[str, Any]]) -> str:
    df = events.to_frame()
    kinds = events.counts()
    first, last = events.date_range() or (None, None)
    precision = df["when_precision"].value_counts().loc[lambda s: s > 0].to_dict()
    lines = [
        "",
        "# Computed by datasets/libya_2019/build.py from the events; do not edit by hand.",
        "[stats]",
        f"events = {len(events)}",
        f"first_date = {toml_value(first)}",
        f"last_date = {toml_value(last)}",
        f"distinct_urls = {df['source_url'].nunique()}",
        f"facts_read = {len(facts)}",
        "kinds = { " + ", ".join(f"{k} = {n}" for k, n in kinds.items()) + " }",
        "date_precision = { " + ", ".join(f"{k} = {n}" for k, n in precision.items()) + " }",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("facts", nargs="?", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv[1:])
    facts_path, out = args.facts, args.out
    facts = [
        json.loads(line) for line in facts_path.read_text("utf-8").splitlines() if line.strip()
    ]
    cited = [f for f in facts if f.get("url")]
    events = dd.EventSet(convert(f) for f in cited)
    counts = Counter(e.kind for e in events)
    out.mkdir(parents=True, exist_ok=True)
    dd.write_events(events, out / "libya_2019.jsonl")
    card = (HERE / "card.toml").read_text("utf-8").rstrip("\n") + "\n" + stats(events, facts)
    (out / "libya_2019.card.toml").write_text(card, "utf-8")
    print(
        f"read {len(facts)} facts ({len(facts) - len(cited)} without a URL, left out); "
        f"wrote {len(events)} events: {dict(counts)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
