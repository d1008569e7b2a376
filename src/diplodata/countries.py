"""ISO 3166-1 country table: codes, names, aliases and demonyms.

The table ships as package data (``diplodata/data/countries.csv``) and holds
one row for each of the 249 officially assigned ISO 3166-1 codes. User-assigned
codes such as ``XKX`` (Kosovo) are deliberately absent: the table exists to
validate real ISO codes.

Every name, alias and demonym maps to exactly one country (compared
case-insensitively, with dots removed). Where a word is shared by two
countries, the table settles it as follows:

- "Congolese" is on ``COD`` (Democratic Republic of the Congo) only; ``COG``
  (Republic of the Congo) has no demonym. The bare name "Congo" is an alias of
  ``COG``, following the ISO 3166-1 short name, although news text often means
  the DRC by it.
- "Dominican" is on ``DOM`` (Dominican Republic) only; ``DMA`` (Dominica) has
  no demonym.
- "Korea" and "Korean" are on neither ``KOR`` nor ``PRK``.
- "Nigerien" is ``NER`` (Niger) and "Nigerian" is ``NGA`` (Nigeria).
- "Guinean" is ``GIN``; "Equatorial Guinean" is ``GNQ``; "Bissau-Guinean" is
  ``GNB``; "Papua New Guinean" is ``PNG``.

Importing this module is cheap: the CSV is read on first use and cached.

Examples
--------
>>> from diplodata.countries import country, lookup
>>> lookup("Libyans")
'LBY'
>>> country("LBY").name
'Libya'
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = [
    "Country",
    "countries",
    "country",
    "demonym_of",
    "is_iso3",
    "iso3_codes",
    "lookup",
]

_APOSTROPHES = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark
        "\u2018": "'",  # left single quotation mark
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent
        "`": "'",
    }
)


@dataclass(frozen=True, slots=True)
class Country:
    """One ISO 3166-1 country or territory.

    Attributes
    ----------
    alpha3 : str
        ISO 3166-1 alpha-3 code, upper case (``"LBY"``).
    alpha2 : str
        ISO 3166-1 alpha-2 code, upper case (``"LY"``).
    name : str
        Common English short name, as used in news text (``"Libya"``).
    aliases : tuple of str
        Other names of the country: official long names, abbreviations,
        former names and ASCII spellings of accented names.
    demonyms : tuple of str
        Adjective or demonym forms (``"Libyan"``); may be empty where no
        English demonym exists (e.g. uninhabited territories).

    Examples
    --------
    >>> from diplodata.countries import country
    >>> fra = country("FRA")
    >>> (fra.alpha2, fra.name, fra.demonyms)
    ('FR', 'France', ('French',))
    """

    alpha3: str
    alpha2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


def _split(field: str) -> tuple[str, ...]:
    """Split a pipe-separated CSV field into a tuple of non-empty strings."""
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _normalise(text: str) -> str:
    """Normalise a name for table look-up.

    Applies Unicode NFC, maps curly apostrophes to ``'``, removes dots,
    collapses whitespace, lower-cases and drops a leading ``"the "``.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = " ".join(text.replace(".", "").split()).casefold()
    if text.startswith("the "):
        text = text[4:].lstrip()
    return text


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Return the full country table.

    Returns
    -------
    tuple of Country
        All 249 ISO 3166-1 entries, in file order (sorted by alpha-3 code).
        The result is read once and cached.

    Examples
    --------
    >>> from diplodata.countries import countries
    >>> table = countries()
    >>> len(table)
    249
    >>> table[0].alpha3
    'ABW'
    """
    resource = files("diplodata") / "data" / "countries.csv"
    lines = resource.read_text(encoding="utf-8").splitlines()
    return tuple(
        Country(
            alpha3=row["alpha3"].strip(),
            alpha2=row["alpha2"].strip(),
            name=row["name"].strip(),
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
        )
        for row in csv.DictReader(lines)
    )


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Return the set of ISO 3166-1 alpha-3 codes.

    Returns
    -------
    frozenset of str
        The 249 upper-case alpha-3 codes (cached).

    Examples
    --------
    >>> from diplodata.countries import iso3_codes
    >>> "PSE" in iso3_codes(), "XKX" in iso3_codes()
    (True, False)
    """
    return frozenset(c.alpha3 for c in countries())


@lru_cache(maxsize=1)
def _by_alpha3() -> dict[str, Country]:
    """Index the table by alpha-3 code."""
    return {c.alpha3: c for c in countries()}


