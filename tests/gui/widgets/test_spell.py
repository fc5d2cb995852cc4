"""The section editor underlines misspelt words off the GUI thread and offers corrections on right-click."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from app.domain.report import Entry, EntryKind, Section
from app.gui.widgets.section_editor import SectionEditor
from app.gui.widgets.spell import SpellService
from app.services import spelling

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
    block = editor.editor.document().firstBlock()
    while block.isValid():
        words.extend(block.text()[fmt.start:fmt.start + fmt.length] for fmt in block.layout().formats()
                     if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        block = block.next()
    return words


def context_menu(edit, pos):
    """The menu a right-click at pos builds (the editor shows it as a popup, which the offscreen platform warns of)."""
    edit._remember_menu_pos(pos)
    return edit.createStandardContextMenu()


def test_misspelt_words_get_a_wavy_underline_and_party_words_codes_and_both_tone_styles_do_not(qtbot, editor):
    qtbot.waitUntil(lambda: underlined(editor) != [], timeout=10_000)
    assert underlined(editor) == ["kiễm", "Krông", "Pắc"]
    assert editor.section.entries[0].text.startswith("Chi bộ kiễm")  # underlining is not an edit


def test_right_click_offers_corrections_and_adding_to_the_office_dictionary(qtbot, editor, tmp_path):
    qtbot.waitUntil(lambda: "kiễm" in underlined(editor), timeout=10_000)
    edit = editor.editor
    pos = edit.cursorRect(QTextCursor(edit.document().findBlockByNumber(0))).center()
    pos.setX(pos.x() + edit.fontMetrics().horizontalAdvance("- Chi bộ ki"))
    menu = context_menu(edit, pos)
    texts = [a.text() for a in menu.actions()]
    assert "kiểm" in texts[:6] and "Thêm vào từ điển" in texts
    next(a for a in menu.actions() if a.text() == "kiểm").trigger()
    assert editor.section.entries[0].text.startswith("Chi bộ kiểm tra")
    # Add "Krông" to the office dictionary: it is kept in the data folder and no longer underlined.
    block = edit.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("Krông") + 2)
    rect = edit.cursorRect(cursor)
    next(a for a in context_menu(edit, rect.center()).actions() if a.text() == "Thêm vào từ điển").trigger()
    assert spelling.read_office_words(Path(tmp_path)) == ["Krông"]
    qtbot.waitUntil(lambda: underlined(editor) == ["Pắc"], timeout=10_000)
