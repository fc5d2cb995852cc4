"""Every figure, target and title is bounded; the schema says the same as the domain."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.domain import bounds
from app.domain.bounds import bounds_findings, decimal_in_bounds
from app.services import interchange


def test_schema_bounds_are_the_domains():
    defs = json.loads(interchange.schema_text())["$defs"]
    assert defs["count"]["maximum"] == bounds.MAX_COUNT
    assert defs["decimal"]["pattern"] == bounds.DECIMAL_PATTERN
    assert defs["decimal"]["maximum"] == bounds.MAX_DECIMAL
    assert defs["text"]["maxLength"] == bounds.MAX_TEXT
    assert defs["title"]["maxLength"] == bounds.MAX_TITLE
    assert defs["report"]["properties"]["term"]["maxLength"] == bounds.MAX_TERM
    assert defs["report"]["properties"]["number"]["maximum"] == bounds.MAX_DOCUMENT_NUMBER


@pytest.mark.parametrize("text", ["98.5", "0.0001", "999999999999", "-12", "100"])
def test_ordinary_decimals_are_in_bounds(text):
    assert decimal_in_bounds(Decimal(text))


@pytest.mark.parametrize("text", ["1e999999999", "1e-999999999", "123456789012345678901234567890.5", "0.00001",
                                  "NaN", "Infinity", "1000000000000"])
def test_huge_tiny_and_odd_decimals_are_out(text):
    assert not decimal_in_bounds(Decimal(text))


def test_each_figure_out_of_range_is_an_error_naming_its_field(demo):
    demo.stats.membership.admitted = 10**25
    demo.stats.inspection.finance = -1
    demo.targets[0].value = Decimal("1e999999999")
    findings = bounds_findings(demo)
    assert {f.fields for f in findings} == {("stats.membership.admitted",), ("stats.inspection.finance",),
                                            ("targets.0.value",)}
    assert all(f.is_error for f in findings)
    assert all(len(f.message) < 300 for f in findings)


def test_a_demo_is_within_bounds(demo):
    assert bounds_findings(demo) == []


def test_long_titles_and_terms_are_refused(demo):
    demo.term = "2025 - 2030 " * 20
    demo.sections[0].title = "x" * (bounds.MAX_TITLE + 1)
    codes = [(f.code, f.fields) for f in bounds_findings(demo)]
    assert ("bounds.text", ("term",)) in codes and ("bounds.text", ("sections.0.title",)) in codes


def test_check_stops_at_a_value_out_of_range_instead_of_failing(demo):
    from app.services.drafting import check_report

    demo.stats.membership.admitted = 10**25
    assert [f.code for f in check_report(demo)] == ["bounds.count"]


@pytest.mark.parametrize("value", [10**25, 2**63, "123456789012345678901234567890.5", "1e999999999", "1e-999999999"])
def test_import_refuses_what_would_not_render(value, demo):
    from app.domain.errors import UserError

    data = json.loads(interchange.dumps_report(demo))
    if isinstance(value, int):
        data["report"]["stats"]["membership"]["admitted"] = value
    else:
        data["report"]["targets"][0]["value"] = value
    with pytest.raises(UserError):
        interchange.loads_report(json.dumps(data))


def test_small_decimals_are_written_in_plain_notation(demo):
    demo.targets[0].result = Decimal("0.0001")
    data = json.loads(interchange.dumps_report(demo))
    assert data["report"]["targets"][0]["result"] == "0.0001"
    assert interchange.loads_report(interchange.dumps_report(demo)).targets[0].result == Decimal("0.0001")
