"""Read and write a report's values by dotted path ("stats.membership.closing_total")."""

from __future__ import annotations

from typing import Any


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = obj[int(part)] if isinstance(obj, list) else getattr(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    setattr(get_path(obj, ".".join(parents)) if parents else obj, last, value)
