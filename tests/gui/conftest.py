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
