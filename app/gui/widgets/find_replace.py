"""Find (Ctrl+F) and replace (Ctrl+H) across every section of the open report, in a window that stays open.

Find next / previous go through the sections in the order of the outline: the section holding the next match is
opened and the match selected in the section editor, as Word does across pages. Replacing one match types over the
selection, so a computed sentence it falls in becomes hers, as typing would; replacing all goes through the
report's entries (app.domain.find_replace) and says how many it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.find_replace import SearchOptions, find_all, matches, replace_all, section_matches, sections_in_order
from app.domain.report import Section
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.domain.report import Report
    from app.gui.report_editor import ReportEditor

TABLE_MARK = "▦ "


class FindReplaceDialog(QDialog):
    """Non-modal find and replace over the report shown in a ReportEditor (its navigator and section editor)."""

    def __init__(self, report_editor: ReportEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_editor = report_editor
        self.setWindowTitle(_("Find and replace"))
        self.setModal(False)
        self.find_edit = QLineEdit(objectName="find_text")
        self.replace_edit = QLineEdit(objectName="replace_text")
        self.match_case = QCheckBox(_("Match case"))
        self.whole_word = QCheckBox(_("Whole words only"))
        self.ignore_marks = QCheckBox(_("Ignore tone marks (“hoa” finds “hòa”, “hoá”)"))
        self.previous_button = QPushButton(_("Find previous"))
        self.next_button = QPushButton(_("Find next"))
        self.replace_button = QPushButton(_("Replace"))
        self.replace_all_button = QPushButton(_("Replace all"))
        self.status = QLabel(objectName="find_status")
        self.status.setWordWrap(True)
        grid = QGridLayout()
        self.find_label = QLabel(_("Find:"))
        self.replace_label = QLabel(_("Replace with:"))
        self.find_label.setBuddy(self.find_edit)
        self.replace_label.setBuddy(self.replace_edit)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.next_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        for box in (self.match_case, self.whole_word, self.ignore_marks):
            layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.previous_button.clicked.connect(lambda: self.find(forward=False))
        self.next_button.clicked.connect(lambda: self.find(forward=True))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_every)
        self.find_edit.returnPressed.connect(lambda: self.find(forward=True))

    def open_for(self, replace: bool) -> None:
        """Show the window (with the replace field when replace), the selected words as the text to find."""
        cursor = self.report_editor.section_editor.editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.setWindowTitle(_("Find and replace") if replace else _("Find"))
        self.status.clear()
        self.show()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    # -- finding ----------------------------------------------------------------------------------------------

    @property
    def options(self) -> SearchOptions:
        return SearchOptions(self.match_case.isChecked(), self.whole_word.isChecked(), self.ignore_marks.isChecked())

    def _report(self) -> Report | None:
        return self.report_editor.editing.report

    def _current_section(self) -> Section | None:
        editor = self.report_editor
        if editor.pages.currentWidget() is editor.section_editor:
            return editor.section_editor.section
        return None

    def _matches_in_editor(self) -> list[tuple[int, int]]:
        """(start, end) of the matches in the shown section's text, leaving out the lines that stand for tables."""
        text_edit = self.report_editor.section_editor.editor
        out: list[tuple[int, int]] = []
        block = text_edit.document().firstBlock()
        while block.isValid():
            text = block.text()
            if not text.startswith(TABLE_MARK):
                out.extend((block.position() + s, block.position() + e)
                           for s, e in find_all(text, self.find_edit.text(), self.options))
            block = block.next()
        return out

    def _select(self, span: tuple[int, int]) -> None:
        text_edit = self.report_editor.section_editor.editor
        cursor = QTextCursor(text_edit.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        text_edit.setTextCursor(cursor)
        text_edit.ensureCursorVisible()

    # QWidget.find(id) is a static lookup of a widget by window id, never called on this dialog.
    def find(self, forward: bool = True) -> bool:  # type: ignore[override]
        """Select the next (or previous) match, opening the section that holds it; False when there is none."""
        query = self.find_edit.text()
        report = self._report()
        if report is None or not query.strip():
            return False
        current = self._current_section()
        if current is not None:
            cursor = self.report_editor.section_editor.editor.textCursor()
            spans = self._matches_in_editor()
            if forward:
                span = next((s for s in spans if s[0] >= cursor.selectionEnd()), None)
            else:
                span = next((s for s in reversed(spans) if s[1] <= cursor.selectionStart()), None)
            if span is not None:
                self._select(span)
                self.status.clear()
                return True
        sections = sections_in_order(report)
        start = sections.index(current) if current in sections else (-1 if forward else len(sections))
        step = 1 if forward else -1
        order = [sections[(start + step * k) % len(sections)] for k in range(1, len(sections) + 1)]
        for section in order:
            if section_matches(section, query, self.options):
                if section is not current:
                    self.report_editor.navigator.select_section(section.key)
                if self.report_editor.section_editor.section is not section:
                    continue
                spans = self._matches_in_editor()
                if spans:
                    self._select(spans[0] if forward else spans[-1])
                    self.status.clear()
                    return True
        self.status.setText(_("“{text}” was not found in the report.").format(text=query))
        return False

    # -- replacing --------------------------------------------------------------------------------------------

    def replace_one(self) -> None:
        """Replace the selected match (as if typed over it), then find the next one."""
        text_edit = self.report_editor.section_editor.editor
        cursor = text_edit.textCursor()
        if self._current_section() is not None and matches(cursor.selectedText(), self.find_edit.text(),
                                                           self.options):
            cursor.insertText(self.replace_edit.text())
        self.find(forward=True)

    def replace_every(self) -> int:
        """Replace every match in the report's text and say how many were replaced."""
        report = self._report()
        query = self.find_edit.text()
        if report is None or not query.strip():
            return 0
        count = replace_all(report, query, self.replace_edit.text(), self.options)
        if count:
            self.report_editor.section_editor.refresh()
            self.report_editor.editing.changed("text")
        self.status.setText(ngettext("Replaced {count} occurrence.", "Replaced {count} occurrences.",
                                     count).format(count=count))
        return count
