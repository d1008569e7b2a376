from __future__ import annotations

import subprocess
import sys

import pycountry
import pytest

from diplodata.countries import (
    Country,
    countries,
    country,
    demonym_of,
    is_iso3,
    iso3_codes,
    lookup,
)


def _key(text: str) -> str:
    return text.replace(".", "").strip().casefold()


def test_row_count() -> None:
    assert len(countries()) == 249


def test_codes_unique_and_sorted() -> None:
    alpha3 = [c.alpha3 for c in countries()]
    alpha2 = [c.alpha2 for c in countries()]
    assert len(set(alpha3)) == len(alpha3)
    assert len(set(alpha2)) == len(alpha2)
    assert alpha3 == sorted(alpha3)


def test_code_shapes() -> None:
    for c in countries():
        assert len(c.alpha3) == 3 and c.alpha3.isascii() and c.alpha3.isupper()
        assert len(c.alpha2) == 2 and c.alpha2.isascii() and c.alpha2.isupper()


def test_every_row_has_a_name() -> None:
    for c in countries():
        assert c.name.strip(), c.alpha3
        assert all(a.strip() for a in c.aliases), c.alpha3
        assert all(d.strip() for d in c.demonyms), c.alpha3


def test_matches_pycountry() -> None:
    expected = {c.alpha_3 for c in pycountry.countries}
    assert {c.alpha3 for c in countries()} == expected
    for c in countries():
        official = pycountry.countries.get(alpha_3=c.alpha3)
        assert official is not None
        assert c.alpha2 == official.alpha_2, c.alpha3


def test_no_user_assigned_codes() -> None:
    assert "XKX" not in iso3_codes()
    assert lookup("XKX") is None


def test_no_string_maps_to_two_codes() -> None:
    owner: dict[str, str] = {}
    for c in countries():
        for text in (c.alpha3, c.alpha2, c.name, *c.aliases, *c.demonyms):
            key = _key(text)
            assert owner.setdefault(key, c.alpha3) == c.alpha3, (
                f"{text!r} on both {owner[key]} and {c.alpha3}"
            )


def test_every_string_resolves_to_its_own_row() -> None:
    for c in countries():
        for text in (c.alpha3, c.alpha2, c.name, *c.aliases, *c.demonyms):
            assert lookup(text) == c.alpha3, text


def test_most_rows_have_demonyms() -> None:
    missing = {c.alpha3 for c in countries() if not c.demonyms}
    # Uninhabited or population-less territories, and two deliberate
    # ambiguity resolutions ("Congolese" -> COD, "Dominican" -> DOM).
    assert missing <= {"ATA", "ATF", "BES", "BVT", "HMD", "SGS", "SJM", "UMI", "COG", "DMA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French", "FRA"),
        ("Libyan", "LBY"),
        ("Libyans", "LBY"),
        ("Egyptians", "EGY"),
        ("the Netherlands", "NLD"),
        ("The Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Nigerians", "NGA"),
        ("Congolese", "COD"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Dominican", "DOM"),
        ("Guinean", "GIN"),
        ("Equatorial Guinean", "GNQ"),
        ("Bissau-Guinean", "GNB"),
        ("Palestinian", "PSE"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
        ("South Sudan", "SSD"),
        ("Sao Tome and Principe", "STP"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
        ("Czechia", "CZE"),
        ("Holy See", "VAT"),
        ("fra", "FRA"),
        ("ly", "LBY"),
        ("  Libya  ", "LBY"),
        ("Atlantis", None),
        ("", None),
        ("   ", None),
        ("the", None),
        ("Gaza", None),
        ("Kosovo", None),
    ],
)
def test_lookup(text: str, expected: str | None) -> None:
    assert lookup(text) == expected


def test_plural_stripping_only_for_demonyms() -> None:
    # "Frances" must not resolve via the name "France".
    assert lookup("Frances") is None
    assert lookup("Swiss") == "CHE"


def test_is_iso3() -> None:
    assert is_iso3("LBY")
    assert not is_iso3("lby")
    assert not is_iso3("XKX")
    assert not is_iso3("LY")
    assert not is_iso3("")


def test_country() -> None:
    libya = country("LBY")
    assert isinstance(libya, Country)
    assert libya == Country("LBY", "LY", "Libya", libya.aliases, ("Libyan",))


def test_country_unknown_names_code() -> None:
    with pytest.raises(KeyError, match="XXX"):
        country("XXX")


def test_country_alpha2_suggests_alpha3() -> None:
    with pytest.raises(KeyError, match="LBY"):
        country("LY")


def test_country_lowercase_suggests_uppercase() -> None:
    with pytest.raises(KeyError, match="LBY"):
        country("lby")


def test_demonym_of() -> None:
    assert demonym_of("LBY") == "Libyan"
    assert demonym_of("FRA") == "French"
    assert demonym_of("ATA") is None
    with pytest.raises(KeyError):
        demonym_of("XXX")


def test_import_does_not_load_pandas() -> None:
    code = "import diplodata.countries, sys; assert 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
