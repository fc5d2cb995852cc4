"""The edit-conflict dialog: someone else saved the report she is editing; their value and hers, field by field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.conflicts import EditConflict
from app.i18n import _


class ConflictDialog(QDialog):
    """Shows every field where the stored report (theirs) and hers differ, and lets her keep either copy.

    Nothing is decided by closing it: Esc keeps the question open for the next save.

    Signals:
        mine_chosen(): save her copy over theirs.
        theirs_chosen(): drop her unsaved changes and continue from theirs.
    """

    mine_chosen = Signal()
    theirs_chosen = Signal()

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Someone else saved this report"))
        self.message_label = QLabel(conflict.message)
        self.message_label.setWordWrap(True)
        self.table = QTableWidget(len(conflict.conflicts), 3)
        self.table.setHorizontalHeaderLabels([_("Field"), _("Their value"), _("Your value")])
        for row, field in enumerate(conflict.conflicts):
            changed = []
            if field.changed_by_them:
                changed.append(_("changed by them"))
            if field.changed_by_me:
                changed.append(_("changed by you"))
            for column, text in enumerate((f"{field.label or field.path}\n({', '.join(changed)})", _show(field.theirs),
                                           _show(field.mine))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.verticalHeader().setVisible(False)

        # Buttons of our own: Qt ships no Vietnamese catalog for its standard ones.
        self.mine_button = QPushButton(_("Keep &mine (overwrite theirs)"))
        self.theirs_button = QPushButton(_("Keep &theirs (drop my unsaved changes)"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.theirs_button.setDefault(True)
        self.mine_button.clicked.connect(lambda: self._chosen(self.mine_chosen))
        self.theirs_button.clicked.connect(lambda: self._chosen(self.theirs_chosen))

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    def _chosen(self, signal: Any) -> None:
        self.accept()
        signal.emit()


def _show(value: Any) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, list):
        return "\n".join(map(str, value))
    return str(value)
