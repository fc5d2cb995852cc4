"""The text boxes underline misspelt words, looked up off the GUI thread, and offer corrections on right-click."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from app.domain.report import Entry, EntryKind, Section
from app.domain.spelling import ToneStyle
from app.gui.widgets.section_editor import SectionEditor
from app.gui.widgets.spell import SpellService, _SpellMenu, attach_spelling
from app.services import spelling
from tests.gui.keys import type_text

pytestmark = pytest.mark.skipif(spelling.dictionary_base() is None, reason="no vi_VN Hunspell dictionary installed")


@pytest.fixture
def service(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TONGKET_DATA_DIR", str(tmp_path))
    svc = SpellService()
    qtbot.waitUntil(lambda: svc.checker is not None, timeout=20_000)
    return svc


@pytest.fixture
def editor(qtbot, service):
    widget = SectionEditor()
    qtbot.addWidget(widget)
    widget.editor.set_spell_service(service)
    widget.show_section(Section("bai_hoc", "Bài học", entries=[
        Entry("Chi bộ kiễm tra thường xuyên, đảng viên gương mẫu theo Quy định 366-QĐ/TW.", EntryKind.BULLET),
        Entry("Đảng ủy lãnh đạo hoà thuận, thủy lợi; HĐND huyện Krông Pắc.", EntryKind.PARAGRAPH)]), "Bài học")
    widget.show()
    return widget


def underlined(editor) -> list[str]:
    words = []
    edit = editor.editor if isinstance(editor, SectionEditor) else editor
    block = edit.document().firstBlock()
    while block.isValid():
        words.extend(block.text()[fmt.start:fmt.start + fmt.length] for fmt in block.layout().formats()
                     if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        block = block.next()
    return words


def menu_on(edit, service, word):
    """The right-click menu of a plain text box with spelling attached, clicked inside the first word."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index(word) + 1)
    return _SpellMenu(edit, service).menu_at(edit.cursorRect(cursor).center())


def context_menu(edit, pos):
    """The menu a right-click at pos builds (the editor shows it as a popup, which the offscreen platform warns of)."""
    edit._remember_menu_pos(pos)
    return edit.createStandardContextMenu()


def test_misspelt_words_and_the_other_tone_style_get_a_wavy_underline_and_party_words_and_codes_do_not(qtbot, editor):
    qtbot.waitUntil(lambda: underlined(editor) == ["kiễm", "hoà", "Krông", "Pắc"], timeout=10_000)
    assert editor.section.entries[0].text.startswith("Chi bộ kiễm")  # underlining is not an edit


def test_right_click_offers_corrections_and_adding_to_the_office_dictionary(qtbot, editor, tmp_path):
    qtbot.waitUntil(lambda: "kiễm" in underlined(editor), timeout=10_000)
    edit = editor.editor
    pos = edit.cursorRect(QTextCursor(edit.document().findBlockByNumber(0))).center()
    pos.setX(pos.x() + edit.fontMetrics().horizontalAdvance("- Chi bộ ki"))
    menu = context_menu(edit, pos)
    # Corrections come from the spelling thread; the menu fills them in when they arrive.
    qtbot.waitUntil(lambda: "kiểm" in [a.text() for a in menu.actions()][:6], timeout=10_000)
    texts = [a.text() for a in menu.actions()]
    assert "Thêm vào từ điển" in texts and "Bỏ qua" in texts and "Đang tìm gợi ý…" not in texts
    next(a for a in menu.actions() if a.text() == "kiểm").trigger()
    assert editor.section.entries[0].text.startswith("Chi bộ kiểm tra")
    # Add "Krông" to the office dictionary: it is kept in the data folder and no longer underlined.
    block = edit.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("Krông") + 2)
    rect = edit.cursorRect(cursor)
    next(a for a in context_menu(edit, rect.center()).actions() if a.text() == "Thêm vào từ điển").trigger()
    assert spelling.read_office_words(Path(tmp_path)) == ["Krông"]
    qtbot.waitUntil(lambda: underlined(editor) == ["hoà", "Pắc"], timeout=10_000)


