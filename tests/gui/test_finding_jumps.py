"""Every finding in the findings panel takes her to the field it names: the widget has the focus, or the section is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain import fields
from app.domain.fields import FieldKind, FieldRef, parse
from app.domain.organisation import Signature
from app.domain.report import Report
from app.gui.editing import ReportEditing
from app.gui.report_editor import ReportEditor
from app.gui.tasks import Tasks
from app.gui.widgets.outline_navigator import PAGE_DOCUMENT, PAGE_STATS
from app.services import reports
from app.services.sessions import open_sessions
from tests.field_cases import REPORTS


@pytest.fixture
def sessions():
    database = open_sessions()
    yield database
    database.close()


def open_in(editor: ReportEditor, sessions, report: Report) -> None:
    """Store report in the test's database and open it in the editor, as the window does."""
    editor.editing.open(reports.save_new_report(sessions, report), report)


@pytest.fixture
def editor(qtbot, sessions):
    editing = ReportEditing(Tasks(inline=True), lambda: sessions)
    widget = ReportEditor(editing)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


# Statistics the window has no box for (they come from an imported file): a finding about them opens the page only.
NOT_ON_THE_FORM = {fields.stat("membership.badges")}


def _focused_on(editor: ReportEditor, ref: FieldRef) -> None:
    focused = QApplication.focusWidget()
    if ref.kind is FieldKind.STAT:
        assert editor.pages.currentWidget() is editor.stats_form
        whole = ref if not isinstance(ref.parts[-1], int) else FieldRef(ref.kind, ref.parts[:-1])
        if whole in NOT_ON_THE_FORM:
            return
        widget = editor.stats_form.widget_for(whole)
        assert widget is not None and focused is widget, ref.path
    elif ref.kind is FieldKind.REPORT:
        assert editor.pages.currentWidget() is editor.document_fields
        widget = editor.document_fields.widget_for(ref)
        assert widget is not None and (focused is widget or widget.isAncestorOf(focused)), ref.path
    elif ref.kind is FieldKind.TARGET:
        assert editor.pages.currentWidget() is editor.targets_editor
        table = editor.targets_editor.next if ref.is_next_target else editor.targets_editor.current
        assert focused is table and table.currentRow() == ref.index, ref.path
    elif ref.kind is FieldKind.SECTION:
        section = ref.section_in(editor.editing.report)
        assert section is not None, ref.path
        assert editor.pages.currentWidget() is editor.section_editor
        assert editor.section_editor.section is section
        assert focused is editor.section_editor.editor


@pytest.mark.parametrize("name", REPORTS)
def test_activating_each_finding_goes_to_its_field(qtbot, editor, sessions, name):
    open_in(editor, sessions, REPORTS[name]())
    panel = editor.findings
    items = [panel.item(i) for i in range(panel.count())
             if panel.item(i).data(Qt.ItemDataRole.UserRole) is not None]
    assert len(items) == len(editor.editing.findings)
    for item in items:
        finding = item.data(Qt.ItemDataRole.UserRole)
        ref = parse(finding.fields[0])
        # Start from another page, with the focus in the panel, so that a jump that does nothing is seen.
        editor.navigator.select_page(PAGE_STATS if ref.kind is FieldKind.REPORT else PAGE_DOCUMENT)
        panel.setFocus()
        panel.setCurrentItem(item)
        if ref.kind is FieldKind.ORGANISATION:
            with qtbot.waitSignal(editor.organisation_edit_requested, timeout=1000):
                qtbot.keyClick(panel, Qt.Key.Key_Return)
            continue
        qtbot.keyClick(panel, Qt.Key.Key_Return)
        _focused_on(editor, ref)


def test_every_field_the_forms_show_resolves(editor, sessions):
    report = REPORTS["demo-dang-bo"]()
    report.signature = Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An")  # the report's own signature
    open_in(editor, sessions, report)
    shown = [*editor.stats_form.fields, *editor.document_fields.fields]
    assert len(shown) > 80
    for ref in shown:
        assert parse(ref.path) == ref
        assert ref.exists_in(report), ref.path
    for ref, widget in editor.stats_form.fields.items():
        assert widget.objectName() == ref.path
