"""Autosave writes only what changed: save_changes leaves the same stored report as replace, with fewer writes."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.organisation import Signature
from app.domain.report import Entry, EntryKind, EntryState, Report, Section
from app.domain.targets import Target
from app.storage import org_repo, report_repo
from tests.storage.test_report_repo import load, without_ids


@pytest.fixture
def organisation_id(database) -> int:
    with database.begin() as session:
        return org_repo.add(session, demo_report().organisation)


def store(database, organisation_id: int, report: Report | None = None) -> tuple[int, Report]:
    """Store report (a fresh demo by default) and return its id and the report as read back."""
    report = report or demo_report()
    report.organisation.id = organisation_id
    with database.begin() as session:
        report_id = report_repo.add(session, report)
        return report_id, report_repo.get(session, report_id)


def save(database, report_id: int, before: Report, after: Report) -> None:
    with database.begin() as session:
        report_repo.save_changes(session, report_id, before, after)


@contextlib.contextmanager
def writes(database) -> Iterator[list[str]]:
    """The INSERT, UPDATE and DELETE statements run in the block, as SQL text."""
    statements: list[str] = []

    def record(_conn, _cursor, statement: str, parameters, _context, executemany: bool) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            rows = len(parameters) if executemany else 1
            statements.extend([statement] * rows)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def contents(report: Report) -> Report:
    return without_ids(copy.deepcopy(report))


def test_typing_in_a_section_updates_one_entry_row_and_the_report_row(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    after.section("bai_hoc").entries[0].text += " Thêm một câu."

    with writes(database) as statements:
        save(database, report_id, before, after)

    assert [s.split()[0:2] for s in statements] == [["UPDATE", "reports"], ["UPDATE", "entries"]]
    loaded = load(database, report_id)
    assert contents(loaded) == contents(after)
    # The other rows were left alone: they keep their ids.
    assert [e.id for e in loaded.section("han_che").entries] == [e.id for e in before.section("han_che").entries]
    assert loaded.updated_at > before.updated_at


def test_an_unchanged_report_touches_only_updated_at(database, organisation_id):
    report_id, before = store(database, organisation_id)

    with writes(database) as statements:
        save(database, report_id, before, copy.deepcopy(before))

    assert len(statements) == 1 and statements[0].startswith("UPDATE reports SET updated_at")


def test_a_new_line_in_a_section_inserts_one_entry(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    after.section("bai_hoc").entries.append(Entry("Câu mới.", EntryKind.BULLET))

    with writes(database) as statements:
        save(database, report_id, before, after)

    assert [s.split()[0:3] for s in statements] == [["UPDATE", "reports", "SET"], ["INSERT", "INTO", "entries"]]
    assert contents(load(database, report_id)) == contents(after)


def test_moving_and_switching_off_sections_updates_only_their_rows(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    part = after.sections[0]
    part.children[0], part.children[1] = part.children[1], part.children[0]
    part.children[2].enabled = False

    with writes(database) as statements:
        save(database, report_id, before, after)

    assert sum(s.startswith("UPDATE sections") for s in statements) == 3
    assert not any(s.startswith(("INSERT", "DELETE")) for s in statements)
    assert contents(load(database, report_id)) == contents(after)


def test_added_renamed_and_removed_sections_are_stored(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    part = after.sections[0]
    del part.children[1]
    part.children[0].title = "Tên mới"
    part.children.insert(2, Section("muc_moi", "Mục mới", entries=[Entry("Một.")], children=[
        Section("muc_con", "Mục con", entries=[Entry("Hai.", EntryKind.SUB_BULLET)]),
    ]))

    save(database, report_id, before, after)

    assert contents(load(database, report_id)) == contents(after)


def test_keys_repeated_among_siblings_rewrite_the_outline_whole(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    after.sections[0].children.append(Section(after.sections[0].children[0].key, "Trùng khóa", entries=[Entry("X.")]))

    save(database, report_id, before, after)
    loaded = load(database, report_id)
    assert contents(loaded) == contents(after)

    # And from such an outline on, too.
    later = copy.deepcopy(loaded)
    later.sections[0].children[-1].entries[0].text = "Y."
    save(database, report_id, loaded, later)
    assert contents(load(database, report_id)) == contents(later)


def test_an_outline_stored_otherwise_than_before_is_rewritten_whole(database, organisation_id):
    report_id, before = store(database, organisation_id)
    elsewhere = copy.deepcopy(before)
    elsewhere.sections = elsewhere.sections[:1]
    with database.begin() as session:
        report_repo.replace(session, report_id, elsewhere)
    after = copy.deepcopy(before)
    after.sections[1].title = "Phần hai đã sửa"
    before.version = None  # a save that names no version: only matching the outline is under test here

    save(database, report_id, before, after)

    assert contents(load(database, report_id)) == contents(after)


def test_figures_texts_and_targets_are_upserted_and_deleted(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    after.stats.membership.female += 1
    after.stats.membership.badges = {40: 1, 45: 3}  # 30 removed, 45 added
    after.stats.party_life.annual_theme = "Chủ đề mới"
    after.stats.party_life.commendations = ["một", "hai"]
    after.targets[0].result = Decimal("99.5")
    after.targets.append(Target("mới", Decimal(3), "chi bộ"))
    del after.next_targets[1:]

    with writes(database) as statements:
        save(database, report_id, before, after)

    assert not any("sections" in s or "entries" in s for s in statements)
    assert contents(load(database, report_id)) == contents(after)


def test_the_report_fields_changed_are_the_only_columns_set(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    after.title = "báo cáo sửa"
    after.issued_on = date(2027, 1, 5)

    with writes(database) as statements:
        save(database, report_id, before, after)

    # Each driver marks its parameters its own way: "?" for sqlite3, "%(name)s::TYPE" for psycopg.
    assert [re.sub(r"%\(\w+\)s(::[A-Z]+( WITHOUT TIME ZONE)?)?", "?", s) for s in statements] == [
        "UPDATE reports SET issued_on=?, title=?, updated_at=?, version=(reports.version + ?) "
        "WHERE reports.id = ? AND reports.version = ?"]
    assert contents(load(database, report_id)) == contents(after)


def test_saving_changes_to_a_deleted_report_is_a_user_error(database, organisation_id):
    report_id, before = store(database, organisation_id)
    with database.begin() as session:
        report_repo.delete(session, report_id)

    with pytest.raises(UserError):
        save(database, report_id, before, copy.deepcopy(before))


def test_the_source_state_and_basis_of_an_entry_are_saved(database, organisation_id):
    report_id, before = store(database, organisation_id)
    after = copy.deepcopy(before)
    entries = after.section("dac_diem").entries
    entries[0].source, entries[0].state, entries[0].basis = "dac_diem.total", EntryState.EDITED, "Gốc."
    entries.append(Entry("membership", EntryKind.TABLE, source="tables.membership"))

    save(database, report_id, before, after)

    assert contents(load(database, report_id)) == contents(after)


# --- Property: any edits, saved as the window saves them, leave what replace would have left ---------------

def _sections(report: Report) -> list[Section]:
    return list(report.walk_sections())


def _siblings(report: Report, n: int) -> list[Section]:
    lists = [report.sections] + [s.children for s in report.walk_sections() if s.children]
    return lists[n % len(lists)]


def _edit_entry(report: Report, n: int, text: str) -> None:
    section = _sections(report)[n % len(_sections(report))]
    if section.entries:
        section.entries[n % len(section.entries)].text = text
    else:
        section.entries.append(Entry(text))


def _insert_entry(report: Report, n: int, text: str) -> None:
    section = _sections(report)[n % len(_sections(report))]
    kind = list(EntryKind)[n % len(EntryKind)]
    section.entries.insert(n % (len(section.entries) + 1), Entry(text, kind))


def _delete_entries(report: Report, n: int, _text: str) -> None:
    section = _sections(report)[n % len(_sections(report))]
    del section.entries[n % (len(section.entries) + 1):]


def _generated_entry(report: Report, n: int, text: str) -> None:
    section = _sections(report)[n % len(_sections(report))]
    state = list(EntryState)[n % len(EntryState)]
    section.entries.insert(0, Entry(text, source=f"slot.{n % 3}", state=state, basis=text[::-1]))


def _toggle_section(report: Report, n: int, _text: str) -> None:
    section = _sections(report)[n % len(_sections(report))]
    section.enabled = not section.enabled


def _rename_section(report: Report, n: int, text: str) -> None:
    _sections(report)[n % len(_sections(report))].title = text


def _move_section(report: Report, n: int, _text: str) -> None:
    siblings = _siblings(report, n)
    if len(siblings) > 1:
        i = n % (len(siblings) - 1)
        siblings[i], siblings[i + 1] = siblings[i + 1], siblings[i]


def _remove_section(report: Report, n: int, _text: str) -> None:
    siblings = _siblings(report, n)
    if siblings:
        del siblings[n % len(siblings)]


def _add_section(report: Report, n: int, text: str) -> None:
    siblings = _siblings(report, n)
    key = f"muc_{n % 4}"  # sometimes a key its siblings already have
    siblings.insert(n % (len(siblings) + 1), Section(key, text, entries=[Entry(text)], children=[
        Section("con", text, entries=[Entry(text, EntryKind.BULLET)]) for _ in range(n % 2)
    ]))


def _figures(report: Report, n: int, text: str) -> None:
    membership = report.stats.membership
    membership.female = n
    membership.badges = {30 + 5 * (n % 4): n % 3} if n % 5 else {}
    report.stats.party_life.annual_theme = text
    report.stats.party_life.commendations = [text] * (n % 3)


def _targets(report: Report, n: int, text: str) -> None:
    targets = report.targets if n % 2 else report.next_targets
    if n % 3 == 0 and targets:
        del targets[n % len(targets)]
    elif n % 3 == 1:
        targets.insert(0, Target(text, Decimal(n) / 4, "%", is_percent=True))
    elif targets:
        targets[n % len(targets)].result = Decimal(n)


def _document(report: Report, n: int, text: str) -> None:
    report.title, report.place = text, text[:3]
    report.number = n or None
    report.issued_on = date(2026, 12, 1 + n % 28) if n % 2 else None
    report.signature = Signature("T/M", text, "B") if n % 3 else None
    report.recipients = [text] if n % 2 else None
    report.settings.annexes = bool(n % 2)


EDITS: list[Callable[[Report, int, str], None]] = [
    _edit_entry, _insert_entry, _delete_entries, _generated_entry, _toggle_section, _rename_section,
    _move_section, _remove_section, _add_section, _figures, _targets, _document,
]

# Any text but NUL, which a PostgreSQL text cannot hold: saving one is refused with a UserError (test_postgresql.py).
edit = st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000),
                 st.text(st.characters(codec="utf-8", exclude_characters="\0"), max_size=12))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(saves=st.lists(st.lists(edit, max_size=6), min_size=1, max_size=3))
def test_random_edits_saved_as_changes_store_what_replace_stores(database, organisation_id, saves):
    diff_id, saved = store(database, organisation_id)
    replace_id, _ = store(database, organisation_id)
    current = copy.deepcopy(saved)
    for edits in saves:
        for fn, n, text in edits:
            if current.sections or fn in (_figures, _targets, _document, _add_section):
                fn(current, n, text)
        save(database, diff_id, saved, current)
        with database.begin() as session:
            report_repo.replace(session, replace_id, dataclasses.replace(current, version=None))
        saved = copy.deepcopy(current)  # what the window keeps as the last saved snapshot

        by_diff, by_replace = contents(load(database, diff_id)), contents(load(database, replace_id))
        assert by_diff == by_replace == contents(current)