@lru_cache(maxsize=1)
def _by_alpha2() -> dict[str, Country]:
    """Index the table by alpha-2 code."""
    return {c.alpha2: c for c in countries()}


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """Build the look-up indexes.

    Returns
    -------
    tuple of (dict, dict)
        A map from every normalised code, name, alias and demonym to its
        alpha-3 code, and a map from normalised demonyms only (used for
        plural stripping).

    Raises
    ------
    ValueError
        If one normalised string would map to two different countries.
    """
    everything: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for c in countries():
        for text in (c.alpha3, c.alpha2, c.name, *c.aliases, *c.demonyms):
            key = _normalise(text)
            previous = everything.setdefault(key, c.alpha3)
            if previous != c.alpha3:
                msg = f"{text!r} maps to both {previous} and {c.alpha3}"
                raise ValueError(msg)
        for text in c.demonyms:
            demonyms[_normalise(text)] = c.alpha3
    return everything, demonyms


def is_iso3(code: str) -> bool:
    """Tell whether `code` is an officially assigned ISO 3166-1 alpha-3 code.

    Parameters
    ----------
    code : str
        Candidate code. Only an exact upper-case match counts.

    Returns
    -------
    bool
        True for assigned codes such as ``"LBY"``; False for lower case,
        alpha-2 codes and user-assigned codes such as ``"XKX"``.

    Examples
    --------
    >>> from diplodata.countries import is_iso3
    >>> is_iso3("LBY"), is_iso3("lby"), is_iso3("XKX")
    (True, False, False)
    """
    return code in iso3_codes()


def country(code: str) -> Country:
    """Return the country with alpha-3 code `code`.

    Parameters
    ----------
    code : str
        Upper-case ISO 3166-1 alpha-3 code.

    Returns
    -------
    Country
        The matching table row.

    Raises
    ------
    KeyError
        If `code` is not an assigned alpha-3 code. The message suggests the
        right code when `code` differs only by case or is an alpha-2 code.

    Examples
    --------
    >>> from diplodata.countries import country
    >>> country("PSE").name
    'Palestine'
    >>> try:
    ...     country("LY")
    ... except KeyError as err:
    ...     print(err.args[0])
    unknown ISO 3166-1 alpha-3 code 'LY'; 'LY' is an alpha-2 code, did you mean 'LBY'?
    """
    found = _by_alpha3().get(code)
    if found is not None:
        return found
    msg = f"unknown ISO 3166-1 alpha-3 code {code!r}"
    upper = code.strip().upper()
    if upper in _by_alpha3():
        msg += f"; did you mean {upper!r}?"
    elif upper in _by_alpha2():
        msg += f"; {code!r} is an alpha-2 code, did you mean {_by_alpha2()[upper].alpha3!r}?"
    raise KeyError(msg)


def lookup(text: str) -> str | None:
    """Return the alpha-3 code for a country name, alias, demonym or code.

    This is a table look-up for a name that has already been isolated
    (e.g. an entity extracted from an article), not a search in free text:
    ``lookup("us")`` returns ``'USA'`` because the match is case-insensitive.

    Parameters
    ----------
    text : str
        A country name (``"Libya"``), alias (``"U.S."``), demonym
        (``"Libyan"``, or its plural ``"Libyans"``), alpha-2 or alpha-3 code.
        Matching ignores case, surrounding whitespace, a leading ``"the "``
        and dots, and treats curly apostrophes as ``'``.

    Returns
    -------
    str or None
        The upper-case alpha-3 code, or None if `text` is not in the table.

    Examples
    --------
    >>> from diplodata.countries import lookup
    >>> lookup("the Netherlands"), lookup("U.S."), lookup("Egyptians")
    ('NLD', 'USA', 'EGY')
    >>> lookup("Côte d’Ivoire")
    'CIV'
    >>> lookup("Atlantis") is None
    True
    """
    key = _normalise(text)
    if not key:
        return None
    everything, demonyms = _index()
    found = everything.get(key)
    if found is None and key.endswith("s"):
        found = demonyms.get(key[:-1])
    return found


def demonym_of(code: str) -> str | None:
    """Return the first (preferred) demonym of a country.

    Parameters
    ----------
    code : str
        Upper-case ISO 3166-1 alpha-3 code.

    Returns
    -------
    str or None
        The demonym, or None where the table has none (e.g. ``"ATA"``).

    Raises
    ------
    KeyError
        If `code` is not an assigned alpha-3 code.

    Examples
    --------
    >>> from diplodata.countries import demonym_of
    >>> demonym_of("ARE"), demonym_of("ATA")
    ('Emirati', None)
    """
    demonyms = country(code).demonyms
    return demonyms[0] if demonyms else None
