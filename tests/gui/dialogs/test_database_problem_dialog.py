"""The damaged-database dialog: its ways on restore the backup or start empty, keep the damaged file, or quit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.gui.dialogs.database_problem_dialog import DatabaseProblemDialog, offer_recovery
from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from app.i18n import _
from app.paths import default_database_path
from app.services import reports
from app.services.sessions import DamagedDatabaseError, open_sessions
from app.storage.db import backup_database
from tests.storage.test_damaged_database import fill, flip_middle

# The offscreen platform cannot pass a window's size limits on; that is not the dialog's fault.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def damaged(demo):
    """The user's database with five reports and a backup of it, then damaged; the error opening it raises."""
    path = fill(demo)
    backup_database(path, label="0002")
    flip_middle(path)
    with pytest.raises(DamagedDatabaseError) as raised:
        open_sessions()
    return raised.value


def kept_files():
    return sorted(default_database_path().parent.glob("tongket-damaged-*.sqlite3"))


def test_the_dialog_names_the_file_and_the_backup_with_its_date(qtbot, damaged):
    dialog = DatabaseProblemDialog(damaged.path, damaged.backup, "2026-11-30 18:15")
    qtbot.addWidget(dialog)
    dialog.open()

    assert str(damaged.path) in dialog.problem_label.text()
    assert str(damaged.backup) in dialog.backup_label.text() and "2026-11-30 18:15" in dialog.backup_label.text()
    assert dialog.restore_button.isVisible()
    assert dialog.restore_button.text() == _("&Restore the newest backup")
    assert _("&Restore the newest backup") != "&Restore the newest backup"  # in Vietnamese


def test_without_a_backup_only_the_empty_database_and_quit_are_offered(qtbot, tmp_path):
    dialog = DatabaseProblemDialog(tmp_path / "tongket.sqlite3", None, None)
    qtbot.addWidget(dialog)
    dialog.open()

    assert not dialog.restore_button.isVisible()
    assert dialog.empty_button.isVisible() and dialog.quit_button.isVisible()
    assert dialog.backup_label.text() == _("There is no backup to restore.")


def test_restoring_brings_back_the_backup_and_keeps_the_damaged_file(qtbot, damaged):
    damaged_bytes = damaged.path.read_bytes()
    window, opened = QWidget(), []
    qtbot.addWidget(window)
    dialog = offer_recovery(window, damaged, Tasks(inline=True), None, opened.append, pytest.fail)

    click(qtbot, dialog.restore_button)

    [database] = opened
    try:
        assert len(reports.list_reports(database)) == 5
    finally:
        database.close()
    assert not dialog.isVisible()
    [kept] = kept_files()
    assert kept.read_bytes() == damaged_bytes


def test_starting_empty_opens_an_empty_database_and_keeps_the_damaged_file(qtbot, damaged):
    damaged_bytes = damaged.path.read_bytes()
    window, opened = QWidget(), []
    qtbot.addWidget(window)
    dialog = offer_recovery(window, damaged, Tasks(inline=True), None, opened.append, pytest.fail)

    click(qtbot, dialog.empty_button)

    [database] = opened
    try:
        assert reports.list_reports(database) == []
    finally:
        database.close()
    [kept] = kept_files()
    assert kept.read_bytes() == damaged_bytes


def test_quitting_closes_the_window_and_leaves_the_damaged_file_where_it_was(qtbot, damaged):
    damaged_bytes = damaged.path.read_bytes()
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = offer_recovery(window, damaged, Tasks(inline=True), None, pytest.fail, pytest.fail)

    click(qtbot, dialog.quit_button)

    assert not window.isVisible()
    assert damaged.path.read_bytes() == damaged_bytes
    assert kept_files() == []


def test_the_main_window_offers_the_dialog_on_a_damaged_database_and_opens_the_backup(qtbot, damaged):
    window = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(window)
    window.show()
    window.start()
    dialog = window.database_problem_dialog
    assert dialog.isVisible()

    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.restore_button)

    assert window.sessions is not None
    assert len(reports.list_reports(window.sessions)) == 5
    # The main window tells where the damaged file went.
    assert str(kept_files()[0]) in window.prompts.error_box.text()
    window.prompts.error_box.close()
    window.close()
