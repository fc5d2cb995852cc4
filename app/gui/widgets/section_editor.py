"""The text of one section as it prints: the sentences computed from the figures and her own, in document order.

Each line is an entry: a paragraph, a "- " bullet or a "+ " sub-bullet. A line the app computed from the figures
is shaded and follows the figures while she leaves it alone; once she changes it, it is hers (shaded yellow) and
stays as she wrote it; once she deletes it, it no longer prints and is not computed again (the context menu
brings it back). Which line is which is kept in a property of each text block's format, which Qt carries along
as she types; when a line is split, the part that still reads as computed keeps its place.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QHelpEvent, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.domain.drafting import TABLE_LABELS, display_text
from app.domain.pasted_text import lines_from_pasted
from app.domain.report import Entry, EntryKind, EntryState, Section
from app.domain.section_text import entries_from_text
from app.gui.widgets.spell import SpellHighlighter, SpellService, add_spelling_actions
from app.i18n import _

# The block format property that holds the slot of a generated entry ("" or absent for her own lines).
SLOT = QTextFormat.Property.UserProperty + 1

AUTO_COLOUR = QColor("#e3eefb")
EDITED_COLOUR = QColor("#fff4cc")
TABLE_COLOUR = QColor("#ececec")


def table_line(entry: Entry) -> str:
    """The line that stands for a generated table in the editor."""
    label = TABLE_LABELS.get(entry.text)
    return "▦ " + (_(label) if label else entry.text)


def line_of(entry: Entry) -> str:
    return table_line(entry) if entry.kind is EntryKind.TABLE else display_text(entry)


def entries_from_lines(lines: list[tuple[str, str]], previous: list[Entry]) -> list[Entry]:
    """The section's entries from the editor's lines, each (text, slot of the generated entry it began as or "").

    previous: the entries before the edit. For each generated entry the line that still reads exactly as it did
    keeps it AUTO; otherwise the first line carrying its slot is the edited sentence (EDITED, with the generated
    text as its basis), and any other line carrying it is her own text. A generated entry with no line left is
    REMOVED. A table cannot be edited as text: its line keeps the table, and anything typed onto it is hers.
    """
    before = {e.source: e for e in previous if e.source}
    kept = {i for i, (text, slot) in enumerate(lines) if slot in before and before[slot].state is not EntryState.REMOVED
            and text == line_of(before[slot])}
    exact: dict[str, int] = {}
    for i in sorted(kept):
        exact.setdefault(lines[i][1], i)
    out: list[Entry] = []
    claimed: set[str] = set()
    for i, (text, slot) in enumerate(lines):
        prev = before.get(slot) if slot else None
        if prev is not None and slot not in claimed and prev.state is not EntryState.REMOVED:
            if exact.get(slot) == i:
                out.append(replace(prev, id=None))
                claimed.add(slot)
                continue
            if slot not in exact and text.strip():
                claimed.add(slot)
                if prev.kind is EntryKind.TABLE:
                    out.append(replace(prev, id=None))
                    extra = text.replace(table_line(prev), "").strip()
                    out.extend(entries_from_text(extra))
                    continue
                typed = entries_from_text(text)
                if typed:
                    first = typed[0]
                    basis = prev.basis if prev.state is EntryState.EDITED else prev.text
                    out.append(Entry(first.text, first.kind, None, slot, EntryState.EDITED, basis))
                    out.extend(typed[1:])
                continue
        out.extend(entries_from_text(text))
    for slot, prev in before.items():
        if slot not in claimed:
            text = prev.basis if prev.state is EntryState.EDITED and prev.basis else prev.text
            out.append(Entry(text, prev.kind, None, slot, EntryState.REMOVED, ""))
    return out


class SectionTextEdit(QPlainTextEdit):
    """The plain text box of a section; text pasted into it gets the app's bullets and composed letters.

    Given a spell service (set_spell_service), it underlines misspelt words and its context menu offers corrections.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spell: SpellService | None = None
        self._menu_pos = None
        self.customContextMenuRequested.connect(self._remember_menu_pos)

    def set_spell_service(self, service: SpellService) -> None:
        self.spell = service
        self._attach_spelling(self.document())

    def setDocument(self, document: QTextDocument) -> None:
        super().setDocument(document)
        self._attach_spelling(document)

    def _attach_spelling(self, document: QTextDocument) -> None:
        if self.spell is not None and document.findChild(SpellHighlighter) is None:
            SpellHighlighter(document, self.spell)

    def _remember_menu_pos(self, pos) -> None:
        self._menu_pos = pos

    def createStandardContextMenu(self, *args) -> QMenu:
        menu = super().createStandardContextMenu(*args)
        if self.spell is not None and self._menu_pos is not None:
            add_spelling_actions(menu, self, self.spell, self.cursorForPosition(self._menu_pos))
        return menu

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(lines_from_pasted(source.text()))
        else:
            super().insertFromMimeData(source)


