"""Run-time options the spec gives the frozen programs."""

from __future__ import annotations

import ast
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "packaging" / "tongket.spec"


def spec_constant(name: str) -> object:
    """The literal value the spec assigns to name."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def test_frozen_programs_run_in_utf8_mode_with_the_option_spelling_the_bootloader_reads():
    # The bootloader knows "X utf8" (and "X utf8=0|1"); "X utf8_mode=1" is ignored without a word, and on a
    # Windows code page Vietnamese output through a pipe then fails with UnicodeEncodeError.
    options = spec_constant("PYTHON_OPTIONS")
    assert ("X utf8", None, "OPTION") in options
    assert not [o for o in options if o[0].startswith("X ") and o[0] not in ("X utf8", "X utf8=1")]
