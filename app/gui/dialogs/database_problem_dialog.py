"""The damaged-database dialog: restore the newest backup, start with an empty database, or quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app import APP_DISPLAY_NAME
from app.i18n import _

if TYPE_CHECKING:
    from app.gui.tasks import Tasks
    from app.services.sessions import DamagedDatabaseError


class DatabaseProblemDialog(QDialog):
    """Says that the database file is damaged and offers the ways on; closing it (Esc, Quit) means quit.

    Both ways on keep the damaged file, renamed with the date and time beside it; quitting leaves it untouched, so the
    next start asks again.

    Signals:
        restore_chosen(): the user chose to restore the newest backup.
        empty_chosen(): the user chose to start with an empty database.
    """

    restore_chosen = Signal()
    empty_chosen = Signal()

    def __init__(self, path: Path, backup: Path | None, backup_time: str | None,
                 parent: QWidget | None = None) -> None:
        """backup is the newest intact backup and backup_time when it was made; None when there is none."""
        super().__init__(parent)
        self.setWindowTitle(_("The database is damaged"))
        self.problem_label = QLabel(_(
            "The database {file} is damaged: {app} cannot use it. Nothing more was written to it."
        ).format(file=path, app=APP_DISPLAY_NAME))
        if backup is not None:
            self.backup_label = QLabel(_(
                "The newest backup was made on {date}: {backup}. Restoring it brings your reports back as they were "
                "then; what changed after that is not in it."
            ).format(date=backup_time, backup=backup))
        else:
            self.backup_label = QLabel(_("There is no backup to restore."))
        self.kept_label = QLabel(_(
            "Restoring or starting empty keeps the damaged file in its folder, renamed with today's date and time, "
            "so that it can still be looked at or repaired; quitting leaves everything as it is."))
        for label in (self.problem_label, self.backup_label, self.kept_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Buttons of our own: Qt ships no Vietnamese catalog for its standard ones.
        self.restore_button = QPushButton(_("&Restore the newest backup"))
        self.empty_button = QPushButton(_("Start with an &empty database"))
        self.quit_button = QPushButton(_("&Quit"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setVisible(backup is not None)  # after addButton, which shows it
        (self.restore_button if backup is not None else self.quit_button).setDefault(True)
        self.restore_button.clicked.connect(lambda: self._chosen(self.restore_chosen))
        self.empty_button.clicked.connect(lambda: self._chosen(self.empty_chosen))
        self.quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        for label in (self.problem_label, self.backup_label, self.kept_label):
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _chosen(self, signal: Any) -> None:
        self.accept()
        signal.emit()


def offer_recovery(
    window: QWidget, error: DamagedDatabaseError, tasks: Tasks, url: str | None,
    on_opened: Callable[[Any], None], on_failed: Callable[[BaseException], None],
) -> DatabaseProblemDialog:
    """Open the dialog over window for the damaged database of url; the chosen way on runs in the database thread.

    on_opened gets the database opened after the recovery, on_failed what went wrong; quitting closes window.
    """
    from app.services import sessions

    backup = error.backup
    dialog = DatabaseProblemDialog(error.path, backup, sessions.backup_time(backup) if backup else None, window)

    def recover(action: Callable[[], Any]) -> None:
        tasks.run_db(action, on_opened, on_failed)

    if backup is not None:
        dialog.restore_chosen.connect(lambda: recover(lambda: sessions.restore_backup(url, backup)))
    dialog.empty_chosen.connect(lambda: recover(lambda: sessions.start_empty(url)))
    dialog.rejected.connect(window.close)
    dialog.open()
    return dialog
