"""The validation rules, declared as data.

Each :class:`Rule` says *what* is checked: a stable code (``casualty.toll_decreased``),
a severity (``error``, ``warning`` or ``info``), the column it is about and a one-line
description. *How* it runs lives elsewhere: the column-level rules are a pandera schema
(:mod:`diplodata.validate._schema`), the cross-record rules vectorised pandas
(:mod:`diplodata.validate._checks`). ``docs/validation.md`` is generated from
:data:`RULES` (:func:`rules_markdown`) and a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["RULES", "SEVERITIES", "Rule", "rule", "rules_markdown"]

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""The severities, most serious first."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One validation rule.

    Attributes
    ----------
    code
        Stable identifier, ``area.what`` (``"event.id_duplicated"``). Codes never change
        meaning; a rule that changes gets a new code.
    severity
        ``error`` (the data is wrong), ``warning`` (probably wrong, or incomplete) or
        ``info`` (worth knowing; often true of honest data).
    column
        The frame column the rule is about (``"*"`` for several).
    description
        One line: what a row that breaks the rule looks like.
    needs
        What the rule needs beyond the frame: ``"articles"`` (the article texts), or ``""``.
    """

    code: str
    severity: Severity
    column: str
    description: str
    needs: str = ""


RULES: tuple[Rule, ...] = (
    # Column-level rules: a pandera schema built from diplodata.frame.COLUMNS.
    Rule("frame.column_missing", "error", "*", "A column of the event frame is missing."),
    Rule(
        "column.dtype",
        "error",
        "*",
        "A column has the wrong type (dates not datetime64, counts not integers, "
        "confidence not float, flags not boolean).",
    ),
    Rule(
        "column.null",
        "error",
        "*",
        "A value every event needs is missing (event_id, kind, when_precision, confidence).",
    ),
    Rule(
        "column.not_allowed",
        "error",
        "*",
        "A value outside the allowed values of an enum column (kind, status, act, figure, ...).",
    ),
    Rule(
        "column.out_of_range",
        "error",
        "*",
        "A number out of range: confidence outside 0..1, or a negative count.",
    ),
    # Cross-field and cross-record rules, vectorised pandas.
    Rule("event.id_duplicated", "error", "event_id", "Two or more rows share an event id."),
    Rule(
        "event.required_missing",
        "error",
        "*",
        "A field the event's kind needs is empty (a meeting's participants, a statement's "
        "speaker or content, a casualty figure's figure or count).",
    ),
    Rule(
        "column.invalid_json",
        "error",
        "*",
        "A participants or evidence cell that is not a JSON list of objects.",
    ),
    Rule(
        "when.reversed",
        "error",
        "when_earliest",
        "The date range ends before it starts (when_earliest after when_latest).",
    ),
    Rule(
        "count.bounds_reversed",
        "error",
        "count_low",
        "A count's low bound is above its high bound.",
    ),
    Rule(
        "country.not_iso3",
        "error",
        "*",
        "A country code (location, host, speaker, addressee, reporter or participant) that "
        "is not an ISO 3166-1 alpha-3 code.",
    ),
    Rule(
        "meeting.held_after_published",
        "error",
        "when_earliest",
        "A meeting reported as held, dated after the article that reports it was published.",
    ),
    Rule(
        "meeting.participant_repeated",
        "error",
        "participants",
        "A meeting lists the same participant twice (same id, or same name where one has no id).",
    ),
    Rule(
        "evidence.outside_text",
        "error",
        "evidence",
        "An evidence span that falls outside its article's text (with article texts given).",
        needs="articles",
    ),
    Rule(
        "evidence.text_mismatch",
        "error",
        "evidence",
        "An evidence span whose text is not the article's text at its offsets "
        "(with article texts given).",
        needs="articles",
    ),
    Rule(
        "actor.id_missing",
        "warning",
        "*",
        "A statement's speaker or a meeting's participant with no actor id.",
    ),
    Rule(
        "casualty.toll_decreased",
        "warning",
        "count_value",
        "A cumulative toll from one source (the body credited, else the outlet) for one place, "
        "figure and population that is lower than a value the same source gave on an earlier "
        "date.",
    ),
    Rule(
        "event.reported_twice",
        "info",
        "event_id",
        "The same event reported more than once across sources: same kind and same "
        "participants (meetings), speaker and act (statements) or place, figure and population "
        "(casualty figures), with overlapping dates (casualty figures: the same dates); one "
        "issue per group, and dd.reconcile merges them.",
    ),
    Rule(
        "meeting.planned_not_held",
        "info",
        "status",
        "A planned meeting whose date has passed (before the latest date in the data) with no "
        "held record of the same participants on or after it.",
    ),
    Rule(
        "casualty.sources_disagree",
        "info",
        "count_value",
        "Figures for the same place, figure and date from different sources that differ by "
        "more than the tolerance (10% of the highest by default); one issue per group, with "
        "the range.",
    ),
)
"""Every rule, in the order they run (column-level first, then errors, warnings, infos)."""

_BY_CODE = {r.code: r for r in RULES}


def rule(code: str) -> Rule:
    """The rule with this code.

    Raises
    ------
    KeyError
        For an unknown code, listing the known ones.

    Examples
    --------
    >>> rule("casualty.toll_decreased").severity
    'warning'
    """
    try:
        return _BY_CODE[code]
    except KeyError:
        known = ", ".join(sorted(_BY_CODE))
        raise KeyError(f"no validation rule {code!r}; the rules are: {known}") from None


def rules_markdown() -> str:
    """The rules as the Markdown page ``docs/validation.md``.

    Examples
    --------
    >>> rules_markdown().splitlines()[0]
    '# Validation rules'
    """
    lines = [
        "# Validation rules",
        "",
        "`dd.validate(data)` runs every rule below over the event frame and returns a",
        "`ValidationReport`; `report.issues` is a DataFrame with one row per issue (rule,",
        "severity, event_id, row, column, value, message). `dd.validate(data, rules=[...])`",
        "runs only the rules named. Severities: **error** (the data is wrong: `report.ok` is false",
        "and `report.raise_for_errors()` raises `dd.ValidationError`), **warning** (probably",
        "wrong, or incomplete) and **info** (worth knowing, and often true of honest data).",
        "",
        "The column-level rules (`frame.*`, `column.*` except `column.invalid_json`) are a",
        "pandera schema built from the frame's columns; the others are vectorised pandas.",
        "This page is generated from `diplodata.validate.rules.RULES`"
        " (`python -m diplodata.validate.rules`),",
        "and a test keeps the two equal.",
        "",
        "| code | severity | column | what it means |",
        "|---|---|---|---|",
    ]
    for r in RULES:
        needs = " Needs the article texts: `dd.validate(data, articles=...)`." if r.needs else ""
        lines.append(f"| `{r.code}` | {r.severity} | `{r.column}` | {r.description}{needs} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - writes docs/validation.md
    print(rules_markdown(), end="")
