"""Tests of the packaging: paths from source and frozen, the log file, what the bundle holds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def packaging_module(name: str) -> ModuleType:
    """The module packaging/<name>.py, loaded once without putting packaging/ on sys.path."""
    qualified = f"_tongket_packaging_{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]
