"""docs/conventions.md and the code stay in step: every reference on the page resolves, every rule is on it."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.domain.report import Settings

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "conventions.md"
LAYOUTS = sorted((ROOT / "templates" / "layouts").glob("*.toml"))
RATINGS = ROOT / "templates" / "labels" / "ratings.toml"
# The modules whose findings carry the codes of the checks, and the calls that give a finding its code.
CHECK_MODULES = ("app/domain/checks.py", "app/domain/lint.py", "app/domain/org_checks.py", "app/domain/numbering.py",
                 "app/domain/text_figures.py")
FINDING_CALLS = {"Finding", "_finding", "_mismatch", "_not_above"}

_CODE_SPAN = re.compile(r"`([^`]+)`")
_DATA_REF = re.compile(r"^(templates/\S+\.toml) (\[\[?)([\w.]+)\]\]?(?: (\w+))?$")


def _spans() -> list[str]:
    return _CODE_SPAN.findall(PAGE.read_text(encoding="utf-8"))


def _python_refs() -> list[str]:
    return sorted({s for s in _spans() if re.fullmatch(r"app(\.\w+)+", s)})


def _data_refs() -> list[str]:
    return sorted({s for s in _spans() if s.startswith("templates/")})


def _test_refs() -> list[str]:
    return sorted({s for s in _spans() if s.startswith("tests/")})


def _resolve(dotted: str) -> Any:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            target = getattr(target, name)
        return target
    raise ModuleNotFoundError(dotted)


@pytest.mark.parametrize("dotted", _python_refs())
def test_every_python_name_on_the_page_exists(dotted):
    assert _resolve(dotted) is not None


def _lookup(data: dict[str, Any], table: str, array: bool) -> list[dict[str, Any]]:
    node: Any = data
    for name in table.split("."):
        node = node[name]
    return list(node) if array else [node]


@pytest.mark.parametrize("reference", _data_refs())
def test_every_data_key_on_the_page_exists_in_every_file_it_names(reference):
    match = _DATA_REF.match(reference)
    assert match, f"not of the form 'templates/<file>.toml [table] key': {reference}"
    pattern, brackets, table, key = match.groups()
    files = sorted(ROOT.glob(pattern))
    assert files, f"no file matches {pattern}"
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if table == "conventions.usual" and path.stem == "party":
            continue  # the Party preset has no usual profile: its codes follow the kind of body
        for entry in _lookup(data, table, brackets == "[["):
            assert key is None or key in entry, f"{path.name} [{table}] lacks {key}"


@pytest.mark.parametrize("reference", _test_refs())
def test_every_test_named_on_the_page_exists(reference):
    path, _, name = reference.partition("::")
    source = (ROOT / path).read_text(encoding="utf-8")
    assert not name or re.search(rf"^def {re.escape(name)}\(", source, re.MULTILINE), reference


def test_every_setting_named_on_the_page_is_a_report_setting():
    named = set(re.findall(r"`Settings\.(\w+)`", PAGE.read_text(encoding="utf-8")))
    assert named and named <= {f.name for f in dataclasses.fields(Settings)}


def _convention_keys() -> set[str]:
    """ "[conventions] number_format", "[conventions.usual] position" … for every key of every layout file."""
    keys = set()
    for path in LAYOUTS:
        conventions = tomllib.loads(path.read_text(encoding="utf-8"))["conventions"]
        for key, value in conventions.items():
            if isinstance(value, dict) and key != "issuer_codes":
                keys |= {f"[conventions.{key}] {sub}" for sub in value}
            else:
                keys.add(f"[conventions] {key}")
    return keys


def _ratings_keys() -> set[str]:
    keys = set()
    for table, entries in tomllib.loads(RATINGS.read_text(encoding="utf-8")).items():
        keys |= {f"[[{table}]] {key}" for entry in entries for key in entry}
    return keys


def _check_codes() -> set[str]:
    codes = set()
    for module in CHECK_MODULES:
        for node in ast.walk(ast.parse((ROOT / module).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in FINDING_CALLS and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                codes.add("".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"
                                  for v in first.values))
    return codes


def test_the_check_codes_are_found_in_the_code():
    # Guards the enumeration below: a change in how findings are made must not silently empty it.
    assert {"number.duplicate", "ratings.{who}.quota", "text.date_padding", "organisation.state_tm"} <= _check_codes()


@pytest.mark.parametrize(("kind", "rules"), [
    ("layout conventions", _convention_keys),
    ("rating labels", _ratings_keys),
])
def test_every_data_rule_has_an_entry_on_the_page(kind, rules):
    page = PAGE.read_text(encoding="utf-8")
    missing = sorted(rule for rule in rules() if rule not in page)
    assert not missing, f"{kind} without a line in docs/conventions.md: {missing}"


def test_every_check_code_has_an_entry_on_the_page():
    spans = set(_spans())
    missing = sorted(_check_codes() - spans)
    assert not missing, f"check codes without a line in docs/conventions.md: {missing}"


def test_the_contents_link_to_every_topic():
    page = PAGE.read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\. .+)$", page, re.MULTILINE)
    assert len(headings) >= 12
    for heading in headings:
        assert f"[{heading.split('. ', 1)[1]}]" in page, heading
