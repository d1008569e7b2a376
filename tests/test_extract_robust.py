"""Robustness of ``extract``: it never raises, its evidence points into the original text,
and its time grows linearly with the length of the text, whatever the text (DESIGN.md).

The linear-time check runs the extractor in a child process (this file, run as a
script) with a time limit, so that a catastrophically slow input fails the test with
the name of the input and a profile of where the time went, instead of hanging the suite::

    .venv/bin/python tests/test_extract_robust.py time 1000000 ordinary killed   # JSON lines
    .venv/bin/python tests/test_extract_robust.py profile 100000 un_abbreviations
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from diplodata.corpus import read_articles
from diplodata.eventset import EventSet
from diplodata.extract import extract
from diplodata.models import CasualtyFigure

PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ARTICLES = Path(__file__).resolve().parents[1] / "datasets" / "articles"
PUBLISHED = dt.date(2019, 4, 12)


def assert_sound(text: str, events: EventSet) -> None:
    """Every event points into ``text`` exactly and validates again from its own dump."""
    assert isinstance(events, EventSet)
    for event in events:
        assert event.evidence, f"event without evidence: {event!r}"
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(text), (span, len(text))
            assert text[span.start : span.end] == span.text, (span, text[span.start : span.end])
        assert type(event).model_validate(event.model_dump()) == event
        if event.when.text is not None:
            assert event.when.text in text, event.when
        count = getattr(event, "count", None)
        if count is not None and count.text is not None:
            assert count.text in text, count


# ------------------------------------------------------------------ never raises

# Words and phrases that take the extractor down its code paths: numbers and their
# qualifiers, casualty words, reporters, dates, titles, pronouns, quotes, abbreviations.
VOCABULARY = (
    "killed", "were killed", "have been killed", "dead", "died", "deaths", "wounded", "injured",
    "displaced", "fled", "missing", "detained", "lost their lives", "forced to flee",
    "among the dead", "of them", "of those killed", "leaving", "claimed the lives of",
    "at least", "more than", "over", "up to", "as many as", "fewer than", "about", "nearly",
    "between", "and", "to", "-", "dozens", "hundreds of", "tens of thousands", "scores of",
    "a dozen", "two dozen", "twenty-five", "one hundred and twelve", "a million", "one",
    "people", "civilians", "children", "fighters", "others", "1,200", "3.5m", "1.5", "2,110",
    "430", "56", "0", "2019", "40%", "$40", "F-16", "5+5", "10:30", "aged", "Resolution",
    "death toll", "the toll", "rose to", "climbed to", "the number of people killed",
    "has risen to", "so far", "since the start", "since April 4", "since", "on Thursday",
    "yesterday", "last week",
    "3 days ago", "next month", "this weekend", "April 4, 2019", "4 April", "Apr.", "2019-04-04",
    "the WHO said", "WHO", "who", "U.N.", "UN", "U.S.", "the United Nations", "according to",
    "said", "told Reuters", "(Reuters) -", "TRIPOLI, April 11 (Reuters) -", "Haftar", "Serraj",
    "Sarraj", "al-Sarraj", "Italian Prime Minister Giuseppe Conte", "Conte", "U.N. envoy",
    "Ghassan Salame", "the commander", "the envoy", "the ministry", "the French presidency",
    "he", "she", "his office", "Gen.", "Mr.", "K.", "I", ".", ",", ";", ":", "!", "?", "(", ")",
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2013",
)  # fmt: skip
SEPARATORS = (
    " ", " ", " ", "  ", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00a0", "\u202f",
    "\u00ad", "\u200b", "\u200d", "\ufeff", "\u2028", "\u2014", ". ", ", ", '"', "\u201c",
)  # fmt: skip

SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
ANY_CHAR = st.characters(exclude_categories=())  # surrogates included
WORDS = st.sampled_from(VOCABULARY)
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**20).map(str),
    st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){0,6}", fullmatch=True),
    st.sampled_from(("twenty-five", "a dozen", "dozens", "hundreds", "3.5m", "1.2 million")),
)
TOKENS = st.one_of(WORDS, WORDS, WORDS, NUMBERS, st.text(ANY_CHAR, max_size=3), SURROGATES)
GAPS = st.sampled_from(SEPARATORS)
# A toll-like clause: "[qualifier] N [population] [auxiliaries] trigger [tail]", each part
# optionally noisy, so that most drawn texts reach the casualty rules.
CLAUSES = st.tuples(
    st.sampled_from(("", "at least", "more than", "some", "up to", "between 2 and", "killing")),
    NUMBERS,
    st.sampled_from(("", "people", "civilians", "children", "of them", "other")),
    st.sampled_from(("", "were", "have been", "had", "were reportedly", "among the")),
    st.sampled_from(
        ("killed", "dead", "wounded", "displaced", "fled", "missing", "lost their lives")
    ),
    st.sampled_from(
        ("", ", the WHO said", ", U.N. officials said", " on Thursday", " since April 4")
    ),
    st.lists(st.sampled_from((" ",) * len(SEPARATORS) + SEPARATORS), min_size=6, max_size=6),
).map(lambda c: "".join(part + gap for part, gap in zip(c[:6], c[6], strict=True)))
CASUALTY_TEXTS = st.lists(st.tuples(st.one_of(CLAUSES, TOKENS), GAPS), max_size=40).map(
    lambda pairs: "".join(token + gap for token, gap in pairs)
)
RECENT = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 12, 31))
DATES = st.one_of(
    st.none(),
    st.dates(),  # year 1 to 9999: date arithmetic near the ends of the calendar
    RECENT,
    RECENT.map(dt.date.isoformat),
)


@PROPERTY
@given(st.text(), DATES)
@example("", None)
@example("\x00", PUBLISHED)
def test_never_raises_on_any_text(text: str, published: dt.date | str | None) -> None:
    assert_sound(text, extract(text, published=published))


@PROPERTY
@given(st.text(st.one_of(ANY_CHAR, SURROGATES)), DATES)
@example("\ud800", None)
@example("killed \udfff 5 people were killed \ud800.", PUBLISHED)
@example('"\udcff 12 dead', PUBLISHED)
def test_never_raises_with_lone_surrogates(text: str, published: dt.date | str | None) -> None:
    assert_sound(text, extract(text, published=published))


@PROPERTY
@given(CASUALTY_TEXTS, DATES)
@example("The WHO said more than 430 people were killed on Thursday.", PUBLISHED)
@example("At least 5\u00ad people were kil\u200bled.\r\nU.N. officials said 12 dead", None)
@example("killed 9" * 50, dt.date(9999, 12, 31))
@example("Since \ud800 began on April 4, at least 5 people were killed.", dt.date(1, 1, 1))
def test_never_raises_on_casualty_vocabulary(text: str, published: dt.date | str | None) -> None:
    events = extract(text, published=published)
    assert_sound(text, events)
    # Ids are stable: the same article gives the same events.
    assert [e.id for e in extract(text, published=published)] == [e.id for e in events]


# ----------------------------------------------------- evidence after normalisation

TOLLS = (
    "The WHO said more than 430 people were killed on Thursday.",
    "At least 21 civilians were killed and 56 wounded, the U.N. said.",
    "The death toll rose to 147, the World Health Organization said on Friday.",
    'Officials said "some 3,400 people have fled" since April 4.',
    "Twenty-five fighters were killed in the clashes, the LNA's spokesman said.",
    "Tripoli's hospitals - 'overwhelmed' - counted twenty-five dead on Monday.",
    "The fighting - the worst in years - has killed 20-30 people, the U.N. said.",
    "Between 20 and 30 people were killed, according to the UN mission.",
)
# One-for-one replacements that normalise back to the ASCII character.
LOOKALIKES = {
    '"': ("\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"),
    "'": ("\u2018", "\u2019", "\u02bc"),
    "-": ("\u2013", "\u2014", "\u2011", "\u2212"),
    " ": ("\u00a0", "\u202f", "\u2009"),
}
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def _summary(events: EventSet) -> list[tuple[Any, ...]]:
    """What each event says, without offsets, id and phrases (which differ with the noise)."""
    out: list[tuple[Any, ...]] = []
    for e in events:
        said: tuple[Any, ...] = (e.kind, e.when.earliest, e.when.latest, e.when.precision)
        if isinstance(e, CasualtyFigure):
            c = e.count
            said += (e.figure, c.value, c.low, c.high, c.qualifier, e.population, e.reported_by)
            said += (e.cumulative,)
        out.append((*said, len(e.evidence)))
    return out


@st.composite
def noisy(draw: st.DrawFn, clean: str) -> str:
    """``clean`` with look-alike characters swapped in and invisible ones inserted anywhere."""
    out = []
    for ch in clean:
        if ch in LOOKALIKES and draw(st.booleans()):
            ch = draw(st.sampled_from(LOOKALIKES[ch]))
        out.append(ch)
        out.append(draw(st.sampled_from(("",) * 4 + INVISIBLE)))
    lead = draw(st.text(st.sampled_from(INVISIBLE), max_size=3))
    return lead + "".join(out)


@PROPERTY
@given(st.sampled_from(TOLLS).flatmap(lambda clean: st.tuples(st.just(clean), noisy(clean))))
def test_evidence_slices_the_original_text_after_normalisation(pair: tuple[str, str]) -> None:
    clean, text = pair
    expected = extract(clean, published=PUBLISHED)
    assert expected, f"no event in the clean sentence {clean!r}"
    events = extract(text, published=PUBLISHED)
    assert_sound(text, events)
    assert _summary(events) == _summary(expected)


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe fighting has killed more than 430 people,\u201d the WHO said on Thursday.",
        "The fighting\u2014the worst in years\u2014has killed more\u00a0than\u00a0430 people.",
        "\u200b\u200b\u00adThe WHO said more than 4\u00ad30 people were kil\u200bled.\u200b",
        "Tripoli\u2019s hospitals counted \u00abat least\u00a056 dead\u00bb, the WHO said.",
        "The WHO\u2019s count: at\u202fleast\u00a056 people were\u2028killed.",
        "At least 21 civilians were killed\r\nand 56 wounded, the U.N. said.\r\n",
        "TRIPOLI, April 11 (Reuters) \u2014 At least 56\u200b people have died since April 4.",
        "\ufeffThe death toll rose to 147\u00ad, the World Health Organization said.",
    ],
)
def test_evidence_offsets_with_normalisation(text: str) -> None:
    events = extract(text, published=PUBLISHED)
    assert events, "expected a casualty figure"
    assert_sound(text, events)


def test_crlf_reads_like_lf() -> None:
    # A Windows line end inside a sentence must not split it into two sentences.
    lf = "The WHO said more than 430 people\nwere killed in the\nfighting on Thursday.\n"
    crlf = lf.replace("\n", "\r\n")
    events = extract(crlf, published=PUBLISHED)
    assert_sound(crlf, events)
    assert _summary(events) == _summary(extract(lf, published=PUBLISHED))


# ------------------------------------------------------------------ degenerate input


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        " \t\r\n\u00a0\u2028\u3000 " * 100,
        "\u00ad\u200b\ufeff",  # nothing but invisible characters
        "a",
        "7",
        ".",
        '"',
        "\ud800",
        "killed " * 14_300,  # about 100 KB of one word
        "x" * 100_000,  # one 100 KB word
        "1" * 100_000,  # one 100 KB number
    ],
    ids=lambda t: repr(t[:12]) + (f"...({len(t)})" if len(t) > 12 else ""),
)
@pytest.mark.parametrize("published", [None, PUBLISHED])
def test_degenerate_input(text: str, published: dt.date | None) -> None:
    assert_sound(text, extract(text, published=published))


# --------------------------------------------------------------------- linear time

SIZE = 1_000_000  # characters (all ASCII: also bytes)
RATIO = 5.0  # the acceptance criterion: adversarial time <= 5x ordinary time
TIMEOUT = 120.0  # seconds (wall) for one child process: a catastrophic input cannot hang the suite
# The ratio compares CPU time of the child process (time.process_time): extract is
# single-threaded, so that is its wall time on an idle machine, and it does not change when
# the test suite or another job runs alongside on these shared 2-core machines.


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@cache
def _bodies() -> str:
    return "\n\n".join(a.text.strip() for a in read_articles(ARTICLES)) + "\n\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "ordinary": lambda n: _repeat(_bodies(), n),
    "killed": lambda n: _repeat("killed ", n),
    "digits": lambda n: _repeat("1234567890", n),
    "unclosed_quotes": lambda n: _repeat('"' + "word " * 10, n),
    "at_least": lambda n: _repeat("at least ", n),
    "un_abbreviations": lambda n: _repeat("U.N. ", n),
    "one_sentence": lambda n: _repeat(
        "at least 12 people were killed and more than 340 wounded, UN officials said, "
        "5 dead and 1,200 displaced since April 4 ",
        n,
    ),
    # Found while writing this file; see test_linear_time_known_slow.
    "pronouns": lambda n: _repeat("Haftar said he would ", n),
}
ADVERSARIAL = [
    "killed",
    "digits",
    "unclosed_quotes",
    "at_least",
    "un_abbreviations",
    "one_sentence",
]


def _time_inputs(size: int, names: Iterable[str], out: Path) -> None:
    """Child process: time ``extract`` on each input, one JSON line each (a line on start too)."""
    extract("Warm up: the WHO said 5 people were killed on Thursday.", published=PUBLISHED)
    with out.open("a", encoding="utf-8") as f:
        for name in names:
            text = INPUTS[name](size)
            f.write(json.dumps({"name": name, "started": True}) + "\n")
            f.flush()
            wall, cpu = time.perf_counter(), time.process_time()
            events = extract(text, published=PUBLISHED)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            record = {
                "name": name,
                "seconds": cpu,
                "wall": wall,
                "chars": len(text),
                "events": len(events),
            }
            f.write(json.dumps(record) + "\n")
            f.flush()


def _profile_input(size: int, name: str) -> str:
    """Child process: the functions where ``extract`` spends its time on one input."""
    text = INPUTS[name](size)
    extract("Warm up.")
    profiler = cProfile.Profile()
    profiler.enable()
    extract(text, published=PUBLISHED)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(r"diplodata|re\.|method", 12)
    return buffer.getvalue()


def _child(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def measure(names: list[str], size: int) -> dict[str, dict[str, Any]]:
    """Time each input in child processes; an input that runs out of time gets ``timeout``."""
    results: dict[str, dict[str, Any]] = {}
    remaining = list(names)
    while remaining:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "times.jsonl"
            try:
                run = _child("time", str(size), str(out), *remaining, timeout=TIMEOUT)
                timed_out = False
            except subprocess.TimeoutExpired:
                timed_out = True
            lines = out.read_text("utf-8").splitlines() if out.exists() else []
        started = None
        for record in map(json.loads, lines):
            if record.get("started"):
                started = record["name"]
            else:
                results[record["name"]] = record
                started = None
        if timed_out and started is not None:
            results[started] = {"name": started, "timeout": TIMEOUT}
        elif not timed_out and run.returncode != 0:
            raise AssertionError(f"the timing process failed:\n{run.stderr[-3000:]}")
        missing = [n for n in remaining if n not in results]
        if not timed_out and missing:
            raise AssertionError(f"the timing process did not report {missing}")
        if timed_out and started is None:
            raise AssertionError("the timing process ran out of time between two inputs")
        remaining = missing
    return results


def profile(name: str, size: int) -> str:
    """A profile of ``extract`` on a smaller copy of an input (for failure messages)."""
    try:
        run = _child("profile", str(size), name, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"(profiling {size:,} characters of {name!r} ran out of time too)"
    return run.stdout.strip() if run.returncode == 0 else run.stderr[-3000:]


def table(results: dict[str, dict[str, Any]], base: str = "ordinary") -> str:
    rows = [f"{'input':<18}{'chars':>10}{'CPU s':>8}{'wall s':>8}{'x ' + base:>12}{'events':>9}"]
    for name, r in results.items():
        if "timeout" in r:
            rows.append(f"{name:<18}{'':>10}{'':>8}{'> ' + format(r['timeout'], '.0f'):>8}")
            continue
        ratio = r["seconds"] / results[base]["seconds"] if "seconds" in results[base] else 0
        rows.append(
            f"{name:<18}{r['chars']:>10,}{r['seconds']:>8.2f}{r['wall']:>8.2f}{ratio:>12.2f}"
            f"{r['events']:>9,}"
        )
    return "\n".join(rows)


def ratio_problem(results: dict[str, dict[str, Any]], name: str, size: int) -> str | None:
    """Why ``name`` fails the acceptance criterion (with a profile), or ``None`` if it meets it."""
    base, got = results["ordinary"], results[name]
    if "timeout" in got:
        return (
            f"extract did not finish {size:,} characters of {name!r} within {TIMEOUT:.0f} s "
            f"(ordinary text: {base['seconds']:.2f} s of CPU); where the time goes on "
            f"{size // 10:,} characters:\n{profile(name, size // 10)}"
        )
    ratio = got["seconds"] / base["seconds"]
    if ratio <= RATIO:
        return None
    return (
        f"extract took {got['seconds']:.2f} s (CPU) on {size:,} characters of {name!r} but "
        f"{base['seconds']:.2f} s on as much ordinary text: {ratio:.1f}x > {RATIO:.0f}x "
        f"(extraction time must grow linearly whatever the text). Where the time goes on "
        f"{size // 10:,} characters:\n{profile(name, size // 10)}"
    )


def check_ratios(names: list[str], size: int) -> None:
    """The acceptance criterion: each input takes at most RATIO times as long as ordinary text."""
    results = measure(["ordinary", *names], size)
    assert "seconds" in results["ordinary"], (
        f"extract ran out of time ({TIMEOUT:.0f} s) on ordinary text"
    )
    # For the reader, not asserted: the baseline should grow linearly too.
    small = measure(["ordinary"], size // 10)["ordinary"]
    growth = results["ordinary"]["seconds"] / small["seconds"]
    report = (
        f"extract on {size:,} characters of each input:\n{table(results)}\n"
        f"ordinary text: {size // 10:,} characters took {small['seconds']:.2f} s of CPU, "
        f"{size:,} took {growth:.1f}x as long (10x would be linear)"
    )
    print(f"\n{report}")
    problems = [p for name in names if (p := ratio_problem(results, name, size)) is not None]
    if problems:
        pytest.fail("\n\n".join([*problems, report]))


# One test, not one per input: under pytest-xdist each worker would time the inputs again.
def test_linear_time() -> None:
    check_ratios(ADVERSARIAL, SIZE)


def test_linear_time_pronouns() -> None:
    # Pronouns were quadratic once (each one rescanned every earlier mention); 100 KB of
    # them took 4 s against 0.25 s for ordinary text.
    check_ratios(["pronouns"], 100_000)


def _main(argv: list[str]) -> None:
    command, size = argv[0], int(argv[1])
    if command == "time":
        _time_inputs(size, argv[3:], Path(argv[2]))
    elif command == "profile":
        print(_profile_input(size, argv[2]))
    else:
        raise SystemExit(f"unknown command {command!r}: use 'time' or 'profile'")


if __name__ == "__main__":
    _main(sys.argv[1:])
