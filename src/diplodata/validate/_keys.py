"""Shared, vectorised building blocks for the validation rules and :func:`diplodata.reconcile`.

* :func:`json_lists` (from :mod:`diplodata._json_lists`) parses a column of JSON lists
  of objects (``participants``, ``evidence``) in one pyarrow pass, into one long frame;
* :func:`actor_keys` gives the key that identifies an actor (its id, else its name folded);
* :func:`report_groups` puts reports of one real-world event in one group;
* :func:`toll_frame` gives every casualty figure with its toll key (place, figure, date)
  and the label of the source behind it.

pandas, numpy and pyarrow are imported inside the functions.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from diplodata._json_lists import json_lists

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "actor_keys",
    "joined_by_group",
    "json_lists",
    "kinds",
    "page_codes",
    "participant_sets",
    "report_groups",
    "source_keys",
    "toll_codes",
    "toll_frame",
]

ACTOR_FIELDS = ("id", "name", "kind", "country", "role")
SPAN_FIELDS = ("start", "end", "text")
NO_PLACE = "(no place)"
SOURCE_INPUT = ("source_article_id", "source_url", "source_outlet")
"""The columns :func:`source_keys` reads."""
TOLL_INPUT = (
    "event_id",
    "kind",
    "location_name",
    "location_country",
    "figure",
    "population",
    "when_earliest",
    "count_value",
    "reported_by_name",
    "attribution",
    *SOURCE_INPUT,
    "cumulative",
)
"""The columns :func:`toll_frame` and :func:`toll_codes` read."""


def casefolded(values: pd.Series) -> pd.Series:
    """``values`` as text, case-folded, folding each distinct value once (not each row).

    Names repeat a great deal (a million events name a few thousand actors), so
    factorising first and folding the distinct values is several times faster than
    ``str.casefold`` row by row; missing values stay missing.

    Examples
    --------
    >>> import pandas as pd
    >>> casefolded(pd.Series(["Haftar", None, "HAFTAR", "Straße"])).tolist()
    ['haftar', nan, 'haftar', 'strasse']
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    folded = np.array([str(u).casefold() for u in uniques] + [None], dtype=object)
    return pd.Series(folded[codes], index=values.index, dtype="str")


def actor_keys(ids: pd.Series, names: pd.Series) -> pd.Series:
    """What identifies an actor when comparing: its id, else its name case-folded.

    Examples
    --------
    >>> import pandas as pd
    >>> actor_keys(pd.Series(["x-1", None]), pd.Series(["X", "Recep ERDOGAN"])).tolist()
    ['x-1', 'recep erdogan']
    """
    import pandas as pd

    folded = casefolded(names)
    return pd.Series(ids.astype("str").where(ids.notna(), folded), index=ids.index)


def source_keys(df: pd.DataFrame) -> pd.Series:
    """What identifies the page behind each row: its article id, else URL, else outlet."""
    out = df["source_article_id"].astype("str")
    for name in ("source_url", "source_outlet"):
        out = out.where(out.notna(), df[name].astype("str"))
    return out


