"""Checks on the actor gazetteer shipped as package data (actors.csv, roles.csv).

The rules tested here are written down in ``src/diplodata/data/GAZETTEER.md``.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from diplodata.countries import is_iso3, lookup
from diplodata.extract.gazetteer import slug

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src/diplodata/data"
FACTS = REPO.parent / "shared/datasets-facts/libya-2019.jsonl"
BUNDLED = REPO / "src/diplodata/datasets/libya_2019.jsonl"

ACTOR_COLUMNS = ["id", "name", "kind", "country", "aliases"]
ROLE_COLUMNS = ["actor_id", "role", "country", "start_year", "end_year"]
KINDS = {"person", "government", "organization", "armed_group", "state", "igo"}
MIN_YEAR, MAX_YEAR = 1950, 2026

# Aliases that are also a key of the country table, kept on purpose (see GAZETTEER.md):
# "AU" is Australia's alpha-2 code, but news text uses it for the African Union.
COUNTRY_TABLE_EXCEPTIONS = {"au"}

# Words that name an office or a kind of body rather than an actor; never an alias.
GENERIC = {
    "president",
    "the president",
    "prime minister",
    "the prime minister",
    "minister",
    "the minister",
    "foreign minister",
    "the foreign minister",
    "government",
    "the government",
    "army",
    "the army",
    "king",
    "emir",
    "parliament",
    "the parliament",
    "presidential council",
    "rebels",
    "militia",
    "is",
}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@cache
def _actors() -> list[dict[str, str]]:
    return _read("actors.csv")[1]


@cache
def _roles() -> list[dict[str, str]]:
    return _read("roles.csv")[1]


def _aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


def _slug(name: str) -> str:
    # The library's own rule (accents folded, dotless i and the like spelled out).
    return slug(name)


def _key(text: str) -> str:
    """Look-up key: case-insensitive, dots removed, accents folded, no leading "the"."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.replace(".", "").split()).casefold()
    return text[4:] if text.startswith("the ") else text


@cache
def _index() -> dict[str, set[str]]:
    """Every name and alias key -> the ids of the actors that carry it."""
    index: dict[str, set[str]] = defaultdict(set)
    for row in _actors():
        for text in [row["name"], *_aliases(row)]:
            index[_key(text)].add(row["id"])
    return dict(index)


def _resolve(text: str) -> str | None:
    ids = _index().get(_key(text), set())
    return next(iter(ids)) if len(ids) == 1 else None


def _by_name() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in _actors()}


# ------------------------------------------------------------------ actors.csv


def test_headers() -> None:
    assert _read("actors.csv")[0] == ACTOR_COLUMNS
    assert _read("roles.csv")[0] == ROLE_COLUMNS


def test_actor_count() -> None:
    assert len(_actors()) >= 400


def test_ids_unique_and_slug_of_name() -> None:
    ids = [row["id"] for row in _actors()]
    assert len(ids) == len(set(ids))
    for row in _actors():
        assert row["id"] == _slug(row["name"]), row["name"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]


def test_names_unique() -> None:
    keys = [_key(row["name"]) for row in _actors()]
    assert len(keys) == len(set(keys))


def test_no_stray_whitespace() -> None:
    for row in _actors():
        for text in [row["name"], *_aliases(row)]:
            assert text and text == text.strip() and "  " not in text, (row["id"], text)


def test_kinds_valid() -> None:
    assert {row["kind"] for row in _actors()} <= KINDS


def test_actor_countries_valid() -> None:
    for row in _actors():
        assert row["country"] == "" or is_iso3(row["country"]), (row["id"], row["country"])


def test_igos_have_no_country() -> None:
    for row in _actors():
        if row["kind"] == "igo":
            assert row["country"] == "", row["id"]


def test_no_alias_maps_to_two_actors() -> None:
    shared = {key: ids for key, ids in _index().items() if len(ids) > 1}
    assert shared == {}


def test_no_alias_is_another_actors_name() -> None:
    names = {_key(row["name"]): row["id"] for row in _actors()}
    for row in _actors():
        for alias in _aliases(row):
            owner = names.get(_key(alias), row["id"])
            assert owner == row["id"], (row["id"], alias, owner)


def test_aliases_not_repeated_within_a_row() -> None:
    for row in _actors():
        aliases = _aliases(row)
        assert len(aliases) == len(set(aliases)), row["id"]
        assert row["name"] not in aliases, row["id"]


def test_no_generic_aliases() -> None:
    for row in _actors():
        for alias in _aliases(row):
            assert alias.casefold() not in GENERIC, (row["id"], alias)


