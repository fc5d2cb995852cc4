"""The text of one section, typed freely: each line a paragraph, "- " a bullet, "+ " a sub-bullet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextDocumentLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.report import Section
from app.domain.section_text import entries_from_text, text_from_entries
from app.i18n import _


class SectionEditor(QWidget):
    """Edits the entries of the selected section; each section keeps its own undo history.

    Signals:
        edited(): the section's entries changed (the Section object is already updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: Section | None = None
        self._documents: dict[int, QTextDocument] = {}
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        hint = QLabel(_("Each line is a paragraph. Start a line with “- ” for a bullet and “+ ” for a sub-bullet. "
                        "The sentences computed from the statistics are added before this text."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.editor = QPlainTextEdit(objectName="section_text")
        self.editor.setFont(QFont("Times New Roman", 13))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)

    def clear_documents(self) -> None:
        """Forget every section's text document (a new report is opened)."""
        self.section = None
        self._documents.clear()

    def show_section(self, section: Section, heading: str) -> None:
        """Edit section; its document (and undo history) is kept while the report stays open."""
        self.section = None  # no edits while switching
        doc = self._documents.get(id(section))
        if doc is None:
            doc = QTextDocument(self)
            doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
            doc.setPlainText(text_from_entries(section.entries))
            doc.clearUndoRedoStacks()
            self._documents[id(section)] = doc
        self.editor.setDocument(doc)
        self.heading.setText(heading)
        self.section = section

    def _on_text_changed(self) -> None:
        if self.section is None:
            return
        self.section.entries = entries_from_text(self.editor.toPlainText())
        self.edited.emit()
