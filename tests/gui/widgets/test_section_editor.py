"""The section editor shows the computed sentences with her text and keeps track of what she did to them."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.domain.report import Entry, EntryKind, EntryState, Section
from app.gui.widgets.section_editor import AUTO_COLOUR, EDITED_COLOUR, SectionEditor, entries_from_lines
from tests.gui.keys import type_text

B, P, T = EntryKind.BULLET, EntryKind.PARAGRAPH, EntryKind.TABLE
WORK = "Đảng ủy kiểm tra 03 tổ chức đảng và 05 đảng viên."


@pytest.fixture
def section():
    return Section("kiem_tra", "Kiểm tra", entries=[
        Entry(WORK, B, source="kiem_tra.work"),
        Entry("membership", T, source="to_chuc_can_bo.membership_table"),
        Entry("Nhận xét của chi bộ.", P),
    ])


@pytest.fixture
def editor(qtbot, section):
    widget = SectionEditor()
    qtbot.addWidget(widget)
    widget.show_section(section, "5- Công tác kiểm tra")
    return widget


def put_cursor(editor, block: int, end: bool = True) -> None:
    cursor = QTextCursor(editor.editor.document().findBlockByNumber(block))
    if end:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.editor.setTextCursor(cursor)
    editor.editor.setFocus()


def test_computed_sentences_are_shown_in_order_with_her_text(editor):
    lines = editor.editor.toPlainText().splitlines()
    assert lines[0] == "- " + WORK
    assert lines[1].startswith("▦ ")
    assert lines[2] == "Nhận xét của chi bộ."
    assert [state for _t, state in editor.line_states()] == [EntryState.AUTO, EntryState.AUTO, None]


def test_computed_lines_are_shaded_and_hers_are_not(editor):
    colours = [s.format.background().color() for s in editor.editor.extraSelections()]
    assert colours[0] == AUTO_COLOUR
    assert len(colours) == 2


def test_typing_into_a_computed_sentence_makes_it_hers(qtbot, editor, section):
    put_cursor(editor, 0)
    type_text(editor.editor, ", chấp hành nghiêm")
    work = section.entries[0]
    assert (work.source, work.state) == ("kiem_tra.work", EntryState.EDITED)
    assert work.text == WORK + ", chấp hành nghiêm"
    assert work.basis == WORK
    assert editor.editor.extraSelections()[0].format.background().color() == EDITED_COLOUR


def test_deleting_a_computed_line_removes_it_for_good(qtbot, editor, section):
    cursor = QTextCursor(editor.editor.document().findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    work = next(e for e in section.entries if e.source == "kiem_tra.work")
    assert work.state is EntryState.REMOVED and not work.prints
    assert "kiểm tra 03" not in editor.editor.toPlainText()


def test_enter_at_the_end_of_a_computed_line_starts_her_own_paragraph(qtbot, editor, section):
    put_cursor(editor, 0)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    type_text(editor.editor, "Đoạn của tôi.")
    assert [(e.source, e.state, e.text) for e in section.entries[:2]] == [
        ("kiem_tra.work", EntryState.AUTO, WORK), ("", EntryState.AUTO, "Đoạn của tôi.")]


def test_enter_at_the_start_of_a_computed_line_keeps_it_computed(qtbot, editor, section):
    put_cursor(editor, 0, end=False)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    put_cursor(editor, 0)
    type_text(editor.editor, "Mở đầu của tôi.")
    assert [(e.source, e.state) for e in section.entries[:2]] == [("", EntryState.AUTO),
                                                                   ("kiem_tra.work", EntryState.AUTO)]
    assert section.entries[0].text == "Mở đầu của tôi."


def test_removed_sentence_can_be_brought_back_from_the_menu(qtbot, editor, section):
    leave_out = editor.context_actions(0)[0]
    leave_out.trigger()
    assert section.entries[0].state is EntryState.REMOVED
    bring_back = [a for a in editor.context_actions(0) if a.text().startswith("Đưa lại")]
    assert bring_back, [a.text() for a in editor.context_actions(0)]
    bring_back[0].trigger()
    assert next(e for e in section.entries if e.source == "kiem_tra.work").state is EntryState.AUTO
    assert editor.editor.toPlainText().splitlines()[0] == "- " + WORK


def test_edited_sentence_can_go_back_to_the_computed_one(qtbot, editor, section):
    put_cursor(editor, 0)
    type_text(editor.editor, " Thêm.")
    back = editor.context_actions(0)[0]
    back.trigger()
    work = next(e for e in section.entries if e.source == "kiem_tra.work")
    assert (work.state, work.text) == (EntryState.AUTO, WORK)


def test_figures_changing_lay_the_section_out_anew(editor, section):
    section.entries[0] = Entry("Đảng ủy kiểm tra 04 tổ chức đảng.", B, source="kiem_tra.work")
    editor.refresh()
    assert editor.editor.toPlainText().splitlines()[0] == "- Đảng ủy kiểm tra 04 tổ chức đảng."


def test_undo_history_survives_switching_sections_while_nothing_changed(qtbot, editor, section):
    put_cursor(editor, 2)
    type_text(editor.editor, " Thêm")
    other = Section("khac", "Khác")
    editor.show_section(other, "Khác")
    editor.show_section(section, "5- Công tác kiểm tra")
    assert editor.editor.document().isUndoAvailable()


def test_text_typed_onto_a_table_line_is_hers_and_the_table_stays():
    table = Entry("membership", T, source="t.table")
    lines = [("▦ Bảng: biến động đảng viên (tính từ số liệu) thêm", "t.table")]
    out = entries_from_lines(lines, [table])
    assert out[0].kind is T and out[0].state is EntryState.AUTO


# Word puts a list on the clipboard as plain text with its own marks and as HTML with mso-list paragraphs.
WORD_PLAIN = "•\tĐảng ủy lãnh đạo tốt\r\no\tCông tác kiểm tra\r\n1.\tViệc một\r\n2.\tViệc hai\r\n"
WORD_HTML = ("<html><body><p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
             "<span style='font-family:Symbol'>·<span>&nbsp;&nbsp;</span></span>Đảng ủy lãnh đạo tốt</p>"
             "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'>"
             "<span style='font-family:\"Courier New\"'>o<span>&nbsp;</span></span>Công tác kiểm tra</p>"
             "</body></html>")


def test_pasting_from_word_gives_the_apps_bullets_in_composed_letters(qtbot, editor, section):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from app.domain.demo import demo_report
    from app.domain.lint import lint_report

    mime = QMimeData()
    mime.setData("text/plain", unicodedata.normalize("NFD", WORD_PLAIN).encode("utf-8"))
    mime.setHtml(unicodedata.normalize("NFD", WORD_HTML))
    QGuiApplication.clipboard().setMimeData(mime)
    put_cursor(editor, 2)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QGuiApplication.clipboard().clear()  # the clipboard deletes the mime data now, not at exit
    lines = editor.editor.toPlainText().splitlines()
    assert lines[3:7] == ["- Đảng ủy lãnh đạo tốt", "+ Công tác kiểm tra", "- Việc một", "- Việc hai"]
    pasted = section.entries[3:7]
    assert [e.kind for e in pasted] == [B, EntryKind.SUB_BULLET, B, B]
    assert all(unicodedata.is_normalized("NFC", e.text) for e in pasted)
    report = demo_report()
    report.sections[0].entries = section.entries
    assert not [f for f in lint_report(report) if f.code == "text.not_nfc"]
    report.sections[0].entries[3].text = unicodedata.normalize("NFD", report.sections[0].entries[3].text)
    assert [f for f in lint_report(report) if f.code == "text.not_nfc"]  # the check still sees typed NFD text


def test_a_deleted_section_leaves_no_document_behind(qtbot, demo):
    from app.domain.outline import add_section

    editor = SectionEditor()
    qtbot.addWidget(editor)
    added = add_section(demo, demo.section("dac_diem"), "Mục tạm")
    editor.show_section(added, "Mục tạm")
    assert id(added) in editor._documents

    editor.forget_section(added)

    assert id(added) not in editor._documents and editor.section is None
