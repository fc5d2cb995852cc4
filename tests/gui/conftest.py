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
    from tests.gui.test_main_window import opened_window

    win = opened_window(qtbot, engine_url)
    yield win
    win.close()
