"""Find (Ctrl+F) and replace (Ctrl+H) go through every section of the report, as in Word."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt

from app.domain.find_replace import SearchOptions, count_matches, find_all, matches
from app.domain.report import EntryState
from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks


@pytest.fixture
def window(qtbot):
    win = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.database_opened, timeout=10_000):
        win.start()
    with qtbot.waitSignal(win.report_opened, timeout=10_000):
        qtbot.mouseClick(win.welcome.demo_button, Qt.MouseButton.LeftButton)
    yield win
    win.close()


def ctrl(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def open_replace(qtbot, window, query: str, replacement: str = ""):
    ctrl(qtbot, window, Qt.Key.Key_H)
    dialog = window._find_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.find_edit.setText(query)
    dialog.replace_edit.setText(replacement)
    return dialog


def test_ctrl_h_opens_replace_and_stays_in_the_report_while_ctrl_shift_h_goes_home(qtbot, window):
    dialog = open_replace(qtbot, window, "chi bộ")
    assert window.stack.currentWidget() is window.editor
    assert dialog.replace_edit.isVisible() and dialog.replace_all_button.isVisible()
    dialog.close()
    ctrl(qtbot, window, Qt.Key.Key_F)
    assert window._find_dialog.isVisible() and not window._find_dialog.replace_edit.isVisible()
    window._find_dialog.close()
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.currentWidget() is window.home


def test_the_edit_menu_offers_undo_redo_find_and_replace(window):
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Sửa"]
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Hoàn tác", "Làm lại", "Tìm…", "Thay thế…"]


def test_find_next_goes_through_every_match_in_every_section_and_comes_round(qtbot, window):
    report = window.editing.report
    total = count_matches(report, "đảng viên")
    assert total > 5
    dialog = open_replace(qtbot, window, "đảng viên")
    seen = []
    for _i in range(total):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        section = window.editor.section_editor.section
        cursor = window.editor.section_editor.editor.textCursor()
        assert window.editor.pages.currentWidget() is window.editor.section_editor
        assert matches(cursor.selectedText(), "đảng viên")
        seen.append((section.key, cursor.selectionStart()))
    assert len(set(seen)) == total
    assert len({key for key, _pos in seen}) > 3
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    section = window.editor.section_editor.section
    assert (section.key, window.editor.section_editor.editor.textCursor().selectionStart()) == seen[0]
    qtbot.mouseClick(dialog.previous_button, Qt.MouseButton.LeftButton)
    section = window.editor.section_editor.section
    assert (section.key, window.editor.section_editor.editor.textCursor().selectionStart()) == seen[-1]


def test_replace_in_a_computed_sentence_makes_it_hers(qtbot, window):
    report = window.editing.report
    section, entry = next((s, e) for s in report.walk_sections() for e in s.entries
                          if e.source and e.state is EntryState.AUTO and find_all(e.text, "đảng viên"))
    window.editor.navigator.select_section(section.key)
    dialog = open_replace(qtbot, window, "đảng viên", "hội viên")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    while window.editor.section_editor.section is not section:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    changed = next(e for e in section.entries if e.source == entry.source)
    assert changed.state is EntryState.EDITED
    assert "hội viên" in changed.text and changed.basis == entry.text


def test_replace_all_counts_and_leaves_no_match_even_in_decomposed_text(qtbot, window):
    report = window.editing.report
    section = next(s for s in report.walk_sections() if s.entries)
    her = next(e for e in section.entries if not e.source) if any(not e.source for e in section.entries) else None
    if her is not None:
        her.text = unicodedata.normalize("NFD", her.text + " Nghị quyết")
    total = count_matches(report, "nghị quyết")
    dialog = open_replace(qtbot, window, "nghị quyết", "Nghị quyết số 01")
    dialog.match_case.setChecked(False)
    assert dialog.replace_every() == total > 3
    assert dialog.status.text() == f"Đã thay {total} chỗ."
    assert count_matches(report, "nghị quyết số 01") == total
    assert count_matches(report, "nghị quyết", SearchOptions()) == total
    window.editing.flush()
    from app.services import reports

    saved = reports.get_report(window.sessions, window.editing.report_id)
    assert count_matches(saved, "Nghị quyết số 01", SearchOptions(match_case=True)) == total


def test_ignoring_tone_marks_finds_hoa_in_both_styles(qtbot, window):
    window.editor.navigator.select_section("bai_hoc")
    editor = window.editor.section_editor.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("\nVăn hoá và văn hóa.")
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfBlock)
    dialog = open_replace(qtbot, window, "văn hoa")
    dialog.ignore_marks.setChecked(True)
    dialog.whole_word.setChecked(True)
    found = []
    for _i in range(2):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        found.append(editor.textCursor().selectedText())
    assert found == ["Văn hoá", "văn hóa"]
    dialog.ignore_marks.setChecked(False)
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfBlock)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert editor.textCursor().selectedText() == ""  # "hoa" without marks is nowhere in the report
