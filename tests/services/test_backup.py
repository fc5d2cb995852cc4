"""Backup and restore of a whole database: one archive, read back into an empty database on either engine."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from app.domain.demo import DemoKind, demo_report
from app.domain.errors import UserError
from app.domain.numbering import Term
from app.services import numbering, organisations, reports
from app.services.backup import restore_archive, write_archive
from app.services.interchange import import_report_file
from app.services.sessions import open_sessions

MADE_AT = datetime(2026, 12, 1, 8, 30, tzinfo=timezone(timedelta(hours=7)))


def fill_with_the_demo(sessions) -> None:
    """The demo reports of every kind, a chi bộ under the đảng bộ with its own report, a term, numbers taken."""
    sample = reports.open_sample(sessions)
    parent_id = reports.get_report(sessions, sample).organisation.id
    mine = reports.save_new_report(sessions, demo_report(DemoKind.DANG_BO))
    organisation_id = reports.get_report(sessions, mine).organisation.id
    for kind in (DemoKind.SIX_MONTH, DemoKind.MID_TERM):
        report = demo_report(kind)
        report.organisation = organisations.get_organisation(sessions, organisation_id)
        reports.save_new_report(sessions, report)
    chi_bo = demo_report(DemoKind.CHI_BO)
    chi_bo.organisation = replace(chi_bo.organisation, id=organisations.add_sub_unit(
        sessions, organisation_id, chi_bo.organisation))
    reports.save_new_report(sessions, chi_bo)
    numbering.add_term(sessions, organisation_id, Term("2025 - 2030", date(2025, 10, 1)))
    numbering.register_number(sessions, organisation_id, "BC", 12, date(2026, 12, 5), report_id=mine)
    numbering.register_number(sessions, organisation_id, "NQ", 3, date(2026, 6, 1))
    assert parent_id != organisation_id


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_demo_round_trips_from_sqlite_through_an_archive_into_each_engine_unchanged(engine_url, tmp_path):
    source = open_sessions(f"sqlite:///{tmp_path / 'secretary.sqlite3'}")
    try:
        fill_with_the_demo(source)
        first = write_archive(source, tmp_path / "first.zip", made_at=MADE_AT)
    finally:
        source.close()
    target = open_sessions(engine_url)
    try:
        restored = restore_archive(target, tmp_path / "first.zip")
        second = write_archive(target, tmp_path / "second.zip", made_at=MADE_AT)
    finally:
        target.close()

    assert first == restored == second
    assert (first.organisations, first.reports) == (3, 5)
    assert members(tmp_path / "first.zip") == members(tmp_path / "second.zip")


def test_each_report_of_an_archive_is_an_interchange_file_of_its_own(sessions, tmp_path):
    reports.save_new_report(sessions, demo_report())
    write_archive(sessions, tmp_path / "backup.zip")
    with zipfile.ZipFile(tmp_path / "backup.zip") as archive:
        archive.extract("reports/0001.json", tmp_path)

    report = import_report_file(tmp_path / "reports" / "0001.json")

    assert report.title == demo_report().title


def test_a_database_that_is_not_empty_is_refused_and_left_as_it_was(sessions, tmp_path):
    reports.save_new_report(sessions, demo_report())
    write_archive(sessions, tmp_path / "backup.zip")

    with pytest.raises(UserError, match="chỉ được khôi phục vào một cơ sở dữ liệu trống"):
        restore_archive(sessions, tmp_path / "backup.zip")

    assert len(reports.list_reports(sessions)) == 1


def test_an_archive_with_a_damaged_report_restores_nothing(sessions, tmp_path):
    source = open_sessions(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    try:
        reports.save_new_report(source, demo_report())
        reports.save_new_report(source, demo_report(DemoKind.CHI_BO))
        write_archive(source, tmp_path / "backup.zip")
    finally:
        source.close()
    content = members(tmp_path / "backup.zip")
    content["reports/0002.json"] = content["reports/0002.json"].replace(b'"year": 2026', b'"year": "x"')
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as archive:
        for name, data in content.items():
            archive.writestr(name, data)

    with pytest.raises(UserError, match=r"reports/0002\.json"):
        restore_archive(sessions, tmp_path / "bad.zip")

    assert reports.list_reports(sessions) == []
    assert organisations.list_organisations(sessions) == []


def test_a_file_that_is_not_an_archive_is_refused(sessions, tmp_path):
    path = tmp_path / "notes.zip"
    path.write_text("không phải tệp nén", encoding="utf-8")

    with pytest.raises(UserError, match=r"notes\.zip"):
        restore_archive(sessions, path)
