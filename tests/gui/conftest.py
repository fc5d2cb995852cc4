"""Set-up shared by the GUI tests: each test gets its own settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

# -- settings -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """QSettings in INI files under the test's temporary folder, never the user's own settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


# -- the window on each engine ------------------------------------------------------------------


@pytest.fixture
def engine_window(qtbot, engine_url):
    """The main window, database open, on each engine (see engine_url): a SQLite file, then a PostgreSQL database."""
    from app.gui.main_window import MainWindow
    from app.gui.tasks import Tasks

    win = MainWindow(tasks=Tasks(inline=True), database_url=engine_url)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.start()
    yield win
    win.close()
