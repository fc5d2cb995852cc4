"""Conversion of domain objects to and from plain JSON-ready dicts (used by interchange and storage)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


@cache
def _converter() -> cattrs.Converter:
    # cattrs is imported on first use; the main window does not need it.
    import cattrs

    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Decimal, _decimal_out)
    conv.register_structure_hook(Decimal, _decimal_in)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(date, lambda v, _: date.fromisoformat(v))
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
    # JSON object keys are strings: badges {30: 2} travel as {"30": 2}.
    is_enum = lambda t: isinstance(t, type) and issubclass(t, enum.Enum)  # noqa: E731
    conv.register_unstructure_hook_func(is_enum, lambda e: e.value)
    badges = lambda t: t == dict[int, int]  # noqa: E731
    conv.register_unstructure_hook_func(badges, lambda d: {str(k): v for k, v in sorted(d.items())})
    conv.register_structure_hook_func(badges, lambda d, _: {int(k): int(v) for k, v in d.items()})
    # A row's version belongs to the database it was read from: files neither carry nor accept it.
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    from app.domain.organisation import Organisation
    from app.domain.report import Report

    conv.register_unstructure_hook(Organisation, make_dict_unstructure_fn(
        Organisation, conv, version=override(omit=True)))
    conv.register_structure_hook(Organisation, make_dict_structure_fn(
        Organisation, conv, _cattrs_forbid_extra_keys=True, version=override(omit=True)))
    # The yearly reports' targets a term report is read with are those reports' own: not this report's data.
    conv.register_unstructure_hook(Report, make_dict_unstructure_fn(
        Report, conv, version=override(omit=True), yearly_targets=override(omit=True)))
    conv.register_structure_hook(Report, make_dict_structure_fn(
        Report, conv, _cattrs_forbid_extra_keys=True, version=override(omit=True),
        yearly_targets=override(omit=True)))
    return conv


def _decimal_out(value: Decimal) -> int | str:
    """Whole numbers stay numbers; anything else is a string in plain notation ("0.0001", never "1E-4")."""
    return int(value) if value == value.to_integral_value() else format(value, "f")


def _decimal_in(value: Any, _type: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise ValueError(f"not a number: {value!r}")
    return Decimal(str(value))


def to_dict(obj: Any) -> Any:
    """A plain structure (dicts, lists, str, int, bool, None) of a domain object."""
    return _converter().unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """The domain object of class cls from to_dict's output; raises on unknown or missing keys."""
    result: T = _converter().structure(data, cls)
    return result


def error_paths(exc: BaseException) -> list[str]:
    """Readable "where: what" lines for a structuring error from from_dict."""
    from cattrs import transform_error

    try:
        return transform_error(exc)
    except Exception:  # noqa: BLE001 - an unexpected error shape still needs a message
        return [str(exc)]
