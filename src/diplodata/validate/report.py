"""The result of :func:`diplodata.validate`: issues as a DataFrame, and ways to read them."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from diplodata.validate.rules import RULES, SEVERITIES, Rule

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ISSUE_COLUMNS", "ValidationReport", "empty_issues", "issues_frame"]

ISSUE_COLUMNS = ("rule", "severity", "event_id", "row", "column", "value", "message")
"""The columns of :attr:`ValidationReport.issues`, in order."""

_HTML_ROWS = 20


def _severity_dtype() -> pd.CategoricalDtype:
    import pandas as pd

    return pd.CategoricalDtype(list(SEVERITIES), ordered=True)


def issues_frame(
    rule: Rule,
    *,
    event_id: object,
    row: object,
    column: object,
    value: object,
    message: object,
) -> pd.DataFrame:
    """Issues of one rule as a frame with :data:`ISSUE_COLUMNS` (arguments: scalars or arrays)."""
    import pandas as pd

    frame = pd.DataFrame(
        {"event_id": event_id, "row": row, "column": column, "value": value, "message": message}
    )
    frame.insert(0, "severity", rule.severity)
    frame.insert(0, "rule", rule.code)
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(
        {
            "rule": "str",
            "severity": _severity_dtype(),
            "event_id": "str",
            "row": "Int64",
            "column": "str",
            "value": "str",
            "message": "str",
        }
    ).loc[:, list(ISSUE_COLUMNS)]


def empty_issues() -> pd.DataFrame:
    """An issues frame with no rows."""
    import pandas as pd

    return _typed(pd.DataFrame({name: [] for name in ISSUE_COLUMNS}))


class ValidationReport:
    """What :func:`diplodata.validate` found.

    Attributes
    ----------
    issues
        One row per issue: ``rule`` (the rule's code), ``severity`` (``error``,
        ``warning``, ``info``; an ordered category), ``event_id``, ``row`` (0-based
        position in the frame validated: ``df.iloc[row]``; empty for issues about a
        whole column), ``column``, ``value`` (the offending value, as text) and
        ``message``. Grouped rules (``event.reported_twice``,
        ``casualty.sources_disagree``) give one issue per group, on its first row.
    rules
        The rules that were run.
    n_events
        How many rows were validated.

    Examples
    --------
    >>> import diplodata as dd
    >>> report = dd.validate(dd.load_dataset("libya_2019"))
    >>> report.ok
    True
    >>> report.summary()["severity"].astype(str).tolist()
    ['warning', 'info', 'info', 'info']
    """

    def __init__(
        self, issues: pd.DataFrame, *, rules: Sequence[Rule] = RULES, n_events: int = 0
    ) -> None:
        self.issues = issues
        self.rules = tuple(rules)
        self.n_events = n_events

    @property
    def ok(self) -> bool:
        """Whether no rule of severity ``error`` found anything."""
        return not bool((self.issues["severity"] == "error").any())

    def counts(self) -> dict[str, int]:
        """Issues per severity, every severity included.

        Examples
        --------
        >>> import diplodata as dd
        >>> dd.validate(dd.load_dataset("libya_2019")).counts()["error"]
        0
        """
        found = self.issues["severity"].value_counts()
        return {s: int(found.get(s, 0)) for s in SEVERITIES}

    def summary(self) -> pd.DataFrame:
        """Issues per rule and severity: rules that found something, most serious first.

        Columns: ``rule``, ``severity``, ``issues`` (how many) and ``description``.
        """
        import pandas as pd

        order = {r.code: i for i, r in enumerate(RULES)}
        found = self.issues.groupby("rule", sort=False).size()
        descriptions = {r.code: r.description for r in self.rules}
        severities = {r.code: r.severity for r in RULES}
        rows = sorted(found.index, key=lambda c: (SEVERITIES.index(severities[c]), order[c]))
        return pd.DataFrame(
            {
                "rule": pd.Series(rows, dtype="str"),
                "severity": pd.Series([severities[c] for c in rows], dtype=_severity_dtype()),
                "issues": pd.Series([int(found[c]) for c in rows], dtype="int64"),
                "description": pd.Series([descriptions.get(c, "") for c in rows], dtype="str"),
            }
        )

    def raise_for_errors(self) -> ValidationReport:
        """Raise :class:`diplodata.ValidationError` (carrying this report) if there are errors.

        Returns the report itself otherwise, so that calls can be chained.

        Examples
        --------
        >>> import diplodata as dd
        >>> dd.validate(dd.load_dataset("libya_2019")).raise_for_errors().ok
        True
        """
        from diplodata.errors import ValidationError

        if not self.ok:
            raise ValidationError(self)
        return self

    def describe(self) -> str:
        """One line: how many events, rules and issues of each severity."""
        counts = self.counts()
        found = ", ".join(f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items())
        return f"{self.n_events} events, {len(self.rules)} rules: {found}"

    def __repr__(self) -> str:
        return f"<ValidationReport: {self.describe()}>"

    def _repr_html_(self) -> str:
        """Issues grouped by rule: one collapsible section per rule that found something."""
        parts = [f"<p><strong>ValidationReport</strong>: {html.escape(self.describe())}</p>"]
        for item in self.summary().itertuples(index=False):
            rows = self.issues[self.issues["rule"] == item.rule]
            table = rows.head(_HTML_ROWS).to_html(index=False, na_rep="", escape=True)
            more = len(rows) - _HTML_ROWS
            tail = f"<p>… and {more} more (see <code>.issues</code>)</p>" if more > 0 else ""
            opened = " open" if item.severity == "error" else ""
            parts.append(
                f"<details{opened}><summary><code>{html.escape(str(item.rule))}</code> "
                f"({html.escape(str(item.severity))}, {item.issues}): "
                f"{html.escape(str(item.description))}</summary>{table}{tail}</details>"
            )
        return "\n".join(parts)
