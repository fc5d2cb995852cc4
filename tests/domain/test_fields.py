"""Field references: defined once with their labels, read from their dotted path by one parser that refuses typos."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain import fields
from app.domain.codec import to_dict
from app.domain.fields import STAT_LABELS, STATS, Field, FieldKind, UnknownField, parse
from app.domain.report import Statistics
from app.services.drafting import check_report, draft
from tests.field_cases import REPORTS


def _leaves(node: dict, prefix: str = "") -> list[str]:
    out = []
    for key, value in node.items():
        if isinstance(value, dict) and value:
            out += _leaves(value, f"{prefix}{key}.")
        else:
            out.append(prefix + key)
    return out


def test_every_statistic_has_a_field_and_a_label():
    names = _leaves(to_dict(Statistics()))
    assert sorted(names) == sorted(STATS)
    assert [n for n in names if n not in STAT_LABELS] == []
    assert [n for n in names if STATS[n].label == STATS[n].path] == []


@pytest.mark.parametrize("path", [
    "stats.membership.closing_total", "stats.units", "stats.ratings.self_rating", "stats.party_life.commendations.2",
    "stats.membership.badges.30", "stats.inspection.scheduled.organisations",
    "number", "doc_type", "issued_on", "place", "term", "basis", "title", "signature.name", "recipients",
    "recipients.3", "settings.margins", "settings.line_spacing_pt",
    "organisation.upper_body", "organisation.signature.authority", "organisation.recipients", "organisation.preset",
    "targets.0", "targets.1.value", "next_targets.4.result",
    "sections.0", "sections.0.title", "sections.0.children.2.entries.1.text", "sections.1.children.0.children.3",
])
def test_a_path_reads_back_as_the_same_path(path):
    ref = parse(path)
    assert ref.path == str(ref) == fields.format_path(ref) == path
    assert parse(ref.path) == ref


@pytest.mark.parametrize("path", [
    "stats.membership.closng_total", "stats.membership", "stats.units.0", "stat.units", "membership.closing_total",
    "sections.x", "sections.0.children", "sections.0.entries.1.txt", "sections.0.paragraphs.1", "sections",
    "targets", "targets.one", "targets.1.valeu", "targets.1.value.2", "next_target.1",
    "organisation.nam", "organisation.signature.title", "organisation", "signature.rank", "settings.margin",
    "report.title", "titel", "", "title.0",
])
def test_a_misspelt_path_raises(path):
    with pytest.raises(UnknownField):
        parse(path)


def test_a_misspelt_statistic_raises_where_it_is_built():
    with pytest.raises(UnknownField):
        fields.stat("membership.closing_totl")
    with pytest.raises(AttributeError):
        Field.MEMBERS_CLOSNG  # noqa: B018 - the constant does not exist


def test_the_constructors_build_the_paths_the_files_hold():
    assert fields.section_entry((0, 2), 1).path == "sections.0.children.2.entries.1.text"
    assert fields.section((1,)).path == "sections.1"
    assert fields.section_title((0, 3)).path == "sections.0.children.3.title"
    assert fields.target(2, "value").path == "targets.2.value"
    assert fields.target(0, next_period=True).path == "next_targets.0"
    assert Field.MEMBERS_CLOSING is fields.STATS["membership.closing_total"]
    assert fields.item(Field.COMMENDATIONS, 1).path == "stats.party_life.commendations.1"


def test_labels_are_those_the_form_shows(vietnamese):
    from app import i18n

    i18n.set_language("en")
    assert Field.MEMBERS_CLOSING.label == "members at the end"
    assert fields.target(1, "value").label == "target 2"
    assert fields.target(0, next_period=True).label == "next period's target 1"
    assert Field.ORG_UPPER_BODY.label == "upper-level Party organisation"
    assert fields.item(Field.COMMENDATIONS, 0).label == "commendation 1"


def test_a_section_field_finds_its_section():
    from app.domain.demo import demo_report

    report = demo_report()
    ref = fields.section_entry((0, 2), 0)
    assert ref.section_in(report) is report.sections[0].children[2]
    assert fields.section((99,)).section_in(report) is None
    assert not fields.section_entry((0, 2), 999).exists_in(report)


@pytest.mark.parametrize("name", REPORTS)
def test_every_finding_names_fields_that_exist_in_the_report(name):
    report = REPORTS[name]()
    findings = check_report(report)
    # The text checks see the report with its generated sentences, as the editor holds it once they are merged.
    drafted = draft(report)
    for finding in findings:
        assert finding.fields, finding.code
        for path in finding.fields:
            ref = parse(path)
            assert ref.exists_in(drafted), (finding.code, path)
        if finding.fix is not None:
            assert parse(finding.fix.field).exists_in(drafted)


def test_the_broken_reports_name_every_kind_of_field():
    kinds = {parse(path).kind for make in REPORTS.values() for f in check_report(make()) for path in f.fields}
    assert kinds == set(FieldKind)


def test_a_reported_copy_zeroes_what_a_chi_bo_does_not_report():
    from app.domain.checks import reported
    from app.domain.demo import demo_report
    from app.domain.organisation import OrgKind

    stats = dataclasses.replace(demo_report().stats)
    copy = reported(stats, OrgKind.CHI_BO_CO_SO)
    assert copy.units == 0 and stats.units > 0
