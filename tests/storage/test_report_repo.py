"""Reports in the database: whole reports round-trip through add, get and replace; the new entry fields are stored."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.organisation import Signature
from app.domain.report import Entry, EntryKind, EntryState, Report, ReportKind, ReportStatus, Section, Settings
from app.domain.targets import Comparator, Target
from app.storage import org_repo, report_repo
from app.storage.tables import EntryRow, FigureRow, ReportRow, SectionRow, StatisticTextRow, TargetRow


def without_ids(report: Report) -> Report:
    """The report with the ids and timestamp that storage assigns cleared, for comparing contents."""
    report.id = None
    report.updated_at = None
    for section in report.walk_sections():
        section.id = None
        for entry in section.entries:
            entry.id = None
    return report


def load(database, report_id: int) -> Report:
    with database.begin() as session:
        return report_repo.get(session, report_id)


def row_counts(database) -> dict[str, int]:
    with database.begin() as session:
        return {
            table.__tablename__: session.scalar(select(func.count()).select_from(table))
            for table in (ReportRow, SectionRow, EntryRow, FigureRow, StatisticTextRow, TargetRow)
        }


def test_demo_report_round_trips_through_add_and_get(database, stored_demo):
    loaded = load(database, stored_demo)

    assert loaded.id == stored_demo
    assert loaded.updated_at is not None and loaded.updated_at.tzinfo is not None
    assert loaded.organisation.id is not None
    assert without_ids(loaded) == demo_of(loaded.organisation.id)


def demo_of(organisation_id: int) -> Report:
    """A fresh demo report of the stored organisation with this id."""
    report = demo_report()
    report.organisation.id = organisation_id
    return report


def test_every_section_and_entry_comes_back_with_its_own_id(database, stored_demo):
    loaded = load(database, stored_demo)

    sections = list(loaded.walk_sections())
    entries = [entry for section in sections for entry in section.entries]
    assert all(section.id is not None for section in sections)
    assert len({section.id for section in sections}) == len(sections)
    assert entries and all(entry.id is not None for entry in entries)
    assert len({entry.id for entry in entries}) == len(entries)


def test_report_overrides_and_empty_optionals_round_trip(database, demo):
    report = Report(
        organisation=demo.organisation,
        year=2027,
        kind=ReportKind.SIX_MONTH,
        number=None,
        issued_on=None,
        sections=[Section("phan_1", "Phần một", enabled=False, children=[
            Section("con", "Mục con", entries=[Entry("- gạch đầu dòng", EntryKind.BULLET)]),
        ])],
        targets=[Target("tỷ lệ", Decimal("92.5"), "%", is_percent=True, comparator=Comparator.MORE_THAN,
                        result=Decimal("93.25"))],
        settings=Settings(pad_counts=False, end_mark=True, heading_style="dot"),
        signature=Signature("T/M CHI BỘ", "PHÓ BÍ THƯ", "Trần Thị B"),
        recipients=[],
        status=ReportStatus.FINAL,
    )
    with database.begin() as session:
        report.organisation.id = org_repo.add(session, report.organisation)
        report_id = report_repo.add(session, report)

    assert without_ids(load(database, report_id)) == report


def test_a_report_without_overrides_falls_back_to_its_organisation(database, stored_demo):
    loaded = load(database, stored_demo)

    assert loaded.signature is None and loaded.recipients is None
    assert loaded.effective_signature == loaded.organisation.signature


def test_list_summaries_shows_the_most_recently_changed_first_and_filters_by_organisation(database, demo):
    with database.begin() as session:
        first_org = org_repo.add(session, demo.organisation)
        demo.organisation.id = first_org
        older = report_repo.add(session, demo)
        newer = report_repo.add(session, demo_of(first_org))
        other = demo_report()
        other.organisation.name = "Chi bộ Khác"
        other.organisation.id = org_repo.add(session, other.organisation)
        report_repo.add(session, other)
    with database.begin() as session:
        stored = report_repo.get(session, older)
        edited = report_repo.get(session, older)
        edited.stats.units = 12
        report_repo.save_changes(session, older, stored, edited)

    with database.begin() as session:
        every = report_repo.list_summaries(session)
        mine = report_repo.list_summaries(session, first_org)

    assert [summary.id for summary in mine] == [older, newer]
    assert len(every) == 3 and every[0].id == older
    summary = mine[0]
    assert (summary.organisation_name, summary.year, summary.kind, summary.status) == (
        demo.organisation.name, 2026, ReportKind.YEAR_END, ReportStatus.DRAFT)


def test_replace_overwrites_the_contents_and_keeps_the_report_id(database, stored_demo):
    before = row_counts(database)
    changed = load(database, stored_demo)
    changed.title = "báo cáo sửa"
    changed.sections = changed.sections[:1]
    changed.stats.membership.badges = {50: 1}
    changed.next_targets = []

    with database.begin() as session:
        report_repo.replace(session, stored_demo, changed)

    loaded = load(database, stored_demo)
    assert without_ids(loaded) == without_ids(changed)
    after = row_counts(database)
    assert after["reports"] == 1
    assert after["sections"] < before["sections"] and after["entries"] < before["entries"]
    assert after["targets"] == before["targets"] - 4


def test_delete_removes_the_report_and_everything_in_it(database, stored_demo):
    with database.begin() as session:
        report_repo.delete(session, stored_demo)

    assert set(row_counts(database).values()) == {0}
    with pytest.raises(UserError):
        load(database, stored_demo)


def test_figures_the_app_no_longer_knows_are_ignored_on_read(database, stored_demo):
    with database.begin() as session:
        session.execute(
            text("INSERT INTO figures (report_id, key, value) VALUES (:id, 'membership.retired', 7)"),
            {"id": stored_demo},
        )

    assert load(database, stored_demo).stats.membership.closing_total == 98



def test_preset_house_style_and_layout_settings_round_trip(database):
    report = demo_report(preset="state")
    report.organisation.reference_docx = "/srv/van-phong/mau-van-ban.docx"
    report.organisation.templates_dir = "/srv/van-phong/mau-cau"
    report.settings = Settings(pad_counts=False, end_mark=True, heading_style="dot", margins="wide",
                               line_spacing_pt=17, annexes=True)
    with database.begin() as session:
        report.organisation.id = org_repo.add(session, report.organisation)
        report_id = report_repo.add(session, report)
    loaded = load(database, report_id)
    assert loaded.organisation == report.organisation
    assert loaded.settings == report.settings


def test_where_an_entry_comes_from_round_trips(database, demo):
    section = demo.section("dac_diem")
    section.entries[1:1] = [
        Entry("Đảng bộ có 98 đảng viên.", source="dang_vien.total", state=EntryState.AUTO),
        Entry("Đảng bộ có gần 100 đảng viên.", EntryKind.BULLET, source="dang_vien.growth",
              state=EntryState.EDITED, basis="Đảng bộ có 98 đảng viên."),
        Entry("", source="dang_vien.removed", state=EntryState.REMOVED),
        Entry("membership", EntryKind.TABLE, source="tables.membership"),
    ]
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)

    assert without_ids(load(database, report_id)).section("dac_diem").entries == section.entries


def test_the_empty_sections_setting_is_stored(tmp_path, demo):
    from app.storage import org_repo, report_repo
    from app.storage.db import open_database

    database = open_database(f"sqlite:///{tmp_path / 'keep.sqlite3'}")
    demo.settings.keep_empty_sections = True
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    with database.begin() as session:
        assert report_repo.get(session, report_id).settings.keep_empty_sections
    database.close()


def test_the_period_a_report_covers_is_stored(database, demo):
    from app.domain.period import PeriodKind

    demo.period_kind = PeriodKind.SCHOOL_YEAR
    with database.begin() as session:
        demo.organisation.id = org_repo.add(session, demo.organisation)
        report_id = report_repo.add(session, demo)
    stored = load(database, report_id)
    assert stored.period_kind is PeriodKind.SCHOOL_YEAR
    assert stored.period.phrase == f"năm học {demo.year} - {demo.year + 1}"
