"""Fuzzing the report-file reader: whatever the file holds, the answer is a report or a UserError, nothing else.

Bounded by default; set TONGKET_FUZZ_EXAMPLES (for example 5000) for a longer run.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import i18n
from app.domain.errors import UserError
from app.domain.report import Report
from app.services.interchange import import_report_file, loads_report

DATA = Path(__file__).resolve().parent.parent / "data"
BASES = {name: json.loads((DATA / name).read_text(encoding="utf-8"))
         for name in ("report_minimal_v1.json", "report_demo_v3.json")}
EXAMPLES = int(os.environ.get("TONGKET_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="TONGKET_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Text that has tripped readers: lone surrogates, control characters, placeholders, decomposed letters, long runs.
_NASTY_TEXT = st.sampled_from(["\ud800", "\udfff", "\x00", "\x0b", "\ufffe", "{term}" * 50, "{year}", "Nguyê\u0302n",
                               "x" * 5000, "", " ", "\u202e", "null", "-1", "1e309", "NaN"])
_TEXT = st.one_of(st.text(max_size=30), _NASTY_TEXT)
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=False, allow_infinity=False), _TEXT)
_JSON = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=12)


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def read(text: str) -> None:
    try:
        result = loads_report(text)
    except UserError as exc:
        assert str(exc).strip(), "a UserError without a message"
        assert len(str(exc)) < 20_000, "the message echoes too much of the file"
    else:
        assert isinstance(result, Report)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


@st.composite
def mutated_reports(draw) -> str:
    """A valid report file with a few places replaced, removed, or given an extra key."""
    data = copy.deepcopy(BASES[draw(st.sampled_from(sorted(BASES)))])
    for _step in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths[1:]))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_JSON)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(_TEXT)] = draw(_JSON)
        else:
            parent.insert(path[-1], draw(_JSON))
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


@st.composite
def damaged_texts(draw) -> str:
    """A valid report file cut, with bytes changed, or with text inserted."""
    text = json.dumps(BASES["report_minimal_v1.json"], ensure_ascii=False)
    for _step in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        action = draw(st.sampled_from(["cut", "change", "insert"]))
        if action == "cut":
            text = text[:at]
        elif action == "change":
            text = text[:at] + draw(st.text(min_size=1, max_size=3)) + text[at + 1:]
        else:
            text = text[:at] + draw(st.sampled_from(["{", "}", "[", "]", ",", '"', "\\u", "\\ud800", "1e999",
                                                      "[" * 3000, "\ufeff"])) + text[at:]
    return text


@FUZZ
@given(_JSON)
def test_any_json_value_gives_a_report_or_a_user_error(value):
    read(json.dumps(value))


@FUZZ
@given(st.dictionaries(_TEXT, _JSON, max_size=3), _JSON)
def test_an_envelope_with_any_report_gives_a_report_or_a_user_error(extra, report):
    read(json.dumps({"format": "tongket-report", "version": 1, "app_version": "1", "exported_at":
                     "2026-12-15T09:30:00+07:00", "report": report, **extra}))


@FUZZ
@given(mutated_reports())
def test_a_mutated_report_gives_a_report_or_a_user_error(text):
    read(text)


@FUZZ
@given(damaged_texts())
def test_a_damaged_report_file_gives_a_report_or_a_user_error(text):
    read(text)


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_on_disk_give_a_report_or_a_user_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "r.json"
    path.write_bytes(data)
    with pytest.raises(UserError):
        import_report_file(path)
