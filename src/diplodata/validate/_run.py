"""``dd.validate``: run the declared rules over an event frame and report once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from diplodata.frame import frame_of
from diplodata.validate.rules import RULES, Rule, rule

if TYPE_CHECKING:
    import pandas as pd

    from diplodata.article import Article
    from diplodata.eventset import EventSet
    from diplodata.validate.report import ValidationReport

__all__ = ["validate"]


def _texts(
    articles: Mapping[str, str | Article] | Iterable[Article] | None,
) -> dict[str, str] | None:
    """Article texts by article id, from a mapping (id -> text or Article) or Articles."""
    if articles is None:
        return None
    if isinstance(articles, Mapping):
        return {str(k): v if isinstance(v, str) else v.text for k, v in articles.items()}
    return {str(a.id): a.text for a in articles}


def _selected(rules: Iterable[str | Rule] | None) -> tuple[Rule, ...]:
    if rules is None:
        return RULES
    if isinstance(rules, str | Rule):
        rules = [rules]
    wanted = {r.code if isinstance(r, Rule) else rule(r).code for r in rules}
    return tuple(r for r in RULES if r.code in wanted)


def validate(
    data: EventSet | pd.DataFrame,
    *,
    rules: Iterable[str | Rule] | None = None,
    lazy: bool = True,
    articles: Mapping[str, str | Article] | Iterable[Article] | None = None,
    tolerance: float = 0.1,
) -> ValidationReport:
    """Check events against the declared rules, and report every issue at once.

    The column-level rules (types, allowed values, ranges, missing values) run as a
    pandera schema; the cross-record rules (duplicate ids, tolls that go down, sources
    that disagree, ...) as vectorised pandas over the whole frame. Every rule is listed
    in ``docs/validation.md`` and in :data:`diplodata.validate.rules.RULES`. The input
    is never changed.

    Parameters
    ----------
    data
        An :class:`~diplodata.EventSet` or its frame (``EventSet.to_frame()``).
    rules
        Rule codes (or :class:`~diplodata.validate.rules.Rule` objects) to run; all by
        default. An unknown code raises ``KeyError`` listing the known ones.
    lazy
        With ``True`` (the default) every rule runs and every issue is reported. With
        ``False`` validation stops at the first error: the report ends with it.
    articles
        The article texts, to check evidence spans against: a mapping from article id
        to the text (or to an :class:`~diplodata.Article`), or Articles. Without them
        the ``evidence.*`` rules find nothing.
    tolerance
        For ``casualty.sources_disagree``: the share of the highest figure by which
        figures from different sources may differ before it is reported.

    Returns
    -------
    ValidationReport
        ``.issues`` (a DataFrame), ``.ok``, ``.summary()``, ``.raise_for_errors()``.

    Examples
    --------
    >>> import diplodata as dd
    >>> df = dd.load_dataset("libya_2019")
    >>> report = dd.validate(df)
    >>> report.ok, report.counts()
    (True, {'error': 0, 'warning': 2, 'info': 14})
    >>> bad = df.astype({"location_country": "str"})
    >>> bad.loc[2, "location_country"] = "LBA"
    >>> dd.validate(bad, rules=["country.not_iso3"]).issues[["rule", "event_id", "value"]]
                   rule  event_id value
    0  country.not_iso3  ly19-003   LBA
    """
    import pandas as pd

    from diplodata.validate._checks import CHECKS, Context
    from diplodata.validate._schema import schema_issues
    from diplodata.validate.report import ValidationReport, empty_issues

    frame = frame_of(data)
    df = frame if isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 else None
    if df is None:
        df = frame.reset_index(drop=True)
    chosen = _selected(rules)
    codes = frozenset(r.code for r in chosen)
    missing = [
        r for r in chosen if r.code.startswith(("frame.", "column.")) and r.code not in CHECKS
    ]
    parts: list[pd.DataFrame] = []
    if missing:
        found = schema_issues(df, codes)
        parts.append(found)
        from diplodata.frame import COLUMNS

        absent = [c.name for c in COLUMNS if c.name not in df.columns]
        wrong_type = (found["rule"] == "column.dtype").any()
        if absent or wrong_type or (not lazy and (found["severity"] == "error").any()):
            # Without every column, each of its type, the other checks cannot run.
            return ValidationReport(_finish(parts, lazy), rules=chosen, n_events=len(df))
    ctx = Context(df, articles=_texts(articles), tolerance=tolerance)
    for r in chosen:
        check = CHECKS.get(r.code)
        if check is None:
            continue
        found = check(ctx)
        parts.append(found)
        if not lazy and r.severity == "error" and len(found):
            break
    issues = _finish(parts, lazy) if parts else empty_issues()
    return ValidationReport(issues, rules=chosen, n_events=len(df))


def _finish(parts: list[pd.DataFrame], lazy: bool) -> pd.DataFrame:
    import pandas as pd

    from diplodata.validate.report import empty_issues

    parts = [p for p in parts if len(p)]
    if not parts:
        return empty_issues()
    issues = pd.concat(parts, ignore_index=True)
    if not lazy:
        errors = (issues["severity"] == "error").to_numpy()
        if errors.any():
            issues = issues.iloc[: int(errors.argmax()) + 1]
    return issues.reset_index(drop=True)
