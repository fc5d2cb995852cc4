"""Spell checking in the text boxes: a red wavy underline under words the Vietnamese dictionary does not know.

The dictionary is loaded, and every new word checked, on a thread of its own (SpellService); the underline shows
the words already checked and the rest follow a moment later, so typing never waits for the dictionary. Right-click
on an underlined word offers corrections and “Thêm vào từ điển” (the office dictionary, kept in the data folder).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from app.domain.spelling import SpellChecker, ToneStyle, words_to_check
from app.gui import ui_state
from app.i18n import _
from app.services import spelling

TONE_STYLE = ui_state.Key("preferences/tone_style", str, ToneStyle.NEW.value)


class SpellService(QObject):
    """The app's one spell checker, loaded and fed words off the GUI thread.

    Signals:
        checked(): words were checked (or the dictionary loaded, or a word added): underline again.
    """

    checked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker: SpellChecker | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spelling")
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._queued = False
        try:
            style = ToneStyle(ui_state.get(TONE_STYLE))
        except ValueError:
            style = ToneStyle.NEW
        self._executor.submit(self._load, style)

    def _load(self, style: ToneStyle) -> None:
        self.checker = spelling.load_checker(style)
        self.checked.emit()

    def request(self, words: list[str]) -> None:
        """Check words on the spelling thread; checked() follows."""
        with self._lock:
            self._pending.update(words)
            if self._queued:
                return
            self._queued = True
        self._executor.submit(self._check)

    def _check(self) -> None:
        with self._lock:
            words, self._pending, self._queued = self._pending, set(), False
        if self.checker is not None:
            for word in words:
                self.checker.is_correct(word)
        self.checked.emit()

    def add_word(self, word: str) -> None:
        """Add word to the office dictionary (in the data folder) and stop underlining it."""
        spelling.add_office_word(word)
        if self.checker is not None:
            self.checker.add_word(word)
        self.checked.emit()

    def set_style(self, style: ToneStyle) -> None:
        """Suggest words with their tone marks placed as style does ("hòa" or "hoà"); both are accepted."""
        ui_state.put(TONE_STYLE, style.value)
        if self.checker is not None:
            self.checker.style = style


_service: SpellService | None = None


def spell_service() -> SpellService:
    """The app's spell service, created on first use (it lives as long as the application)."""
    global _service
    if _service is None:
        _service = SpellService(QCoreApplication.instance())
    return _service


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a document with a red wavy line."""

    def __init__(self, document: QTextDocument, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self.misspelt_format = QTextCharFormat()
        self.misspelt_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt_format.setUnderlineColor(QColor("red"))
        service.checked.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:
        checker = self.service.checker
        if checker is None:
            return
        unknown = []
        for start, end, word in words_to_check(text):
            correct = checker.cached(word)
            if correct is None:
                unknown.append(word)
            elif not correct:
                self.setFormat(start, end - start, self.misspelt_format)
        if unknown:
            self.service.request(unknown)


def misspelt_at(edit: QPlainTextEdit, service: SpellService, cursor: QTextCursor) -> tuple[int, int, str] | None:
    """(start, end, word) in the document of the misspelt word under cursor, or None."""
    checker = service.checker
    if checker is None:
        return None
    block = cursor.block()
    column = cursor.positionInBlock()
    for start, end, word in words_to_check(block.text()):
        if start <= column <= end and checker.cached(word) is False:
            return block.position() + start, block.position() + end, word
    return None


def add_spelling_actions(menu: QMenu, edit: QPlainTextEdit, service: SpellService, cursor: QTextCursor) -> None:
    """Put the corrections of the misspelt word under cursor, and “add to dictionary”, at the top of menu."""
    found = misspelt_at(edit, service, cursor)
    if found is None or service.checker is None:
        return
    start, end, word = found
    actions: list[QAction] = []
    for suggestion in service.checker.suggestions(word):
        act = QAction(suggestion, menu)
        act.triggered.connect(lambda _c=False, s=suggestion: _replace(edit, start, end, s))
        actions.append(act)
    if not actions:
        none = QAction(_("(no suggestions)"), menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(_("Add to dictionary"), menu)
    add.triggered.connect(lambda: service.add_word(word))
    actions.append(add)
    first = menu.actions()[0] if menu.actions() else None
    if first is None:  # an empty menu: the suggestions and a separator, in that order
        menu.addActions(actions)
        menu.addSeparator()
        return
    for act in actions:
        menu.insertAction(first, act)
    menu.insertSeparator(first)


def _replace(edit: QPlainTextEdit, start: int, end: int, text: str) -> None:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
