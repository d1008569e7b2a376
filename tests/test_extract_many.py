"""``extract_many``: the same events as ``extract`` article by article, with the GC paused.

``extract_many`` pauses the cyclic garbage collector while it builds the events; that is
only harmless if extraction makes no reference cycles (garbage the paused collector would
keep until the end). These tests tie it to the plain loop and check that premise.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from diplodata.article import Article
from diplodata.corpus import read_articles
from diplodata.extract import extract
from diplodata.extract.pipeline import extract_many

ARTICLES = Path(__file__).resolve().parents[1] / "datasets" / "articles"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return read_articles(ARTICLES)


def test_extract_many_is_extract_article_by_article(articles: list[Article]) -> None:
    many = extract_many(iter(articles), progress=False)
    one_by_one = [e for a in articles for e in extract(a)]
    assert len(one_by_one) > 50
    assert [e.model_dump() for e in many] == [e.model_dump() for e in one_by_one]


def test_extraction_makes_no_reference_cycles(articles: list[Article]) -> None:
    extract(articles[0])  # first use: caches built at import or on first call
    gc.collect()
    gc.disable()
    try:
        kept = [extract(a) for a in articles]
        assert sum(map(len, kept)) > 50
        del kept
        assert gc.collect() == 0  # nothing was left to the cyclic collector
    finally:
        gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_extract_many_restores_the_collector(articles: list[Article], enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        extract_many(articles[:3], progress=False)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_no_progress_bar_no_tqdm() -> None:
    code = (
        "import sys\n"
        "from diplodata.extract.pipeline import extract_many\n"
        "extract_many(['The WHO said 12 people were killed.'], progress=False)\n"
        "print('tqdm' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
