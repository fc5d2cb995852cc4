"""The member roster is stored with its report on both engines, edited in place and carried into the next period."""

import copy
from datetime import date

from app.domain.demo import demo_report
from app.domain.ratings import Level
from app.domain.report import ReportKind
from app.domain.roster import Member, MemberStatus, Sex
from app.services import reports
from app.storage import report_repo


def test_the_roster_and_its_choices_read_back_as_stored(sessions):
    demo = demo_report("roster")
    report_id = reports.save_new_report(sessions, demo)
    stored = reports.get_report(sessions, report_id)
    assert stored.roster == demo.roster
    assert (stored.roster.in_use, stored.roster.annex, stored.roster.export) == (True, True, False)
    assert stored.stats.unit.staff == 35
    assert stored.stats == demo.stats


def test_an_edited_member_list_is_saved_by_save_changes(sessions):
    report_id = reports.save_new_report(sessions, demo_report("roster"))
    before = reports.get_report(sessions, report_id)
    after = copy.deepcopy(before)
    after.roster.members[0].rating = Level.GOOD
    del after.roster.members[5]
    after.roster.members.insert(1, Member("Hà Văn Mới", MemberStatus.PROBATIONARY, Sex.MALE, date(2026, 5, 19)))
    after.roster.export = True
    with sessions.begin() as session:
        report_repo.save_changes(session, report_id, before, after)
    stored = reports.get_report(sessions, report_id)
    assert stored.roster.members == after.roster.members and stored.roster.export


def test_the_next_periods_report_keeps_the_members_without_their_ratings(sessions):
    report_id = reports.save_new_report(sessions, demo_report("roster"))
    new_id = reports.new_report_from_previous(sessions, report_id, 2026, ReportKind.YEAR_END)
    new = reports.get_report(sessions, new_id)
    assert [m.name for m in new.roster.members] == [m.name for m in demo_report("roster").roster.members]
    assert all(m.rating is None and m.badge is None for m in new.roster.members)
    # In use, the counts follow the list at once: 28 members, none rated yet, the staff kept.
    ratings = new.stats.ratings.members
    assert (new.stats.membership.closing_total, ratings.total, ratings.not_rated) == (28, 28, 28)
    assert new.stats.membership.opening_total == 28 and new.stats.unit.staff == 35