def participant_sets(participants: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A key per meeting for its set of participants (by :func:`actor_keys`).

    Returns the positions of the rows (among ``rows``, a boolean mask over the frame)
    that have participants, and for each a 64-bit key: the sum of a random 64-bit
    number per distinct actor key, so that equal sets get equal keys whatever the
    order (a collision needs two sets whose sums agree mod 2**64).
    """
    import numpy as np
    import pandas as pd

    p = participants[rows[participants["row"].to_numpy()]]
    if not len(p):
        return np.zeros(0, dtype="int64"), np.zeros(0, dtype="uint64")
    codes, uniques = pd.factorize(actor_keys(p["id"], p["name"]))
    table = np.random.default_rng(20190404).integers(
        0, np.iinfo("uint64").max, size=len(uniques), dtype="uint64", endpoint=True
    )
    owner = p["row"].to_numpy()
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    return owner[starts], np.add.reduceat(table[codes], starts)


def toll_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Every casualty figure with a count, with its toll key and the source behind it.

    Columns: ``row`` (0-based position in ``df``), ``event_id``, ``place`` (the
    location's name, else its country code, else ``"(no place)"``), ``country``,
    ``figure`` (``"killed"``; with the population in brackets when it is not all
    people: ``"killed (civilians)"``), ``date`` (``when_earliest`` normalised to the
    day: the first day of the range for coarser precision), ``value`` (float),
    ``reporter`` (the ``reported_by`` actor's name, else the attribution, else the
    outlet, else the URL), ``label`` (the reporter, with the outlet in brackets when
    it differs), ``page`` (see :func:`source_keys`) and ``cumulative``.
    """
    import numpy as np
    import pandas as pd

    rows = np.flatnonzero(((df["kind"] == "casualty") & df["count_value"].notna()).to_numpy())
    c = df[list(TOLL_INPUT)].iloc[rows]
    country = c["location_country"].astype("str")
    place = c["location_name"].astype("str")
    place = place.where(place.notna(), country).fillna(NO_PLACE)
    population = c["population"].astype("str")
    figure = c["figure"].astype("str").fillna("(no figure)")
    plain = population.isna() | (population.str.casefold() == "all")
    figure = figure.where(plain, figure + " (" + population + ")")
    outlet = c["source_outlet"].astype("str")
    reporter = c["reported_by_name"].astype("str")
    for name in ("attribution", "source_outlet", "source_url"):
        reporter = reporter.where(reporter.notna(), c[name].astype("str"))
    reporter = reporter.fillna("(unknown source)")
    label = reporter.where(outlet.isna() | (outlet == reporter), reporter + " (" + outlet + ")")
    return pd.DataFrame(
        {
            "row": rows.astype("int64"),
            "event_id": c["event_id"].astype("str").to_numpy(),
            "place": place.to_numpy(),
            "country": country.to_numpy(),
            "figure": figure.to_numpy(),
            "date": c["when_earliest"].dt.normalize().to_numpy(),
            "value": c["count_value"].astype("float64").to_numpy(),
            "count": c["count_value"].astype("Int64").array,
            "reporter": reporter.to_numpy(),
            "label": label.to_numpy(),
            "page": source_keys(c).to_numpy(),
            "cumulative": c["cumulative"].to_numpy(),
        }
    ).astype({"place": "str", "country": "str", "figure": "str", "reporter": "str", "label": "str"})


def kinds(series: pd.Series) -> np.ndarray:
    """The kind column as an object array, sharing one string object per kind."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = np.array([*series.cat.categories.astype("object"), None], dtype=object)
        codes = series.cat.codes.to_numpy()
        out: np.ndarray = cats[codes]  # code -1 (missing) picks the None at the end
        return out
    return np.asarray(series.astype("object").to_numpy(), dtype=object)


def _codes(series: pd.Series) -> np.ndarray:
    """Integer codes of a column (categorical codes, else factorized); -1 for missing."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        return np.asarray(series.cat.codes.to_numpy(), dtype="int64")
    return np.asarray(pd.factorize(series)[0], dtype="int64")


def _first_of(columns: list[pd.Series]) -> np.ndarray:
    """One code per row for the first non-missing of ``columns`` (each column its own range)."""
    import numpy as np

    out = np.full(len(columns[0]), -1, dtype="int64")
    offset = 0
    for column in columns:
        codes = _codes(column)
        fill = (out < 0) & (codes >= 0)
        out[fill] = codes[fill] + offset
        offset += int(codes.max(initial=-1)) + 1
    return out


def page_codes(df: pd.DataFrame) -> np.ndarray:
    """Like :func:`source_keys`, as integer codes (-1 where a row names no page)."""
    return _first_of([df[name] for name in SOURCE_INPUT])


def toll_codes(df: pd.DataFrame) -> pd.DataFrame:
    """Like :func:`toll_frame`, with integer codes instead of text (for grouping fast).

    Columns: ``row``, ``name`` (the location's name), ``country``, ``figure``,
    ``population`` (-1 for all people or not said), ``date``, ``count`` (int64),
    ``value`` (float), ``reporter``, ``page``, ``outlet`` and ``cumulative`` (bool). Missing
    values are code -1; codes compare equal exactly when the texts do.
    """
    import numpy as np
    import pandas as pd

    mask = (df["kind"] == "casualty").to_numpy(dtype=bool) & df["count_value"].notna().to_numpy()
    rows = np.flatnonzero(mask)
    c = df[[name for name in TOLL_INPUT if name not in ("event_id", "kind")]].iloc[rows]
    population = _codes(c["population"])
    if isinstance(c["population"].dtype, pd.CategoricalDtype):
        cats = c["population"].cat.categories
        everyone = np.flatnonzero(np.asarray(cats.astype("str").str.casefold() == "all"))
        population[np.isin(population, everyone)] = -1
    else:
        population[(c["population"].astype("str").str.casefold() == "all").to_numpy(bool)] = -1
    count = c["count_value"].to_numpy(dtype="int64", na_value=0)
    reporter_columns = ["reported_by_name", "attribution", "source_outlet", "source_url"]
    return pd.DataFrame(
        {
            "row": rows.astype("int64"),
            "name": _codes(c["location_name"]),
            "country": _codes(c["location_country"]),
            "figure": _codes(c["figure"]),
            "population": population,
            "date": c["when_earliest"].dt.normalize().to_numpy(),
            "count": count,
            "value": count.astype("float64"),
            "reporter": _first_of([c[n] for n in reporter_columns]),
            "page": page_codes(c),
            "outlet": _codes(c["source_outlet"]),
            "cumulative": c["cumulative"].fillna(False).to_numpy(dtype=bool),
        }
    )


def report_groups(df: pd.DataFrame, participants: pd.DataFrame | None = None) -> pd.Series:
    """Group reports of one real-world event: a group number per row (``Int64``).

    Two rows are reports of one event when they have the same kind and

    * meetings: the same set of participants (by :func:`actor_keys`);
    * statements: the same speaker and the same act;
    * casualty figures: the same place, figure and population;

    and their date ranges overlap (casualty figures: the same date range, since a toll
    changes from day to day). Overlap chains: A overlapping B and B overlapping C puts
    all three in one group. Rows without a date, or without what identifies them, get
    a group of their own.

    Parameters
    ----------
    df
        The event frame.
    participants
        The participants long-form, as :func:`json_lists` gives it for the
        ``participants`` column (parsed here if not given).

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> groups = report_groups(df)
    >>> int(groups.nunique()) < len(df)
    True
    """
    import numpy as np
    import pandas as pd

    n = len(df)
    kind = kinds(df["kind"])
    key = np.zeros(n, dtype="uint64")
    known = np.zeros(n, dtype=bool)

    meeting = kind == "meeting"
    if meeting.any():
        if participants is None:
            participants, _ = json_lists(df["participants"], {"id": "string", "name": "string"})
        rows, sums = participant_sets(participants, meeting)
        key[rows] = sums
        known[rows] = True

    statement = (kind == "statement") & df["speaker_name"].notna().to_numpy()
    if statement.any():
        s = df[["speaker_id", "speaker_name", "act"]][statement]
        speaker = pd.factorize(actor_keys(s["speaker_id"], s["speaker_name"]))[0]
        act = pd.factorize(s["act"], use_na_sentinel=False)[0]
        key[statement] = speaker.astype("uint64") * np.uint64(64) + act.astype("uint64")
        known |= statement

    casualty = (kind == "casualty") & df["figure"].notna().to_numpy()
    if casualty.any():
        parts = ["location_name", "location_country", "figure", "population"]
        parts += ["when_earliest", "when_latest"]
        c = df.loc[casualty, parts]
        key[casualty] = c.groupby(parts, dropna=False, observed=True, sort=False).ngroup()
        known |= casualty

    earliest = df["when_earliest"].to_numpy(dtype="datetime64[us]")
    latest = df["when_latest"].to_numpy(dtype="datetime64[us]")
    known &= ~np.isnat(earliest) & ~np.isnat(latest)
    kind_code = _codes(df["kind"])
    order = np.lexsort((earliest, key, kind_code, ~known))
    s_known = known[order]
    s_kind, s_key = kind_code[order], key[order]
    s_earliest, s_latest = earliest[order], latest[order]
    same = np.zeros(n, dtype=bool)
    if n > 1:
        same[1:] = (s_kind[1:] == s_kind[:-1]) & (s_key[1:] == s_key[:-1]) & s_known[1:]
        same[1:] &= s_known[:-1]
    # Running maximum of `latest` within each run of equal keys.
    run = np.cumsum(~same)
    reach = pd.Series(s_latest).groupby(run).cummax().to_numpy(dtype="datetime64[us]")
    starts_new = ~same
    if n > 1:
        starts_new[1:] |= s_earliest[1:] > reach[:-1]
    group_sorted = np.cumsum(starts_new) - 1
    group = np.empty(n, dtype="int64")
    group[order] = group_sorted
    # Number groups by their first row, so that numbers follow the frame's order.
    first = pd.Series(np.arange(n)).groupby(group).transform("min").to_numpy()
    renumbered = pd.factorize(first, sort=True)[0]
    return pd.Series(renumbered, index=df.index, dtype="Int64", name="group")


def joined_by_group(
    group: npt.NDArray[np.integer[Any]], labels: pd.Series | npt.NDArray[Any], n_groups: int
) -> list[str]:
    """Each group's distinct labels in order of first appearance, joined by ``"; "``.

    ``group`` numbers each row's group (``0 .. n_groups - 1``); a group with no row
    gets ``""``. One stable sort by group, then one C-level join per group: a Python
    function per group through a pandas group-by cost ~20x more on large sets. Used by
    :func:`diplodata.reconcile.tolls_of` and the sources-disagree rule.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> joined_by_group(np.array([1, 0, 1, 1]), pd.Series(["b", "a", "c", "b"]), 3)
    ['a', 'b; c', '']
    """
    import numpy as np
    import pandas as pd

    values = np.asarray(labels, dtype=object)
    firsts = ~pd.DataFrame({"g": group, "l": values}).duplicated().to_numpy()
    group, kept = group[firsts], values[firsts]
    order = np.argsort(group, kind="stable")
    group, kept = group[order], kept[order].tolist()
    bounds = np.searchsorted(group, np.arange(n_groups + 1)).tolist()
    return ["; ".join(kept[a:b]) for a, b in pairwise(bounds)]
