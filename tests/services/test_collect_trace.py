"""A roll-up's trace and sums are stored: they outlive the database's closing, and a figure the secretary typed over is
kept by the next roll-up and checked against the new sum."""

from __future__ import annotations

from dataclasses import replace

from app.domain.demo import demo_organisation, demo_report, demo_subunit_reports
from app.domain.fields import label
from app.domain.report import ReportKind
from app.services import collect, organisations
from app.services.reports import get_report, replace_report, save_new_report
from app.services.sessions import open_sessions
from tests.services.test_consolidation import write_subunits

YEAR_END, YEAR = ReportKind.YEAR_END, demo_report().year
FEMALE = "stats.membership.female"


def rolled_up_demo(sessions, folder) -> tuple[int, object]:
    """The demo đảng bộ with its 13 chi bộ's files received and its report rolled up: (report id, Consolidation)."""
    parent_id = organisations.add_organisation(sessions, demo_organisation())
    for report in demo_subunit_reports():
        organisations.add_sub_unit(sessions, parent_id, report.organisation)
    collect.receive_files(sessions, parent_id, YEAR_END, YEAR, write_subunits(folder))
    report_id = save_new_report(sessions, replace(demo_report(),
                                                  organisation=organisations.get_organisation(sessions, parent_id)))
    return report_id, collect.roll_up(sessions, report_id, get_report(sessions, report_id))


def test_the_trace_of_every_rolled_up_figure_is_read_back_after_the_database_is_reopened(engine_url, tmp_path):
    sessions = open_sessions(engine_url)
    try:
        report_id, result = rolled_up_demo(sessions, tmp_path / "in")
    finally:
        sessions.close()

    reopened = open_sessions(engine_url)
    try:
        stored = collect.roll_up_trace(reopened, report_id)
        report = get_report(reopened, report_id)
    finally:
        reopened.close()

    assert stored is not None and stored.trace == result.trace
    assert len(stored.trace[FEMALE]) == 13 and sum(v for _n, v in stored.trace[FEMALE]) == 41
    assert stored.sums[FEMALE] == 41 and stored.sums["stats.units"] == 13
    assert collect.typed_over(report, stored.sums) == {}


def test_a_figure_typed_over_is_kept_by_the_next_roll_up_and_flagged_against_the_sum(tmp_path):
    sessions = open_sessions(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        report_id, _first = rolled_up_demo(sessions, tmp_path / "in")
        report = get_report(sessions, report_id)
        report.stats.membership.female = 45
        replace_report(sessions, report_id, report)

        again = collect.roll_up(sessions, report_id, get_report(sessions, report_id))
        stored = collect.roll_up_trace(sessions, report_id)
    finally:
        sessions.close()

    assert again.report.stats.membership.female == 45 and again.overridden == {FEMALE: 41}
    [finding] = [f for f in again.findings if f.code == "consolidation.override"]
    assert finding.fields == (FEMALE,) and "45" in finding.message and "41" in finding.message
    assert label(FEMALE) in finding.message.lower()
    assert stored is not None and stored.sums[FEMALE] == 41  # the sum, not her figure: she still differs from it
    assert collect.typed_over(again.report, stored.sums) == {FEMALE: 45}


def test_a_roll_up_recorded_before_migration_0011_gives_its_trace_from_its_parts(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from app.storage.db import alembic_config

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    sessions = open_sessions(url)
    report_id, result = rolled_up_demo(sessions, tmp_path / "in")
    sessions.close()
    engine = create_engine(url)
    try:
        with engine.connect() as connection, connection.begin():
            command.downgrade(alembic_config(connection), "0010_report_periods")
            assert not {"trace", "sums"} & {c["name"] for c in inspect(connection).get_columns("consolidations")}
    finally:
        engine.dispose()

    reopened = open_sessions(url)  # upgrades to the head again; the columns come back empty
    try:
        stored = collect.roll_up_trace(reopened, report_id)
    finally:
        reopened.close()

    assert stored is not None and stored.sums == {}
    assert stored.trace[FEMALE] == result.trace[FEMALE]
