"""The Windows build pins every runtime dependency of the app, so the bundle cannot miss one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_runtime_dependency_is_pinned_for_windows():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    lines = (ROOT / "packaging" / "windows" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = {_name(line) for line in lines if line.strip() and not line.startswith("#")}
    assert wanted - pinned == set()
