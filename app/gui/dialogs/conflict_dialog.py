"""The edit-conflict dialog: someone else saved the report or profile she edits; their value and hers, per field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.conflicts import EditConflict, FieldConflict
from app.domain.report import Report
from app.i18n import _

THEIRS_COLUMN, MINE_COLUMN, CHOICE_COLUMN = 1, 2, 3
# The value she keeps, on a light green; the other stays plain.
KEPT_BACKGROUND = QColor("#dcefd9")


class ConflictDialog(QDialog):
    """Shows every field where the stored copy (theirs) and hers differ, and lets her keep either value per field.

    Each row has two radio buttons, "theirs" and "mine"; clicking a value picks it too. A row starts on the side that
    changed the field (hers when both did). "Save this choice" saves the mix; the two shortcuts keep all of one copy.
    Nothing is decided by closing it: Esc keeps the question open for the next save.

    Signals:
        mine_chosen(): save her copy over theirs.
        theirs_chosen(): drop her unsaved changes and continue from theirs.
        mix_chosen(object): save her copy with their value in each field whose path is in this set (of str).
    """

    mine_chosen = Signal()
    theirs_chosen = Signal()
    mix_chosen = Signal(object)

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflict.conflicts
        report = isinstance(conflict.theirs, Report)
        self.setWindowTitle(_("Someone else saved this report") if report
                            else _("Someone else saved this organisation profile"))
        self.message_label = QLabel(conflict.message)
        self.message_label.setWordWrap(True)
        self.table = QTableWidget(len(self.conflicts), 4)
        self.table.setHorizontalHeaderLabels([_("Field"), _("Their value"), _("Your value"), _("Keep")])
        self.choices: list[tuple[QRadioButton, QRadioButton]] = []
        for row, field in enumerate(self.conflicts):
            self._add_row(row, field)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 28)
        # The radio buttons take the keys (Tab, arrows); a current cell of the table would only add a frame.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.cellClicked.connect(self.on_cell_clicked)
        # Rows as tall as their wrapped text at the columns' width now, not at the width they had when filled.
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())

        # Buttons of our own: Qt ships no Vietnamese catalog for its standard ones.
        self.mix_button = QPushButton(_("&Save this choice"))
        self.mine_button = QPushButton(_("Keep all &mine (overwrite theirs)"))
        self.theirs_button = QPushButton(_("Keep all &theirs (drop my unsaved changes)"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.mix_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.mix_button.setDefault(True)
        self.mix_button.clicked.connect(self.on_mix_clicked)
        self.mine_button.clicked.connect(lambda: self._chosen(self.mine_chosen))
        self.theirs_button.clicked.connect(lambda: self._chosen(self.theirs_chosen))

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)
        # Most of the screen: each row shows a whole value where it can (a section's text is long).
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(screen.width() * 9 // 10, 1200), min(screen.height() * 17 // 20, 800))
        self.table.resizeRowsToContents()
        self.mix_button.setFocus()

    def _add_row(self, row: int, field: FieldConflict) -> None:
        changed = []
        if field.changed_by_them:
            changed.append(_("changed by them"))
        if field.changed_by_me:
            changed.append(_("changed by you"))
        for column, text in enumerate((f"{field.label or field.path}\n({', '.join(changed)})", _show(field.theirs),
                                       _show(field.mine))):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.table.setItem(row, column, item)
        theirs, mine = QRadioButton(_("theirs")), QRadioButton(_("mine"))
        group = QButtonGroup(self)
        cell = QWidget()
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(6, 2, 6, 2)
        for button in (theirs, mine):
            group.addButton(button)
            stack.addWidget(button)
            button.toggled.connect(lambda _on, row=row: self._show_choice(row))
        self.choices.append((theirs, mine))
        (theirs if field.changed_by_them and not field.changed_by_me else mine).setChecked(True)
        stack.addStretch(1)
        self.table.setCellWidget(row, CHOICE_COLUMN, cell)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The columns have their final width once the dialog is laid out: the rows follow the wrapped text.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def keep_theirs_paths(self) -> set[str]:
        """The paths of the fields where she keeps their value."""
        return {field.path for field, (theirs, _mine) in zip(self.conflicts, self.choices, strict=True)
                if theirs.isChecked()}

    def on_cell_clicked(self, row: int, column: int) -> None:
        if column in (THEIRS_COLUMN, MINE_COLUMN):
            self.choices[row][0 if column == THEIRS_COLUMN else 1].setChecked(True)

    def on_mix_clicked(self) -> None:
        keep = self.keep_theirs_paths()
        if not keep:
            self._chosen(self.mine_chosen)
        elif len(keep) == len(self.conflicts):
            self._chosen(self.theirs_chosen)
        else:
            self.accept()
            self.mix_chosen.emit(keep)

    def _show_choice(self, row: int) -> None:
        theirs_kept = self.choices[row][0].isChecked()
        for column, kept in ((THEIRS_COLUMN, theirs_kept), (MINE_COLUMN, not theirs_kept)):
            item = self.table.item(row, column)
            if item is not None:
                item.setBackground(QBrush(KEPT_BACKGROUND) if kept else QBrush())

    def _chosen(self, signal: Any) -> None:
        self.accept()
        signal.emit()


def _show(value: Any) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, list):
        return "\n".join(map(str, value))
    return str(value)
