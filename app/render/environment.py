"""The one strict Jinja2 environment over templates/: a missing variable raises, never prints blank."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from app import paths


@cache
def environment(extra_dir: Path | None = None) -> jinja2.Environment:
    """Sandboxed, StrictUndefined environment; extra_dir, when given, overrides built-in templates by name."""
    search = [str(extra_dir)] if extra_dir else []
    search.append(str(paths.templates_dir()))
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is tagged plain text, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
