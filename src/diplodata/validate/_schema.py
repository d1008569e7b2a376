"""The column-level rules as a pandera schema built from :data:`diplodata.frame.COLUMNS`.

Types, allowed values, ranges and nullability are what pandera is for; this module
builds the schema once (cached), runs it lazily, and turns pandera's failure cases
into issues with diplodata's rule codes. pandera is imported only here.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from diplodata.frame import BOOL, CAT, COLUMNS, DATE, FLOAT, INT, JSON, STR
from diplodata.validate.report import empty_issues, issues_frame
from diplodata.validate.rules import rule

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["schema_issues"]

NOT_NULL = ("event_id", "kind", "when_precision", "confidence")
NON_NEGATIVE = ("count_value", "count_low", "count_high")

_DTYPE_TEST = {
    DATE: ("datetime64", "is_datetime64_any_dtype"),
    INT: ("integer", "is_integer_dtype"),
    FLOAT: ("float", "is_float_dtype"),
    BOOL: ("boolean", "is_bool_dtype"),
}


def _dtype_check(kind: str) -> Any:
    import pandas as pd
    import pandera.pandas as pa

    wanted, test = _DTYPE_TEST[kind]
    is_type = getattr(pd.api.types, test)

    def check(series: pd.Series) -> bool:
        # An all-missing column of another type (a frame built by hand) is no harm.
        return bool(is_type(series.dtype) or series.isna().all())

    return pa.Check(check, element_wise=False, error=f"not of a {wanted} dtype")


@cache
def _schema() -> tuple[Any, dict[tuple[str, int], str]]:
    """The schema, and the rule code of each (column, check number)."""
    import pandera.pandas as pa

    columns: dict[str, Any] = {}
    codes: dict[tuple[str, int], str] = {}
    for col in COLUMNS:
        checks: list[tuple[str, Any]] = []
        if col.type in _DTYPE_TEST:
            checks.append(("column.dtype", _dtype_check(col.type)))
        if col.type == CAT and col.categories is not None:
            checks.append(("column.not_allowed", pa.Check.isin(list(col.categories))))
        if col.name == "confidence":
            checks.append(("column.out_of_range", pa.Check.in_range(0.0, 1.0)))
        if col.name in NON_NEGATIVE:
            checks.append(("column.out_of_range", pa.Check.ge(0)))
        for number, (code, _) in enumerate(checks):
            codes[(col.name, number)] = code
        columns[col.name] = pa.Column(
            None,
            checks=[check for _, check in checks],
            nullable=col.name not in NOT_NULL,
            required=True,
        )
    assert {STR, JSON} <= {c.type for c in COLUMNS}  # every type is known above
    return pa.DataFrameSchema(columns, strict=False), codes


def schema_issues(df: pd.DataFrame, codes: frozenset[str]) -> pd.DataFrame:
    """Run the schema over ``df`` (positional index) and return the issues of rules in ``codes``."""
    import pandas as pd
    import pandera.pandas as pa

    schema, check_codes = _schema()
    try:
        schema.validate(df, lazy=True, inplace=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    else:
        return empty_issues()
    code = []
    for check, column, number in zip(
        cases["check"], cases["column"], cases["check_number"], strict=True
    ):
        if check == "column_in_dataframe":
            code.append("frame.column_missing")
        elif check == "not_nullable":
            code.append("column.null")
        else:
            code.append(check_codes.get((str(column), int(number)), "column.dtype"))
    cases = cases.assign(code=code)
    parts = []
    ids = df["event_id"] if "event_id" in df.columns else None
    for name, part in cases.groupby("code", sort=False):
        if name not in codes:
            continue
        r = rule(str(name))
        missing_col = name == "frame.column_missing"
        column = part["failure_case"] if missing_col else part["column"]
        rows = pd.array(part["index"].to_numpy(), dtype="Int64")
        event_ids: Any = None
        if ids is not None:
            positions = rows.fillna(-1).to_numpy(dtype="int64")
            found = ids.to_numpy(dtype=object)[positions]
            event_ids = [e if p >= 0 else None for e, p in zip(found, positions, strict=True)]
        values = part["failure_case"].astype("object")
        if name == "column.dtype":
            values = pd.Series([str(df[c].dtype) for c in column], dtype="object")
        messages = [
            _message(str(name), str(c), v, str(check))
            for c, v, check in zip(column, values, part["check"], strict=True)
        ]
        parts.append(
            issues_frame(
                r,
                event_id=event_ids,
                row=rows,
                column=column.astype("str").to_numpy(),
                value=[None if missing_col else _text(v) for v in values],
                message=messages,
            )
        )
    if not parts:
        return empty_issues()
    return pd.concat(parts, ignore_index=True).sort_values(["rule", "row"], kind="stable")


def _text(value: object) -> str | None:
    import pandas as pd

    return None if value is None or value is pd.NA or value != value else str(value)


def _message(code: str, column: str, value: object, check: str) -> str:
    if code == "frame.column_missing":
        return f"the frame has no {column!r} column; build frames with EventSet.to_frame()"
    if code == "column.null":
        return f"{column} is empty; every event needs one"
    if code == "column.not_allowed":
        return f"{column} is {value!r}, not one of the allowed values"
    if code == "column.out_of_range":
        limits = "0..1" if column == "confidence" else ">= 0"
        return f"{column} is {value!r}, outside {limits}"
    return f"{column} is of dtype {value}, {check}"
