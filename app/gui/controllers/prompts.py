"""The window's questions and messages, opened without blocking; the last one of each kind is kept for tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_DISPLAY_NAME


class Prompts(QObject):
    """Yes/No questions, warnings and notices over parent, each opened with open(), never exec()."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.question_box: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.info_box: QMessageBox | None = None

    def ask(self, title: str, question: str, on_yes: Callable[[], None],
            icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> None:
        """A Yes/No question, No by default; on_yes() runs when the answer is Yes."""
        box = QMessageBox(icon, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: on_yes() if answer == QMessageBox.StandardButton.Yes else None)
        box.open()
        self.question_box = box

    def show_error(self, message: str, detail: str | None = None) -> None:
        """A warning the user can act on; detail (what exactly is wrong) goes under the message."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, message, QMessageBox.StandardButton.Ok,
                          self.window)
        if detail:
            box.setInformativeText(detail)
        box.open()
        self.error_box = box

    def inform(self, title: str, text: str, *actions: tuple[str, Callable[[], object]]) -> None:
        """A notice with OK and a button for each action given (its label, what it does)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        for label, fn in actions:
            button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(fn)
        box.open()
        self.info_box = box