def test_names_and_aliases_are_not_countries() -> None:
    for row in _actors():
        for text in [row["name"], *_aliases(row)]:
            if _key(text) in COUNTRY_TABLE_EXCEPTIONS:
                continue
            assert lookup(text) is None, (row["id"], text, lookup(text))


@pytest.mark.parametrize(
    ("alias", "actor_id"),
    [
        ("Serraj", "fayez-al-sarraj"),
        ("Sarraj", "fayez-al-sarraj"),
        ("al-Serraj", "fayez-al-sarraj"),
        ("Haftar", "khalifa-haftar"),
        ("Hifter", "khalifa-haftar"),
        ("Dbeibah", "abdul-hamid-dbeibah"),
        ("Dbeibeh", "abdul-hamid-dbeibah"),
        ("Dabaiba", "abdul-hamid-dbeibah"),
        ("Salame", "ghassan-salame"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Sisi", "abdel-fattah-el-sisi"),
        ("Guterres", "antonio-guterres"),
        ("WHO", "world-health-organization"),
        ("OCHA", "un-office-for-the-coordination-of-humanitarian-affairs"),
        ("UNHCR", "un-refugee-agency"),
        ("IOM", "international-organization-for-migration"),
        ("UNSMIL", "united-nations-support-mission-in-libya"),
        ("ICRC", "international-committee-of-the-red-cross"),
        ("MSF", "medecins-sans-frontieres"),
        ("AU", "african-union"),
        ("EU", "european-union"),
        ("NATO", "north-atlantic-treaty-organization"),
        ("LNA", "libyan-national-army"),
        ("GNA", "government-of-national-accord"),
        ("RSF", "rapid-support-forces"),
        ("SAF", "sudanese-armed-forces"),
        ("UN", "united-nations"),
        ("U.N.", "united-nations"),
        ("UNSC", "united-nations-security-council"),
        ("Houthis", "ansar-allah"),
        ("the Houthis", "ansar-allah"),
    ],
)
def test_required_aliases(alias: str, actor_id: str) -> None:
    assert _resolve(alias) == actor_id


# Ambiguous or generic strings that GAZETTEER.md lists as dropped: on no actor at all.
DROPPED = [
    "Abdullah",
    "King Abdullah",
    "Gaddafi",
    "Qaddafi",
    "Kadhafi",
    "Aoun",
    "Salam",
    "Barzani",
    "Khasawneh",
    "Ghannouchi",
    "Fassi",
    "Mansour",
    "Saleh",
    "Bashir",
    "al-Bashir",
    "Maliki",
    "al-Maliki",
    "Jaafari",
    "Jibril",
    "Haqqani",
    "Mohammed Omar",
    "Déby",
    "Maïga",
    "Traoré",
    "Fernández",
    "Lee",
    "Park",
    "Cho",
    "Li",
    "Sheikh Hamad",
    "Sheikh Mohammed",
    "Sheikh Sabah",
    "Sheikh Khalifa",
    "Al Thani",
    "Al Sabah",
    "Presidential Council",
    "IS",
    "Amnesty",
    "Rada",
    "ECHO",
    "PLC",
    "AFC",
    "JMC",
    "Joint Military Commission",
    "Foreign Office",
]


@pytest.mark.parametrize("text", DROPPED)
def test_dropped_ambiguities_stay_dropped(text: str) -> None:
    assert _key(text) not in _index()


def test_wagner_is_the_group() -> None:
    assert _resolve("Wagner") == "wagner-group"


# ------------------------------------------------------------------ roles.csv


def test_role_actors_exist() -> None:
    ids = {row["id"] for row in _actors()}
    for row in _roles():
        assert row["actor_id"] in ids, row


def test_roles_well_formed() -> None:
    seen = set()
    for row in _roles():
        assert row["role"].strip() == row["role"] and row["role"], row
        assert row["country"] == "" or is_iso3(row["country"]), row
        given = [row[col] for col in ("start_year", "end_year") if row[col] != ""]
        assert all(re.fullmatch(r"\d{4}", text) for text in given), row
        years = [int(text) for text in given]
        assert all(MIN_YEAR <= year <= MAX_YEAR for year in years), row
        if len(years) == 2:
            assert years[0] <= years[1], row
        key = tuple(row.values())
        assert key not in seen, row
        seen.add(key)


def test_person_country_follows_latest_role() -> None:
    """A person's country is the country of their latest dated role (GAZETTEER.md)."""
    roles: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _roles():
        roles[row["actor_id"]].append(row)
    for actor in _actors():
        dated = [r for r in roles.get(actor["id"], []) if r["start_year"]]
        if actor["kind"] != "person" or not dated:
            continue
        latest = max(int(r["start_year"]) for r in dated)
        countries = {r["country"] for r in dated if int(r["start_year"]) == latest}
        assert actor["country"] in countries, (actor["id"], actor["country"], countries)


# ------------------------------------------------------------------ the libya-2019 facts

# Bodies and people named in the facts' free-text casualty `source` field: for each
# distinct value, the names it contains ("name": must be a canonical name; "alias": a
# short form that must resolve to exactly one actor).
SOURCE_NAMES: dict[str, list[tuple[str, str]]] = {
    "World Health Organization": [("name", "World Health Organization")],
    "UN Office for the Coordination of Humanitarian Affairs": [
        ("name", "UN Office for the Coordination of Humanitarian Affairs")
    ],
    "International Organization for Migration (Displacement Tracking Matrix)": [
        ("name", "International Organization for Migration"),
        ("alias", "Displacement Tracking Matrix"),
    ],
    "United Nations Support Mission in Libya (UNSMIL)": [
        ("name", "United Nations Support Mission in Libya"),
        ("alias", "UNSMIL"),
    ],
    "UN Refugee Agency (UNHCR)": [("name", "UN Refugee Agency"), ("alias", "UNHCR")],
    "GNA (UN-backed Libyan government)": [("alias", "GNA")],
    "DG ECHO, WHO, OCHA, UNHCR": [
        ("alias", "DG ECHO"),
        ("alias", "WHO"),
        ("alias", "OCHA"),
        ("alias", "UNHCR"),
    ],
    "GNA Health Ministry": [("name", "GNA Health Ministry")],
    "GNA Health Ministry spokesman Amin al-Hashemi": [
        ("name", "GNA Health Ministry"),
        ("name", "Amin al-Hashemi"),
    ],
    "Murzuq municipal council": [("name", "Murzuq municipal council")],
    "Murzuq municipal council member Mohamed Omar": [
        ("name", "Murzuq municipal council"),
        ("name", "Mohamed Omar"),
    ],
    "UN Secretary-General report to the Security Council": [("alias", "Security Council")],
}


@cache
def _facts() -> list[dict[str, Any]]:
    if not FACTS.is_file():
        pytest.skip(f"facts file not found at {FACTS} (it lives in the shared/ folder)")
    with FACTS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _fact_actors() -> Iterator[dict[str, Any]]:
    for record in _facts():
        if record.get("speaker"):
            yield record["speaker"]
        yield from record.get("participants") or []


def test_facts_people_and_bodies_are_actors() -> None:
    by_name = _by_name()
    missing = sorted({a["name"] for a in _fact_actors()} - by_name.keys())
    assert missing == []


def test_facts_organisations_resolve() -> None:
    orgs = {a["organization"] for a in _fact_actors() if a.get("organization")}
    assert orgs, "no organization values found in the facts file"
    unresolved = sorted(org for org in orgs if _resolve(org) is None)
    assert unresolved == []


def test_facts_sources_are_actors() -> None:
    by_name = _by_name()
    sources = {r["source"] for r in _facts() if r.get("kind") == "casualty" and r.get("source")}
    named = {s for s in sources if not s.startswith("not named")}
    assert named <= SOURCE_NAMES.keys(), sorted(named - SOURCE_NAMES.keys())
    for source in named:
        for how, text in SOURCE_NAMES[source]:
            assert text in source, (source, text)
            if how == "name":
                assert text in by_name, (source, text)
            else:
                assert _resolve(text) is not None, (source, text)


def test_facts_countries_match_for_libyans_and_un_officials() -> None:
    """Libyan actors are LBY and actors acting for the UN system have no country."""
    by_name = _by_name()
    for actor in _fact_actors():
        if actor.get("country") == "LBY" or actor.get("country") is None:
            assert by_name[actor["name"]]["country"] == (actor.get("country") or ""), actor


# ------------------------------------------------------------------ the bundled dataset


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"id", "name", "kind"} <= value.keys():
            yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_bundled_dataset_actors_are_in_the_gazetteer() -> None:
    actors = {row["id"]: row for row in _actors()}
    found = 0
    with BUNDLED.open(encoding="utf-8") as f:
        for line in f:
            for actor in _walk(json.loads(line)):
                if actor["id"] is None:
                    continue
                found += 1
                row = actors.get(actor["id"])
                assert row is not None, actor
                assert (row["name"], row["kind"]) == (actor["name"], actor["kind"]), actor
    assert found > 0