def test_a_word_in_the_other_tone_style_is_underlined_and_the_style_setting_turns_it_round(qtbot, editor, service):
    qtbot.waitUntil(lambda: "hoà" in underlined(editor), timeout=10_000)
    assert "thủy" not in underlined(editor)
    edit = editor.editor
    block = edit.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("hoà") + 1)
    menu = context_menu(edit, edit.cursorRect(cursor).center())
    qtbot.waitUntil(lambda: "hòa" in [a.text() for a in menu.actions()], timeout=10_000)
    service.set_style(ToneStyle.OLD)
    qtbot.waitUntil(lambda: underlined(editor) == ["kiễm", "ủy", "thủy", "Krông", "Pắc"], timeout=10_000)


def test_typing_never_looks_a_word_up_on_the_gui_thread(qtbot, service):
    threads: list[threading.Thread] = []
    checker = service.checker
    known, suggest = checker._known, checker._suggest

    def watched_known(word):
        threads.append(threading.current_thread())
        return known(word)

    def watched_suggest(word):
        threads.append(threading.current_thread())
        return suggest(word)

    checker._known, checker._suggest = watched_known, watched_suggest
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, service)
    edit.show()
    type_text(edit, "Chi bộ lãnh đạo xây dựng nông thôn mới, kiễm tra giám sát thườngg xuyên")
    qtbot.waitUntil(lambda: underlined(edit) == ["kiễm", "thườngg"], timeout=10_000)
    menu = menu_on(edit, service, "kiễm")
    qtbot.waitUntil(lambda: "kiểm" in [a.text() for a in menu.actions()], timeout=10_000)
    assert threads and threading.main_thread() not in threads


def test_underlines_appear_once_the_spelling_thread_has_looked_the_words_up(qtbot, service):
    release = threading.Event()
    checker = service.checker
    known = checker._known

    def held_known(word):
        release.wait(10)
        return known(word)

    checker._known = held_known
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, service)
    edit.show()
    type_text(edit, "Chi bộ xâyy dựng")  # typing goes on while the thread waits
    assert edit.toPlainText() == "Chi bộ xâyy dựng" and underlined(edit) == []
    release.set()
    qtbot.waitUntil(lambda: underlined(edit) == ["xâyy"], timeout=10_000)


def test_slow_corrections_show_a_waiting_line_that_the_corrections_replace(qtbot, service, monkeypatch):
    release = threading.Event()
    checker = service.checker
    suggest = checker._suggest

    def held_suggest(word):
        release.wait(10)
        return suggest(word)

    checker._suggest = held_suggest
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, service)
    edit.setPlainText("nông thônn mới")
    edit.show()
    qtbot.waitUntil(lambda: underlined(edit) == ["thônn"], timeout=10_000)
    menu = menu_on(edit, service, "thônn")
    texts = [a.text() for a in menu.actions()]
    assert "Đang tìm gợi ý…" in texts and "Thêm vào từ điển" in texts
    release.set()
    qtbot.waitUntil(lambda: "thôn" in [a.text() for a in menu.actions()], timeout=10_000)
    assert "Đang tìm gợi ý…" not in [a.text() for a in menu.actions()]
    next(a for a in menu.actions() if a.text() == "Bỏ qua").trigger()
    qtbot.waitUntil(lambda: underlined(edit) == [], timeout=10_000)
    assert spelling.read_office_words(None) == []  # ignoring is not adding


def test_a_word_still_gets_its_underline_when_lines_were_added_above_it_meanwhile(qtbot, service):
    release = threading.Event()
    checker = service.checker
    known = checker._known

    def held_known(word):
        release.wait(10)
        return known(word)

    checker._known = held_known
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    attach_spelling(edit, service)
    edit.show()
    type_text(edit, "Chi bộ\nnông thônn")
    cursor = QTextCursor(edit.document().firstBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("\nĐảng bộ")  # the line of "thônn" moves down, untouched
    release.set()
    qtbot.waitUntil(lambda: underlined(edit) == ["thônn"], timeout=10_000)
