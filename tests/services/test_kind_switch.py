"""Switching an organisation between đảng bộ and chi bộ keeps every figure of its reports; a report started from
last period's opens without an error."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.codec import to_dict
from app.domain.demo import DemoKind, demo_report
from app.domain.findings import Severity
from app.domain.lint import lint_report
from app.domain.organisation import OrgKind
from app.domain.ratings import Level
from app.domain.report import ReportKind
from app.services import organisations, reports


@pytest.mark.parametrize(("demo", "kind"), [(DemoKind.DANG_BO, OrgKind.CHI_BO_TRUC_THUOC),
                                            (DemoKind.CHI_BO, OrgKind.DANG_BO_CO_SO)])
def test_switching_the_kind_keeps_every_figure_already_entered(sessions, demo, kind):
    report = demo_report(demo)
    report.stats.ratings.self_rating = Level.GOOD
    report_id = reports.save_new_report(sessions, report)
    stored = reports.get_report(sessions, report_id)
    before = to_dict(stored.stats)

    organisations.update_organisation(sessions, replace(stored.organisation, kind=kind))
    switched = reports.get_report(sessions, report_id)
    assert switched.organisation.kind is kind
    assert to_dict(switched.stats) == before

    organisations.update_organisation(sessions, replace(switched.organisation, kind=stored.organisation.kind))
    assert to_dict(reports.get_report(sessions, report_id).stats) == before


@pytest.mark.parametrize("demo", list(DemoKind))
@pytest.mark.parametrize("kind", list(ReportKind))
def test_a_report_started_from_the_previous_one_has_no_error_before_anything_is_typed(sessions, demo, kind):
    previous_id = reports.save_new_report(sessions, demo_report(demo))
    previous = reports.get_report(sessions, previous_id)
    year = previous.year if kind is ReportKind.YEAR_END and previous.kind is ReportKind.SIX_MONTH else previous.year + 1
    report = reports.get_report(sessions, reports.new_report_from_previous(sessions, previous_id, year, kind))
    findings = lint_report(report)
    assert not [f.message for f in findings if f.severity > Severity.INFO]
    assert all("(0)" not in f.message for f in findings)
