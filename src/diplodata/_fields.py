"""Field types and helpers the event models share.

Country codes checked against ISO 3166-1 alpha-3, optional strings where blank means
missing, the error that names one field from a model validator, and the immutable
base model. :mod:`diplodata.models` builds the event contract from these.

Examples
--------
>>> from pydantic import TypeAdapter
>>> TypeAdapter(OptionalText).validate_python("  ") is None
True
>>> TypeAdapter(CountryCode).validate_python("LBY")
'LBY'
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)
from pydantic_core import InitErrorDetails

from diplodata.countries import country, lookup

__all__ = [
    "CountryCode",
    "Number",
    "OptionalCountryCode",
    "OptionalText",
    "Text",
    "field_error",
]


def _is_user_assigned(code: str) -> bool:
    """Whether ``code`` lies in a range ISO 3166-1 leaves for private use (``XKX``, ``XXX``)."""
    upper = code.upper()
    return len(upper) == 3 and (upper.startswith(("AA", "X", "ZZ")) or ("QM" <= upper[:2] <= "QZ"))


def _check_iso3(code: str) -> str:
    try:
        country(code)
    except KeyError as err:
        message = str(err.args[0])
        if "did you mean" not in message:
            found = lookup(code)
            if found is not None:
                message += f"; did you mean {found!r} ({country(found).name})?"
            elif _is_user_assigned(code):
                kosovo = " (diplodata has no code for Kosovo)" if code.upper() == "XKX" else ""
                message += (
                    f"; {code!r} is in a range ISO 3166-1 leaves for private use and names no "
                    f"country{kosovo}: leave the country empty (None) and keep the name"
                )
            else:
                message += "; use an upper-case code such as 'LBY', or None if not known"
        raise ValueError(message) from None
    return code


def _none_if_blank(value: Any) -> Any:
    """Treat an empty or all-space optional string as missing (CSV cannot tell them apart)."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _not_a_truth_value(value: Any) -> Any:
    """Refuse ``True``/``False`` where a number is meant (pydantic's lax mode reads them as 1/0)."""
    if isinstance(value, bool):
        raise ValueError(f"a count is a whole number, not {str(value).lower()}")
    return value


def field_error(
    model: str, loc: tuple[str | int, ...], message: str, value: Any
) -> ValidationError:
    """An error for one field, raised by a model validator so that ``loc`` names the field.

    A plain ``ValueError`` raised in a model validator is reported at the model's own
    location (an empty ``loc``); this names the field the user has to change.
    """
    detail = InitErrorDetails(
        type="value_error", loc=loc, input=value, ctx={"error": ValueError(message)}
    )
    return ValidationError.from_exception_data(model, [detail])


CountryCode = Annotated[str, AfterValidator(_check_iso3)]
"""An ISO 3166-1 alpha-3 code such as ``"LBY"``; upper case, officially assigned."""

OptionalCountryCode = Annotated[CountryCode | None, BeforeValidator(_none_if_blank)]
"""An optional country code; ``""`` and white space become ``None``."""

Number = Annotated[int, BeforeValidator(_not_a_truth_value), Field(ge=0)]
"""A whole number of people, 0 or more: ``"56"`` and ``56.0`` are read as 56, ``true`` is refused.

Examples
--------
>>> from pydantic import TypeAdapter
>>> TypeAdapter(Number).validate_python("56")
56
>>> TypeAdapter(Number).validate_python(True)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for function-before[...]
...
"""

Text = Annotated[str, Field(min_length=1)]
"""A required string that is not empty."""

OptionalText = Annotated[Text | None, BeforeValidator(_none_if_blank)]
"""An optional string; ``""`` and white space become ``None``."""


class Model(BaseModel):
    """Base of every model: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)
