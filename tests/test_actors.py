"""Actors: the gazetteer, title patterns, and mentions resolved within an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplodata as dd
from diplodata.extract.actors import find_actors
from diplodata.extract.gazetteer import Gazetteer, fold, slug
from diplodata.extract.text import Text


def mentions(text: str, year: int | None = 2019) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.actor.name, m.how) for m in find_actors(Text(text), year=year)]


def test_the_bundled_gazetteer_is_large() -> None:
    assert len(Gazetteer.default()) >= 400


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Serraj", "Fayez al-Sarraj"),
        ("Sarraj", "Fayez al-Sarraj"),
        ("al-Serraj", "Fayez al-Sarraj"),
        ("Haftar", "Khalifa Haftar"),
        ("Hifter", "Khalifa Haftar"),
        ("Dbeibah", "Abdul Hamid Dbeibah"),
        ("Dbeibeh", "Abdul Hamid Dbeibah"),
        ("Dabaiba", "Abdul Hamid Dbeibah"),
        ("Salame", "Ghassan Salamé"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("WHO", "World Health Organization"),
        ("LNA", "Libyan National Army"),
        ("RSF", "Rapid Support Forces"),
    ],
)
def test_aliases_and_transliterations(alias: str, name: str) -> None:
    found = Gazetteer.default().find(f"Officials said {alias} spoke on Monday.")
    assert [m.entry.name for m in found] == [name]


def test_acronyms_need_capitals_and_names_a_capital() -> None:
    g = Gazetteer.default()
    assert g.find("people who fled and those who stayed") == []
    assert [m.text for m in g.find("the WHO said")] == ["WHO"]
    assert g.find("a haftar of some sort") == []


def test_longest_alias_wins() -> None:
    found = Gazetteer.default().find("the United Nations Support Mission in Libya said")
    assert [m.entry.name for m in found] == ["United Nations Support Mission in Libya"]


def test_roles_follow_the_year() -> None:
    entry = Gazetteer.default().lookup("Erdogan")
    assert entry is not None
    assert "Prime Minister" in (entry.role_in(2010) or "")
    assert "President" in (entry.role_in(2019) or "")


def test_extend_returns_a_new_gazetteer(tmp_path: Path) -> None:
    base = Gazetteer.default()
    more = base.extend(
        [{"name": "Jane Roe", "kind": "person", "country": "GBR", "aliases": ["Roe"]}]
    )
    assert more.lookup("Roe") is not None and base.lookup("Roe") is None
    csv_file = tmp_path / "extra.csv"
    csv_file.write_text("name,kind,country,aliases\nJohn Doe,person,USA,Doe|J. Doe\n", "utf-8")
    from_csv = base.extend(csv_file)
    entry = from_csv.lookup("J. Doe")
    assert entry is not None and entry.id == "john-doe" and entry.country == "USA"
    events = dd.extract("Doe said 12 people were killed.", gazetteer=from_csv)
    assert events[0].reported_by is not None and events[0].reported_by.name == "John Doe"


def test_fold_and_slug() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


# ---------------------------------------------------------------- title patterns


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        (
            "Slovenian Prime Minister Janko Novak visited Tripoli.",
            "Janko Novak",
            "Prime Minister",
            "SVN",
        ),
        ("Peruvian envoy Rosa Quispe met the delegation.", "Rosa Quispe", "Envoy", "PER"),
        (
            "Ghanaian Foreign Minister Kwame Mensah Boateng said so.",
            "Kwame Mensah Boateng",
            "Foreign Minister",
            "GHA",
        ),
        (
            "The meeting was chaired by Chilean ambassador Ana Rojas.",
            "Ana Rojas",
            "Ambassador",
            "CHL",
        ),
    ],
)
def test_unknown_people_are_recognised_from_their_title(
    text: str, name: str, role: str, country: str
) -> None:
    (m,) = [m for m in find_actors(Text(text)) if m.actor.name == name]
    assert m.how == "title"
    assert m.actor.role == role and m.actor.country == country
    assert m.actor.kind.value == "person"


def test_known_people_keep_the_gazetteer_identity_but_widen_to_the_title() -> None:
    found = mentions("Italian Prime Minister Giuseppe Conte met Haftar.")
    assert found[0] == ("Italian Prime Minister Giuseppe Conte", "Giuseppe Conte", "gazetteer")
    assert found[1] == ("Haftar", "Khalifa Haftar", "gazetteer")
    found = mentions("eastern Libyan commander Khalifa Hifter and U.N. envoy Ghassan Salame")
    assert [(t, n) for t, n, _ in found] == [
        ("eastern Libyan commander Khalifa Hifter", "Khalifa Haftar"),
        ("U.N. envoy Ghassan Salame", "Ghassan Salamé"),
    ]


# ---------------------------------------------------------- in-article resolution


def test_surname_of_a_person_introduced_by_title() -> None:
    found = mentions("Slovenian Prime Minister Janko Novak arrived. Novak said talks were useful.")
    assert found[-1] == ("Novak", "Janko Novak", "coreference")


def test_surname_of_a_person_named_in_full_from_the_gazetteer() -> None:
    # "Saleh" alone is no alias (it is the surname of others in the gazetteer too), but
    # after "Aguila Saleh" in the same article it can only be him.
    found = mentions("Aguila Saleh backed the truce. Later Saleh flew to Cairo.")
    assert found[-1] == ("Saleh", "Aguila Saleh", "coreference")
    assert mentions("Later Saleh flew to Cairo.") == []


def test_role_nouns_resolve_to_the_last_fitting_actor() -> None:
    found = mentions(
        "Eastern commander Khalifa Haftar met U.N. envoy Ghassan Salame. "
        "The commander rejected a truce, and the envoy left."
    )
    assert ("The commander", "Khalifa Haftar", "coreference") in found
    assert ("the envoy", "Ghassan Salamé", "coreference") in found


def test_pronouns_and_offices_resolve_to_who_leads_the_sentence() -> None:
    # The subject carries on: "his office" in the next sentence is the receiver's.
    found = mentions("Macron received Serraj at the Elysee. His office said he was ready.")
    assert ("His office", "Emmanuel Macron", "coreference") in found
    assert ("he", "Emmanuel Macron", "coreference") in found
    found = mentions("Serraj flew to Paris. Macron received him at the Elysee.")
    assert ("him", "Fayez al-Sarraj", "coreference") in found


def test_a_subject_pronoun_skips_objects_and_sentences_without_a_person() -> None:
    found = mentions(
        "Conte's rival, Serraj, toured Europe. On Monday he held talks with Macron in Paris. "
        "France has interests in Libya.\n\nLater the same day he flew to Rome."
    )
    assert [(t, n) for t, n, how in found if t == "he"] == [
        ("he", "Fayez al-Sarraj"),
        ("he", "Fayez al-Sarraj"),
    ]


def test_him_is_not_the_subject_of_its_clause() -> None:
    found = mentions(
        "Macron received Haftar on Monday, and Haftar told him the truce had failed. "
        "Serraj flew to Berlin on Friday. Merkel received him there, and thanked him."
    )
    hims = [n for t, n, how in found if t == "him"]
    assert hims == ["Emmanuel Macron", "Fayez al-Sarraj", "Fayez al-Sarraj"]


def test_a_demonym_and_a_title_name_the_last_person_of_that_country() -> None:
    found = mentions(
        "Haftar flew to Cairo. Later the Egyptian leader met the Italian prime minister."
    )
    assert ("the Egyptian leader", "Abdel Fattah el-Sisi", "coreference") not in found  # none named
    found = mentions("Sisi met Conte. The Egyptian leader said the Italian prime minister agreed.")
    assert ("The Egyptian leader", "Abdel Fattah el-Sisi", "coreference") in found
    assert ("the Italian prime minister", "Giuseppe Conte", "coreference") in found


def test_a_demonym_and_an_institution_make_a_government_body() -> None:
    (body,) = [m for m in find_actors(Text("The French presidency said no meeting was planned."))]
    assert body.text == "The French presidency"
    assert body.actor.country == "FRA" and body.actor.kind.value == "government"


def test_agencies_resolve_to_the_last_organisation() -> None:
    found = mentions("The World Health Organization said the agency needed access.")
    assert found[-1] == ("the agency", "World Health Organization", "coreference")


def test_a_pronoun_with_nobody_before_it_is_left_alone() -> None:
    assert mentions("He said nothing.") == []


def test_countries_are_actors_where_they_act_and_places_where_they_are_places() -> None:
    found = mentions("Libya has offered to hand over two suspects to Great Britain.")
    assert [(t, n) for t, n, _ in found] == [("Libya", "Libya")]
    (libya,) = find_actors(Text("Libya has offered talks."))
    assert libya.actor.kind.value == "state" and libya.actor.country == "LBY"
    names = [n for _, n, _ in mentions("The ambassador to Libya met Aguila Saleh in Egypt.")]
    assert names == ["Aguila Saleh"]


_TITLE_TEXT = st.lists(
    st.sampled_from(
        [
            "Italian",
            "Prime",
            "Minister",
            "Giuseppe",
            "Conte",
            "U.N.",
            "envoy",
            "Ghassan",
            "Salame",
            "eastern",
            "Libyan",
            "commander",
            "Khalifa",
            "Haftar",
            "the",
            "said",
            "President",
            "Sisi",
            "Pro-Haftar",
            "head",
            "chief",
            "al-Sarraj",
            "Foreign",
            "Field",
            "Marshal",
            "king",
            ",",
            ".",
            "\n",
            "\n\n",
            "met",
            "Gen.",
            "spokesman",
            "Ahmed",
            "ambassador",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TITLE_TEXT, st.text(max_size=200)))
def test_title_matches_are_what_a_full_scan_finds(text: str) -> None:
    from diplodata.extract.actors import _PERSON, _person_matches

    assert [m.span() for m in _person_matches(text)] == [m.span() for m in _PERSON.finditer(text)]


# The shortcuts below try a pattern only where a match can start; each must find exactly what
# the pattern's own full scan (``finditer``) finds.

_SHORTCUT_TEXT = st.lists(
    st.sampled_from(
        [
            "The",
            "the",
            "THE",
            "French",
            "Egyptian",
            "Saudi-Arabian",
            "Garmy",
            "foreign",
            "ministry",
            "Ministry",
            "army",
            "armys",
            "military",
            "government",
            "presidency",
            "embassy",
            "parliament",
            "cabinet",
            "He",
            "he",
            "She",
            "his",
            "His",
            "her",
            "office",
            "U.N.",
            "UN",
            "top",
            "special",
            "commander",
            "envoy",
            "president",
            "Prime",
            "minister",
            "secretary-general",
            "agency",
            "group",
            "Haftar",
            "Sarraj",
            "al-Sarraj",
            "al",
            "Al",
            "de",
            "Erdoğan",
            "Libya",
            "said",
            "ı",
            "é",
            "_",
            "5",
            "٣",
            ",",
            ".",
            "\n",
            "\n\n",
            "  ",
            "",
        ]
    ),
    max_size=40,
).map(lambda words: "".join(w + (" " if i % 3 else "") for i, w in enumerate(words)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_SHORTCUT_TEXT, _TITLE_TEXT, st.text(max_size=200)))
def test_institution_and_coreference_matches_are_what_a_full_scan_finds(text: str) -> None:
    from diplodata.extract._actor_scans import (
        COREF,
        INSTITUTION,
        coref_matches,
        institution_matches,
    )
    from diplodata.extract.text import _Runs

    runs = _Runs(text)
    assert [m.span() for m in institution_matches(text, runs)] == [
        m.span() for m in INSTITUTION.finditer(text)
    ]
    assert [m.span() for m in coref_matches(text, runs)] == [m.span() for m in COREF.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(_SHORTCUT_TEXT, _TITLE_TEXT, st.text(max_size=200)))
def test_gazetteer_candidates_are_what_a_full_scan_finds(text: str) -> None:
    from diplodata.extract.gazetteer import _START

    g = Gazetteer.default()
    heads = (
        (m, m.group().lower() if m.group().isascii() else fold(m.group()))
        for m in _START.finditer(text)
    )
    expected = [(m.start(), m.end(), m.group(), head) for m, head in heads if head in g._first]
    assert g._candidates(text) == expected


def test_runs_stand_where_the_letters_stand() -> None:
    from diplodata.extract.actors import _Runs

    runs = _Runs("Erdoğan met the U.N. envoy_5 İn KING")
    assert runs.runs == b"erdo an met the u n  envoy    n king"
    assert runs.where(frozenset({b"king", b"the", b"n"})) == [12, 18, 30, 32]
