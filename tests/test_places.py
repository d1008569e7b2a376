"""The places table (``data/places.csv``) and ``find_places``."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from diplodata.countries import is_iso3
from diplodata.extract.places import _key, find_places, lookup_place, places


def _rows() -> list[dict[str, str]]:
    text = (resources.files("diplodata") / "data" / "places.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_columns() -> None:
    rows = _rows()
    assert rows and list(rows[0]) == ["name", "country", "aliases"]
    assert all(r["name"].strip() == r["name"] and r["name"] for r in rows)


def test_every_country_code_is_iso3() -> None:
    bad = [(r["name"], r["country"]) for r in _rows() if not is_iso3(r["country"])]
    assert bad == []


def test_no_name_or_alias_on_two_places() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for place, aliases in places():
        for name in {_key(n) for n in (place.name, *aliases)}:
            if name in seen:
                clashes.append((name, seen[name], place.name))
            seen[name] = place.name
    assert clashes == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rome", ("Rome", "ITA")),
        ("Tripoli", ("Tripoli", "LBY")),
        ("Élysée Palace", ("Elysee Palace", "FRA")),
        ("the Elysee", ("Elysee Palace", "FRA")),
        ("Palazzo Chigi", ("Palazzo Chigi", "ITA")),
        ("the Kremlin", ("Kremlin", "RUS")),
        ("White House", ("White House", "USA")),
        ("UN headquarters", ("UN headquarters", "USA")),
        ("al-Rajma", ("al-Rajma", "LBY")),
        ("Misurata", ("Misrata", "LBY")),
        ("Libya", ("Libya", "LBY")),
        ("Germany", ("Germany", "DEU")),
    ],
)
def test_lookup(name: str, expected: tuple[str, str]) -> None:
    place = lookup_place(name)
    assert place is not None and (place.name, place.country) == expected


@pytest.mark.parametrize("name", ["Atlantis", "", "Libyan", "French", "the"])
def test_lookup_misses(name: str) -> None:
    assert lookup_place(name) is None


def test_find_places() -> None:
    text = "Conte received Haftar at Palazzo Chigi in Rome, then flew to al-Rajma and New York."
    got = [(p.text, p.place.name, p.place.country) for p in find_places(text)]
    assert got == [
        ("Palazzo Chigi", "Palazzo Chigi", "ITA"),
        ("Rome", "Rome", "ITA"),
        ("al-Rajma", "al-Rajma", "LBY"),
        ("New York", "New York", "USA"),
    ]
    for p in find_places(text):
        assert text[p.start : p.end] == p.text


def test_find_places_needs_a_capital_letter() -> None:
    assert find_places("the rome of it, a nice paris") == []


@pytest.mark.parametrize("text", ["", "\x00", "al-", "al-rajma", "New", "St. ", "A" * 10000])
def test_find_places_odd_text(text: str) -> None:
    assert isinstance(find_places(text), list)