class SectionEditor(QWidget):
    """Edits the entries of the selected section; each section keeps its own undo history.

    The history of a section is kept while its text on screen matches the report; when the figures change its
    computed sentences, the text is laid out anew (and its history starts again).

    Signals:
        edited(): the section's entries changed (the Section object is already updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: Section | None = None
        self._documents: dict[int, tuple[QTextDocument, tuple[tuple[object, ...], ...]]] = {}
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        hint = QLabel(_("Each line is a paragraph; start a line with “- ” for a bullet and “+ ” for a sub-bullet. "
                        "Shaded lines are computed from the figures and follow them; change one and it becomes "
                        "yours (yellow), delete it and it is left out. Right-click for more."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.editor = SectionTextEdit(objectName="section_text")
        self.editor.setFont(QFont("Times New Roman", 13))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._show_menu)
        self.editor.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)

    # -- documents ---------------------------------------------------------------------------------------------

    def clear_documents(self) -> None:
        """Forget every section's text document (a new report is opened)."""
        self.section = None
        self._documents.clear()

    def forget_section(self, section: Section) -> None:
        """Drop the document of a deleted section, so that a new section never inherits its text or undo history."""
        for node in section.walk():
            self._documents.pop(id(node), None)
            if self.section is node:
                self.section = None

    def show_section(self, section: Section, heading: str) -> None:
        """Edit section; its document (and undo history) is kept while it still matches the report."""
        self.section = None  # no edits while switching
        cached = self._documents.get(id(section))
        if cached is None or cached[1] != _signature(section):
            doc = QTextDocument(self)
            doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
            _fill(doc, section.entries)
            doc.clearUndoRedoStacks()
            self._documents[id(section)] = (doc, _signature(section))
            cached = self._documents[id(section)]
        self.editor.setDocument(cached[0])
        self.heading.setText(heading)
        self.section = section
        self._highlight()

    def refresh(self) -> None:
        """Lay the shown section out anew when the report changed under it (its computed sentences were reworded)."""
        section = self.section
        if section is None:
            return
        cached = self._documents.get(id(section))
        if cached is not None and cached[1] == _signature(section):
            return
        block, column = self.editor.textCursor().blockNumber(), self.editor.textCursor().positionInBlock()
        self.section = None
        doc, _sig = cached if cached is not None else (None, ())
        if doc is None:
            self.show_section(section, self.heading.text())
            return
        doc.setUndoRedoEnabled(False)
        _fill(doc, section.entries)
        doc.setUndoRedoEnabled(True)
        self._documents[id(section)] = (doc, _signature(section))
        self.section = section
        cursor = QTextCursor(doc.findBlockByNumber(min(block, doc.blockCount() - 1)))
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=min(column, cursor.block().length() - 1))
        self.editor.setTextCursor(cursor)
        self._highlight()

    def _lines(self) -> list[tuple[str, str]]:
        out = []
        block = self.editor.document().firstBlock()
        while block.isValid():
            slot = block.blockFormat().property(SLOT)
            out.append((block.text(), slot if isinstance(slot, str) else ""))
            block = block.next()
        return out

    def _on_text_changed(self) -> None:
        if self.section is None:
            return
        self.section.entries = entries_from_lines(self._lines(), self.section.entries)
        self._documents[id(self.section)] = (self.editor.document(), _signature(self.section))
        self._highlight()
        self.edited.emit()

    # -- shading and the context menu -------------------------------------------------------------------------

    def line_states(self) -> list[tuple[str, EntryState | None]]:
        """(text, state) of each line: AUTO, EDITED for generated entries, None for her own text."""
        assert self.section is not None
        by_slot = {e.source: e for e in self.section.entries if e.source}
        exact_taken: set[str] = set()
        states: list[tuple[str, EntryState | None]] = []
        for text, slot in self._lines():
            entry = by_slot.get(slot)
            state = None
            if entry is not None and entry.state is not EntryState.REMOVED and slot not in exact_taken:
                if entry.state is EntryState.AUTO and text == line_of(entry):
                    state = EntryState.AUTO
                    exact_taken.add(slot)
                elif entry.state is EntryState.EDITED and text.strip():
                    state = EntryState.EDITED
                    exact_taken.add(slot)
            states.append((text, state))
        return states

    def _highlight(self) -> None:
        if self.section is None:
            return
        selections = []
        block = self.editor.document().firstBlock()
        by_slot = {e.source: e for e in self.section.entries if e.source}
        for _text, state in self.line_states():
            if state is not None:
                slot = block.blockFormat().property(SLOT)
                entry = by_slot.get(slot)
                colour = TABLE_COLOUR if entry is not None and entry.kind is EntryKind.TABLE else (
                    AUTO_COLOUR if state is EntryState.AUTO else EDITED_COLOUR)
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(colour)
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                # The whole block selected: a wrapped sentence is shaded on every line it takes.
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selections.append(selection)
            block = block.next()
        self.editor.setExtraSelections(selections)

    def _entry_at(self, block_number: int) -> tuple[Entry | None, EntryState | None]:
        if self.section is None:
            return None, None
        block = self.editor.document().findBlockByNumber(block_number)
        states = self.line_states()
        if not block.isValid() or block_number >= len(states):
            return None, None
        state = states[block_number][1]
        slot = block.blockFormat().property(SLOT)
        entry = next((e for e in self.section.entries if e.source and e.source == slot), None)
        return (entry, state) if state is not None else (None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor.viewport() and isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            cursor = self.editor.cursorForPosition(event.pos())
            entry, state = self._entry_at(cursor.blockNumber())
            if state is EntryState.AUTO:
                QToolTip.showText(event.globalPos(), _("Computed from the figures: it changes when they change. "
                                                        "Edit it to make it yours."), self.editor)
            elif state is EntryState.EDITED and entry is not None:
                QToolTip.showText(event.globalPos(), _("Your edit of a computed sentence; it no longer follows the "
                                                        "figures. It began as: “{text}”").format(text=entry.basis),
                                  self.editor)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def context_actions(self, block_number: int) -> list[QAction]:
        """The actions the context menu offers for the line block_number (also used by the tests)."""
        actions: list[QAction] = []
        if self.section is None:
            return actions
        entry, state = self._entry_at(block_number)
        if entry is not None and state is EntryState.AUTO:
            act = QAction(_("Leave this computed line out"), self)
            act.triggered.connect(lambda: self.set_state(entry.source, EntryState.REMOVED))
            actions.append(act)
        elif entry is not None and state is EntryState.EDITED:
            act = QAction(_("Go back to the computed sentence"), self)
            act.triggered.connect(lambda: self.set_state(entry.source, EntryState.AUTO))
            actions.append(act)
        for removed in (e for e in self.section.entries if e.source and e.state is EntryState.REMOVED):
            text = line_of(removed)
            act = QAction(_("Bring back: {text}").format(text=text if len(text) < 70 else text[:69] + "…"), self)
            act.triggered.connect(lambda _checked=False, slot=removed.source: self.set_state(slot, EntryState.AUTO))
            actions.append(act)
        return actions

    def _show_menu(self, pos) -> None:
        menu = self.editor.createStandardContextMenu()
        actions = self.context_actions(self.editor.cursorForPosition(pos).blockNumber())
        if actions:
            menu.insertSeparator(menu.actions()[0])
            for act in reversed(actions):
                menu.insertAction(menu.actions()[0], act)
        menu.popup(self.editor.viewport().mapToGlobal(pos))
        self._menu = menu

    def set_state(self, slot: str, state: EntryState) -> None:
        """Leave out (REMOVED) or bring back (AUTO) the generated entry of slot; the text is laid out anew.

        A sentence brought back shows the text it had when computed; the figures reword it within a moment.
        """
        if self.section is None:
            return
        entries = []
        for entry in self.section.entries:
            if entry.source == slot:
                text = entry.basis if entry.state is EntryState.EDITED and entry.basis else entry.text
                entry = Entry(text, entry.kind, None, slot, state, "")
            entries.append(entry)
        self.section.entries = entries
        self.refresh()
        self.edited.emit()


def _signature(section: Section) -> tuple[tuple[object, ...], ...]:
    return tuple((e.source, e.state, e.kind, e.text) for e in section.entries)


def _fill(doc: QTextDocument, entries: list[Entry]) -> None:
    """Lay entries out in doc, one line each, generated ones carrying their slot in their block format."""
    doc.clear()
    cursor = QTextCursor(doc)
    first = True
    for entry in entries:
        if not entry.prints:
            continue
        if not first:
            cursor.insertBlock()
        first = False
        fmt = QTextBlockFormat()
        if entry.source:
            fmt.setProperty(SLOT, entry.source)
        cursor.setBlockFormat(fmt)
        cursor.insertText(line_of(entry))
    if first:
        cursor.setBlockFormat(QTextBlockFormat())
