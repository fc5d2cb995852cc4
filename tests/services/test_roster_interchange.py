"""The member roster leaves the computer only when she asks: exported files, the .docx's data part and backups."""

import json
from datetime import UTC, datetime

from app.domain.demo import demo_report
from app.services import reports
from app.services.backup import restore_archive, write_archive
from app.services.export import export_docx
from app.services.interchange import dumps_report, export_report_file, import_report_file, loads_report
from app.services.sessions import open_sessions

NAME = "Nguyễn Thị Lan"  # the roster demo's first member


def test_an_exported_file_carries_no_member_list_by_default(tmp_path):
    report = demo_report("roster")
    assert not report.roster.export
    export_report_file(report, tmp_path / "report.json")
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert "roster" not in json.loads(text)["report"] and NAME not in text.replace(
        report.effective_signature.name, "")  # she signs the report: her name is in the signature only
    back = import_report_file(tmp_path / "report.json")
    assert back.roster.members == [] and not back.roster.in_use
    # The counts the list gave travel as counts.
    assert back.stats == report.stats


def test_the_member_list_is_exported_and_imported_when_she_ticks_it(tmp_path):
    report = demo_report("roster")
    report.roster.export = True
    export_report_file(report, tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [m["name"] for m in data["report"]["roster"]["members"]][:1] == [NAME]
    back = import_report_file(tmp_path / "report.json")
    assert back.roster == report.roster


def test_the_docx_data_part_follows_the_same_choice(tmp_path):
    report = demo_report("roster")
    export_docx(report, tmp_path / "off.docx")
    report.roster.export = True
    export_docx(report, tmp_path / "on.docx")
    assert import_report_file(tmp_path / "off.docx").roster.members == []
    assert import_report_file(tmp_path / "on.docx").roster == report.roster


def test_a_backup_of_her_database_keeps_the_member_list(tmp_path):
    source = open_sessions(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    target = open_sessions(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        report_id = reports.save_new_report(source, demo_report("roster"))
        write_archive(source, tmp_path / "backup.zip", made_at=datetime(2026, 12, 1, tzinfo=UTC))
        restore_archive(target, tmp_path / "backup.zip")
        (summary,) = reports.list_reports(target)
        assert reports.get_report(target, summary.id).roster == reports.get_report(source, report_id).roster
    finally:
        source.close()
        target.close()


def test_the_roster_key_is_optional_in_version_3():
    report = demo_report("roster")
    report.roster.export = True
    data = json.loads(dumps_report(report))
    del data["report"]["roster"], data["report"]["stats"]["unit"]
    back = loads_report(json.dumps(data))
    assert back.roster.members == [] and back.stats.unit.staff == 0
