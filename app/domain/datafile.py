"""One cattrs converter for the TOML data files: templates/layouts/*.toml and templates/labels/*.toml.

Every table of a data file is a frozen dataclass; structure() builds it with every key required, no unknown
key allowed and no value coerced (a "210" is not a number, a 1 is not true), and names in its message the
file, the table and the key that is wrong: "party.toml: [page] lacks margin_left_mm".
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

import cattrs
from cattrs.errors import (
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_mapping_structure_fn

T = TypeVar("T")


class DataFileError(ValueError):
    """A data file lacks a key, has an unknown one, or holds a value of the wrong type or outside its choices."""


def _exact(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        # bool is an int in Python: "size_pt = true" and "repeat_header = 1" are refused all the same.
        if isinstance(value, kind) and (isinstance(value, bool) == (kind is bool)):
            return value
        raise ValueError(f"must be {name}, not {value!r}")
    return hook


def _number(value: Any, _type: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"must be a number, not {value!r}")


def _date(value: Any, _type: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise ValueError(f"must be a date (YYYY-MM-DD), not {value!r}")


def _is_literal(kind: Any) -> bool:
    return typing.get_origin(kind) is Literal


def _literal(value: Any, kind: Any) -> Any:
    choices = typing.get_args(kind)
    if value in choices:
        return value
    raise ValueError(f"must be one of {', '.join(map(str, choices))}")


def _is_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple


def _tuple(value: Any, kind: Any) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise ValueError(f"must be a list, not {value!r}")
    item = typing.get_args(kind)[0]
    result, errors = [], []
    for index, element in enumerate(value):
        try:
            result.append(converter.structure(element, item))
        except Exception as exc:  # noqa: BLE001 - gathered, then raised together like cattrs does
            exc.__notes__ = [*getattr(exc, "__notes__", []),
                             IterableValidationNote(f"Structuring {kind!r} @ index {index}", index, item)]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
    return tuple(result)


def _is_mapping(kind: Any) -> bool:
    return typing.get_origin(kind) is Mapping


def _mapping_hook(kind: Any) -> Callable[[Any, Any], Mapping[Any, Any]]:
    key, value_type = typing.get_args(kind)
    build: Callable[[Any, Any], dict[Any, Any]] = make_mapping_structure_fn(
        dict[key, value_type], converter)  # type: ignore[valid-type]

    def hook(value: Any, _type: Any) -> Mapping[Any, Any]:
        if not isinstance(value, dict):
            raise ValueError(f"must be a table, not {value!r}")
        return types.MappingProxyType(build(value, _type))
    return hook


converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
converter.register_structure_hook(str, _exact(str, "text"))
converter.register_structure_hook(bool, _exact(bool, "true or false"))
converter.register_structure_hook(int, _exact(int, "a whole number"))
converter.register_structure_hook(float, _number)
converter.register_structure_hook(datetime.date, _date)
converter.register_structure_hook_func(_is_literal, _literal)
converter.register_structure_hook_func(_is_tuple, _tuple)
converter.register_structure_hook_factory(_is_mapping, _mapping_hook)


def structure(data: Any, cls: type[T], source: str, table: str = "") -> T:
    """An instance of the dataclass cls from a parsed TOML table; DataFileError names what is wrong.

    source: the file, for messages; table: where the data sits in it ("conventions", "styles.title"), "" for the top.
    """
    if not isinstance(data, Mapping):
        raise DataFileError(f"{source}: [{table}] is missing" if table else f"{source}: not a table")
    try:
        return converter.structure(dict(data), cls)
    except BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path="", format_exception=_describe)
        raise DataFileError("; ".join(_located(m, source, table) for m in messages)) from exc


def _describe(exc: BaseException, kind: Any) -> str:
    if isinstance(exc, KeyError):
        return "\0missing table" if dataclasses.is_dataclass(kind) else "\0missing key"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"has unknown keys {', '.join(sorted(exc.extra_fields))}"
    return str(exc)


_SEGMENT = re.compile(r"\.([^.\[]+)|\[['\"]?(.*?)['\"]?\]")


def _located(message: str, source: str, table: str) -> str:
    """ "\0missing key @ .page.width_mm" → "party.toml: [page] lacks width_mm"."""
    text, _, where = message.rpartition(" @ ")
    path = [table] if table else []
    path += [a or b for a, b in _SEGMENT.findall(where)]

    def at(parts: list[str]) -> str:
        return f"{source}: [{'.'.join(parts)}]" if parts else f"{source}: top level"

    if text == "\0missing table":
        return f"{at(path)} is missing"
    if text == "\0missing key":
        return f"{at(path[:-1])} lacks {path[-1]}"
    if text.startswith("has unknown keys"):
        return f"{at(path)} {text}"
    return f"{at(path[:-1])} {path[-1]} {text}" if path else f"{at(path)} {text}"
