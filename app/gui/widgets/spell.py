"""Spell checking in the text boxes: a red wavy underline under words the Vietnamese dictionary does not know.

The dictionary is loaded, every new word checked and every correction found on a thread of its own (SpellService);
the GUI thread only reads results already known. The underline shows the words already checked and the blocks
waiting for the rest are drawn again when they come, so typing never waits for the dictionary. Right-click on an
underlined word offers corrections, “Thêm vào từ điển” (the office dictionary, kept in the data folder) and
“Bỏ qua”. The service keeps its own one-thread executor rather than app.gui.tasks: tasks run inline in tests,
and the point here is that the lookups never run on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from app.domain.spelling import SpellChecker, ToneStyle, words_to_check
from app.i18n import _
from app.services import spelling


class SpellService(QObject):
    """The app's one spell checker: the dictionary is loaded, words checked and corrections found on its own thread.

    The GUI thread only reads results already known (SpellChecker.cached); words not yet known are queued with
    request() and their results come back with checked(words). The tone style is the open report's setting.

    Signals:
        checked(object): these words (a list) were checked; an empty list means every word may have changed
            (the dictionary loaded, the tone style changed, a word was added).
        suggested(str, object): the corrections (a list) of a word asked for with request_suggestions().
    """

    checked = Signal(object)
    suggested = Signal(str, object)

    def __init__(self, parent: QObject | None = None, style: ToneStyle = ToneStyle.NEW) -> None:
        super().__init__(parent)
        self.checker: SpellChecker | None = None
        self.style = style
        # One thread: spylls is not known to be thread-safe, and the checks queue in order.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spelling")
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._queued = False
        self._suggestions: dict[str, list[str]] = {}
        self._asked: dict[str, Future[list[str]]] = {}
        self._executor.submit(self._load)

    def _load(self) -> None:
        checker = spelling.load_checker(self.style)
        if checker is not None:
            checker.set_style(self.style)
        self.checker = checker
        self.checked.emit([])

    def request(self, words: list[str]) -> None:
        """Check words on the spelling thread; checked(words) follows."""
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
                time.sleep(0)  # hand the interpreter to the GUI thread between words: typing goes first
        self.checked.emit(sorted(words))

    def known_suggestions(self, word: str) -> list[str] | None:
        """The corrections of word found already, or None when they are still being looked for."""
        return self._suggestions.get(word)

    def request_suggestions(self, word: str) -> Future[list[str]]:
        """Find the corrections of word on the spelling thread; suggested(word, corrections) follows."""
        if word not in self._asked:
            self._asked[word] = self._executor.submit(self._suggest, word)
        return self._asked[word]

    def _suggest(self, word: str) -> list[str]:
        found = self.checker.suggestions(word) if self.checker is not None else []
        self._suggestions[word] = found
        self.suggested.emit(word, found)
        return found

    def add_word(self, word: str) -> None:
        """Add word to the office dictionary (in the data folder) and stop underlining it."""
        spelling.add_office_word(word)
        if self.checker is not None:
            self.checker.add_word(word)
        self.checked.emit([])

    def ignore_word(self, word: str) -> None:
        """Stop underlining word until the app closes (the office dictionary is not changed)."""
        if self.checker is not None:
            self.checker.add_word(word)
        self.checked.emit([])

    def set_style(self, style: ToneStyle) -> None:
        """Flag words whose tone mark is placed the other way than style, and suggest them in style."""
        if style is self.style:
            return
        self.style = style
        self._suggestions.clear()
        self._asked.clear()

        def apply() -> None:
            if self.checker is not None:
                self.checker.set_style(style)
            self.checked.emit([])

        self._executor.submit(apply)


_service: SpellService | None = None


def spell_service() -> SpellService:
    """The app's spell service, created on first use (it lives as long as the application)."""
    global _service
    if _service is None:
        _service = SpellService(QCoreApplication.instance())
    return _service


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a document with a red wavy line; never looks a word up itself.

    A block is drawn with the results known; its unknown words go to the service, and when they come back only the
    blocks holding them are drawn again.
    """

    def __init__(self, document: QTextDocument, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self.misspelt_format = QTextCharFormat()
        self.misspelt_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelt_format.setUnderlineColor(QColor("red"))
        self._waiting: dict[str, set[int]] = {}  # word → numbers of the blocks drawn before its result was known
        service.checked.connect(self.on_checked)

    def on_checked(self, words: list[str]) -> None:
        document = self.document()
        if document is None:
            return
        if not words:
            self._waiting.clear()
            self.rehighlight()
            return
        arrived = [w for w in words if w in self._waiting]
        blocks: set[int] = set()
        for word in arrived:
            blocks |= self._waiting.pop(word)
        missed = set(arrived)
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                missed -= set(_words_of(block.text()))
                self.rehighlightBlock(block)
        if missed:  # lines were added or removed above meanwhile: find the words' blocks by their text
            block = document.firstBlock()
            while block.isValid():
                if missed.intersection(_words_of(block.text())):
                    self.rehighlightBlock(block)
                block = block.next()

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
            number = self.currentBlock().blockNumber()
            for word in unknown:
                self._waiting.setdefault(word, set()).add(number)
            self.service.request(unknown)


def _words_of(text: str) -> list[str]:
    return [word for _s, _e, word in words_to_check(text)]


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


# How long the context menu waits for corrections before it opens showing "looking for suggestions…", in seconds.
SUGGESTION_WAIT = 0.25


def add_spelling_actions(menu: QMenu, edit: QPlainTextEdit, service: SpellService, cursor: QTextCursor) -> None:
    """Put the corrections of the misspelt word under cursor, “add to dictionary” and “ignore” at the top of menu.

    Corrections are found on the spelling thread; when they take longer than SUGGESTION_WAIT the menu opens with
    “looking for suggestions…” in their place and fills in when they come.
    """
    found = misspelt_at(edit, service, cursor)
    if found is None or service.checker is None:
        return
    start, end, word = found
    first = menu.actions()[0] if menu.actions() else None
    suggestions = service.known_suggestions(word)
    if suggestions is None:
        future = service.request_suggestions(word)
        try:
            suggestions = future.result(timeout=SUGGESTION_WAIT)
        except FuturesTimeout:
            suggestions = None
    anchor = QAction(menu)
    anchor.setSeparator(True)
    if first is not None:
        menu.insertAction(first, anchor)
    else:
        menu.addAction(anchor)

    def fill(items: list[str], before: QAction) -> None:
        actions: list[QAction] = []
        for suggestion in items:
            act = QAction(suggestion, menu)
            act.triggered.connect(lambda _c=False, s=suggestion: _replace(edit, start, end, s))
            actions.append(act)
        if not actions:
            none = QAction(_("(no suggestions)"), menu)
            none.setEnabled(False)
            actions.append(none)
        menu.insertActions(before, actions)

    extra_before = anchor
    if suggestions is not None:
        fill(suggestions, anchor)
    else:
        waiting = QAction(_("Looking for suggestions…"), menu)
        waiting.setEnabled(False)
        menu.insertAction(anchor, waiting)

        def on_suggested(asked: str, items: list[str]) -> None:
            if asked != word or waiting not in menu.actions():
                return
            fill(items, waiting)
            menu.removeAction(waiting)

        service.suggested.connect(on_suggested)
        menu.destroyed.connect(lambda: service.suggested.disconnect(on_suggested))
    add = QAction(_("Add to dictionary"), menu)
    add.triggered.connect(lambda: service.add_word(word))
    ignore = QAction(_("Ignore"), menu)
    ignore.triggered.connect(lambda: service.ignore_word(word))
    menu.insertActions(extra_before, [add, ignore])


def attach_spelling(edit: QPlainTextEdit, service: SpellService) -> None:
    """Underline the misspelt words of a plain text box and offer corrections on its right-click menu."""
    if edit.document().findChild(SpellHighlighter) is None:
        SpellHighlighter(edit.document(), service)
    if edit.viewport().findChild(_SpellMenu) is None:
        edit.viewport().installEventFilter(_SpellMenu(edit, service))


class _SpellMenu(QObject):
    """Shows a text box's own right-click menu with the spelling actions on top."""

    def __init__(self, edit: QPlainTextEdit, service: SpellService) -> None:
        super().__init__(edit.viewport())
        self.edit = edit
        self.service = service

    def menu_at(self, pos: QPoint) -> QMenu:
        """The right-click menu at pos (viewport coordinates)."""
        menu = self.edit.createStandardContextMenu(pos)
        add_spelling_actions(menu, self.edit, self.service, self.edit.cursorForPosition(pos))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            menu = self.menu_at(event.pos())
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            return True
        return False


def _replace(edit: QPlainTextEdit, start: int, end: int, text: str) -> None:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
