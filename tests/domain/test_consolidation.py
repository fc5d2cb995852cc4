"""Consolidation: the demo chi bộ add up to the demo đảng bộ; every figure traced; each cross-check names its chi bộ."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.codec import to_dict
from app.domain.consolidation import SubUnitReport, consolidate
from app.domain.demo import (
    demo_report,
    demo_statistics,
    demo_subunit_exemplary,
    demo_subunit_names,
    demo_subunit_ratings,
    demo_subunit_reports,
)
from app.domain.findings import Finding, Severity
from app.domain.ratings import Level


def leaves(node, path="stats"):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{path}.{key}")
    else:
        yield path, node


def units(reports=None):
    return [SubUnitReport(r, f"cb{i:02}.json") for i, r in enumerate(reports or demo_subunit_reports())]


def rolled(reports=None, **kwargs):
    kwargs.setdefault("unit_ratings", demo_subunit_ratings())
    kwargs.setdefault("exemplary", demo_subunit_exemplary())
    return consolidate(demo_report(), units(reports), **kwargs)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_demo_chi_bo_reports_roll_up_to_the_demo_statistics_field_by_field():
    result = rolled()
    got, want = dict(leaves(to_dict(result.report.stats))), dict(leaves(to_dict(demo_statistics())))
    assert set(got) == set(want)
    assert [(path, got[path], want[path]) for path in want if got[path] != want[path]] == []
    assert result.findings == []
    assert result.included == demo_subunit_names()


def test_demo_has_thirteen_distinct_chi_bo_of_98_members():
    reports = demo_subunit_reports()
    assert len({r.organisation.name for r in reports}) == 13
    assert sum(r.stats.membership.closing_total for r in reports) == 98
    assert all(r.organisation.kind.is_chi_bo and r.stats.units == 0 for r in reports)
    assert to_dict(demo_subunit_reports()) == to_dict(reports)  # deterministic


def test_each_rolled_up_figure_is_traced_to_every_chi_bo_value():
    result = rolled()
    parts = result.trace["stats.membership.closing_total"]
    assert [name for name, _v in parts] == demo_subunit_names()
    assert sum(v for _n, v in parts) == 98
    assert dict(result.trace["stats.membership.badges.40"]) == {"Chi bộ Khoa Công nghệ thông tin": 1}
    assert sum(v for _n, v in result.trace["stats.ratings.members.excellent"]) == 13


def test_regular_meetings_are_the_least_of_the_chi_bo_and_study_the_sum():
    reports = demo_subunit_reports()
    reports[4].stats.party_life.meetings_held = 10
    result = rolled(reports)
    assert result.report.stats.party_life.meetings_held == 10
    assert result.report.stats.party_life.meetings_required == 12
    assert result.report.stats.party_life.study_participants == 96


def test_organisation_ratings_are_the_parents_decision_counted():
    ratings = demo_subunit_ratings()
    ratings["Chi bộ Phòng Đào tạo"] = Level.COMPLETE
    ratings["Chi bộ Học sinh - Sinh viên"] = None
    counts = rolled(unit_ratings=ratings).report.stats.ratings.organisations
    assert (counts.total, counts.excellent, counts.good, counts.complete, counts.not_rated, counts.exemplary) == (
        13, 2, 9, 1, 1, 1)


def test_chi_bo_without_report_is_named():
    reports = [r for r in demo_subunit_reports() if r.organisation.name != "Chi bộ Khoa Kinh tế"]
    result = rolled(reports)
    missing = [f for f in result.findings if f.code == "consolidation.missing"]
    assert len(missing) == 1 and "Chi bộ Khoa Kinh tế" in missing[0].message and missing[0].is_error
    assert result.report.stats.membership.closing_total == 98 - 8


def test_without_ratings_fewer_reports_than_the_units_counted_is_an_error():
    result = consolidate(demo_report(), units(demo_subunit_reports()[:12]))
    assert codes(result.findings) == ["consolidation.count"]
    assert result.report.stats.units == 12


def test_opening_membership_not_the_previous_closing_names_the_chi_bo():
    reports = demo_subunit_reports()
    previous = [replace(r, year=2025) for r in demo_subunit_reports()]
    for p, r in zip(previous, reports, strict=True):
        p.stats = replace(p.stats, membership=replace(p.stats.membership, closing_total=r.stats.membership.opening_total,
                                                      closing_probationary=r.stats.membership.opening_probationary))
    previous[7].stats.membership.closing_total += 2
    subunits = [SubUnitReport(r, "", p) for r, p in zip(reports, previous, strict=True)]
    findings = consolidate(demo_report(), subunits, unit_ratings=demo_subunit_ratings()).findings
    assert codes(findings) == ["consolidation.continuity"]
    assert findings[0].message.startswith("Chi bộ Phòng Đào tạo:")
    assert findings[0].fields == ("stats.membership.opening_total",)


def test_report_of_another_year_or_kind_is_left_out_and_named():
    reports = demo_subunit_reports()
    reports[2] = replace(reports[2], year=2025)
    result = rolled(reports)
    assert "consolidation.period" in codes(result.findings)
    period = next(f for f in result.findings if f.code == "consolidation.period")
    assert "Chi bộ Khoa Công nghệ thông tin (cb02.json)" in period.message and "2025" in period.message
    assert "Chi bộ Khoa Công nghệ thông tin" not in result.included


def test_two_files_of_one_chi_bo_with_different_figures_are_an_error_naming_both():
    reports = demo_subunit_reports()
    other = demo_subunit_reports()[3]
    other.stats.membership.female += 1
    subunits = [*units(reports), SubUnitReport(other, "otô-2.json")]
    result = consolidate(demo_report(), subunits, unit_ratings=demo_subunit_ratings())
    [duplicate] = result.findings
    assert duplicate.code == "consolidation.duplicate" and duplicate.is_error
    assert "Chi bộ Khoa Công nghệ ô tô" in duplicate.message and "otô-2.json" in duplicate.message
    assert result.report.stats.membership.female == 41  # the first was used, counted once


def test_two_identical_files_of_one_chi_bo_are_counted_once_with_a_note():
    subunits = [*units(), SubUnitReport(demo_subunit_reports()[0], "again.json")]
    result = consolidate(demo_report(), subunits, unit_ratings=demo_subunit_ratings())
    assert [(f.code, f.severity) for f in result.findings] == [("consolidation.duplicate", Severity.INFO)]
    assert result.report.stats.membership.closing_total == 98


def test_chi_bo_not_among_the_rated_is_left_out_with_a_warning():
    ratings = demo_subunit_ratings()
    del ratings["Chi bộ Phòng Đào tạo"]
    result = rolled(unit_ratings=ratings)
    assert codes(result.findings) == ["consolidation.unknown"]
    assert result.report.stats.units == 12


def test_an_override_keeps_her_figure_and_disagreeing_is_flagged_with_the_parts():
    result = rolled(overrides={"stats.membership.female": 40, "stats.membership.exempt": 2})
    assert result.report.stats.membership.female == 40
    assert result.overridden == {"stats.membership.female": 41, "stats.membership.exempt": 2}
    [finding] = result.findings
    assert finding.code == "consolidation.override" and finding.fields == ("stats.membership.female",)
    assert "41" in finding.message and "Chi bộ Khoa Cơ khí: " in finding.message


def test_override_of_a_path_that_is_no_figure_is_a_bug():
    with pytest.raises(KeyError):
        rolled(overrides={"stats.membership.nothing": 1})


def test_errors_of_a_chi_bo_report_on_its_own_are_named_with_it():
    own = [Finding("membership.balance", Severity.ERROR, (), "closing does not add up"),
           Finding("x.note", Severity.INFO, (), "a note")]
    subunits = units()
    subunits[5].own_findings = own
    findings = consolidate(demo_report(), subunits, unit_ratings=demo_subunit_ratings()).findings
    assert [(f.code, f.message) for f in findings] == [
        ("consolidation.subunit.membership.balance",
         "Chi bộ Khoa Giáo dục đại cương (cb05.json): closing does not add up")]


def test_the_parents_own_words_stay_and_chi_bo_commendations_are_added_once():
    reports = demo_subunit_reports()
    reports[0].stats.party_life.commendations = ["Giấy khen của Đảng ủy"]
    reports[1].stats.party_life.commendations = ["Giấy khen của Đảng ủy"]
    stats = rolled(reports).report.stats
    assert stats.party_life.commendations == [*demo_statistics().party_life.commendations, "Giấy khen của Đảng ủy"]
    assert stats.party_life.annual_theme == demo_statistics().party_life.annual_theme
