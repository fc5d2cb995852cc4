"""Collecting sub-units' reports in a real SQLite file: matching, re-sending with history, refusing, rolling up."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest
from sqlalchemy import func, select

from app.domain.codec import to_dict
from app.domain.demo import (
    demo_organisation,
    demo_report,
    demo_statistics,
    demo_subunit_exemplary,
    demo_subunit_ratings,
    demo_subunit_reports,
)
from app.domain.ratings import Level
from app.domain.report import ReportKind
from app.services import collect, organisations
from app.services.export import export_docx
from app.services.interchange import export_report_file
from app.services.reports import get_report, replace_report, save_new_report
from app.services.sessions import open_sessions
from app.storage.tables import ConsolidationRow, OrganisationRow, ReceivedReportRow
from tests.services.test_consolidation import demo_docx, replaced_part, write_subunits  # noqa: F401

YEAR_END, YEAR = ReportKind.YEAR_END, demo_report().year


@pytest.fixture
def sessions(tmp_path):
    database = open_sessions(f"sqlite:///{tmp_path / 'collect.sqlite3'}")
    yield database
    database.close()


@pytest.fixture
def parent_id(sessions):
    """The demo đảng bộ with its 13 chi bộ stored under it."""
    pid = organisations.add_organisation(sessions, demo_organisation())
    for report in demo_subunit_reports():
        organisations.add_sub_unit(sessions, pid, report.organisation)
    return pid


def count(sessions, row) -> int:
    with sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(row))


def test_thirteen_chi_bo_files_are_matched_by_name_and_stored_as_current(sessions, parent_id, tmp_path):
    paths = write_subunits(tmp_path / "in")

    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, paths)

    assert (intake.refused, intake.unsure, intake.unknown) == ([], [], [])
    assert sorted(unit for _file, unit in intake.stored) == sorted(r.organisation.name for r in demo_subunit_reports())
    board = collect.board(sessions, parent_id, YEAR_END, YEAR)
    assert len(board) == 13 and all(row.current is not None and row.versions == 1 for row in board)
    assert {row.current.file_name for row in board} == {p.name for p in paths}
    assert all(row.current.errors == 0 for row in board)


def test_a_resent_file_replaces_the_current_and_keeps_the_earlier_as_history(sessions, parent_id, tmp_path):
    first = demo_subunit_reports()[0]
    export_report_file(first, tmp_path / "cb-old.json")
    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "cb-old.json"])
    second = replace(first, stats=replace(first.stats, membership=replace(first.stats.membership, female=0)))
    export_docx(second, tmp_path / "cb-new.docx")

    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "cb-new.docx"])

    row = next(r for r in collect.board(sessions, parent_id, YEAR_END, YEAR) if r.current is not None)
    assert row.unit.name == first.organisation.name and row.current.file_name == "cb-new.docx"
    history = collect.history(sessions, row.unit.id, YEAR_END, YEAR)
    assert [(h.file_name, h.is_current) for h in history] == [("cb-new.docx", True), ("cb-old.json", False)]
    assert count(sessions, ReceivedReportRow) == 2


def test_a_name_that_only_resembles_a_sub_unit_asks_with_candidates(sessions, parent_id, tmp_path):
    report = demo_subunit_reports()[3]
    org = report.organisation
    typo = replace(report, organisation=replace(org, name=org.name.replace("Chi bộ", "Chi bộ:"),
                                                issuer_name=org.issuer_name + " I"))
    export_report_file(typo, tmp_path / "typo.json")

    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "typo.json"])

    assert intake.stored == [] and len(intake.unsure) == 1
    assert intake.unsure[0].candidates[0].name == org.name
    assert count(sessions, ReceivedReportRow) == 0
    chosen = {tmp_path / "typo.json": intake.unsure[0].candidates[0].id}
    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "typo.json"], choices=chosen)
    assert intake.stored == [("typo.json", org.name)]


def test_an_unknown_chi_bo_can_be_added_on_the_spot_under_the_parent(sessions, parent_id, tmp_path):
    report = demo_subunit_reports()[0]
    new = replace(report, organisation=replace(report.organisation, name="Chi bộ Thư viện",
                                               issuer_name="CHI BỘ THƯ VIỆN"))
    export_report_file(new, tmp_path / "tv.json")

    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "tv.json"])
    assert [u.organisation.name for u in intake.unknown] == ["Chi bộ Thư viện"] and intake.stored == []
    assert count(sessions, OrganisationRow) == 14

    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "tv.json"],
                                   new_units=[tmp_path / "tv.json"])
    assert intake.stored == [("tv.json", "Chi bộ Thư viện")]
    assert "Chi bộ Thư viện" in [c.name for c in organisations.list_children(sessions, parent_id)]


def test_same_name_with_another_code_is_unsure_not_matched(sessions, parent_id, tmp_path):
    report = demo_subunit_reports()[2]
    export_report_file(replace(report, organisation=replace(report.organisation, issuer_code="ĐB")),
                       tmp_path / "code.json")
    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "code.json"])
    assert intake.stored == [] and [c.name for c in intake.unsure[0].candidates] == [report.organisation.name]


@pytest.mark.parametrize("content, words", [
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     b'<report xmlns="urn:tongket:report">&b;&b;&b;</report>', "DTD"),
    (b'<report xmlns="urn:tongket:report">{"format": "tongket-report", "version": 99, "app_version": "9.0",'
     b' "exported_at": "2030-01-01T00:00:00+07:00", "report": {}}</report>', "99"),
], ids=["entity-expansion", "newer-version"])
def test_hostile_files_are_refused_with_the_readers_message_and_nothing_is_stored(
        sessions, parent_id, tmp_path, demo_docx, content, words):  # noqa: F811
    bad = tmp_path / "bad.docx"
    bad.write_bytes(replaced_part(demo_docx, "customXml/item1.xml", content))
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")

    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [bad, tmp_path / "junk.json"])

    assert [name for name, _message in intake.refused] == ["bad.docx", "junk.json"]
    assert words in intake.refused[0][1] and intake.stored == []
    assert count(sessions, ReceivedReportRow) == 0 and count(sessions, OrganisationRow) == 14


def test_a_report_of_another_year_is_refused_and_not_stored(sessions, parent_id, tmp_path):
    report = demo_subunit_reports()[0]
    export_report_file(replace(report, year=YEAR - 1), tmp_path / "old.json")
    intake = collect.receive_files(sessions, parent_id, YEAR_END, YEAR, [tmp_path / "old.json"])
    assert intake.stored == [] and str(YEAR - 1) in intake.refused[0][1]
    assert count(sessions, ReceivedReportRow) == 0


def test_roll_up_of_the_stored_reports_with_the_boards_ratings_gives_the_demo_figures(sessions, parent_id, tmp_path):
    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, write_subunits(tmp_path / "in"))
    ratings, exemplary = demo_subunit_ratings(), demo_subunit_exemplary()
    for row in collect.board(sessions, parent_id, YEAR_END, YEAR):
        collect.set_rating(sessions, row.unit.id, YEAR_END, YEAR, ratings[row.unit.name], row.unit.name in exemplary)
    parent = replace(demo_report(), organisation=organisations.get_organisation(sessions, parent_id))
    report_id = save_new_report(sessions, parent)

    result = collect.roll_up(sessions, report_id, get_report(sessions, report_id))

    assert to_dict(result.report.stats) == to_dict(demo_statistics())
    assert [f for f in result.findings if f.is_error] == []
    parts = collect.consolidation_parts(sessions, report_id)
    assert len(parts) == 13 and count(sessions, ConsolidationRow) == 1
    assert sum(p.stats.membership.closing_total for p in parts) == demo_statistics().membership.closing_total
    assert {p.rating for p in parts} == {Level.EXCELLENT, Level.GOOD}


def test_a_chi_bo_that_sent_nothing_is_a_finding_naming_it(sessions, parent_id, tmp_path):
    paths = write_subunits(tmp_path / "in")
    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, paths[1:])
    parent = replace(demo_report(), organisation=organisations.get_organisation(sessions, parent_id))
    report_id = save_new_report(sessions, parent)

    result = collect.roll_up(sessions, report_id, get_report(sessions, report_id))

    missing = demo_subunit_reports()[0].organisation.name
    assert any(f.code == "consolidation.missing" and missing in f.message for f in result.findings)
    assert len(collect.consolidation_parts(sessions, report_id)) == 12


def test_a_report_never_rolled_up_has_no_parts_and_no_sub_unit_annex(sessions, parent_id, tmp_path):
    report_id = save_new_report(sessions, demo_report())
    assert collect.consolidation_parts(sessions, report_id) is None
    export_docx(demo_report(), tmp_path / "plain.docx", sub_units=None)
    texts = [p.text for p in docx.Document(str(tmp_path / "plain.docx")).paragraphs]
    assert not any("Tổng hợp số liệu" in t for t in texts)


def test_three_levels_a_dang_bo_khoi_rolls_up_dang_bo_that_rolled_up_their_chi_bo(tmp_path):
    from app.domain.consolidation import SubUnitReport, consolidate
    from app.domain.organisation import OrgKind
    from app.services.consolidation import consolidate_files, figure_findings

    chi_bo = demo_subunit_reports()
    middle = []
    for name, part in (("Đảng bộ Khối A", chi_bo[:7]), ("Đảng bộ Khối B", chi_bo[7:])):
        parent = replace(demo_report(), organisation=replace(demo_organisation(), name=name, issuer_name=name.upper()))
        rolled = consolidate(parent, [SubUnitReport(r) for r in part]).report
        export_docx(rolled, tmp_path / f"{name}.docx")
        middle.append(rolled)
    top = replace(demo_report(), organisation=replace(demo_organisation(), name="Đảng bộ Khối Giáo dục",
                                                      kind=OrgKind.DANG_BO_CAP_TREN))

    result = consolidate_files(top, sorted(tmp_path.glob("*.docx")), check=figure_findings)

    m = result.report.stats.membership
    assert (m.closing_total, m.female, m.admitted) == (98, 41, 4)
    assert result.trace["stats.membership.female"] == [
        ("Đảng bộ Khối A", sum(r.stats.membership.female for r in chi_bo[:7])),
        ("Đảng bộ Khối B", sum(r.stats.membership.female for r in chi_bo[7:]))]
    assert result.report.stats.units == 2 and result.included == ["Đảng bộ Khối A", "Đảng bộ Khối B"]


def test_migration_0009_creates_the_collecting_tables_and_takes_them_away_again(sessions, parent_id, tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from app.storage.db import alembic_config

    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, write_subunits(tmp_path / "in")[:1])
    sessions.close()
    engine = create_engine(f"sqlite:///{tmp_path / 'collect.sqlite3'}")
    added = {"received_reports", "sub_unit_ratings", "consolidations"}
    try:
        with engine.connect() as connection, connection.begin():
            command.downgrade(alembic_config(connection), "0008_row_versions")
        with engine.connect() as connection:
            assert not added & set(inspect(connection).get_table_names())
            assert "organisations" in inspect(connection).get_table_names()
        with engine.connect() as connection, connection.begin():
            command.upgrade(alembic_config(connection), "head")
        with engine.connect() as connection:
            inspector = inspect(connection)
            assert added <= set(inspector.get_table_names())
            assert {fk["referred_table"] for fk in inspector.get_foreign_keys("received_reports")} == {"organisations"}
    finally:
        engine.dispose()


def test_receiving_then_rolling_up_checks_each_file_once_and_finds_what_a_check_of_it_alone_finds(
        sessions, parent_id, tmp_path, monkeypatch):
    from app.services import drafting
    from app.services.report_files import read_report_file

    reports = demo_subunit_reports()
    reports[3].stats.membership.closing_total += 1  # its own balance fails
    reports[5].stats.ratings.members.total += 1
    paths = write_subunits(tmp_path / "in", reports)
    alone = {read_report_file(p).organisation.name: drafting.check_report(read_report_file(p)) for p in paths}
    assert sum(1 for findings in alone.values() for f in findings if f.is_error) >= 2
    calls = []
    monkeypatch.setattr(collect, "check_report", lambda report: calls.append(report) or drafting.check_report(report))
    collect.forget_checks()

    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, paths)
    errors = {row.unit.name: row.current.errors for row in collect.board(sessions, parent_id, YEAR_END, YEAR)}
    report_id = save_new_report(sessions, replace(demo_report(),
                                                  organisation=organisations.get_organisation(sessions, parent_id)))
    cached = collect.roll_up(sessions, report_id, get_report(sessions, report_id))

    assert len(calls) == 13  # the roll-up reused the checks made when the files arrived
    assert errors == {name: sum(1 for f in findings if f.is_error) for name, findings in alone.items()}
    replace_report(sessions, report_id, cached.report)  # as the window saves the rolled-up figures
    cached = collect.roll_up(sessions, report_id, get_report(sessions, report_id))
    collect.forget_checks()
    fresh = collect.roll_up(sessions, report_id, get_report(sessions, report_id))
    assert len(calls) == 26
    assert [(f.code, f.severity, f.fields, f.message) for f in cached.findings] == [
        (f.code, f.severity, f.fields, f.message) for f in fresh.findings]
    assert any(reports[3].organisation.name in f.message for f in fresh.findings if f.is_error)
